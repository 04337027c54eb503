"""Background jobs (reading an upload, OCR, a diff, a model, a draft, letters), each in a worker process.

One user's 20-page OCR must never freeze another's TXT: every job runs in a worker process of a bounded pool
(:class:`pebble.ProcessPool`, which can stop a running task, unlike the standard library's pool), in one of two
lanes: ``besar`` (PDFs, DOCX, large files: OCR and layout work) and ``kecil`` (text files and the quick jobs:
model, diff, draft, letters), so a short job never waits behind a long one. Within a lane jobs start in the order
they came; the page shows honestly how many are ahead. Each job has a memory limit (``RLIMIT_AS`` set in the
worker before it starts, inherited by Tesseract) and a time limit (the pool stops the worker), and can be
cancelled (a running one by stopping its worker; the pool starts a fresh one).

A job is a module-level function ``fn(job, *args)`` (so it can be sent to a worker). In the worker ``job`` is a
:class:`WorkerJob`: ``job.progress(message, fraction=None)`` reports a step (written to the job's folder, read
by the page's polling), ``job.offer(name, data)`` writes a file offered for download, ``job.outdir`` is that
folder. Errors the user can act on (:class:`rancang.errors.RancangError`) keep their Indonesian sentence; anything
else becomes one sentence too, never a traceback. Jobs are kept until removed or until ``keep`` newer ones have
finished, or until ``keep_seconds`` have passed since they ended (so what a named work folder keeps across restarts
never grows without bound); their addresses (``/baca/<id>``, ``/pekerjaan/<id>``) survive a reload.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import pickle
import re
import resource
import shutil
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import CancelledError
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from rancang import atomic
from rancang.errors import RancangError
from rancang.web.memory import out_of_memory, vm_peak

Progress = Callable[..., None]
#: the lanes and what they are for (Pekerjaan page)
LANES = {"kecil": "cepat", "besar": "berat (PDF, DOCX, OCR)"}
#: states in Indonesian, as the Pekerjaan page shows them
STATES = {"antre": "menunggu giliran", "berjalan": "berjalan", "selesai": "selesai", "gagal": "gagal",
          "dibatalkan": "dibatalkan"}
STATUS = ".status.json"  # what a worker reports; a dot-name is never offered for download
KEPT = ".pekerjaan.pickle"  # an ended job as the app keeps it across a restart (its folder, its result)
#: the name of a job's folder (its id)
JOB_FOLDER = re.compile(r"^[0-9a-f]{32}$")


class WorkerJob:
    """What a job's function sees in its worker: its folder, and ways to report progress and offer files."""

    def __init__(self, jid: str, outdir: Path) -> None:
        self.id = jid
        self.outdir = outdir
        self._last = 0.0

    def progress(self, message: str, fraction: float | None = None) -> None:
        """Report a step: a short Indonesian sentence, and how far along (0..1) when known."""
        fraction = None if fraction is None else max(0.0, min(1.0, fraction))
        tmp = self.outdir / f"{STATUS}.{os.getpid()}"
        try:  # the folder is made by the app; gone means the job was removed while its worker was being stopped
            tmp.write_text(json.dumps({"message": message, "fraction": fraction}), encoding="utf-8")
            os.replace(tmp, self.outdir / STATUS)
        except FileNotFoundError:
            pass

    def offer(self, name: str, data: bytes) -> str:
        """Write ``data`` as file ``name`` of this job (offered for download); returns the name."""
        atomic.write_bytes(self.outdir / name, data)
        return name


def _work(fn: Callable[..., Any], jid: str, outdir: Path, memory: int, args: tuple) -> Any:
    """Run ``fn(job, *args)`` in a worker under the memory limit (bytes); returns its result, or raises a
    :class:`RancangError` whose sentence the page shows. A job that failed because it ran out of memory under the
    limit (:func:`out_of_memory`) says so, whatever the library that failed made of it."""
    if memory:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = memory if hard == resource.RLIM_INFINITY else min(memory, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    job = WorkerJob(jid, outdir)
    job.progress("Sedang dikerjakan…")
    peak = vm_peak()
    try:
        return fn(job, *args)
    except Exception as exc:
        if memory and out_of_memory(exc, memory, peak):
            raise RancangError(f"pekerjaan dihentikan: melampaui batas memori {memory >> 20} MB; berkas ini "
                               "memerlukan lebih banyak memori daripada yang diizinkan untuk satu pekerjaan.") from None
        raise


def _start_forkserver() -> None:
    """Start multiprocessing's fork server (if not running) with the current folder off its import path.

    The server runs ``python -c``, whose first import path is the current folder, and Python 3.11's server ignores
    the parent's ``sys.path``: started from a rancang checkout after ``pip install .``, the checkout's ``rancang/``
    folder (the core alone) shadowed the installed package and every worker failed to import ``rancang.web``.
    ``PYTHONSAFEPATH`` (Python 3.11+) leaves that folder out; it is set only while the server starts."""
    from multiprocessing import forkserver

    before = os.environ.get("PYTHONSAFEPATH")
    os.environ["PYTHONSAFEPATH"] = "1"
    try:
        forkserver.ensure_running()
    finally:
        if before is None:
            os.environ.pop("PYTHONSAFEPATH", None)
        else:
            os.environ["PYTHONSAFEPATH"] = before


def _ready() -> bool:
    """A job that does nothing: starts a worker ahead of the first real job."""
    return True


@dataclass
class Job:
    """One unit of background work, as the app (not the worker) keeps it."""

    id: str
    kind: str
    title: str
    outdir: Path
    lane: str = "kecil"
    address: str = ""
    key: tuple = ()
    state: str = "antre"  # antre | berjalan | selesai | gagal | dibatalkan
    message: str = "Menunggu giliran…"
    fraction: float | None = None
    result: Any = None
    error: str | None = None
    created: float = field(default_factory=time.time)
    started: float | None = None
    finished: float | None = None
    files: list[str] = field(default_factory=list)
    future: Any = field(default=None, repr=False)

    @property
    def done(self) -> bool:
        return self.state in ("selesai", "gagal", "dibatalkan")

    @property
    def elapsed(self) -> int:
        """Seconds since the job was asked for (until it ended)."""
        return int((self.finished or time.time()) - self.created)

    @property
    def state_label(self) -> str:
        return STATES[self.state]

    def progress(self, message: str, fraction: float | None = None) -> None:
        """Report a step (jobs run in the app itself, ``inline``)."""
        self.message = message
        self.fraction = None if fraction is None else max(0.0, min(1.0, fraction))

    def offer(self, name: str, data: bytes) -> str:
        atomic.write_bytes(self.outdir / name, data)
        return name

    def refresh(self) -> None:
        """Take the worker's latest report (its status file) while the job has not ended."""
        if self.done:
            return
        try:
            status = json.loads((self.outdir / STATUS).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if self.state == "antre":
            self.state, self.started = "berjalan", time.time()
        self.message, self.fraction = status.get("message") or self.message, status.get("fraction")

    def scan(self) -> None:
        """Offer every file the job wrote into its folder (dot-files are the runner's own)."""
        if self.outdir.is_dir():
            self.files = [p.name for p in sorted(self.outdir.iterdir()) if p.is_file() and not p.name.startswith(".")]


class Jobs:
    """The running app's jobs: two lanes of worker processes, the last ``keep`` finished jobs remembered.

    ``workers``: processes per lane {"kecil": n, "besar": n}; ``memory``: bytes per job (0: no limit);
    ``seconds``: time limit per job; ``inline``: run each job in the request itself (tests of pages);
    ``keep``: ended jobs remembered at most; ``keep_seconds``: how long an ended job is remembered (0: no limit)."""

    def __init__(self, outdir: Path, workers: dict[str, int] | None = None, keep: int = 40, inline: bool = False,
                 memory: int = 0, seconds: float = 1800, keep_seconds: float = 0) -> None:
        self.outdir = outdir
        self.keep = keep
        self.keep_seconds = keep_seconds
        self.inline = inline
        self.memory = memory
        self.seconds = seconds
        self.workers = workers or {"kecil": 1, "besar": 1}
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._pools: dict[str, Any] = {}
        self._reload()

    def _reload(self) -> None:
        """Take back the ended jobs an earlier run of the app kept in ``outdir`` (a work folder the user named
        survives a restart), within the count and age bounds. A job folder without a readable record (a job that
        never ended, or a record of another version of rancang) is left alone until it is older than
        ``keep_seconds``, then deleted with the expired ones."""
        kept = []
        for path in self.outdir.glob(f"*/{KEPT}") if self.outdir.is_dir() else []:
            try:
                job = pickle.loads(path.read_bytes())
            except Exception:  # noqa: BLE001 - from another version of rancang: not taken back
                continue
            if isinstance(job, Job) and job.outdir == path.parent:
                kept.append(job)
        for job in sorted(kept, key=lambda j: j.created):
            self._jobs[job.id] = job
        with self._lock:
            self._expire()
        if self.keep_seconds and self.outdir.is_dir():
            cutoff = time.time() - self.keep_seconds
            for folder in self.outdir.iterdir():
                if (JOB_FOLDER.match(folder.name) and folder.is_dir() and folder.name not in self._jobs
                        and folder.stat().st_mtime < cutoff):
                    shutil.rmtree(folder, ignore_errors=True)

    @staticmethod
    def record(job: Job) -> None:
        """Write an ended job's record into its folder (see :meth:`_reload`); again after its result changed
        (a reading saved to the corpus)."""
        try:
            data = pickle.dumps(replace(job, future=None))
        except Exception:  # noqa: BLE001 - a result that cannot be pickled stays for this run only
            return
        with contextlib.suppress(OSError, RancangError):
            atomic.write_bytes(job.outdir / KEPT, data)

    def submit(self, kind: str, title: str, fn: Callable[..., Any], *args: Any, lane: str = "kecil",
               address: str = "", key: tuple = ()) -> Job:
        """Queue ``fn(job, *args)`` in ``lane`` (run at once in the request when ``inline``); returns the job.
        ``address``: the page that shows the job ('' -> ``/pekerjaan/<id>``); ``key``: what the job computes,
        so the same request finds it again (:meth:`find`)."""
        jid = uuid.uuid4().hex
        job = Job(id=jid, kind=kind, title=title, outdir=self.outdir / jid, lane=lane,
                  address=address.format(id=jid) if address else f"/pekerjaan/{jid}", key=key)
        job.outdir.mkdir(parents=True, exist_ok=True)
        with self._lock:
            self._jobs[jid] = job
            self._expire()
        if self.inline:
            job.state, job.started = "berjalan", time.time()
            try:
                self._ended(job, result=fn(job, *args))
            except Exception as exc:  # noqa: BLE001 - one sentence, never a traceback
                self._ended(job, exc=exc)
            return job
        job.future = self._pool(lane).schedule(_work, args=(fn, jid, job.outdir, self.memory, args),
                                               timeout=self.seconds)
        job.future.add_done_callback(lambda f: self._collect(job, f))
        return job

    def get(self, jid: str) -> Job | None:
        """The job ``jid`` while it is remembered (None once removed or expired)."""
        with self._lock:
            self._expire()
            job = self._jobs.get(jid)
        if job is not None:
            job.refresh()
        return job

    def find(self, kind: str, key: tuple) -> Job | None:
        """The newest job of ``kind`` computing ``key`` that has not failed or been cancelled."""
        with self._lock:
            jobs = [j for j in self._jobs.values() if j.kind == kind and j.key == key and j.state not in
                    ("gagal", "dibatalkan")]
        return jobs[-1] if jobs else None

    def all(self) -> list[Job]:
        """Every remembered job, newest first (the ones past the age bound are forgotten first)."""
        with self._lock:
            self._expire()
            jobs = list(self._jobs.values())
        for j in jobs:
            j.refresh()
        return jobs[::-1]

    def queue(self, job: Job) -> tuple[int, int]:
        """(jobs queued before ``job`` in its lane, jobs running in that lane): what a waiting job waits for."""
        with self._lock:
            lane = [j for j in self._jobs.values() if j.lane == job.lane and not j.done]
        for j in lane:
            j.refresh()
        return (sum(1 for j in lane if j.state == "antre" and j.created < job.created),
                sum(1 for j in lane if j.state == "berjalan"))

    def cancel(self, jid: str) -> Job | None:
        """Stop a job: a queued one never starts, a running one's worker is stopped. Returns the job."""
        job = self.get(jid)
        if job is None or job.done:
            return job
        if job.future is not None:
            job.future.cancel()
        job.state, job.message, job.finished = "dibatalkan", "Dibatalkan.", time.time()
        return job

    def remove(self, jid: str) -> bool:
        """Forget a job and delete its files (a running one is cancelled first)."""
        self.cancel(jid)
        with self._lock:
            job = self._jobs.pop(jid, None)
        if job is not None:
            shutil.rmtree(job.outdir, ignore_errors=True)
        return job is not None

    def warm(self) -> None:
        """Start every lane's workers now (the app's start), so the first job does not wait for one to start."""
        if not self.inline:
            for lane in self.workers:
                for _ in range(self.workers[lane]):
                    self._pool(lane).schedule(_ready)

    def shutdown(self) -> None:
        for pool in self._pools.values():
            pool.stop()
            pool.join(timeout=5)

    def _pool(self, lane: str) -> Any:
        from pebble import ProcessPool

        with self._lock:
            if lane not in self._pools:
                # forkserver: workers are started from a clean process, not forked from the threaded server
                ctx = multiprocessing.get_context("forkserver")
                ctx.set_forkserver_preload(["rancang.web.app"])  # each new worker starts with the stages loaded
                _start_forkserver()
                self._pools[lane] = ProcessPool(max_workers=self.workers[lane], context=ctx)
            return self._pools[lane]

    def _collect(self, job: Job, future: Any) -> None:
        try:
            self._ended(job, result=future.result())
        except CancelledError:
            job.state, job.finished = "dibatalkan", job.finished or time.time()
        except FutureTimeout:
            self._ended(job, exc=RancangError(f"pekerjaan dihentikan: melampaui batas waktu "
                                              f"{int(self.seconds // 60) or 1} menit."))
        except Exception as exc:  # noqa: BLE001
            self._ended(job, exc=exc)

    def _ended(self, job: Job, result: Any = None, exc: BaseException | None = None) -> None:
        if job.state == "dibatalkan":
            return
        job.scan()
        job.finished = time.time()
        if exc is None:
            job.result, job.state, job.message, job.fraction = result, "selesai", "Selesai.", 1.0
        elif isinstance(exc, RancangError):
            job.error, job.state = exc.format_message(), "gagal"
        elif type(exc).__name__ == "ProcessExpired":
            job.error, job.state = ("pekerjaan berhenti tiba-tiba (kemungkinan kehabisan memori); coba berkas yang "
                                    "lebih kecil atau hubungi pengelola."), "gagal"
        else:
            job.error = f"galat internal ({type(exc).__name__}: {exc}); mohon laporkan ke pengembang."
            job.state = "gagal"
        if job.outdir.is_dir():
            self.record(job)

    def _expire(self) -> None:
        """Forget (and delete the folders of) the ended jobs beyond the newest ``keep`` and those that ended more
        than ``keep_seconds`` ago. Called with the lock held."""
        ended = [j for j in self._jobs.values() if j.done]
        old = ended[: max(0, len(ended) - self.keep)]
        if self.keep_seconds:
            cutoff = time.time() - self.keep_seconds
            old += [j for j in ended[len(old):] if (j.finished or j.created) < cutoff]
        for job in old:
            del self._jobs[job.id]
            shutil.rmtree(job.outdir, ignore_errors=True)

"""Background jobs for long work (reading a 100-page PDF, OCR, a diff, a draft), polled by the page via htmx.

A job is a function ``fn(progress, outdir)`` run in a worker thread. ``progress(message, fraction=None)`` reports
what it is doing; ``outdir`` is the job's own folder for files it offers for download. The page polls
``/tugas/<id>`` and shows the message (and a bar when a fraction is known) until the job has a result or an error.
Errors the user can act on (:class:`rancang.errors.RancangError`) keep their Indonesian sentence; anything else
becomes one sentence too, never a traceback. Old jobs are forgotten and their folders removed.
"""

from __future__ import annotations

import shutil
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rancang import atomic
from rancang.errors import RancangError

Progress = Callable[..., None]


@dataclass
class Job:
    """One unit of background work and what it has produced so far."""

    id: str
    kind: str
    title: str
    outdir: Path
    state: str = "berjalan"  # berjalan | selesai | gagal
    message: str = "Menunggu giliran…"
    fraction: float | None = None
    result: Any = None
    error: str | None = None
    started: float = field(default_factory=time.monotonic)
    files: list[str] = field(default_factory=list)

    @property
    def done(self) -> bool:
        return self.state != "berjalan"

    @property
    def elapsed(self) -> int:
        return int(time.monotonic() - self.started)

    def progress(self, message: str, fraction: float | None = None) -> None:
        """Report a step: a short Indonesian sentence, and how far along (0..1) when known."""
        self.message = message
        self.fraction = None if fraction is None else max(0.0, min(1.0, fraction))

    def offer(self, name: str, data: bytes) -> str:
        """Write ``data`` as file ``name`` of this job (offered for download); returns the name."""
        atomic.write_bytes(self.outdir / name, data)
        if name not in self.files:
            self.files.append(name)
        return name

    def scan(self) -> None:
        """Offer every file the job's function wrote into its folder itself (e.g. through a stage's ``write``)."""
        if self.outdir.is_dir():
            for p in sorted(self.outdir.iterdir()):
                if p.is_file() and p.name not in self.files:
                    self.files.append(p.name)


class Jobs:
    """The running app's jobs: at most ``workers`` at a time, the last ``keep`` remembered."""

    def __init__(self, outdir: Path, workers: int = 2, keep: int = 40, inline: bool = False) -> None:
        self.outdir = outdir
        self.keep = keep
        self.inline = inline
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._pool = None if inline else ThreadPoolExecutor(max_workers=workers, thread_name_prefix="rancang-job")

    def submit(self, kind: str, title: str, fn: Callable[[Job], Any]) -> Job:
        """Start ``fn(job)`` in the background (in the request itself when ``inline``); returns the job."""
        jid = uuid.uuid4().hex
        job = Job(id=jid, kind=kind, title=title, outdir=self.outdir / jid)
        with self._lock:
            self._jobs[jid] = job
            self._expire()
        if self._pool is None:
            self._run(job, fn)
        else:
            self._pool.submit(self._run, job, fn)
        return job

    def get(self, jid: str) -> Job | None:
        with self._lock:
            return self._jobs.get(jid)

    def shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)

    @staticmethod
    def _run(job: Job, fn: Callable[[Job], Any]) -> None:
        try:
            job.progress("Sedang dikerjakan…")
            job.result = fn(job)
            job.scan()
            job.state = "selesai"
        except RancangError as exc:
            job.error, job.state = exc.format_message(), "gagal"
        except Exception as exc:  # noqa: BLE001 - the page shows one sentence, never a traceback
            job.error = f"galat internal ({type(exc).__name__}: {exc}); mohon laporkan ke pengembang."
            job.state = "gagal"

    def _expire(self) -> None:
        while len(self._jobs) > self.keep:
            _, old = self._jobs.popitem(last=False)
            shutil.rmtree(old.outdir, ignore_errors=True)

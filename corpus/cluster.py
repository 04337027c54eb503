"""Reading many regulations on a Dask cluster: workers read and parse, the client alone writes the store.

A national corpus (514 kabupaten/kota and 38 provinces, hundreds of regulations each, many of them scans read by
OCR at seconds a page) outgrows one machine. :func:`cluster_map` runs a function over many items as Dask tasks,
either on a ``LocalCluster`` of ``jobs`` processes on this machine or on an existing ``distributed`` scheduler
given by address (``--scheduler`` or ``$RANCANG_SCHEDULER``) for a real cluster.

Workers never touch the store. The client ships each file's bytes to a task (so workers need no shared
filesystem), gets back the parsed tree as a plain dict, and writes it in its own transaction; the store is keyed
by sha256, so a rerun after an interruption skips what is already stored and finishes the rest. A worker lost
mid-batch loses nothing either: the scheduler runs its tasks again on another worker (``distributed`` retries a
task whose worker died up to ``distributed.scheduler.allowed-failures`` times).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rancang.errors import InputError, RancangError, install_extra, os_reason
from rancang.ingest import ingest_bytes

#: environment variable naming an existing scheduler ("tcp://10.0.0.5:8786")
SCHEDULER_ENV = "RANCANG_SCHEDULER"
#: tasks in flight per worker: enough to keep workers busy, few enough that results never pile up in memory
IN_FLIGHT_PER_WORKER = 4


def scheduler_address(given: str | None = None) -> str | None:
    """The scheduler to use: ``given`` (``--scheduler``), else ``$RANCANG_SCHEDULER``, else None (a local
    cluster)."""
    return given or os.environ.get(SCHEDULER_ENV) or None


@contextmanager
def client(jobs: int, scheduler: str | None = None) -> Iterator[Any]:
    """A ``distributed.Client``: connected to ``scheduler`` when given, else to a new ``LocalCluster`` of ``jobs``
    single-threaded worker processes (no dashboard) that is closed afterwards.

    Raises :class:`RancangError` with one sentence when Dask is not installed or the scheduler cannot be
    reached."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise RancangError("pembacaan terdistribusi memerlukan Dask: " + install_extra("cluster") + ".") from exc
    if scheduler:
        try:
            c = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError) as exc:
            why = "waktu tunggu habis" if isinstance(exc, TimeoutError) else os_reason(exc)
            raise RancangError(f"penjadwal Dask {scheduler} tidak dapat dihubungi ({why}).") from exc
        try:
            yield c
        finally:
            c.close()
        return
    with LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=50) as cluster, Client(cluster) as c:
        yield c


def cluster_map(fn: Callable[[Any], Any], items: Iterable[Any], c: Any,
                done: Callable[[int], None] | None = None) -> Iterator[Any]:
    """``fn`` over ``items`` as tasks of client ``c``, yielding results in input order.

    At most :data:`IN_FLIGHT_PER_WORKER` tasks per worker are submitted ahead, so a long batch holds few results
    in memory; ``done(1)`` is called as each result comes back (the progress bar). ``fn`` must be importable by
    the workers (a module-level function of rancang)."""
    workers = max(1, len(c.scheduler_info().get("workers", {})))
    pending: deque = deque()
    for item in items:
        pending.append(c.submit(fn, item, pure=False))
        if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
            yield _result(pending.popleft(), done)
    while pending:
        yield _result(pending.popleft(), done)


def _result(future: Any, done: Callable[[int], None] | None) -> Any:
    result = future.result()
    future.release()
    if done:
        done(1)
    return result


def read_file(item: tuple[str, bytes]) -> dict[str, Any] | str:
    """Task: parse one file's bytes (its name only names it in messages) into a tree dict, or the one-sentence
    reason it cannot be read (messages cross processes; exceptions would not say it in Indonesian)."""
    name, data = item
    try:
        return ingest_bytes(data, name).to_dict()
    except InputError as exc:
        return exc.format_message()
    except Exception as exc:  # noqa: BLE001 - a broken file must not stop the batch; it is reported
        return f"{Path(name).name}: tidak dapat dibaca ({type(exc).__name__}: {exc})."


def read_files(files: list[Path], c: Any, done: Callable[[int], None] | None = None
               ) -> Iterator[tuple[Path, dict[str, Any] | str]]:
    """Parse ``files`` on the cluster of client ``c``, yielding (file, tree dict or reason) in input order.
    Each file is read here and sent to a worker as bytes."""
    items = ((str(f), f.read_bytes()) for f in files)
    yield from zip(files, cluster_map(read_file, items, c, done), strict=True)

"""Worker functions of the corpus store: ingest files and model topics over processes, in input order."""

from __future__ import annotations

import json
import os
import threading
import time
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from rancang.corpus.topics import topics_of
from rancang.errors import InputError
from rancang.ingest import ingest_path
from rancang.tree import Regulation


def ingest_one(path: str) -> dict[str, Any] | str:
    """Worker: parse one file; a readable error message instead of an exception (it crosses processes)."""
    try:
        return ingest_path(path).to_dict()
    except InputError as exc:
        return exc.format_message()
    except Exception as exc:  # noqa: BLE001 - a broken file must not stop the batch; it is reported
        return f"{Path(path).name}: tidak dapat dibaca ({type(exc).__name__}: {exc})."


def topics_one(item: tuple[str, bytes]) -> tuple[str, dict[str, Any] | str]:
    """Worker: model topics of one stored tree (an error message if the model cannot run)."""
    rid, blob = item
    try:
        return rid, topics_of(Regulation.from_dict(json.loads(zlib.decompress(blob).decode("utf-8"))))
    except InputError as exc:
        return rid, exc.format_message()


def ingest_all(files: list[Path], jobs: int | None) -> Iterator[tuple[Path, dict[str, Any] | str]]:
    """Parse ``files`` (in parallel when there are several), yielding results in input order."""
    results = worker_map(ingest_pair, (str(f) for f in files), len(files), jobs)
    for f, (_, result) in zip(files, results, strict=True):
        yield f, result


def ingest_pair(path: str) -> tuple[str, dict[str, Any] | str]:
    return path, ingest_one(path)


def worker_map(fn: Callable[[Any], Any], items: Iterable[Any], n: int, jobs: int | None) -> Iterator[Any]:
    """``map(fn, items)`` in input order: inline for one item or one job, else over worker processes.

    Submission is bounded (a few tasks per worker in flight) so a long batch never holds every result in
    memory, and Ctrl-C cancels what has not started.
    """
    jobs = min(jobs or os.cpu_count() or 1, n)
    if jobs <= 1:
        yield from map(fn, items)
        return
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_watch_parent, initargs=(os.getpid(),))
    pending: deque = deque()
    it = iter(items)
    try:
        for item in it:
            pending.append(pool.submit(fn, item))
            if len(pending) >= jobs * 4:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _watch_parent(parent: int) -> None:
    """Worker initializer: exit when the parent process is gone (killed), instead of waiting forever."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()

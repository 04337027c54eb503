"""Worker functions of the corpus store: ingest files and model topics over processes, in input order."""

from __future__ import annotations

import concurrent.futures
import json
import os
import threading
import time
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from rancang.corpus import stem
from rancang.corpus.rows import clauses
from rancang.corpus.topics import topics_of
from rancang.errors import InputError
from rancang.ingest import ingest_path
from rancang.tree import Regulation


def ingest_one(path: str) -> dict[str, Any] | str:
    """Worker: parse one file; a readable error message instead of an exception (it crosses processes)."""
    reg = _read(path)
    return reg if isinstance(reg, str) else reg.to_dict()


def _read(path: str) -> Regulation | str:
    """The tree of one file, or the one-sentence reason it cannot be read."""
    try:
        return ingest_path(path)
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


#: CPU seconds one process spends per KiB of a text file (read, tree, stems of its words), and per other file (a PDF
#: or DOCX: at least its pages' text layer, at worst OCR); measured on 2 cores, docs/benchmarks.md "corpus add"
TEXT_SECONDS_PER_KIB = 0.0008
OTHER_SECONDS = 0.25
#: estimated CPU seconds of a batch from which worker processes pay (their start and the trees sent back cost
#: about a tenth of a second; below this a serial run is as fast)
POOL_FROM_SECONDS = 0.5
TEXT_SUFFIXES = {".txt", ".md", ".json"}


def plan(files: list[Path], jobs: int | None) -> int:
    """How many processes read ``files``: ``jobs`` when given (``-j``); else one (serial) when the estimated work
    is below :data:`POOL_FROM_SECONDS` or fewer than two cores are free (cores less the load average besides this
    process: on a busy machine workers only queue behind other programs and add their own cost), else one per
    free core, never more than files. Only the speed depends on it: every plan writes the same store."""
    if jobs:
        return jobs
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    cores = min(cores, int(cores - max(0.0, os.getloadavg()[0] - 1) + 0.5)) if hasattr(os, "getloadavg") else cores
    work = sum(_kib(f) * TEXT_SECONDS_PER_KIB if f.suffix.lower() in TEXT_SUFFIXES else OTHER_SECONDS
               for f in files)
    return 1 if cores < 2 or work < POOL_FROM_SECONDS else min(cores, len(files))


def _kib(f: Path) -> float:
    try:
        return f.stat().st_size / 1024
    except OSError:  # gone since it was listed: its reader says so in one sentence
        return 0.0


def ingest_all(files: list[Path], jobs: int | None) -> Iterator[tuple[Path, dict[str, Any] | str]]:
    """Parse ``files`` (over :func:`plan` processes), yielding results in input order. The stems of each
    tree's clause words come back with it (:func:`rancang.corpus.stem.vocabulary`) and are learnt here before the
    tree is yielded, so the store's stem index is filled without stemming again in the writing process."""
    results = worker_map(ingest_pair, (str(f) for f in files), len(files), plan(files, jobs))
    for f, (_, result, words) in zip(files, results, strict=True):
        stem.learn(words)
        yield f, result


def ingest_pair(path: str) -> tuple[str, dict[str, Any] | str, dict[str, str]]:
    """Worker: (path, tree dict or reason, {word: stem} of the tree's clauses)."""
    reg = _read(path)
    if isinstance(reg, str):
        return path, reg, {}
    return path, reg.to_dict(), stem.vocabulary(c.text for c in clauses(reg))


def worker_map(fn: Callable[[Any], Any], items: Iterable[Any], n: int, jobs: int | None) -> Iterator[Any]:
    """``map(fn, items)`` in input order: inline for one item or one job, else over worker processes.

    Submission is bounded (a few tasks per worker in flight) so a long batch never holds every result in
    memory, and Ctrl-C cancels what has not started.
    """
    jobs = min(jobs or os.cpu_count() or 1, n)
    if jobs <= 1:
        yield from map(fn, items)
        return
    pool = concurrent.futures.ProcessPoolExecutor(max_workers=jobs, initializer=_watch_parent, initargs=(os.getpid(),))
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

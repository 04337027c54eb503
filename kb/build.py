"""``rancang kb build``: read every act of a collection with rancang's own reader (over Dask, or a process pool
when Dask is absent) and keep what each says about acts, one JSON line per file (the observations), then compile
them into the knowledge base (:mod:`rancang.kb.compile`).

The collection is the layout of ``mblonyox/data-peraturan`` (``data-peraturan/{uu,pp,...}/YYYY/N.md``) beside
BPK metadata (``bpk-uu-metadata/uu-YYYY-N.json``), as ``/work/shared/national`` holds them; the regional texts
bundled with rancang (``rancang.corpus`` seeds) are read too. Reading the texts is the slow part (minutes on two
cores); the observations file lets the compile step run again without reading them.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any, BinaryIO

import yaml

from rancang import atomic
from rancang.corpus import cluster
from rancang.corpus.workers import worker_map
from rancang.errors import InputError
from rancang.kb.compile import compile_acts
from rancang.kb.observe import observe_item
from rancang.kb.store import write


def collection_files(root: Path) -> list[tuple[str, str]]:
    """The texts to read: (path, name) for every ``*.md`` under ``root/data-peraturan`` (name relative to it,
    "pp/2016/18.md"), sorted. Raises InputError when ``root`` holds no such folder."""
    texts = root / "data-peraturan"
    if not texts.is_dir():
        raise InputError(f"{root}: tidak ada folder data-peraturan/ (koleksi mblonyox/data-peraturan).")
    return [(str(p), p.relative_to(texts).as_posix()) for p in sorted(texts.rglob("*.md"))]


def bundled_files() -> list[tuple[str, str]]:
    """The regional texts bundled with rancang (``rancang.corpus`` seeds): (path, "seed/NAME")."""
    seeds = resources.files("rancang.corpus").joinpath("seeds")
    return [(str(p), f"seed/{p.name}") for p in sorted(Path(str(seeds)).glob("*.txt"))]


@contextmanager
def _client(jobs: int, scheduler: str | None) -> Iterator[Any]:
    """A Dask client (``scheduler``, else a local cluster of ``jobs`` processes), or None when Dask is not
    installed or one job is asked for and no scheduler was named (the process pool reads instead)."""
    address = cluster.scheduler_address(scheduler)
    if address is None and jobs <= 1:
        yield None  # one process: read here (the pool runs inline)
        return
    if address is None:
        try:
            import distributed  # noqa: F401 - only whether it is installed
        except ImportError:
            yield None
            return
    with cluster.client(jobs, address) as c:
        yield c


def observe_all(items: list[tuple[str, str]], out: Path, jobs: int | None = None, scheduler: str | None = None,
                progress: Callable[[int], None] | None = None) -> dict[str, Any]:
    """Read ``items`` and write one observation per line to ``out`` (gzip JSONL), in input order, and the reading
    figures beside it (``out`` + ``.figures.json``); the two files are one set written through
    :mod:`rancang.atomic` (a failure or a signal leaves the old pair, never a file cut short). Returns the reading
    figures: {files, seconds, files_per_second, refused: [{file, sentence}], errors: [{file, error}]}. Raises
    OutputError when the files cannot be written."""
    jobs = jobs or os.cpu_count() or 1
    t0 = time.perf_counter()
    refused: list[dict[str, str]] = []
    errors: list[dict[str, str]] = []

    def fill(raw: BinaryIO) -> None:
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz, _client(jobs, scheduler) as c:
            results = cluster.cluster_map(observe_item, items, c, progress) if c is not None else _pooled(
                items, jobs, progress)
            for obs in results:
                if "refused" in obs:
                    refused.append({"file": obs["file"], "sentence": obs["refused"]})
                if "error" in obs:
                    errors.append({"file": obs["file"], "error": obs["error"]})
                gz.write((json.dumps(obs, ensure_ascii=False) + "\n").encode("utf-8"))

    with atomic.Staged(out.parent) as staged:
        staged.add(out.name, fill)
        seconds = time.perf_counter() - t0
        reading = {"files": len(items), "seconds": round(seconds, 1),
                   "files_per_second": round(len(items) / seconds, 2) if seconds else None,
                   "refused": refused, "errors": errors}
        staged.add(figures_path(out).name, json.dumps(reading, ensure_ascii=False))
    return reading


def figures_path(observations: Path) -> Path:
    """Where the reading figures of ``observations`` are kept (beside it)."""
    return observations.with_name(observations.name + ".figures.json")


def _pooled(items: list[tuple[str, str]], jobs: int, progress: Callable[[int], None] | None) -> Iterator[Any]:
    for obs in worker_map(observe_item, items, len(items), jobs):
        if progress:
            progress(1)
        yield obs


def observations_path() -> Path:
    """Where a build keeps what it read (the user's cache folder), for ``--reuse``."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("rancang")) / "kb-observations.jsonl.gz"


def read_observations(path: Path) -> Iterator[dict[str, Any]]:
    """The observations written by :func:`observe_all`, one dict a file."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


_REPO = re.compile(r"repository\s+`(?P<repo>[^`]+)`(?:,\s*folder\s+`(?P<folder>[^`]+)`)?,\s*commit\s+"
                   r"(?P<commit>[0-9a-f]{40})")


def supplement() -> dict[str, Any]:
    """``data/supplement.yaml``: facts read from official texts the collection does not hold."""
    return yaml.safe_load(resources.files("rancang.kb").joinpath("data/supplement.yaml").read_text(encoding="utf-8"))


def provenance(root: Path) -> list[dict[str, str]]:
    """The source repositories and commits the collection's README names ("repository `x/y`, commit abc...")."""
    out = []
    for readme in sorted(root.glob("README*")):
        for m in _REPO.finditer(readme.read_text(encoding="utf-8", errors="replace")):
            out.append({k: v for k, v in m.groupdict().items() if v})
    return out


def pasal_plausibility(observations: list[dict[str, Any]], bpk_dir: Path) -> dict[str, Any]:
    """For the UU that BPK lists: how often the reader's Pasal count equals (and lies within 10% of) an
    independent count of "Pasal N" headings in sequence (:func:`rancang.kb.observe.independent_pasal_count`)."""
    listed = {p.stem for p in bpk_dir.glob("uu-*.json")} if bpk_dir.is_dir() else set()
    read = refused = equal = near = 0
    for obs in observations:
        m = re.match(r"^uu/(\d{4})/(\w+)\.md$", obs.get("file", ""))
        if not m or f"uu-{m[1]}-{m[2]}" not in listed:
            continue
        if "pasal" not in obs:
            refused += 1
            continue
        read += 1
        a, b = obs["pasal"], obs["pasal_seq"]
        equal += a == b
        near += abs(a - b) <= max(1, round(0.1 * b))
    return {"uu_listed": len(listed), "uu_read": read, "uu_refused": refused, "pasal_equal": equal,
            "pasal_within_10_percent": near}


def build(root: Path, acts_path: Path, build_path: Path, observations: Path, jobs: int | None = None,
          scheduler: str | None = None, progress: Callable[[int], None] | None = None, reuse: bool = False,
          bundled: bool = True, on_items: Callable[[int], None] | None = None) -> dict[str, Any]:
    """The whole build: read the collection under ``root`` (and the bundled regional texts) into
    ``observations`` (unless ``reuse`` and it exists), compile, write the knowledge base. Returns the build
    record written to ``build_path`` (sources, figures)."""
    items = collection_files(root) + (bundled_files() if bundled else [])
    if on_items:
        on_items(len(items))
    figures = figures_path(observations)
    if reuse and observations.exists():
        reading: dict[str, Any] = (json.loads(figures.read_text(encoding="utf-8")) if figures.exists()
                                   else {"files": len(items)})
        reading["reused"] = True
    else:
        reading = observe_all(items, observations, jobs, scheduler, progress)
    obs = list(read_observations(observations))
    bpk = root / "bpk-uu-metadata"
    records = compile_acts(obs, bpk if bpk.is_dir() else None, supplement())
    statuses: dict[str, int] = {}
    for rec in records:
        for name, fact in rec["facts"].items():
            statuses[f"{name}:{fact['status']}"] = statuses.get(f"{name}:{fact['status']}", 0) + 1
    record = {"sources": provenance(root), "collection": root.name, "bundled": [n for _, n in bundled_files()]
              if bundled else [], "reading": reading, "acts": len(records), "facts": dict(sorted(statuses.items())),
              "pasal": pasal_plausibility(obs, bpk),
              "reader_fallback": sum(1 for o in obs if o.get("cites_from") == "raw" and o.get("cites")),
              "judul_lost_or_differs": sum(1 for o in obs if "self_reader" in o)}
    write(records, record, acts_path, build_path)
    return record

"""``rancang corpus add`` of a folder: serial (``-j 1``) against a process pool (``-j 2``) and the default (the
command chooses, :func:`rancang.corpus.workers.plan`), in equal interleaved rounds, each a new process.

The batch is the four seeds and national UU texts (every 7th of ``/work/shared/national/data-peraturan/uu`` that
reads as a tree), copied into a folder; ``--pdf`` adds the same texts as PDF (a text layer). For every run: CPU
(user+system of the child and its workers, ``/usr/bin/time``), wall, peak RSS of the parent, and the machine's load
average. Run::

    python benchmarks/bench_corpus_add.py [--files 10 20 40 80] [--rounds 3] [--pdf]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_ingest import batch_texts  # noqa: E402
from fixtures import build_pdf  # noqa: E402

MODES = {"serial -j 1": ["-j", "1"], "pool -j 2": ["-j", "2"], "default": []}


def folder_of(n: int, pdf: bool, into: Path) -> Path:
    files = batch_texts(n - 4)
    for i, f in enumerate(files):
        shutil.copy(f, into / f"{i:03d}_{f.name}")
        if pdf:
            (into / f"{i:03d}_{f.stem}.pdf").write_bytes(build_pdf(f.read_text(encoding="utf-8")))
    return into


def run(folder: Path, args: list[str], db: Path) -> tuple[float, float, float]:
    """(CPU s, wall s, parent peak MB) of one ``rancang corpus add`` into a new database."""
    db.unlink(missing_ok=True)
    cmd = ["/usr/bin/time", "-f", "%U %S %M", sys.executable, "-c", "from rancang.cli import main; main()",
           "corpus", "add", "--no-seed", "--db", str(db), *args, str(folder)]
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t
    if proc.returncode:
        raise SystemExit(proc.stderr[-600:])
    user, system, rss = proc.stderr.strip().splitlines()[-1].split()
    return float(user) + float(system), wall, int(rss) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, nargs="+", default=[80], help="batch sizes (the crossover: several)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pdf", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "all").mkdir()
        every = sorted(folder_of(max(args.files), args.pdf, Path(tmp) / "all").iterdir())
        for size in args.files:
            folder = Path(tmp) / f"in{size}"
            folder.mkdir()
            for f in every[:size * (2 if args.pdf else 1)]:
                shutil.copy(f, folder / f.name)
            measure(folder, args.rounds, Path(tmp) / "c.sqlite")


def measure(folder: Path, rounds: int, db: Path) -> None:
    n = len(list(folder.iterdir()))
    kib = sum(f.stat().st_size for f in folder.iterdir()) // 1024
    print(f"{n} files ({kib} KiB), {os.cpu_count()} cores, {rounds} interleaved rounds")
    got: dict[str, list[tuple[float, float, float, float]]] = {m: [] for m in MODES}
    for _ in range(rounds):
        for mode, flags in MODES.items():
            load = os.getloadavg()[0]
            got[mode].append((*run(folder, flags, db), load))
    for mode, rows in got.items():
        cpu = [r[0] for r in rows]
        wall = [r[1] for r in rows]
        print(f"  {mode:12} CPU {statistics.median(cpu):.2f} s ({min(cpu):.2f}-{max(cpu):.2f})  wall "
              f"{statistics.median(wall):.2f} s ({min(wall):.2f}-{max(wall):.2f})  peak {rows[0][2]:.0f} MB  "
              f"load {min(r[3] for r in rows):.1f}-{max(r[3] for r in rows):.1f}")
    base = statistics.median(r[1] for r in got["serial -j 1"])
    print("  wall, serial / pool: " + ", ".join(
        f"{mode} {base / statistics.median(r[1] for r in got[mode]):.2f}x" for mode in ("pool -j 2", "default")))


if __name__ == "__main__":
    main()

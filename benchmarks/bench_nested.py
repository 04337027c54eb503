"""The cost of a list nested one level deeper on every line (issue 32: "200k nested lines cost 5.7 s / 595 MB").

    python benchmarks/bench_nested.py [--lines 25000 50000 100000 190000]

Each input is ``Pasal 1`` / ``Pegawai wajib:`` and N lines "a. x;" (each "a." restarts the list inside the item
before it, up to ``limits.list_depth``; deeper ones continue the innermost list) and ``Pasal 2``; ``rancang ingest
-o`` runs on it in a child process. Prints, per N: the input's size, the child's CPU seconds (user + system), its
peak resident memory (``wait4``'s ``ru_maxrss``), CPU microseconds and peak kilobytes per line, and the first
words of its message. Linear work shows as flat columns per line; the peak is bounded by ``limits.document_lines``
(the largest N that is read at all).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path


def run(lines: int, work: Path) -> tuple[int, float, int, str]:
    """(input bytes, CPU seconds, peak RSS in KB, first line of stderr) of ``rancang ingest`` on ``lines`` items."""
    src = work / f"bertingkat-{lines}.txt"
    src.write_text("Pasal 1\nPegawai wajib:\n" + "a. x;\n" * lines + "\nPasal 2\nCukup.\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "rancang.cli", "ingest", str(src), "-o", str(work / "x.json")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read().decode("utf-8", "replace")
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0  # reaped by wait4
    return src.stat().st_size, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, (err.splitlines() or [""])[0]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lines", type=int, nargs="+", default=[25_000, 50_000, 100_000, 190_000])
    args = ap.parse_args()
    base = run(10, Path(tempfile.mkdtemp(prefix="bench-nested-")))  # the interpreter and imports alone
    print(f"baseline (10 lines): {base[1]:.2f} s CPU, {base[2] // 1024} MB")
    print("| lines | input | CPU s | peak MB | CPU us/line (over baseline) | peak KB/line (over baseline) | message |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="bench-nested-") as work:
        for n in args.lines:
            size, cpu, rss, msg = run(n, Path(work))
            print(f"| {n:,} | {size / 1e6:.2f} MB | {cpu:.2f} | {rss // 1024} | {(cpu - base[1]) / n * 1e6:.1f} | "
                  f"{(rss - base[2]) / n:.2f} | {msg[:90]} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

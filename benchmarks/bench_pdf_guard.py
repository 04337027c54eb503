"""The PDF guard's scan on a crafted file of digit runs (issue 33 item 2): the pattern of the last round against
today's linear scan, CPU time, on the same bytes.

    python benchmarks/bench_pdf_guard.py [--streams 120] [--run 8000]

The crafted PDF is valid and small: one page, then ``--streams`` streams whose dictionaries each follow a comment of
``--run`` digits. The old guard looked 8 KB back from every "stream" with ``(\\d+)\\s+\\d+\\s+obj\\b``, which gives a
digit run back one digit at a time from every start: quadratic in the run. Prints both times and their ratio, and
the machine's load.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from test_pdf_bounds import digit_runs  # noqa: E402

from rancang.ingest.readers.pdf import guard as pdf_guard  # noqa: E402

OLD_OBJ = re.compile(rb"(\d+)\s+\d+\s+obj\b")
OLD_STREAM = re.compile(rb"(?<![A-Za-z])stream(?:\r\n|\n|\r)")


def old_scan(data: bytes) -> int:
    """The object-header lookup of the previous guard (8 KB back from each stream), nothing else."""
    found, pos = 0, 0
    while (m := OLD_STREAM.search(data, pos)) is not None:
        head = data[max(0, m.start() - 8192):m.start()]
        found += len(list(OLD_OBJ.finditer(head)))
        end = data.find(b"endstream", m.end())
        pos = len(data) if end < 0 else end
    return found


def cpu(fn, *args) -> float:
    t0 = time.process_time()
    fn(*args)
    return time.process_time() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--streams", type=int, default=120)
    ap.add_argument("--run", type=int, default=8000)
    args = ap.parse_args()
    data = digit_runs(args.streams, args.run)
    new = min(cpu(pdf_guard.check, data, "x.pdf") for _ in range(3))
    old = cpu(old_scan, data)
    load = os.getloadavg()[0]
    print(f"{len(data) / 1e6:.2f} MB, {args.streams} streams after {args.run}-digit runs; load {load:.1f}")
    print(f"old pattern (header lookup only): {old:.2f} s CPU; guard today (whole check): {new:.3f} s CPU; "
          f"{old / max(new, 1e-6):.0f}x")


if __name__ == "__main__":
    main()

"""Time one ``rancang`` command run by two checkouts, alternately, each run a new process (issue 33: only figures
taken in the same rounds count on a shared machine).

    python benchmarks/ab_time.py [--rounds N] OLD NEW -- ARGS...

``OLD`` and ``NEW`` are checkouts, each with its own ``.venv`` (``OLD/.venv/bin/rancang``); ``ARGS`` are the
command's arguments, where ``{out}`` becomes a fresh output folder of each run and ``{db}`` a store path that does not
exist yet (also given as ``RANCANG_DB``: a first draft on a new machine). Prints CPU (user + system of the process
and its children, ``/usr/bin/time``) medians with ranges, peak RSS, and the load average over the rounds. Examples
(docs/benchmarks.md)::

    python benchmarks/ab_time.py --rounds 6 /tmp/old . -- ingest FOLDER -o {out}
    python benchmarks/ab_time.py --rounds 4 /tmp/old . -- draft --contoh sleman -o {out}
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path


def run(root: Path, args: list[str], work: Path) -> tuple[float, float]:
    """(CPU seconds, peak RSS in MB) of one run of ``root``'s rancang with ``args``."""
    out, db = work / "out", work / "store.db"
    shutil.rmtree(out, ignore_errors=True)
    for leftover in work.glob("store.db*"):
        leftover.unlink()
    argv = [a.replace("{out}", str(out)).replace("{db}", str(db)) for a in args]
    env = dict(os.environ, RANCANG_DB=str(db))
    proc = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", str(root / ".venv" / "bin" / "rancang"), *argv],
                          capture_output=True, text=True, env=env, timeout=1800)
    user, system, rss_kb = proc.stderr.strip().splitlines()[-1].split()
    return float(user) + float(system), int(rss_kb) / 1024


def main(argv: list[str]) -> int:
    if "--" not in argv or len(argv[1:argv.index("--")]) < 2:
        print(__doc__)
        return 2
    head, args = argv[1:argv.index("--")], argv[argv.index("--") + 1:]
    rounds = int(head[head.index("--rounds") + 1]) if "--rounds" in head else 5
    old, new = (Path(p).resolve() for p in head[-2:])
    runs: dict[str, list[tuple[float, float]]] = {"old": [], "new": []}
    loads: list[float] = []
    with tempfile.TemporaryDirectory(prefix="ab_time_") as tmp:
        for _ in range(rounds):
            for name, root in (("old", old), ("new", new)):
                runs[name].append(run(root, args, Path(tmp)))
            loads.append(os.getloadavg()[0])
    for name, root in (("old", old), ("new", new)):
        cpu = [c for c, _ in runs[name]]
        print(f"{name} ({root}): CPU {statistics.median(cpu):.3f} s ({min(cpu):.2f}-{max(cpu):.2f}, n={len(cpu)}), "
              f"peak {statistics.median([m for _, m in runs[name]]):.0f} MB")
    ratio = statistics.median([c for c, _ in runs["old"]]) / statistics.median([c for c, _ in runs["new"]])
    print(f"old/new {ratio:.3f}; load average {min(loads):.1f}-{max(loads):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

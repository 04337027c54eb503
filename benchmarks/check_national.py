"""Precision of `rancang check` on national acts it has never seen: every GALAT on a random sample of UU and PP
texts (mblonyox/data-peraturan conversions), printed for a person to read and judge, with the count by rule.

docs/check.md records the judged samples (seeds 11 and 23). A GALAT listed here is a candidate false finding until
read: open the act, find the cited provision, and decide.

    python benchmarks/check_national.py DIR [N] [SEED]     # DIR: the data-peraturan folder (holds uu/ and pp/)
"""

from __future__ import annotations

import collections
import random
import sys
from pathlib import Path

from rancang.errors import RancangError
from rancang.generate.check import check
from rancang.ingest import ingest_path


def main(root: Path, n: int = 60, seed: int = 11, low: int = 5_000, high: int = 80_000) -> None:
    """Print each GALAT of ``n`` acts drawn with ``seed`` among the UU/PP of 2000-2029 sized ``low``-``high`` bytes."""
    files = sorted(root.glob("uu/20[012]*/*.md")) + sorted(root.glob("pp/20[012]*/*.md"))
    files = [f for f in files if low < f.stat().st_size < high]
    pick = random.Random(seed).sample(files, min(n, len(files)))
    count: collections.Counter[str] = collections.Counter()
    levels: collections.Counter[str] = collections.Counter()
    doubted: collections.Counter[str] = collections.Counter()
    read = 0
    for path in pick:
        try:
            reg = ingest_path(path)
        except RancangError:
            continue
        read += 1
        for f in check(reg):
            levels[f["severity"]] += 1
            doubted[f["severity"]] += bool(f.get("doubt"))
            if f["severity"] == "error":
                count[f["rule"]] += 1
                print(f"{path.relative_to(root)}\t{f['rule']}\t{f['cite']}\t{f['message'][:160]}")
    print(f"{read} acts read; GALAT by rule: {dict(count.most_common())}")
    print("findings by level (of which saying why the reading is doubtful): "
          + ", ".join(f"{k} {levels[k]} ({doubted[k]})" for k in ("error", "warning", "info")))


if __name__ == "__main__":
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    main(Path(args[0]), *(int(a) for a in args[1:3]))

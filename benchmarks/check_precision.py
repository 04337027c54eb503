"""Precision of `rancang check` on real acts: every GALAT and PERINGATAN (and, with ``--info``, INFO) on a sample,
one line each for a person to read and judge (file, severity, rule, cite, "doubt" when the finding says why its
reading is doubtful else "plain", message), and the count by severity and rule.

The sample (docs/check-precision.md): the files and folders given (seeds, extra, cases/real), plus ``--national N``
acts drawn with ``--seed`` from the data-peraturan folder (``uu/`` and ``pp/`` of every year, under ``--max-bytes``).
A finding listed here is a candidate until read: open the act, find the cited provision, and decide.

    python benchmarks/check_precision.py [PATH ...] [--national DIR] [-n 150] [--seed 8] [--spread] [--fresh-from 9]
        [--out findings.tsv]
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
import time
from pathlib import Path

from rancang.errors import RancangError
from rancang.generate.check import check
from rancang.ingest import ingest_path

READABLE = (".txt", ".md", ".pdf", ".docx", ".json")


def sample(paths: list[str], national: str | None, n: int, seed: int, max_bytes: int,
           spread: bool = False, avoid: frozenset[Path] = frozenset()) -> list[Path]:
    """The files of ``paths`` (a folder gives its readable files, README excluded) and ``n`` national acts drawn
    with ``seed`` among ``national``'s uu/*/*.md and pp/*/*.md under ``max_bytes``; with ``spread`` drawn in turn
    from each (jenis, decade) group, so UU and PP of every decade are in the sample; never a file of ``avoid``
    (another sample's national acts)."""
    out: list[Path] = []
    for p in map(Path, paths):
        files = sorted(p.iterdir()) if p.is_dir() else [p]
        out += [f for f in files if f.suffix.lower() in READABLE and not f.name.lower().startswith("readme")]
    if national:
        root = Path(national)
        pool = [f for f in sorted(root.glob("uu/*/*.md")) + sorted(root.glob("pp/*/*.md"))
                if f.stat().st_size < max_bytes and f not in avoid]
        rng = random.Random(seed)
        if not spread:
            return out + rng.sample(pool, min(n, len(pool)))
        groups: dict[tuple[str, str], list[Path]] = collections.defaultdict(list)
        for f in pool:
            groups[(f.parent.parent.name, f.parent.name[:3])].append(f)
        queues = [rng.sample(g, len(g)) for _, g in sorted(groups.items())]
        drawn: list[Path] = []
        while len(drawn) < min(n, len(pool)):
            drawn += [q.pop() for q in queues if q][: n - len(drawn)]
        out += drawn
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--national")
    ap.add_argument("-n", type=int, default=150)
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--max-bytes", type=int, default=150_000)
    ap.add_argument("--spread", action="store_true", help="draw in turn from each (UU/PP, decade) group")
    ap.add_argument("--fresh-from", type=int, action="append", default=[],
                    help="leave out the national acts the same command draws with this seed (repeatable)")
    ap.add_argument("--info", action="store_true")
    ap.add_argument("--out", default="-")
    args = ap.parse_args()
    avoid = frozenset(f for other in args.fresh_from
                      for f in sample([], args.national, args.n, other, args.max_bytes, args.spread))
    files = sample(args.paths, args.national, args.n, args.seed, args.max_bytes, args.spread, avoid)
    shown = ("error", "warning", "info") if args.info else ("error", "warning")
    by_rule: dict[str, collections.Counter[str]] = {s: collections.Counter() for s in ("error", "warning", "info")}
    doubted: collections.Counter[str] = collections.Counter()
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")  # noqa: SIM115
    read, refused, start = 0, 0, time.monotonic()
    for path in files:
        try:
            reg = ingest_path(path)
        except RancangError:
            refused += 1
            continue
        read += 1
        for f in check(reg):
            by_rule[f["severity"]][f["rule"]] += 1
            doubted[f["severity"]] += bool(f.get("doubt"))
            if f["severity"] in shown:
                msg = " ".join(f["message"].split())
                doubt = "doubt" if f.get("doubt") else "plain"
                print(f"{path}\t{f['severity']}\t{f['rule']}\t{f['cite']}\t{doubt}\t{msg}", file=out)
    if out is not sys.stdout:
        out.close()
    print(f"{read} acts read, {refused} refused, {time.monotonic() - start:.0f} s", file=sys.stderr)
    for s in ("error", "warning", "info"):
        total = sum(by_rule[s].values())
        print(f"{s}: {total} ({doubted[s]} saying why the reading is doubtful) {dict(by_rule[s].most_common())}",
              file=sys.stderr)


if __name__ == "__main__":
    main()

"""The facts two knowledge bases differ in: per fact name, the values and statuses that change, the facts added and
removed, and the relations (amended_by, repealed_by) added and removed, with examples. Titles are left out (their
spelling varies with every reading).

Usage: python benchmarks/kb_diff.py OLD/acts.jsonl.gz NEW/acts.jsonl.gz [EXAMPLES]   (default 8 examples a kind)
"""

from __future__ import annotations

import collections
import gzip
import json
import sys
from typing import Any


def load(path: str) -> dict[str, dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return {r["key"]: r for r in map(json.loads, fh)}


def diff(a: dict[str, dict[str, Any]], b: dict[str, dict[str, Any]]) -> dict[tuple[str, str], list[tuple]]:
    """{(fact or relation, kind): [(key, old, new)]}, kind one of value, status, added, removed."""
    out: dict[tuple[str, str], list[tuple]] = collections.defaultdict(list)
    for k in sorted(set(a) | set(b)):
        fa, fb = (a.get(k) or {}).get("facts", {}), (b.get(k) or {}).get("facts", {})
        for f in sorted((set(fa) | set(fb)) - {"tentang"}):
            va = (fa[f]["value"], fa[f]["status"]) if f in fa else None
            vb = (fb[f]["value"], fb[f]["status"]) if f in fb else None
            if va != vb:
                kind = ("added" if va is None else "removed" if vb is None else
                        "value" if va[0] != vb[0] else "status")
                out[(f, kind)].append((k, va, vb))
        for rel in ("amended_by", "repealed_by"):
            ra = {x["act"] for x in (a.get(k) or {}).get(rel, [])}
            rb = {x["act"] for x in (b.get(k) or {}).get(rel, [])}
            out[(rel, "added")] += [(k, None, x) for x in sorted(rb - ra)]
            out[(rel, "removed")] += [(k, x, None) for x in sorted(ra - rb)]
    return {key: rows for key, rows in out.items() if rows}


def main() -> None:
    a, b = load(sys.argv[1]), load(sys.argv[2])
    shown = int(sys.argv[3]) if len(sys.argv) > 3 else 8
    print(f"acts {len(a)} -> {len(b)}")
    for key, rows in sorted(diff(a, b).items()):
        print(key, len(rows))
        for row in rows[:shown]:
            print("   ", row)


if __name__ == "__main__":
    main()

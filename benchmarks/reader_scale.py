"""The reader at scale: read every text of the national collection (``/work/shared/national``: 1,535 UU and
4,336 PP) with rancang's own reader and report what it refused, its internal errors (goal: none) and how often
its Pasal count agrees with an independent count of "Pasal N" headings in sequence
(:func:`rancang.kb.observe.independent_pasal_count`), overall and for the UU that BPK lists.

    nice .venv/bin/python benchmarks/reader_scale.py /work/shared/national --jobs 2 --out /tmp/scale.jsonl.gz

Writes one observation per file (gzip JSONL, :func:`rancang.kb.build.observe_all`) and prints the figures as JSON.
``--figures-only`` recomputes the figures from an existing observations file.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from rancang.corpus.workers import worker_map
from rancang.kb.build import collection_files, pasal_plausibility, read_observations
from rancang.kb.observe import observe_item


def _decade(name: str) -> str:
    m = re.match(r"^(\w+)/(\d{3})\d/", name)
    return f"{m[1]} {m[2]}0s" if m else "other"


def figures(obs: list[dict[str, Any]], bpk: Path) -> dict[str, Any]:
    """Refused files (by sentence and decade), internal errors, Pasal-count agreement (all read texts; BPK UU)."""
    refused = [o for o in obs if "refused" in o]
    read = [o for o in obs if "pasal" in o and o.get("pasal") is not None]
    equal = sum(o["pasal"] == o["pasal_seq"] for o in read)
    near = sum(abs(o["pasal"] - o["pasal_seq"]) <= max(1, round(0.1 * o["pasal_seq"])) for o in read)
    return {
        "files": len(obs),
        "refused": len(refused),
        "refused_by_sentence": Counter(re.sub(r"^[^:]*: ", "", o["refused"]) for o in refused).most_common(5),
        "refused_by_decade": dict(sorted(Counter(_decade(o["file"]) for o in refused).items())),
        "errors": sum("error" in o for o in obs),
        "read": len(read),
        "pasal_equal_all": equal,
        "pasal_within_10_percent_all": near,
        "bpk_uu": pasal_plausibility(obs, bpk),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("root", type=Path)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", type=Path, default=Path("/tmp/reader-scale.jsonl.gz"))
    ap.add_argument("--figures-only", action="store_true")
    args = ap.parse_args()
    if not args.figures_only:
        import gzip

        items = collection_files(args.root)
        tmp = args.out.with_name(args.out.name + ".part")
        with gzip.open(tmp, "wt", encoding="utf-8") as fh:
            for obs in worker_map(observe_item, items, len(items), args.jobs):
                obs.pop("trace", None) if "error" not in obs else None
                fh.write(json.dumps(obs, ensure_ascii=False) + "\n")
        tmp.replace(args.out)
    obs = list(read_observations(args.out))
    print(json.dumps(figures(obs, args.root / "bpk-uu-metadata"), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()

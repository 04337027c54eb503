"""Precision of `check`'s L3 (publication numbers against the knowledge base) at scale: every L3 finding on N
national texts drawn at random, each checked against the shipped knowledge base without its own votes (``check``
never counts the checked act as evidence for itself), printed with the entry for a person to judge.

Usage: python benchmarks/kb_precision.py /work/shared/national [N] [SEED]   (default 500 texts, seed 7)
"""

from __future__ import annotations

import collections
import json
import random
import sys
from pathlib import Path

from rancang.errors import RancangError
from rancang.generate.check import legal_bases
from rancang.ingest import ingest_path
from rancang.kb.build import collection_files, observations_path, read_observations


def main() -> None:
    root = Path(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 7
    selves = {o["file"]: o.get("self") for o in read_observations(observations_path())}
    files = random.Random(seed).sample(collection_files(root), n)
    count: collections.Counter[str] = collections.Counter()
    found = []
    for path, name in files:
        try:
            reg = ingest_path(path, validate=False)
        except RancangError:
            count["refused"] += 1
            continue
        own = selves.get(name)
        if own:  # the act as the collection's path names it (a scan's judul may be lost)
            reg.meta.jenis, reg.meta.nomor, reg.meta.tahun = own["jenis"], own["nomor"], own["tahun"]
            reg.meta.daerah_jenis = "nasional"
        count["read"] += 1
        for f in legal_bases.check_numbers(reg):
            count[f"{f['rule']}:{f['severity']}"] += 1
            found.append({"file": name, "rule": f["rule"], "message": f["message"]})
    json.dump({"texts": n, "seed": seed, "count": dict(count), "findings": found}, sys.stdout, indent=1,
              ensure_ascii=False)


if __name__ == "__main__":
    main()

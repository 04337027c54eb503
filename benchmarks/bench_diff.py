"""Diff and matrix timings: one pair diff (target < 200 ms) and the coverage matrix over 500 regulations.

The 500 regulations are generated from the four seed trees: each variant renames the region, renumbers the
act, drops some ayat, reverses the wording of some clauses' list items and shifts Pasal numbers, so the store
holds 500 distinct trees (distinct sha256) whose topics sit at different cites.

    python benchmarks/bench_diff.py [N]
"""

from __future__ import annotations

import copy
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rancang import corpus
from rancang.corpus.diff import compare
from rancang.corpus.matrix import matrix, to_csv
from rancang.corpus.store import Store
from rancang.corpus.topics import topics_of
from rancang.tree import Node, Regulation


def renumber(node: Node, shift: int) -> None:
    """Shift every Pasal number (and the ids and cites under it) by ``shift``."""
    for n in node.walk():
        if n.type == "pasal":
            new = str(int(n.number) + shift) if (n.number or "").isdigit() else n.number
            old_id, old_cite = n.id, n.cite
            for m in n.walk():
                m.id = m.id.replace(old_id, f"pasal-{new}", 1)
                m.cite = m.cite.replace(old_cite, f"Pasal {new}", 1)
            n.number, n.label = new, f"Pasal {new}"


def variant(reg: Regulation, i: int, rnd: random.Random) -> Regulation:
    v = copy.deepcopy(reg)
    name = f"Contoh {i:03d}"
    v.meta.daerah, v.meta.nomor, v.meta.tahun = f"Kabupaten {name}", str(i), 2020 + i % 5
    v.source.sha256, v.source.file = f"{i:08x}" + v.source.sha256[8:], f"v{i}.txt"
    for pasal in v.pasals():
        ayats = pasal.child_list("ayat")
        if len(ayats) > 2 and rnd.random() < 0.2:  # drop the last ayat
            pasal.children.remove(ayats[-1])
        for a in pasal.walk():
            if a.type in ("huruf", "angka") and rnd.random() < 0.1:
                a.text = " ".join(reversed(a.text.split()))
    shift = rnd.randint(0, 3)
    if shift:
        for top in v.body:
            renumber(top, shift)
    return v


def main(n: int = 500) -> None:
    rnd = random.Random(6)
    seeds = {e["id"]: corpus.load(e["id"]) for e in corpus.bundled()}
    topics = {k: topics_of(r) for k, r in seeds.items()}

    times = []
    for _ in range(5):
        for a in seeds:
            for b in seeds:
                if a != b:
                    t = time.perf_counter()
                    compare(seeds[a], seeds[b], topics[a], topics[b], a, b)
                    times.append(time.perf_counter() - t)
    print(f"pair diff (topics cached), {len(times)} runs: median {statistics.median(times) * 1000:.1f} ms, "
          f"max {max(times) * 1000:.1f} ms")
    t = time.perf_counter()
    ra, rb = seeds["bogor"], seeds["jepara"]
    compare(ra, rb, topics_of(ra), topics_of(rb))
    took = (time.perf_counter() - t) * 1000
    print(f"pair diff bogor/jepara including the model of both sides: {took:.1f} ms")

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.sqlite", seed=False)
        base = list(seeds.values())
        variants = [variant(base[i % len(base)], i, rnd) for i in range(n)]
        t = time.perf_counter()
        for v in variants:
            store.add(v)
        print(f"stored {n} generated regulations (one transaction each): {time.perf_counter() - t:.1f} s")
        t = time.perf_counter()
        m = matrix(store, None)
        cold = time.perf_counter() - t
        t = time.perf_counter()
        m = matrix(store, None)
        csv = to_csv(m)
        warm = time.perf_counter() - t
        covered = sum(m["coverage"].values())
        print(f"matrix {len(m['topics'])} topics x {len(m['regions'])} regions: {cold:.1f} s cold "
              f"(model run in parallel), {warm * 1000:.0f} ms with topics cached; "
              f"{covered}/{len(m['topics']) * len(m['regions'])} cells covered; csv {len(csv) // 1024} KiB")
        t = time.perf_counter()
        from rancang.corpus.search import search

        hits = search(store, "pengajuan sukarela", limit=1000)
        print(f"search over {n} regulations: {len(hits)} hits in {(time.perf_counter() - t) * 1000:.0f} ms")
        store.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)

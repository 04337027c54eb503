"""Benchmark `rancang draft`: one draft, and drafts for 514 generated region profiles on 2 processes.

Targets (issue 5): one draft < 300 ms; 514 drafts < 60 s on 2 cores. A draft here is the whole job of the command
except writing files: compose, canonical Markdown, read back by the parser, DOCX rendering, schema validation.
Run: python benchmarks/bench_draft.py [N]
"""

from __future__ import annotations

import copy
import sys
import time
from multiprocessing import Pool
from pathlib import Path

import yaml
from rancang.generate import draft, profile

EXAMPLES = Path(__file__).resolve().parents[1] / "corpus" / "examples"
SYLLABLES = ["Sari", "Wana", "Giri", "Tirta", "Bumi", "Sela", "Rejo", "Mulya", "Jaya", "Asri", "Loka", "Pura"]


def profiles(n: int) -> list[dict]:
    """n fictional regions (names built from syllables, never a corpus region), alternating kabupaten and kota."""
    kab = yaml.safe_load((EXAMPLES / "sleman.yaml").read_text(encoding="utf-8"))
    kota = yaml.safe_load((EXAMPLES / "kota-magelang.yaml").read_text(encoding="utf-8"))
    out = []
    for i in range(n):
        d = copy.deepcopy(kab if i % 2 else kota)
        name = SYLLABLES[i % 12] + SYLLABLES[(i // 12) % 12].lower() + ("" if i < 144 else f" {i // 144 + 1}")
        d["daerah"]["nama"] = name
        d["ibu_kota"] = name
        d["nomor"] = str(i + 1)
        for base in d["dasar_hukum_daerah"]:
            if base.get("lembaran"):
                base["lembaran"] = base["lembaran"].replace("Sleman", name).replace("Magelang", name)
        out.append(d)
    return out


def one(data: dict, validate: bool = True) -> float:
    """CPU seconds of one draft (CPU, not wall: the benchmark machine may be shared)."""
    t = time.process_time()
    draft.build(profile.from_dict(data), validate=validate)
    return time.process_time() - t


def fast(data: dict) -> float:
    return one(data, validate=False)


def warm(_: int) -> None:
    one(profiles(1)[0])


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 514
    ps = profiles(n)
    t = time.perf_counter()
    first = one(ps[0])
    print(f"first draft (parses the base corpus, loads the model): {first * 1000:.0f} ms")
    for label, fn in (("with schema validation", one), ("without schema validation", fast)):
        times = sorted(fn(p) for p in ps[:20])
        print(f"one draft {label} (warm, median of 20): {times[10] * 1000:.0f} ms CPU; max {times[-1] * 1000:.0f}")
    for label, fn in (("with schema validation", one), ("without schema validation", fast)):
        with Pool(2) as pool:
            pool.map(warm, range(2))
            t = time.perf_counter()
            cpu = pool.map(fn, ps, chunksize=8)
        wall = time.perf_counter() - t
        print(f"{n} drafts {label} on 2 processes: {wall:.1f} s wall, {sum(cpu):.1f} s CPU in total "
              f"(= {sum(cpu) / 2:.1f} s on 2 free cores)")


if __name__ == "__main__":
    main()

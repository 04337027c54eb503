"""Benchmark `rancang draft`: cold commands, one warm draft, and drafts for many generated region profiles.

Targets (issue 13): `rancang draft` cold (a new process, the corpus store already filled and its topics cached)
under 1 s; the model (spaCy) never loads for a draft. A warm draft here is the whole job of the command except
writing files: compose from the store, number, resolve references, render Markdown and DOCX, validate.
CPU time is reported beside wall time: the benchmark machine is shared, and its wall time drifts.
Run: python benchmarks/bench_draft.py [N]
"""

from __future__ import annotations

import copy
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from multiprocessing import Pool
from pathlib import Path

import yaml

from rancang.generate.draft import build as draft
from rancang.generate.draft.sources import Sources
from rancang.generate.shared import profile

EXAMPLES = Path(__file__).resolve().parents[1] / "corpus" / "examples"
SYLLABLES = ["Sari", "Wana", "Giri", "Tirta", "Bumi", "Sela", "Rejo", "Mulya", "Jaya", "Asri", "Loka", "Pura"]
DB = Path(tempfile.gettempdir()) / "rancang-bench-draft.sqlite"


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


def cold(args: list[str], runs: int = 7) -> tuple[float, float, bool]:
    """(median wall s, median CPU s, whether spaCy was imported) of `rancang draft ARGS` in new processes."""
    walls, cpus, spacy = [], [], False
    env = dict(os.environ, RANCANG_DB=str(DB))
    probe = ("import sys, atexit; sys.argv = ['rancang'] + sys.argv[1:]; "
             "atexit.register(lambda: print('SPACY' if 'spacy' in sys.modules else '', file=sys.stderr)); "
             "from rancang.cli import main; main()")
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as out:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            done = subprocess.run([sys.executable, "-c", probe, "draft", *args, "-o", out], env=env,
                                  capture_output=True, text=True)
            walls.append(time.perf_counter() - t)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            spacy |= "SPACY" in done.stderr
            if done.returncode:
                raise SystemExit(done.stdout + done.stderr)
    return statistics.median(walls), statistics.median(cpus), spacy


_SRC: Sources | None = None


def one(data: dict, validate: bool = True) -> float:
    """CPU seconds of one draft in this process (the store stays open between drafts)."""
    global _SRC
    _SRC = _SRC or Sources(DB)
    t = time.process_time()
    draft.build(profile.from_dict(data), validate=validate, sources=_SRC)
    return time.process_time() - t


def warm(_: int) -> None:
    one(profiles(1)[0])


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    sleman = str(EXAMPLES / "sleman.yaml")
    src = Sources(DB)  # fill the store once and cache every regulation's topics (what a bureau's store holds)
    for rid in src.ids():
        src.topics(rid)
    src.close()
    for label, args in (("sleman (base jepara)", [sleman]),
                        ("sleman --take pengelolaan_kinerja=bogor", [sleman, "--take", "pengelolaan_kinerja=bogor"]),
                        ("kota-magelang --base consensus", [str(EXAMPLES / "kota-magelang.yaml"), "--base",
                                                            "consensus"])):
        wall, cpu, spacy = cold(args)
        print(f"rancang draft {label}, cold: {wall * 1000:.0f} ms wall, {cpu * 1000:.0f} ms CPU (median of 7); "
              f"spaCy loaded: {'yes' if spacy else 'no'}")
    ps = profiles(n)
    first = one(ps[0])
    print(f"first draft in a process: {first * 1000:.0f} ms CPU")
    times = sorted(one(p) for p in ps[:20])
    print(f"one draft, warm (median of 20): {times[10] * 1000:.0f} ms CPU; max {times[-1] * 1000:.0f}")
    with Pool(2) as pool:
        pool.map(warm, range(2))
        t = time.perf_counter()
        cpu = pool.map(one, ps, chunksize=8)
    wall = time.perf_counter() - t
    print(f"{n} drafts on 2 processes: {wall:.1f} s wall, {sum(cpu):.1f} s CPU in total")


if __name__ == "__main__":
    main()

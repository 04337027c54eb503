"""Benchmark `rancang.model`: spaCy pipeline load time, then the model build time of each bundled seed.

Targets (issue 4): load < 1.5 s; model of one seed < 200 ms once the pipeline is loaded. Parsing is not timed.
Run: python benchmarks/bench_model.py [--repeat N]
"""

from __future__ import annotations

import statistics
import sys
import time


def main(argv: list[str]) -> int:
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 5
    t0 = time.perf_counter()
    from rancang.model import build, load_nlp

    load_nlp()
    load = time.perf_counter() - t0
    print(f"pipeline load (import spaCy + build): {load * 1000:.0f} ms  (target < 1500 ms)")
    import rancang.corpus as corpus

    for entry in corpus.bundled():
        reg = corpus.load(entry["id"])
        build(reg)  # warm-up
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            build(reg)
            times.append(time.perf_counter() - t)
        print(f"model {entry['id']:<14} median {statistics.median(times) * 1000:6.1f} ms  "
              f"max {max(times) * 1000:6.1f} ms  (target < 200 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

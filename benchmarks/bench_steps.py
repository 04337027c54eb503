"""Step-level quality of the model's procedures against the hand-read step gold of the four bundled seeds.

Prints, per seed, step precision / recall, actor precision / recall, the share of matched steps whose side,
branch and document agree with the gold (see ``rancang.model.evaluate``), and duty precision / recall against the
duty gold (``tests/gold/duties``). Targets (issues 15, 29): steps P and R, actors, documents >= 90%; duties >= 80%.
Run: python benchmarks/bench_steps.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

GOLD = Path(__file__).resolve().parent.parent / "tests" / "gold" / "steps"
DUTIES = GOLD.parent / "duties"


def main() -> int:
    import rancang.corpus as corpus
    from rancang.model import build
    from rancang.model.evaluate import score_duties, score_steps

    print(f"{'seed':<14} {'step P':>7} {'step R':>7} {'actor P':>8} {'actor R':>8} {'side':>6} {'branch':>7} "
          f"{'doc':>6} {'duty P':>7} {'duty R':>7}")
    for entry in corpus.bundled():
        gold_file = GOLD / f"{Path(entry['file']).stem}.json" if entry.get("file") else None
        if gold_file is None or not gold_file.exists():
            continue
        model = build(corpus.load(entry["id"]))
        s = score_steps(model, json.loads(gold_file.read_text(encoding="utf-8")))
        d = score_duties(model, json.loads((DUTIES / gold_file.name).read_text(encoding="utf-8")))
        print(f"{entry['id']:<14} {s['step_p']:>7.1%} {s['step_r']:>7.1%} {s['actor_p']:>8.1%} {s['actor_r']:>8.1%} "
              f"{s['side']:>6.1%} {s['branch']:>7.1%} {s['document']:>6.1%} {d['duty_p']:>7.1%} {d['duty_r']:>7.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Step-level quality of the model's procedures against the hand-read step gold of the four bundled seeds.

Prints, per seed, step precision / recall, actor precision / recall, the share of matched steps whose side,
branch and document agree with the gold (see ``rancang.model.evaluate``), and duty precision / recall against the
duty gold (``tests/gold/duties``), and kedudukan line precision / recall where a line gold exists
(``tests/gold/lines``), and reporting line precision / recall where a reporting gold exists
(``tests/gold/reporting``). Targets (issues 15, 29): steps P and R, actors, documents >= 90%; duties >= 80%.
The acts in ``tests/data/steps/*.txt`` (written by hand, their facts read before rancang was run on them: the
nearest thing to an unseen act, since no other sistem-kerja act is at hand) are scored the same way, after the seeds.
Run: python benchmarks/bench_steps.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

GOLD = Path(__file__).resolve().parent.parent / "tests" / "gold" / "steps"
DUTIES = GOLD.parent / "duties"
LINES = GOLD.parent / "lines"
REPORTING = GOLD.parent / "reporting"
UNSEEN = GOLD.parent.parent / "data" / "steps"


def main() -> int:
    import rancang.corpus as corpus
    from rancang.ingest import ingest_text
    from rancang.model import build
    from rancang.model.evaluate import score_duties, score_lines, score_reporting, score_steps

    print(f"{'act':<28} {'step P':>7} {'step R':>7} {'actor P':>8} {'actor R':>8} {'side':>6} {'branch':>7} "
          f"{'doc':>6} {'duty P':>7} {'duty R':>7} {'line P':>7} {'line R':>7} {'rep P':>6} {'rep R':>6}")
    acts = [(entry["id"], Path(entry["file"]).stem, lambda e=entry: corpus.load(e["id"]))
            for entry in corpus.bundled() if entry.get("file")]
    acts += [(f"{path.stem}*", path.stem, lambda p=path: ingest_text(p.read_text(encoding="utf-8"), p.name))
             for path in sorted(UNSEEN.glob("*.txt"))]
    for name, stem, load in acts:
        gold_file = GOLD / f"{stem}.json"
        if not gold_file.exists():
            continue
        model = build(load())
        s = score_steps(model, json.loads(gold_file.read_text(encoding="utf-8")))
        d = score_duties(model, json.loads((DUTIES / gold_file.name).read_text(encoding="utf-8")))
        lines_gold = LINES / gold_file.name
        ln = (f"{x['lines_p']:>7.1%} {x['lines_r']:>7.1%}" if lines_gold.exists() and (x := score_lines(
            model, json.loads(lines_gold.read_text(encoding="utf-8")))) else f"{'-':>7} {'-':>7}")
        rep_gold = REPORTING / gold_file.name
        rep = (f"{x['report_p']:>6.1%} {x['report_r']:>6.1%}" if rep_gold.exists() and (x := score_reporting(
            model, json.loads(rep_gold.read_text(encoding="utf-8")))) else f"{'-':>6} {'-':>6}")
        print(f"{name:<28} {s['step_p']:>7.1%} {s['step_r']:>7.1%} {s['actor_p']:>8.1%} {s['actor_r']:>8.1%} "
              f"{s['side']:>6.1%} {s['branch']:>7.1%} {s['document']:>6.1%} {d['duty_p']:>7.1%} {d['duty_r']:>7.1%} "
              f"{ln} {rep}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

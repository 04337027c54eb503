"""Build ``corpus/seeds/topics.json``: the model topics of the bundled regulations, shipped so that a first
``rancang draft`` on a new machine loads no spaCy (issue 33 item 5; :mod:`rancang.corpus.shipped`).

Run after a change to the reader or the model (``tests/test_shipped_topics.py`` fails until then)::

    python benchmarks/build_seed_topics.py
"""

from __future__ import annotations

import json
from pathlib import Path

from rancang import corpus
from rancang.corpus import shipped

OUT = Path(__file__).resolve().parent.parent / "corpus" / shipped.FILE


def main() -> None:
    data = shipped.build({e["id"]: corpus.load(e["id"]) for e in corpus.bundled()})
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(data['regulations'])} regulations, model {data['model']}")


if __name__ == "__main__":
    main()

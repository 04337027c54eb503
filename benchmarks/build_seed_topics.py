"""Build ``corpus/seeds/topics.json`` and ``corpus/seeds/stems.json``: the model topics of the bundled regulations
and the stems of their words, shipped so that a first ``rancang draft`` on a new machine loads no spaCy and runs no
stemmer (issue 33 item 5; :mod:`rancang.corpus.shipped`).

Run after a change to the reader or the model (``tests/test_shipped_topics.py`` fails until then)::

    python benchmarks/build_seed_topics.py
"""

from __future__ import annotations

import json
from pathlib import Path

from rancang import corpus
from rancang.corpus import shipped

OUT = Path(__file__).resolve().parent.parent / "corpus" / shipped.FILE
STEMS = Path(__file__).resolve().parent.parent / "corpus" / shipped.STEMS_FILE


def main() -> None:
    trees = {e["id"]: corpus.load(e["id"]) for e in corpus.bundled()}
    data = shipped.build(trees)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(data['regulations'])} regulations, model {data['model']}")
    stems = shipped.build_stems(trees)
    STEMS.write_text(json.dumps(stems, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{STEMS}: {len(stems['stems'])} words, stemmer {stems['stemmer']}")


if __name__ == "__main__":
    main()

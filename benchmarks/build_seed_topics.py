"""Build ``corpus/seeds/topics.json`` and ``corpus/seeds/stems.json``: the model topics of the bundled regulations
and the stems of their words, shipped so that a first ``rancang draft`` on a new machine loads no spaCy and runs no
stemmer (issue 33 item 5; :mod:`rancang.corpus.shipped`); then ``corpus/seeds/store.sqlite.gz`` and
``store.json``: the store those seed, so that a new store is a copy (:mod:`rancang.corpus.seedstore`).

Run after a change to the reader, the model or the store (``tests/test_shipped_topics.py`` and
``tests/test_shipped_store.py`` fail until then)::

    python benchmarks/build_seed_topics.py
"""

from __future__ import annotations

import gzip
import json
import tempfile
from pathlib import Path

from rancang import corpus
from rancang.corpus import seedstore, shipped, stem
from rancang.corpus.store import Store

OUT = Path(__file__).resolve().parent.parent / "corpus" / shipped.FILE
STEMS = Path(__file__).resolve().parent.parent / "corpus" / shipped.STEMS_FILE
STORE = Path(__file__).resolve().parent.parent / "corpus" / seedstore.FILE
META = Path(__file__).resolve().parent.parent / "corpus" / seedstore.META


def seeded(path: Path) -> bytes:
    """The bytes of a new store at ``path`` seeded by :meth:`Store.seed` (the shipped files just written), its time
    stamps :data:`seedstore.STAMP`, in one file (no write-ahead log)."""
    with Store(path, seed=False) as store:
        store.seed()
        seedstore.stamp(store.db)
        store.db.execute("PRAGMA journal_mode=DELETE")
    return path.read_bytes()


def main() -> None:
    trees = {e["id"]: corpus.load(e["id"]) for e in corpus.bundled()}
    data = shipped.build(trees)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(data['regulations'])} regulations, model {data['model']}")
    stems = shipped.build_stems(trees)
    STEMS.write_text(json.dumps(stems, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{STEMS}: {len(stems['stems'])} words, stemmer {stems['stemmer']}")
    shipped.shipped.cache_clear()
    shipped.seed_stems.cache_clear()
    stem.stem.cache_clear()
    with tempfile.TemporaryDirectory() as tmp:
        store_bytes = seeded(Path(tmp) / "store.sqlite")
    STORE.write_bytes(gzip.compress(store_bytes, compresslevel=9, mtime=0))
    seedstore.key.cache_clear()
    META.write_text(json.dumps(seedstore.key(), indent=1) + "\n", encoding="utf-8")
    print(f"{STORE}: {len(store_bytes)} bytes, {STORE.stat().st_size} compressed")


if __name__ == "__main__":
    main()

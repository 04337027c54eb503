"""The stems of the bundled regulations' words shipped precomputed (corpus/seeds/stems.json) are Sastrawi's, and a
new store seeded with them holds the very index the stemmer writes (issue 33 item 5: a first draft runs no stemmer;
never at the cost of a different search)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rancang import corpus
from rancang.corpus import seedstore, shipped, stem
from rancang.corpus.rows import clauses
from rancang.corpus.store import Store
from rancang.fold import fold
from rancang.stems import stem as sastrawi_stem

REBUILD = "stale: run python benchmarks/build_seed_topics.py"


def _index(path: Path) -> list[tuple]:
    with Store(path) as store:
        return list(store.db.execute("SELECT rowid, words, stems FROM clause_words ORDER BY rowid"))


def test_every_shipped_stem_is_the_one_sastrawi_gives() -> None:
    known = shipped.seed_stems()
    assert known, REBUILD  # made by another Sastrawi or keep list: taken by no store
    assert known["penugasan"] == "tugas" and known["kinerja"] == "kinerja"  # a family; a word of the keep list
    assert {w: sastrawi_stem(w) for w in known} == known


def test_the_shipped_words_are_those_of_the_bundled_regulations() -> None:
    words = {w for e in corpus.bundled() for c in clauses(corpus.load(e["id"])) for w in fold(c.text).split()}
    assert words <= set(shipped.seed_stems()), REBUILD


def test_a_store_seeded_with_the_shipped_stems_has_the_index_the_stemmer_writes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(seedstore, "current", lambda: False)  # both seeded, not copies of the shipped store
    shipped_index = _index(tmp_path / "a.sqlite")
    monkeypatch.setattr(shipped, "seed_stems", lambda: {})
    monkeypatch.setattr(stem, "_LEARNED", {})
    stem.stem.cache_clear()
    try:
        assert _index(tmp_path / "b.sqlite") == shipped_index
    finally:
        stem.stem.cache_clear()


def test_stems_of_another_stemmer_are_not_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stem, "fingerprint", lambda: "sastrawi 0.0 000000000000")
    shipped.seed_stems.cache_clear()
    try:
        assert shipped.seed_stems() == {}
    finally:
        shipped.seed_stems.cache_clear()

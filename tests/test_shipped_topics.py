"""The bundled regulations' topics shipped precomputed (corpus/seeds/topics.json) are exactly what the model
computes from today's trees, and a new store takes them only when they are (issue 33 item 5: a first draft on a
new machine loads no spaCy; never at the cost of a different answer)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rancang import corpus
from rancang.corpus import seedstore, shipped
from rancang.corpus.store import Store
from rancang.corpus.topics import topics_of

REBUILD = "stale: run python benchmarks/build_seed_topics.py"


def test_the_shipped_file_was_made_by_todays_model() -> None:
    assert shipped.shipped().get("model") == shipped.model_fingerprint(), REBUILD


@pytest.mark.parametrize("rid", [e["id"] for e in corpus.bundled()])
def test_each_bundled_regulation_has_the_topics_the_model_finds_in_its_tree(rid: str) -> None:
    reg = corpus.load(rid)
    entry = shipped.shipped()["regulations"][rid]
    assert entry["tree"] == shipped.tree_hash(reg), REBUILD
    assert shipped.topics_for(rid, reg) == topics_of(reg)


def test_a_new_store_holds_the_same_topics_it_would_compute(tmp_path: Path) -> None:
    with Store(tmp_path / "c.sqlite") as store:
        stored = {r["id"]: r["topics"] for r in store.db.execute("SELECT id, topics FROM regulations")}
        for rid in stored:
            assert stored[rid] is not None, f"{rid}: topics not taken from the shipped file"
            assert stored[rid] == json.dumps(topics_of(store.regulation(rid)))


def test_topics_of_another_tree_or_model_are_not_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    rid = corpus.bundled()[0]["id"]
    other = corpus.load(corpus.bundled()[1]["id"])
    assert shipped.topics_for(rid, other) is None
    monkeypatch.setattr(shipped, "model_fingerprint", lambda: "another-model")
    assert shipped.topics_for(rid, corpus.load(rid)) is None


def test_a_store_without_the_file_computes_the_topics(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shipped, "shipped", lambda: {})
    monkeypatch.setattr(seedstore, "current", lambda: False)  # seeded, not a copy of the shipped store
    with Store(tmp_path / "c.sqlite") as store:
        assert store.db.execute("SELECT count(*) FROM regulations WHERE topics IS NOT NULL").fetchone()[0] == 0
        rid = corpus.bundled()[0]["id"]
        assert store.topics(rid) == topics_of(corpus.load(rid))

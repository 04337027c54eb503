"""One vocabulary of actors and one of documents (issue 10 item 6): ``rancang/data/actors.jsonl`` and
``documents.jsonl`` feed both the model's EntityRuler and the diff summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rancang import vocab
from rancang.corpus.summary import names
from rancang.fold import fold
from rancang.model.pipeline import catalogue

ROOT = Path(__file__).parents[1]
DIFF_KIND = {"actors": "actor", "documents": "document"}


@pytest.mark.parametrize("kind", vocab.KINDS)
def test_every_entry_is_well_formed_and_every_wording_belongs_to_one_entry(kind: str) -> None:
    seen: dict[str, str] = {}
    ids = [e["id"] for e in vocab.entries(kind)]
    assert len(ids) == len(set(ids)) >= 10
    for e in vocab.entries(kind):
        assert e["name"] and e["patterns"] and set(e) <= {"id", "name", "kind", "patterns", "short", "as_written",
                                                          "detail", "model"}, e
        for p in e["patterns"]:
            assert p == p.lower() and fold(p) not in seen, (e["id"], p, seen.get(fold(p)))
            seen[fold(p)] = e["id"]


@pytest.mark.parametrize("kind", vocab.KINDS)
def test_the_diff_names_every_wording_of_the_vocabulary(kind: str) -> None:
    for e in vocab.entries(kind):
        for p in e["patterns"]:
            expected = fold(p) if e.get("as_written") else e.get("short") or fold(e["name"])
            assert names(f"Dokumen disampaikan oleh {p.upper()} kepada", DIFF_KIND[kind]) == [expected], p


def test_the_model_knows_the_entries_not_kept_out_of_it() -> None:
    roles, docs = catalogue("roles"), catalogue("documents")
    # every Pegawai ASN is a role of the model since schema 2 ("Setiap Pegawai ASN melaporkan …"); PPPK is not
    assert "ketua_tim" in roles and "pegawai_asn" in roles and "pppk" not in roles
    assert "perjanjian_kinerja" in docs and "laporan" not in docs
    assert set(roles) == {e["id"] for e in vocab.entries("actors") if e.get("model", True)}


def test_no_second_copy_of_the_vocabularies() -> None:
    assert not list((ROOT / "model" / "patterns").glob("roles.jsonl"))
    assert not list((ROOT / "model" / "patterns").glob("documents.jsonl"))
    lexicon = json.loads((ROOT / "corpus" / "data" / "lexicon.json").read_text(encoding="utf-8"))
    assert set(lexicon) == {"_doc", "contents_cues"}


def test_unknown_vocabulary_is_refused() -> None:
    with pytest.raises(ValueError):
        vocab.entries("roles")


@pytest.mark.parametrize("kind", vocab.KINDS)
def test_the_model_and_the_diff_match_every_wording_as_the_same_entry(kind: str) -> None:
    """Two matchers, one vocabulary (docs/extending.md says why two): the model's EntityRuler (spaCy, on tokens)
    and the diff's regular expression (on folded text) find every wording the model holds as one and the same
    entry, in any case."""
    from rancang.model.pipeline import load_nlp

    nlp = load_nlp()
    label = {"actors": "ROLE", "documents": "DOC"}[kind]
    for e in vocab.entries(kind):
        if not e.get("model", True):
            continue
        expected = e.get("short") or fold(e["name"])
        for p in e["patterns"]:
            sentence = f"Dokumen disampaikan oleh {p.upper()} kepada"
            found = [(ent.label_, ent.ent_id_) for ent in nlp(sentence).ents]
            assert found == [(label, e["id"])], (p, found)
            if not e.get("as_written"):
                assert names(sentence, DIFF_KIND[kind]) == [expected], p

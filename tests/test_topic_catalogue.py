"""One topic catalogue (issue 10 item 6): ``rancang/data/topics.json`` is the only place the sistem-kerja topics
are named; the model, the diff, the matrix, search, the S1 check and the model memo all follow it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rancang import topics
from rancang.corpus import topics as corpus_topics
from rancang.model.clauses import Unit
from rancang.model.topics import find_topics

sys.path.insert(0, str(Path(__file__).parent))
from checkout import ROOT, tracked  # noqa: E402


def test_every_topic_has_a_label_precise_cues_and_loose_cues(gold) -> None:
    cat = topics.catalogue()
    for facts in gold.values():  # every topic the gold annotators recorded (PermenPAN-RB 7/2022) is catalogued
        assert set(facts["topics"]) <= set(cat)
    assert topics.keys()[0] == "prinsip_mekanisme_kerja" and topics.keys()[-1] == "mulai_berlaku"
    for key, t in cat.items():
        assert set(t) == {"label", "find", "loose"}, key
        assert t["label"] and t["loose"] and t["find"]["require"], key
        assert all(group and all(p == p.lower() for p in group) for group in t["find"]["require"]), key


def test_the_schema_and_the_catalogue_name_the_same_topics() -> None:
    schema = json.loads((ROOT / "schema" / "sistemkerja.schema.json").read_text(encoding="utf-8"))
    assert set(schema["properties"]["topics"]["required"]) == set(topics.keys())


def test_no_other_data_file_or_module_lists_the_topics() -> None:
    for path in tracked("*/patterns/*.json", "*/data/*.json", "*/data/*.yaml"):
        if path.name == "topics.json" or "tests" in path.relative_to(ROOT).parts[:1]:
            continue  # (a test's labelled pairs name the topic each pair was judged under)
        text = path.read_text(encoding="utf-8")
        assert "pertanggungjawaban_anggota_tim" not in text, path
    for path in tracked("*/*.py", "*/*/*.py"):
        if path.parts[-2] == "tests" or "tests" in path.relative_to(ROOT).parts[:1]:
            continue
        assert "pertanggungjawaban_anggota_tim" not in path.read_text(encoding="utf-8"), path


def test_a_topic_added_to_the_catalogue_is_found_labelled_and_checked(monkeypatch) -> None:
    cat = {**topics.catalogue(), "rapat_koordinasi": {
        "label": "Rapat koordinasi", "find": {"require": [["rapat koordinasi"]], "prefer": [], "heading": []},
        "loose": ["rapat koordinasi"]}}
    monkeypatch.setattr(topics, "catalogue", lambda: cat)
    text = "Rapat koordinasi diadakan setiap bulan."
    unit = Unit(index=0, id="pasal-5", cite="Pasal 5", text=text, full=text, source="body", type="pasal")
    found = find_topics([unit])
    assert found["rapat_koordinasi"] is unit and found["kedudukan"] is None
    assert topics.label("rapat_koordinasi") == "Rapat koordinasi"
    assert corpus_topics.check_key("rapat_koordinasi") == "rapat_koordinasi"
    assert topics.loose_cues()["rapat_koordinasi"] == ["rapat koordinasi"]

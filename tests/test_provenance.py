"""Provenance of draft clauses lives in a side table: a node carries nothing beyond the JSON contract's fields."""

from __future__ import annotations

import copy
import gc
from dataclasses import fields

from rancang.generate import provenance
from rancang.tree import Node

FIELDS = {f.name for f in fields(Node)}


def test_tag_alias_and_origin_without_attributes_on_the_node():
    pasal = Node("pasal", "4", id="pasal-4", children=[Node("ayat", "1", id="pasal-4/ayat-1")])
    provenance.tag(pasal, "bogor")
    assert provenance.origin(pasal.children[0]) == ("bogor", "pasal-4/ayat-1")
    provenance.set_origin(pasal, ("jepara", "pasal-9"), replaced=("bogor", "pasal-4"))
    assert provenance.origin(pasal) == ("jepara", "pasal-9") and provenance.alias(pasal) == ("bogor", "pasal-4")
    assert all(set(vars(n)) == FIELDS for n in pasal.walk())
    twin = copy.deepcopy(pasal)  # a copy is a new node, with no provenance until tagged
    assert provenance.origin(twin) == ("", "pasal-4") and provenance.alias(twin) is None


def test_an_entry_goes_with_its_node():
    gc.collect()  # nodes of earlier tests still waiting for the cycle collector would leave during the test
    before = len(provenance._TABLE)
    provenance.tag(Node("pasal", "1", id="pasal-1", children=[Node("ayat", "1", id="pasal-1/ayat-1")]), "malang")
    gc.collect()
    assert len(provenance._TABLE) == before


def test_a_draft_with_a_take_leaves_no_hidden_attribute(tmp_path):
    from pathlib import Path

    from rancang.generate import draft, profile

    prof = profile.load(Path(__file__).resolve().parents[1] / "corpus" / "examples" / "sleman.yaml")
    d = draft.build(prof, takes=[("pengelolaan_kinerja", "bogor")])
    assert all(set(vars(n)) == FIELDS for n in d.reg.walk())

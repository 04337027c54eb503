"""Provenance of draft clauses lives in a side table: a node carries nothing beyond the JSON contract's fields."""

from __future__ import annotations

import copy
import gc
from dataclasses import fields

from rancang.generate.draft import provenance
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

    from rancang.generate.draft import build as draft
    from rancang.generate.shared import profile

    prof = profile.load(Path(__file__).resolve().parents[1] / "corpus" / "examples" / "sleman.yaml")
    d = draft.build(prof, takes=[("pengelolaan_kinerja", "bogor")])
    assert all(set(vars(n)) == FIELDS for n in d.reg.walk())


def test_an_ingested_tree_carries_nothing_beyond_the_contract(seed_trees):
    """The reader pairs Pasal with their drafts and quoted new text with its bare enumerators in side tables:
    no node of a seed, nor of an amending act's quoted Pasal, keeps a hidden attribute."""
    from rancang.ingest import ingest_text

    amending = ("PERATURAN BUPATI CONTOH\nNOMOR 2 TAHUN 2025\nTENTANG\nPERUBAHAN ATAS PERATURAN BUPATI CONTOH NOMOR 1 "
                "TAHUN 2024\nBUPATI CONTOH,\nMEMUTUSKAN:\nMenetapkan : PERATURAN BUPATI TENTANG PERUBAHAN.\nPasal I\n"
                "Ketentuan Pasal 3 diubah sehingga berbunyi sebagai berikut:\n\u201cPasal 3\n(1) Pegawai bekerja.\n"
                "(2) Pegawai melapor.\u201d\nPasal II\nPeraturan Bupati ini mulai berlaku pada tanggal diundangkan.\n")
    trees = [*seed_trees.values(), ingest_text(amending, "perubahan.txt")]
    assert any(n.type == "perubahan" for n in trees[-1].walk())
    for reg in trees:
        assert all(set(vars(n)) == FIELDS for n in reg.walk())

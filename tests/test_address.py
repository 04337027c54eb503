"""The address layer: one id and one cite per clause, read and written the same way by every stage."""

from __future__ import annotations

import pytest

from rancang.address import ROOT, Address, number_tree
from rancang.tree import Node


def test_every_id_and_cite_of_the_seeds_reads_back(seed_trees):
    checked = 0
    for reg in seed_trees.values():
        for n in reg.walk():
            a = Address.parse(n.id)
            assert (a.id, a.cite) == (n.id, n.cite)
            if n.type != "text" and "~" not in n.id:
                assert Address.from_cite(n.cite) == a
            checked += 1
        for block in reg.lampiran:
            assert Address.parse(block.id).id == block.id
    assert checked > 500


def test_parent_and_covers_follow_the_path():
    a = Address.parse("bab-II/bagian-kedua-belas/paragraf-3")
    assert a.parent == Address.from_cite("BAB II Bagian Kedua Belas") and a.parent.parent.cite == "BAB II"
    assert a.parent.parent.parent is None
    assert Address.parse("pasal-4/ayat-2").covers("pasal-4/ayat-2/huruf-a")
    assert not Address.parse("pasal-4/ayat-2").covers("pasal-4/ayat-20")
    assert not Address.parse("pasal-4/ayat-2/huruf-a").covers("pasal-4/ayat-2")


def test_bad_ids_and_cites_raise():
    for bad in ("", "foo-1", "pasal-4/bar-2"):
        with pytest.raises(ValueError):
            Address.parse(bad)
    for bad in ("", "Pasal", "Pasal 4 menurut", "Bagian Kemarin"):
        with pytest.raises(ValueError):
            Address.from_cite(bad)
    with pytest.raises(ValueError):
        ROOT.child("kalimat", "1")


def _bagian_tree(n: int) -> list[Node]:
    return [Node("bab", "I", children=[Node("bagian", _ordinal(k), children=[Node("pasal", str(k))])
                                       for k in range(1, n + 1)])]


def _ordinal(k: int) -> str:
    from rancang.numbering import ordinal

    return ordinal(k)


def test_number_tree_gives_the_contract_ids():
    body = _bagian_tree(12)
    body[0].children[1].children[0].children = [
        Node("ayat", "1", children=[Node("huruf", "a"), Node("huruf", "a"), Node("text")]),
        Node("perubahan", children=[Node("pasal", "5", children=[Node("ayat", "2")])])]
    number_tree(body)
    nodes = {n.id: n.cite for top in body for n in top.walk()}
    assert nodes["bab-I/bagian-kedua-belas"] == "BAB I Bagian Kedua Belas"
    assert nodes["pasal-12"] == "Pasal 12"
    assert nodes["pasal-2/ayat-1/huruf-a~2"] == "Pasal 2 ayat (1) huruf a"
    assert nodes["pasal-2/ayat-1/text-1"] == "Pasal 2 ayat (1)"
    assert nodes["pasal-2/perubahan/pasal-5/ayat-2"] == "Pasal 2: Pasal 5 ayat (2)"


def test_ingest_and_the_draft_number_a_twelfth_bagian_alike(tmp_path):
    from rancang.generate.draft.compose import renumber
    from rancang.ingest import ingest_text

    lines = ["PERATURAN BUPATI CONTOH", "NOMOR 1 TAHUN 2024", "TENTANG", "CONTOH", "MEMUTUSKAN:",
             "Menetapkan : PERATURAN BUPATI TENTANG CONTOH.", "BAB I", "KETENTUAN UMUM"]
    for k in range(1, 13):
        lines += [f"Bagian {_ordinal(k)}", "Judul Bagian", f"Pasal {k}", f"Ketentuan nomor {k} berlaku."]
    lines += ["Ditetapkan di Contoh", "pada tanggal 1 Januari 2024"]
    reg = ingest_text("\n".join(lines), "contoh.txt", validate=False)
    ingested = [n.id for n in reg.walk()]
    assert "bab-I/bagian-kedua-belas" in ingested
    renumber(reg.body)
    assert [n.id for n in reg.walk()] == ingested

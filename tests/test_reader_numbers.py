"""Numbers as printed (issue 26 item 4): an inserted "3a.", "(1a)", "4a)", "Pasal 12A", "BAB XA" and "Bagian Kesatu
A" is a sibling of the number it follows, in order (UU 12/2011 Lampiran II: an inserted provision keeps the
number it follows, with a letter); references to it resolve; lists nest as deep as they are printed (a. -> 1. ->
a) -> 1) -> (a)) and a reference into the fourth level resolves."""

from __future__ import annotations

from pathlib import Path

import pytest

from rancang.ingest import ingest_path
from rancang.ingest.refs.targets import targets_of

HERE = Path(__file__).resolve().parent
PEERS = HERE / "cases" / "peers"


def children(node) -> list[tuple[str, str]]:
    return [(c.type, c.number) for c in node.children]


def refs(reg) -> dict[str, tuple[list[str], bool]]:
    return {r.text: (r.target, r.resolved) for n in reg.walk() for r in n.refs if r.kind == "internal"}


@pytest.fixture(scope="module")
def case28():
    return ingest_path(PEERS / "28-inserted-1a-5a" / "input.txt")


def test_angka_3a_stands_between_angka_3_and_4(case28):
    pasal_1 = case28.pasals()[0]
    assert children(pasal_1) == [("angka", "1"), ("angka", "2"), ("angka", "3"), ("angka", "3a"), ("angka", "4")]
    assert pasal_1.children[3].text.startswith("Pegawai Pemerintah dengan Perjanjian Kerja Paruh Waktu")


def test_ayat_1a_is_a_sibling_of_ayat_1_and_2(case28):
    assert children(case28.pasals()[1]) == [("ayat", "1"), ("ayat", "1a"), ("ayat", "2")]
    assert case28.pasals()[1].children[1].label == "(1a)"


def test_references_to_inserted_numbers_resolve(case28):
    got = refs(case28)
    assert got["Pasal 1 angka 3a"] == (["pasal-1/angka-3a"], True)
    assert got["ayat (1) dan ayat (1a)"] == (["pasal-2/ayat-1", "pasal-2/ayat-1a"], True)
    assert got["Pasal 2 ayat (1a)"] == (["pasal-2/ayat-1a"], True)


def test_a_reference_into_the_fourth_list_level_resolves():
    reg = ingest_path(PEERS / "31-deep-list-a-paren" / "input.txt")
    deep = "pasal-2/ayat-1/huruf-a/angka-1/huruf-b/angka-1"
    assert any(n.id == deep for n in reg.walk())
    assert refs(reg)["ayat (1) huruf a angka 1 huruf b) angka 1"] == ([deep], True)


@pytest.fixture(scope="module")
def inserted():
    return ingest_path(HERE / "data" / "inserted_and_deep.txt")


def test_inserted_pasal_bab_and_bagian_stand_in_order(inserted):
    assert [p.number for p in inserted.pasals()] == ["12", "12A", "13", "14"]
    assert [n.number for n in inserted.body] == ["X", "XA", "XI"]
    bagian = [n for n in inserted.body[0].children if n.type == "bagian"]
    assert [(b.number, b.heading, b.id) for b in bagian] == [
        ("Kesatu", "Umum", "bab-X/bagian-kesatu"), ("Kesatu A", "Penugasan Khusus", "bab-X/bagian-kesatu-a")]
    assert bagian[1].cite == "BAB X Bagian Kesatu A"


def test_angka_4a_with_a_paren_is_a_sibling(inserted):
    assert children(inserted.pasals()[1].children[0]) == [("angka", "4"), ("angka", "4a"), ("angka", "5")]
    assert refs(inserted)["Pasal 12A ayat (1) angka 4a"] == (["pasal-12A/ayat-1/angka-4a"], True)


def test_a_list_nests_five_levels_deep_and_is_cited_four_deep(inserted):
    ids = {n.id for n in inserted.walk()}
    assert "pasal-12/huruf-a/angka-2/huruf-b/angka-1/huruf-b" in ids  # (b) under 1) under b) under 2. under a.
    assert refs(inserted)["Pasal 12 huruf a angka 2 huruf b) angka 1"] == (
        ["pasal-12/huruf-a/angka-2/huruf-b/angka-1"], True)


@pytest.mark.parametrize("ref, want", [
    ("huruf a angka 1 huruf b angka 2", ["pasal-9/ayat-1/huruf-a/angka-1/huruf-b/angka-2"]),
    ("huruf a dan huruf b ayat (2) Pasal 3", ["pasal-3/ayat-2/huruf-a", "pasal-3/ayat-2/huruf-b"]),
    ("angka 1 huruf b", ["pasal-9/ayat-1/huruf-b/angka-1"]),
    ("ayat (1a) sampai dengan ayat (2)", ["pasal-9/ayat-1a", "pasal-9/ayat-2"]),
])
def test_chains_go_down_the_ladder_only_once_they_went_down(ref, want):
    # a chain that descends ("huruf a angka 1") and names huruf again names the list inside the item; one printed
    # inside out ("angka 1 huruf b") is read outermost first, as before
    assert [t.id for t, _ in targets_of(ref, "pasal-9", "pasal-9/ayat-1")] == want


def test_a_numbered_list_under_a_paren_letter_is_angka_and_is_cited_six_deep():
    text = (PEERS / "31-deep-list-a-paren" / "input.txt").read_text(encoding="utf-8").replace(
        "1) surat perintah tugas; atau\n",
        "1) surat perintah tugas, berupa:\n(a) surat tugas tertulis, yang memuat:\n(1) nama Pegawai; dan\n"
        "(2) jangka waktu; atau\n(b) surat tugas elektronik; atau\n").replace(
        "ayat (1) huruf a angka 1 huruf b) angka 1)", "ayat (1) huruf a angka 1 huruf b angka 1 huruf a angka 2")
    from rancang.ingest import ingest_text

    reg = ingest_text(text)
    deep = "pasal-2/ayat-1/huruf-a/angka-1/huruf-b/angka-1/huruf-a"
    assert [(c.type, c.label) for c in next(n for n in reg.walk() if n.id == deep).children] == [
        ("angka", "(1)"), ("angka", "(2)")]
    assert [a.number for a in reg.pasals()[1].children] == ["1", "2"]  # ayat (2) stays the Pasal's
    assert refs(reg)["ayat (1) huruf a angka 1 huruf b angka 1 huruf a angka 2"] == ([deep + "/angka-2"], True)


def test_check_finds_no_numbering_or_dangling_reference_fault_in_inserted_numbers(case28):
    from rancang.generate.check import check

    findings = check(case28)
    assert [f for f in findings if f["code"] in ("B3", "X2")] == []


def test_check_finds_no_dangling_reference_into_the_fourth_level():
    from rancang.generate.check import check

    reg = ingest_path(PEERS / "31-deep-list-a-paren" / "input.txt")
    assert [f for f in check(reg) if f["code"] == "X2"] == []

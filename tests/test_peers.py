"""The peers' cases (copied from ../shared/cases/peers into tests/cases/peers): each gives what its README row says.

Each case stands for a kind of fault reported against other legal parsers and PDF/DOCX libraries;
``test_reader_kinds.py`` builds inputs of its own for every kind.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rancang.generate.check import check
from rancang.ingest import ingest_path
from rancang.ingest.headings.read import UNPLACED

CASES = Path(__file__).resolve().parent / "cases" / "peers"


def read(case: str, name: str = "input.txt"):
    return ingest_path(CASES / case / name)


def shape(nodes) -> list:
    """The structure of a tree without labels (what two printings of one act share)."""
    return [(n.type, n.number, n.heading, n.text, n.id, shape(n.children)) for n in nodes]


def internal_refs(reg) -> list:
    return [r for n in reg.walk() for r in n.refs if r.kind == "internal"]


def test_01_ocr_ayat_l_is_ayat_1_and_its_references_resolve():
    reg = read("01-ocr-ayat-l")
    pasal_2 = reg.pasals()[1]
    assert [a.number for a in pasal_2.child_list("ayat")] == ["1", "2", "3"]
    assert pasal_2.child_list("ayat")[0].label == "(l)"  # the label as printed, the number as meant
    refs = internal_refs(reg)
    assert all(r.resolved for r in refs)
    assert {t for r in refs if r.text.endswith("(l)") for t in r.target} == {"pasal-2/ayat-1"}
    assert {"from": "(l)", "to": "(1)"}.items() <= reg.stats.corrections[0].items()


def test_03_amending_perbup_bab_iia_is_a_node_and_instruction_refs_point_at_the_amended_act():
    reg = read("03-amend-perbup-5A-IIA")
    assert [p.number for p in reg.pasals()] == ["I", "II"]
    pasal_i = reg.pasals()[0]
    inserted = [c for n in pasal_i.walk() if n.type == "perubahan" for c in n.children]
    assert [(n.type, n.number) for n in inserted] == [("pasal", "3"), ("pasal", "5A"), ("bab", "IIA")]
    assert [p.number for p in inserted[2].children] == ["7A"]
    deleted = pasal_i.child_list("angka")[3]
    assert [p.heading for p in deleted.child_list("perubahan")] == ["dihapus"]
    instruction_refs = [r for n in pasal_i.walk() for r in n.refs]
    assert instruction_refs and {r.kind for r in instruction_refs} == {"amendment"}
    assert {"pasal-3/ayat-2", "pasal-5A", "pasal-8"} <= {t for r in instruction_refs for t in r.target}
    assert instruction_refs[0].citation.nomor == "1" and instruction_refs[0].citation.tahun == 2024
    assert [f for f in check(reg) if f["code"] == "X2"] == []


def test_06_paragraf_with_an_ordinal_is_a_paragraf_like_paragraf_1():
    reg = read("06-paragraf-ordinal")
    control = read("06-paragraf-ordinal", "control-numeric.txt")
    paragraf = [n for n in reg.walk() if n.type == "paragraf"]
    assert [(p.number, p.label, p.heading) for p in paragraf] == [
        ("1", "Paragraf Kesatu", "Penugasan Individu"), ("2", "Paragraf Kedua", "Penugasan Tim Kerja")]
    assert shape(reg.body) == shape(control.body)


@pytest.mark.parametrize("name", ["input.txt", "input-sd.txt"])
def test_15_every_reference_form_resolves_and_ranges_expand(name):
    reg = read("15-crossref-patterns", name)
    refs = internal_refs(reg)
    assert refs and all(r.resolved for r in refs)
    by_text = {r.text: r.target for r in refs}
    first = "1" if name == "input-sd.txt" else "2"
    assert by_text[f"Pasal {first} s.d. Pasal 3"] == [f"pasal-{n}" for n in range(int(first), 4)]
    assert by_text["huruf b ayat (2)"] == ["pasal-3/ayat-2/huruf-b"]
    assert by_text["Pasal 2 ayat (1) huruf a sampai dengan huruf c"] == [
        "pasal-2/ayat-1/huruf-a", "pasal-2/ayat-1/huruf-b", "pasal-2/ayat-1/huruf-c"]


def test_11_docx_tracked_changes_are_read_as_accepted():
    reg = read("11-docx-tracked-changes", "input.docx")
    pasal_2, pasal_3 = reg.pasals()[1:3]
    assert pasal_2.child_list("ayat")[0].text == "Sistem kerja dilaksanakan oleh setiap unit kerja."
    assert pasal_3.text.lower().count("secara kolaboratif") == 1
    assert pasal_3.text.startswith("Secara kolaboratif, pelaksanaan tugas")


def test_14_ocr_damaged_pasal_headings_are_read_by_their_sequence():
    reg = read("14-ocr-pasal-headings")
    assert [p.number for p in reg.pasals()] == [str(n) for n in range(1, 13)]
    assert [c["from"] for c in reg.stats.corrections] == ["Pasal2", "PasaI 3", "Pasal 1 0", "Pasal 1l"]
    assert reg.pasals()[2].text == "Tim kerja dipimpin oleh seorang ketua."
    assert not any(r["kind"] == "orphan" for r in reg.stats.removed)
    assert not any(n.label == UNPLACED for n in reg.walk())


@pytest.mark.parametrize("name", ["input.txt", "input.pdf", "input2.txt", "input2.pdf"])
def test_16_an_item_ending_dan_atau_at_the_margin_never_swallows_the_next(name):
    reg = read("16-huruf-after-atau", name)
    ayat_1 = reg.pasals()[1].child_list("ayat")[0]
    assert [h.number for h in ayat_1.child_list("huruf")] == ["a", "b"]
    assert ayat_1.child_list("huruf")[0].text.endswith("; dan/atau")
    assert all(r.resolved for r in internal_refs(reg))

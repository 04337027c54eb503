"""Repairs a draft makes by the general rules of `check` (X5, U5), never by special cases of one sentence.

X5: "<Term> sebagaimana dimaksud pada ayat (1)" where the cited provision never names the term loses the reference
(each such sentence of the act, listed); U5: a definition the draft never uses is removed and Pasal 1 numbered
again (listed). Inputs are built here from the clean act of the rule tests.
"""

from __future__ import annotations

from pathlib import Path

from rancang.address import number_tree
from rancang.generate.check import check
from rancang.generate.draft import repair, terms
from rancang.generate.draft.notes import Notes
from rancang.ingest import ingest_text
from rancang.ingest.refs import resolve as refs_mod

CLEAN = (Path(__file__).parent / "data" / "check_clean.md").read_text(encoding="utf-8")


def _act(*edits: tuple[str, str]):
    text = CLEAN
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    return ingest_text(text, "uji.md")


def _repaired(reg, fn) -> tuple[Notes, bool]:
    notes = Notes()
    changed = fn(reg, notes)
    if changed:
        number_tree(reg.body)
        refs_mod.resolve(reg)
    return notes, changed


#: two sentences of the X5 kind, in different forms: another Pasal's ayat ("dalam Pasal 2 ayat (2)" -> Pasal 3
#: ayat (1), which never names the Mekanisme Kerja) and the same Pasal's ayat ("pada ayat (1)")
WRONG = [("Mekanisme Kerja sebagaimana dimaksud dalam Pasal 2 ayat (2)",
          "Mekanisme Kerja sebagaimana dimaksud dalam Pasal 3 ayat (1)"),
         ("(2) Peta proses bisnis sebagaimana dimaksud pada ayat (1) ditetapkan oleh Bupati.",
          "(2) Peta proses bisnis sebagaimana dimaksud pada ayat (1) ditetapkan oleh Bupati.\n\n(3) Pejabat Penilai "
          "Kinerja sebagaimana dimaksud pada ayat (1), menyusun peta proses bisnis Unit Organisasi.")]


def test_x5_every_sentence_of_the_kind_loses_its_wrong_reference():
    reg = _act(*WRONG)
    assert [f["cite"] for f in check(reg) if f["rule"] == "X5"] == ["Pasal 4 ayat (3)", "Pasal 7 ayat (3)"]
    notes, changed = _repaired(reg, repair.subjects)
    assert changed
    assert reg.find("Pasal 4 ayat (3)").text.endswith("dilaksanakan sesuai dengan Mekanisme Kerja.")
    assert reg.find("Pasal 7 ayat (3)").text == ("Pejabat Penilai Kinerja, menyusun peta proses bisnis Unit "
                                                 "Organisasi.")
    assert [n.rule for n in notes.of("perbaikan")] == ["X5", "X5"]
    assert not [f for f in check(reg) if f["rule"] in ("X5", "X2")]


def test_x5_keeps_a_reference_that_names_its_subject_and_leaves_chains_to_the_drafter():
    reg = _act()
    notes, changed = _repaired(reg, repair.subjects)
    assert not changed and not notes.items
    chain = _act(("(2) Peta proses bisnis sebagaimana dimaksud pada ayat (1) ditetapkan oleh Bupati.",
                  "(2) Peta proses bisnis ditetapkan oleh Bupati.\n\n(3) Pejabat Penilai Kinerja sebagaimana "
                  "dimaksud pada ayat (1), dan dalam Pasal 2 menyusun peta proses bisnis."))
    before = chain.find("Pasal 7 ayat (3)").text
    notes, changed = _repaired(chain, repair.subjects)
    assert not changed and chain.find("Pasal 7 ayat (3)").text == before
    assert [n.rule for n in notes.of("putusan")] == ["X5"]


def _numbered_from(text: str, start: int) -> str:
    """The clean act's Pasal 1 with every definition from ``start`` on numbered one higher (room for one more)."""
    head, sep, rest = text.partition("Pasal 1\n")
    defs, sep2, tail = rest.partition("BAB II")
    for k in range(9, start - 1, -1):
        defs = defs.replace(f"\n{k}. ", f"\n{k + 1}. ", 1)
    return head + sep + defs + sep2 + tail


def test_u5_unused_definitions_are_removed_and_pasal_1_numbered_again():
    text = _numbered_from(CLEAN, 4).replace("\n5. Pegawai Aparatur Sipil Negara", "\n4. Kelas Jabatan adalah "
                                            "tingkat jabatan dalam susunan jabatan.\n\n5. Pegawai Aparatur Sipil "
                                            "Negara", 1)
    text = text.replace("dan komunikasi.\n\nBAB II", "dan komunikasi.\n\n11. Jabatan Pelaksana adalah sekelompok "
                        "jabatan pelayanan publik.\n\nBAB II", 1)
    text = text.replace("(1) Pengelolaan kinerja Pegawai ASN terdiri", "(1) Pengelolaan kinerja Pegawai ASN menurut "
                        "uraian tugas jabatan pelaksana dan kelas jabatan terdiri", 1)
    reg = ingest_text(text, "uji.md")
    # met only in lower-case words: check names it U2_lower (used without capitals), the draft drops it as unused
    assert [f["cite"] for f in check(reg) if f["rule"] in ("U5", "U2_lower")] == ["Pasal 1 angka 4", "Pasal 1 angka 11"]
    notes, changed = _repaired(reg, terms.drop_unused)
    assert changed and [n.cite for n in notes.of("dihapus")] == ["Pasal 1 angka 4", "Pasal 1 angka 11"]
    items = reg.find("Pasal 1").children
    assert [c.label for c in items] == [f"{k}." for k in range(1, 10)]
    assert items[3].text.startswith("Pegawai Aparatur Sipil Negara") and items[3].cite == "Pasal 1 angka 4"
    assert check(reg) == []

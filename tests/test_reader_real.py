"""Real national acts printed to PDF (tests/cases/real, copied unchanged from ../shared/cases/real): PP 96/2012
(Word 2007 export, 51 Pasal) and Permenkominfo 8/2019 (75 Pasal, 10 BAB).

A huruf item whose justified line ends in "," or ";" in mid-sentence keeps its last lines; the closing words of a
list set back at the list's left stay the enclosing clause's; the signatory of a Permen and of a PP is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from rancang.ingest import ingest_path
from rancang.ingest.readers.pdf.pages import lines_of

REAL = Path(__file__).resolve().parent / "cases" / "real"


@pytest.fixture(scope="module")
def pp96():
    return ingest_path(REAL / "pp-96-2012.pdf")


@pytest.fixture(scope="module")
def permen8():
    return ingest_path(REAL / "permenkominfo-8-2019.pdf")


def node(reg, node_id: str):
    return next(n for n in reg.walk() if n.id == node_id)


def test_pp_96_2012_items_keep_their_last_line(pp96):
    assert node(pp96, "pasal-10/ayat-1/huruf-b").text.endswith(
        "berdasarkan norma, standar, prosedur, dan kriteria atau berdasarkan izin sesuai bidang pelayanan "
        "bersangkutan sebagaimana ditetapkan dalam peraturan perundang-undangan.")
    assert node(pp96, "pasal-23/ayat-1/huruf-b").text == (
        "tokoh Masyarakat, akademisi, dunia usaha, organisasi profesi, dan/atau lembaga swadaya Masyarakat.")
    assert node(pp96, "pasal-36/ayat-2/huruf-d").text == (
        "kemampuan menata dan mengelola untuk mengamankan prinsip keadilan, proporsionalitas, dan tidak "
        "diskriminatif.")
    for pasal in ("pasal-10", "pasal-23", "pasal-36"):
        assert not [n for n in node(pp96, pasal).walk() if n.type == "text"], pasal


def test_pp_96_2012_keeps_its_pasal_and_the_president_signs(pp96):
    assert len([n for n in pp96.walk() if n.type == "pasal"]) == 51
    assert pp96.meta.pejabat == "Presiden Republik Indonesia"
    assert pp96.meta.penandatangan == "Presiden Republik Indonesia"


def test_permenkominfo_8_2019_items_keep_their_last_line(permen8):
    assert node(permen8, "pasal-10/ayat-1/huruf-b").text.endswith(
        "relevan dengan daerahnya; serta menyusun dan menetapkan tujuan.")
    assert node(permen8, "pasal-13/ayat-8/huruf-c").text.endswith(
        "menghadirkan saksi dan ahli, menerima salinan putusan dan melaporkan hasil sidang sengketa informasi serta "
        "melakukan banding ke Pengadilan Tata Usaha Negara jika dibutuhkan.")
    assert node(permen8, "pasal-33/ayat-1/huruf-b").text == (
        "menggunakan Pusat Data pada kementerian, lembaga, Pemerintah Daerah, atau Pusat Data nonpemerintah melalui "
        "skema kerja sama sesuai dengan ketentuan peraturan perundang-undangan.")


def test_permenkominfo_closing_words_set_at_the_lists_left_stay_the_clauses(permen8):
    # "c. pemenuhan standar bagi pakai," / "sesuai dengan ketentuan ..." (a short line, then the list's left) and
    # "... Sosial;" / "dicabut dan dinyatakan tidak berlaku." close the whole list, not its last item
    ayat = node(permen8, "pasal-46/ayat-3")
    assert ayat.children[-1].type == "text"
    assert ayat.children[-1].text == "sesuai dengan ketentuan peraturan perundang-undangan."
    assert node(permen8, "pasal-74").children[-1].text == "dicabut dan dinyatakan tidak berlaku."


def test_permenkominfo_8_2019_is_signed_by_the_minister(permen8):
    assert len([n for n in permen8.walk() if n.type == "pasal"]) == 75
    assert len([n for n in permen8.walk() if n.type == "bab"]) == 10
    assert permen8.meta.pejabat == "Menteri Komunikasi dan Informatika Republik Indonesia"
    # the Director General who promulgates it signs nothing of the act
    assert permen8.meta.penandatangan == "Menteri Komunikasi dan Informatika Republik Indonesia"


def test_words_of_one_baseline_are_one_line_whatever_their_faces_ascent():
    # an italic word ("Squad") in TeX Gyre Bonum Italic has a box 4 pt taller than its upright neighbours
    words = [{"text": "Satuan", "x0": 99.0, "x1": 141.0, "top": 109.5, "bottom": 121.0, "base": 118.0},
             {"text": "Squad", "x0": 194.0, "x1": 231.0, "top": 104.9, "bottom": 121.2, "base": 118.0},
             {"text": "adalah", "x0": 236.0, "x1": 275.0, "top": 109.2, "bottom": 121.0, "base": 118.0},
             {"text": "kelompok", "x0": 99.0, "x1": 150.0, "top": 125.7, "bottom": 137.2, "base": 134.2}]
    assert [ln.text for ln in lines_of(words)] == ["Satuan Squad adalah", "kelompok"]

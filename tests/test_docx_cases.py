"""The Word files of ../shared/cases (copied into tests/cases) give what their README rows say, and each is
conserved against its package: every w:t, w:sym and chunk text is in the tree or in ``stats.removed``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rancang.ingest import ingest_path
from rancang.ingest.conservation import difference_docx

CASES = Path(__file__).parent / "cases"
PEER_19 = CASES / "peers" / "19-docx-textbox-altcontent"
WORD_FILES = [p for p in sorted(CASES.rglob("*.docx")) if p.name != "zipbomb_paras.docx"]


def _without(d: dict, *keys: str) -> dict:
    return {k: v for k, v in d.items() if k not in keys}


def test_19_each_text_box_is_read_once_as_its_own_lines_and_the_tree_is_the_controls():
    reg = ingest_path(PEER_19 / "input.docx")
    control = ingest_path(PEER_19 / "control.docx")
    got, want = reg.to_dict(), control.to_dict()
    # the SALINAN stamp is a box of its own, printed above the judul: read once, then set aside as the copy's
    # stamp (stats.removed), so the preamble begins with the judul as the control's does
    assert got["preamble"] == want["preamble"] and got["preamble"][0] == "PERATURAN BUPATI CONTOH"
    assert [r["text"] for r in got["stats"]["removed"] if r["kind"] == "stempel"] == ["SALINAN"]
    assert _without(got, "preamble", "stats", "source") == _without(want, "preamble", "stats", "source")
    assert reg.meta.daerah == "Kabupaten Contoh"
    assert reg.lampiran and reg.lampiran[0].text.startswith("LAMPIRAN PERATURAN BUPATI CONTOH NOMOR 1 TAHUN 2025")
    assert reg.penutup.lines[-1] == "BERITA DAERAH KABUPATEN CONTOH TAHUN 2025 NOMOR 1"
    assert "SALINANSALINAN" not in json.dumps(got)


def test_19_the_word_file_reads_as_the_page_a_person_sees():
    got = ingest_path(PEER_19 / "input.docx").to_dict()
    seen = ingest_path(PEER_19 / "render-libreoffice.pdf").to_dict()  # LibreOffice's rendering of input.docx
    assert _without(got, "stats", "source", "diktum") == _without(seen, "stats", "source", "diktum")
    assert " ".join(got["diktum"]) == " ".join(seen["diktum"])  # (the page wraps the Menetapkan line)


def test_a_block_wrapped_in_custom_xml_keeps_its_pasal():
    reg = ingest_path(CASES / "abuse" / "docx_customxml_block_drops_pasal.docx")
    assert [p.number for p in reg.pasals()] == [str(n) for n in range(1, 21)]
    assert reg.pasals()[1].child_list("ayat")[0].text.startswith("Peraturan Bupati ini dibentuk dengan maksud")


def test_hidden_text_is_no_part_of_the_pasal_and_is_recorded_as_hidden():
    reg = ingest_path(CASES / "abuse" / "docx_hidden_text_read_as_law.docx")
    assert "CATATAN INTERNAL" not in json.dumps([n.to_dict() for n in reg.body])
    hidden = [r for r in reg.stats.removed if r["kind"] == "hidden"]
    assert [r["text"] for r in hidden] == ["CATATAN INTERNAL: pasal ini dihapus atas permintaan Sekda."]
    assert reg.pasals()[1].child_list("ayat")[0].text.endswith("kebijakan penyederhanaan birokrasi.")
    assert [w["kind"] for w in reg.stats.warnings] == ["hidden_text"]
    assert "CATATAN INTERNAL" in reg.stats.warnings[0]["message"]


@pytest.mark.parametrize("path", WORD_FILES, ids=lambda p: p.name if p.parent.name == "abuse" else p.parent.name)
def test_every_character_of_a_case_package_is_in_the_tree_or_recorded(path):
    reg = ingest_path(path)
    assert difference_docx(path.read_bytes(), reg) == ({}, {})


def test_22_the_word_file_with_soft_hyphens_and_zero_width_spaces_reads_as_the_plain_text():
    folder = CASES / "peers" / "22-nbsp-shy-zwsp"
    got, plain = ingest_path(folder / "input.docx").to_dict(), ingest_path(folder / "plain.txt").to_dict()
    assert _without(got, "stats", "source") == _without(plain, "stats", "source")
    invisible = "".join(r["text"] for r in got["stats"]["removed"] if r["kind"] == "invisible")
    assert "\u00ad" in invisible and "\u200b" in invisible


def test_11_text_moved_under_track_changes_is_read_once_and_its_old_place_recorded():
    reg = ingest_path(CASES / "peers" / "11-docx-tracked-changes" / "input.docx")
    tracked = [r["text"] for r in reg.stats.removed if r["kind"] == "tracked"]
    pasal_3 = reg.pasals()[2].text
    assert tracked == ["secara kolaboratif"] and pasal_3.casefold().count("secara kolaboratif") == 1
    assert pasal_3.startswith("Secara kolaboratif, pelaksanaan tugas")

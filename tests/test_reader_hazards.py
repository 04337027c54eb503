"""Text hazards (issue 26 item 4, issue 32 item 4): characters that change what a text means, or what a search
finds, without being seen. Each is removed or normalised, recorded in ``stats.removed`` (every character of the
source is still accounted for) and, where the structure depended on it, warned of in ``stats.warnings``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixtures import pdf_of

from rancang.corpus.search import search
from rancang.corpus.store import Store
from rancang.ingest import ingest_bytes, ingest_path, ingest_text
from rancang.ingest.conservation import difference
from rancang.ingest.readers.ocr import reader as ocr

CASES = Path(__file__).resolve().parent / "cases"
PEERS = CASES / "peers"
ABUSE = CASES / "abuse"


def shape(nodes) -> list:
    return [(n.type, n.number, n.heading, n.text, n.id, shape(n.children)) for n in nodes]


def kinds(reg) -> list[str]:
    return [w["kind"] for w in reg.stats.warnings]


# --- invisible characters (peers/22) -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shy():
    return ingest_path(PEERS / "22-nbsp-shy-zwsp" / "input.txt")


def test_soft_hyphens_and_zero_width_spaces_leave_the_same_tree_as_plain_text(shy):
    plain = ingest_path(PEERS / "22-nbsp-shy-zwsp" / "plain.txt")
    assert shape(shy.body) == shape(plain.body)
    text = " ".join(n.text for n in shy.walk())
    assert "\u00ad" not in text and "\u200b" not in text
    assert "Penugasan sebagaimana dimaksud" in text and "menugaskan Pegawai" in text


def test_the_docx_with_soft_hyphens_reads_as_the_plain_text_too():
    docx = ingest_path(PEERS / "22-nbsp-shy-zwsp" / "input.docx")
    plain = ingest_path(PEERS / "22-nbsp-shy-zwsp" / "plain.txt")
    assert shape(docx.body) == shape(plain.body)
    assert "".join(r["text"] for r in docx.stats.removed if r["kind"] == "invisible").count("\u00ad") == 3


def test_invisible_characters_are_recorded_and_conserved(shy):
    gone = [r for r in shy.stats.removed if r["kind"] == "invisible"]
    assert sorted("".join(r["text"] for r in gone)) == sorted("\u00ad\u00ad\u00ad\u200b")
    source = (PEERS / "22-nbsp-shy-zwsp" / "input.txt").read_text(encoding="utf-8")
    assert difference(source, shy) == ({}, {})
    assert shy.stats.warnings == []  # in clause text they change no structure: nothing to warn of


def test_search_finds_the_words_the_soft_hyphens_split(shy, tmp_path):
    store = Store(tmp_path / "corpus.sqlite")
    try:
        store.add(shy, id="contoh-22")
        penugasan = {h.cite for h in search(store, "penugasan", daerah="contoh-22")}
        menugaskan = {h.cite for h in search(store, "menugaskan", daerah="contoh-22")}
    finally:
        store.close()
    assert {"Pasal 2 ayat (2)", "Pasal 2 ayat (3)"} <= penugasan
    assert {"Pasal 2 ayat (1)", "Pasal 4 ayat (2)"} <= menugaskan


# --- look-alike letters and format characters in heading words --------------------------------------------


BASE = (PEERS / "28-inserted-1a-5a" / "input.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("heading, kind", [
    ("P\u0430sal 2", "confusable_in_heading"),          # a Cyrillic "а"
    ("Pasal\u200b 2", "invisible_in_heading"),          # a zero-width space
    ("P\u0430sal\u200b 2", "confusable_in_heading"),    # both
    ("Pas\u00adal 2", "invisible_in_heading"),           # a soft hyphen inside the word
])
def test_a_disguised_pasal_heading_is_read_as_the_pasal_with_a_warning(heading, kind):
    text = BASE.replace("\nPasal 2\n", f"\n{heading}\n")
    reg = ingest_text(text)
    assert [p.number for p in reg.pasals()] == ["1", "2", "3", "4"]
    assert [a.number for a in reg.pasals()[1].children] == ["1", "1a", "2"]
    assert kind in kinds(reg)
    assert difference(text, reg) == ({}, {})


def test_a_bab_in_cyrillic_capitals_is_a_bab_and_words_of_other_scripts_in_text_stay():
    text = BASE.replace("BAB III", "\u0412\u0410\u0412 III").replace(
        "Tim Kerja adalah", "Tim Kerja (Рабочая группа) adalah")
    reg = ingest_text(text)
    assert [n.number for n in reg.body] == ["I", "II", "III"]
    assert "Рабочая группа" in reg.pasals()[0].children[-1].text
    assert [r["to"] for r in reg.stats.removed if r["kind"] == "confusable"] == ["BAB"]
    assert difference(text, reg) == ({}, {})


# --- a stray opening quote (abuse/stray_open_quote_swallows_pasal.txt) ----------------------------------------


@pytest.fixture(scope="module")
def stray():
    return ingest_path(ABUSE / "stray_open_quote_swallows_pasal.txt")


def test_an_unmatched_quote_opens_no_amendment_text(stray):
    assert [p.number for p in stray.pasals()] == ["1", "2", "3"]
    pasal_1, pasal_2 = stray.pasals()[:2]
    assert pasal_1.text == "Dalam Peraturan ini yang dimaksud dengan:\u201c"  # the quote is text, kept
    assert [(c.type, c.label) for c in pasal_1.children] == [("huruf", "a."), ("huruf", "b.")]
    assert [(c.type, c.number) for c in pasal_2.children] == [("ayat", "1"), ("ayat", "2")]
    assert not any(n.type == "perubahan" for n in stray.walk())
    assert kinds(stray) == ["unmatched_quote"]


def test_an_unmatched_quote_keeps_every_character_and_reads_back_from_markdown(stray):
    from rancang.ingest.writers.markdown import render

    source = (ABUSE / "stray_open_quote_swallows_pasal.txt").read_text(encoding="utf-8")
    assert difference(source, stray) == ({}, {})
    again = ingest_text(render(stray), "x.md")
    assert shape(again.body) == shape(stray.body)


def test_an_amendments_quote_that_lost_its_closing_mark_still_opens_new_text():
    text = BASE.replace(
        "Ketentuan lebih lanjut mengenai penugasan sebagaimana dimaksud dalam Pasal 2 ayat (1a) ditetapkan oleh "
        "Sekretaris Daerah.",
        "Ketentuan Pasal 5 Peraturan Bupati Contoh Nomor 3 Tahun 2020 diubah sehingga berbunyi sebagai berikut:\n"
        "\u201cPasal 5\nPegawai wajib hadir.")
    reg = ingest_text(text)
    assert any(n.type == "perubahan" for n in reg.walk())
    assert "unmatched_quote" not in kinds(reg)
    assert "unclosed_new_text" in kinds(reg)  # the lost closing mark is named, the new text still read as such


# --- encodings mixed line by line (abuse/mixed_utf8_cp1252.txt) -----------------------------------------------


def test_a_utf8_text_with_a_cp1252_line_is_decoded_line_by_line_with_a_warning():
    data = (ABUSE / "mixed_utf8_cp1252.txt").read_bytes()
    reg = ingest_bytes(data, "campuran.txt")
    text = "\n".join(n.text for n in reg.walk()) + "\n".join(reg.penutup.lines)
    everything = str(reg.to_dict())
    assert "\u00e2\u20ac" not in everything  # no "â€" anywhere: the UTF-8 lines are UTF-8
    assert "\u2014" in everything              # their dashes are dashes
    assert "\u201clihat lampiran\u201d" in everything or "\u201clihat lampiran\u201d" in text  # the cp1252 line
    (warning,) = reg.stats.warnings
    assert warning["kind"] == "mixed_encoding" and warning["lines"] == [281]
    assert "pengodean campuran" in warning["message"]


def test_a_cp1252_file_throughout_is_read_without_a_warning():
    text = BASE.replace("Tim Kerja adalah", "Tim Kerja \u201cTK\u201d adalah")
    reg = ingest_bytes(text.encode("cp1252"), "ansi.txt")
    assert "Tim Kerja \u201cTK\u201d adalah" in reg.pasals()[0].children[-1].text
    assert reg.stats.warnings == []


def test_the_warnings_reach_the_user_on_stderr(tmp_path):
    from click.testing import CliRunner

    from rancang.cli import cli

    result = CliRunner().invoke(cli, ["ingest", str(ABUSE / "mixed_utf8_cp1252.txt"), "-o",
                                       str(tmp_path / "x.json")])
    assert result.exit_code == 0
    assert "Peringatan: mixed_utf8_cp1252.txt: pengodean campuran" in result.output
    # a folder: each file's warnings, named
    folder = tmp_path / "masuk"
    folder.mkdir()
    (folder / "campuran.txt").write_bytes((ABUSE / "mixed_utf8_cp1252.txt").read_bytes())
    (folder / "biasa.txt").write_text(BASE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(folder), "-o", str(tmp_path / "keluar")])
    assert result.exit_code == 0
    assert "Peringatan: campuran.txt: pengodean campuran" in result.output
    assert "biasa.txt" not in result.output


# --- glyphs the font maps to no character ---------------------------------------------------------------------


def _pdf_with_fffd_ligatures() -> bytes:
    """A PDF whose font maps its "fi" ligature (byte 0x7E) to U+FFFD in its ToUnicode map."""
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def\n"
            b"1 begincodespacerange <00> <FF> endcodespacerange\n1 beginbfchar <7E> <FFFD> endbfchar\n"
            b"endcmap CMapName currentdict /CMap defineresource pop end end")
    lines = BASE.replace("verifikasi", "veri~kasi").splitlines()[:60] + [
        "Pasal 9", "Pegawai melakukan veri~kasi secara e~sien."]
    body = b"BT /F1 10 Tf 12 TL 50 800 Td " + b" ".join(
        b"(" + ln.encode("latin-1").replace(b"(", b"\\(").replace(b")", b"\\)") + b") Tj T*" for ln in lines) + b" ET"
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
            b"/Contents 4 0 R >>",
            b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /ToUnicode 6 0 R >>",
            b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream"]
    return pdf_of(objs)


def test_a_font_whose_ligatures_read_as_fffd_gives_a_warning_naming_the_page_when_ocr_is_off(monkeypatch):
    monkeypatch.setenv(ocr.MODE_ENV, "never")
    reg = ingest_bytes(_pdf_with_fffd_ligatures(), "ligatur.pdf")
    (warning,) = [w for w in reg.stats.warnings if w["kind"] == "undecoded_glyphs"]
    assert warning["pages"] == [1]
    assert "veri\ufffdkasi" in warning["message"] and "--ocr" in warning["message"]
    # the page's words are in the result (wrong as printed): it is not named as a page whose text is missing
    assert not [w for w in reg.stats.warnings if w["kind"] == "pages_not_read"]


@pytest.mark.skipif(not ocr.engine_available(), reason="Tesseract with Indonesian data is not installed")
def test_a_page_whose_words_hold_fffd_is_read_by_ocr(monkeypatch):
    # two words of some 500 on the page hold U+FFFD: each is a wrong word, so the page is read from its image
    monkeypatch.setenv(ocr.MODE_ENV, "auto")
    reg = ingest_bytes(_pdf_with_fffd_ligatures(), "ligatur.pdf")
    assert reg.stats.ocr is not None and reg.stats.ocr["reason"] == "bad_glyphs"
    assert [p.number for p in reg.pasals()] == ["1", "2", "3", "4"]
    assert "\ufffd" not in json.dumps(reg.to_dict(), ensure_ascii=False)
    assert not [w for w in reg.stats.warnings if w["kind"] == "undecoded_glyphs"]


def test_a_noncharacter_the_reader_removed_stays_recorded_beside_an_unmatched_quote():
    # U+FFFE is removed by the reader (recorded as "control"); the inert quote must not be put back there
    text = (ABUSE / "stray_open_quote_swallows_pasal.txt").read_text(encoding="utf-8").replace(
        "Pasal 3\n", "Pasal 3\n\ufffe")
    reg = ingest_bytes(text.encode("utf-32"), "x.txt")
    assert difference(text, reg) == ({}, {})
    assert [r["text"] for r in reg.stats.removed if r["kind"] == "control"] == ["\ufffe"]


def test_items_before_a_quoted_pasal_keep_their_labels():
    # a quote opened after "dengan:" and closed after Pasal 2: quoted text, whose leading items keep "a." "b."
    text = (ABUSE / "stray_open_quote_swallows_pasal.txt").read_text(encoding="utf-8").replace(
        "Pasal 3\n", "\u201d\nPasal 3\n")
    reg = ingest_text(text)
    assert difference(text, reg) == ({}, {})
    quoted = next(n for n in reg.walk() if n.type == "perubahan")
    assert quoted.text.startswith("a. Bupati adalah Bupati Contoh; b. Daerah")

"""Scanned regulations are read with OCR (Tesseract, Indonesian) instead of being refused.

The end-to-end tests print two seeds to PDF, turn every page into a 200 dpi image (one seed slightly rotated,
as a sheet fed askew into a scanner), keep only the images, and read the result: the Pasal and the ayat of each
Pasal must be the gold ones. They are skipped only where Tesseract with Indonesian data is not installed.
"""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from rancang.cli import cli
from rancang.ingest import ingest_bytes
from rancang.ingest.readers.ocr import reader as ocr
from rancang.ingest.readers.ocr.fix import fix_labels
from rancang.ingest.readers.pdf.reader import Line, Page, glyph_counts, usable_text_layer

sys.path.insert(0, str(Path(__file__).parent))
from conftest import GOLD, SEED_IDS, SEEDS  # noqa: E402
from fixtures import build_pdf  # noqa: E402

needs_tesseract = pytest.mark.skipif(not ocr.engine_available(),
                                     reason="Tesseract with Indonesian data (tesseract-ocr-ind) is not installed")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

SMALL = """PERATURAN BUPATI CONTOH
NOMOR 3 TAHUN 2025
TENTANG
SISTEM KERJA

MEMUTUSKAN:
Menetapkan : PERATURAN BUPATI TENTANG SISTEM KERJA.

Pasal 1
(1) Sistem kerja dilaksanakan oleh Perangkat Daerah.
(2) Sistem kerja sebagaimana dimaksud pada ayat (1) meliputi:
a. penugasan;
b. pelaksanaan tugas; dan
c. pertanggungjawaban.

Pasal 2
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
"""


@pytest.fixture(autouse=True)
def _auto_mode(monkeypatch):
    monkeypatch.setenv(ocr.MODE_ENV, "auto")


def scan(pdf: bytes, rotate: float = 0.0, dpi: int = 200, sideways: set[int] = frozenset()) -> bytes:
    """The PDF as a scanner gives it: one image a page at ``dpi``, no text layer; pages rotated by ``rotate``
    degrees, and those in ``sideways`` (0-based) turned a quarter (a phone photo held sideways)."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    images = []
    for i in range(len(doc)):
        image = doc[i].render(scale=dpi / 72, grayscale=True).to_pil()
        if rotate:
            image = image.rotate(rotate, expand=True, fillcolor=255)
        if i in sideways:
            image = image.rotate(90, expand=True, fillcolor=255)
        images.append(image)
    buf = io.BytesIO()
    images[0].save(buf, format="PDF", save_all=True, append_images=images[1:], resolution=float(dpi))
    return buf.getvalue()


def ayat_counts(reg) -> dict[str, int]:
    """Pasal number -> its number of ayat."""
    return {p.number: sum(1 for c in p.children if c.type == "ayat") for p in reg.pasals()}


def gold_ayat(gold: dict) -> dict[str, int]:
    """Pasal number -> its gold number of ayat."""
    return {str(k): v["ayat"] for k, v in gold["pasal"].items()}


# ------------------------------------------------------------------------------------------ text layer


def test_a_layer_of_cid_glyphs_is_undecodable():
    assert glyph_counts("(cid:12)(cid:40)(cid:7) x") == (3, 4)
    assert glyph_counts("Pasal 1 \ufffd") == (1, 7)


def _page(*texts: str) -> Page:
    return Page(number=1, width=595, height=842, lines=[Line(t, 0, 10, 10 * i, 10 * i + 8)
                                                        for i, t in enumerate(texts)])


def test_a_text_layer_is_usable_only_when_it_has_mostly_readable_text():
    assert usable_text_layer([_page("Pasal 1", "(1) Sistem kerja dilaksanakan.")])
    assert not usable_text_layer([_page()])
    assert not usable_text_layer([_page("(cid:1)(cid:2)(cid:3) 1AB (cid:32)(cid:9)(cid:5)(cid:7)")])


# ---------------------------------------------------------------------------------- sequence evidence


def test_an_ayat_label_that_lost_its_parentheses_is_restored_by_the_sequence():
    lines = ["Pasal 23", "(1) Pemerintah Daerah menyelenggarakan SPBE.", "(2) Aplikasi SPBE berbagi pakai.",
             "3 Pemanfaatan aplikasi SPBE dikoordinasikan oleh tim.", "Pasal 24", "(l) Proses Bisnis disusun."]
    fixed, fixes = fix_labels(lines)
    assert fixed[3].startswith("(3) Pemanfaatan") and fixed[5].startswith("(1) Proses")
    assert [(f["from"], f["to"]) for f in fixes] == [("3", "(3)"), ("(l)", "(1)")]


def test_a_number_out_of_sequence_or_inside_a_sentence_is_never_made_an_ayat():
    lines = ["Pasal 5", "(1) Tim kerja terdiri atas paling sedikit", "3 orang pegawai.",
             "(2) Ketua tim ditetapkan.", "5 Pemanfaatan aplikasi dikoordinasikan."]
    fixed, fixes = fix_labels(lines)
    assert fixed == lines and fixes == []


def test_damaged_huruf_labels_follow_their_list():
    lines = ["Pasal 11", "(2) Jabatan Fungsional keahlian terdiri atas:", "ag ahli utama;", "5. ahli madya;",
             "C: ahli muda; dan", "d ahli pertama."]
    fixed, fixes = fix_labels(lines)
    assert [ln.split()[0] for ln in fixed[2:]] == ["a.", "b.", "c.", "d."]
    assert len(fixes) == 4


def test_words_and_well_formed_labels_of_other_styles_stay_as_printed():
    lines = ["Pasal 3", "(1) Pegawai melaksanakan tugas:", "a. menyusun rencana;", "b. melaksanakan tugas",
             "di unit kerja;", "1) menyusun laporan;", "2) menyampaikan laporan.",
             "LAMPIRAN", "A. UMUM", "C. PENUTUP"]
    fixed, fixes = fix_labels(lines)
    assert fixed == lines and fixes == []


def test_a_bab_numeral_read_as_a_bar_is_the_next_roman_numeral():
    fixed, fixes = fix_labels(["BAB |", "KETENTUAN UMUM", "Pasal 1", "BAB Il", "PENUTUP"])
    assert fixed[0] == "BAB I" and fixed[3] == "BAB II" and len(fixes) == 2


# ---------------------------------------------------------------------------------------- messages


def _cli(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_without_the_engine_a_scan_gets_one_sentence_saying_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(ocr, "engine_available", lambda: False)
    path = tmp_path / "pindaian.pdf"
    path.write_bytes(scan(build_pdf(SMALL), dpi=50))
    result = _cli("ingest", str(path))
    assert result.exit_code == 1
    assert "tesseract-ocr-ind" in result.stderr and "lapisan teks" in result.stderr
    assert result.stderr.strip().count("\n") == 0 and "Traceback" not in result.output


def test_no_ocr_refuses_a_scan_and_says_how_to_read_it(tmp_path):
    path = tmp_path / "pindaian.pdf"
    path.write_bytes(scan(build_pdf(SMALL), dpi=50))
    result = _cli("ingest", str(path), "--no-ocr")
    assert result.exit_code == 1 and "--no-ocr" in result.stderr and "lapisan teks" in result.stderr


def test_no_ocr_leaves_a_pdf_with_text_to_its_text_layer(tmp_path):
    path = tmp_path / "teks.pdf"
    path.write_bytes(build_pdf(SMALL))
    result = _cli("ingest", str(path), "--no-ocr")
    assert result.exit_code == 0
    assert "ocr" not in json.loads(result.stdout)["stats"]


def test_the_pages_of_a_long_scan_show_a_progress_bar(capsys):
    from rancang.ingest.cli import PageBar

    bar = PageBar()
    for done in (1, 2, 3):
        bar(done, 3)
    assert "OCR halaman" in capsys.readouterr().err


# ------------------------------------------------------------------------------------------ with OCR


@needs_tesseract
def test_a_small_scan_is_read_and_its_ocr_is_recorded(tmp_path):
    path = tmp_path / "pindaian.pdf"
    path.write_bytes(scan(build_pdf(SMALL, two_column=False)))
    result = _cli("ingest", str(path), "-j", "2")
    assert result.exit_code == 0, result.output
    tree = json.loads(result.stdout)
    assert [p["number"] for p in tree["body"] if p["type"] == "pasal"] == ["1", "2"]
    assert tree["stats"]["ocr"]["reason"] == "no_text" and tree["stats"]["ocr"]["lang"] == "ind"


@needs_tesseract
def test_a_page_photographed_sideways_is_turned_upright(tmp_path):
    reg = ingest_bytes(scan(build_pdf(SMALL, two_column=False), sideways={0}), "foto.pdf")
    assert [p.number for p in reg.pasals()] == ["1", "2"]
    assert reg.stats.ocr["pages"][0]["rotated"] in (90, 270)


@needs_tesseract
@pytest.mark.skipif(not DEJAVU.exists(), reason="DejaVu Sans (fonts-dejavu-core) is not installed")
def test_a_text_layer_of_undecodable_glyphs_is_detected_and_read_by_ocr():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("DejaVu", fname=str(DEJAVU))
    pdf.set_font("DejaVu", size=11)
    for i, line in enumerate(SMALL.splitlines()):
        pdf.text(20, 20 + 6 * i, line)
    data = bytes(pdf.output())
    broken = re.sub(rb"/ToUnicode \d+ 0 R", lambda m: b" " * len(m.group(0)), data)  # the glyphs' map lost
    reg = ingest_bytes(broken, "glyphs.pdf")
    assert reg.stats.ocr["reason"] == "bad_glyphs"
    assert [p.number for p in reg.pasals()] == ["1", "2"]
    assert ayat_counts(reg)["1"] == 2


@needs_tesseract
@pytest.mark.parametrize("region, rotate", [("bogor", 0.0), ("pasaman_barat", 1.0)])
def test_a_scanned_seed_gives_the_gold_pasal_and_ayat(region, rotate):
    stem = SEED_IDS[region]
    gold = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
    pdf = build_pdf((SEEDS / f"{stem}.txt").read_text(encoding="utf-8"), header="BERITA DAERAH")
    ocr.set_jobs(2)
    try:
        reg = ingest_bytes(scan(pdf, rotate=rotate), f"{region}-pindaian.pdf")
    finally:
        ocr.set_jobs(1)
    assert len(reg.pasals()) == gold["pasal_count"]
    assert ayat_counts(reg) == gold_ayat(gold)
    if rotate:
        assert all(abs(p["deskewed"] + rotate) < 0.5 for p in reg.stats.ocr["pages"])


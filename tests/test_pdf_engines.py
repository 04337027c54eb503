"""The PDF engines agree (issue 26 item 2): the default (PDFium word boxes) reads every PDF fixture at least as
exactly as pdfplumber (``RANCANG_PDF_ENGINE=pdfplumber``). Where the two trees differ, PDFium's is the one its
control gives (pdfplumber neither merges glyphs drawn twice for a fake bold nor turns a page set sideways).

And both read a PDF set as Word exports it, every glyph placed by position with no space glyph, enumerators set
apart from their text by a narrow shift or glued to it ("b.Sekretariat", "1.Seksi", "(1)Susunan": issue 26), into
the tree of the same text: a space is where a reader sees one, and an enumerator at a line's start stands apart."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED_IDS, SEEDS
from fixtures import build_pdf
from wordlike_pdf import build_wordlike_pdf

from rancang.ingest import ingest_bytes, ingest_text
from rancang.ingest.readers.pdf import pages as pdf_pages
from rancang.ingest.readers.pdf import words as pdf_words

CASES = Path(__file__).resolve().parent / "cases"
PDFS = sorted(CASES.rglob("*.pdf"))
#: a fixture whose pdfplumber reading is known to be wrong -> the control whose tree PDFium must give
CONTROLS = {"08-fake-bold-pdf/input.pdf": "08-fake-bold-pdf/control.pdf",
            "10-rotated-lampiran-pdf/input-rotate90.pdf": "10-rotated-lampiran-pdf/control-portrait.pdf",
            "10-rotated-lampiran-pdf/input-rotated-text.pdf": "10-rotated-lampiran-pdf/control-portrait.pdf"}


def tree(data: bytes, engine: str, monkeypatch) -> dict:
    monkeypatch.setattr(pdf_pages, "ENGINE", engine)
    d = ingest_bytes(data, "x.pdf").to_dict()
    return {k: d.get(k) for k in ("meta", "menimbang", "mengingat", "body", "penutup", "lampiran", "penjelasan")}


def test_every_pdf_case_is_a_fixture_here():
    assert len(PDFS) >= 9  # 08, 10, 16 and the two real acts at least


@pytest.mark.parametrize("path", PDFS, ids=lambda p: str(p.relative_to(CASES)))
def test_pdfium_reads_each_pdf_fixture_as_exactly_as_pdfplumber(path, monkeypatch):
    data = path.read_bytes()
    default = tree(data, "pdfium", monkeypatch)
    key = "/".join(path.parts[-2:])
    if key in CONTROLS:
        assert default == tree((path.parent.parent / CONTROLS[key]).read_bytes(), "pdfium", monkeypatch)
        return
    assert default == tree(data, "pdfplumber", monkeypatch)


@pytest.mark.parametrize("region", list(SEED_IDS))
def test_pdfium_and_pdfplumber_give_one_tree_for_each_seed_pdf(region, monkeypatch):
    data = build_pdf((SEEDS / f"{SEED_IDS[region]}.txt").read_text(encoding="utf-8"), header="Salinan Peraturan")
    assert tree(data, "pdfium", monkeypatch) == tree(data, "pdfplumber", monkeypatch)


def shape(nodes: list[dict]) -> list:
    return [(n["type"], n["number"], n["text"], shape(n["children"])) for n in nodes]


@pytest.mark.parametrize("case", ["28-inserted-1a-5a/input.txt", "31-deep-list-a-paren/input.txt",
                                  "22-nbsp-shy-zwsp/plain.txt"])
@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_a_word_like_pdf_reads_as_its_text(case, engine, monkeypatch):
    text = (CASES / "peers" / case).read_text(encoding="utf-8")
    want = ingest_text(text).to_dict()
    got = tree(build_wordlike_pdf(text), engine, monkeypatch)
    assert shape(got["body"]) == shape(want["body"])
    assert [m["text"] for m in got["menimbang"]] == [m["text"] for m in want["menimbang"]]
    assert [m["label"] for m in got["mengingat"]] == [m["label"] for m in want["mengingat"]]


def words(data: bytes) -> list[str]:
    pages = pdf_words.PdfiumPages(data)
    try:
        return [w["text"] for i in range(len(pages)) for w in pages.page(i)[2]]
    finally:
        pages.close()


def test_a_visible_gap_inside_a_pdfium_word_is_a_space():
    # the enumerators set 0.13 em from their text: PDFium's text has "a)pejabat", a reader sees "a) pejabat"
    text = (CASES / "peers" / "31-deep-list-a-paren" / "input.txt").read_text(encoding="utf-8")
    got = words(build_wordlike_pdf(text, glue_every=10 ** 6))
    assert "a)" in got and "pejabat" in got and "(2)" in got
    assert not [w for w in got if w[:2] in ("a)", "b)", "1)") and len(w) > 2]


def test_a_letter_spaced_heading_stays_one_word():
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format=(595, 842))
    pdf.add_page()
    pdf.add_font("serif", "", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
    pdf.set_font("serif", size=12)
    pdf.set_char_spacing(4)  # every gap alike, a space's width: one word set wide, not ten letters
    pdf.text(60, 100, "PENJELASAN")
    pdf.set_char_spacing(0)
    pdf.text(60, 130, "a.n. Bupati")
    assert words(bytes(pdf.output())) == ["PENJELASAN", "a.n.", "Bupati"]


@pytest.fixture(scope="module")
def libreoffice_seed_pdfs(tmp_path_factory):
    """The seeds as DOCX (real Word numbering), left-aligned and justified, printed to PDF by LibreOffice in one
    run: {(region, alignment): (docx bytes, pdf bytes)}. Skipped, with the reason, without LibreOffice."""
    import io
    import shutil
    import subprocess

    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from fixtures import build_docx

    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        pytest.skip("LibreOffice (soffice) tidak terpasang")
    folder = tmp_path_factory.mktemp("lo-seeds")
    for region, stem in SEED_IDS.items():
        data = build_docx((SEEDS / f"{stem}.txt").read_text(encoding="utf-8"))
        (folder / f"{region}-left.docx").write_bytes(data)
        justified = docx.Document(io.BytesIO(data))
        for paragraph in justified.paragraphs:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        justified.save(str(folder / f"{region}-justified.docx"))
    files = sorted(str(p) for p in folder.glob("*.docx"))
    subprocess.run([exe, f"-env:UserInstallation=file://{folder / 'profil'}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), *files], check=True, capture_output=True, timeout=600)
    return {(region, how): tuple((folder / f"{region}-{how}.{ext}").read_bytes() for ext in ("docx", "pdf"))
            for region in SEED_IDS for how in ("left", "justified")}


@pytest.mark.parametrize("how", ["left", "justified"])
@pytest.mark.parametrize("region", list(SEED_IDS))
def test_a_libreoffice_pdf_of_each_seed_reads_as_its_docx(region, how, libreoffice_seed_pdfs, monkeypatch):
    # every clause and its text: a justified line ending "," in mid-item keeps its item, and a repeal item whose
    # wrapped line ends "," (Jepara Pasal 21 huruf x) is not cut
    docx_data, pdf_data = libreoffice_seed_pdfs[(region, how)]
    want = [(n.id, n.text) for n in ingest_bytes(docx_data, "x.docx").walk()]
    for engine in ("pdfium", "pdfplumber"):
        monkeypatch.setattr(pdf_pages, "ENGINE", engine)
        assert [(n.id, n.text) for n in ingest_bytes(pdf_data, "x.pdf").walk()] == want, engine

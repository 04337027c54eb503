"""PDF and DOCX versions of the seed regulations read into the same clause tree as their text.

The PDFs are typeset from the seed texts with what JDIH PDFs carry (running header, "- n -" page numbers,
catchwords, hyphenation, a two-column enumerator layout); the DOCX files use real Word numbering. Each must
give the same gold facts as the text, and the same body (every Pasal/ayat/huruf id) as the text gives.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "vendor"))
import goldcheck  # noqa: E402
from conftest import SEED_IDS, SEEDS  # noqa: E402
from fixtures import build_docx, build_pdf  # noqa: E402

REGIONS = list(SEED_IDS)
HEADER = "Salinan Peraturan Kepala Daerah"


def seed_text(region: str) -> str:
    return (SEEDS / f"{SEED_IDS[region]}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def pdf_files():
    """region -> PDF bytes typeset from the seed (built once)."""
    return {region: build_pdf(seed_text(region), header=HEADER) for region in REGIONS}


@pytest.fixture(scope="session")
def pdf_trees(pdf_files):
    from rancang.ingest import ingest_bytes

    return {region: ingest_bytes(data, f"{region}.pdf") for region, data in pdf_files.items()}


@pytest.fixture(scope="session")
def docx_trees():
    from rancang.ingest import ingest_bytes

    return {region: ingest_bytes(build_docx(seed_text(region)), f"{region}.docx") for region in REGIONS}


def wrong_facts(tree, gold_facts) -> dict:
    got = goldcheck.facts_tree(tree.to_dict())
    want = goldcheck.facts_gold_tree(gold_facts)
    wrong = {k: (got.get(k), w) for k, w in want.items() if got.get(k) != w}
    unknown = [k for k in got if k.startswith("pasal.") and k not in want]
    wrong.update({k: (got[k], "<no such Pasal in gold>") for k in unknown})
    return wrong


def body_ids(reg) -> list[str]:
    return [n.id for n in reg.walk()]


# ------------------------------------------------------------------------------------------ the seeds


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("region", REGIONS)
def test_the_pdf_and_docx_of_each_seed_give_every_gold_fact(fmt, region, request, gold):
    trees = request.getfixturevalue(f"{fmt}_trees")
    assert wrong_facts(trees[region], gold[region]) == {}


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("region", REGIONS)
def test_the_pdf_and_docx_of_each_seed_have_the_body_and_meta_of_its_text(fmt, region, request, seed_trees):
    trees = request.getfixturevalue(f"{fmt}_trees")
    assert body_ids(trees[region]) == body_ids(seed_trees[region])
    assert trees[region].meta == seed_trees[region].meta
    assert trees[region].source.format == fmt


def test_pdf_with_halaman_footers_and_one_column_gives_the_gold_of_pasaman_barat(gold):
    from rancang.ingest import ingest_bytes

    data = build_pdf(seed_text("pasaman_barat"), page_numbers="halaman", two_column=False, catchwords=False)
    reg = ingest_bytes(data, "pasaman.pdf")
    assert wrong_facts(reg, gold["pasaman_barat"]) == {}
    numbers = [r["text"] for r in reg.stats.removed if r["kind"] == "page_number"]
    assert len(numbers) > 5
    assert numbers == [f"Halaman {n} dari {len(numbers)}" for n in range(1, len(numbers) + 1)]


# ------------------------------------------------------------------------------------------ PDF rules


@pytest.fixture(scope="session")
def jepara_pdf_doc(pdf_files):
    from rancang.ingest.readers.pdf import reader as pdf

    return pdf.read(pdf_files["jepara"], "jepara.pdf")


def test_pdf_page_numbers_are_removed_and_recorded(jepara_pdf_doc):
    doc = jepara_pdf_doc
    numbers = [r["text"] for r in doc.removed if r["kind"] == "page_number"]
    pages = doc.extra["pages"]
    assert numbers == [f"- {n} -" for n in range(2, pages + 1)]
    assert not any(line.strip() == "- 2 -" for line in doc.lines)


def test_pdf_running_header_is_removed_from_every_page_after_the_first(jepara_pdf_doc):
    doc = jepara_pdf_doc
    headers = [r for r in doc.removed if r["kind"] == "running_header"]
    assert [r["page"] for r in headers] == list(range(2, doc.extra["pages"] + 1))
    assert HEADER not in doc.lines


def test_pdf_catchwords_are_removed_and_recorded(jepara_pdf_doc):
    doc = jepara_pdf_doc
    catch = [r for r in doc.removed if r["kind"] == "catchword"]
    assert len(catch) == doc.extra["pages"] - 1
    assert all(r["text"].endswith("...") for r in catch)
    assert not any(line.endswith(" ...") for line in doc.lines)


def test_pdf_hyphenated_words_are_whole_again(jepara_pdf_doc):
    doc = jepara_pdf_doc
    hyphens = [r for r in doc.removed if r["kind"] == "hyphen"]
    assert hyphens, "the fixture hyphenates long words; the reader must have joined some"
    text = "\n".join(doc.lines)
    assert "penyederhanaan birokrasi" in text.lower()
    assert not any(line.endswith("-") and line[-2].isalpha() for line in doc.lines)
    assert "perundang-undangan" in text


def test_pdf_two_column_enumerators_sit_on_their_text_line(jepara_pdf_doc):
    lines = jepara_pdf_doc.lines
    assert "a. bahwa untuk mewujudkan tata kelola" in " ".join(lines)
    assert not any(line.strip() in ("a.", "b.", "(1)", "(2)", "1.", "2.") for line in lines)


def test_pair_enumerators_joins_a_left_column_label_set_below_the_baseline():
    from fpdf import FPDF

    from rancang.ingest.readers.pdf import reader as pdf

    doc = FPDF(format="A4", unit="mm")
    doc.add_page()
    doc.set_font("Helvetica", size=10)
    rows = ["bahwa pertama yang panjang;", "bahwa kedua;", "bahwa ketiga."]
    for i, text in enumerate(rows):
        doc.text(40, 40 + 6 * i, text)
    for i, label in enumerate(["a.", "b.", "c."]):  # drawn after the text, 2 mm (5.7 pt) low
        doc.text(30, 42 + 6 * i, label)
    out = pdf.read(bytes(doc.output()), "x.pdf")
    want = ["a. bahwa pertama yang panjang;", "b. bahwa kedua;", "c. bahwa ketiga."]
    assert [ln for ln in out.lines if ln] == want


@pytest.mark.parametrize(
    "lines, joined",
    [
        (["dalam rangka penyeder-", "hanaan birokrasi"], ["dalam rangka penyederhanaan", "birokrasi"]),
        (["ketentuan peraturan perundang-", "undangan."], ["ketentuan peraturan perundang-undangan."]),
        (["tugas masing-", "masing unit"], ["tugas masing-masing", "unit"]),
        (["Lampiran I-", "A berisi"], ["Lampiran I-", "A berisi"]),
    ],
)
def test_hyphenation_joins_broken_words_but_keeps_reduplication(lines, joined):
    from rancang.ingest.readers.pdf.reader import join_hyphenation

    assert join_hyphenation(list(lines), []) == joined


def test_a_pdf_is_read_by_content_whatever_its_name(pdf_files):
    from rancang.ingest.readers import read

    assert read(pdf_files["pasaman_barat"], "peraturan.txt").format == "pdf"


def test_pdf_pages_read_by_two_processes_equal_one_process(pdf_files):
    from rancang.ingest.readers.pdf import reader as pdf

    one = pdf.extract_pages(pdf_files["malang"], "m.pdf", jobs=1)
    two = pdf.extract_pages(pdf_files["malang"], "m.pdf", jobs=2)
    assert len(one) >= 2 * pdf.MIN_PAGES_PER_JOB
    assert [[ln.text for ln in p.lines] for p in one] == [[ln.text for ln in p.lines] for p in two]


# ------------------------------------------------------------------------------------------ DOCX numbering

NUMBERING = """<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
 <w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="(%1)"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2."/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3)"/></w:lvl>
 </w:abstractNum>
 <w:abstractNum w:abstractNumId="2">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="BAB %1"/></w:lvl>
 </w:abstractNum>
 <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
 <w:num w:numId="2"><w:abstractNumId w:val="1"/>
  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
 <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>"""


def labels(sequence):
    from lxml import etree

    from rancang.ingest.readers.docx.reader import Numbering

    numbering = Numbering.from_xml(etree.fromstring(NUMBERING.encode()))
    return [numbering.label(num, lvl) for num, lvl in sequence]


def test_word_numbering_nests_ayat_huruf_and_angka_and_restarts_deeper_levels():
    seq = [("1", 0), ("1", 1), ("1", 1), ("1", 2), ("1", 2), ("1", 1), ("1", 0), ("1", 1), ("1", 2)]
    assert labels(seq) == ["(1)", "a.", "b.", "1)", "2)", "c.", "(2)", "a.", "1)"]


def test_word_list_instance_with_start_override_restarts_while_a_plain_instance_continues():
    # numId 1 and 2 share abstractNum 1; 2 overrides its start, so it counts on its own
    assert labels([("1", 0), ("1", 0), ("2", 0), ("2", 0), ("1", 0)]) == ["(1)", "(2)", "(1)", "(2)", "(3)"]


def test_word_numbering_formats_roman_and_letters():
    from rancang.ingest.readers.docx.reader import format_number

    assert labels([("3", 0)] * 4) == ["BAB I", "BAB II", "BAB III", "BAB IV"]
    assert [format_number(n, "lowerLetter") for n in (1, 26, 27)] == ["a", "z", "aa"]
    assert format_number(14, "upperRoman") == "XIV"


def _docx_with_table(rows: list[list[str]]) -> bytes:
    from docx import Document

    doc = Document()
    doc.add_paragraph("Sebelum tabel")
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    doc.add_paragraph("Sesudah tabel")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_docx_layout_table_reads_as_the_lines_a_person_sees():
    from rancang.ingest.readers.docx import reader as docx

    data = _docx_with_table([["Menimbang", ":", "a.", "bahwa pertama;"], ["", "", "b.", "bahwa kedua;"]])
    doc = docx.read(data, "x.docx")
    assert doc.lines == ["Sebelum tabel", "Menimbang : a. bahwa pertama;", "b. bahwa kedua;", "Sesudah tabel"]


def test_docx_data_table_keeps_rows_and_cells():
    from rancang.ingest.readers.docx import reader as docx

    rows = [["No", "Jabatan", "Uraian Tugas"], ["1", "Ketua Tim", "mengoordinasikan anggota"]]
    doc = docx.read(_docx_with_table(rows), "x.docx")
    assert "| No | Jabatan | Uraian Tugas |" in doc.lines
    assert "| 1 | Ketua Tim | mengoordinasikan anggota |" in doc.lines
    assert doc.extra["tables"][0]["rows"] == rows


def test_docx_numbered_paragraphs_carry_the_labels_word_shows():
    import zipfile

    from rancang.ingest.readers.docx import reader as docx

    data = build_docx("Pasal 3\n(1) Ayat satu:\na. huruf satu;\nb. huruf dua.\n(2) Ayat dua.")
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert "(1)" not in xml and "a. " not in xml and "<w:numPr>" in xml  # labels live in numbering.xml only
    doc = docx.read(data, "x.docx")
    assert [ln for ln in doc.lines if ln] == ["Pasal 3", "(1) Ayat satu:", "a. huruf satu;", "b. huruf dua.",
                                            "(2) Ayat dua."]

"""OCR page by page: a page's text layer is kept when it is good and replaced by OCR when it is missing,
undecodable or no words; phone photos are made readable before Tesseract; a signature page printed three times is
read once; each clause carries the confidence of its own words.

The scans are built here: a seed printed to PDF, its pages rendered and photographed (:mod:`phone_scan`: uneven
light, low contrast, grey ground, 2 degrees askew, JPEG). The OCR tests are skipped only where Tesseract with
Indonesian data is not installed.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from rancang.ingest import ingest_bytes, ingest_text
from rancang.ingest.meta import parse_penutup
from rancang.ingest.ocr_clauses import clause_confidence
from rancang.ingest.readers.ocr import reader as ocr
from rancang.ingest.readers.ocr.fix import fix_labels
from rancang.ingest.readers.pdf.reader import Line, Page
from rancang.ingest.readers.pdf.repeats import drop_repeated_pages
from rancang.ingest.readers.text_quality import hit_rate, page_verdict

sys.path.insert(0, str(Path(__file__).parent))
from conftest import SEED_IDS, SEEDS  # noqa: E402
from fixtures import build_pdf  # noqa: E402
from phone_scan import phone_scan  # noqa: E402
from test_ocr import SMALL  # noqa: E402

needs_tesseract = pytest.mark.skipif(not ocr.engine_available(),
                                     reason="Tesseract with Indonesian data (tesseract-ocr-ind) is not installed")

SIGNATURE = ["Ditetapkan di Contoh", "pada tanggal 2 Januari 2025", "", "BUPATI CONTOH,", "", "ttd", "",
             "AHMAD SUBARJO"]


@pytest.fixture(autouse=True)
def _auto_mode(monkeypatch):
    monkeypatch.setenv(ocr.MODE_ENV, "auto")


def _page(*texts: str, images: int = 0) -> Page:
    lines = [Line(t, 50, 500, 20 + 12 * i, 30 + 12 * i) for i, t in enumerate(texts)]
    return Page(number=1, width=595, height=842, lines=lines, chars=sum(len(t) for t in texts), images=images)


CLAUSE = ("Sistem kerja sebagaimana dimaksud pada ayat (1) dilaksanakan oleh setiap Perangkat Daerah dengan "
          "memperhatikan tugas dan fungsi masing-masing unit kerja serta ketentuan peraturan perundang-undangan.")


# ------------------------------------------------------------------------------------ the page's verdict


def test_the_word_list_knows_the_words_of_regulations_and_not_noise():
    hits, words = hit_rate(CLAUSE)
    assert hits / words > 0.9
    hits, words = hit_rate("Sxstcm kcrja sqbagaimana dimaksnd paba avat lll dilaksanakan olch sctiap Pcrangkat")
    assert hits / words < 0.45


def test_a_good_text_layer_is_kept_and_a_bad_one_is_read_again():
    assert page_verdict(_page("Pasal 1", CLAUSE, CLAUSE)) is None
    assert page_verdict(_page()) is None  # a blank page: nothing to read
    assert page_verdict(_page(images=1)) == "no_text"  # a signature table pasted as a picture
    ligature = "Veri\ufffdkasi dan e\ufffdsiensi serta veri\ufffdkator dilaksanakan " + CLAUSE
    assert page_verdict(_page(ligature, ligature)) == "bad_glyphs"
    glyphs = " ".join(["1AB 1CEB QXZ 4FFG JKW"] * 8)
    assert page_verdict(_page(glyphs)) == "not_words"
    assert page_verdict(_page("SALINAN", images=1)) == "image_text"  # a stamp over a scanned page
    assert page_verdict(_page("Pasal 1", CLAUSE, images=1)) is None  # a page of text beside a picture


# ------------------------------------------------------------------------------------ sequence repairs


def test_a_bab_glued_to_its_numeral_and_an_ayat_glued_to_its_word_are_repaired_by_the_sequence():
    lines = ["BABI", "KETENTUAN UMUM", "Pasal 1", "Isi pasal.", "BABII PELAKSANAAN TUGAS", "Pasal 2",
             "(1) Hari kerja ditetapkan.", "(2)Hari libur ditetapkan.", "BABIV PENUTUP"]
    fixed, fixes = fix_labels(lines)
    assert fixed[0] == "BAB I" and fixed[4] == "BAB II PELAKSANAAN TUGAS"
    assert fixed[7] == "(2) Hari libur ditetapkan."
    assert fixed[8] == "BABIV PENUTUP"  # BAB IV after BAB II: not proven by the sequence, left as read
    assert [(f["from"], f["to"]) for f in fixes] == [("BABI", "BAB I"), ("BABII", "BAB II"), ("(2)Hari", "(2) Hari")]


def test_an_unreadable_ayat_label_between_two_ayat_is_the_missing_one():
    lines = ["Pasal 8", "(1) Pejabat bertanggung jawab kepada Wali Kota.", "ta Koordinasi oleh Sekretaris Daerah",
             "sesuai dengan bidangnya.", "(3) Jenis Jabatan Pimpinan Tinggi pratama.", "Pasal 9",
             "(1) Jabatan Administrasi.", "di Daerah ditetapkan.", "(3) Cukup."]
    fixed, fixes = fix_labels(lines)
    assert fixed[2] == "(2) Koordinasi oleh Sekretaris Daerah"
    assert fixed[7] == "di Daerah ditetapkan."  # a word, and the text after it is no new sentence
    assert [(f["from"], f["to"]) for f in fixes] == [("ta", "(2)")]


def test_a_label_split_over_two_lines_is_the_first_ayat_when_ayat_2_follows():
    # the whole Bogor seed photographed: Pasal 17's "(1)" read as "(aa" and, a line below, "da)"
    lines = ["Pasal 17", "(aa", "", "da) Bentuk penugasan dilakukan melalui penunjukan.",
             "(2) Penunjukan merupakan penugasan langsung."]
    fixed, fixes = fix_labels(lines)
    assert fixed[1] == "" and fixed[3] == "(1) Bentuk penugasan dilakukan melalui penunjukan."
    assert [(f["from"], f["to"]) for f in fixes] == [("(aa da)", "(aada)"), ("(aada)", "(1)")]
    # without ayat (2) below, nothing proves it: left as read
    fixed, fixes = fix_labels(lines[:4])
    assert fixed[3].startswith("(aada) Bentuk") and fixes[1:] == []


def test_a_label_that_lost_a_bracket_and_misread_its_digit_is_the_next_ayat():
    # Pasal 17 ayat (5) read "(6 Rincian ..." after ayat (4): one bracket lost, 5 read as 6
    lines = ["Pasal 17", "(1) Penugasan ditetapkan.", "(2) Penunjukan ditetapkan.", "(3) Pengajuan ditetapkan.",
             "(4) Penugasan sebagaimana dimaksud pada ayat (1) ditetapkan", "oleh Pejabat Penilai Kinerja.",
             "(6 Rincian Penugasan tercantum dalam lampiran.", "Pasal 18", "(1) Teks.", "(6) Teks."]
    fixed, fixes = fix_labels(lines)
    assert fixed[6] == "(5) Rincian Penugasan tercantum dalam lampiran."
    assert fixed[9] == "(6) Teks."  # a well-formed label out of sequence is printed so: never changed
    assert [(f["from"], f["to"]) for f in fixes] == [("(6", "(5)")]
    assert fix_labels(lines[:6] + ["(7 Rincian Penugasan tercantum."])[1] == []  # 7 is no misreading of 5


def test_labels_whose_bracket_ocr_lost_or_read_as_a_letter_are_the_next_ayat():
    # the whole Jepara seed photographed: Pasal 6 ayat (3) read "8)", Pasal 12 ayat (5) "G5)", Pasal 18 ayat (1) "d1)"
    lines = ["Pasal 6", "(1) Kedudukan merupakan penempatan posisi.", "(2) Pejabat Penilai Kinerja merupakan:",
             "a. Pejabat Administrator; dan", "b. Pejabat Fungsional.", "8) Kedudukan ditetapkan oleh pejabat.",
             "(4) Tim kerja dibentuk.", "G5) Tim kerja terdiri atas:", "a. Satuan kerja; dan", "b. Tim.",
             "Pasal 18", "d1) Perangkat Daerah mengutamakan layanan elektronik.", "(2) Kepala memastikan."]
    fixed, fixes = fix_labels(lines)
    assert [fixed[k].split()[0] for k in (5, 7, 11)] == ["(3)", "(5)", "(1)"]
    assert [(f["from"], f["to"]) for f in fixes] == [("8)", "(3)"), ("G5)", "(5)"), ("d1)", "(1)")]
    # a "k)" list that runs keeps its labels: "8)" after "7)" is its next item
    items = ["Pasal 2", "(1) Tahapan meliputi:", *[f"{n}) Tahap ke-{n}." for n in range(1, 8)], "8) Tahap akhir."]
    assert fix_labels(items)[1] == []


def test_a_well_formed_label_with_a_misread_digit_between_two_ayat_is_the_missing_one():
    # Pasal 12 of the Jepara photo: "(3)" read "(8)", with a stray "(aa" before it; ayat (4) printed below
    lines = ["Pasal 12", "(1) Pelaksanaan tugas mengutamakan kinerja.", "(2) Tugas lain bersifat tambahan.", "(aa",
             "", "(8) Dalam hal tugas tambahan sesuai bidang, tugas menjadi tugas utama.", "(4) Tugas dilaksanakan."]
    fixed, fixes = fix_labels(lines)
    assert fixed[5].startswith("(3) Dalam hal") and [(f["from"], f["to"]) for f in fixes] == [("(8)", "(3)")]
    # without the ayat below to prove it, a well-formed label is printed so
    assert fix_labels(lines[:6])[0][5].startswith("(8) Dalam hal")


def test_an_unreadable_label_of_a_pasals_last_ayat_is_that_ayat():
    # Pasal 24's last ayat "(2)" read "ta", no ayat below it to prove it: the Pasal ends there
    lines = ["Pasal 24", "(1) Penyusunan Proses Bisnis dilakukan terhadap:", "a. peta relasi; dan",
             "b. Standar Operasional Prosedur.", "ta Tata cara penyusunan dilaksanakan sesuai ketentuan.", "",
             "Pasal 25", "(1) Teks.", "Ia menyampaikan laporan.", "BAB V", "PENUTUP"]
    fixed, fixes = fix_labels(lines)
    assert fixed[4] == "(2) Tata cara penyusunan dilaksanakan sesuai ketentuan."
    assert fixed[8] == "Ia menyampaikan laporan."  # a word
    assert [(f["from"], f["to"]) for f in fixes] == [("ta", "(2)")]


def test_a_catchword_whose_label_ocr_misread_on_the_next_page_is_furniture():
    from rancang.ingest.readers.pdf.furniture import drop_catchwords

    first = _page("Pasal 17", "(1) Bentuk penugasan ...")
    second = _page("(aa", "da) Bentuk penugasan Pejabat Fungsional dilakukan melalui penunjukan.")
    other = _page("Pasal 17", "(1) Bentuk penugasan ...")
    unrelated = _page("(2) Rincian penugasan tercantum dalam lampiran.")
    removed: list[dict] = []
    drop_catchwords([first, second], removed)
    drop_catchwords([other, unrelated], removed)
    assert [ln.text for ln in first.lines] == ["Pasal 17"] and len(other.lines) == 2
    assert [r["text"] for r in removed] == ["(1) Bentuk penugasan ..."]


def test_a_catchword_over_a_header_the_running_line_rule_cannot_prove_is_furniture():
    # a two-page act: "Salinan" heads page 2 only, so it is no proven running header when catchwords are read
    from rancang.ingest.readers.pdf.furniture import drop_catchwords

    first = _page("Pasal 2", "(1) Penambahan penyertaan ...")
    second = _page("Salinan", "(1) Penambahan penyertaan modal negara berasal dari APBN.", "(2) Nilai penambahan.")
    removed: list[dict] = []
    drop_catchwords([first, second], removed)
    assert [ln.text for ln in first.lines] == ["Pasal 2"] and len(second.lines) == 3
    # a last line that starts none of the next page's first three lines stays
    third, fourth = _page("Pasal 2", "(1) Penambahan penyertaan ..."), _page("Salinan", "a", "b", "(1) Penambahan x")
    drop_catchwords([third, fourth], removed)
    assert len(third.lines) == 2


def test_an_ayat_out_of_sequence_stays_glued():
    fixed, fixes = fix_labels(["Pasal 1", "(1) Hari kerja.", "(5)Hari libur."])
    assert fixed[2] == "(5)Hari libur." and fixes == []


def test_ocr_noise_between_the_office_and_the_region_is_a_space_in_the_signatory():
    penutup, _ = parse_penutup(["Ditetapkan di Donggala", "pada tanggal 2 Januari 2025", "BUPATI'DONGGALA,", "ttd",
                                "KASMAN LASSA"])
    assert penutup.penandatangan == "Bupati Donggala"
    assert "BUPATI'DONGGALA," in penutup.lines  # the line itself is kept as read
    penutup, _ = parse_penutup(["Ditetapkan di Bogor", "WALI KOTA_BOGOR,", "ttd", "BIMA ARYA"])
    assert penutup.penandatangan == "Wali Kota Bogor"


# ------------------------------------------------------------------------------------ repeated pages


def test_a_closing_page_printed_three_times_is_read_once_and_recorded():
    closing = ["Ditetapkan di Contoh pada tanggal 2 Januari 2025", "BUPATI CONTOH,", "ttd", "AHMAD SUBARJO",
               "Diundangkan di Contoh pada tanggal 3 Januari 2025", "SEKRETARIS DAERAH KABUPATEN CONTOH,", "ttd",
               "BUDI SANTOSO", "BERITA DAERAH KABUPATEN CONTOH TAHUN 2025 NOMOR 3"]
    misread = [ln.replace("o", "0", 1) for ln in closing]  # OCR reads each copy a little differently
    pages = [_page("Pasal 2", CLAUSE), _page(*closing), _page(*misread), _page(*closing)]
    for n, p in enumerate(pages, start=1):
        p.number = n
    removed: list[dict] = []
    kept = drop_repeated_pages(pages, removed)
    assert [p.number for p in kept] == [1, 2]
    assert [(r["kind"], r["page"], r["same_as"]) for r in removed] == [("repeated_page", 3, 2), ("repeated_page", 4, 2)]


def test_consecutive_pages_of_one_act_are_not_repeats():
    a = _page("Pasal 1", CLAUSE, "Pasal 2", "Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.")
    b = _page("Pasal 3", CLAUSE.replace("Sistem kerja", "Tata kerja"), "Pasal 4", "Cukup jelas dan berlaku.")
    b.number = 2
    assert len(drop_repeated_pages([a, b], [])) == 2


# ------------------------------------------------------------------------------------ clause confidence


def test_each_clause_gets_the_confidence_of_its_own_words():
    reg = ingest_text(SMALL, "x.txt")
    words: dict[int, list[tuple[str, float | None]]] = {1: [], 2: []}
    for line in SMALL.splitlines():
        page = 2 if line.startswith(("Pasal 2", "Peraturan Bupati ini")) else 1
        conf = 40.0 if "pertanggungjawaban" in line else 95.0
        words[page].extend((w, None if page == 2 else conf) for w in line.split())
    clauses = clause_confidence(reg, words)
    assert clauses["pasal-1/ayat-1"] == {"confidence": 95.0, "min": 95.0, "pages": [1]}
    assert clauses["pasal-1/ayat-2/huruf-c"]["min"] == 40.0
    assert "pasal-2" not in clauses  # read from a text layer: as printed, no confidence


# ------------------------------------------------------------------------------------ with OCR


def _signature_image(dpi: int = 150):
    import pypdfium2
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="mm")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for i, line in enumerate(SIGNATURE):
        pdf.text(110, 40 + 7 * i, line)
    doc = pypdfium2.PdfDocument(bytes(pdf.output()))
    return doc[0].render(scale=dpi / 72, grayscale=True).to_pil()


def _text_then_image_page(stamp: str = "") -> bytes:
    """A text PDF of SMALL whose last page, the signature, is a scanned picture (with ``stamp`` typed over it:
    "SALINAN", as a JDIH copy stamps its pages)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for i, line in enumerate(SMALL.splitlines()):
        pdf.text(25, 25 + 5.5 * i, line)
    pdf.add_page()
    buf = io.BytesIO()
    _signature_image().save(buf, format="PNG")
    pdf.image(buf, x=0, y=0, w=210, h=297)
    if stamp:
        pdf.text(95, 12, stamp)
    return bytes(pdf.output())


@needs_tesseract
@pytest.mark.parametrize("stamp, why", [("", "no_text"), ("SALINAN", "image_text")])
def test_an_image_only_signature_page_inside_a_text_pdf_is_read_by_ocr_and_only_it(stamp, why):
    calls: list[int] = []
    original = ocr._ocr_page

    def counting(index: int):
        calls.append(index)
        return original(index)

    reg = None
    import unittest.mock

    with unittest.mock.patch.object(ocr, "_ocr_page", counting):
        reg = ingest_bytes(_text_then_image_page(stamp), "campuran.pdf")
    assert calls == [1]  # page 2 only
    assert [p.number for p in reg.pasals()] == ["1", "2"]
    pages = reg.stats.ocr["pages"]
    assert reg.stats.ocr["reason"] == "mixed"
    assert pages[0] == {"page": 1, "source": "text"}
    assert pages[1]["source"] == "ocr" and pages[1]["reason"] == why and pages[1]["confidence"] > 80
    assert reg.penutup.penandatangan == "Bupati Contoh"
    assert "AHMAD SUBARJO" in reg.penutup.lines
    # the clauses printed on page 1 carry no OCR confidence
    assert all(c["pages"] == [2] for c in reg.stats.ocr["clauses"].values())
    # the stamp read at the top of page 2 is the page's stamp, not a line of the last Pasal
    assert not [n for n in reg.walk() if "SALINAN" in (n.text or "").upper()]
    assert [r["text"] for r in reg.stats.removed if r["kind"] == "stempel"] == ([stamp] if stamp else [])
    assert not {"pasal-1", "pasal-1/ayat-1", "pasal-1/ayat-2", "pasal-2"} & set(reg.stats.ocr["clauses"])


@needs_tesseract
def test_a_blank_page_is_not_checked_for_orientation(monkeypatch):
    from PIL import Image

    monkeypatch.setattr(ocr, "_upright", lambda image: pytest.fail("orientation checked on a blank page"))
    result = ocr.ocr_image(Image.new("L", (1240, 1754), 255), 1, dpi=150)
    assert result.confidence == 0.0 and not result.page.lines


@needs_tesseract
def test_a_phone_photo_scan_gives_every_pasal_in_order():
    stem = SEED_IDS["bogor"]
    pdf = build_pdf((SEEDS / f"{stem}.txt").read_text(encoding="utf-8"), header="BERITA DAERAH", max_pages=3)
    control = ingest_bytes(pdf, "teks.pdf")
    reg = ingest_bytes(phone_scan(pdf, dpi=150), "foto.pdf")
    assert [p.number for p in reg.pasals()] == [p.number for p in control.pasals()] == ["1", "2", "3", "4"]
    ayat = {p.number: sum(c.type == "ayat" for c in p.children) for p in reg.pasals()}
    assert ayat == {p.number: sum(c.type == "ayat" for c in p.children) for p in control.pasals()}
    pages = reg.stats.ocr["pages"]
    assert all(p["source"] == "ocr" and p["flattened"] and p["confidence"] > 80 for p in pages)
    assert all(abs(abs(p["deskewed"]) - 2.0) <= 0.5 for p in pages)
    assert all(p["rotated"] == 0 for p in pages)
    clauses = reg.stats.ocr["clauses"]
    assert {"pasal-2/ayat-1", "pasal-2/ayat-2"} <= set(clauses)


def test_check_takes_the_ocr_confidence_from_the_clauses_read_by_ocr():
    from rancang.generate.check.reading import ocr_confidence

    reg = ingest_text(SMALL, "x.txt")
    reg.stats.ocr = {"reason": "mixed", "pages": [{"page": 1, "source": "text"},
                                                  {"page": 2, "source": "ocr", "confidence": 61.0}], "clauses": {}}
    assert ocr_confidence(reg) is None  # only the signature page was OCR'd: the clauses are as printed
    reg.stats.ocr["clauses"] = {"pasal-1/ayat-1": {"confidence": 92.5, "min": 80.0, "pages": [1]},
                                "pasal-1/ayat-2": {"confidence": 88.0, "min": 41.0, "pages": [1]}}
    assert ocr_confidence(reg) == 88.0
    del reg.stats.ocr["clauses"]  # a tree written before clauses were recorded: the weakest OCR'd page
    assert ocr_confidence(reg) == 61.0


def test_the_ocr_record_of_a_mixed_pdf_satisfies_the_regulation_schema():
    import json

    import jsonschema

    schema = json.loads((Path(__file__).parent.parent / "schema" / "regulation.schema.json").read_text("utf-8"))
    reg = ingest_text(SMALL, "x.txt")
    reg.stats.ocr = {"engine": "tesseract", "reason": "mixed", "corrections": [],
                     "pages": [{"page": 1, "source": "text"},
                               {"page": 2, "source": "ocr", "reason": "no_text", "confidence": 91.5}],
                     "clauses": {"pasal-2": {"confidence": 91.5, "min": 70.0, "pages": [2]}}}
    jsonschema.validate(reg.to_dict(), schema)
    reg.stats.ocr["pages"][0]["source"] = "scanner"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(reg.to_dict(), schema)

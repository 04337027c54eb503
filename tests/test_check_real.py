"""`rancang check` on real acts beyond the seeds: no false GALAT. Every finding below was read against the act's
text and judged (docs/check.md holds the table): the GALAT listed are true drafting defects of the enacted text;
the national texts (mblonyox/data-peraturan conversions, OCR damage included) give none, and each of their
former false GALAT is now a warning that says why it is doubtful. A scanned act read by OCR gets punctuation
findings only above the confidence the rule table sets, and `--fix` leaves OCR'd text alone.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from rancang.generate.check import check, fix
from rancang.ingest import ingest_bytes, ingest_path
from rancang.ingest.readers.ocr import reader as ocr

HERE = Path(__file__).parent
NATIONAL = sorted((HERE / "cases" / "check" / "national").glob("*.md"))
REAL = HERE / "cases" / "real"

#: act -> its GALAT, each a true defect (read in the PDF's own text)
ERRORS = {
    "permenkominfo-8-2019.pdf": [
        # PP 38/2017 printed "Tahun 2017 Nomor 73, ... Nomor 6041": PP 12/2017's numbers (its own text: TLN "5041",
        # an OCR slip of 6041); PP 38/2017's own text prints LN 2017 Nomor 206 and TLN 6123 (an act of 2000 or later:
        # its own publication lines verify them, kb.judge.OWN_TEXT_FROM)
        ("L3", "Mengingat angka 8"), ("L3", "Mengingat angka 8"),
        ("X4", "Pasal 20 ayat (3)"),        # "sebagaimana dimaksud ayat (2)": the preposition "pada" is missing
        ("X1_ayat", "Pasal 22 ayat (5)"),   # "sebagaimana yang dimaksud dalam ayat (3)": an ayat of its own Pasal
        ("X2", "Pasal 20 ayat (5)"),        # "ayat (2) huruf c": ayat (2) has no list; the matter is ayat (3) huruf c
    ],
    "pp-96-2012.pdf": [
        ("U4_adalah", "Pasal 1 angka 9"),   # "Sistem pelayanan terpadu merupakan ...": a definition says "adalah"
        ("X4", "Pasal 37 ayat (1)"),        # "sebagaimana dimaksud Pasal 34 ayat (1)": "dalam" is missing
        ("X4", "Pasal 49 ayat (6)"),        # "sebagaimana dimaksud Pasal 4 huruf c dan Pasal 5 huruf c"
        ("X2", "Pasal 37 ayat (1)"),        # Pasal 34 has no ayat: "Pasal 34 ayat (1)" points at nothing
    ],
}
#: act -> every warning it may give, each judged true (a lost one is no false finding; a new one must be judged)
WARNINGS = {
    "permenkominfo-8-2019.pdf": {
        ("U4_twice", "Pasal 1 angka 23"),   # "Teknologi Informasi adalah adalah ..."
        ("U5", "Pasal 1 angka 19"),         # "Pusat Data Instansi" is defined and never used again
        ("U5", "Pasal 1 angka 22"),         # "Penyelenggara Pusat Data" likewise
        ("U2", "Pasal 21"), ("U2", "Pasal 37"), ("U2", "Pasal 39"), ("U2", "Pasal 42"),  # "Pemerintah daerah"
        ("U2", "Pasal 32"), ("U2", "Pasal 33"), ("U2", "Pasal 34"),  # "Pusat Data nasional" for "Pusat Data Nasional"
        ("X1_case", "Pasal 53 ayat (3)"),   # "dalam pasal 51 ayat (1)"
    },
    "pp-96-2012.pdf": {
        ("T2_title", "Penutup"),            # "DR. H. SUSILO BAMBANG YUDHOYONO": Lampiran II angka 168 prints no title
        ("R1_end", "Pasal 48 ayat (1)"),    # "... peraturan perundang-undangan" with no final "." (so in the PDF)
        ("U2", "Pasal 30"),                 # "Maklumat pelayanan" for the defined "Maklumat Pelayanan"
    },
}


@pytest.fixture(scope="module")
def real() -> dict[str, list[dict]]:
    return {name: check(ingest_path(REAL / name)) for name in ERRORS}


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_the_galat_of_a_real_act_are_its_true_defects(name, real):
    assert [(f["rule"], f["cite"]) for f in real[name] if f["severity"] == "error"] == ERRORS[name]


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_every_warning_on_a_real_act_was_judged_true(name, real):
    assert {(f["rule"], f["cite"]) for f in real[name] if f["severity"] == "warning"} <= WARNINGS[name]


def test_a_reference_qualifying_the_head_of_a_relative_clause_is_no_x5(real):
    """Permenkominfo 8/2019 Pasal 6 ayat (6): "hasil monitoring opini dan aspirasi publik yang telah menjadi Isu
    Prioritas dan/atau Isu Terindikasi Krisis sebagaimana dimaksud pada ayat (1)": the formula qualifies the
    monitoring ayat (1) regulates, not the Isu standing last in the relative clause."""
    assert ("X5", "Pasal 6 ayat (6)") not in {(f["rule"], f["cite"]) for f in real["permenkominfo-8-2019.pdf"]}


def test_a_national_act_is_not_asked_for_berita_daerah(real):
    assert not [f for f in real["pp-96-2012.pdf"] + real["permenkominfo-8-2019.pdf"] if f["rule"] == "T1_undang"]


@pytest.mark.parametrize("path", NATIONAL, ids=lambda p: p.stem)
def test_the_galat_of_national_texts_are_their_true_defects(path):
    """Five UU of 2019 and five PP of 2021 (the lowest numbers under a size bound, not chosen by their findings).
    Before session 5 they gave 309 GALAT (headings run into lines read as numbering gaps and dangling references,
    OCR damage, a UU asked for "Lembaran Daerah", an unread jenis asked for "membentuk"); every one read was a
    reading artefact. Each is now a warning naming its doubt, or gone. Session 6 added one act for each kind of
    false GALAT found on fresh random samples (seeds 101-104), with its true GALAT (the knowledge base's L rules
    are the kb's and left out here: the base is rebuilt apart)."""
    found = [f for f in check(ingest_path(path)) if not f["rule"].startswith("L")]
    assert [(f["rule"], f["cite"]) for f in found if f["severity"] == "error"] == NATIONAL_ERRORS.get(path.stem, [])
    # every other finding says why the reading makes it doubtful, or was read and judged true
    assert {(f["rule"], f["cite"]) for f in found if not f.get("doubt") and f["severity"] != "error"} \
        <= NATIONAL_TRUE.get(path.stem, set())


#: GALAT on the national texts, each read and judged a true defect of the text
NATIONAL_ERRORS = {
    "pp-2012-40": [("X4", "Pasal 22 ayat (1)")],   # "sebagaimana dimaksud Pasal 20": "dalam" is missing
    "uu-2014-29": [("X2", "Pasal 73 ayat (3)")],   # "ayat (1) huruf c": ayat (1) has no list; the sources are ayat (2)
    "pp-2012-43": [("T1_undang", "Pasal 22")],     # "Agar setiap orang mengetahui, ...": the formula is "mengetahuinya"
}
#: findings on the national texts that stand on a clean reading, each judged true
NATIONAL_TRUE = {
    "uu-2019-14": {("U2", "Pasal 60")},  # "Pekerja sosial profesional ..." for the defined "Pekerja Sosial"
    "pp-2012-40": {
        ("R1_last", "Pasal 47 huruf c"),  # the last item of the list ends with ";"
        ("R1_end", "Pasal 48"),           # "... berdasarkan Peraturan Pemerintah ini" with no final "."
        ("U2", "Pasal 49"),               # "badan usaha Bandar Udara" for "Badan Usaha Bandar Udara" (its Penjelasan)
        ("U2_lower", "Pasal 1 angka 5"),  # "Keamanan Penerbangan" is used only as "keamanan penerbangan"
    },
    "uu-2015-10": {("K2_title", "Menimbang huruf d")},  # the last consideration drops the Perppu's "Nomor 1 Tahun 2015"
    "pp-2013-84": {("R1_item", "Pasal I huruf h angka 1: Pasal 2 ayat (1) huruf a angka 3")},  # "3. Jaminan Hari
    # Tua." closes the sub-list of huruf a, which is not the last item: ";" (Lampiran II angka 88-95)
    "uu-2014-29": {
        ("R1_end", "Pasal 7 ayat (2)"), ("R1_last", "Pasal 27 huruf b"), ("R1_last", "Pasal 39 huruf h"),  # no "."
        ("U2", "Pasal 56"), ("U2", "Pasal 72"),  # "Setiap orang" for the defined "Setiap Orang"
        # "penyelenggaraan Operasi Pencarian dan Pertolongan" for the defined "Penyelenggaraan Operasi ..." (as the
        # Bogor seed's "penyesuaian Sistem Kerja", judged true in session 4); "pelaksanaan Operasi ..." likewise
        ("U2", "Pasal 1 angka 6"), ("U2", "Pasal 18"), ("U2", "Pasal 19"), ("U2", "Pasal 30"), ("U2", "Pasal 48"),
        ("U2", "Pasal 53"), ("U2", "Pasal 88"),
    },
    "pp-2016-74": {("M3", "Mengingat angka 4")},  # PP 94/2012 cited with its Lembaran Negara but no Tambahan
    "uu-2022-29": {("U5", "Pasal 1 angka 2"), ("U5", "Pasal 1 angka 3")},  # both terms are used nowhere else
    "uu-2011-13": {("U2", "Pasal 45")},  # its Penjelasan writes "Penanganan Fakir Miskin" for "Penanganan fakir miskin"
    "pp-2015-35": {("M3", "Mengingat angka 7")},  # "terakhir dengan PP 32/2015 (Lembaran Negara ... Nomor 125)": no TLN
    "pp-2012-43": {("U2", "Pasal 1 angka 3"),  # "fungsi Kepolisian" for the defined "Fungsi Kepolisian"
                   ("U2", "Pasal 16"), ("U2", "Pasal 17"), ("U2", "Pasal 18"),  # "Pembinaan teknis"
                   ("U2", "Pasal 22")},  # its Penjelasan (run into Pasal 22): "Bentuk-bentuk Pengamanan Swakarsa"
    # (session 8) the enacted text itself leaves the amending PP blank: "terakhir dengan Peraturan Pemerintah Nomor
    # ...... Tahun .......... (Lembaran Negara ... Tahun .......... Nomor ........ )"
    "pp-2011-15": {("T2_placeholder", "Mengingat angka 7")},
}
#: the false GALAT each added national act gave before session 6, each now gone or a warning that says why
FORMERLY_FALSE = {
    "pp-2012-40": ("B3", "Pasal 24 ayat (4)"),         # ayat (3) lost by the copy of a promulgated act
    "pp-2014-88": ("B3", "Pasal 7 ayat (4)"),          # likewise
    "uu-2015-10": ("K1_bahwa", "Menimbang huruf a"),   # "^bahwa": a footnote sign before the word
    "pp-2009-26": ("X2", "Pasal 9"),                   # "Pasal 26 ayat (3) Undang- Undang": the act it implements
    "uu-2012-9": ("X2", "Pasal 1 ayat (1)"),           # "Pasal 3 ayat (2) Protokol": the ratified Protocol's
    "pp-2013-84": ("X1_ayat", "Pasal I huruf h angka 1: Pasal 2 ayat (3)"),  # quoting PP 14/1993 (before UU 12/2011)
    "uu-2006-16": ("X1_ayat", "Pasal 23 ayat (5)"),    # an act of 2006 whose judul ("UNDANG UNDANG") was not parsed
    "pp-2013-49": ("T1_undang", "Pasal 43"),           # "mengetahuinya memerintahkan": only the comma lost
    "pp-2011-15": ("T1_undang", "Pasal 9"),            # a copy without its penutup
    "pp-2016-74": ("B3", "Pasal I angka 3"),           # angka 2 read into the quoted Pasal 3 of angka 1
    "uu-2022-3": ("X2", "Pasal 29 ayat (1)"),          # "Pasal 2 8 ayat (2) huruf a": a letter-spaced copy
    # (seeds 201-207)
    "uu-2022-29": ("X2", "Pasal 12 ayat (2)"),         # "pada [ayat (1)](/uu/2022/29/...) huruf a": a link cuts it
    "uu-2011-13": ("X2", "Pasal 34 ayat (3)"),         # "sebagaimana dan huruf e": the copy lost "dimaksud ..."
    "pp-2015-35": ("M1_label", "Mengingat angka 3"),   # entry 2's label lost by the copy of a promulgated act
    "uu-2014-4": ("B1_last", "BAB IVA"),               # the ratified Perppu's inserted BAB, not the act's last
    "pp-2003-51": ("B1_first", "BAB I"),               # an act that defines nothing; its year read nowhere
    # (seeds 208-211)
    "uu-2014-10": ("X2", "Pasal 1 ayat (1)"),          # "Reservation terhadap Pasal 23 ayat (1)": the Convention's
    "pp-2012-43": ("X2", "Pasal 22"),                  # its Penjelasan run into Pasal 22 after "mengetahui,"
    "uu-2012-14": ("T1_undang", "Pasal 11"),           # "... Undang-Undang ini, dengan penempatannya ...": a comma
}


@pytest.mark.parametrize("stem", sorted(FORMERLY_FALSE))
def test_a_former_false_galat_on_a_national_text_is_gone_or_says_why(stem):
    rule, cite = FORMERLY_FALSE[stem]
    found = [f for f in check(ingest_path(HERE / "cases" / "check" / "national" / f"{stem}.md"))
             if (f["rule"], f["cite"]) == (rule, cite)]
    assert all(f["severity"] != "error" and f.get("doubt") for f in found)


# --- a scanned act -------------------------------------------------------------------------------------------
sys.path.insert(0, str(HERE))
needs_tesseract = pytest.mark.skipif(not ocr.engine_available(),
                                     reason="Tesseract with Indonesian data (tesseract-ocr-ind) is not installed")
SCANNED = """PERATURAN BUPATI CONTOH
NOMOR 3 TAHUN 2025
TENTANG
SISTEM KERJA

DENGAN RAHMAT TUHAN YANG MAHA ESA

BUPATI CONTOH,

MEMUTUSKAN:
Menetapkan : PERATURAN BUPATI TENTANG SISTEM KERJA.

Pasal 1
(1) Sistem kerja dilaksanakan oleh Perangkat Daerah.
(2) Sistem kerja sebagaimana dimaksud ayat (1) meliputi:
a. penugasan,
b. pelaksanaan tugas; dan
c. pertanggungjawaban.

Pasal 2
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
"""


@needs_tesseract
def test_a_scanned_act_says_it_was_ocr_and_is_not_fixed_without_fix_ocr(tmp_path, monkeypatch):
    from fixtures import build_pdf
    from test_ocr import scan

    monkeypatch.setenv(ocr.MODE_ENV, "auto")
    pdf = scan(build_pdf(SCANNED, two_column=False, page_numbers=""))
    reg = ingest_bytes(pdf, "pindaian.pdf")
    assert reg.stats is not None and reg.stats.ocr
    found = check(reg)
    assert found and all("OCR" in f["message"] for f in found if f["severity"] != "info")
    assert not [f for f in found if f["severity"] == "error"]
    conf = min(p["confidence"] for p in reg.stats.ocr["pages"])
    punctuation = [f for f in found if f["rule"].startswith("R1")]
    assert not punctuation or conf >= 90
    src = tmp_path / "pindaian.pdf"
    src.write_bytes(pdf)
    _, changes = fix.fix_file(src, tmp_path / "out.md")
    assert changes == []


@needs_tesseract
def test_a_phone_scan_gets_no_finding_its_text_control_lacks_without_saying_why(monkeypatch):
    """Issue 34: "a PDF read by OCR gets 4 findings its clean control does not". The Bogor seed printed to PDF (the
    control, a text layer) and photographed (read by Tesseract): the scan gives no GALAT, and every finding the
    control lacks says why its reading is doubtful (OCR, broken numbering)."""
    from conftest import SEED_IDS, SEEDS
    from fixtures import build_pdf
    from phone_scan import phone_scan

    monkeypatch.setenv(ocr.MODE_ENV, "auto")
    pdf = build_pdf((SEEDS / f"{SEED_IDS['bogor']}.txt").read_text(encoding="utf-8"), header="BERITA DAERAH",
                    max_pages=3)
    control = {(f["rule"], f["cite"]) for f in check(ingest_bytes(pdf, "teks.pdf"))}
    scan = check(ingest_bytes(phone_scan(pdf, dpi=150), "foto.pdf"))
    assert scan and not [f for f in scan if f["severity"] == "error"]
    assert all(f.get("doubt") for f in scan if (f["rule"], f["cite"]) not in control)

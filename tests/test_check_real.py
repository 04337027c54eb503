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
        ("X5", "Pasal 6 ayat (6)"),         # "Isu Terindikasi Krisis sebagaimana dimaksud pada ayat (1)": ayat (2)
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


def test_a_national_act_is_not_asked_for_berita_daerah(real):
    assert not [f for f in real["pp-96-2012.pdf"] + real["permenkominfo-8-2019.pdf"] if f["rule"] == "T1_undang"]


@pytest.mark.parametrize("path", NATIONAL, ids=lambda p: p.stem)
def test_no_galat_on_national_texts(path):
    """Five UU of 2019 and five PP of 2021 (the lowest numbers under a size bound, not chosen by their findings).
    Before session 5 they gave 309 GALAT (headings run into lines read as numbering gaps and dangling references,
    OCR damage, a UU asked for "Lembaran Daerah", an unread jenis asked for "membentuk"); every one read was a
    reading artefact. Each is now a warning naming its doubt, or gone."""
    found = check(ingest_path(path))
    assert [f for f in found if f["severity"] == "error"] == []
    # every other finding says why the reading makes it doubtful, or was read and judged true
    assert {(f["rule"], f["cite"]) for f in found if not f.get("doubt")} <= NATIONAL_TRUE.get(path.stem, set())


#: findings on the national texts that stand on a clean reading, each judged true
NATIONAL_TRUE = {
    "uu-2019-14": {("U2", "Pasal 60")},  # "Pekerja sosial profesional ..." for the defined "Pekerja Sosial"
}


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

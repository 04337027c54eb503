"""Forms real acts print that the reader must read as a person does (issue 26, session 6): an ayat number with a
trailing stop "(1).", an enumerator typed against its text "a.sebelah", "Bagian Pertama" and ordinals run together
("Keduabelas"), an oath quoted after "... sebagai berikut:" whose closing mark is lost, and a canonical text
(``--format md``) whose Menimbang item begins with "Pasal 1 ...". Each on a small text written for it, and on the
national text that showed it where one is at hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from rancang.ingest import ingest_path, ingest_text
from rancang.ingest.writers.markdown import render
from rancang.numbering import ordinal_value

NATIONAL = Path("/work/shared/national/data-peraturan")

HEAD = """PERATURAN BUPATI CONTOH
NOMOR 3 TAHUN 2026
TENTANG
PEJABAT FUNGSIONAL
BUPATI CONTOH,
Menimbang : a. bahwa perlu mengatur pejabat fungsional;
b. bahwa perlu menetapkan Peraturan Bupati;
Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;
MEMUTUSKAN:
Menetapkan : PERATURAN BUPATI TENTANG PEJABAT FUNGSIONAL.
"""
TAIL = """Pasal 9
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
Ditetapkan di Contoh
BUPATI CONTOH,
"""


def shape(node) -> list[tuple[str, str | None, list]]:
    return [(c.type, c.number, shape(c)) for c in node.children if c.type != "text"]


def pasal(reg, number: str):
    return next(p for p in reg.pasals() if p.number == number)


# --- "(1)." and "a.sebelah" -------------------------------------------------------------------------------------


DOTTED = HEAD + """Pasal 1
(1). Wilayah kerja pejabat fungsional meliputi:
a.kecamatan di bagian utara;
b.kecamatan di bagian selatan; dan
c. kecamatan di bagian barat.
(2)Pembagian wilayah kerja sebagaimana dimaksud pada ayat (1) ditetapkan oleh Sekretaris Daerah.
(3) Wilayah kerja dievaluasi setiap tahun.
""" + TAIL


def test_an_ayat_printed_with_a_trailing_stop_and_items_typed_against_their_text_are_read():
    reg = ingest_text(DOTTED)
    assert shape(pasal(reg, "1")) == [
        ("ayat", "1", [("huruf", "a", []), ("huruf", "b", []), ("huruf", "c", [])]),
        ("ayat", "2", []), ("ayat", "3", [])]
    ayat_1 = pasal(reg, "1").children[0]
    assert ayat_1.label == "(1)."  # the label as printed
    assert ayat_1.children[0].text == "kecamatan di bagian utara;"
    refs = [r for n in reg.walk() for r in n.refs if r.text == "ayat (1)"]
    assert refs and refs[0].target == ["pasal-1/ayat-1"] and refs[0].resolved


def test_abbreviations_and_numbers_at_a_lines_start_stay_text():
    reg = ingest_text(HEAD + "Pasal 1\nSurat ditandatangani oleh pejabat yang ditunjuk\na.n. Bupati oleh Sekretaris "
                      "Daerah.\n1.000 lembar salinan disimpan.\n" + TAIL)
    assert shape(pasal(reg, "1")) == []


@pytest.mark.skipif(not (NATIONAL / "uu/2001/5.md").exists(), reason="national collection not at hand")
def test_uu_5_2001_pasal_6_and_7_have_their_ayat():
    reg = ingest_path(NATIONAL / "uu/2001/5.md")
    assert [c[:2] for c in shape(pasal(reg, "6"))] == [("ayat", "1"), ("ayat", "2"), ("ayat", "3")]
    assert [c[0] for c in shape(pasal(reg, "6"))[0][2]] == ["huruf"] * 4  # a.sebelah utara ... d.
    assert [c[:2] for c in shape(pasal(reg, "7"))] == [("ayat", "1"), ("ayat", "2")]


# --- Bagian ordinals ---------------------------------------------------------------------------------------------


ORDINALS = HEAD + """BAB I
KETENTUAN UMUM
Bagian Pertama
Wilayah Kerja
Pasal 1
Wilayah kerja meliputi seluruh kecamatan.
Bagian Kedua
Penilaian
Pasal 2
Penilaian dilakukan setiap tahun.
Bagian Keduabelas
Pelaporan
Paragraf Pertama
Laporan Tahunan
Pasal 3
Laporan disampaikan setiap tahun.
""" + TAIL


def test_bagian_pertama_and_an_ordinal_run_together_are_bagian():
    reg = ingest_text(ORDINALS)
    bab = reg.body[0]
    assert [(c.type, c.number, c.heading) for c in bab.children] == [
        ("bagian", "Pertama", "Wilayah Kerja"), ("bagian", "Kedua", "Penilaian"),
        ("bagian", "Keduabelas", "Pelaporan")]
    paragraf = bab.children[2].children[0]
    assert (paragraf.type, paragraf.number, paragraf.heading) == ("paragraf", "1", "Laporan Tahunan")
    assert not [n for n in reg.walk() if n.type == "text" and n.text.startswith(("Bagian", "Paragraf"))]
    assert (ordinal_value("Pertama"), ordinal_value("Keduabelas"), ordinal_value("Kedua Belas")) == (1, 12, 12)


def test_bagian_pertama_in_running_text_is_no_heading():
    reg = ingest_text(HEAD + "Pasal 1\nWilayah kerja dibagi dalam dua bagian.\nbagian pertama meliputi kecamatan "
                      "di utara.\n" + TAIL)
    assert not [n for n in reg.walk() if n.type == "bagian"]


@pytest.mark.skipif(not (NATIONAL / "uu/2001/5.md").exists(), reason="national collection not at hand")
def test_uu_5_2001_bagian_pertama_holds_pasal_9():
    reg = ingest_path(NATIONAL / "uu/2001/5.md")
    bagian = next(n for n in reg.walk() if n.type == "bagian" and n.number == "Pertama")
    assert [p.number for p in bagian.children if p.type == "pasal"][:1] == ["9"]


# --- a quote that never closes -----------------------------------------------------------------------------------


OATH = HEAD + """Pasal 1
(1) Sebelum memangku jabatan, pejabat fungsional wajib mengucapkan sumpah.
(2) Sumpah sebagaimana dimaksud pada ayat (1) lafalnya sebagai berikut:
\u201cDemi Allah saya bersumpah:
- bahwa saya akan setia kepada Pancasila;
- bahwa saya akan menjalankan tugas dengan jujur.
(3) Berita acara sumpah disimpan oleh Sekretaris Daerah.
Pasal 2
(1) Pejabat fungsional dinilai setiap tahun.
(2) Penilaian sebagaimana dimaksud pada ayat (1) dilakukan oleh atasan langsung.
""" + TAIL


def test_an_oath_whose_closing_quote_is_lost_ends_at_the_next_ayat_and_is_warned_of():
    reg = ingest_text(OATH)
    assert [p.number for p in reg.pasals()] == ["1", "2", "9"]
    assert shape(pasal(reg, "1")) == [("ayat", "1", []), ("ayat", "2", []), ("ayat", "3", [])]
    ayat_2 = pasal(reg, "1").children[1]
    assert [c.text for c in ayat_2.children] == ["\u201cDemi Allah saya bersumpah:",
                                                 "bahwa saya akan setia kepada Pancasila;",
                                                 "bahwa saya akan menjalankan tugas dengan jujur."]
    (warning,) = reg.stats.warnings
    assert warning["kind"] == "unmatched_quote" and "lafalnya sebagai berikut:" in warning["message"]


def test_an_oath_whose_quote_closes_stays_quoted():
    reg = ingest_text(OATH.replace("dengan jujur.\n", "dengan jujur.\u201d\n"))
    assert [p.number for p in reg.pasals()] == ["1", "2", "9"]
    assert not reg.stats.warnings


@pytest.mark.skipif(not (NATIONAL / "uu/2003/18.md").exists(), reason="national collection not at hand")
def test_uu_18_2003_pasal_5_to_36_stay_at_the_top_after_the_unclosed_oath_of_pasal_4():
    reg = ingest_path(NATIONAL / "uu/2003/18.md")
    assert [p.number for p in reg.pasals()] == [str(n) for n in range(1, 37)]
    assert [c.number for c in pasal(reg, "4").children if c.type == "ayat"] == ["1", "2", "3"]
    assert [w["kind"] for w in reg.stats.warnings] == ["unmatched_quote"]


# --- the canonical text (--format md) reads back ---------------------------------------------------------------


def round_trip(text: str):
    reg = ingest_text(text)
    back = ingest_text(render(reg))
    return reg, back


def test_a_menimbang_item_beginning_with_pasal_1_reads_back_from_markdown():
    text = HEAD.replace("Menimbang : a. bahwa perlu mengatur pejabat fungsional;\nb. bahwa perlu menetapkan "
                        "Peraturan Bupati;\n",
                        "Menimbang : Pasal 1 angka 5 Peraturan Daerah Nomor 2 Tahun 2020 mengamanatkan pengaturan "
                        "lebih lanjut dengan Peraturan Bupati;\n") + "Pasal 1\nPejabat fungsional dinilai.\n" + TAIL
    reg, back = round_trip(text)
    assert [m.to_dict() for m in back.menimbang] == [m.to_dict() for m in reg.menimbang]
    assert reg.menimbang[0].text.startswith("Pasal 1 angka 5")
    assert [p.number for p in back.pasals()] == [p.number for p in reg.pasals()] == ["1", "9"]
    assert back.to_dict()["body"] == reg.to_dict()["body"]


def test_menimbang_labels_are_written_as_printed():
    text = HEAD.replace("b. bahwa perlu menetapkan", "a. bahwa perlu menetapkan") + "Pasal 1\nTeks.\n" + TAIL
    reg, back = round_trip(text)
    assert [m.label for m in reg.menimbang] == ["a.", "a."]  # a damaged text's labels, kept as printed
    assert [m.label for m in back.menimbang] == ["a.", "a."]


# --- a copy stamp at the top of a page ---------------------------------------------------------------------------


def test_a_copy_stamp_between_the_lines_of_the_body_and_the_penutup_is_no_text():
    text = OATH.replace("dengan jujur.\n", "dengan jujur.\u201d\n").replace(
        "Pasal 2\n", "SALINAN\nPasal 2\n").replace("Ditetapkan di Contoh\n", "Ditetapkan di Contoh\nS A L I N A N\n")
    reg = ingest_text(text)
    assert [p.number for p in reg.pasals()] == ["1", "2", "9"]
    assert not [n for n in reg.walk() if "SALINAN" in n.text.replace(" ", "")]
    assert "S A L I N A N" not in reg.penutup.lines
    # (the letter-spaced stamp is read as the word "SALINAN" by the line cleaning before)
    assert [r["text"] for r in reg.stats.removed if r["kind"] == "stempel"] == ["SALINAN", "SALINAN"]


def test_the_word_salinan_in_a_sentence_stays():
    reg = ingest_text(OATH.replace("(3) Berita acara sumpah", "(3) Salinan berita acara sumpah"))
    assert pasal(reg, "1").children[2].text.startswith("Salinan berita acara sumpah")


# --- ayat run into the line before, as converted texts print them ------------------------------------------------


def test_an_ayat_run_in_after_a_page_break_rule_or_with_its_stop_starts_its_own_clause():
    # "... tanah. __ (2) Perencanaan ...": a converted text's page-break rule between two ayat (PP 37/2010 Pasal 19)
    text = HEAD + ("Pasal 1\n(1) Perencanaan meliputi:\na. studi kelayakan; dan\nb. studi pengadaan tanah. __ (2) "
                   "Perencanaan disusun dengan memperhatikan kondisi sumber daya air.\n(3) Perencanaan disusun oleh "
                   "Pembangun. (4). Perencanaan ditetapkan oleh Menteri.\n") + TAIL
    reg = ingest_text(text)
    assert [c[:2] for c in shape(pasal(reg, "1"))] == [("ayat", "1"), ("ayat", "2"), ("ayat", "3"), ("ayat", "4")]
    assert pasal(reg, "1").children[0].children[1].text == "studi pengadaan tanah. __"  # the rule kept, as printed


# --- the penutup and the Penjelasan run into the closing formula's line ---------------------------------------


def test_a_penutup_and_a_penjelasan_run_into_the_closing_formula_are_parts_of_their_own():
    text = HEAD.replace("PERATURAN BUPATI CONTOH\n", "PERATURAN BUPATI CONTOH\n", 1) + (
        "Pasal 1\nPejabat fungsional dinilai setiap tahun.\nPasal 2\nPeraturan Bupati ini mulai berlaku pada tanggal "
        "diundangkan.\nAgar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan Bupati ini dengan "
        "penempatannya dalam Berita Daerah Kabupaten Contoh. Ditetapkan di Contoh pada tanggal 2 Januari 2026 "
        "BUPATI CONTOH, ttd AHMAD SUBARJO Diundangkan di Contoh pada tanggal 3 Januari 2026 BERITA DAERAH "
        "KABUPATEN CONTOH TAHUN 2026 NOMOR 3 PENJELASAN ATAS PERATURAN BUPATI CONTOH NOMOR 3 TAHUN 2026 I. UMUM "
        "Cukup jelas.\nII. PASAL DEMI PASAL\nPasal 1\nCukup jelas.\nPasal 2\nCukup jelas.\n")
    reg = ingest_text(text)
    assert [p.number for p in reg.pasals()] == ["1", "2"]
    assert not [n for n in reg.walk() if "Cukup jelas" in n.text or "Ditetapkan" in n.text]
    assert reg.penutup.ditetapkan_di == "Contoh" and reg.penutup.tanggal_ditetapkan == "2026-01-02"
    assert reg.penutup.tanggal_diundangkan == "2026-01-03"
    assert reg.penjelasan


def test_ditetapkan_di_inside_a_pasal_before_the_closing_formula_stays_text():
    reg = ingest_text(HEAD + "Pasal 1\nKeputusan yang Ditetapkan di Contoh berlaku di seluruh Daerah.\n" + TAIL
                      .replace("Ditetapkan di Contoh", "Agar setiap orang mengetahuinya, memerintahkan pengundangan "
                               "Peraturan Bupati ini. Ditetapkan di Contoh"))
    assert reg.pasals()[0].text == "Keputusan yang Ditetapkan di Contoh berlaku di seluruh Daerah."
    assert reg.penutup.ditetapkan_di == "Contoh"


@pytest.mark.skipif(not (NATIONAL / "pp/2007/77.md").exists(), reason="national collection not at hand")
def test_pp_77_2007_has_its_penutup_and_its_penjelasan_apart_from_pasal_23():
    reg = ingest_path(NATIONAL / "pp/2007/77.md")
    assert [p.number for p in reg.pasals()][-1] == "23"
    assert [c.type for c in reg.pasals()[-1].children] == ["text"]  # the closing formula only
    assert reg.penutup.tanggal_ditetapkan == "2007-12-10" and reg.meta.berita_daerah.nomor == "161"
    assert reg.penjelasan


def test_ayat_labels_with_a_stop_printed_apart_from_their_text_are_ayat():
    # a two-column layout extracted line by line: "(1)." on a line of its own, its text on the next
    text = HEAD + ("Pasal 1\n(1).\nWilayah kerja meliputi seluruh kecamatan.\n(2).\nWilayah kerja dievaluasi setiap "
                   "tahun.\nPasal 2\n(1).\nPenilaian dilakukan setiap tahun.\n(2).\nHasil penilaian dilaporkan.\n"
                   ) + TAIL
    reg = ingest_text(text)
    assert [(c.type, c.number) for c in pasal(reg, "1").children] == [("ayat", "1"), ("ayat", "2")]
    assert pasal(reg, "1").children[1].text == "Wilayah kerja dievaluasi setiap tahun."


def test_new_text_whose_quote_never_closes_ends_at_this_acts_next_pasal():
    # an act of Arabic Pasal amending another in its Pasal 2: the quoted "Pasal 5" lost its closing mark
    text = HEAD + ("Pasal 1\nPenilaian kinerja dilakukan setiap tahun.\nPasal 2\nKetentuan Pasal 5 Peraturan Bupati "
                   "Contoh Nomor 3 Tahun 2020 tentang Sistem Kerja diubah sehingga berbunyi sebagai berikut:\n"
                   "\u201cPasal 5\n(1) Pegawai dinilai setiap semester.\n(2) Penilaian dilakukan oleh atasan langsung."
                   "\nPasal 3\n(1) Hasil penilaian dilaporkan kepada Sekretaris Daerah.\n(2) Laporan disampaikan "
                   "setiap tahun.\n") + TAIL
    reg = ingest_text(text)
    assert [p.number for p in reg.pasals()] == ["1", "2", "3", "9"]
    quoted = next(n for n in reg.walk() if n.type == "perubahan")
    assert [(c.type, c.number) for c in quoted.children] == [("pasal", "5")]
    assert [(c.type, c.number) for c in quoted.children[0].children] == [("ayat", "1"), ("ayat", "2")]
    assert [c.number for c in pasal(reg, "3").children] == ["1", "2"]
    (warning,) = reg.stats.warnings
    assert warning["kind"] == "unclosed_new_text" and "Pasal 3" in warning["message"]
    # closed, the same quote holds the same words and no warning is given
    closed = ingest_text(text.replace("atasan langsung.\n", "atasan langsung.\u201d\n"))
    assert [p.number for p in closed.pasals()] == ["1", "2", "3", "9"] and not closed.stats.warnings

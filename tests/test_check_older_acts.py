"""`rancang check` on older acts and copies: the formulas of an act's own era, its Penjelasan run into the last
Pasal, references into other acts in the wording of their day, and readings the reader is unsure of -- each told
as what it is (nothing, or an INFO that says why), never as a drafting PERINGATAN or GALAT."""

from __future__ import annotations

from pathlib import Path

from rancang.generate.check import check
from rancang.generate.check.era import modern
from rancang.ingest import ingest_text

CLEAN = (Path(__file__).parent / "data" / "check_clean.md").read_text(encoding="utf-8")

#: a Peraturan Pemerintah of 1961 as the national conversions print it: its Ejaan Soewandi formula, the
#: signatures and the whole Penjelasan run into the last Pasal on one line
OLD = "\n".join([
    'PERATURAN PEMERINTAH REPUBLIK INDONESIA',
    '',
    'NOMOR 12 TAHUN 1961',
    '',
    'TENTANG',
    '',
    'PENDIRIAN PERUSAHAAN NEGARA PERKEBUNAN SUKAMAJU',
    '',
    'PRESIDEN REPUBLIK INDONESIA,',
    '',
    'Menimbang :',
    '',
    'a. bahwa perlu didirikan suatu perusahaan negara untuk mengusahakan perkebunan di daerah '
    'Sukamaju;',
    '',
    'b. bahwa berhubung dengan itu perlu ditetapkan Peraturan Pemerintah tentang pendirian '
    'perusahaan tersebut;',
    '',
    'Mengingat :',
    '',
    '1. Pasal 5 ajat (2) Undang-undang Dasar;',
    '',
    '2. Undang-undang Nomor 19 Prp. Tahun 1960 tentang Perusahaan Negara (Lembaran Negara Tahun 1960 '
    'Nomor 59);',
    '',
    'MEMUTUSKAN :',
    '',
    'Menetapkan : PERATURAN PEMERINTAH TENTANG PENDIRIAN PERUSAHAAN NEGARA PERKEBUNAN SUKAMAJU.',
    '',
    'Pasal 1',
    '',
    '(1) Dengan nama "PERUSAHAAN NEGARA PERKEBUNAN SUKAMAJU" didirikan suatu perusahaan negara '
    'sebagai termaksud pada Pasal 2 ayat (1) Undang-undang Nomor 19 Prp. Tahun 1960.',
    '',
    '(2) Perusahaan sebagaimana dimaksud pada ayat (1) berkedudukan di Sukamaju.',
    '',
    'Pasal 2',
    '',
    'Tjara mengurus dana perusahaan sebagaimana dimaksud dalam Pasal 18 ayat (2) Undang-undang Nomor '
    '19 Prp. Tahun,1960 ditentukan dengan peraturan Menteri.',
    '',
    'Pasal 3',
    '',
    'Peraturan Pemerintah ini mulai berlaku pada hari diundangkan. Agar supaja setiap orang dapat '
    'mengetahuinja, memerintahkan pengundangan Peraturan Pemerintah ini dengan penempatan dalam '
    'Lembaran-Negara Republik Indonesia. Ditetapkan di Djakarta pada tanggal 3 Maret 1961. Presiden '
    'Republik Indonesia, SOEKARNO. Diundangkan di Djakarta pada tanggal 3 Maret 1961. PENDJELASAN '
    'ATAS PERATURAN PEMERINTAH NOMOR 12 TAHUN 1961 I. UMUM Perusahaan ini didirikan seperti pasal 8 '
    'dari Peraturan Pemerintah yang dahulu. II. PASAL DEMI PASAL Pasal 1 Tjukup djelas. Pasal 7 ayat '
    '(3) Tjukup djelas.',
    '',
])


def _findings(text: str) -> list[dict]:
    return check(ingest_text(text, "uji.md"))


def test_old_spelling_is_read_in_todays():
    """Ejaan Soewandi (1947-1972): "mengetahuinja" is "mengetahuinya", "Djakarta" is "Jakarta", "Tjara" "Cara"."""
    assert modern("Agar supaja setiap orang dapat mengetahuinja, Djakarta DJAKARTA Tjara") == \
        "Agar supaya setiap orang dapat mengetahuinya, Jakarta JAKARTA Cara"


def test_an_older_acts_own_pengundangan_formula_in_its_own_spelling_is_no_finding():
    """"Agar supaja setiap orang dapat mengetahuinja, memerintahkan pengundangan ... dengan penempatan dalam
    Lembaran-Negara": the formula of 1961, not "awal rumusan pengundangan tidak terbaca"."""
    assert not [f for f in _findings(OLD) if f["rule"].startswith("T1")]


def test_the_same_older_formula_in_an_act_made_after_uu_12_2011_is_still_found():
    """UU 12/2011 Lampiran II binds the acts made after it: the formula of 1961 in a Perbup of 2024 is a GALAT."""
    formula = "Agar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan Bupati ini dengan penempatannya"
    assert formula in CLEAN
    text = CLEAN.replace(formula, "Agar supaya setiap orang dapat mengetahuinya, memerintahkan pengundangan Peraturan "
                                  "Bupati ini dengan penempatan")
    assert [f["severity"] for f in _findings(text) if f["rule"] == "T1_undang"] == ["error"]


def test_an_older_acts_mulai_berlaku_sentence_of_its_day_is_no_finding():
    """"Peraturan ini berlaku mulai pada tanggal 1 Oktober 1948" (the 1940s' wording, without the jenis)."""
    text = OLD.replace("Peraturan Pemerintah ini mulai berlaku pada hari diundangkan.",
                       "Peraturan ini berlaku mulai pada tanggal 1 April 1961.")
    assert not [f for f in _findings(text) if f["rule"] == "T1_berlaku"]


def test_the_penjelasan_run_into_the_last_pasal_is_not_read_as_batang_tubuh():
    """The Penjelasan's "Pasal 7 ayat (3) Tjukup djelas" and "pasal 8 dari Peraturan Pemerintah yang dahulu" are
    no references of Pasal 3: nothing is found on them, and the formula before them is still read."""
    found = _findings(OLD)
    assert not [f for f in found if f["rule"] == "X2"]
    assert not [f for f in found if f["cite"] == "Pasal 3" and f["severity"] in ("error", "warning")]


def test_the_penjelasan_cut_leaves_the_callers_tree_whole():
    reg = ingest_text(OLD, "uji.md")
    before = reg.pasals()[-1].full_text()
    check(reg)
    assert reg.pasals()[-1].full_text() == before and "PASAL DEMI PASAL" in before


def test_a_reference_into_another_act_in_the_wording_of_its_day_is_not_dangling():
    """"Pasal 18 ayat (2) Undang-undang Nomor 19 Prp. Tahun,1960", "pasal 22 ayat 1 Peraturan Pemerintah No. 37
    tahun 1948", "Pasal 5 dan Pasal 9 Undang-undang tersebut", "pasal 6 dari Undang-undang no. 7 tahun 1946": a
    Pasal of another act, whatever the spelling, the abbreviation or the chain before the act's name."""
    anchor = "dimaksud pada ayat (1) ditetapkan oleh Bupati"
    assert anchor in CLEAN
    for other in ("Pasal 18 ayat (2) Undang-undang Nomor 19 Prp. Tahun,1960", "pasal 22 ayat 1 Peraturan "
                  "Pemerintah No. 37 tahun 1948", "Pasal 45 dan Pasal 49 Undang-undang tersebut",
                  "pasal 46 dari Undang-undang no. 7 tahun 1946", "Pasal 47 ayat (3) KUHP"):
        text = CLEAN.replace(anchor, f"dimaksud dalam {other} ditetapkan oleh Bupati")
        assert not [f for f in _findings(text) if f["rule"] == "X2"], other


def test_a_reference_to_a_pasal_of_this_act_that_is_missing_is_still_a_galat():
    """"Pasal 45 Peraturan Bupati ini" names this act: a Pasal it lacks is a dangling reference (GALAT)."""
    anchor = "dimaksud pada ayat (1) ditetapkan oleh Bupati"
    text = CLEAN.replace(anchor, "dimaksud dalam Pasal 45 Peraturan Bupati ini ditetapkan oleh Bupati")
    assert [f["severity"] for f in _findings(text) if f["rule"] == "X2"] == ["error"]


def test_a_lampiran_ii_rule_on_an_act_made_before_uu_12_2011_is_an_info():
    """X1_ayat "dalam ayat (1)" in an act of 1996: UU 12/2011 did not bind it; INFO naming why, never a
    PERINGATAN (before, a GALAT became a PERINGATAN)."""
    old = CLEAN.replace("dimaksud pada ayat (1) ditetapkan", "dimaksud dalam ayat (1) ditetapkan").replace(
        "2 Januari 2024", "2 Januari 1996").replace("TAHUN 2024", "TAHUN 1996")
    x1 = [f for f in _findings(old) if f["rule"] == "X1_ayat"]
    assert x1 and all(f["severity"] == "info" and "sebelum UU 12/2011" in f["message"] for f in x1)


def test_a_numbering_break_on_a_text_with_ocr_marks_is_a_reading_info():
    """A Pasal numbering that jumps in a copy carrying OCR's marks ("2O2O", "l99l"): the reader's, said as INFO."""
    text = CLEAN.replace("Pasal 3\n", "Pasal 4\n", 1).replace(
        "Daerah adalah Kabupaten Sukamaju.", "Daerah adalah Kabupaten Sukamaju sejak 2O2O, l99l, 2Ol4, 2OO3 dan 2OI3.")
    b3 = [f for f in _findings(text) if f["rule"] == "B3"]
    assert b3 and all(f["severity"] == "info" and "OCR" in f["message"] for f in b3)
    assert not [f for f in _findings(text) if f["severity"] in ("error", "warning") and f.get("doubt")]


def test_k2_never_proposes_a_title_read_with_the_makers_office():
    """PP 27/1975's copy: the judul is read with "Presiden Republik Indonesia," after it; the konsiderans formula
    K2 proposes must not carry the office line into the title."""
    text = OLD.replace("b. bahwa berhubung dengan itu perlu ditetapkan Peraturan Pemerintah tentang pendirian "
                       "perusahaan tersebut;", "b. bahwa pendirian itu mendesak;").replace(
        "PERKEBUNAN SUKAMAJU\n\nPRESIDEN REPUBLIK INDONESIA,", "PERKEBUNAN SUKAMAJU PRESIDEN REPUBLIK INDONESIA,")
    for f in _findings(text):
        if f["rule"].startswith("K2"):
            assert "Presiden Republik Indonesia," not in f["message"], f["message"]

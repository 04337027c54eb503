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


def test_a_term_unused_in_a_copy_cut_short_is_a_reading_info():
    """UU 4/2023's copy holds only Pasal 1-2 and no penutup: "DPR didefinisikan tetapi tidak dipakai" would name a
    defect of the lost part. A text without "Ditetapkan di ..." gives U5 as INFO saying the copy is cut short."""
    cut = CLEAN[:CLEAN.index("Ditetapkan di")]
    text = cut.replace("4. Pegawai Aparatur Sipil Negara", "4. Badan Istimewa adalah badan yang istimewa.\n\n"
                       "5. Pegawai Aparatur Sipil Negara", 1)
    u5 = [f for f in _findings(text) if f["rule"] == "U5"]
    assert u5 and all(f["severity"] == "info" and "salinan terpotong" in f["message"] for f in u5)
    whole = CLEAN.replace("4. Pegawai Aparatur Sipil Negara", "4. Badan Istimewa adalah badan yang istimewa.\n\n"
                          "5. Pegawai Aparatur Sipil Negara", 1)
    assert [f["severity"] for f in _findings(whole) if f["rule"] == "U5"] == ["warning"]


def test_a_page_join_mark_after_the_semicolon_is_no_missing_semicolon():
    """UU 3/2012's copy: "... dengan Undang- Undang; __ __" -- the ";" is there; the marks are the conversion's."""
    last = "Kabupaten Sukamaju;\n\nMengingat"
    assert last in CLEAN
    text = CLEAN.replace(last, "Kabupaten Sukamaju; __ __\n\nMengingat")
    assert not [f for f in _findings(text) if f["rule"] == "K1_end"]


def test_a_ratification_dengan_undang_undang_split_by_the_copy_is_its_own_formula():
    """A UU ratifying a treaty says "perlu mengesahkan ... dengan Undang-Undang" (Lampiran II angka 240); the copy's
    "Undang- Undang" split at a line's end is the same formula: no K2/K2_wording."""
    text = CLEAN.replace("perlu menetapkan Peraturan Bupati tentang Sistem Kerja Pegawai Aparatur Sipil Negara di "
                         "Lingkungan Pemerintah Kabupaten Sukamaju;",
                         "perlu mengesahkan Persetujuan tentang Sistem Kerja dengan Undang- Undang;")
    assert not [f for f in _findings(text) if f["rule"] in ("K2", "K2_wording")]


def test_a_judul_that_lost_words_in_the_copy_is_a_reading_info_not_a_wrong_menetapkan():
    """UU 3/2012's copy prints its judul without "INDONESIA DAN PEMERINTAH DAERAH ADMINISTRASI KHUSUS"; the name
    after "Menetapkan:" (D1_title) or in the last konsiderans (K2_title) is whole: an INFO saying the judul lost
    words."""
    judul = "SISTEM KERJA PEGAWAI APARATUR SIPIL NEGARA DI LINGKUNGAN PEMERINTAH KABUPATEN SUKAMAJU\n\nDENGAN"
    assert judul in CLEAN
    text = CLEAN.replace(judul, "SISTEM KERJA PEGAWAI DI LINGKUNGAN PEMERINTAH KABUPATEN SUKAMAJU\n\nDENGAN")
    found = [f for f in _findings(text) if f["rule"] in ("D1_title", "K2_title")]
    assert found and all(f["severity"] == "info" and "kehilangan kata" in f["message"] for f in found)
    konsiderans = "perlu menetapkan Peraturan Bupati tentang Sistem Kerja Pegawai Aparatur Sipil Negara di"
    assert konsiderans in text
    ratified = text.replace(konsiderans, "perlu menetapkan Peraturan Bupati tentang Sistem Kerja Pegawai di")
    found = [f for f in _findings(ratified) if f["rule"] in ("D1_title", "K2_title")]
    assert found and all(f["severity"] == "info" and "kehilangan kata" in f["message"] for f in found)


def test_an_amendment_cited_as_its_own_mengingat_entry_is_cited():
    """UU 18/1992: angka 3 cites UU 1/1989, angka 4 its amendment UU 2/1990 -- the chain is in the Mengingat, so no
    L2 "perubahan terakhir ... ialah UU 2/1990". The same act citing UU 1/1989 alone is told (L2)."""
    entry = "7. Peraturan Daerah Kabupaten Sukamaju Nomor 4 Tahun 2016"
    assert entry in CLEAN
    apbn = ("7. Undang-Undang Nomor 1 Tahun 1989 tentang Anggaran Pendapatan dan Belanja Negara Tahun Anggaran "
            "1989/1990 (Lembaran Negara Tahun 1989 Nomor 5, Tambahan Lembaran Negara Nomor 3389);\n\n")
    both = apbn + ("8. Undang-Undang Nomor 2 Tahun 1990 tentang Tambahan dan Perubahan atas Anggaran Pendapatan dan "
                   "Belanja Negara Tahun Anggaran 1989/1990 (Lembaran Negara Tahun 1990 Nomor 40, Tambahan Lembaran "
                   "Negara Nomor 3415);\n\n")
    alone = [f for f in _findings(CLEAN.replace(entry, apbn + entry.replace("7.", "8."))) if f["rule"] == "L2"]
    assert any("Nomor 1 Tahun 1989" in f["message"] for f in alone)
    cited = [f for f in _findings(CLEAN.replace(entry, both + entry.replace("7.", "9."))) if f["rule"] == "L2"]
    assert not [f for f in cited if "Nomor 1 Tahun 1989" in f["message"]]


def test_a_stray_number_printed_before_the_right_one_is_no_galat():
    """PP 10/1990's copy: "Perppu Nomor 1 Tahun 1969 ... (Lembaran Negara Tahun 1969 Nomor 2 16, ...)": the right
    number (16, by 286 citing acts) is printed, after a stray "2" -- at most a PERINGATAN saying so, never a GALAT."""
    entry = "7. Peraturan Daerah Kabupaten Sukamaju Nomor 4 Tahun 2016"
    perppu = ("7. Peraturan Pemerintah Pengganti Undang-Undang Nomor 1 Tahun 1969 tentang Bentuk-bentuk Usaha Negara "
              "(Lembaran Negara Tahun 1969 Nomor {n}, Tambahan Lembaran Negara Nomor 2890);\n\n")
    stray = [f for f in _findings(CLEAN.replace(entry, perppu.format(n="2 16") + entry.replace("7.", "8.")))
             if f["rule"] == "L3"]
    assert stray and all(f["severity"] != "error" and "juga mencantumkan" in f["message"] for f in stray)
    wrong = [f for f in _findings(CLEAN.replace(entry, perppu.format(n="2") + entry.replace("7.", "8.")))
             if f["rule"] == "L3"]
    assert wrong and not [f for f in wrong if "juga mencantumkan" in f["message"]]


def test_a_reference_followed_by_a_long_run_of_separators_is_read_at_once():
    """UU 27/2022's copy: a reference followed by many spaces and commas once took minutes (a regular expression
    backtracking over the chain of further references); it is read in well under a second."""
    import time

    anchor = "dimaksud pada ayat (1) ditetapkan oleh Bupati"
    text = CLEAN.replace(anchor, "dimaksud dalam Pasal 45" + " ," * 60 + " ditetapkan oleh Bupati")
    reg = ingest_text(text, "uji.md")
    start = time.monotonic()
    check(reg)
    assert time.monotonic() - start < 5

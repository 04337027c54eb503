"""`rancang check` never cries wolf on real acts (session 8, docs/check-precision.md): each kind of false finding
read on real acts, on a small text written for it -- a copy damaged by its scan or conversion is no drafting error,
a sistem-kerja Perbup that carries PermenPAN-RB 7/2022 out by reference regulates what it leaves to it, a blank is
a blank only where a value is asked for, and `check --fix` never changes what a provision says on its own."""

from __future__ import annotations

from pathlib import Path

from rancang.generate.check import check, fix, format_text
from rancang.ingest import ingest_text

DATA = Path(__file__).parent / "data"
CLEAN = (DATA / "check_clean.md").read_text(encoding="utf-8")
FORMULA = ("Agar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan Bupati ini dengan penempatannya "
           "dalam Berita Daerah Kabupaten Sukamaju.")


def _found(text: str, name: str = "uji.md") -> list[dict]:
    return check(ingest_text(text, name))


def _errors(text: str) -> list[str]:
    return [f["rule"] for f in _found(text) if f["severity"] == "error"]


# --- a copy damaged by its scan: at most a warning that says the text looks damaged -------------------------------

def test_a_word_of_the_last_bab_title_split_by_a_space_is_a_damaged_copy_not_a_wrong_title():
    """UU 5/2022's copy prints "KETENTUAN PEN UTUP": every letter of the title is there."""
    found = _found(CLEAN.replace("KETENTUAN PENUTUP", "KETENTUAN PEN UTUP"))
    b1 = [f for f in found if f["rule"] == "B1_last"]
    assert [f["severity"] for f in b1] == ["info"]
    assert "terpisah spasi" in b1[0]["message"] and b1[0]["doubt"]
    # a title that is another title stays a GALAT
    assert "B1_last" in _errors(CLEAN.replace("KETENTUAN PENUTUP", "KETENTUAN LAIN-LAIN"))


def test_a_word_of_the_pengundangan_formula_split_by_a_space_is_a_damaged_copy():
    """UU 5/2022's copy: "... dalam Lembaran Negara Repu blik Indonesia"."""
    found = _found(CLEAN.replace(FORMULA, FORMULA.replace("Berita Daerah", "Ber ita Dae rah")))
    t1 = [f for f in found if f["rule"] == "T1_undang"]
    assert [f["severity"] for f in t1] == ["info"]
    assert "Ber ita Dae rah" in t1[0]["message"]
    # a formula that names another gazette, or lacks a word, stays a GALAT
    assert "T1_undang" in _errors(CLEAN.replace(FORMULA, FORMULA.replace("Berita", "Lembaran")))
    assert "T1_undang" in _errors(CLEAN.replace(FORMULA, FORMULA.replace(" ini dengan", " dengan")))


def test_a_menimbang_label_printed_twice_is_a_damaged_copy_not_a_missing_bahwa():
    """PP 75/2015's copy: "b. b . bahwa berdasarkan pertimbangan ...": the consideration begins with "bahwa"."""
    for twice in ("b. b . bahwa sesuai", "b. b. bahwa sesuai", "b. b) bahwa sesuai"):
        found = _found(CLEAN.replace("b. bahwa sesuai", twice))
        k1 = [f for f in found if f["rule"] == "K1_bahwa"]
        assert [f["severity"] for f in k1] == ["info"], twice
        assert 'label "b." tertulis dua kali' in k1[0]["message"]
    # another letter, or no "bahwa" after the label, is no label printed twice
    assert "K1_bahwa" in _errors(CLEAN.replace("b. bahwa sesuai", "b. c. bahwa sesuai"))
    assert "K1_bahwa" in _errors(CLEAN.replace("b. bahwa sesuai", "b. b. sesuai"))


# --- S1: PermenPAN-RB 7/2022 binds the Instansi by itself ----------------------------------------------------------

GAP = [("(1) Pengelolaan kinerja Pegawai ASN terdiri atas perencanaan kinerja, pelaksanaan dan pemantauan kinerja, "
        "penilaian kinerja, serta tindak lanjut hasil evaluasi kinerja.\n\n(2) ", ""),
       ("e. pengelolaan kinerja; dan", "e. penilaian; dan"),
       ("Pengelolaan Kinerja dan Teknologi Informasi", "Teknologi Informasi")]


def _gap(text: str) -> str:
    for old, new in GAP:
        assert old in text
        text = text.replace(old, new, 1)
    return text


def test_a_sistem_kerja_topic_left_out_is_never_a_galat():
    """No provision of PermenPAN-RB 7/2022 asks a Perbup to restate its components: a topic a Perbup leaves out
    is a warning the drafter weighs."""
    s1 = [f for f in _found(_gap(CLEAN)) if f["rule"].startswith("S1")]
    assert [(f["rule"], f["severity"]) for f in s1] == [("S1", "warning")]


def test_a_perbup_that_carries_permenpan_rb_7_2022_out_by_reference_gets_one_info():
    """"bahwa untuk melaksanakan ketentuan Pasal 5 Peraturan Menteri ... Nomor 7 Tahun 2022" (the Perbup regulates
    what that Pasal leaves to it), or a provision "sesuai dengan Peraturan Menteri PAN-RB Nomor 7 Tahun 2022": one
    INFO naming the topics the Peraturan Menteri regulates, no warning."""
    considered = _gap(CLEAN).replace("b. bahwa sesuai dengan Pasal 25",
                                     "b. bahwa untuk melaksanakan ketentuan Pasal 25")
    provision = _gap(CLEAN).replace("(1) Pejabat Fungsional dan pelaksana berkedudukan", "(1) Sesuai dengan Peraturan "
                                    "Menteri PAN-RB Nomor 7 Tahun 2022, Pejabat Fungsional dan pelaksana berkedudukan")
    for text, where in ((considered, "Menimbang huruf b"), (provision, "Pasal 3 ayat (1)")):
        s1 = [f for f in _found(text) if f["rule"].startswith("S1")]
        assert [(f["rule"], f["severity"]) for f in s1] == [("S1_rujukan", "info")]
        assert '"pengelolaan kinerja"' in s1[0]["message"] and where in s1[0]["message"]
    # naming the Peraturan Menteri among the bases (Mengingat), or as a mere fact (Menimbang), is no such reference
    assert [f["rule"] for f in _found(_gap(CLEAN)) if f["rule"].startswith("S1")] == ["S1"]


# --- T2: a blank is where a value is asked for ---------------------------------------------------------------------

DRAFT = CLEAN.replace("pada tanggal 2 Januari 2024", "pada tanggal ……", 1)


def _blanks(text: str) -> list[str]:
    return [f["cite"] for f in _found(text) if f["rule"] == "T2_placeholder"]


def test_blanks_are_reported_as_info_wherever_a_value_is_asked_for():
    """"pada tanggal ……", "NOMOR …. TAHUN", a Mengingat entry's "Nomor ....", written with dots or ellipses."""
    assert _blanks(DRAFT) == ["Penutup"]
    mengingat = CLEAN.replace("Tahun 2016 Nomor 4);", "Tahun 2016 Nomor ….);")
    assert _blanks(mengingat) == ["Mengingat angka 7"]
    assert [f["severity"] for f in _found(mengingat) if f["rule"] == "T2_placeholder"] == ["info"]
    judul = CLEAN.replace("NOMOR 5 TAHUN 2024", "NOMOR .... TAHUN 2024", 1)
    assert _blanks(judul) == ["Judul"]
    assert _blanks(CLEAN) == []


def test_dots_after_other_words_are_no_blank():
    """A paraf line under the signature (Permenkominfo 8/2019: "Kabag Bankum ……"), the form of an oath an act
    prescribes ("... menjadi Kepala Desa ..........", UU 19/1965), three dots of an ellipsis."""
    paraf = CLEAN.replace("BERITA DAERAH KABUPATEN SUKAMAJU TAHUN 2024 NOMOR 5",
                          "BERITA DAERAH KABUPATEN SUKAMAJU TAHUN 2024 NOMOR 5\n\nParaf:\n\nKabag Bankum ……\n\n"
                          "Sekretaris ..........")
    assert _blanks(paraf) == []
    oath = CLEAN.replace("(1) Pejabat Fungsional dan pelaksana berkedudukan", '(1) "Saya bersumpah bahwa saya '
                         'untuk diangkat menjadi Kepala Desa .......... tidak memberikan sesuatu" ... Pejabat '
                         "Fungsional dan pelaksana berkedudukan")
    assert _blanks(oath) == []
    # a dot leader after a slot word written on ("satu tahun........", PP 10/1956) and a scan's "[]" (PP 22/2021)
    leader = CLEAN.replace("(1) Pejabat Fungsional dan pelaksana berkedudukan", "(1) Setelah satu tahun.......... "
                           "dan [] Pejabat Fungsional dan pelaksana berkedudukan")
    assert _blanks(leader) == []
    assert _blanks(leader.replace("[]", "[....]")) == ["Pasal 3 ayat (1)"]


# --- check --fix: a fix that changes what a provision says is offered, not applied ---------------------------------

def test_fix_offers_atau_for_alternatives_and_applies_only_the_form_fixes():
    """R1_alt ("; dan" -> "; atau") turns cumulative items into alternatives: a decision for the drafter, listed
    "perlu keputusan"; the form fixes of the same text are applied."""
    text = CLEAN.replace("(1) Mekanisme Kerja dilaksanakan dengan prinsip:",
                         "(1) Mekanisme Kerja dilaksanakan dengan salah satu prinsip:").replace(
        "dimaksud dalam Pasal 2 ayat (2)", "dimaksud pada Pasal 2 ayat (2)")
    fixed, changes, left = fix.fix_source(text, "uji.md")
    offered = [c for c in changes if c.get("decision")]
    assert [(c["rule"], c["new"], c["applied"]) for c in offered] == [("R1_alt", "; atau", False)]
    assert "perlu keputusan" in fix.format_changes(offered)
    assert "e. transparansi; dan" in fixed and "e. transparansi; atau" not in fixed
    assert [c["rule"] for c in changes if c["applied"]] == ["X1_pasal"]
    assert "dimaksud dalam Pasal 2 ayat (2)" in fixed
    assert "R1_alt" in {f["rule"] for f in left}
    report = format_text(left)
    assert "[fix: perlu keputusan]" in report and report.count("[fix: perlu keputusan]") == 1


# --- found on the whole national collection (5,776 UU and PP): each kind once, on a small text --------------------

def test_an_exception_reads_its_letters_inside_the_provision_it_narrows():
    """"... sebagaimana dimaksud dalam Pasal 2 ayat (1), kecuali huruf c" (UU 23/2014 Pasal 78, PP 43/2011 Pasal 5):
    huruf c is Pasal 2 ayat (1)'s, not a list of the citing clause's own."""
    text = CLEAN.replace("(2) Mekanisme Kerja sebagaimana dimaksud pada ayat (1) terdiri atas:",
                         "(2) Mekanisme Kerja sebagaimana dimaksud pada ayat (1), kecuali huruf c, terdiri atas:")
    reg = ingest_text(text, "uji.md")
    ref = next(r for n in reg.walk() for r in n.refs if r.text.startswith("huruf c"))
    assert ref.target == ["pasal-2/ayat-1/huruf-c"] and ref.resolved
    assert "X2" not in {f["rule"] for f in check(reg)}


def test_a_short_form_of_another_name_inside_a_definition_is_no_misplaced_short_form():
    """PP 3/2015 Pasal 1 angka 20 defines "Konsultasi" and on the way abbreviates "Dewan Perwakilan Rakyat Republik
    Indonesia yang selanjutnya disebut Dewan Perwakilan Rakyat (DPR)": no U4_order. The defined term's own short
    form after "adalah" is still one."""
    other = CLEAN.replace("Unit Organisasi adalah bagian", "Unit Organisasi adalah bagian yang dibentuk Dewan "
                          "Perwakilan Rakyat Daerah yang selanjutnya disebut DPRD sebagai bagian")
    assert "U4_order" not in {f["rule"] for f in _found(other)}
    own = CLEAN.replace("Elektronik yang selanjutnya disingkat SPBE adalah penyelenggaraan pemerintahan yang "
                        "memanfaatkan teknologi informasi dan komunikasi.", "Elektronik adalah penyelenggaraan "
                        "pemerintahan yang memanfaatkan Teknologi Informasi Nasional yang selanjutnya disingkat SPBE.")
    assert "U4_order" in _errors(own)


def test_a_definition_whose_first_line_the_copy_printed_twice_is_no_missing_adalah():
    """PP 27/2014's copy: "9. Penggunaan..." then "9. Penggunaan adalah kegiatan ...": a warning naming it."""
    text = CLEAN.replace("2. Bupati adalah Bupati Sukamaju.", "2. Bupati...\n\n2. Bupati adalah Bupati Sukamaju.")
    u4 = [f for f in _found(text) if f["rule"] == "U4_adalah"]
    assert [f["severity"] for f in u4] == ["info"] and "tercetak dua kali" in u4[0]["message"]
    assert "U4_adalah" in _errors(CLEAN.replace("2. Bupati adalah Bupati Sukamaju.", "2. Bupati merupakan Bupati "
                                                                                       "Sukamaju."))


def test_the_conclusion_rests_on_what_the_considerations_it_cites_sum_up():
    """PP 63/2011: "b. bahwa untuk ... sebagaimana dimaksud dalam huruf a, ..."; "d. bahwa berdasarkan pertimbangan
    sebagaimana dimaksud dalam huruf b dan huruf c": huruf a is summed up in huruf b, no K2_refs."""
    summed = CLEAN.replace("b. bahwa sesuai dengan Pasal 25", "b. bahwa untuk mewujudkan hal sebagaimana dimaksud "
                           "dalam huruf a dan sesuai dengan Pasal 25").replace(
        "dimaksud dalam huruf a dan huruf b, perlu menetapkan", "dimaksud dalam huruf b, perlu menetapkan")
    assert "K2_refs" not in {f["rule"] for f in _found(summed)}
    # a consideration nothing cited sums up is still left out
    assert "K2_refs" in _errors(CLEAN.replace("dimaksud dalam huruf a dan huruf b, perlu menetapkan",
                                              "dimaksud dalam huruf b, perlu menetapkan"))


def test_a_formula_that_differs_only_in_a_capital_is_a_reading_info():
    """PP 54/2015's copy: "... dalam lembaran Negara Republik Indonesia"."""
    text = CLEAN.replace(FORMULA, FORMULA.replace("Berita Daerah", "berita Daerah"))
    t1 = [f for f in _found(text) if f["rule"] == "T1_undang"]
    assert [f["severity"] for f in t1] == ["info"] and "huruf kapital" in t1[0]["message"]


def test_a_promulgated_copy_that_lost_the_opening_of_its_formula_is_a_reading_info_a_draft_a_galat():
    """PP 78/2011's copy: "... mulai berlaku pada tanggal diundangkan. pengundangan Peraturan Pemerintah ini ...":
    a promulgated act had its formula, its copy lost the line. A draft without it is wrong."""
    lost = CLEAN.replace("Agar setiap orang mengetahuinya, memerintahkan ", "")
    t1 = [f for f in _found(lost) if f["rule"] == "T1_undang"]
    assert [f["severity"] for f in t1] == ["info"] and "salinan" in t1[0]["message"]
    draft = lost.replace("pada tanggal 2 Januari 2024", "pada tanggal").replace("TAHUN 2024 NOMOR 5",
                                                                                "TAHUN 2024 NOMOR")
    assert "T1_undang" in _errors(draft)


PP11 = "Tambahan Lembaran Negara Republik Indonesia Nomor 6037)"


def test_a_publication_printed_twice_in_one_bracket_is_no_galat():
    """PP 5/1997's copy: "(Lembaran Negara Tahun 1969 Nomor 21, Tambahan Lembaran Negara Nomor 21, Tambahan
    Lembaran Negara Nomor 2894)": the right Tambahan is printed too."""
    twice = CLEAN.replace(PP11, "Tambahan Lembaran Negara Republik Indonesia Nomor 63, " + PP11, 1)
    l3 = [f for f in _found(twice) if f["rule"] == "L3"]
    assert [f["severity"] for f in l3] == ["warning"] and "juga mencantumkan" in l3[0]["message"]
    assert "L3" in _errors(CLEAN.replace(PP11, PP11.replace("6037", "6073"), 1))


AMEND = (DATA / "check_amend.txt").read_text(encoding="utf-8")


def test_the_points_of_an_amending_pasal_i_are_instructions_not_list_items():
    """UU 15/2019 Pasal I angka 12: "Ketentuan Pasal 72 tetap, Penjelasan Pasal 72 diubah sebagaimana tercantum
    dalam penjelasan pasal demi pasal." -- each point of Pasal I is a sentence of its own (Lampiran II angka 231-235),
    ending with "." or ":", never ";"."""
    text = AMEND.replace("2. Di antara Pasal 5 dan Pasal 6", "2. Penjelasan Pasal 4 diubah sebagaimana tercantum "
                         "dalam penjelasan.\n\n3. Di antara Pasal 5 dan Pasal 6")
    assert not [f for f in _found(text, "uji.txt") if f["rule"].startswith("R1")]


def test_the_mengingat_heading_printed_again_is_no_entry():
    """PP 75/2015 and PP 94/2014's copies print "Mengingat:" then "Mengingat :": no entry ending with ":"."""
    text = CLEAN.replace("Mengingat :\n\n1. Pasal 18", "Mengingat:\n\nMengingat :\n\n1. Pasal 18")
    assert not [f for f in _found(text) if f["rule"].startswith("M1")]


def test_a_judul_read_with_the_copys_heading_again_is_a_doubtful_name():
    """PP 22/2016's copy: "PERATURAN PEMERINTAH ... NOMOR 22 TAHUN 2016 TENTANG PERATURAN PEMERINTAH ... TENTANG
    PEMBERIAN ...": the name after "Menetapkan" is the judul's, read with more around it."""
    # (the last consideration names the act otherwise, so it cannot vouch for the diktum's name)
    other = CLEAN.replace("perlu menetapkan Peraturan Bupati tentang Sistem Kerja Pegawai",
                          "perlu menetapkan Peraturan Bupati tentang Sistem Kerja bagi Pegawai")
    text = other.replace("TENTANG\n\nSISTEM KERJA", "TENTANG\n\nPERATURAN BUPATI SUKAMAJU NOMOR 5 TAHUN 2024 TENTANG "
                         "SISTEM KERJA", 1)
    d1 = [f for f in _found(text) if f["rule"] == "D1_title"]
    assert d1 and all(f.get("doubt") for f in d1)
    # a name that differs in its words stays a plain finding
    wrong = other.replace("Menetapkan : PERATURAN BUPATI TENTANG SISTEM KERJA PEGAWAI",
                          "Menetapkan : PERATURAN BUPATI TENTANG SISTEM KERJA UNTUK PEGAWAI")
    assert [f.get("doubt") for f in _found(wrong) if f["rule"] == "D1_title"] == [None]


def test_a_list_of_whole_sentences_is_no_list_of_items_ending_with_a_full_stop():
    """UU 7/2014 Pasal 84 ayat (3): "a. Dalam hal perjanjian ... ." / "b. Dalam hal ... ." -- each item a sentence of
    its own, capitalised and closed; a list of lower-case items closed with "." is still R1_item."""
    edits = [("a. orientasi pada hasil;", "a. Orientasi pada hasil."), ("b. kompetensi;", "b. Kompetensi."),
             ("c. profesionalisme;", "c. Profesionalisme."), ("d. kolaboratif;", "d. Kolaboratif."),
             ("e. transparansi; dan", "e. Transparansi."), ("f. akuntabel.", "f. Akuntabel.")]
    whole = CLEAN
    for old, new in edits:
        assert old in whole
        whole = whole.replace(old, new, 1)
    assert not [f for f in _found(whole) if f["rule"].startswith("R1")]
    lower = CLEAN.replace("a. orientasi pada hasil;", "a. orientasi pada hasil.", 1)
    assert [f["cite"] for f in _found(lower) if f["rule"] == "R1_item"] == ["Pasal 2 ayat (1) huruf a"]

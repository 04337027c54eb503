"""`rancang check` never cries wolf on real acts (session 8, docs/check-precision.md): each kind of false finding
read on real acts, on a small text written for it -- a copy damaged by its scan or conversion is no drafting error,
a sistem-kerja Perbup that carries PermenPAN-RB 7/2022 out by reference regulates what it leaves to it, a blank is
a blank only where a value is asked for, and `check --fix` never changes what a provision says on its own."""

from __future__ import annotations

from pathlib import Path

from rancang.generate.check import check, fix
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
    assert [f["severity"] for f in b1] == ["warning"]
    assert "terpisah spasi" in b1[0]["message"] and b1[0]["doubt"]
    # a title that is another title stays a GALAT
    assert "B1_last" in _errors(CLEAN.replace("KETENTUAN PENUTUP", "KETENTUAN LAIN-LAIN"))


def test_a_word_of_the_pengundangan_formula_split_by_a_space_is_a_damaged_copy():
    """UU 5/2022's copy: "... dalam Lembaran Negara Repu blik Indonesia"."""
    found = _found(CLEAN.replace(FORMULA, FORMULA.replace("Berita Daerah", "Ber ita Dae rah")))
    t1 = [f for f in found if f["rule"] == "T1_undang"]
    assert [f["severity"] for f in t1] == ["warning"]
    assert "Ber ita Dae rah" in t1[0]["message"]
    # a formula that names another gazette, or lacks a word, stays a GALAT
    assert "T1_undang" in _errors(CLEAN.replace(FORMULA, FORMULA.replace("Berita", "Lembaran")))
    assert "T1_undang" in _errors(CLEAN.replace(FORMULA, FORMULA.replace(" ini dengan", " dengan")))


def test_a_menimbang_label_printed_twice_is_a_damaged_copy_not_a_missing_bahwa():
    """PP 75/2015's copy: "b. b . bahwa berdasarkan pertimbangan ...": the consideration begins with "bahwa"."""
    for twice in ("b. b . bahwa sesuai", "b. b. bahwa sesuai", "b. b) bahwa sesuai"):
        found = _found(CLEAN.replace("b. bahwa sesuai", twice))
        k1 = [f for f in found if f["rule"] == "K1_bahwa"]
        assert [f["severity"] for f in k1] == ["warning"], twice
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

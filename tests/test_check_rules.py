"""Every rule of `rancang check` (generate/check/data/rules.yaml) on a clean act and on the same act with the rule's
defect seeded in: the rule keeps quiet on the clean text and fires on the mutated one (mutation test, 100% of
the rule table)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rancang.generate.check import check, rules
from rancang.ingest import ingest_text

DATA = Path(__file__).parent / "data"
CLEAN = (DATA / "check_clean.md").read_text(encoding="utf-8")
AMEND = (DATA / "check_amend.txt").read_text(encoding="utf-8")
#: a clean Keputusan Bupati (diktum KESATU ...), for the rules of a Keputusan
KEPUTUSAN = (DATA / "kinds" / "keputusan_bupati.txt").read_text(encoding="utf-8")

UU20 = ("Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara (Lembaran Negara Republik Indonesia Tahun "
        "2023 Nomor 141, Tambahan Lembaran Negara Republik Indonesia Nomor 6897)")
FORMING = ("2. Undang-Undang Nomor 13 Tahun 1950 tentang Pembentukan Daerah-daerah Kabupaten dalam Lingkungan "
           "Propinsi Jawa Tengah sebagaimana telah diubah dengan Undang-Undang Nomor 9 Tahun 1965 tentang Pembentukan "
           "Daerah Tingkat II Batang dengan mengubah Undang-Undang Nomor 13 Tahun 1950 tentang Pembentukan "
           "Daerah-daerah Kabupaten dalam Lingkungan Propinsi Jawa Tengah (Lembaran Negara Republik Indonesia "
           "Tahun 1965 Nomor 52, Tambahan Lembaran Negara Republik Indonesia Nomor 2757);\n\n")
UU6_2023 = ("Undang-Undang Nomor 6 Tahun 2023 tentang Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 "
            "Tahun 2022 tentang Cipta Kerja menjadi Undang-Undang (Lembaran Negara Republik Indonesia Tahun 2023 "
            "Nomor 41, Tambahan Lembaran Negara Republik Indonesia Nomor 6856)")

#: rule id -> (the text it is seeded into, [(old, new), ...]): each mutation introduces exactly that defect
MUTATIONS: dict[str, tuple[str, list[tuple[str, str]]]] = {
    # 1. reference formulas
    "X1_pasal": (CLEAN, [("dimaksud dalam Pasal 2 ayat (2)", "dimaksud pada Pasal 2 ayat (2)")]),
    "X1_ayat": (CLEAN, [("dimaksud pada ayat (1) ditetapkan oleh Bupati", "dimaksud dalam ayat (1) ditetapkan oleh "
                                                                          "Bupati")]),
    "X1_case": (CLEAN, [("dimaksud dalam Pasal 2 ayat (2)", "dimaksud dalam pasal 2 ayat (2)")]),
    "X1_list": (CLEAN, [("Penugasan sebagaimana dimaksud pada ayat (1) dan pelaksanaan tugas sebagaimana dimaksud "
                         "pada ayat (2)", "Penugasan dan pelaksanaan tugas sebagaimana dimaksud pada ayat (1) "
                                          "ayat (2)")]),
    "X1_serial": (CLEAN, [("secara berkala.\n", "secara berkala.\n\n(4) Laporan sebagaimana dimaksud pada ayat (1), "
                                                "ayat (2) dan ayat (3) disampaikan secara tertulis.\n")]),
    "X1_range": (CLEAN, [("dimaksud dalam Pasal 2 ayat (2)", "dimaksud dalam Pasal 3 sampai dengan Pasal 2")]),
    "X4": (CLEAN, [("dimaksud pada ayat (1) ditetapkan oleh Bupati", "dimaksud ayat (1) ditetapkan oleh Bupati")]),
    "X2": (CLEAN, [("dimaksud pada ayat (1) ditetapkan oleh Bupati", "dimaksud pada ayat (3) ditetapkan oleh Bupati")]),
    "X5": (CLEAN, [("Mekanisme Kerja sebagaimana dimaksud dalam Pasal 2 ayat (2)",
                    "Mekanisme Kerja sebagaimana dimaksud dalam Pasal 3 ayat (1)")]),
    "X5_subject": (CLEAN, [("(2) Peta proses bisnis sebagaimana dimaksud pada ayat (1) ditetapkan oleh Bupati.",
                            "(2) Reviu dan evaluasi sebagaimana dimaksud pada ayat (1) dilakukan setiap tahun.")]),
    "X3_dari": (CLEAN, [("tidak terpisahkan dari Peraturan Bupati", "tidak terpisahkan dalam Peraturan Bupati")]),
    "X3_case": (CLEAN, [("tercantum dalam Lampiran yang", "tercantum dalam lampiran yang")]),
    "X3_orphan": (CLEAN, [("tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Peraturan Bupati "
                           "ini.", "ditetapkan oleh Bupati.")]),
    # 2. definitions
    "U1_intro": (CLEAN, [("Dalam Peraturan Bupati ini yang dimaksud", "Dalam Peraturan Bupati yang dimaksud")]),
    "U1_end": (CLEAN, [("Bupati adalah Bupati Sukamaju.", "Bupati adalah Bupati Sukamaju;")]),
    "U4_adalah": (CLEAN, [("Unit Organisasi adalah bagian", "Unit Organisasi merupakan bagian")]),
    "U4_twice": (CLEAN, [("atasan langsung Pejabat Fungsional dan pelaksana.",
                          "atasan langsung Pejabat Fungsional dan pelaksana, yaitu pejabat yang adalah pimpinan.")]),
    "U4_order": (CLEAN, [("Elektronik yang selanjutnya disingkat SPBE adalah penyelenggaraan pemerintahan yang "
                          "memanfaatkan teknologi informasi dan komunikasi.",
                          "Elektronik adalah penyelenggaraan pemerintahan yang memanfaatkan teknologi informasi dan "
                          "komunikasi yang selanjutnya disingkat SPBE.")]),
    "U3": (CLEAN, [("2. Bupati adalah Bupati Sukamaju.\n\n", "")]),
    "U2": (CLEAN, [("sesuai dengan Mekanisme Kerja sebagaimana", "sesuai dengan Mekanisme kerja sebagaimana")]),
    "U2_lampiran": (CLEAN, [("pada setiap Unit Organisasi berkedudukan di bawah Pejabat Penilai Kinerja.",
                             "pada setiap Unit Organisasi berkedudukan di bawah Pejabat Penilai kinerja.")]),
    "U5": (CLEAN, [("dan komunikasi.\n\nBAB II", "dan komunikasi.\n\n10. Satuan Tugas Khusus adalah kelompok "
                                                  "Pegawai ASN untuk tugas tertentu.\n\nBAB II")]),
    "U2_lower": (CLEAN, [("dan komunikasi.\n\nBAB II", "dan komunikasi.\n\n10. Jabatan Pelaksana adalah sekelompok "
                                                       "jabatan pelayanan publik.\n\nBAB II"),
                         ("(1) Pengelolaan kinerja Pegawai ASN terdiri",
                          "(1) Pengelolaan kinerja Pegawai ASN, termasuk uraian tugas jabatan pelaksana, terdiri")]),
    "U4_undefined": (CLEAN, [("(2) Peta proses bisnis sebagaimana dimaksud pada ayat (1) ditetapkan oleh Bupati.",
                              "(2) Peta proses bisnis sebagaimana dimaksud pada ayat (1) ditetapkan oleh Pejabat "
                              "yang Berwenang.")]),
    # 3. konsiderans, Mengingat, diktum
    "K1_bahwa": (CLEAN, [("a. bahwa untuk mewujudkan", "a. untuk mewujudkan")]),
    "K1_case": (CLEAN, [("a. bahwa untuk mewujudkan", "a. Bahwa untuk mewujudkan")]),
    "K1_end": (CLEAN, [("penyesuaian sistem kerja;\n\nb.", "penyesuaian sistem kerja.\n\nb.")]),
    "K1_label": (CLEAN, [("c. bahwa berdasarkan", "d. bahwa berdasarkan")]),
    "K2": (CLEAN, [("perlu menetapkan Peraturan Bupati tentang Sistem", "menetapkan Peraturan Bupati tentang Sistem")]),
    "K2_wording": (CLEAN, [("perlu menetapkan Peraturan Bupati tentang Sistem", "perlu mengatur Sistem")]),
    "K2_title": (CLEAN, [("tentang Sistem Kerja Pegawai Aparatur Sipil Negara di Lingkungan Pemerintah Kabupaten "
                          "Sukamaju;", "tentang Sistem Kerja Pegawai di Lingkungan Pemerintah Kabupaten Sukamaju;")]),
    "K2_refs": (CLEAN, [("dimaksud dalam huruf a dan huruf b, perlu", "dimaksud dalam huruf a, perlu")]),
    "P1": (CLEAN, [("DENGAN RAHMAT TUHAN YANG MAHA ESA\n\n", "")]),
    "K3": (CLEAN, [("b. bahwa sesuai dengan Pasal 25 Peraturan Menteri",
                    "b. bahwa untuk melaksanakan ketentuan Pasal 25 Peraturan Menteri"),
                   ("Penyederhanaan Birokrasi, setiap instansi pemerintah mengatur penyesuaian sistem kerja;",
                    "Penyederhanaan Birokrasi;")]),
    "K1_double": (CLEAN, [("Penyederhanaan Birokrasi, setiap instansi pemerintah mengatur",
                           "Penyederhanaan Birokrasi, bahwa setiap instansi pemerintah mengatur")]),
    "K2_basis": (CLEAN, [("c. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu",
                          "c. bahwa perlu")]),
    "D1_title": (CLEAN, [("Menetapkan : PERATURAN BUPATI TENTANG SISTEM KERJA PEGAWAI APARATUR SIPIL NEGARA",
                          "Menetapkan : PERATURAN BUPATI TENTANG SISTEM KERJA PEGAWAI")]),
    "K4": (CLEAN, [("perlu menetapkan Peraturan Bupati", "perlu membentuk Peraturan Bupati")]),
    "M1_label": (CLEAN, [("4. Undang-Undang Nomor 20", "5. Undang-Undang Nomor 20")]),
    "M1_end": (CLEAN, [("Tahun 2022 Nomor 181);", "Tahun 2022 Nomor 181).")]),
    "M2": (CLEAN, [("1. Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;",
                    "1. Peraturan Daerah Kabupaten Sukamaju Nomor 1 Tahun 2010 tentang Pokok Pengelolaan Daerah "
                    "(Lembaran Daerah Kabupaten Sukamaju Tahun 2010 Nomor 1);")]),
    "M2_year": (CLEAN, [(UU20, "Undang-Undang Nomor 12 Tahun 2011 tentang Pembentukan Peraturan Perundang-undangan "
                               "(Lembaran Negara Republik Indonesia Tahun 2011 Nomor 82, Tambahan Lembaran Negara "
                               "Republik Indonesia Nomor 5234)")]),
    "M3": (CLEAN, [(" (Berita Negara Republik Indonesia Tahun 2022 Nomor 181)", "")]),
    # a draft's blank, left where the knowledge base holds no number: to be filled, an INFO
    "M3_isian": (CLEAN, [("(Lembaran Daerah Kabupaten Sukamaju Tahun 2016 Nomor 4)",
                          "(Lembaran Daerah Kabupaten Sukamaju Tahun 2016 Nomor ....)")]),
    "M3_nomor": (CLEAN, [("Tambahan Lembaran Negara Republik Indonesia Nomor 5587", "Tambahan Lembaran Negara "
                                                                              "Republik Indonesia 5587")]),
    "M3_form": (CLEAN, [("Tambahan Lembaran Negara Republik Indonesia Nomor 5587", "Tambahan Lembaran Negara "
                                                                             "No. 5587")]),
    "D1": (CLEAN, [("KABUPATEN SUKAMAJU.\n\nBAB I", "KABUPATEN SUKAMAJU\n\nBAB I")]),
    # 4. legal bases as knowledge
    "L1": (CLEAN, [(UU20, "Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara (Lembaran Negara Republik "
                          "Indonesia Tahun 2014 Nomor 6, Tambahan Lembaran Negara Republik Indonesia Nomor 5494)")]),
    "L2": (CLEAN, [(UU6_2023, "Undang-Undang Nomor 9 Tahun 2015 tentang Perubahan Kedua atas Undang-Undang Nomor 23 "
                              "Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2015 "
                              "Nomor 58, Tambahan Lembaran Negara Republik Indonesia Nomor 5679)")]),
    # the formation law cited without the act that formed another region out of it (UU 9/1965, Batang): an INFO
    "L2_info": (CLEAN, [(" sebagaimana telah diubah dengan Undang-Undang Nomor 9 Tahun 1965 tentang Pembentukan "
                         "Daerah Tingkat II Batang dengan mengubah Undang-Undang Nomor 13 Tahun 1950 tentang "
                         "Pembentukan Daerah-daerah Kabupaten dalam Lingkungan Propinsi Jawa Tengah (Lembaran Negara "
                         "Republik Indonesia Tahun 1965 Nomor 52, Tambahan Lembaran Negara Republik Indonesia Nomor "
                         "2757)", "")]),
    "M4_region": (CLEAN, [(FORMING, ""), ("3. Undang-Undang Nomor 23", "2. Undang-Undang Nomor 23"),
                          ("4. Undang-Undang Nomor 20", "3. Undang-Undang Nomor 20"),
                          ("5. Peraturan Pemerintah", "4. Peraturan Pemerintah"),
                          ("6. Peraturan Menteri", "5. Peraturan Menteri"),
                          ("7. Peraturan Daerah", "6. Peraturan Daerah")]),
    "M4_base": (CLEAN, [("4. " + UU20 + ";\n\n5. ", "4. "), ("6. Peraturan Menteri", "5. Peraturan Menteri"),
                        ("7. Peraturan Daerah", "6. Peraturan Daerah")]),
    "L3": (CLEAN, [("Tahun 2014 Nomor 244", "Tahun 2014 Nomor 245")]),
    # a fact with one source (UU 1/2022's LN: only the Bogor seed prints it) gives an INFO, never an error
    "L3_info": (CLEAN, [(UU6_2023, "Undang-Undang Nomor 1 Tahun 2022 tentang Hubungan Keuangan antara Pemerintah "
                                   "Pusat dan Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2022 "
                                   "Nomor 5, Tambahan Lembaran Negara Republik Indonesia Nomor 6757)")]),
    "L3_region": (CLEAN, [("(Lembaran Daerah Kabupaten Sukamaju Tahun 2016", "(Lembaran Daerah Kabupaten Sukamakmur "
                                                                         "Tahun 2016")]),
    # PP 41/2007 repealed by PP 18/2016: only PP 18/2016's own closing provision says so (one source: an INFO)
    "L1_info": (CLEAN, [("5. Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil",
                         "5. Peraturan Pemerintah Nomor 41 Tahun 2007 tentang Organisasi Perangkat Daerah"),
                        ("Tahun 2017 Nomor 63, Tambahan Lembaran Negara Republik Indonesia Nomor 6037",
                         "Tahun 2007 Nomor 89, Tambahan Lembaran Negara Republik Indonesia Nomor 4741")]),
    # UU 25/1992, repealed by UU 17/2012, which the Mahkamah Konstitusi struck (28/PUU-XI/2013): an INFO, no L1
    "L1_mk": (CLEAN, [(UU20, "Undang-Undang Nomor 25 Tahun 1992 tentang Perkoperasian (Lembaran Negara Republik "
                             "Indonesia Tahun 1992 Nomor 116, Tambahan Lembaran Negara Republik Indonesia Nomor "
                             "3502)")]),
    "L1_mk_act": (CLEAN, [(UU20, "Undang-Undang Nomor 17 Tahun 2012 tentang Perkoperasian (Lembaran Negara Republik "
                                 "Indonesia Tahun 2012 Nomor 212, Tambahan Lembaran Negara Republik Indonesia Nomor "
                                 "5355)")]),
    # currency: an act of 2022 citing UU 5/2014, which UU 20/2023 repealed after it
    "L4": (CLEAN, [(UU20, "Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara (Lembaran Negara Republik "
                          "Indonesia Tahun 2014 Nomor 6, Tambahan Lembaran Negara Republik Indonesia Nomor 5494)"),
                   ("TAHUN 2024", "TAHUN 2022"), ("2 Januari 2024", "2 Januari 2022")]),
    # 5. structure
    "J1": (CLEAN, [("NOMOR 5 TAHUN 2024\n\nTENTANG\n\n", "NOMOR 5 TAHUN 2024\n\n")]),
    "B1_first": (CLEAN, [("BAB I\n\nKETENTUAN UMUM", "BAB I\n\nPENGERTIAN")]),
    "B1_last": (CLEAN, [("BAB IV\n\nKETENTUAN PENUTUP", "BAB IV\n\nPENUTUP")]),
    "B3": (CLEAN, [("Pasal 5\n", "Pasal 6\n")]),
    "B3_lampiran": (CLEAN, [("Pejabat Fungsional dan pelaksana pada setiap Unit Organisasi berkedudukan di bawah "
                             "Pejabat Penilai Kinerja.",
                             "Penugasan dilakukan secara:\n\n1. Individu\n\n2. Tim Kerja\n\n1. Penunjukan\n\n"
                             "2. Pengajuan sukarela")]),
    "T1_berlaku": (CLEAN, [("Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.",
                            "Peraturan ini berlaku sejak diundangkan.")]),
    "T1_undang": (CLEAN, [("dengan penempatannya dalam Berita", "dengan menempatkannya dalam Berita")]),
    "T1_ditetapkan": (KEPUTUSAN, [("mulai berlaku pada tanggal ditetapkan", "mulai berlaku pada tanggal diundangkan")]),
    "T2_title": (CLEAN, [("ANDI PRASETYO\n\nDiundangkan", "Drs. ANDI PRASETYO, M.Si.\n\nDiundangkan")]),
    "T2_markup": (CLEAN, [("ANDI PRASETYO\n\nDiundangkan", "{{ nama_bupati }}\n\nDiundangkan")]),
    "T2_placeholder": (CLEAN, [("NOMOR 5 TAHUN 2024\n\nTENTANG", "NOMOR .... TAHUN 2024\n\nTENTANG")]),
    "R1_end": (CLEAN, [("ditetapkan oleh Bupati.\n", "ditetapkan oleh Bupati\n")]),
    "R1_item": (CLEAN, [("c. profesionalisme;", "c. profesionalisme,")]),
    "R1_empty": (CLEAN, [("(2) Peta proses bisnis sebagaimana dimaksud pada ayat (1) ditetapkan oleh Bupati.",
                          "(2) Peta proses bisnis sebagaimana dimaksud pada ayat (1) memuat hal sebagai berikut:")]),
    "R1_alt": (CLEAN, [("(1) Mekanisme Kerja dilaksanakan dengan prinsip:", "(1) Mekanisme Kerja dilaksanakan dengan "
                                                                         "salah satu prinsip:")]),
    "R1_last": (CLEAN, [("f. akuntabel.", "f. akuntabel")]),
    # 6. consistency
    "T3": (CLEAN, [("BUPATI SUKAMAJU,\n\nANDI", "WALI KOTA SUKAMAJU,\n\nANDI")]),
    "T3_daerah": (CLEAN, [("Daerah adalah Kabupaten Sukamaju.", "Daerah adalah Kabupaten Sukamakmur.")]),
    "C1": (AMEND, [("Beberapa ketentuan dalam Peraturan Bupati Nomor 1 Tahun 2024",
                    "Beberapa ketentuan dalam Peraturan Bupati Nomor 2 Tahun 2024")]),
    "C2": (CLEAN, [("(2) Peta proses bisnis sebagaimana dimaksud pada ayat (1) ditetapkan oleh Bupati.",
                    "(2) Peta proses bisnis sebagaimana dimaksud pada ayat (1) meliputi:\n\na. penetapan peta proses "
                    "bisnis oleh Bupati;\n\nb. penetapan peta proses bisnis oleh Sekretaris Daerah; dan\n\nc. "
                    "pemutakhiran setiap tahun.")]),
    "C3": (CLEAN, [("(2) Perangkat Daerah mengutamakan layanan administrasi pemerintahan berbasis elektronik melalui "
                    "pemanfaatan aplikasi SPBE.", "(2) Perangkat Daerah mengutamakan layanan administrasi pemerintahan "
                    "berbasis elektronik melalui pemanfaatan aplikasi SPBE.\n\n(3) Perangkat Daerah mengutamakan "
                    "layanan administrasi pemerintahan berbasis elektronik melalui pemanfaatan aplikasi SPBE.")]),
    "C4": (CLEAN, [("Pejabat Fungsional dan pelaksana pada setiap Unit Organisasi berkedudukan di bawah Pejabat "
                    "Penilai Kinerja.", "Pada struktur di atas, Pejabat Fungsional dan pelaksana pada setiap Unit "
                    "Organisasi berkedudukan di bawah Pejabat Penilai Kinerja.")]),
    # 7. sistem-kerja coverage: the topic is gone from the Pasal and from the list of components
    # a UU of 1950 promulgated in the Berita Negara, given a Lembaran Negara and a Tambahan to fill
    "M3_gazette": (CLEAN, [(FORMING.strip().rstrip(";"), "2. Undang-Undang Nomor 12 Tahun 1950 tentang Pembentukan "
                            "Daerah-daerah Kabupaten dalam Lingkungan Propinsi Djawa Timur (Lembaran Negara Republik "
                            "Indonesia Tahun 1950 Nomor ...., Tambahan Lembaran Negara Republik Indonesia "
                            "Nomor ....)")]),
    "S1": (CLEAN, [("(1) Pengelolaan kinerja Pegawai ASN terdiri atas perencanaan kinerja, pelaksanaan dan pemantauan "
                    "kinerja, penilaian kinerja, serta tindak lanjut hasil evaluasi kinerja.\n\n(2) ", ""),
                   ("e. pengelolaan kinerja; dan", "e. penilaian; dan"),
                   ("Pengelolaan Kinerja dan Teknologi Informasi", "Teknologi Informasi")]),
    # ... and the same gap in an act that carries PermenPAN-RB 7/2022 out by reference: an INFO, no warning
    "S1_rujukan": (CLEAN, [("(1) Pengelolaan kinerja Pegawai ASN terdiri atas perencanaan kinerja, pelaksanaan "
                            "dan pemantauan kinerja, penilaian kinerja, serta tindak lanjut hasil evaluasi "
                            "kinerja.\n\n(2) ", ""),
                           ("e. pengelolaan kinerja; dan", "e. penilaian; dan"),
                           ("Pengelolaan Kinerja dan Teknologi Informasi", "Teknologi Informasi"),
                           ("(1) Pejabat Fungsional dan pelaksana berkedudukan",
                            "(1) Sesuai dengan Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi "
                            "Birokrasi Nomor 7 Tahun 2022, Pejabat Fungsional dan pelaksana berkedudukan")]),
}


def _mutate(text: str, edits: list[tuple[str, str]]) -> str:
    for old, new in edits:
        assert old in text, f"mutation anchor missing: {old[:60]!r}"
        text = text.replace(old, new, 1)
    return text


def _rules_found(text: str, name: str = "uji.md") -> set[str]:
    return {f["rule"] for f in check(ingest_text(text, name))}


@pytest.fixture(scope="module")
def clean_rules() -> set[str]:
    return _rules_found(CLEAN) | _rules_found(AMEND, "uji.txt") - {"M3"} | _rules_found(KEPUTUSAN, "uji.txt")


def test_every_rule_of_the_table_has_a_mutation():
    assert set(MUTATIONS) == set(rules())


def test_every_rule_row_has_id_source_severity_message():
    for rule, row in rules().items():
        assert {"family", "source", "severity", "message"} <= set(row), rule
        assert row["severity"] in ("error", "warning", "info"), rule


@pytest.mark.parametrize("rule", sorted(MUTATIONS))
def test_rule_keeps_quiet_on_the_clean_act(rule, clean_rules):
    """Keeping: the clean act (and the clean amending act, for C1) gives no finding of ``rule``."""
    assert rule not in clean_rules


@pytest.mark.parametrize("rule", sorted(MUTATIONS))
def test_seeded_defect_is_caught(rule):
    """Breaking: the clean act with exactly this rule's defect seeded in is reported under ``rule``."""
    base, edits = MUTATIONS[rule]
    mutated = _mutate(base, edits)
    assert rule in _rules_found(mutated, "uji.txt" if base is AMEND or base is KEPUTUSAN else "uji.md")


def test_clean_act_is_entirely_clean():
    assert check(ingest_text(CLEAN, "uji.md")) == []


def test_amending_act_instructions_point_at_the_amended_act_not_dangling():
    """Pasal I's "Ketentuan ayat (2) Pasal 3 diubah" refers to the amended act: no X2, and no S1 either (an
    amendment need not restate the whole sistem kerja). Its only finding is real: UU 20/2023 without its Tambahan
    Lembaran Negara."""
    found = check(ingest_text(AMEND, "uji.txt"))
    assert [(f["rule"], f["cite"]) for f in found] == [("M3", "Mengingat angka 1")]


def test_perda_says_membentuk_and_is_not_asked_for_menetapkan():
    perda = (CLEAN.replace("PERATURAN BUPATI SUKAMAJU", "PERATURAN DAERAH KABUPATEN SUKAMAJU")
             .replace("perlu menetapkan Peraturan Bupati", "perlu membentuk Peraturan Daerah")
             .replace("PERATURAN BUPATI TENTANG", "PERATURAN DAERAH TENTANG")
             .replace("Peraturan Bupati ini", "Peraturan Daerah ini")
             .replace("dalam Berita Daerah Kabupaten", "dalam Lembaran Daerah Kabupaten"))
    found = check(ingest_text(perda, "perda.md"))
    assert not {"K2", "K4"} & {f["rule"] for f in found}
    wrong = perda.replace("perlu membentuk Peraturan Daerah", "perlu menetapkan Peraturan Daerah")
    assert "K4" in _rules_found(wrong)


def test_serial_comma_kept_and_two_items_need_none():
    ok = _mutate(CLEAN, [("secara berkala.\n", "secara berkala.\n\n(4) Laporan sebagaimana dimaksud pada ayat (1), "
                                               "ayat (2), dan ayat (3) disampaikan secara tertulis.\n")])
    assert "X1_serial" not in _rules_found(ok)
    assert "X1_serial" not in _rules_found(CLEAN)  # "huruf a dan huruf b" has two items


def test_kedudukan_in_other_words_is_covered():
    """S1 counts a topic wherever it is regulated: here kedudukan is stated only in the Lampiran, in words the
    model's precise cues do not catch; no false error."""
    moved = _mutate(CLEAN, [("(1) Pejabat Fungsional dan pelaksana berkedudukan di bawah dan bertanggung jawab "
                             "secara langsung kepada Pejabat Penilai Kinerja.", "(1) Pejabat Fungsional dan "
                             "pelaksana ditempatkan pada Unit Organisasi.")])
    assert "S1" not in _rules_found(moved)


def test_s1_only_for_sistem_kerja_acts():
    other = CLEAN.replace("SISTEM KERJA PEGAWAI APARATUR SIPIL NEGARA", "PENGELOLAAN ARSIP").replace(
        "Sistem Kerja Pegawai Aparatur Sipil Negara", "Pengelolaan Arsip")
    other = _mutate(other, MUTATIONS["S1"][1])
    assert "S1" not in _rules_found(other)


def test_replaced_base_is_fine_before_its_replacement():
    """UU 5/2014 is a right base for an act of 2022 (UU 20/2023 did not exist yet)."""
    early = _mutate(CLEAN, MUTATIONS["L1"][1]).replace("TAHUN 2024", "TAHUN 2022").replace(
        "2 Januari 2024", "2 Januari 2022").replace(UU6_2023, "Undang-Undang Nomor 1 Tahun 2022 tentang Hubungan "
                                                              "Keuangan antara Pemerintah Pusat dan Pemerintahan "
                                                              "Daerah (Lembaran Negara Republik Indonesia Tahun 2022 "
                                                              "Nomor 4, Tambahan Lembaran Negara Republik Indonesia "
                                                              "Nomor 6757)")
    found = _rules_found(early)
    assert "L1" not in found and "L2" not in found


def test_walikota_spelled_as_one_word_is_the_same_jenis():
    """"Peraturan Walikota ini" is the act's own jenis spelled the older way: no T1 or U1 finding for it."""
    kota = (CLEAN.replace("BUPATI SUKAMAJU", "WALI KOTA SUKAMAJU").replace("PERATURAN BUPATI", "PERATURAN WALI KOTA")
            .replace("Peraturan Bupati", "Peraturan Walikota").replace("Bupati", "Wali Kota")
            .replace("Kabupaten", "Kota").replace("KABUPATEN", "KOTA"))
    found = _rules_found(kota)
    assert not {"T1_berlaku", "T1_undang", "U1_intro"} & found


def _findings(text: str, rule: str) -> list[tuple[str, str]]:
    return [(f["cite"], f["message"]) for f in check(ingest_text(text, "uji.md")) if f["rule"] == rule]


_JABATAN = ("dan komunikasi.\n\nBAB II", "dan komunikasi.\n\n10. Jabatan Pelaksana adalah sekelompok jabatan "
                                           "pelayanan publik dan administrasi pemerintahan.\n\nBAB II")
_USE = ("(1) Pengelolaan kinerja Pegawai ASN terdiri", "(1) Pengelolaan kinerja Pegawai ASN, termasuk uraian tugas "
                                                      "{}, terdiri")


def test_a_term_met_only_in_lower_case_words_is_u2_lower_not_never_used():
    """Breaking: "Jabatan Pelaksana" is defined, the body says only "jabatan pelaksana": the term is used without
    its capitals (U2_lower), not "never used" (U5, a misleading diagnosis); defined and not met at all: U5.
    Keeping: the body uses the term with its capitals (or with wrong capitals, which is U2's business)."""
    lower = _mutate(CLEAN, [_JABATAN, (_USE[0], _USE[1].format("jabatan pelaksana"))])
    assert _findings(lower, "U5") == []
    assert [c for c, _ in _findings(lower, "U2_lower")] == ["Pasal 1 angka 10"]
    assert [c for c, _ in _findings(_mutate(CLEAN, [_JABATAN]), "U5")] == ["Pasal 1 angka 10"]
    for used in ("Jabatan Pelaksana", "Jabatan pelaksana"):
        assert _findings(_mutate(CLEAN, [_JABATAN, (_USE[0], _USE[1].format(used))]), "U5") == []


@pytest.mark.parametrize(("old", "new", "written", "cite"), [
    ("(1) Pengelolaan kinerja Pegawai ASN terdiri", "(1) Pengelolaan kinerja pegawai ASN terdiri", "pegawai ASN",
     "Pasal 6"),
    ("Pejabat Fungsional adalah Pegawai ASN yang", "Pejabat Fungsional adalah pegawai ASN yang", "pegawai ASN",
     "Pasal 1 angka 6"),
    ("sesuai dengan Mekanisme Kerja sebagaimana", "sesuai dengan mekanisme Kerja sebagaimana", "mekanisme Kerja",
     "Pasal 4"),
])
def test_u2_a_lower_case_first_word_before_capitals_is_the_term_misspelt(old, new, written, cite):
    """Breaking: "pegawai ASN" for the defined "Pegawai ASN", in the body and inside another definition of Pasal 1;
    keeping: the same words all in lower case are ordinary usage."""
    found = _findings(_mutate(CLEAN, [(old, new)]), "U2")
    assert len(found) == 1 and found[0][0] == cite and f'ditulis "{written}"' in found[0][1], found
    assert _findings(_mutate(CLEAN, [(old, new.replace(written, written.lower()))]), "U2") == []


#: rows other sessions keep (the knowledge base's L-rules, the kinds' gazette rules, sistem-kerja bases)
OTHERS = {"M3_isian", "L1", "L1_info", "L1_mk", "L1_mk_act", "L2", "L2_info", "L3", "L3_info", "L3_region", "L4",
          "M4_region", "M4_base", "T1_undang", "T1_ditetapkan"}


def test_every_rule_cites_its_provision_and_justifies_its_severity():
    """Each row names the provision it enforces (UU 12/2011 Lampiran II angka ..., Permendagri 80/2015, PermenPAN-RB
    7/2022, UU 12/2011 Pasal ...) and says why its severity is what it is; the MUTATIONS above are its true and false
    examples."""
    for rule, row in rules().items():
        if rule in OTHERS:
            continue
        assert any(s in row["source"] for s in ("Lampiran II angka", "Permendagri 80/2015", "PermenPAN-RB 7/2022",
                                                "UU 12/2011 Pasal")), rule
        assert str(row.get("why", "")).startswith(row["severity"]), rule


def test_an_acting_signer_of_the_wrong_kind_of_region_is_caught_too():
    """T3 on the signer: "Pj. WALI KOTA SUKAMAJU," under a Peraturan Bupati is the wrong head as much as "WALI KOTA
    SUKAMAJU," is (the mark of an acting head hid the line, which is not all capitals); "Pj. BUPATI SUKAMAJU," is
    right."""
    wrong = _mutate(CLEAN, [("BUPATI SUKAMAJU,\n\nANDI", "Pj. WALI KOTA SUKAMAJU,\n\nANDI")])
    assert any(f["rule"] == "T3" and "Pj. WALI KOTA" in f["message"] for f in check(ingest_text(wrong, "uji.md")))
    right = _mutate(CLEAN, [("BUPATI SUKAMAJU,\n\nANDI", "Pj. BUPATI SUKAMAJU,\n\nANDI")])
    assert "T3" not in _rules_found(right, "uji.md")


def _heaped(text: str, pasal_lines: list[str]) -> str:
    """The ayat of one Pasal as a two-column page extracted badly prints them: every label in a heap before the
    first text, then the texts run together ("(1) (2) (3) Penugasan ... sukarela. Pelaksanaan ...")."""
    labels = " ".join(line.split(" ", 1)[0] for line in pasal_lines)
    joined = labels + " " + " ".join(line.split(" ", 1)[1] for line in pasal_lines)
    return text.replace("\n\n".join(pasal_lines), joined)


def test_ayat_labels_read_in_a_heap_make_references_a_doubt_not_an_error():
    """UU 28/2022's copy prints "(7) (8) (9) (10) (11) (1) Pendapatan ...": the reading loses those ayat, and 55
    references to them were GALAT X2 on an act that has them. Two such heaps mark the reading as damaged: its
    findings are PERINGATAN naming the heaps. One heap alone is not enough."""
    pasal4 = [line for line in CLEAN.split("\n\n") if line.startswith(("(1) Penugasan Pejabat", "(2) Pelaksanaan tugas",
                                                                      "(3) Penugasan sebagaimana"))]
    pasal5 = [line for line in CLEAN.split("\n\n") if line.startswith(("(1) Pejabat Fungsional dan pelaksana yang",
                                                                      "(2) Pejabat Fungsional dan pelaksana yang",
                                                                      "(3) Pejabat Fungsional dan pelaksana yang"))]
    assert len(pasal4) == 3 and len(pasal5) == 3
    one = _heaped(CLEAN, pasal4)
    found = check(ingest_text(one, "uji.md"))
    assert any(f["rule"] == "X2" for f in found) and not any("bertumpuk" in f["message"] for f in found)
    two = _heaped(one, pasal5)
    found = check(ingest_text(two, "uji.md"))
    x2 = [f for f in found if f["rule"] == "X2"]
    assert x2 and all(f["severity"] == "info" and "bertumpuk" in f["message"] for f in x2)
    assert not [f for f in found if f["severity"] == "error"]

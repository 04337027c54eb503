"""Topics found where the act regulates them, whatever its words: a Bagian named for the topic whose Pasal opens
with it; never in an amending act's instructions ("Ketentuan Pasal 8 diubah ..."); and a role word inside a longer
name ("Unit Pelaksana Teknis Daerah") is not that role."""

from __future__ import annotations

from texts import perbup

from rancang.ingest import ingest_text
from rancang.model import build

KEDUDUKAN = perbup("""BAB II
MEKANISME KERJA
Bagian Kesatu
Umum
Pasal 6
Mekanisme kerja terdiri atas:
a. kedudukan; dan
b. penugasan.
Bagian Kedua
Kedudukan
Pasal 7
(1) Kedudukan sebagaimana dimaksud dalam Pasal 6 huruf a ditetapkan bagi setiap Pejabat Fungsional dan \
Pejabat Pelaksana dalam peta jabatan.
(2) Penetapan sebagaimana dimaksud pada ayat (1) dilakukan oleh Pejabat Pembina Kepegawaian.
Pasal 8
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""")


def test_kedudukan_under_its_bagian_is_found():
    m = build(ingest_text(KEDUDUKAN, "contoh.txt"))
    assert m["topics"]["kedudukan"]["cite"] == "Pasal 7 ayat (1)"


AMENDMENT = """PERATURAN GUBERNUR CONTOH
NOMOR 9 TAHUN 2025
TENTANG
PERUBAHAN ATAS PERATURAN GUBERNUR NOMOR 3 TAHUN 2024 TENTANG SISTEM KERJA
GUBERNUR CONTOH,
MEMUTUSKAN:
Menetapkan : PERATURAN GUBERNUR TENTANG PERUBAHAN ATAS PERATURAN GUBERNUR NOMOR 3 TAHUN 2024 TENTANG SISTEM KERJA.
Pasal I
Beberapa ketentuan dalam Peraturan Gubernur Nomor 3 Tahun 2024 tentang Sistem Kerja diubah sebagai berikut:
1. Ketentuan Pasal 9 diubah dengan menambahkan pelaksanaan tugas lintas instansi yang meliputi koordinasi, \
sehingga Pasal 9 berbunyi sebagai berikut:
Pasal 9
Pejabat Fungsional melaksanakan tugas dalam tim kerja.
2. Di antara Pasal 9 dan Pasal 10 disisipkan 1 (satu) Pasal, yakni Pasal 9A yang mengatur ketua tim yang \
melaporkan hasil kerja kepada Pejabat Penilai Kinerja, sehingga berbunyi sebagai berikut:
Pasal 9A
Ketua tim melaporkan hasil kerja kepada Pejabat Penilai Kinerja.
Pasal II
Peraturan Gubernur ini mulai berlaku pada tanggal diundangkan.
"""


def test_amendment_instructions_are_never_topics():
    topics = build(ingest_text(AMENDMENT, "perubahan.txt"))["topics"]
    # the instruction mentions "pelaksanaan tugas lintas ... meliputi", the amended Pasal 9 does not
    assert topics["lingkup_pelaksanaan_tugas"] is None
    # the inserted Pasal 9A regulates it; the instruction that inserts it does not
    assert topics["pertanggungjawaban_ketua_tim"]["cite"] == "Pasal I angka 2: Pasal 9A"
    assert not any(t and t["cite"] in ("Pasal I", "Pasal I angka 1", "Pasal I angka 2") for t in topics.values())


UPT = perbup("""Pasal 1
Kepala Unit Pelaksana Teknis Daerah menyampaikan laporan kepada Kepala Dinas.
Pasal 2
Pejabat Pelaksana melaksanakan tugas pelayanan.
Pasal 3
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""")


def test_pelaksana_inside_unit_pelaksana_teknis_is_not_the_pejabat_pelaksana():
    roles = {r["id"]: r for r in build(ingest_text(UPT, "contoh.txt"))["roles"]}
    assert roles["pejabat_pelaksana"]["mentions"] == 1
    assert roles["pejabat_pelaksana"]["cite"] == "Pasal 2"


INDIVIDU = perbup("""Pasal 1
Setiap ASN melaporkan hasil pelaksanaan tugasnya kepada atasan langsung secara berkala.
Pasal 2
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""")


def test_individual_reporting_in_other_words_is_found():
    assert build(ingest_text(INDIVIDU, "contoh.txt"))["topics"]["pertanggungjawaban_individu"]["cite"] == "Pasal 1"


LAPORAN = perbup("""Pasal 1
Setiap Pegawai ASN menyampaikan laporan pelaksanaan tugasnya kepada atasan langsung secara berkala.
Pasal 2
Pejabat Penilai Kinerja mengelola kinerja Pejabat Fungsional melalui perencanaan kinerja, pemantauan kinerja, \
dan penilaian kinerja.
Pasal 3
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""")


def test_topics_are_found_by_the_meaning_of_their_words_not_the_permen_s_wording():
    """No "melaporkan" and no "pengelolaan kinerja" in the text: "menyampaikan laporan" is reporting and
    "mengelola kinerja" is pengelolaan kinerja (the same stems, spaCy's PhraseMatcher over Sastrawi stems)."""
    topics = build(ingest_text(LAPORAN, "contoh.txt"))["topics"]
    assert topics["pertanggungjawaban_individu"]["cite"] == "Pasal 1"
    assert topics["pengelolaan_kinerja"]["cite"] == "Pasal 2"
    assert topics["pertanggungjawaban_ketua_tim"] is None and topics["kedudukan"] is None


def test_phrases_match_word_families_and_whole_words_only():
    from rancang.meaning import Phrases

    p = Phrases({"lapor": ["melaporkan"], "sistem_kerja": ["sistem kerja"], "tugas": ["penugasan"]})
    assert p.hits("hasilnya dilaporkan kepada atasan") == {"lapor"}
    assert p.hits("Pejabat Fungsional yang ditugaskan") == {"tugas"}
    # "kinerja" is no form of "kerja" (rancang/data/stems.json), and a word is matched whole
    assert p.hits("sistem kinerja organisasi") == set()
    assert Phrases({"asn": ["setiap ASN"]}).hits("setiap pasangan") == set()


KETUA = perbup("""Pasal 1
(1) Ketua tim kerja menyampaikan laporan kepada Kepala Perangkat Daerah.
(2) Laporan sebagaimana dimaksud pada ayat (1) disampaikan paling lambat tanggal 5 setiap bulan.
Pasal 2
Penugasan Pegawai dilaksanakan melalui penunjukan yang terdiri atas penunjukan dalam unit organisasi dan \
penunjukan lintas unit organisasi, dan Pegawai melaksanakan tugas sesuai surat perintah.
Pasal 3
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""")


def test_a_team_leader_s_report_in_other_words_is_found_and_a_verb_is_not_a_topic_s_name():
    """"Ketua tim kerja menyampaikan laporan" is the ketua tim's accountability; "Pegawai melaksanakan tugas" in a
    clause on penunjukan lintas unit is no "pelaksanaan tugas ... lintas" scope (that cue is read exactly)."""
    topics = build(ingest_text(KETUA, "contoh.txt"))["topics"]
    assert topics["pertanggungjawaban_ketua_tim"]["cite"] == "Pasal 1 ayat (1)"
    assert topics["lingkup_pelaksanaan_tugas"] is None
    assert topics["pertanggungjawaban_individu"] is None


def test_every_meaning_cue_of_the_catalogue_finds_its_own_words_and_its_word_family():
    """Each phrase under ``find.meaning`` (rancang/data/topics.json) is found in its own text and, where its
    first word has a stem of its own, in another form of it ("melaporkan" -> "dilaporkan")."""
    from rancang import topics
    from rancang.meaning import Phrases

    for key, rule in topics.find_cues().items():
        for i, group in enumerate(rule.get("meaning") or []):
            p = Phrases({f"{key}|{i}": group})
            for phrase in group:
                assert p.hits(phrase) == {f"{key}|{i}"}, (key, phrase)
    p = Phrases({"lapor": topics.find_cues()["pertanggungjawaban_individu"]["meaning"][1]})
    assert p.hits("hasilnya dilaporkan") == {"lapor"}


OTHER_WORDS = perbup("""Pasal 2
Sistem kerja Pegawai ASN berprinsip akuntabilitas dan kolaborasi.
Pasal 3
Pejabat Fungsional ditugaskan dengan cara ditunjuk langsung oleh Pimpinan Unit Organisasi atau atas permintaan \
sendiri secara sukarela.
Pasal 4
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""")


def test_principles_and_forms_of_assignment_in_other_words():
    """"berprinsip akuntabilitas dan kolaborasi" is the Permen's "prinsip ... akuntabel ... kolaboratif";
    "ditunjuk langsung ... atau ... secara sukarela" its "melalui penunjukan dan pengajuan sukarela"."""
    topics = build(ingest_text(OTHER_WORDS, "contoh.txt"))["topics"]
    assert topics["prinsip_mekanisme_kerja"]["cite"] == "Pasal 2"
    assert topics["bentuk_penugasan"]["cite"] == "Pasal 3"

"""Duty lists of a Lampiran (and of a Pasal) read as the duties of the role their intro names, one per item, each
cited by its own path; kedudukan statements and definitions are not duties."""

from __future__ import annotations

import pytest
from texts import perbup

from rancang.ingest import ingest_text
from rancang.model import build
from rancang.model.duties import owners
from rancang.model.pipeline import cues

TEXT = perbup("""Pasal 1
Dalam Peraturan Bupati ini yang dimaksud dengan:
1. Pejabat Penilai Kinerja adalah atasan langsung yang bertanggung jawab menilai kinerja pegawai.
Pasal 2
Pejabat Fungsional berkedudukan di bawah dan bertanggung jawab secara langsung kepada Pejabat Administrator.
Pasal 3
Ketua Tim merupakan Pejabat Fungsional yang bertanggung jawab memimpin tim kerja.
Pasal 4
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""", lampiran="""A. TANGGUNG JAWAB DALAM TIM KERJA
1) Pimpinan Unit Organisasi bertanggungjawab, untuk:
a) menyusun dan menetapkan rencana kegiatan unit organisasi;
b) menetapkan penugasan tim kerja; dan
c) memantau capaian kinerja unit organisasi.
2) Pejabat Penilai Kinerja bertanggung jawab atas:
a) penilaian kinerja pegawai yang dinilai;
b) pemberian umpan balik kepada pegawai.
3) Tugas Ketua Tim meliputi:
a) menyusun rincian kegiatan tim;
b) membagi peran anggota tim.
4) Penanggung jawab tim mempunyai tugas:
1. menetapkan sasaran tim;
2. menyetujui rencana kerja tim.
5) Pejabat Pelaksana berkedudukan di bawah Pejabat Pengawas.
""")


@pytest.fixture(scope="module")
def roles():
    return {r["id"]: r for r in build(ingest_text(TEXT, "contoh.txt"))["roles"]}


def test_bertanggungjawab_untuk_gives_one_duty_per_item(roles):
    assert [(d["cite"], d["text"]) for d in roles["pimpinan_unit_organisasi"]["duties"]] == [
        ("Lampiran huruf A angka 1 huruf a", "menyusun dan menetapkan rencana kegiatan unit organisasi;"),
        ("Lampiran huruf A angka 1 huruf b", "menetapkan penugasan tim kerja; dan"),
        ("Lampiran huruf A angka 1 huruf c", "memantau capaian kinerja unit organisasi.")]


def test_the_pejabat_penilai_kinerja_gets_its_duties_and_not_its_definition(roles):
    assert [d["cite"] for d in roles["pejabat_penilai_kinerja"]["duties"]] == [
        "Lampiran huruf A angka 2 huruf a", "Lampiran huruf A angka 2 huruf b"]


def test_tugas_x_meliputi_and_x_mempunyai_tugas_and_not_a_definition(roles):
    # "Ketua Tim merupakan Pejabat Fungsional yang bertanggung jawab ..." (Pasal 3) defines, it lists no duty
    assert [d["text"] for d in roles["ketua_tim"]["duties"]] == ["menyusun rincian kegiatan tim;",
                                                                 "membagi peran anggota tim."]
    assert [d["cite"] for d in roles["penanggung_jawab_tim"]["duties"]] == [
        "Lampiran huruf A angka 4 angka 1", "Lampiran huruf A angka 4 angka 2"]


def test_a_kedudukan_is_not_a_duty(roles):
    assert roles["pejabat_fungsional"]["duties"] == []
    assert roles["pejabat_pelaksana"]["duties"] == []


@pytest.mark.parametrize("intro, want", [
    ("a. Peran dan tanggung jawab Pimpinan Unit Organisasi sekaligus Pejabat Penilai Kinerja, meliputi:",
     ["pimpinan_unit_organisasi", "pejabat_penilai_kinerja"]),
    ("d. Tanggung jawab anggota tim meliputi :", ["anggota_tim"]),
    ("Setiap Ketua Tim bertanggung jawab untuk:", ["ketua_tim"]),
    ("2. Adapun tugas Ketua Tim Kerja yaitu:", ["ketua_tim"]),  # a discourse word before the duty's name
    # a section heading, a scope list and a sentence are not duty lists
    ("A. Tanggung jawab dalam tim kerja", []),
    ("Pelaksanaan tugas Pejabat Fungsional dan Pejabat Pelaksana terdiri atas:", []),
    ("Ketua Tim bertanggung jawab kepada Pimpinan Unit Organisasi.", []),
    ("Jabatan Pimpinan Tinggi mempunyai tugas mengoordinasikan perencanaan.", []),
])
def test_duty_list_intros(intro, want):
    assert owners(intro, cues()) == want


def test_a_page_number_between_the_items_is_no_duty():
    """A printed page number read into the list ("17" alone between two items) is no duty of anyone."""
    text = perbup("Pasal 1\nPeraturan Bupati ini mulai berlaku pada tanggal diundangkan.\n", lampiran="""A. PERAN
1) Tanggung jawab anggota tim, meliputi:
a) melaksanakan tugas sesuai perannya;
17
b) melaporkan hasil kerja kepada ketua tim.
B. PENUTUP
""")
    m = build(ingest_text(text, "contoh.txt"))
    duties = [d["text"] for r in m["roles"] if r["id"] == "anggota_tim" for d in r["duties"]]
    assert duties and all(any(ch.isalpha() for ch in d) for d in duties), duties
    assert any(d.startswith("melaksanakan tugas") for d in duties)


def test_sub_items_detail_their_duty_and_are_no_duties_of_their_own():
    """One duty per item of the list: "a) menyusun rincian kegiatan tim, dengan tahapan: 1) ... 2) ..." is one duty,
    its tahapan are its details."""
    text = perbup("Pasal 1\nPeraturan Bupati ini mulai berlaku pada tanggal diundangkan.\n", lampiran="""A. PERAN
1) Tugas Ketua Tim meliputi:
a) menyusun rincian kegiatan tim, dengan tahapan:
1. pengumpulan data kegiatan;
2. penetapan jadwal kegiatan;
b) membagi peran anggota tim.
B. PENUTUP
""")
    m = build(ingest_text(text, "contoh.txt"))
    duties = [d["text"] for r in m["roles"] if r["id"] == "ketua_tim" for d in r["duties"]]
    assert [d.split(",")[0].rstrip(".;") for d in duties] == ["menyusun rincian kegiatan tim",
                                                             "membagi peran anggota tim"]


def test_a_list_of_functions_is_no_list_of_duties():
    """"Peran tim ... meliputi: 1. dukungan pembinaan ..." lists the team's functions, told as nouns (fungsi, not
    tugas); an item told as a verb under such an intro is still a duty, and "bertanggung jawab atas: a) penilaian
    ..." keeps its nominal items (the first test's text)."""
    text = perbup("Pasal 1\nPeraturan Bupati ini mulai berlaku pada tanggal diundangkan.\n", lampiran="""A. PERAN
1) Peran tim transformasi manajemen dalam pelaksanaan sistem kerja, meliputi:
a) dukungan pembinaan strategi organisasi; dan
b) penguatan kolaborasi antar Unit Organisasi.
2) Peran Ketua Tim meliputi:
a) memimpin pelaksanaan kegiatan tim; dan
b) pengendalian mutu hasil kerja tim.
B. PENUTUP
""")
    roles = {r["id"]: r for r in build(ingest_text(text, "contoh.txt"))["roles"]}
    assert roles.get("tim_transformasi_manajemen", {"duties": []})["duties"] == []
    assert [d["text"] for d in roles["ketua_tim"]["duties"]] == ["memimpin pelaksanaan kegiatan tim; dan"]


def test_nominal_items_of_a_tanggung_jawab_list_stay_duties(roles):
    assert [d["text"] for d in roles["pejabat_penilai_kinerja"]["duties"]] == [
        "penilaian kinerja pegawai yang dinilai;", "pemberian umpan balik kepada pegawai."]


def test_the_text_after_a_closed_list_is_no_duty():
    """A list's last item ends with a period; the paragraph after it ("Apabila terdapat kendala ..., Tim Kerja
    menyampaikan ...") is the act's own text, not one more duty of the list's role."""
    text = perbup("Pasal 1\nPeraturan Bupati ini mulai berlaku pada tanggal diundangkan.\n", lampiran="""C. TIM KERJA
1) Tanggung jawab anggota tim, meliputi:
a) melaksanakan tugas sesuai pembagian peran; dan
b) melaporkan pelaksanaan tugas kepada Ketua Tim.

Apabila terdapat kendala dalam pelaksanaan kegiatan, Tim Kerja menyampaikan permasalahan kepada Pimpinan Unit \
Organisasi.
""")
    roles = {r["id"]: r for r in build(ingest_text(text, "contoh.txt"))["roles"]}
    assert [d["text"].split()[0] for d in roles["anggota_tim"]["duties"]] == ["melaksanakan", "melaporkan"]

"""A step's document typed by what the step does: a request carries the permohonan, a refusal "dengan alasan" the
reply (with its reasons), an instruction the instruksi/disposisi, an assignment the surat tugas / penugasan it
names; a letter's list of contents ("... memuat antara lain:") belongs to the letter, never a step of its own."""

from __future__ import annotations

import pytest
from texts import perbup

from rancang.ingest import ingest_text
from rancang.model import build

TEXT = perbup("""Pasal 1
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""", lampiran="""A. MEKANISME PENUGASAN
1. Mekanisme penunjukan lintas unit organisasi
a. Pimpinan Unit Organisasi pemilik kinerja mengirimkan surat permohonan pelibatan kepada Pimpinan Unit \
Organisasi dituju yang memuat antara lain:
1) nama kegiatan;
2) jangka waktu pelibatan.
b. apabila Pimpinan Unit Organisasi dituju tidak menyetujui permohonan, maka Pimpinan Unit Organisasi dituju \
menjawab surat permohonan pelibatan tersebut dengan alasan penolakan;
c. apabila Pimpinan Unit Organisasi dituju menyetujui, maka Pimpinan Unit Organisasi dituju menginstruksikan \
Pejabat Penilai Kinerja untuk menugaskan Pejabat Fungsional sesuai surat permohonan pelibatan;
d. berdasarkan surat jawaban tersebut, Pejabat Penilai Kinerja menugaskan Pejabat Fungsional untuk \
melaksanakan kegiatan;
e. Pejabat Penilai Kinerja menetapkan penugasan atas usulan Pimpinan Unit Organisasi dengan memberikan surat \
tugas atau disposisi;
f. apabila Pejabat Penilai Kinerja menyetujui, maka Pejabat Penilai Kinerja menugaskan Pejabat Fungsional \
untuk melaksanakan kegiatan tertentu;
g. Pejabat Fungsional menerima surat penugasan.
""")


@pytest.fixture(scope="module")
def model():
    return build(ingest_text(TEXT, "contoh.txt"))


def test_each_step_carries_the_document_of_what_it_does(model):
    (proc,) = model["procedures"]
    assert [(" ".join(s["cite"].split()[-2:]), s["document"]) for s in proc["steps"]] == [
        ("huruf a", "surat_permohonan_pelibatan"),  # mengirimkan surat permohonan
        ("huruf b", "surat_jawaban"),  # menjawab the request dengan alasan: the reply, not the request
        ("huruf c", "instruksi_disposisi"),  # menginstruksikan, though it names the request it rests on
        ("huruf d", "surat_penugasan"),  # menugaskan on the basis of the surat jawaban
        ("huruf e", "surat_tugas"),  # menetapkan penugasan ... dengan memberikan surat tugas atau disposisi
        ("huruf f", None),  # menugaskan, no letter named: none asserted
        ("huruf g", "surat_penugasan")]


def test_the_contents_of_a_letter_are_the_letters_not_steps(model):
    (proc,) = model["procedures"]
    assert all(s["actor"] for s in proc["steps"])
    docs = {d["id"]: d for d in model["documents"]}
    assert [(c["cite"], c["text"]) for c in docs["surat_permohonan_pelibatan"]["contents"]] == [
        ("Lampiran huruf A angka 1 huruf a angka 1", "nama kegiatan"),
        ("Lampiran huruf A angka 1 huruf a angka 2", "jangka waktu pelibatan")]


def test_the_reasons_of_a_refusal_are_in_the_reply(model):
    docs = {d["id"]: d for d in model["documents"]}
    assert [c["text"] for c in docs["surat_jawaban"]["contents"]] == ["dengan alasan penolakan"]
    assert docs["instruksi_disposisi"]["name"] == "Instruksi atau disposisi"


WORDED = perbup("""Pasal 1
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""", lampiran="""A. MEKANISME PENUGASAN
1. Mekanisme penunjukan lintas Perangkat Daerah
a. Kepala Perangkat Daerah yang dituju menginstruksikan Pimpinan Unit Organisasi untuk menelaah ketersediaan \
pegawai;
b. Dalam hal permohonan tidak dapat dipenuhi, Kepala Perangkat Daerah yang dituju memberikan jawaban penolakan \
beserta alasannya;
c. Dalam hal permohonan dapat dipenuhi, Kepala Perangkat Daerah yang dituju menugaskan Pejabat Fungsional;
d. Kepala Perangkat Daerah yang dituju memerintahkan Pimpinan Unit Organisasi untuk menyiapkan Pejabat Fungsional.
2. Mekanisme pengajuan sukarela dalam Unit Organisasi
a. Pejabat Fungsional mengajukan permohonan untuk terlibat dalam kegiatan tertentu kepada Pimpinan Unit \
Organisasi;
b. Pejabat Pelaksana menyampaikan keinginannya secara lisan kepada Pimpinan Unit Organisasi.
3. Mekanisme pengajuan sukarela lintas Perangkat Daerah
a. Pejabat Fungsional memohon untuk dilibatkan kepada Kepala Perangkat Daerah yang dituju;
b. Apabila permohonan ditolak, Kepala Perangkat Daerah yang dituju memberitahukan penolakan dengan menyebutkan \
alasannya.
""")


@pytest.fixture(scope="module")
def worded():
    procedures = build(ingest_text(WORDED, "contoh.txt"))["procedures"]
    return {s["cite"].replace("Lampiran huruf A ", ""): s for p in procedures for s in p["steps"]}


@pytest.mark.parametrize("cite, document", [
    ("angka 1 huruf a", "instruksi_disposisi"),  # to instruct is to give an instruksi, though no letter is named
    ("angka 1 huruf b", "surat_jawaban"),  # "memberikan jawaban penolakan beserta alasannya": the answer
    ("angka 1 huruf c", None),  # menugaskan, no letter named: none asserted
    ("angka 1 huruf d", "instruksi_disposisi"),  # to order is to instruct
    ("angka 2 huruf a", "surat_permohonan_pelibatan"),  # the employee's own request is a permohonan
    ("angka 2 huruf b", None),  # a wish told "secara lisan" is no letter
    ("angka 3 huruf a", "surat_permohonan_pelibatan"),  # "memohon untuk dilibatkan"
    ("angka 3 huruf b", "surat_jawaban"),  # a refusal told with its reasons, whatever the verb: the reply
])
def test_documents_by_word_family(worded, cite, document):
    assert worded[cite]["document"] == document


@pytest.mark.parametrize("cite, branch", [
    ("angka 1 huruf b", "tolak"),  # "tidak dapat dipenuhi"
    ("angka 1 huruf c", "setuju"),  # "dapat dipenuhi" (memenuhi, terpenuhi: one family)
    ("angka 3 huruf b", "tolak"),  # "ditolak"
])
def test_branches_by_word_family(worded, cite, branch):
    assert worded[cite]["branch"] == branch

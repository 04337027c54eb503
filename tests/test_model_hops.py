"""Each move of a step's letter, in sequence, with its addressee and tembusan and their sides (issue 29 item 3):
texts written for each kind — a two-actor step (PUO dituju → pejabat yang berwenang → Kepala Perangkat Daerah
pemohon), tembusan with their sides, an instruction's object as its addressee, co-subjects as one actor, a letter
drafted by one official and signed by another, "bersangkutan" as the actor's own side."""

from __future__ import annotations

from texts import perbup

from rancang.ingest import ingest_text
from rancang.model import build

LINTAS_PD = perbup("""Pasal 1
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""", lampiran="""A. PENUGASAN
1. Penunjukan
a. Mekanisme penunjukan yang bersifat lintas Perangkat Daerah
Penunjukan lintas Perangkat Daerah dilakukan dengan tahapan sebagai berikut:
1) Kepala Perangkat Daerah pemohon mengirimkan surat permohonan pelibatan kepada pejabat yang berwenang dengan \
tembusan Pimpinan Unit Organisasi yang dituju;
2) apabila pejabat yang berwenang menyetujui permohonan tersebut, pejabat yang berwenang menginstruksikan \
Pimpinan Unit Organisasi yang dituju untuk menugaskan pegawai yang sesuai dengan kriteria;
3) apabila Pimpinan Unit Organisasi yang dituju menyetujui, maka Pimpinan Unit Organisasi yang dituju \
menyampaikan surat jawaban kepada pejabat yang berwenang, kemudian pejabat yang berwenang menyampaikan surat \
jawaban tersebut kepada Kepala Perangkat Daerah pemohon;
4) Pimpinan Unit Kerja yang dituju menyiapkan konsep surat balasan yang ditandatangani oleh Kepala Perangkat \
Daerah bersangkutan untuk disampaikan kepada Kepala Perangkat Daerah pemohon;
5) Pejabat Fungsional dan Pelaksana menerima surat penugasan dengan tembusan Pimpinan Unit Organisasi \
bersangkutan dan Pimpinan Unit Organisasi pemohon.
2. Pengajuan Sukarela
""")


def _steps():
    m = build(ingest_text(LINTAS_PD, "contoh.txt"))
    (proc,) = [p for p in m["procedures"] if p["scope"] == "lintas_perangkat_daerah"]
    return proc["steps"]


def _short(hop):
    return (hop["actor"], hop["side"], [(x["role"], x["side"]) for x in hop["to"]],
            [(x["role"], x["side"]) for x in hop["cc"]])


def test_a_request_to_the_pejabat_yang_berwenang_with_tembusan_to_the_unit_asked():
    first = _steps()[0]
    assert [_short(h) for h in first["hops"]] == [
        ("kepala_perangkat_daerah", "asal", [("pejabat_yang_berwenang", None)],
         [("pimpinan_unit_organisasi", "tujuan")])]


def test_an_instruction_is_addressed_to_its_object():
    second = _steps()[1]
    assert second["actor"] == "pejabat_yang_berwenang"
    assert second["hops"][0]["to"][0] == {"role": "pimpinan_unit_organisasi", "side": "tujuan"}


def test_a_step_with_two_actors_in_sequence_keeps_both():
    third = _steps()[2]
    assert [_short(h) for h in third["hops"]] == [
        ("pimpinan_unit_organisasi", "tujuan", [("pejabat_yang_berwenang", None)], []),
        ("pejabat_yang_berwenang", None, [("kepala_perangkat_daerah", "asal")], [])]
    assert third["actor"] == "pimpinan_unit_organisasi" and third["branch"] == "setuju"


def test_a_letter_drafted_by_one_official_and_signed_by_another():
    fourth = _steps()[3]
    (hop,) = fourth["hops"]
    assert hop["actor"] == "pimpinan_unit_kerja" and hop["side"] == "tujuan"
    # "Kepala Perangkat Daerah bersangkutan": the one concerned is on the side of the unit that drafts
    assert hop["signer"] == {"role": "kepala_perangkat_daerah", "side": "tujuan"}
    assert hop["to"] == [{"role": "kepala_perangkat_daerah", "side": "asal"}]


def test_co_subjects_are_one_actor_and_tembusan_keep_their_sides():
    fifth = _steps()[4]
    (hop,) = fifth["hops"]  # "Pejabat Fungsional dan Pelaksana menerima": one move, not two
    assert hop["actor"] == "pejabat_fungsional" and hop["co_actors"] == ["pejabat_pelaksana"]
    assert [(x["role"], x["side"]) for x in hop["cc"]] == [("pimpinan_unit_organisasi", "tujuan"),
                                                         ("pimpinan_unit_organisasi", "asal")]


def test_within_one_unit_no_party_has_a_side():
    text = LINTAS_PD.replace("yang bersifat lintas Perangkat Daerah", "dalam unit organisasi")
    m = build(ingest_text(text, "contoh.txt"))
    (proc,) = [p for p in m["procedures"] if p["scope"] == "dalam_unit_organisasi"]
    for s in proc["steps"]:
        for h in s["hops"]:
            assert h["side"] is None and all(x["side"] is None for x in h["to"] + h["cc"]), h


EVALUASI = perbup("Pasal 1\nPeraturan Bupati ini mulai berlaku pada tanggal diundangkan.\n", lampiran="""A. PENUGASAN
1. Penunjukan
a. Mekanisme penunjukan dalam unit organisasi
1) Tahapan Pelaksanaan:
a) Pimpinan Unit Organisasi menetapkan penugasan atas usulan Pejabat Penilai Kinerja dengan memberikan surat tugas;
b) Ketua Tim melaporkan hasil kerja anggota tim kepada Pejabat Penilai Kinerja dan Pimpinan Unit Organisasi.
2) Evaluasi:
a) Atasan langsung dan penanggung jawab tim melakukan reviu atas hasil pelaksanaan kegiatan;
b) Pelaksanaan kegiatan dinyatakan selesai setelah Pimpinan Unit Organisasi menerima laporan hasil kegiatan;
c) Pimpinan Unit Organisasi sewaktu-waktu dapat meminta laporan pelaksanaan tugas kepada Ketua Tim.
2. Pengajuan Sukarela
""")


def test_the_evaluasi_stage_its_co_actors_and_a_report_to_two():
    m = build(ingest_text(EVALUASI, "contoh.txt"))
    (proc,) = m["procedures"]
    got = [(s["stage"], s["actor"], s["hops"][0]["co_actors"], s["to"]) for s in proc["steps"]]
    assert got == [
        ("pelaksanaan", "pimpinan_unit_organisasi", [], []),
        # "kepada Pejabat Penilai Kinerja dan Pimpinan Unit Organisasi": both are addressees
        ("pelaksanaan", "ketua_tim", [], ["pejabat_penilai_kinerja", "pimpinan_unit_organisasi"]),
        # the reviu by the atasan langsung and the penanggung jawab: both act
        ("evaluasi", "atasan_langsung", ["penanggung_jawab_tim"], []),
        # "dinyatakan selesai setelah PUO menerima ...": the PUO closes it
        ("evaluasi", "pimpinan_unit_organisasi", [], []),
        # the PUO's right to ask for reports at any time
        ("evaluasi", "pimpinan_unit_organisasi", [], ["ketua_tim"])]
    assert [s["name"] for s in m["stages"]] == ["pelaksanaan", "evaluasi"]
    lines = {(x["from"], x["to"]) for x in m["reporting_lines"]}
    assert {("ketua_tim", "pejabat_penilai_kinerja"), ("ketua_tim", "pimpinan_unit_organisasi")} <= lines


def test_the_memo_prints_each_move_with_its_sides():
    from rancang.model.render import to_markdown

    md = to_markdown(build(ingest_text(LINTAS_PD, "contoh.txt")))
    assert ("alur: pimpinan unit organisasi (tujuan) → pejabat yang berwenang; pejabat yang berwenang → "
            "kepala perangkat daerah (asal)") in md.lower()
    assert "tembusan pimpinan unit organisasi (tujuan)" in md.lower()


def test_x_bersama_y_gives_both_actors():
    """"Pejabat Penilai Kinerja bersama Ketua Tim mengusulkan ..." - two actors doing one step: the first is the
    step's actor, the second acts with it (a co-actor), and the memo names both."""
    from rancang.model.render import to_markdown

    text = perbup("Pasal 1\nPeraturan Bupati ini mulai berlaku pada tanggal diundangkan.\n", lampiran="""A. PENUGASAN
1. Mekanisme penunjukan dalam Unit Organisasi
a. Pejabat Penilai Kinerja bersama Ketua Tim mengusulkan nama Pejabat Fungsional kepada Pimpinan Unit Organisasi;
b. Pimpinan Unit Organisasi bersama-sama dengan Pejabat Penilai Kinerja menetapkan penugasan dengan surat tugas;
c. Pimpinan Unit Organisasi menyampaikan surat tugas dengan Ketua Tim sebagai penerima.
""")
    m = build(ingest_text(text, "contoh.txt"))
    a, b, c = m["procedures"][0]["steps"]
    assert (a["actor"], a["hops"][0]["co_actors"]) == ("pejabat_penilai_kinerja", ["ketua_tim"])
    assert (b["actor"], b["hops"][0]["co_actors"]) == ("pimpinan_unit_organisasi", ["pejabat_penilai_kinerja"])
    assert c["hops"][0]["co_actors"] == []  # "dengan" alone joins no one to the actor
    assert "**Pejabat Penilai Kinerja, Ketua Tim**" in to_markdown(m)

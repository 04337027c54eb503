"""Issue 29's known gaps, each on a small text written for it: the actor of a stage's sub-steps named once in the
stage's intro, and positions that hold the Pejabat Penilai Kinerja or the Pimpinan Unit Organisasi outside a
kedudukan sentence."""

from __future__ import annotations

from texts import perbup

from rancang import schema
from rancang.ingest import ingest_text
from rancang.model import build

BODY = """Pasal 1
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
"""

STAGES = perbup(BODY, lampiran="""A. MEKANISME PENUNJUKAN DALAM UNIT ORGANISASI
1. Tahapan perencanaan, Pimpinan Unit Organisasi melakukan hal sebagai berikut:
a. menyusun dan menetapkan perjanjian kinerja;
b. memberikan arahan kepada Ketua Tim Kerja.
2. Tahapan pelaksanaan:
a. Ketua Tim Kerja membagi peran anggota tim;
b. koordinasi antaranggota tim dilakukan melalui rapat berkala.
3. Tahapan evaluasi oleh Pejabat Penilai Kinerja:
a. mereviu hasil kerja anggota tim;
b. kegiatan dinyatakan selesai setelah Pimpinan Unit Organisasi menerima hasil kerja tim.
""")


def _steps(text):
    (proc,) = [p for p in build(ingest_text(text, "contoh.txt"))["procedures"] if p["form"] == "penunjukan"]
    return [(s["cite"].removeprefix("Lampiran huruf A angka "), s["actor"], s["stage"]) for s in proc["steps"]]


def test_a_stage_intro_names_the_actor_of_the_sub_steps_that_open_with_their_verb():
    assert _steps(STAGES) == [
        ("1 huruf a", "pimpinan_unit_organisasi", "perencanaan"),  # "menyusun ...": the intro's Pimpinan
        ("1 huruf b", "pimpinan_unit_organisasi", "perencanaan"),
        ("2 huruf a", "ketua_tim", "pelaksanaan"),
        ("2 huruf b", None, "pelaksanaan"),  # passive, no agent: the text names no one
        ("3 huruf a", "pejabat_penilai_kinerja", "evaluasi"),  # "Tahapan evaluasi oleh Pejabat Penilai Kinerja:"
        ("3 huruf b", "pimpinan_unit_organisasi", "evaluasi")]  # its own actor, not the intro's


def test_a_stage_without_an_actor_gives_none():
    text = STAGES.replace("Tahapan perencanaan, Pimpinan Unit Organisasi melakukan hal sebagai berikut:",
                          "Tahapan perencanaan:")
    assert _steps(text)[:2] == [("1 huruf a", None, "perencanaan"), ("1 huruf b", None, "perencanaan")]


HOLDERS = perbup("""Pasal 1
(1) Kepala Perangkat Daerah bertindak sebagai Pimpinan Unit Organisasi.
(2) Kepala Bidang dan Sekretaris pada Perangkat Daerah bertindak sebagai Pejabat Penilai Kinerja bagi Pejabat
Fungsional jenjang ahli muda dan ahli pertama di lingkungannya.
(3) Kepala Bagian pada Sekretariat Daerah juga berperan sebagai Pimpinan Unit Organisasi.
(4) Pejabat Fungsional yang berperan sebagai Ketua Tim Kerja menyampaikan laporan kepada Pimpinan Unit Organisasi.
(5) Ketua Tim Kerja bertindak sebagai koordinator bagi anggota tim.

Pasal 2
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""")


def test_positions_named_as_ppk_or_puo_outside_a_kedudukan_sentence():
    m = build(ingest_text(HOLDERS, "contoh.txt"))
    held = {r["id"]: sorted(h["role"] for h in r.get("held_by", [])) for r in m["roles"]}
    assert held["pimpinan_unit_organisasi"] == ["kepala_bagian", "kepala_perangkat_daerah"]
    assert held["pejabat_penilai_kinerja"] == ["kepala_bidang", "sekretaris"]
    # "Pejabat Fungsional yang berperan sebagai Ketua Tim Kerja menyampaikan ...": a subject described, no holding
    assert not held.get("ketua_tim")
    assert {p["id"]: [a["role"] for a in p["acts_as"]] for p in m["positions"]} == {
        "kepala_bidang": ["pejabat_penilai_kinerja"], "sekretaris": ["pejabat_penilai_kinerja"]}
    schema.validate("sistemkerja", m)


def test_a_ppk_for_the_employees_of_its_unit_is_their_superior_with_their_jenjang():
    m = build(ingest_text(HOLDERS, "contoh.txt"))
    assert [(x["from"], x["jenjang"], x["to"], x["as"]) for x in m["kedudukan_lines"]] == [
        ("pejabat_fungsional", ["ahli muda", "ahli pertama"], "kepala_bidang", ["pejabat_penilai_kinerja"]),
        ("pejabat_fungsional", ["ahli muda", "ahli pertama"], "sekretaris", ["pejabat_penilai_kinerja"])]
    # "bertindak sebagai koordinator bagi anggota tim": no role acted as, so no line


INSTANSI = perbup("""Pasal 1
(1) Ketua Tim Kerja menyampaikan laporan hasil kerja tim kepada Pimpinan Unit Organisasi.
(2) Pimpinan Unit Organisasi dapat meminta laporan pelaksanaan tugas kepada Ketua Tim Kerja sewaktu-waktu.

Pasal 2
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""", lampiran="""A. TATA CARA PENUNJUKAN LINTAS INSTANSI
1. Bupati mengajukan surat permohonan pelibatan Pegawai ASN kepada Pimpinan Instansi Pemerintah yang dituju.
2. Surat jawaban atas permohonan disampaikan oleh Pimpinan Instansi Pemerintah yang dituju kepada Bupati.
3. Berdasarkan surat jawaban yang menyetujui permohonan, Bupati menetapkan keputusan pembentukan tim kerja.
4. Berdasarkan surat jawaban yang tidak menyetujui permohonan, Bupati memberitahukan Pimpinan Unit
Organisasi pemilik kinerja.
5. Berdasarkan surat jawaban tersebut, Bupati menyampaikan salinan keputusan kepada Pimpinan Instansi
Pemerintah yang dituju.
""")


def test_a_reply_from_a_party_that_is_no_role_keeps_the_side_printed_after_it():
    (proc,) = [p for p in build(ingest_text(INSTANSI, "contoh.txt"))["procedures"] if p["form"] == "penunjukan"]
    assert [(s["actor"], s["side"]) for s in proc["steps"][:2]] == [("kepala_daerah", "asal"), (None, "tujuan")]


def test_a_fronted_phrase_naming_the_answer_in_a_relative_clause_is_the_branch():
    (proc,) = [p for p in build(ingest_text(INSTANSI, "contoh.txt"))["procedures"] if p["form"] == "penunjukan"]
    assert [s["branch"] for s in proc["steps"][2:]] == ["setuju", "tolak", None]


def test_the_right_to_ask_for_reports_at_any_time_is_a_step_of_pelaporan():
    (proc,) = [p for p in build(ingest_text(INSTANSI, "contoh.txt"))["procedures"] if p["form"] == "pelaporan"]
    assert [(s["cite"], s["actor"]) for s in proc["steps"]] == [
        ("Pasal 1 ayat (1)", "ketua_tim"), ("Pasal 1 ayat (2)", "pimpinan_unit_organisasi")]


TABLE = perbup(BODY, lampiran="""A. MEKANISME PENUNJUKAN LINTAS UNIT ORGANISASI
Penunjukan lintas Unit Organisasi dilaksanakan dengan langkah sebagai berikut:
| 1. | Pimpinan Unit Organisasi pemilik kinerja | Mengajukan permohonan pelibatan melalui nota dinas kepada Pimpinan Unit Organisasi yang dituju | Nota dinas |
| 2. | Pimpinan Unit Organisasi yang dituju | Apabila Pejabat Fungsional tidak tersedia, menyampaikan jawaban penolakan disertai alasan | Surat jawaban |
| 3. | Pimpinan Unit Organisasi yang dituju | Apabila Pejabat Fungsional tersedia, menugaskan Pejabat Fungsional | Surat tugas |
| 4. | Pejabat Fungsional | Melaksanakan tugas sesuai surat tugas | - |
""")  # noqa: E501 (a table row is one line)

WANT_ROWS = [("pimpinan_unit_organisasi", "asal", None, "nota_dinas_permohonan_pelibatan"),
             ("pimpinan_unit_organisasi", "tujuan", "tolak", "surat_jawaban"),
             ("pimpinan_unit_organisasi", "tujuan", "setuju", "surat_tugas"),
             ("pejabat_fungsional", "tujuan", None, None)]


def _rows(text):
    (proc,) = [p for p in build(ingest_text(text, "contoh.txt"))["procedures"] if p["form"] == "penunjukan"]
    return [(s["actor"], s["side"], s["branch"], s["document"]) for s in proc["steps"]]


def test_a_table_of_steps_without_a_header_row_is_read_by_its_cells():
    assert _rows(TABLE) == WANT_ROWS


def test_a_header_row_run_into_one_line_is_no_step():
    text = TABLE.replace("berikut:\n", "berikut:\nNo. Pelaksana Uraian Kegiatan Keluaran\n")
    assert _rows(text) == WANT_ROWS


def test_a_table_of_positions_is_no_table_of_steps():
    text = perbup(BODY, lampiran="""A. MEKANISME PENUNJUKAN DALAM UNIT ORGANISASI
| Pejabat Fungsional ahli madya | Kepala Perangkat Daerah | Kepala Perangkat Daerah |
| Pejabat Pelaksana | Kepala Seksi | Kepala Seksi |
""")
    assert [p["form"] for p in build(ingest_text(text, "contoh.txt"))["procedures"]] == []


def test_a_stage_item_that_tells_its_steps_in_prose_gives_one_step_per_sentence_of_its_stage():
    text = perbup(BODY, lampiran="""A. MEKANISME PENUNJUKAN DALAM UNIT ORGANISASI
1. Tahap Perencanaan
Pada tahap perencanaan, Pimpinan Unit Organisasi menetapkan target kinerja unit.
2. Tahap Pelaksanaan
Ketua Tim Kerja membagi peran anggota tim. Anggota tim melaksanakan kegiatan sesuai perannya.
3. Evaluasi, yaitu atasan langsung dan penanggung jawab tim melakukan reviu atas hasil kerja. Kegiatan dinyatakan
selesai setelah Pimpinan Unit Organisasi menerima laporan hasil kegiatan.
""")
    assert _steps(text) == [
        ("1", "pimpinan_unit_organisasi", "perencanaan"),
        ("2", "ketua_tim", "pelaksanaan"), ("2", "anggota_tim", "pelaksanaan"),
        ("3", "atasan_langsung", "evaluasi"),  # the first of two subjects in sequence
        ("3", "pimpinan_unit_organisasi", "evaluasi")]
    stages = build(ingest_text(text, "contoh.txt"))["stages"]
    assert [s["name"] for s in stages] == ["perencanaan", "pelaksanaan", "evaluasi"]


def test_whether_the_employee_can_be_involved_is_the_branch():
    text = perbup(BODY, lampiran="""A. PENUNJUKAN LINTAS UNIT ORGANISASI
1. Pimpinan Unit Organisasi pemilik kinerja mengirim nota dinas kepada Pimpinan Unit Organisasi yang dituju.
2. Dalam hal Pejabat Fungsional tidak dapat dilibatkan, Pimpinan Unit Organisasi yang dituju menolak permohonan.
3. Dalam hal Pejabat Fungsional dapat dilibatkan, Pimpinan Unit Organisasi yang dituju menerbitkan surat tugas.
""")
    (proc,) = [p for p in build(ingest_text(text, "contoh.txt"))["procedures"] if p["form"] == "penunjukan"]
    assert [s["branch"] for s in proc["steps"]] == [None, "tolak", "setuju"]


def test_a_report_handed_on_in_the_passive_is_a_step_of_pelaporan():
    text = perbup("""Pasal 1
(1) Laporan hasil kerja Tim Kerja disampaikan oleh Ketua Tim Kerja kepada Pimpinan Unit Organisasi.
(2) Tim Kerja dibentuk dengan Keputusan Kepala Perangkat Daerah.

Pasal 2
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""")
    (proc,) = [p for p in build(ingest_text(text, "contoh.txt"))["procedures"] if p["form"] == "pelaporan"]
    assert [(s["cite"], s["actor"]) for s in proc["steps"]] == [("Pasal 1 ayat (1)", "ketua_tim")]


def test_a_role_printed_twice_in_one_subject_keeps_both_jenjang():
    text = perbup("""Pasal 1
Pejabat Fungsional ahli pertama, Pejabat Fungsional jenjang keterampilan, dan Pelaksana berkedudukan di bawah
Pejabat Pengawas.

Pasal 2
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""")
    m = build(ingest_text(text, "contoh.txt"))
    assert [(x["from"], x["jenjang"], x["to"]) for x in m["kedudukan_lines"]] == [
        ("pejabat_fungsional", ["ahli pertama", "keterampilan"], "pejabat_pengawas"),
        ("pejabat_pelaksana", [], "pejabat_pengawas")]


def test_a_role_told_with_the_positions_that_hold_it():
    text = perbup(BODY, lampiran="""A. KEDUDUKAN
Pimpinan Unit Organisasi dijabat oleh Kepala Dinas atau Kepala Badan. Inspektur merupakan Pejabat Penilai Kinerja.
Tim Kerja merupakan kelompok pegawai. Ketua Tim Kerja merupakan Pejabat Fungsional.
Jumlah Pejabat Fungsional dan Pelaksana dalam Tim Kerja merupakan strategi dari Pimpinan Unit Organisasi.
""")
    m = build(ingest_text(text, "contoh.txt"))
    held = {r["id"]: [h["role"] for h in r.get("held_by", [])] for r in m["roles"]}
    assert held["pimpinan_unit_organisasi"] == ["kepala_dinas", "kepala_badan"]
    assert held["pejabat_penilai_kinerja"] == ["inspektur"]
    assert not held.get("pejabat_fungsional") and not held.get("ketua_tim")  # a jabatan is no role held
    # "... merupakan strategi dari Pimpinan Unit Organisasi": a strategy of the PUO, no holder of it


def test_a_sentence_with_two_actors_in_sequence_gives_two_steps():
    text = perbup(BODY, lampiran="""A. PENUNJUKAN LINTAS PERANGKAT DAERAH
Penunjukan lintas Perangkat Daerah diawali dengan Kepala Perangkat Daerah pemohon menyampaikan surat permohonan
kepada Sekretaris Daerah dan Sekretaris Daerah mendisposisikan surat permohonan kepada Kepala Perangkat Daerah yang
dituju. Kepala Perangkat Daerah yang dituju menyampaikan jawaban kepada Kepala Perangkat Daerah pemohon dan
Pejabat Fungsional yang dituju.
""")
    (proc,) = build(ingest_text(text, "contoh.txt"))["procedures"]
    # "... dan Pejabat Fungsional yang dituju.": a second addressee, no second actor
    assert [(s["actor"], s["side"], s["document"]) for s in proc["steps"]] == [
        ("kepala_perangkat_daerah", "asal", "surat_permohonan_pelibatan"),
        ("sekretaris_daerah", None, "instruksi_disposisi"),
        ("kepala_perangkat_daerah", "tujuan", "surat_jawaban")]

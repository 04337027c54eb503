"""The model on wordings the seeds do not use (issue 29, session 8): every Pegawai ASN as a role, tembusan holders
without the roles of a clause that only places the employees, duty-list intros after a setting, procedures told in
prose or ayat by ayat, tables of steps and of kedudukan, a refusing verb as the tolak branch, a report "melalui"
someone, a Provinsi's Kepala Biro."""

from __future__ import annotations

from texts import perbup

from rancang import schema
from rancang.ingest import ingest_text
from rancang.model import build


def model(pasal: str, lampiran: str = "") -> dict:
    return build(ingest_text(perbup(pasal, lampiran), "contoh.txt"))


def roles(m: dict) -> dict[str, dict]:
    return {r["id"]: r for r in m["roles"]}


def steps(m: dict) -> list[dict]:
    return [s for p in m["procedures"] for s in p["steps"]]


PEGAWAI = model("""Pasal 1
Setiap Pegawai ASN bertanggung jawab atas:
a. penyelesaian tugas yang diberikan oleh atasan langsung; dan
b. pencapaian sasaran kinerja pegawai.
Pasal 2
Setiap Pegawai ASN melaporkan capaian kinerjanya kepada atasan langsung setiap bulan.
Pasal 3
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""")


def test_a_duty_of_every_pegawai_asn_is_the_duty_of_the_role_pegawai_asn():
    r = roles(PEGAWAI)
    assert r["pegawai_asn"]["kind"] == "pegawai"
    assert [d["cite"] for d in r["pegawai_asn"]["duties"]] == ["Pasal 1 huruf a", "Pasal 1 huruf b", "Pasal 2"]
    # "tugas yang diberikan oleh atasan langsung" is the Pegawai ASN's duty, not the atasan langsung's
    assert r.get("atasan_langsung", {"duties": []})["duties"] == []


def test_every_pegawai_asn_reports_and_the_contract_has_the_kind():
    assert {"from": "pegawai_asn", "to": "atasan_langsung"} in [
        {"from": x["from"], "to": x["to"]} for x in PEGAWAI["reporting_lines"]]
    assert [s["actor"] for s in steps(PEGAWAI)] == ["pegawai_asn"]
    assert PEGAWAI["version"] == 2
    assert schema.problems(schema.load("sistemkerja"), PEGAWAI) == []


def test_a_tembusan_goes_to_the_office_not_to_the_employees_it_places():
    m = model("""Pasal 1
(1) Mekanisme penunjukan lintas Perangkat Daerah dilakukan dengan tahapan:
a. Kepala Perangkat Daerah pemohon mengirimkan surat permohonan pelibatan kepada Kepala Perangkat Daerah yang \
dituju dan ditembuskan kepada Pimpinan Unit Kerja dimana Pejabat Fungsional atau Pelaksana berada;
b. Pejabat Fungsional mengajukan permohonan kepada Kepala Perangkat Daerah yang dituju dengan tembusan kepada \
Kepala Perangkat Daerah tempat Pejabat Fungsional berkedudukan;
c. Kepala Perangkat Daerah pemohon menyampaikan surat kepada Sekretaris Daerah dengan tembusan Kepala Perangkat \
Daerah yang dituju.
Pasal 2
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""")
    a, b, c = steps(m)
    assert a["cc"] == ["pimpinan_unit_kerja"]
    assert [x["role"] for x in a["hops"][0]["cc"]] == ["pimpinan_unit_kerja"]
    assert b["cc"] == ["kepala_perangkat_daerah"]
    # the actor's own office on the other side is a tembusan holder too, with its side
    assert c["cc"] == ["kepala_perangkat_daerah"]
    assert c["hops"][0]["cc"] == [{"role": "kepala_perangkat_daerah", "side": "tujuan"}]


DUTIES = model("""Pasal 1
Sistem kerja tercantum dalam Lampiran.
Pasal 2
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""", """A. TIM KERJA
1. Dalam pelaksanaan sistem kerja, Pimpinan Unit Organisasi mempunyai tugas:
a. menetapkan sasaran kinerja Unit Organisasi;
b. membentuk Tim Kerja.
2. Selain tugas sebagaimana dimaksud pada angka 1, Pejabat Penilai Kinerja bertanggung jawab atas:
a. penetapan ekspektasi kinerja; dan
b. pemberian umpan balik.
3. Yang menjadi tanggung jawab Penanggung Jawab Tim Kerja adalah:
a. memastikan keselarasan kegiatan Tim Kerja.
4. Setiap anggota Tim Kerja wajib:
a. menyelesaikan pekerjaan sesuai jadwal.
5. Pimpinan Unit Kerja dalam Tim Kerja berperan untuk:
a. menunjuk Ketua Tim Kerja di unitnya.
6. Ketua Tim Kerja bertanggung jawab kepada Penanggung Jawab Tim Kerja dalam melaksanakan tugas:
a. membagi pekerjaan kepada anggota tim.
""")


def test_duty_intros_after_a_setting_or_in_other_words_name_their_role():
    got = {k: [d["cite"] for d in r["duties"]] for k, r in roles(DUTIES).items() if r["duties"]}
    assert got == {
        "pimpinan_unit_organisasi": ["Lampiran huruf A angka 1 huruf a", "Lampiran huruf A angka 1 huruf b"],
        "pejabat_penilai_kinerja": ["Lampiran huruf A angka 2 huruf a", "Lampiran huruf A angka 2 huruf b"],
        "penanggung_jawab_tim": ["Lampiran huruf A angka 3 huruf a"],
        "anggota_tim": ["Lampiran huruf A angka 4 huruf a"],
        "pimpinan_unit_kerja": ["Lampiran huruf A angka 5 huruf a"],
        "ketua_tim": ["Lampiran huruf A angka 6 huruf a"],
    }


def test_a_procedure_told_in_a_paragraph_is_one_step_per_sentence():
    m = model("""Pasal 1
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""", """A. PENUGASAN
1. Penunjukan Lintas Perangkat Daerah
Penunjukan lintas Perangkat Daerah diawali dengan Kepala Perangkat Daerah pemohon menyampaikan surat permohonan \
pelibatan kepada Sekretaris Daerah. Sekretaris Daerah selanjutnya mendisposisikan surat permohonan tersebut kepada \
Kepala Perangkat Daerah yang dituju. Dalam hal Pejabat Fungsional tidak tersedia, Kepala Perangkat Daerah yang \
dituju menyampaikan penolakan secara tertulis disertai alasannya. Dalam hal Pejabat Fungsional tersedia, Kepala \
Perangkat Daerah yang dituju menerbitkan surat penugasan. Surat penugasan ditembuskan kepada Sekretaris Daerah.
""")
    (p,) = m["procedures"]
    assert (p["form"], p["scope"]) == ("penunjukan", "lintas_perangkat_daerah")
    got = [(s["actor"], s["side"], s["branch"], s["document"]) for s in p["steps"]]
    assert got == [("kepala_perangkat_daerah", "asal", None, "surat_permohonan_pelibatan"),
                   ("sekretaris_daerah", None, None, "instruksi_disposisi"),
                   ("kepala_perangkat_daerah", "tujuan", "tolak", "surat_jawaban"),
                   ("kepala_perangkat_daerah", "tujuan", "setuju", "surat_penugasan")]
    # the last sentence names no actor: it is the tembusan of the step before, not a step
    assert p["steps"][-1]["cc"] == ["sekretaris_daerah"]
    assert {s["cite"] for s in p["steps"]} == {"Lampiran huruf A angka 1"}


def test_a_procedure_told_ayat_by_ayat_in_the_body():
    m = model("""Pasal 1
(1) Pengajuan sukarela lintas Perangkat Daerah diajukan oleh Pejabat Fungsional kepada Kepala Perangkat Daerah \
yang dituju.
(2) Kepala Perangkat Daerah yang dituju memberikan jawaban paling lama 5 (lima) hari kerja.
(3) Dalam hal pengajuan disetujui, Kepala Perangkat Daerah asal menerbitkan surat penugasan.
(4) Surat penugasan sebagaimana dimaksud pada ayat (3) paling sedikit memuat nama pegawai dan jangka waktu.
Pasal 2
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""")
    (p,) = m["procedures"]
    assert (p["form"], p["scope"]) == ("pengajuan_sukarela", "lintas_perangkat_daerah")
    assert [(s["cite"], s["actor"], s["side"], s["document"]) for s in p["steps"]] == [
        ("Pasal 1 ayat (1)", "pejabat_fungsional", "asal", "surat_permohonan_pelibatan"),
        ("Pasal 1 ayat (2)", "kepala_perangkat_daerah", "tujuan", "surat_jawaban"),
        ("Pasal 1 ayat (3)", "kepala_perangkat_daerah", "asal", "surat_penugasan")]


def test_penunjukan_dalam_organisasi_that_classifies_is_no_procedure():
    m = model("""Pasal 1
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""", """A. PENUGASAN
Penunjukan dalam Organisasi dapat diklasifikasikan pelaksanaannya dalam:
1. Penunjukan sebagai individu Pejabat Fungsional wajib melakukan dialog kinerja dengan pimpinan;
2. Penunjukan sebagai tim kerja.
""")
    assert m["procedures"] == []


TABLES = model("""Pasal 1
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""", """A. KEDUDUKAN
Kedudukan Pejabat Fungsional dan Pejabat Pelaksana adalah sebagai berikut:
Jabatan\tBerkedudukan di bawah\tPejabat Penilai Kinerja
Pejabat Fungsional ahli madya\tKepala Dinas\tKepala Dinas
Pejabat Pelaksana\tKepala Seksi\tKepala Subbagian
B. PENUNJUKAN
Tata cara penunjukan lintas Unit Kerja adalah sebagai berikut:
No.\tKegiatan\tPelaksana\tKeluaran
1.\tMenyampaikan nota dinas permohonan pelibatan\tPimpinan Unit Kerja pemohon\tNota dinas permohonan pelibatan
2.\tMenelaah ketersediaan Pejabat Fungsional\tPimpinan Unit Kerja yang dituju\t-
3.\tApabila Pejabat Fungsional tidak tersedia, menyampaikan jawaban disertai alasan\tPimpinan Unit Kerja yang \
dituju\tSurat jawaban
""")


def test_a_table_of_steps_is_one_step_per_row():
    (p,) = TABLES["procedures"]
    # each step's words are its Kegiatan cell; its actor the Pelaksana cell; its document the Keluaran cell
    assert [(s["action"].split()[0], s["actor"], s["side"], s["branch"], s["document"]) for s in p["steps"]] == [
        ("Menyampaikan", "pimpinan_unit_kerja", "asal", None, "nota_dinas_permohonan_pelibatan"),
        ("Menelaah", "pimpinan_unit_kerja", "tujuan", None, None),
        ("Apabila", "pimpinan_unit_kerja", "tujuan", "tolak", "surat_jawaban")]


def test_a_table_of_kedudukan_is_one_line_per_row():
    got = [(x["from"], x["jenjang"], x["to"], x["as"]) for x in TABLES["kedudukan_lines"]]
    # the Kepala Dinas is the Pejabat Penilai Kinerja of the row; the Kepala Seksi is not (another is named)
    assert got == [("pejabat_fungsional", ["ahli madya"], "kepala_dinas", ["pejabat_penilai_kinerja"]),
                   ("pejabat_pelaksana", [], "kepala_seksi", [])]


def test_a_refusing_verb_is_the_tolak_branch_and_melalui_is_no_addressee():
    m = model("""Pasal 1
(1) Mekanisme penunjukan lintas Unit Kerja dilakukan dengan tahapan:
a. Pimpinan Unit Kerja pemohon mengajukan permohonan pelibatan melalui nota dinas kepada Pimpinan Unit Kerja yang \
dituju;
b. Pimpinan Unit Kerja yang dituju dapat menolak permohonan dengan menyebutkan alasannya.
(2) Kepala Perangkat Daerah menyampaikan laporan capaian kinerja kepada Bupati melalui Sekretaris Daerah.
Pasal 2
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""")
    a, b = m["procedures"][0]["steps"]
    assert (a["branch"], b["branch"], b["document"]) == (None, "tolak", "surat_jawaban")
    lines = {(x["from"], x["to"]) for x in m["reporting_lines"]}
    assert ("kepala_perangkat_daerah", "kepala_daerah") in lines
    assert ("kepala_perangkat_daerah", "sekretaris_daerah") not in lines


def test_a_provinsi_s_kepala_biro_and_a_bare_jenjang_category():
    m = model("""Pasal 1
Peraturan Gubernur ini mulai berlaku pada tanggal diundangkan.
""", """A. KEDUDUKAN
Pada Biro di lingkungan Sekretariat Daerah, Pejabat Fungsional jenjang ahli madya berkedudukan langsung di bawah \
Kepala Biro selaku Pejabat Penilai Kinerja. Jabatan Fungsional keterampilan berkedudukan di bawah Kepala Subbagian. \
Jabatan Fungsional keahlian jenjang ahli muda berkedudukan di bawah Kepala Bagian.
""")
    got = [(x["from"], x["jenjang"], x["to"], x["as"]) for x in m["kedudukan_lines"]]
    assert got == [("pejabat_fungsional", ["ahli madya"], "kepala_biro", ["pejabat_penilai_kinerja"]),
                   ("pejabat_fungsional", ["keterampilan"], "kepala_subbagian", []),
                   ("pejabat_fungsional", ["ahli muda"], "kepala_bagian", [])]


def test_an_amending_act_reads_its_amended_pasal_never_its_instructions():
    """The amending Perbup of tests/data/steps: "Ketentuan Pasal 4 diubah ...", "Di antara Pasal 6 dan Pasal 7
    disisipkan ... Pasal 6A" (issue 29 item 4, re-verified on a whole act)."""
    from pathlib import Path

    path = Path(__file__).resolve().parent / "data" / "steps" / "perbup_contoh_kedelapan.txt"
    m = build(ingest_text(path.read_text(encoding="utf-8"), path.name))
    cited = {t["cite"] for t in m["topics"].values() if t}
    assert "Pasal I angka 1: Pasal 4" in cited
    assert not cited & {"Pasal I", "Pasal I angka 1", "Pasal I angka 2", "Pasal I angka 3"}
    assert [p["cite"] for p in m["procedures"] if p["source"] == "batang_tubuh"][0] == \
        "Pasal I angka 2: Pasal 6A ayat (1)"
    # "Kepala Unit Pelaksana Teknis Daerah" is a position, and no mention of the Pejabat Pelaksana
    assert "kepala_uptd" in {p["id"] for p in m["positions"]}
    r = roles(m)["pejabat_pelaksana"]
    assert r["mentions"] == 3 and r["aliases"] == ["Pejabat Pelaksana"]


ABBREVIATED = model("""Pasal 1
Dalam Peraturan Bupati ini yang dimaksud dengan:
1. Pejabat yang Berwenang yang selanjutnya disingkat PyB adalah pejabat yang mempunyai kewenangan kepegawaian.
2. Pimpinan Unit Organisasi yang selanjutnya disingkat PUO adalah pejabat yang memimpin Perangkat Daerah.
3. Pejabat Penilai Kinerja yang selanjutnya disingkat PPK adalah atasan langsung pegawai yang dinilai.
4. Pejabat Fungsional yang selanjutnya disingkat PF adalah pegawai yang menduduki jabatan fungsional.
Pasal 2
PF yang melaksanakan tugas secara individu menyampaikan laporan hasil kerja kepada PPK.
Pasal 3
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""", """A. KEDUDUKAN
PF jenjang ahli muda berkedudukan di bawah Kepala Bidang selaku PPK. PF jenjang terampil berkedudukan di bawah \
Kepala Seksi selaku PPK.
B. PENUNJUKAN LINTAS PERANGKAT DAERAH
1. PUO pemohon mengirimkan surat permohonan pelibatan PF kepada PyB dengan tembusan PUO yang dituju;
2. PyB menginstruksikan PUO yang dituju untuk menyiapkan PF sesuai kebutuhan.
C. TUGAS
1. PPK mempunyai tugas:
a. menetapkan sasaran kinerja PF;
b. menilai kinerja PF.
""")


def test_an_abbreviation_the_act_defines_is_its_role_in_that_act():
    """"Pejabat yang Berwenang yang selanjutnya disingkat PyB": "PyB menginstruksikan ..." is the Pejabat yang
    Berwenang's step (UU 12/2011 Lampiran II angka 107-109: a defined term is used as defined)."""
    (p, report) = ABBREVIATED["procedures"]
    assert [(s["actor"], s["side"], s["to"], s["cc"]) for s in p["steps"]] == [
        ("pimpinan_unit_organisasi", "asal", ["pejabat_yang_berwenang"], ["pimpinan_unit_organisasi"]),
        ("pejabat_yang_berwenang", None, ["pimpinan_unit_organisasi"], [])]
    assert [s["actor"] for s in report["steps"]] == ["pejabat_fungsional"]
    assert [d["cite"] for d in roles(ABBREVIATED)["pejabat_penilai_kinerja"]["duties"]] == [
        "Lampiran huruf C angka 1 huruf a", "Lampiran huruf C angka 1 huruf b"]
    # a sentence ends after an acronym ("selaku PPK. PF jenjang terampil ..."): two lines
    assert [(x["jenjang"], x["to"], x["as"]) for x in ABBREVIATED["kedudukan_lines"]] == [
        (["ahli muda"], "kepala_bidang", ["pejabat_penilai_kinerja"]),
        (["terampil"], "kepala_seksi", ["pejabat_penilai_kinerja"])]


def test_an_abbreviation_holds_in_its_own_act_only():
    """"PPK" defined as the Pejabat Penilai Kinerja in one act is nothing in the next."""
    m = model("""Pasal 1
PPK menetapkan sasaran kinerja.
Pasal 2
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""")
    assert "pejabat_penilai_kinerja" not in roles(m)


def test_across_instansi_the_act_s_own_kepala_daerah_acts_for_the_asking_side():
    m = model("""Pasal 1
Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.
""", """A. PENUGASAN
Mekanisme penunjukan lintas Instansi Pemerintah dilaksanakan sebagai berikut:
- Sekretaris Daerah mengirimkan surat permohonan pelibatan kepada Pejabat yang Berwenang Instansi Pemerintah yang \
dituju;
- Pejabat yang Berwenang Instansi Pemerintah yang dituju menyampaikan surat jawaban kepada Sekretaris Daerah;
- Berdasarkan surat jawaban tersebut, Wali Kota menetapkan keputusan tentang pembentukan Tim Kerja.
""")
    (p,) = m["procedures"]
    assert [(s["actor"], s["side"]) for s in p["steps"]] == [
        ("sekretaris_daerah", "asal"), ("pejabat_yang_berwenang", "tujuan"), ("kepala_daerah", "asal")]


def test_x_melaksanakan_tugas_sebagai_berikut_lists_x_s_duties():
    m = model("""Pasal 1
Anggota Tim Kerja melaksanakan tugas sebagai berikut:
a. menyelesaikan pekerjaan yang diberikan Ketua Tim Kerja; dan
b. menyampaikan hasil pekerjaan kepada Ketua Tim Kerja.
Pasal 2
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""")
    assert [d["cite"] for d in roles(m)["anggota_tim"]["duties"]] == ["Pasal 1 huruf a", "Pasal 1 huruf b"]
    assert roles(m)["ketua_tim"]["duties"] == []
    assert ("anggota_tim", "ketua_tim") in {(x["from"], x["to"]) for x in m["reporting_lines"]}


def test_a_role_after_a_preposition_is_no_subject():
    """"Sistem Kerja digunakan sebagai instrumen bagi Pegawai ASN dalam melaksanakan tugas ...": no duty of the
    Pegawai ASN (the clause tells what the sistem kerja is for)."""
    m = model("""Pasal 1
Sistem Kerja digunakan sebagai instrumen bagi Pegawai ASN dalam melaksanakan tugas dan fungsi unit organisasi.
Pasal 2
Setiap Pegawai ASN melaksanakan tugas sesuai dengan sasaran kinerja pegawai.
Pasal 3
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""")
    assert [d["cite"] for d in roles(m)["pegawai_asn"]["duties"]] == ["Pasal 2"]


def test_results_handed_on_in_the_body_a_keputusan_named_short_and_a_kelompok_jabatan_fungsional_line():
    m = model("""Pasal 1
Pejabat Fungsional yang ditunjuk secara individu menyampaikan hasil kerjanya kepada Pejabat Penilai Kinerja.
Pasal 2
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""", """A. PENGAJUAN SUKARELA DALAM UNIT ORGANISASI
Pejabat Fungsional dapat mengajukan diri secara lisan kepada Ketua Tim Kerja. Pimpinan Unit Organisasi menetapkan \
keterlibatan Pejabat Fungsional dalam keputusan pembentukan Tim Kerja.
B. KEDUDUKAN
Kelompok Jabatan Fungsional jenjang ahli muda berkedudukan di bawah dan bertanggung jawab kepada Pejabat \
Administrator selaku Pejabat Penilai Kinerja.
""")
    lampiran, report = m["procedures"]
    assert [(s["actor"], s["document"]) for s in lampiran["steps"]] == [
        ("pejabat_fungsional", None), ("pimpinan_unit_organisasi", "keputusan")]  # spoken: no letter
    assert [(s["cite"], s["actor"]) for s in report["steps"]] == [("Pasal 1", "pejabat_fungsional")]
    assert {(x["from"], x["to"]) for x in m["reporting_lines"]} == {
        ("pejabat_fungsional", "pejabat_penilai_kinerja"), ("pejabat_fungsional", "pejabat_administrator")}

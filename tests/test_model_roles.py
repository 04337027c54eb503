"""Roles as the text distinguishes them, their duties from Pasal and Lampiran lists, reporting lines with both
ends."""

from __future__ import annotations

import pytest
from texts import perbup

from rancang.ingest import ingest_text
from rancang.model import build

SEEDS = ("bogor", "jepara", "pasaman-barat", "malang")


@pytest.fixture(scope="module")
def models():
    import rancang.corpus as corpus

    return {k: build(corpus.load(k)) for k in SEEDS}


@pytest.mark.parametrize("key", SEEDS)
def test_lampiran_duty_lists_reach_each_role(models, key):
    roles = {r["id"]: r for r in models[key]["roles"]}
    for role in ("pejabat_penilai_kinerja", "pimpinan_unit_organisasi", "ketua_tim", "anggota_tim"):
        lampiran = [d for d in roles[role]["duties"] if d["id"].startswith("lampiran-")]
        assert len(lampiran) >= 3, role


@pytest.mark.parametrize("key", SEEDS)
def test_reporting_lines_have_both_ends(models, key):
    m = models[key]
    ids = {r["id"] for r in m["roles"]}
    lines = m["reporting_lines"]
    assert {"from": "anggota_tim", "to": "ketua_tim"}.items() <= next(
        ln for ln in lines if ln["from"] == "anggota_tim").items()
    assert all(ln["from"] in ids and ln["to"] in ids and ln["from"] != ln["to"] for ln in lines)
    # the Lampiran's structure sentences ("berkedudukan di bawah ...") are not reporting lines
    assert not any(ln["cite"].startswith("Lampiran") and ln["from"] == "pejabat_pelaksana"
                   and ln["to"] == "pejabat_fungsional" for ln in lines)


TEXT = perbup("""Pasal 1
Ketua tim melaporkan hasil kerja tim kepada penanggung jawab tim.
Pasal 2
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""", nomor=2, lampiran="""A. PERTANGGUNGJAWABAN
a. Tanggung jawab penanggung jawab tim meliputi:
1) menetapkan sasaran tim;
2) menyetujui rencana kerja tim.
b. Tanggung jawab Ketua Tim meliputi:
1) menyusun rincian kegiatan;
2) membagi peran anggota tim;
3) melaporkan hasil kinerja anggota tim kepada penanggung jawab tim.
c. Tanggung jawab Pejabat Penilai Kinerja meliputi:
1) menilai kinerja pegawai.
""")


def test_penanggung_jawab_tim_is_not_the_ketua_tim():
    m = build(ingest_text(TEXT, "contoh.txt"))
    roles = {r["id"]: r for r in m["roles"]}
    pj, ketua = roles["penanggung_jawab_tim"], roles["ketua_tim"]
    assert [d["text"] for d in pj["duties"]] == ["menetapkan sasaran tim;", "menyetujui rencana kerja tim."]
    assert [d["cite"] for d in ketua["duties"] if d["id"].startswith("lampiran-")] == [
        "Lampiran huruf A huruf b angka 1", "Lampiran huruf A huruf b angka 2", "Lampiran huruf A huruf b angka 3"]
    assert [d["text"] for d in roles["pejabat_penilai_kinerja"]["duties"]] == ["menilai kinerja pegawai."]
    assert {(ln["from"], ln["to"], ln["cite"]) for ln in m["reporting_lines"]} == {
        ("ketua_tim", "penanggung_jawab_tim", "Pasal 1"),
        ("ketua_tim", "penanggung_jawab_tim", "Lampiran huruf A huruf b angka 3")}

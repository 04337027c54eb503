"""A stage named by its bare title ("c. Evaluasi:") is a stage like "Tahapan Evaluasi:": the work mechanism's
stages and each step's stage, with the evaluasi stage's reviu and its closing ("dinyatakan selesai setelah ...")."""

from __future__ import annotations

from texts import perbup

from rancang.ingest import ingest_text
from rancang.model import build

TEXT = perbup("""Pasal 1
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""", lampiran="""A. PENUGASAN
1. Mekanisme penunjukan dalam unit organisasi
a. Perencanaan:
1) Pimpinan Unit Organisasi menetapkan rencana kegiatan;
2) Pejabat Penilai Kinerja membagi target kinerja.
b. Pelaksanaan:
1) Ketua Tim membagi peran anggota tim;
2) Anggota Tim melaksanakan kegiatan.
c. Evaluasi:
1) Pejabat Penilai Kinerja mereviu hasil pelaksanaan kegiatan;
2) pelaksanaan kegiatan dinyatakan selesai setelah Pimpinan Unit Organisasi menerima hasil kegiatan.
""")


def test_bare_stage_titles_are_stages():
    m = build(ingest_text(TEXT, "contoh.txt"))
    assert [(s["name"], s["cite"]) for s in m["stages"]] == [
        ("perencanaan", "Lampiran huruf A angka 1 huruf a"), ("pelaksanaan", "Lampiran huruf A angka 1 huruf b"),
        ("evaluasi", "Lampiran huruf A angka 1 huruf c")]
    (proc,) = m["procedures"]
    assert [(s["stage"], s["actor"]) for s in proc["steps"]] == [
        ("perencanaan", "pimpinan_unit_organisasi"), ("perencanaan", "pejabat_penilai_kinerja"),
        ("pelaksanaan", "ketua_tim"), ("pelaksanaan", "anggota_tim"),
        ("evaluasi", "pejabat_penilai_kinerja"), ("evaluasi", "pimpinan_unit_organisasi")]

"""A Lampiran's "Penugasan individu" is a procedure of its own: the PUO assigns on the PPK's proposal with a surat
tugas or disposisi, the employee carries it out and reports."""

from __future__ import annotations

from texts import perbup

from rancang.ingest import ingest_text
from rancang.model import build

TEXT = perbup("""Pasal 1
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""", lampiran="""A. PENUGASAN INDIVIDU
1. Pimpinan Unit Organisasi menetapkan penugasan atas usulan Pejabat Penilai Kinerja dengan memberikan surat \
tugas atau disposisi;
2. Pejabat Fungsional melaksanakan tugas sesuai surat tugas;
3. Pejabat Fungsional melaporkan hasil pelaksanaan tugas kepada Pejabat Penilai Kinerja.
B. PELAKSANAAN TUGAS
1. Pelaksanaan tugas dilakukan secara individu atau dalam tim kerja.
""")


def test_penugasan_individu_is_a_procedure_with_its_steps():
    procs = build(ingest_text(TEXT, "contoh.txt"))["procedures"]
    (p,) = [p for p in procs if p["cite"] == "Lampiran huruf A"]
    assert p["form"] == "penugasan"
    assert [(s["cite"], s["actor"], s["document"], s["to"]) for s in p["steps"]] == [
        ("Lampiran huruf A angka 1", "pimpinan_unit_organisasi", "surat_tugas", []),
        ("Lampiran huruf A angka 2", "pejabat_fungsional", "surat_tugas", []),
        ("Lampiran huruf A angka 3", "pejabat_fungsional", None, ["pejabat_penilai_kinerja"])]

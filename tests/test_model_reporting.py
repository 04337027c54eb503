"""Lines of report (issue 29 item 3) on a text written for each kind, and against a hand-read reporting gold of
three seeds (tests/gold/reporting; malang's written after the rules, measured on it first: P 100%, R 68.8%)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from texts import perbup

from rancang.ingest import ingest_text
from rancang.model import build
from rancang.model.evaluate import score_reporting

GOLD = Path(__file__).resolve().parent / "gold" / "reporting"
TEXT = perbup("""Pasal 1
Pejabat Fungsional dan Pejabat Pelaksana yang ditugaskan secara individu melaporkan pelaksanaan tugasnya secara \
langsung kepada Pimpinan Unit Kerja dan/atau Unit Organisasi pemilik kinerja.
Pasal 2
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""", lampiran="""A. KEDUDUKAN
1. Pejabat Fungsional dan Pelaksana berkedudukan di bawah dan bertanggung jawab kepada Pejabat Penilai Kinerja. \
Pejabat Penilai Kinerja merupakan atasan langsung dari Pejabat Fungsional dan Pelaksana.
2. Laporan hasil pelaksanaan kegiatan dari Pejabat Pengawas disampaikan kepada Pejabat Administrator.
3. Hasil pelaksanaan kegiatan yang sudah sesuai dengan target, disampaikan kepada Pejabat Pengawas oleh individu \
atau ketua tim kerja.
4. Hasil pelaksanaan kegiatan yang telah sesuai dengan target disampaikan kepada Pejabat Pimpinan Tinggi Pratama \
untuk ditinjau.
B. PENUTUP
""")


def _lines():
    return {(x["from"], x["to"]) for x in build(ingest_text(TEXT, "contoh.txt"))["reporting_lines"]}


def test_a_shared_head_word_names_both_pimpinan():
    """"kepada Pimpinan Unit Kerja dan/atau Unit Organisasi pemilik kinerja": to both Pimpinan."""
    lines = _lines()
    for who in ("pejabat_fungsional", "pejabat_pelaksana"):
        assert {(who, "pimpinan_unit_kerja"), (who, "pimpinan_unit_organisasi")} <= lines


def test_accountability_in_the_lampiran_is_a_line_within_its_sentence():
    lines = _lines()
    assert {("pejabat_fungsional", "pejabat_penilai_kinerja"),
            ("pejabat_pelaksana", "pejabat_penilai_kinerja")} <= lines
    # the next sentence names the atasan langsung and the employees themselves: no line to them
    assert not any(to in ("atasan_langsung", "pejabat_fungsional", "pejabat_pelaksana") for _, to in lines)


def test_a_report_handed_on_in_the_passive_is_a_line():
    lines = _lines()
    assert ("pejabat_pengawas", "pejabat_administrator") in lines
    assert ("ketua_tim", "pejabat_pengawas") in lines  # "... disampaikan kepada X oleh individu atau ketua tim kerja"
    # results handed on without a role handing them draw no line
    assert not any(to == "pejabat_pimpinan_tinggi" for _, to in lines)


@pytest.mark.parametrize("seed", ["bogor", "jepara", "pasaman-barat", "malang"])
def test_the_seeds_reporting_lines_meet_their_hand_read_gold(seed):
    import rancang.corpus as corpus

    entry = corpus.entry(seed)
    gold = json.loads((GOLD / f"{Path(entry['file']).stem}.json").read_text(encoding="utf-8"))
    s = score_reporting(build(corpus.load(seed)), gold)
    assert s["report_p"] >= 0.9 and s["report_r"] >= 0.9, s


def test_a_report_in_the_passive_with_its_agent():
    """"Hasil pekerjaan anggota tim kerja dilaporkan kepada Ketua Tim Kerja oleh masing-masing anggota tim kerja":
    the anggota tim reports to the ketua tim - a line of report and a step of the reporting procedure."""
    text = perbup("""Pasal 7
(1) Ketua Tim Kerja wajib melaporkan hasil kerja tim kepada Pimpinan Unit Organisasi.
(2) Hasil pekerjaan anggota tim kerja dilaporkan kepada Ketua Tim Kerja oleh masing-masing anggota tim kerja.
Pasal 8
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""")
    m = build(ingest_text(text, "contoh.txt"))
    assert ("anggota_tim", "ketua_tim") in {(x["from"], x["to"]) for x in m["reporting_lines"]}
    (report,) = [p for p in m["procedures"] if p["form"] == "pelaporan"]
    assert [(s["cite"], s["actor"]) for s in report["steps"]] == [("Pasal 7 ayat (1)", "ketua_tim"),
                                                                ("Pasal 7 ayat (2)", "anggota_tim")]


def test_results_handed_on_in_a_duty_list_are_a_line():
    """"Anggota Tim Kerja bertanggung jawab atas: ... b. penyampaian hasil pekerjaannya kepada Ketua Tim Kerja":
    handing one's work on is reporting it (the reporting gold's convention for "Hasil ... disampaikan kepada")."""
    text = perbup("Pasal 1\nPeraturan Bupati ini mulai berlaku pada tanggal diundangkan.\n", lampiran="""B. TIM KERJA
1. Anggota Tim Kerja bertanggung jawab atas:
a. pelaksanaan tugas sesuai pembagian kerja;
b. penyampaian hasil pekerjaannya kepada Ketua Tim Kerja.
2. Adapun tugas Ketua Tim Kerja yaitu:
a. menyampaikan hasil pekerjaan tim kepada Pimpinan Unit Kerja.
""")
    lines = {(x["from"], x["to"]) for x in build(ingest_text(text, "contoh.txt"))["reporting_lines"]}
    assert lines == {("anggota_tim", "ketua_tim"), ("ketua_tim", "pimpinan_unit_kerja")}

"""`rancang check`: the seeds' real drafting defects, and defects seeded into a clean draft, are each reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rancang.generate import draft, profile
from rancang.generate.check import check
from rancang.ingest import ingest_text

from rancang import corpus

EXAMPLES = Path(__file__).resolve().parents[1] / "corpus" / "examples"


def codes(findings, severity="error"):
    return {(f["code"], f["cite"]) for f in findings if f["severity"] == severity}


@pytest.fixture(scope="session")
def magelang_md() -> str:
    return draft.build(profile.load(EXAMPLES / "kota-magelang.yaml")).markdown


def test_bogor_pasal_24_ayat_1_cites_a_missing_ayat_3():
    findings = check(corpus.load("bogor"))
    x2 = [f for f in findings if f["code"] == "X2"]
    assert [(f["severity"], f["cite"]) for f in x2] == [("error", "Pasal 24 ayat (1)")]
    assert "ayat (3)" in x2[0]["message"]


def test_malang_last_menimbang_says_membentuk_instead_of_menetapkan():
    assert ("K2", "Menimbang huruf c") in codes(check(corpus.load("malang")))


def test_jepara_terms_of_pasal_1_written_inconsistently_are_warnings():
    warnings = codes(check(corpus.load("jepara")), "warning")
    assert ("U2", "Pasal 7") in warnings  # "Pimpinan unit kerja" for the defined "Pimpinan Unit Kerja"
    assert not codes(check(corpus.load("jepara")))  # its repeal list cites other Perbup, not missing clauses


def test_clean_draft_has_no_errors(magelang_md):
    assert codes(check(ingest_text(magelang_md))) == set()


def test_skipped_pasal_number_is_b3(magelang_md):
    seeded = magelang_md.replace("##### Pasal 5\n", "##### Pasal 6\n", 1)
    assert ("B3", "Pasal 6") in codes(check(ingest_text(seeded)))


def test_broken_reference_is_x2(magelang_md):
    seeded = magelang_md.replace("sebagaimana dimaksud dalam Pasal 4 ayat (3)",
                                 "sebagaimana dimaksud dalam Pasal 4 ayat (9)")
    assert seeded != magelang_md
    assert ("X2", "Pasal 5") in codes(check(ingest_text(seeded)))


def test_kota_act_signed_by_bupati_is_t3(magelang_md):
    seeded = magelang_md.replace("Ditetapkan di Magelang\n\npada tanggal ....................\n\nWALI KOTA MAGELANG,",
                                 "Ditetapkan di Magelang\n\npada tanggal ....................\n\nBUPATI MAGELANG,")
    assert seeded != magelang_md
    assert any(code == "T3" for code, _ in codes(check(ingest_text(seeded))))


def test_dropped_mandatory_topic_is_s1(magelang_md):
    reg = ingest_text(magelang_md)
    for bab in reg.body:
        for bagian in bab.children:
            if bagian.type == "bagian" and bagian.heading == "Pemanfaatan Teknologi Informasi dan Komunikasi":
                bab.children.remove(bagian)
                break
    found = [f for f in check(reg) if f["code"] == "S1"]
    assert [f["message"] for f in found] == ['materi "pemanfaatan tik spbe" (PermenPAN-RB 7/2022) tidak diatur.']
    assert found[0]["severity"] == "error"


def test_cli_json_format_and_exit_status(tmp_path, capsys):
    from rancang.cli import main

    src = corpus.seeds_dir() / corpus.entry("bogor")["file"]
    assert main(["check", str(src), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert {"severity": "error", "code": "X2", "cite": "Pasal 24 ayat (1)"}.items() <= data["findings"][0].items()
    assert set(data["findings"][0]) == {"severity", "code", "message", "cite"}
    src = corpus.seeds_dir() / corpus.entry("pasaman-barat")["file"]
    assert main(["check", str(src)]) == 0

"""Bounds as data (issue 32 item 5, ``rancang/data/limits.json``): a line too long, thousands of enumerators run
together on one line, and an output out of all proportion to its input each end in one sentence and exit 1,
quickly, with nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from rancang import limits
from rancang.cli import cli
from rancang.ingest import ingest_text

CASES = Path(__file__).parent / "cases" / "abuse"
SEED = Path(__file__).resolve().parent.parent / "corpus" / "seeds" / "001_ced7971a61a5e85a.txt"


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def one_sentence(result, words: str) -> None:
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Galat: ") and words in lines[0], result.output


def test_enum_one_line_240k_is_refused_naming_the_line(tmp_path):
    out = tmp_path / "x.json"
    result = run("ingest", str(CASES / "enum_one_line_240k.txt"), "-o", str(out))
    one_sentence(result, "baris 3 memuat 39999 butir bernomor yang menyatu dalam satu baris, melebihi batas 1000")
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_a_list_whose_every_line_nests_deeper_is_refused_for_its_output_size(tmp_path):
    src = tmp_path / "bertingkat.txt"
    src.write_text("Pasal 1\nPegawai wajib:\n" + "a. x;\n" * 40_000 + "\nPasal 2\nCukup.\n", encoding="utf-8")
    result = run("ingest", str(src), "-o", str(tmp_path / "x.json"))
    one_sentence(result, "lebih dari 50 kali ukuran berkasnya")
    assert not (tmp_path / "x.json").exists()


def test_a_line_longer_than_the_bound_is_refused(tmp_path, monkeypatch):
    monkeypatch.setitem(limits._all(), "line_chars", 1000)
    src = tmp_path / "panjang.txt"
    src.write_text("Pasal 1\nPegawai wajib hadir " + "dan hadir " * 200 + ".\n", encoding="utf-8")
    one_sentence(run("ingest", str(src)), "baris 2 panjangnya 2021 karakter, melebihi batas 1000")


def test_a_regulation_with_a_few_enumerators_on_one_line_still_reads():
    reg = ingest_text("Pasal 1\nPegawai wajib: a. hadir; b. pulang; dan c. melapor.\n")
    assert [c.label for c in reg.pasals()[0].children] == ["a.", "b.", "c."]


@pytest.mark.parametrize("fmt", ["json", "md", "akn"])
def test_a_real_regulation_is_far_within_every_bound(tmp_path, fmt):
    result = run("ingest", str(SEED), "--format", fmt, "-o", str(tmp_path / f"x.{fmt}"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / f"x.{fmt}").stat().st_size < limits.limit("output_ratio") * SEED.stat().st_size / 10


def test_a_glued_word_is_looked_for_only_in_a_word_short_enough_to_be_two():
    # every split of a 100,000-letter "word" was tried (its length squared in copies: seconds per draft)
    from collections import Counter

    from rancang.generate.draft.repair import Vocabulary

    vocab = Vocabulary(Counter({"tim": 9, "koordinasi": 9}), Counter({("tim", "koordinasi"): 2}))
    assert vocab.split("timkoordinasi") == ("tim", "koordinasi")
    assert vocab.split("timkoordinasi" + "x" * 100_000) is None


def test_a_document_of_more_lines_than_the_bound_is_refused_before_parsing(tmp_path):
    # 250,000 one-line list items that each nest one level deeper: 21 s of parsing before the output bound
    src = tmp_path / "baris.txt"
    src.write_text("Pasal 1\nPegawai wajib:\n" + "a. x;\n" * 250_000, encoding="utf-8")
    one_sentence(run("ingest", str(src), "-o", str(tmp_path / "x.json")),
                 "250003 baris, melebihi batas 200000 baris satu dokumen")
    assert not (tmp_path / "x.json").exists()


def test_the_largest_act_is_far_within_the_line_bounds():
    # UU 11/2020 (Cipta Kerja), the largest national act as text: 6,593 lines in 1.3 MB; as a PDF ~1,200 pages
    assert limits.limit("document_lines") >= 4000 * 50 and limits.limit("pdf_pages") >= 4 * 1200

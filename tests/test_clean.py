"""The fused cleaning pass is the list of stages, run one after the other, only faster.

``clean.STAGES`` is the specification: each artefact stage in order, each recording what it removed. ``clean_lines``
runs them in one pass and skips a stage on lines without its trigger. These tests run both over every bundled text
and over lines built to hit each stage, and require the same lines and the same removed records.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from rancang.ingest import readers
from rancang.ingest.clean import (
    STAGES,
    clean_lines,
    lone_page_numbers,
    rehang_enumerators,
    running_headers,
    trailing_counters,
)

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "corpus" / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "extra").glob("*.txt"))


def clean_by_stages(lines: list[str], removed: list[dict]) -> list[str]:
    """Every stage on every line, as the module documents them: the reference for the fused pass."""
    out: list[str] = []
    headers = running_headers(lines)
    counters = trailing_counters(lines)
    pages = lone_page_numbers(lines)
    for no, line in enumerate(lines, 1):
        if no - 1 in pages:
            removed.append({"kind": "page_number", "line": no, "text": line.strip()})
            out.append("")
            continue
        if no - 1 in counters:
            removed.append({"kind": "page_number", "line": no, "text": counters[no - 1].strip()})
            line = line[: len(line) - len(counters[no - 1])]
        if headers and line.strip().lstrip("\ufeff") in headers:
            removed.append({"kind": "running_header", "line": no, "text": line.strip()})
            out.append("")
            continue
        if not line or line.isspace():
            out.append("")
            continue
        for kind, stage in STAGES:
            line, gone = stage(line)
            removed.extend({"kind": kind, "line": no, "text": t} for t in gone if t.strip())
        out.extend(part.strip() for part in line.split("\n")) if "\n" in line else out.append(line)
    return rehang_enumerators(out)


def _both(lines: list[str]) -> tuple[tuple[list[str], list[dict]], tuple[list[str], list[dict]]]:
    fused_removed: list[dict] = []
    staged_removed: list[dict] = []
    fused = clean_lines(lines, fused_removed)
    staged = clean_by_stages(lines, staged_removed)
    return (fused, fused_removed), (staged, staged_removed)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_fused_pass_equals_the_stages_on_every_bundled_text(path):
    lines = readers.read(path.read_bytes(), path.name).lines
    fused, staged = _both(lines)
    assert fused == staged


#: pieces that trigger each stage, and pieces that only look like they might
PIECES = [
    "- ", "• ", "-", "- 3 -", "Halaman 3 dari 20", "12 / 40", "3/4 bagian", "**BAB IV**", "*Squad*", "<i>x</i>",
    "## BAB I", "<!-- rancang: teks kanonik -->", "a#b", "Pasal 5", "  ", "\u00a0", "\u2007", " ", "\t", "ayat (1)",
    "Informasi Publik.", " (2) Informasi", "terdiri atas:", " a. akibat", "; dan", " b. lain;", "Nomor 1.000",
    "S.H.", "H. Ahmad", "www.jdih.go.id", "Cukup jelas.", "(3)", "x. (4) Y", "dll. 2. Kedua", "ke-2", "Hal. 4",
]


def test_fused_pass_equals_the_stages_on_built_lines():
    rng = random.Random(20261122)
    lines = ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 7))) for _ in range(4000)]
    lines += ["www.jdih.go.id"] * 3  # a running header, three times
    fused, staged = _both(lines)
    assert fused[1] == staged[1]
    assert fused[0] == staged[0]


def test_an_enumerator_left_at_a_line_end_moves_to_the_text_it_numbers():
    lines = ["(1) Informasi bersifat terbuka. (2)", "Informasi yang dikecualikan bersifat ketat.",
             "dilakukan melalui: a.", "", "rapat dengar pendapat umum;", "b. kunjungan kerja."]
    assert rehang_enumerators(lines) == ["(1) Informasi bersifat terbuka.", "(2) Informasi yang dikecualikan "
                                         "bersifat ketat.", "dilakukan melalui:", "", "a. rapat dengar pendapat "
                                         "umum;", "b. kunjungan kerja."]


def test_a_reference_at_a_line_end_stays():
    lines = ["sebagaimana dimaksud dalam huruf a.", "Pasal 5", "dimaksud pada ayat (2)", "diatur dengan Peraturan",
             "Ketentuan umum. a.", "b. item berikutnya;"]
    assert rehang_enumerators(list(lines)) == lines


def test_page_numbers_alone_on_a_line_are_known_by_their_run():
    page = ["teks"] * 24
    lines = page + ["2"] + page[:5] + ["1", "a", "2", "b", "3"] + page + ["3"] + page + ["4"] + page
    found = lone_page_numbers(lines)
    assert sorted(found) == [24, 59, 84]  # the "1" "2" "3" a line apart are enumerators
    assert lone_page_numbers(["1"] + page + ["2"]) == set()    # two numbers are no run

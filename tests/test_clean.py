"""The cleaning pass is the list of stages, run one after the other; the triggers only skip lines a stage would
leave alone.

``clean.STAGES`` is the specification: each artefact stage in order, each recording what it removed. ``clean_lines``
runs them and skips a stage on lines without its trigger. These tests run every stage's transform on every line
(triggers ignored), over every bundled text and over lines built to hit each stage, and require the same lines and
the same removed records.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from rancang.ingest import clean, readers
from rancang.ingest.clean import (
    PAGE_STAGES,
    STAGES,
    Stage,
    clean_lines,
    cut_page_artefacts,
    lone_page_numbers,
    rehang_enumerators,
    run_stages,
)

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "corpus" / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "extra").glob("*.txt"))


def clean_by_stages(lines: list[str], removed: list[dict]) -> list[str]:
    """Every stage's transform on every line, whatever its trigger says: the reference for the triggered pass."""
    out: list[str] = []
    start = len(removed)
    for no, line in enumerate(cut_page_artefacts(lines, removed), 1):
        s = line.strip()
        for stage in STAGES:
            if not s:
                break
            s, gone = stage.transform(s)
            removed.extend({"kind": stage.kind, "line": no, "text": t} for t in gone if t.strip())
            s = s.strip()
        out.extend(part.strip() for part in s.split("\n")) if "\n" in s else out.append(s)
    removed[start:] = sorted(removed[start:], key=lambda r: r["line"])
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


def test_the_pass_runs_the_declared_stages_in_their_order():
    assert [s.kind for s in STAGES] == ["markdown", "markup", "page_number", "file_path", "bullet", "letter_spaced",
                                        "spaces", "merged"]
    assert [s.kind for s in PAGE_STAGES] == ["running_header", "catchword", "page_number", "page_number",
                                             "running_header"]
    # every stage declares a cheap trigger: none runs its transform on every line
    assert all(s.first or s.contains or s.search is not None for s in STAGES)


def test_production_runs_exactly_the_list(monkeypatch):
    # a stage added to the list is run by clean_lines (the list is the pass, not a description of it)
    shout = Stage("shout", lambda s: (s.upper(), [s[:1]]), first="x")
    monkeypatch.setattr(clean, "STAGES", STAGES + (shout,))
    removed: list[dict] = []
    assert clean_lines(["xyz", "abc"], removed) == ["XYZ", "abc"]
    assert removed == [{"kind": "shout", "line": 1, "text": "x"}]
    monkeypatch.setattr(clean, "STAGES", ())
    assert clean_lines(["- **a**"], []) == ["- **a**"]  # no stage, nothing cleaned


#: (stage, line, the line after the stage, what it removed): one real case of each rule
EXAMPLES = [
    ("markdown", "## BAB I", "BAB I", ["##"]),
    ("markdown", "<!-- rancang: teks kanonik -->", "", ["<!-- rancang: teks kanonik -->"]),
    ("markup", "**BAB IV** <i>Squad</i>", "BAB IV Squad", ["**", "**", "<i>", "</i>"]),
    ("page_number", "- 3 -", "", ["- 3 -"]),
    ("page_number", "Halaman 3 dari 20", "", ["Halaman 3 dari 20"]),
    ("page_number", "- Pasal 3 -", "- Pasal 3 -", []),
    ("file_path", "C:\\Users\\Hukum\\Perda 5 2019.doc", "", ["C:\\Users\\Hukum\\Perda 5 2019.doc"]),
    ("file_path", "dan/atau laporan.pdf", "dan/atau laporan.pdf", []),
    ("bullet", "- (2) Informasi", "(2) Informasi", ["-"]),
    ("bullet", "-2 derajat", "-2 derajat", []),
    ("letter_spaced", "P E N J E L A S A N", "PENJELASAN", []),
    ("letter_spaced", "B A B  I V", "BAB IV", []),
    ("letter_spaced", "a b c d e", "abcde", []),
    ("spaces", "Pasal\u00a0 5  ayat", "Pasal 5 ayat", []),
    ("merged", "bersifat terbuka. (2) Informasi", "bersifat terbuka.\n(2) Informasi", []),
    ("merged", "terdiri atas: a. akibat", "terdiri atas:\na. akibat", []),
    ("merged", "sebagaimana dimaksud pada huruf a. Dalam hal", "sebagaimana dimaksud pada huruf a. Dalam hal", []),
]


@pytest.mark.parametrize(("kind", "line", "after", "gone"), EXAMPLES, ids=lambda v: str(v)[:24])
def test_each_stage_on_a_line_of_its_kind(kind, line, after, gone):
    stage = next(s for s in STAGES if s.kind == kind)
    removed: list[dict] = []
    assert run_stages([line], removed, (stage,)) == after.split("\n")
    assert [r["text"] for r in removed] == gone and all(r["kind"] == kind for r in removed)

"""The page stages that need a page break are skipped on a text that shows none (issue 33), and skipping them
changes nothing: every text the tests hold, paged or not, is cut the same with the test and without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from rancang.ingest import clean, furniture
from rancang.ingest.clean import PAGE_STAGES, cut_page_artefacts

HERE = Path(__file__).resolve().parent
TEXTS = sorted(p for p in (HERE / "data").rglob("*") if p.suffix in (".txt", ".md"))
TEXTS += sorted((HERE.parent / "corpus" / "seeds").glob("*.txt"))

PAGED = ["(2) Arsip dikelola.", "(3) Arsip . . .", "", "2", "", "(3) Arsip disimpan.", *["teks"] * 22,
         "Pasal 5 . . .", "3", "Pasal 5", *["teks"] * 22, "4", *["teks"] * 22, "5", "akhir"]


def _ungated() -> tuple[clean.PageStage, ...]:
    return tuple(stage._replace(paged=False) for stage in PAGE_STAGES)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_skipping_the_paged_stages_changes_no_cut(path):
    lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    gated: list = []
    plain: list = []
    assert cut_page_artefacts(lines, gated) == cut_page_artefacts(lines, plain, _ungated())
    assert gated == plain


def test_a_paged_text_still_loses_its_catchwords_and_page_numbers():
    removed: list = []
    out = cut_page_artefacts(PAGED, removed)
    assert furniture.breaks_of(PAGED)
    assert {r["kind"] for r in removed} >= {"catchword", "page_number"}
    assert "2" not in out and "(3) Arsip . . ." not in out


def test_a_text_with_no_page_break_never_runs_the_paged_stages(monkeypatch):
    def boom(lines):
        raise AssertionError("a paged stage ran on a text without page breaks")

    stages = tuple(s._replace(find=boom) if s.paged else s for s in PAGE_STAGES)
    lines = ["Pasal 1", "Dalam Peraturan ini yang dimaksud dengan . . .", "Pasal 2", "Cukup jelas."]
    assert cut_page_artefacts(lines, [], stages) == lines

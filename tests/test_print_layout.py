"""The diff report is "siap cetak": on an A4 landscape page both regions' text columns fit (fixed table layout, a
narrow cite column that wraps), and words break only when one alone is wider than its cell, in the report and in
the web app's tables ("mekanisme kerja", never "mekanism e kerja")."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from rancang.cli import main

ROOT = Path(__file__).resolve().parent.parent


def _report(tmp_path: Path) -> Path:
    out = tmp_path / "laporan.html"
    assert main(["diff", "bogor", "malang", "--db", str(tmp_path / "c.sqlite"), "-o", str(out)]) == 0
    return out


def test_the_report_s_tables_have_fixed_columns_and_wrapping_cites(tmp_path: Path) -> None:
    html = _report(tmp_path).read_text(encoding="utf-8")
    style = html[html.index("<style>"):html.index("</style>")]
    assert "table-layout: fixed" in style and "overflow-wrap: break-word" in style
    assert "break-all" not in style and not re.search(r"td\.cite \{[^}]*nowrap", style)
    assert '<col class="cite"><col class="side"><col class="cite"><col class="side">' in html


def test_web_tables_break_words_only_when_they_must() -> None:
    css = (ROOT / "web" / "static" / "style.css").read_text(encoding="utf-8")
    assert "break-all" not in css and "overflow-wrap: anywhere" not in css


@pytest.mark.skipif(not shutil.which("chromium"), reason="Chromium is not installed")
def test_the_printed_report_is_no_wider_than_an_a4_landscape_page(tmp_path: Path) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    report = _report(tmp_path)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"),
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1046, "height": 700})  # A4 landscape less 14 mm margins, 96 dpi
        page.goto(report.as_uri())
        page.emulate_media(media="print")
        width = page.evaluate("document.documentElement.scrollWidth")
        browser.close()
    assert width <= 1046

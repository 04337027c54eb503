"""HTML reports are Jinja2 templates shipped in the package (issue 10 item 6): the layout lives in
``corpus/templates/``, the text of a regulation is escaped, never markup."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path

from rancang.corpus import matrix, report


def _side(i: str, daerah: str) -> dict:
    return {"id": i, "jenis": "Peraturan Bupati", "daerah": daerah, "nomor": "7", "tahun": 2024,
            "tentang": "sistem kerja <b>ASN</b>"}


def _diff(topics_available: bool = True) -> dict:
    same = {"a": [], "b": [], "only_a": [], "only_b": []}
    actors = {"a": ["bupati"], "b": ["ketua tim"], "only_a": ["bupati"], "only_b": ["ketua tim & <anggota>"]}
    return {
        "a": _side("a", "Kabupaten Satu"), "b": _side("b", "Kabupaten Dua"),
        "topics": {"kedudukan": {"label": "Kedudukan", "a": "Pasal 3", "b": None, "status": "only_a",
                                 "actors": actors, "documents": same, "contents": {**same, "a": ["x"], "b": ["x"]}}},
        "pairs": [{"a": "Pasal 3", "b": "Pasal 4", "topic": "kedudukan", "score": 0.5,
                   "redline": [{"op": "equal", "text": "Pejabat"}, {"op": "delete", "text": "<script>"},
                               {"op": "insert", "text": "\"Fungsional\""}, {"op": "equal", "text": "bertugas"}]}],
        "unmatched": {"a": [{"cite": "Pasal 9", "text": "a < b & c"}], "b": []},
        "only_a": ["Pasal 9"], "only_b": [], "topics_available": topics_available,
    }


def test_the_diff_report_renders_its_template_with_every_text_escaped() -> None:
    html = report.html(_diff())
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</body></html>")
    assert "<script>" not in html and "<del>&lt;script&gt;</del>" in html
    assert "<ins>&#34;Fungsional&#34;</ins>" in html and "Pejabat <del>" in html
    assert "Pejabat <ins>" in html  # B's side shows the inserted word, not the deleted one
    assert "<td class='side'>Pejabat <del>&lt;script&gt;</del> bertugas</td>" in html
    assert "<li>Dua saja: ketua tim &amp; &lt;anggota&gt;</li>" in html
    assert "<td>sama</td>" in html and "<td>–</td>" in html and "<td>hanya Satu</td>" in html
    assert "tentang Sistem Kerja &lt;B&gt;Asn&lt;/B&gt;" in html
    assert "<td>a &lt; b &amp; c</td>" in html and "Hanya di Dua (0 klausul)" in html
    assert "kemiripan 0.50" in html and "Topik model tidak tersedia" not in html
    assert "Topik model tidak tersedia" in report.html(_diff(topics_available=False))


def test_the_matrix_renders_its_template_with_empty_cells_shaded() -> None:
    m = {"regions": [{"id": "r1", "daerah": "Kota <R>"}, {"id": "r2", "daerah": None}],
         "topics": [{"key": "k", "label": "K & L"}], "cells": {"k": {"r1": "Pasal 1", "r2": None}},
         "coverage": {"k": 1}}
    html = matrix.to_html(m)
    assert "<th>r1<div class='d'>Kota &lt;R&gt;</div></th>" in html and "<th>r2<div class='d'></div></th>" in html
    assert "<td>Pasal 1</td><td class='no'>–</td>" in html and "1/2 daerah" in html and "K &amp; L" in html


def test_the_templates_ship_as_package_data() -> None:
    folder = resources.files("rancang.corpus").joinpath("templates")
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["matrix.html", "report.docx", "report.html"]
    pyproject = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = pyproject["tool"]["setuptools"]["package-data"]["rancang.corpus"]
    assert "templates/*.html" in shipped and "templates/*.docx" in shipped
    assert any(d.startswith("jinja2") for d in pyproject["project"]["dependencies"])


def test_the_docx_report_fills_its_template_with_the_redline_as_formatted_runs(tmp_path: Path) -> None:
    from docx import Document

    out = report.write(_diff(), tmp_path / "laporan.docx")
    doc = Document(str(out))
    topics, pairs = doc.tables
    assert [c.text for c in topics.rows[0].cells] == ["Topik", "Satu", "Dua", "Status", "Pelaku berbeda"]
    assert [c.text for c in topics.rows[1].cells] == ["Kedudukan", "Pasal 3", "–", "hanya Satu",
                                                     "Satu saja: bupati; Dua saja: ketua tim & <anggota>"]
    a, b = (c.paragraphs[0] for c in pairs.rows[1].cells)
    assert a.text.split() == ["Pasal", "3:", "Pejabat", "<script>", "bertugas"]
    assert b.text.split() == ["Pasal", "4:", "Pejabat", '"Fungsional"', "bertugas"]
    struck = [r.text.strip() for r in a.runs if r.font.strike]
    underlined = [r.text.strip() for r in b.runs if r.font.underline]
    assert struck == ["<script>"] and underlined == ['"Fungsional"'] and a.runs[0].bold
    texts = [p.text for p in doc.paragraphs]
    assert "Pasal 9: a < b & c" in texts and texts.index("Hanya di Satu") < texts.index("Hanya di Dua")
    assert doc.sections[0].page_width > doc.sections[0].page_height  # landscape

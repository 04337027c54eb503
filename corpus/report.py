"""Write a diff report (the dict of :func:`rancang.corpus.diff.compare`) as HTML, JSON, DOCX or plain text.

The HTML is one self-contained file (inline CSS, no scripts, no external resources) that a drafter can open
offline and print: the topic table first, then the aligned clauses side by side with the redline (deleted
words red and struck through on A's side, inserted words green and underlined on B's side), then what only one
side has.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any

from rancang.corpus.rows import region_name
from rancang.errors import InputError, os_reason

STATUS = {"both": "diatur keduanya", "only_a": "hanya A", "only_b": "hanya B", "none": "tidak diatur"}

CSS = """
@page { size: A4 landscape; margin: 14mm; }
body { font-family: "Times New Roman", Georgia, serif; font-size: 11pt; color: #111; margin: 0 auto;
       max-width: 1400px; padding: 12px; }
h1 { font-size: 16pt; margin: 0 0 4px; }
h2 { font-size: 13pt; margin: 18px 0 6px; border-bottom: 1px solid #999; }
p.sub { margin: 0 0 10px; color: #333; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #aaa; padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: #eee; } tr { page-break-inside: avoid; }
td.cite { white-space: nowrap; font-weight: bold; width: 9em; }
td.side { width: 42%; }
.both { background: #e9f5e9; } .only_a { background: #fde8e8; } .only_b { background: #e6eefc; }
.none { color: #777; }
del { color: #b00000; background: #fde0e0; text-decoration: line-through; }
ins { color: #006100; background: #dcf5dc; text-decoration: underline; }
.topic { font-size: 9pt; color: #444; } .score { font-size: 9pt; color: #666; }
ul.diff { margin: 0; padding-left: 16px; font-size: 10pt; }
.legend span { margin-right: 14px; }
"""


def write(report: dict[str, Any], path: str | Path) -> Path:
    """Write ``report`` to ``path``; the format follows the suffix (.html, .json, .docx)."""
    p = Path(path)
    suffix = p.suffix.lower()
    writers = {".html": _write_html, ".htm": _write_html, ".json": _write_json, ".docx": _write_docx}
    if suffix not in writers:
        raise InputError(f"{p.name}: format laporan tidak dikenal; gunakan .html, .json atau .docx.")
    try:
        writers[suffix](report, p)
    except OSError as exc:
        raise InputError(f"{p}: laporan tidak dapat ditulis ({os_reason(exc)}).") from exc
    return p


def _write_json(report: dict[str, Any], p: Path) -> None:
    p.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _side(seg_ops: list[dict[str, str]], side: str) -> str:
    """One column of the redline: A shows equal + deleted words, B shows equal + inserted words."""
    keep, tag = ("delete", "del") if side == "a" else ("insert", "ins")
    out = []
    for seg in seg_ops:
        if seg["op"] == "equal":
            out.append(escape(seg["text"]))
        elif seg["op"] == keep:
            out.append(f"<{tag}>{escape(seg['text'])}</{tag}>")
    return " ".join(out)


def _title(side: dict[str, Any]) -> str:
    # "Peraturan Wali Kota Bogor", never "... Kota Kota Bogor"
    parts = [side.get("jenis"), region_name(side.get("daerah"))]
    nomor = f"Nomor {side['nomor']} Tahun {side['tahun']}" if side.get("nomor") else None
    return " ".join(str(x) for x in (*parts, nomor) if x) or str(side.get("id") or "")


def _full_title(side: dict[str, Any]) -> str:
    tentang = side.get("tentang")
    return _title(side) + (f" tentang {tentang.title()}" if tentang else "")


def _diffcell(t: dict[str, Any], field: str) -> str:
    d = t[field]
    items = [f"<li>A saja: {escape(', '.join(d['only_a']))}</li>" if d["only_a"] else "",
             f"<li>B saja: {escape(', '.join(d['only_b']))}</li>" if d["only_b"] else ""]
    body = "".join(items)
    return f"<ul class='diff'>{body}</ul>" if body else "sama" if (d["a"] or d["b"]) else "–"


def html(report: dict[str, Any]) -> str:
    """The whole report as one HTML document."""
    a, b = report["a"], report["b"]
    rows = []
    for t in report["topics"].values():
        rows.append(
            f"<tr class='{t['status']}'><td>{escape(t['label'])}</td>"
            f"<td class='cite'>{escape(t['a'] or '–')}</td>"
            f"<td class='cite'>{escape(t['b'] or '–')}</td><td>{STATUS[t['status']]}</td>"
            f"<td>{_diffcell(t, 'actors')}</td><td>{_diffcell(t, 'documents')}</td>"
            f"<td>{_diffcell(t, 'contents')}</td></tr>")
    pairs = []
    labels = {k: t["label"] for k, t in report["topics"].items()}
    for p in report["pairs"]:
        topic = f"<div class='topic'>{escape(labels.get(p['topic'], p['topic']))}</div>" if p["topic"] else ""
        pairs.append(
            f"<tr><td class='cite'>{escape(p['a'])}{topic}"
            f"<div class='score'>kemiripan {p['score']:.2f}</div></td>"
            f"<td class='side'>{_side(p['redline'], 'a')}</td><td class='cite'>{escape(p['b'])}</td>"
            f"<td class='side'>{_side(p['redline'], 'b')}</td></tr>")
    only = []
    for side, name in (("a", "A"), ("b", "B")):
        items = "".join(f"<tr><td class='cite'>{escape(u['cite'])}</td><td>{escape(u['text'])}</td></tr>"
                        for u in report["unmatched"][side])
        only.append(f"<h2>Hanya di {name} ({len(report['unmatched'][side])} klausul)</h2>"
                    f"<table><tr><th>Pasal</th><th>Bunyi</th></tr>{items}</table>")
    note = "" if report.get("topics_available", True) else (
        "<p class='sub'>Topik model tidak tersedia; klausul dipasangkan menurut kemiripan teks saja.</p>")
    counts = (f"{len(report['pairs'])} pasangan, {len(report['only_a'])} klausul hanya di A, "
              f"{len(report['only_b'])} hanya di B")
    return f"""<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8">
<title>Perbandingan {escape(_title(a))} dan {escape(_title(b))}</title>
<style>{CSS}</style></head><body>
<h1>Perbandingan Peraturan</h1>
<p class="sub"><b>A</b>: {escape(_full_title(a))}<br>
<b>B</b>: {escape(_full_title(b))}</p>
<p class="sub legend"><span><del>dihapus</del> (hanya di A)</span>
<span><ins>ditambahkan</ins> (hanya di B)</span><span>{counts}</span></p>
{note}
<h2>Ringkasan menurut topik</h2>
<table><tr><th>Topik</th><th>A</th><th>B</th><th>Status</th><th>Pelaku berbeda</th><th>Dokumen berbeda</th>
<th>Muatan berbeda</th></tr>
{''.join(rows)}</table>
<h2>Klausul berpasangan</h2>
<table><tr><th>A</th><th>Bunyi A</th><th>B</th><th>Bunyi B</th></tr>
{''.join(pairs)}</table>
{''.join(only)}
</body></html>
"""


def _write_html(report: dict[str, Any], p: Path) -> None:
    p.write_text(html(report), encoding="utf-8")


def _write_docx(report: dict[str, Any], p: Path) -> None:
    """A Word version of the same report (landscape; redline as coloured struck-through / underlined runs)."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt, RGBColor

    doc = Document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Mm(15))
    doc.styles["Normal"].font.size = Pt(10)
    doc.add_heading("Perbandingan Peraturan", level=1)
    doc.add_paragraph(f"A: {_title(report['a'])}\nB: {_title(report['b'])}")

    doc.add_heading("Ringkasan menurut topik", level=2)
    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Topik", "A", "B", "Status", "Pelaku berbeda"), strict=True):
        cell.text = text
    for t in report["topics"].values():
        actors = "; ".join(x for x in (
            f"A saja: {', '.join(t['actors']['only_a'])}" if t["actors"]["only_a"] else "",
            f"B saja: {', '.join(t['actors']['only_b'])}" if t["actors"]["only_b"] else "") if x)
        row = table.add_row().cells
        for cell, text in zip(row, (t["label"], t["a"] or "–", t["b"] or "–", STATUS[t["status"]], actors),
                              strict=True):
            cell.text = text

    doc.add_heading("Klausul berpasangan", level=2)
    table = doc.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "A", "B"
    red, green = RGBColor(0xB0, 0, 0), RGBColor(0, 0x61, 0)
    for pair in report["pairs"]:
        cells = table.add_row().cells
        for cell, side, cite in ((cells[0], "a", pair["a"]), (cells[1], "b", pair["b"])):
            para = cell.paragraphs[0]
            para.add_run(cite + ": ").bold = True
            for seg in pair["redline"]:
                if seg["op"] == "equal":
                    para.add_run(seg["text"] + " ")
                elif (seg["op"], side) in (("delete", "a"), ("insert", "b")):
                    run = para.add_run(seg["text"] + " ")
                    run.font.color.rgb = red if side == "a" else green
                    run.font.strike = side == "a"
                    run.font.underline = side == "b"
    for side, name in (("a", "A"), ("b", "B")):
        doc.add_heading(f"Hanya di {name}", level=2)
        for u in report["unmatched"][side]:
            para = doc.add_paragraph()
            para.add_run(u["cite"] + ": ").bold = True
            para.add_run(u["text"])
    doc.save(str(p))


def text(report: dict[str, Any]) -> str:
    """A terminal summary: the topic table and the counts."""
    lines = [f"A: {_title(report['a'])}", f"B: {_title(report['b'])}", ""]
    w = max(len(t["label"]) for t in report["topics"].values())
    for t in report["topics"].values():
        extra = ""
        if t["actors"]["only_a"] or t["actors"]["only_b"]:
            extra = f"  pelaku A saja: {', '.join(t['actors']['only_a']) or '-'}; " \
                    f"B saja: {', '.join(t['actors']['only_b']) or '-'}"
        cites = f"{t['a'] or '-':<18} {t['b'] or '-':<18}"
        lines.append(f"{t['label']:<{w}}  {cites} {STATUS[t['status']]}{extra}")
    lines.append("")
    lines.append(f"{len(report['pairs'])} pasangan klausul, {len(report['only_a'])} hanya di A, "
                 f"{len(report['only_b'])} hanya di B.")
    return "\n".join(lines)

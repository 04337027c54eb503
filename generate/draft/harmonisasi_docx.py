"""harmonisasi.docx: the harmonisation matrix (:mod:`harmonisasi`) as a Word document the reviewers annotate.

F4 landscape (330 x 215 mm, Permendagri 80/2015's paper turned), Bookman Old Style as the draft; the matrix is one
table whose header row repeats on every page and whose rows never break across a page, then the legal bases and
the check report. Text goes in as plain runs (user data is never markup), control characters made spaces.
"""

from __future__ import annotations

import copy
import io

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from rancang.generate.check.base import Finding
from rancang.generate.draft.harmonisasi import BASIS, HEADERS, Row, summary
from rancang.ingest.writers.docx import clean
from rancang.tree import Regulation

#: column widths in mm (330 mm page less 2 x 15 mm margins = 300 mm)
WIDTHS = (10, 28, 92, 45, 55, 35, 35)


def _repeat_header(row) -> None:
    props = row._tr.get_or_add_trPr()
    for tag in ("w:tblHeader", "w:cantSplit"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), "true")
        props.append(el)


def _no_split(tr) -> None:
    el = OxmlElement("w:cantSplit")
    el.set(qn("w:val"), "true")
    tr.get_or_add_trPr().append(el)


def _text(p, text: str) -> None:
    """``Paragraph.add_run(text)`` on the ``w:p`` element ``p``, the same XML: python-docx reads a run's text a
    character at a time (for a tab or a line break), 40% of writing the matrix (issue 33); a text without either
    goes into the run's one ``w:t`` directly."""
    r = p.add_r()
    if "\t" in text or "\r" in text or "\n" in text:
        r.text = text  # (what ``Run.text = text`` does)
    elif text:
        r.add_t(text)


def render(title: str, reg: Regulation, table: list[Row], compared: int, findings: list[Finding]) -> bytes:
    """The matrix document's bytes."""
    doc = docx.Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(330), Mm(215)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(15))
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "Bookman Old Style", Pt(9)
    doc.add_heading(clean(f"MATRIKS HARMONISASI {title}"), level=1)
    doc.add_paragraph(clean(f"Bahan harmonisasi rancangan peraturan kepala daerah (Kantor Wilayah Kementerian Hukum, "
                            f"aplikasi e-Harmonisasi). Kolom materi: materi {BASIS} yang dilaksanakan ketentuan itu; "
                            f"pasal yang mendasarinya bila tercatat, atau pernyataan bahwa tidak ada pasal tertentu "
                            f"yang dapat ditunjuk beserta pasal yang mendelegasikan pengaturannya. "
                            f"Kolom dukungan: padanan dalam {compared} peraturan daerah lain di korpus."))
    grid = doc.add_table(rows=1, cols=len(HEADERS))
    grid.style = "Table Grid"
    grid.autofit = False
    for column, width in zip(grid.columns, WIDTHS, strict=True):
        column.width = Mm(width)
    _repeat_header(grid.rows[0])
    for cell, head, width in zip(grid.rows[0].cells, HEADERS, WIDTHS, strict=True):
        cell.width = Mm(width)
        cell.paragraphs[0].add_run(head).bold = True
    empty = None  # the first row before its texts: every row is a copy of it (python-docx builds a row element by
    # element, half the matrix's time; the copies are the same XML), then its texts
    for i, row in enumerate(table, 1):
        if empty is None:
            tr = grid.add_row()._tr
            _no_split(tr)
            for tc, width in zip(tr.tc_lst, WIDTHS, strict=True):
                tc.width = Mm(width)
            empty = copy.deepcopy(tr)
        else:
            tr = copy.deepcopy(empty)
            grid._tbl.append(tr)
        # the row's cells are its w:tc elements (no merged cells here: python-docx's grid walk finds the same)
        for tc, value in zip(tr.tc_lst, row.cells(i, compared), strict=True):
            _text(tc.p_lst[0], clean(value))
    doc.add_heading("Dasar hukum (Mengingat)", level=2)
    for i, m in enumerate(reg.mengingat, 1):
        doc.add_paragraph(clean(f"{i}. {m.text}"))
    doc.add_heading("Hasil pemeriksaan rancangan (rancang check)", level=2)
    doc.add_paragraph(summary(findings))
    for f in findings:
        doc.add_paragraph(clean(f"{f['severity'].upper()} {f['code']} {f['cite']}: {f['message']}"))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()

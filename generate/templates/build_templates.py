"""Build the DOCX template rendered by docxtpl for regulations: ``regulation.docx``.

(The naskah dinas templates, ``templates/naskah/*.docx``, are documents edited as such, not built here.)

Run ``python generate/templates/build_templates.py`` after changing a style; the .docx files are committed so a
user never needs this script. The template is one loop over a stream of paragraphs ``paras``; each paragraph has
a kind ``k`` that picks a Word paragraph style (F4 paper, Bookman Old Style 12, centred headings, hanging indents
whose tab stop equals the indent so that wrapped lines line up under the text, not under the label). User data only
ever reaches the document as context values (``{{ p.t }}``), which docxtpl escapes; it is never part of a template.

Fields of a paragraph: ``t`` text, ``l`` label ("(1)", "a."), ``h`` head ("Menimbang"), ``c`` colon. A tab inside
``t`` (table cells) becomes a Word tab through docxtpl's listing pass; every other control character is removed
from values before rendering.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

HERE = Path(__file__).resolve().parent
FONT = "Bookman Old Style"

J = WD_ALIGN_PARAGRAPH
#: style name -> (alignment, left indent cm, first-line indent cm, tab stops cm, bold, page break before, size pt)
REG_STYLES = {
    "R Judul": (J.CENTER, 0, 0, [], True, False, 12),
    "R Tengah": (J.CENTER, 0, 0, [], False, False, 12),
    "R Teks": (J.JUSTIFY, 0, 0, [], False, False, 12),
    "R Konsiderans": (J.JUSTIFY, 4.25, -4.25, [3.0, 3.5, 4.25], False, False, 12),
    "R Daftar 1": (J.JUSTIFY, 1.0, -1.0, [1.0], False, False, 12),
    "R Daftar 2": (J.JUSTIFY, 2.0, -1.0, [2.0], False, False, 12),
    "R Daftar 3": (J.JUSTIFY, 3.0, -1.0, [3.0], False, False, 12),
    "R Daftar 4": (J.JUSTIFY, 4.0, -1.0, [4.0], False, False, 12),
    "R Lanjutan 1": (J.JUSTIFY, 1.0, 0, [], False, False, 12),
    "R Lanjutan 2": (J.JUSTIFY, 2.0, 0, [], False, False, 12),
    "R Lanjutan 3": (J.JUSTIFY, 3.0, 0, [], False, False, 12),
    "R Ttd": (J.LEFT, 8.5, 0, [], False, False, 12),
    "R Ttd Kiri": (J.LEFT, 0, 0, [], False, False, 12),
    "R Lampiran Awal": (J.LEFT, 8.5, 0, [], False, True, 12),
    "R Lampiran Kop": (J.LEFT, 8.5, 0, [], False, False, 12),
    "R Tabel": (J.LEFT, 1.0, -1.0, [1.0, 11.0], False, False, 11),
    "R Kosong": (J.LEFT, 0, 0, [], False, False, 12),
}
#: paragraph kind -> (style, fields joined by tabs)
REG_KINDS = {
    "judul": ("R Judul", "t"),
    "tengah": ("R Tengah", "t"),
    "teks": ("R Teks", "t"),
    "konsiderans": ("R Konsiderans", "hclt"),
    "d1": ("R Daftar 1", "lt"),
    "d2": ("R Daftar 2", "lt"),
    "d3": ("R Daftar 3", "lt"),
    "d4": ("R Daftar 4", "lt"),
    "n1": ("R Lanjutan 1", "t"),
    "n2": ("R Lanjutan 2", "t"),
    "n3": ("R Lanjutan 3", "t"),
    "ttd": ("R Ttd", "t"),
    "ttd_kiri": ("R Ttd Kiri", "t"),
    "lampiran_awal": ("R Lampiran Awal", "t"),
    "lampiran_kop": ("R Lampiran Kop", "t"),
    "tabel": ("R Tabel", "t"),
    "kosong": ("R Kosong", ""),
}

def _set_font(style, size: int, bold: bool = False) -> None:
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _page(doc) -> None:
    """F4 portrait (215 x 330 mm), margins as Permendagri 80/2015 practice."""
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Mm(215), Mm(330)
    sec.top_margin, sec.bottom_margin = Cm(2.0), Cm(2.0)
    sec.left_margin, sec.right_margin = Cm(2.5), Cm(2.0)


def _styles(doc, table: dict) -> None:
    normal = doc.styles["Normal"]
    _set_font(normal, 12)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    for name, (align, left, first, tabs, bold, brk, size) in table.items():
        st = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = normal
        st.quick_style = True
        _set_font(st, size, bold)
        pf = st.paragraph_format
        pf.alignment = align
        pf.left_indent = Cm(left)
        pf.first_line_indent = Cm(first)
        pf.space_after = Pt(0)
        pf.page_break_before = brk
        pf.widow_control = True
        for pos in tabs:
            pf.tab_stops.add_tab_stop(Cm(pos), WD_TAB_ALIGNMENT.LEFT)


def _control(doc, tag: str) -> None:
    """A paragraph holding only a docxtpl paragraph-level tag ({%p ... %}); docxtpl removes it when rendering."""
    doc.add_paragraph(tag, style="Normal")


def _content(doc, style: str, fields: str) -> None:
    par = doc.add_paragraph(style=style)
    for i, f in enumerate(fields):
        if i:
            par.add_run().add_tab()
        par.add_run("{{ p." + f + " }}")


def build(path: Path, styles: dict, kinds: dict) -> None:
    doc = Document()
    _page(doc)
    _styles(doc, styles)
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    _control(doc, "{%p for p in paras %}")
    for i, (kind, (style, fields)) in enumerate(kinds.items()):
        _control(doc, ("{%p if " if i == 0 else "{%p elif ") + f"p.k == '{kind}' %}}")
        _content(doc, style, fields)
    _control(doc, "{%p endif %}")
    _control(doc, "{%p endfor %}")
    props = doc.core_properties
    props.title, props.author = "rancang", "rancang"
    props.comments = "Templat docxtpl; dibangun oleh build_templates.py"
    doc.save(path)


def main() -> None:
    build(HERE / "regulation.docx", REG_STYLES, REG_KINDS)
    print(f"templat ditulis ke {HERE}")


if __name__ == "__main__":
    main()

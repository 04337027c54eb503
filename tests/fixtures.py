"""Build real PDF (fpdf2) and DOCX (python-docx) files from the seed texts, as a legal bureau would hold them.

The PDF has what JDIH PDFs have: a running header and a page number "- n -" on every page after the first, a
catchword at the bottom of each page (the next page's first words and "..."), words hyphenated at line ends,
and lists set as two columns (the enumerator in a left column, the text wrapped in a right column; enumerators
are drawn after the text and some sit a few points below the text's baseline, as in tables whose cells are not
aligned).

The DOCX uses real Word automatic numbering (numbering.xml abstractNum/num with restarts) wherever the printed
enumerators run in sequence, so the labels exist only in the numbering definitions, as in a bureau's draft.

The markup artefacts of the seed texts ("**", leading "- " bullets) are not typeset: a real PDF shows bold
type,
not asterisks.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

#: an enumerator at the start of a seed line: "a. ", "1. ", "(1) ", "1) ", "a) "
ENUM = re.compile(r"^(\(\d{1,3}\)|\d{1,3}[.)]|[a-z][.)])\s+(\S.*)$")
BULLET = re.compile(r"^\s*-\s+")
SUBST = str.maketrans({"\u2014": "-", "\u2013": "-", "\u2018": "'", "\u2019": "'",
                       "\u201c": '"', "\u201d": '"'})

PAGE_W, PAGE_H = 210.0, 297.0  # A4, mm
LEFT, RIGHT, TOP, BOTTOM = 25.0, 20.0, 28.0, 25.0
LINE_H = 5.0
FONT_SIZE = 10
ENUM_COL = 9.0  # width of the enumerator column, mm


def clean_line(line: str) -> str:
    """A seed line as it would be printed: no markdown bold, no conversion bullets, Latin-1 punctuation."""
    line = BULLET.sub("", line.replace("**", "")).strip()
    return line.translate(SUBST).encode("latin-1", "replace").decode("latin-1")


# ------------------------------------------------------------------------------------------------ PDF


@dataclass
class Placed:
    """One printed line: its x (mm from the left edge), text, and vertical nudge (mm)."""

    x: float
    text: str
    dy: float = 0.0
    enumerator: bool = False


def _wrap(pdf, text: str, width: float, hyphenate: bool) -> list[str]:
    """Break ``text`` into lines of at most ``width`` mm; long plain words are hyphenated when
    ``hyphenate``."""
    out: list[str] = []
    cur = ""
    for word in text.split():
        trial = f"{cur} {word}" if cur else word
        if pdf.get_string_width(trial) <= width:
            cur = trial
            continue
        if hyphenate and cur and len(word) >= 10 and word.isalpha() and word.islower():
            room = width - pdf.get_string_width(cur + " -")
            k = len(word) - 4
            while k >= 4 and pdf.get_string_width(word[:k]) > room:
                k -= 1
            if k >= 4:
                out.append(f"{cur} {word[:k]}-")
                cur = word[k:]
                continue
        if cur:
            out.append(cur)
        cur = word
    if cur:
        out.append(cur)
    return out


def _layout(pdf, lines: list[str], two_column: bool, hyphenate: bool) -> list[list[Placed]]:
    """Seed lines -> printed lines (None rows are paragraph gaps), split into pages."""
    width = PAGE_W - LEFT - RIGHT
    rows: list[Placed | None] = []
    count = 0
    for raw in lines:
        line = clean_line(raw)
        if not line:
            rows.append(None)
            continue
        m = ENUM.match(line) if two_column else None
        if m:
            count += 1
            body = _wrap(pdf, m.group(2), width - ENUM_COL, hyphenate)
            dy = 1.6 if count % 2 else 0.0  # every other enumerator sits ~4.5 pt below the text's baseline
            rows.append(Placed(LEFT + ENUM_COL, body[0]))
            rows[-1].label = Placed(LEFT, m.group(1), dy, True)  # type: ignore[attr-defined]
            rows.extend(Placed(LEFT + ENUM_COL, t) for t in body[1:])
        else:
            rows.extend(Placed(LEFT, t) for t in _wrap(pdf, line, width, hyphenate))
    per_page = int((PAGE_H - TOP - BOTTOM) // LINE_H)
    pages: list[list[Placed | None]] = [[]]
    for row in rows:
        if len(pages[-1]) >= per_page:
            pages.append([])
        if row is None and not pages[-1]:
            continue
        pages[-1].append(row)
    return pages  # type: ignore[return-value]


def build_pdf(text: str, header: str = "", two_column: bool = True, hyphenate: bool = True,
              page_numbers: str = "dash", catchwords: bool = True, max_pages: int | None = None) -> bytes:
    """A PDF of ``text`` with page furniture (see module docstring). ``page_numbers``: "dash" ("- 3 -" at the
    top), "halaman" ("Halaman 3 dari 20" at the bottom), or "" for none; ``max_pages`` cuts the document."""
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", size=FONT_SIZE)
    pages = _layout(pdf, text.splitlines(), two_column, hyphenate)[:max_pages]
    total = len(pages)
    for n, rows in enumerate(pages, start=1):
        pdf.add_page()
        if n > 1 and header:
            pdf.set_xy(LEFT, 10)
            pdf.cell(text=header)
        if n > 1 and page_numbers == "dash":
            pdf.set_xy(0, 16)
            pdf.cell(w=PAGE_W, text=f"- {n} -", align="C")
        if page_numbers == "halaman":
            pdf.set_xy(0, PAGE_H - 12)
            pdf.cell(w=PAGE_W, text=f"Halaman {n} dari {total}", align="C")
        labels: list[tuple[float, Placed]] = []
        y = TOP
        for row in rows:
            if row is not None:
                pdf.text(row.x, y, row.text)
                label = getattr(row, "label", None)
                if label is not None:
                    labels.append((y, label))
            y += LINE_H
        for ly, label in labels:  # the enumerator column is drawn after the text column
            pdf.text(label.x, ly + label.dy, label.text)
        if catchwords and n < total:
            nxt = next((r for r in pages[n] if r is not None), None)
            if nxt is not None:
                words = " ".join(((getattr(nxt, "label", None) and nxt.label.text + " ") or "").split()
                                 + nxt.text.split()[:2])
                catch = f"{words} ..."
                pdf.text(PAGE_W - RIGHT - pdf.get_string_width(catch), PAGE_H - BOTTOM + 8, catch)
    return bytes(pdf.output())


# ------------------------------------------------------------------------------------------------ DOCX

#: enumerator style -> (numFmt, lvlText)
FORMATS = {
    "paren": ("decimal", "(%1)"),
    "decimal": ("decimal", "%1."),
    "decimal_paren": ("decimal", "%1)"),
    "letter": ("lowerLetter", "%1."),
    "letter_paren": ("lowerLetter", "%1)"),
}


def _label_style(label: str) -> tuple[str, int] | None:
    """("letter", 3) for "c.", ("paren", 2) for "(2)" ..."""
    if m := re.fullmatch(r"\((\d+)\)", label):
        return "paren", int(m.group(1))
    if m := re.fullmatch(r"(\d+)([.)])", label):
        return ("decimal" if m.group(2) == "." else "decimal_paren"), int(m.group(1))
    if m := re.fullmatch(r"([a-z])([.)])", label):
        return ("letter" if m.group(2) == "." else "letter_paren"), ord(m.group(1)) - 96
    return None


class _Numbering:
    """Adds one abstractNum per enumerator style and one w:num (with a startOverride) per list."""

    def __init__(self, document) -> None:
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        self._parse, self._ns = parse_xml, nsdecls("w")
        self.root = document.part.numbering_part.element
        self.abstract: dict[str, int] = {}
        self.next_id = 100

    def _abstract(self, style: str) -> int:
        if style not in self.abstract:
            fmt, text = FORMATS[style]
            aid = 50 + len(self.abstract)
            xml = (f'<w:abstractNum {self._ns} w:abstractNumId="{aid}">'
                   '<w:multiLevelType w:val="singleLevel"/>'
                   f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                   f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                   '<w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr></w:lvl></w:abstractNum>')
            first_num = self.root.find(self._q("num"))
            node = self._parse(xml)
            if first_num is not None:
                first_num.addprevious(node)
            else:
                self.root.append(node)
            self.abstract[style] = aid
        return self.abstract[style]

    def _q(self, tag: str) -> str:
        from docx.oxml.ns import qn

        return qn(f"w:{tag}")

    def new_list(self, style: str) -> int:
        aid = self._abstract(style)
        nid = self.next_id
        self.next_id += 1
        self.root.append(self._parse(
            f'<w:num {self._ns} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
        return nid


def _set_numbering(paragraph, num_id: int) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    ppr = paragraph._p.get_or_add_pPr()
    xml = f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
    ppr.insert(0, parse_xml(xml))


def build_docx(text: str, numbering: bool = True) -> bytes:
    """A DOCX of ``text``: one paragraph per line; enumerators that run in sequence become Word numbering."""
    from docx import Document

    doc = Document()
    numbers = _Numbering(doc)
    current: dict[str, tuple[int, int]] = {}  # style -> (numId, last value)
    for raw in text.splitlines():
        line = BULLET.sub("", raw.replace("**", "")).strip()
        if not line:
            doc.add_paragraph("")  # spacing paragraphs, as drafters type them
            continue
        m = ENUM.match(line)
        style = _label_style(m.group(1)) if (m and numbering) else None
        if style is not None:
            kind, value = style
            num_id, last = current.get(kind, (0, 0))
            if value == 1:
                num_id = numbers.new_list(kind)
            elif not num_id or value != last + 1:
                doc.add_paragraph(line)  # out of sequence (an OCR slip, a skipped number): printed as is
                continue
            current[kind] = (num_id, value)
            _set_numbering(doc.add_paragraph(m.group(2)), num_id)
            continue
        doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def pdf_of(objs: list[bytes]) -> bytes:
    """A PDF of the objects ``objs`` (numbered from 1; object 1 is the catalog) with a correct xref table."""
    out, offsets = b"%PDF-1.4\n", []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)

"""The body of a Word document read as Word shows it: lines in reading order, and what is not shown recorded.

What a person sees, element by element (ECMA-376 Part 1 and Part 3):

- containers are read through: content controls (``w:sdt``) at block, row, cell and run level, custom XML
  (``w:customXml``) at the same levels, smart tags, hyperlinks, simple fields, tracked insertions and moves-to,
  and any element the reader does not name;
- ``mc:AlternateContent``: exactly one branch, the first ``mc:Choice``, else ``mc:Fallback``; the other branch is
  recorded as ``alternate`` (Word writes every text box twice, DrawingML and VML);
- text boxes, shapes and SmartArt (``w:txbxContent`` in ``w:drawing`` or ``w:pict``; a diagram's data part, see
  :mod:`~rancang.ingest.readers.docx.diagram`) are their own lines: a floating box
  (``wp:anchor``, VML ``position:absolute``) before the lines of the paragraph it is anchored in, an inline box
  where it stands;
- All Caps / Small Caps (run, character style, paragraph style and their ``basedOn`` chains) shown as capitals;
  hidden text (``w:vanish``) is not shown and is recorded as ``hidden``;
- fields show their result, not their instruction (``w:instrText``); ``w:sym`` shows its character (Symbol font
  codes mapped to Unicode); tracked deletions and moves-from are read as accepted (their ``w:t`` recorded as
  ``tracked``); footnote, endnote and comment references are noted with their line (the notes are read apart).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from rancang.ingest.readers.docx.diagram import data_rid
from rancang.ingest.readers.docx.numbering import Numbering, _q
from rancang.ingest.readers.docx.styles import Styles
from rancang.ingest.readers.docx.tables import table_lines
from rancang.ingest.writers.markdown import CANONICAL_MARK

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"

#: property and marker elements: they carry no text a person reads
SKIP = frozenset(_q(t) for t in (
    "pPr", "rPr", "sectPr", "sdtPr", "sdtEndPr", "tblPr", "tblGrid", "tblPrEx", "trPr", "tcPr", "customXmlPr",
    "smartTagPr", "bookmarkStart", "bookmarkEnd", "proofErr", "permStart", "permEnd", "commentRangeStart",
    "commentRangeEnd", "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
    "customXmlInsRangeStart", "customXmlInsRangeEnd", "customXmlDelRangeStart", "customXmlDelRangeEnd",
    "customXmlMoveFromRangeStart", "customXmlMoveFromRangeEnd", "customXmlMoveToRangeStart",
    "customXmlMoveToRangeEnd", "fldData", "lastRenderedPageBreak", "instrText", "delInstrText", "fldChar",
    "annotationRef", "footnoteRef", "endnoteRef", "separator", "continuationSeparator"))
#: tracked changes whose content is gone once the changes are accepted
REJECTED = frozenset((_q("del"), _q("moveFrom")))
#: elements that hold runs: at block level (where Word never puts them) they are read as a paragraph
INLINE = frozenset(_q(t) for t in ("r", "hyperlink", "smartTag", "fldSimple"))
#: what a run holds
RUN_CONTENT = frozenset(_q(t) for t in ("t", "sym", "tab", "ptab", "br", "cr", "noBreakHyphen", "drawing", "pict",
                                        "object", "footnoteReference", "endnoteReference", "commentReference",
                                        "ruby"))
_BREAKS = (None, "textWrapping", "page", "column")


def _symbols() -> dict[str, str]:
    data = json.loads(resources.files(__package__).joinpath("symbol.json").read_text("utf-8"))
    return data["symbol"]


SYMBOL = _symbols()


def symbol(el: Any) -> str:
    """The character a ``w:sym`` shows: ``w:char`` in the Symbol font (F020-F0FE, or 20-FE) mapped through the
    Symbol encoding ("F0A3" -> "≤"); any other font's private-use code kept as it is; "" when ``w:char`` is no
    code point."""
    try:
        code = int((el.get(_q("char")) or "")[:6], 16)
    except ValueError:
        return ""
    font = (el.get(_q("font")) or "").strip().lower()
    low = code - 0xF000 if 0xF000 <= code <= 0xF0FF else code
    if font == "symbol" and 0x20 <= low <= 0xFF:
        return SYMBOL.get(f"{low:02X}", chr(code))
    return chr(code) if 0 < code < 0x110000 and not 0xD800 <= code <= 0xDFFF else ""


@cache
def _entity() -> Any:
    """lxml's tag of an unresolved entity; lxml is imported when a DOCX is first read (a text ingest needs none: 5 ms
    of every start, issue 33)."""
    from lxml import etree

    return etree.Entity


def t_text(el: Any) -> str:
    """The text of a ``w:t`` (an unresolved entity stays "&name;", the text after it too); the text of an element
    inside it (malformed XML) is that element's, not the ``w:t``'s."""
    parts = [el.text or ""]
    entity = _entity()
    for child in el:
        if child.tag is entity:
            parts.append(child.text or "")
        parts.append(child.tail or "")
    return "".join(parts)


def all_text(el: Any) -> str:
    """Every ``w:t``/``w:sym``/``m:t`` text under ``el`` (what is recorded when ``el`` is not shown)."""
    out = []
    for t in el.iter(_q("t"), _q("sym"), M + "t"):
        out.append(symbol(t) if t.tag == _q("sym") else t_text(t))
    return " ".join(" ".join(out).split())


def branch(alt: Any) -> tuple[Any | None, list[Any]]:
    """(the branch of an ``mc:AlternateContent`` a consumer shows, the branches it does not): the first
    ``mc:Choice``, else ``mc:Fallback`` (ECMA-376 Part 3, 10.2.1)."""
    branches = [c for c in alt if c.tag in (MC + "Choice", MC + "Fallback")]
    chosen = next((c for c in branches if c.tag == MC + "Choice"), None)
    if chosen is None:
        chosen = next((c for c in branches if c.tag == MC + "Fallback"), None)
    return chosen, [c for c in branches if c is not chosen]


@dataclass
class _Para:
    """What one paragraph collects: its text pieces, the lines of floating boxes anchored in it, hidden text and
    note references."""

    style: str | None
    line: int
    parts: list[str] = field(default_factory=list)
    before: list[str] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)


class Reader:
    """Walks a document part (or a note, comment or header) into lines; ``removed`` gets what is not shown,
    ``notes`` the (kind, id, line) of each note reference, ``generated`` the list labels Word draws."""

    def __init__(self, numbering: Numbering, styles: Styles, chunk: Callable[[str], list[str]] | None = None,
                 diagram: Callable[[str], list[str]] | None = None) -> None:
        self.numbering, self.styles, self.chunk, self.diagram = numbering, styles, chunk, diagram
        self.lines: list[str] = []
        self.tables: list[dict[str, Any]] = []
        self.removed: list[dict[str, Any]] = []
        self.notes: list[tuple[str, str, int]] = []
        self.generated: list[str] = []

    def here(self) -> int:
        return len(self.lines) + 1

    def record(self, kind: str, el: Any, line: int | None = None) -> None:
        text = el if isinstance(el, str) else all_text(el)
        if text.strip():
            self.removed.append({"kind": kind, "line": line or self.here(), "text": text})

    def chosen(self, alt: Any) -> Any | None:
        shown, others = branch(alt)
        for other in others:
            self.record("alternate", other)
        return shown

    # ------------------------------------------------------------------------------------------- blocks

    def block(self, el: Any) -> list[str]:
        """The lines of one block-level element (paragraph, table, container, imported chunk)."""
        tag = el.tag
        if not isinstance(tag, str) or tag in SKIP:
            return []
        if tag == _q("p"):
            return self.paragraph(el)
        if tag == _q("tbl"):
            return table_lines(self, el)
        if tag in REJECTED:
            self.record("tracked", el)
            return []
        if tag == MC + "AlternateContent":
            el = self.chosen(el)
        elif tag == _q("altChunk"):
            return self.chunk(el.get(R_ID) or "") if self.chunk is not None else []
        elif tag in INLINE:
            return self.paragraph(el)
        return [ln for child in (el if el is not None else []) for ln in self.block(child)]

    def paragraph(self, p: Any) -> list[str]:
        """The lines of a paragraph: floating boxes first, then its text (line breaks and inline boxes end
        lines), the first line after the label Word draws from the paragraph's numbering."""
        pc = _Para(style=self.styles.paragraph_style(p), line=self.here())
        self.inline(p, pc)
        texts = [" ".join(s.split()) for s in "".join(pc.parts).split("\n")]
        hidden = " ".join(" ".join(pc.hidden).split())
        if hidden == CANONICAL_MARK and not any(texts):  # rancang's own mark, hidden from people, read by it
            return pc.before + [hidden]
        if hidden:
            self.record("hidden", hidden, pc.line)
        if pc.hidden and not any(texts) and self.styles.mark_hidden(p):
            return pc.before  # a hidden paragraph: neither its text nor its number is shown
        num = self.styles.num_pr(p) if p.tag == _q("p") else None
        if num is not None:
            label = self.numbering.label(*num)
            if label and self.styles.label_caps(p, self.numbering.level(*num).toggles, pc.style):
                label = label.upper()
            if label:
                self.generated.append(label)
            if label and texts and texts[0]:
                texts[0] = f"{label} {texts[0]}"
            elif label:
                texts = [label] + texts[1:] if texts else [label]
        return pc.before + texts

    # ------------------------------------------------------------------------------------------- inline

    def inline(self, el: Any, pc: _Para) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in SKIP:
                continue
            if tag == _q("r"):
                self.run(child, child, pc, self.styles.run(pc.style, child))
            elif tag in REJECTED:
                self.record("tracked", child, pc.line)
            elif tag == MC + "AlternateContent":
                shown = self.chosen(child)
                if shown is not None:
                    self.inline(shown, pc)
            elif tag in (M + "oMath", M + "oMathPara"):
                pc.parts.append(" ".join(t_text(t) for t in child.iter(M + "t")))
            elif tag == _q("p"):  # a paragraph where runs belong (malformed): its text on its own lines
                pc.parts.append("\n" + "\n".join(self.paragraph(child)) + "\n")
            elif tag in RUN_CONTENT:  # run content outside a run (malformed): read with the holder's properties
                self.run(el, [child], pc, self.styles.run(pc.style, el))
            else:  # hyperlink, smartTag, customXml, sdt/sdtContent, fldSimple, ins, moveTo, dir, bdo, unknown
                self.inline(child, pc)

    def run(self, r: Any, holder: Any, pc: _Para, props: dict[str, bool]) -> None:
        """The content of run ``r`` (or of an mc branch inside it, ``holder``) with the run's properties."""
        if props["vanish"]:
            pc.hidden.append(all_text(holder))
            for box in self.boxes(holder):
                pc.hidden.extend(self.box_lines(box))
            return
        upper = props["caps"] or props["smallCaps"]
        for child in holder:
            tag = child.tag
            if not isinstance(tag, str) or tag in SKIP:
                continue
            if tag == _q("t"):
                pc.parts.append(t_text(child).upper() if upper else t_text(child))
                if len(child):  # elements inside a w:t (malformed): read after its text
                    self.run(r, [c for c in child if isinstance(c.tag, str)], pc, props)
            elif tag == _q("sym"):
                pc.parts.append(symbol(child))
            elif tag in (_q("tab"), _q("ptab")):
                pc.parts.append(" ")
            elif tag in (_q("br"), _q("cr")):
                if child.get(_q("type")) in _BREAKS:
                    pc.parts.append("\n")
            elif tag == _q("noBreakHyphen"):
                pc.parts.append("-")
            elif tag in (_q("drawing"), _q("pict"), _q("object")):
                self.shape(child, pc)
            elif tag == MC + "AlternateContent":
                shown = self.chosen(child)
                if shown is not None:
                    self.run(r, shown, pc, props)
            elif tag in (_q("footnoteReference"), _q("endnoteReference"), _q("commentReference")):
                kind = {"footnoteReference": "footnote", "endnoteReference": "endnote"}.get(
                    tag[len(_q("")):], "comment")
                self.notes.append((kind, child.get(_q("id")) or "", pc.line))
            elif tag == _q("ruby"):
                base = child.find(_q("rubyBase"))
                if base is not None:
                    self.inline(base, pc)
            elif tag == _q("p"):  # a paragraph inside a run (malformed): its text on its own lines
                pc.parts.append("\n" + "\n".join(self.paragraph(child)) + "\n")
            elif tag in REJECTED:
                self.record("tracked", child, pc.line)
            elif tag not in (_q("delText"), _q("softHyphen")):  # any other element: read through
                self.run(r, child, pc, props)

    # ------------------------------------------------------------------------------------------- shapes

    def boxes(self, el: Any) -> list[Any]:
        """The text boxes (``w:txbxContent``) in a drawing, picture or object, in document order; one branch of
        each mc:AlternateContent inside; a box inside a box is read with its outer box."""
        out: list[Any] = []
        for child in el:
            if not isinstance(child.tag, str):
                continue
            if child.tag == _q("txbxContent"):
                out.append(child)
            elif child.tag == MC + "AlternateContent":
                shown = self.chosen(child)
                out.extend(self.boxes(shown) if shown is not None else [])
            else:
                out.extend(self.boxes(child))
        return out

    def box_lines(self, box: Any) -> list[str]:
        return [ln for child in box for ln in self.block(child) if ln]

    def shape(self, el: Any, pc: _Para) -> None:
        """A drawing or VML picture: the lines of its text boxes and SmartArt before the paragraph (floating) or
        in place."""
        floating = el.find(WP + "anchor") is not None or any(
            "position:absolute" in (s.get("style") or "").replace(" ", "") for s in el.iter() if isinstance(s.tag, str))
        rid = data_rid(el)
        drawn = [self.diagram(rid)] if rid and self.diagram is not None else []
        for lines in [self.box_lines(box) for box in self.boxes(el)] + drawn:
            if not lines:
                continue
            if floating:
                pc.before.extend(lines)
            else:
                pc.parts.append("\n" + "\n".join(lines) + "\n")

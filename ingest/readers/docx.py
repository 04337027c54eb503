"""DOCX reader (python-docx): paragraphs and tables in document order -> lines, with Word's numbering made
visible.

A bureau's draft rarely types "a." or "(1)": Word draws them from numbering.xml. The parser reads what a
person sees, so each numbered paragraph gets the label Word would show ("a.", "1.", "(1)"), computed from the
paragraph's ``numPr`` (or its style's), the list definition (``abstractNum``: ``start``, ``numFmt``,
``lvlText``, ``lvlRestart``) and the instance overrides (``num``/``lvlOverride``/``startOverride``), with one
counter set per list instance.

Tracked changes are read as accepted (:func:`accept_changes`).

Tables are emitted row by row. A layout row (short label cells such as "Menimbang", ":", "a." before one
text cell) reads as one line, as it does on paper; any other row becomes "| cell | cell |"; every table is
also kept with its rows and cells in ``Document.extra["tables"]``.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from rancang.errors import InputError
from rancang.ingest.readers.document import Document
from rancang.limits import limit
from rancang.numbering import MAX_ROMAN, huruf, roman

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _q(tag: str) -> str:
    return W + tag


def _val(el: Any, tag: str, default: str | None = None) -> str | None:
    child = el.find(_q(tag)) if el is not None else None
    return child.get(_q("val"), default) if child is not None else default


# ------------------------------------------------------------------------------------------- numbering


@dataclass
class Level:
    """One level of a list definition."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # lvlRestart: restart after this (1-based) level; 0 = never
    suffix: str = "tab"


@dataclass
class Numbering:
    """The numbering definitions of a document and the running counters of its list instances."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    #: numId -> (abstractNumId, {ilvl: startOverride})
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)
    counters: dict[str, list[int | None]] = field(default_factory=dict)

    @classmethod
    def from_xml(cls, root: Any | None) -> Numbering:
        out = cls()
        if root is None:
            return out
        for an in root.iter(_q("abstractNum")):
            levels: dict[int, Level] = {}
            for lvl in an.iter(_q("lvl")):
                levels[_ilvl(lvl.get(_q("ilvl")))] = _level(lvl)
            out.abstract[an.get(_q("abstractNumId"))] = levels
        for num in root.iter(_q("num")):
            overrides: dict[int, int] = {}
            for ov in num.iter(_q("lvlOverride")):
                start = _val(ov, "startOverride")
                if start is not None:
                    overrides[_ilvl(ov.get(_q("ilvl")))] = _start(start)
            out.nums[num.get(_q("numId"))] = (_val(num, "abstractNumId") or "", overrides)
        return out

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the counter of list ``num_id`` at level ``ilvl`` and return the label Word shows there.

        Instances that override a start count on their own; instances without overrides share the counters of
        their abstract list, as Word continues such lists.
        """
        if num_id not in self.nums or num_id == "0":
            return ""
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        key = num_id if overrides else f"abstract:{abstract_id}"
        counters = self.counters.setdefault(key, [None] * 9)
        level = levels.get(ilvl, Level())
        current = counters[ilvl]
        counters[ilvl] = overrides.get(ilvl, level.start) if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            lvl = levels.get(deeper, Level())
            if lvl.restart is None or (lvl.restart and ilvl + 1 <= lvl.restart):
                counters[deeper] = None
        if level.fmt == "none":
            return ""

        def fill(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lvl = levels.get(k, Level())
            count = counters[k]
            value = count if count is not None else overrides.get(k, lvl.start)
            return format_number(value, level.fmt if k == ilvl else lvl.fmt)

        if level.fmt == "bullet":
            return "-"
        return re.sub(r"%([1-9])", fill, level.text)


def _level(lvl: Any) -> Level:
    restart = _val(lvl, "lvlRestart")
    return Level(
        start=_start(_val(lvl, "start", "1") or "1"),
        fmt=_val(lvl, "numFmt", "decimal") or "decimal",
        text=_val(lvl, "lvlText", "") or "",
        restart=int(restart) if restart is not None else None,
        suffix=_val(lvl, "suff", "tab") or "tab",
    )


def _int(value: str | None, default: int, lo: int, hi: int) -> int:
    """An integer attribute of numbering.xml clamped into [lo, hi]; ``default`` when it is not a number."""
    try:
        n = int(str(value)[:12]) if value is not None else default
    except ValueError:
        n = default
    return min(max(n, lo), hi)


def _ilvl(value: str | None) -> int:
    """A list level (w:ilvl): Word has nine, 0-8; out-of-range or non-numeric levels are clamped."""
    return _int(value, 0, 0, limit("docx_list_levels") - 1)


def _start(value: str | None) -> int:
    """A list start value, clamped to ``limits.docx_list_start`` (Word allows 32767; a forged 10^10 would make
    labels of millions of letters)."""
    return _int(value, 1, 0, limit("docx_list_start"))


def format_number(value: int, fmt: str) -> str:
    """A counter value in a Word numFmt: decimal 3, lowerLetter c, upperRoman III, lowerLetter 27 -> aa ..."""
    if fmt in ("lowerLetter", "upperLetter") and value <= 26 * 30:  # beyond 30 repeats ("ddd..."): decimal
        letter = huruf(max(value, 1))
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman") and value <= MAX_ROMAN:
        numeral = roman(max(value, 1))
        return numeral.lower() if fmt == "lowerRoman" else numeral
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


# ------------------------------------------------------------------------------------------- text


def paragraph_text(p: Any) -> list[str]:
    """The visible text of a w:p: runs, tabs as spaces, line breaks as new lines; deleted text and field codes
    are skipped (they are not shown)."""
    parts: list[str] = []
    for el in p.iter(_q("t"), _q("tab"), _q("br"), _q("cr"), _q("noBreakHyphen"), _q("sym")):
        tag = el.tag[len(W):]
        if tag == "t":
            parts.append("".join(el.itertext()))  # an unresolved entity stays "&name;", the text after it too
        elif tag == "tab":
            if el.getparent() is not None and el.getparent().tag == _q("r"):
                parts.append(" ")
        elif tag in ("br", "cr"):
            if el.get(_q("type")) in (None, "textWrapping"):
                parts.append("\n")
        elif tag == "noBreakHyphen":
            parts.append("-")
    return [" ".join(s.split()) for s in "".join(parts).split("\n")]


def _num_pr(p: Any, styles: dict[str, tuple[str, int]]) -> tuple[str, int] | None:
    ppr = p.find(_q("pPr"))
    if ppr is None:
        return None
    num = ppr.find(_q("numPr"))
    if num is not None:
        num_id = _val(num, "numId")
        if num_id is not None:
            return num_id, _ilvl(_val(num, "ilvl", "0"))
    style = _val(ppr, "pStyle")
    return styles.get(style) if style else None


def _style_numbering(styles_root: Any | None) -> dict[str, tuple[str, int]]:
    """Paragraph styles that carry numbering (Word's "List Number" and multilevel lists bound to styles)."""
    out: dict[str, tuple[str, int]] = {}
    if styles_root is None:
        return out
    for st in styles_root.iter(_q("style")):
        ppr = st.find(_q("pPr"))
        num = ppr.find(_q("numPr")) if ppr is not None else None
        num_id = _val(num, "numId") if num is not None else None
        if num_id is not None:
            out[st.get(_q("styleId"))] = (num_id, _ilvl(_val(num, "ilvl", "0")))
    return out


#: cells that only label the text beside them: ":", an enumerator ("a.", "(1)", "1)"), a one-word caption
_LABEL_CELL = re.compile(r"^(?::|\(?\w{1,3}[.)]|\(\w{1,3}\)|[A-Za-z]+\s*:?)$")
#: a layout row needs at least one cell that is a colon or an enumerator
_MARK_CELL = re.compile(r"^(?::|\(?\w{1,3}[.)]|\(\w{1,3}\)|[A-Za-z]+\s*:)$")


class _Reader:
    def __init__(self, numbering: Numbering, styles: dict[str, tuple[str, int]]) -> None:
        self.numbering, self.styles = numbering, styles
        self.lines: list[str] = []
        self.tables: list[dict[str, Any]] = []

    def paragraph(self, p: Any) -> list[str]:
        texts = paragraph_text(p)
        num = _num_pr(p, self.styles)
        if num is not None:
            label = self.numbering.label(*num)
            if label and texts and texts[0]:
                texts[0] = f"{label} {texts[0]}"
            elif label:
                texts = [label] + texts[1:] if texts else [label]
        return texts

    def block(self, el: Any) -> list[str]:
        if el.tag == _q("p"):
            return self.paragraph(el)
        if el.tag == _q("tbl"):
            return self.table(el)
        if el.tag == _q("sdt"):  # content controls wrap ordinary paragraphs and tables
            content = el.find(_q("sdtContent"))
            return [ln for child in (content if content is not None else []) for ln in self.block(child)]
        return []

    def cell_lines(self, tc: Any) -> list[str]:
        return [ln for child in tc for ln in self.block(child) if ln]

    def table(self, tbl: Any) -> list[str]:
        out: list[str] = []
        rows: list[list[str]] = []
        grid = [[self.cell_lines(tc) for tc in tr.findall(_q("tc"))] for tr in tbl.iter(_q("tr"))
                if tr.getparent() is tbl]
        # a table used only to place text (a signature block or a Lampiran head set right, beside an empty cell):
        # every row holds one filled cell, and the table has more than one column; its lines are read as lines
        placing = any(len(cells) > 1 for cells in grid) and all(
            sum(1 for c in cells if c) <= 1 for cells in grid)
        for cells in grid:
            rows.append([" ".join(c) for c in cells])
            filled = [c for c in cells if c]
            if not filled:
                continue
            if placing:
                out.extend(filled[0])
                continue
            labels, last = filled[:-1], filled[-1]
            if (labels and all(len(c) == 1 and _LABEL_CELL.match(c[0]) for c in labels)
                    and any(_MARK_CELL.match(c[0]) for c in labels)):
                out.append(" ".join([c[0] for c in labels] + last[:1]))
                out.extend(last[1:])
            else:
                out.append("| " + " | ".join(" ".join(c) for c in cells) + " |")
        self.tables.append({"rows": rows, "line": len(self.lines)})
        return out


#: Track Changes elements whose content is gone once the changes are accepted: deleted text and the old place of
#: moved text (Word keeps moved-away text in ordinary w:t runs inside w:moveFrom)
_REJECTED = (_q("del"), _q("moveFrom"))


def accept_changes(body: Any) -> int:
    """Read the document as if every tracked change were accepted (as a reviewer's final copy): ``w:del`` and
    ``w:moveFrom`` (with their runs) are dropped, ``w:ins`` and ``w:moveTo`` are kept as ordinary text. A
    ``w:del`` inside run or paragraph properties only marks a deleted mark and carries no text. Returns the
    number of elements dropped."""
    gone = [el for el in body.iter(*_REJECTED)
            if el.getparent() is not None and el.getparent().tag not in (_q("rPr"), _q("pPr"))]
    for el in gone:
        el.getparent().remove(el)
    return len(gone)


def _xml(zf: zipfile.ZipFile, name: str) -> Any | None:
    from lxml import etree

    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    if info.file_size > limit("docx_part_bytes"):
        raise _TooLarge(name)
    data = zf.read(info)  # zipfile never inflates beyond the declared file_size (and checks the CRC)
    return etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, huge_tree=True))


class _TooLarge(Exception):
    """A DOCX part that inflates beyond ``limits.docx_part_bytes`` (or all parts beyond ``docx_total_bytes``)."""


def _main_part(zf: zipfile.ZipFile) -> str:
    """The main document part named in [Content_Types].xml (usually word/document.xml)."""
    names = set(zf.namelist())
    if "word/document.xml" in names:
        return "word/document.xml"
    for n in names:
        if n.startswith("word/") and n.endswith("document.xml"):
            return n
    raise KeyError("document.xml")


def read(data: bytes, name: str = "") -> Document:
    """Read a DOCX into lines; a broken or non-Word ZIP is refused with one sentence."""
    label = name or "berkas"
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        if sum(i.file_size for i in zf.infolist()) > limit("docx_total_bytes"):
            raise _TooLarge("")
        part = _main_part(zf)
        body_root = _xml(zf, part)
        numbering = Numbering.from_xml(_xml(zf, "word/numbering.xml"))
        styles = _style_numbering(_xml(zf, "word/styles.xml"))
    except _TooLarge:
        mb = limit("docx_part_bytes") // 2**20
        raise InputError(f"{label}: isi DOCX mengembang melampaui {mb} MB saat dibuka (bom ZIP?); dokumen ini "
                         "tidak dibaca.") from None
    except KeyError as exc:
        raise InputError(f"{label}: berkas ZIP ini bukan dokumen Word (DOCX); tidak ada word/document.xml.") \
            from exc
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
        raise InputError(
            f"{label}: DOCX rusak atau terpotong dan tidak dapat dibuka; "
            "simpan ulang dari Word lalu coba lagi."
        ) from exc
    except Exception as exc:  # noqa: BLE001 - lxml.etree.XMLSyntaxError and kin
        raise InputError(
            f"{label}: isi DOCX rusak (XML di dalamnya tidak dapat diurai); simpan ulang dari Word lalu coba lagi."
        ) from exc
    body = body_root.find(_q("body")) if body_root is not None else None
    if body is None:
        raise InputError(f"{label}: DOCX tidak memiliki isi dokumen (w:body).")
    accept_changes(body)
    reader = _Reader(numbering, styles)
    try:
        for el in body:
            reader.lines.extend(reader.block(el))
    except RecursionError:
        raise InputError(f"{label}: isi DOCX bersarang terlalu dalam (tabel atau kontrol isi di dalam satu sama "
                         "lain); simpan ulang dari Word lalu coba lagi.") from None
    extra: dict[str, Any] = {"tables": reader.tables} if reader.tables else {}
    return Document(lines=reader.lines, format="docx", extra=extra)

"""Word tables read row by row, as they are printed.

Rows and cells may sit inside content controls (``w:sdt``: Word's repeating sections) or custom XML at row and
cell level; both are read through. A row deleted under Track Changes (``w:trPr/w:del``) is gone once the changes
are accepted (its text recorded as ``tracked``).

A table used only to place text (every row one filled cell, more than one column: a signature block, a Lampiran
head set right) reads as its lines. A layout row (short label cells such as "Menimbang", ":", "a." before one
text cell) reads as one line, as it does on paper; any other row becomes "| cell | cell |"; every table is also
kept with its rows and cells in ``Document.extra["tables"]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Protocol

from rancang.ingest.readers.docx.numbering import _q


class Reader(Protocol):
    """What a table needs of the body reader (:class:`~rancang.ingest.readers.docx.body.Reader`)."""

    tables: list[dict[str, Any]]
    lines: list[str]
    generated: list[str]

    def block(self, el: Any) -> list[str]: ...

    def chosen(self, alt: Any) -> Any | None: ...

    def record(self, kind: str, el: Any, line: int | None = None) -> None: ...

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
#: cells that only label the text beside them: ":", an enumerator ("a.", "(1)", "1)"), a one-word caption
_LABEL_CELL = re.compile(r"^(?::|\(?\w{1,3}[.)]|\(\w{1,3}\)|[A-Za-z]+\s*:?)$")
#: a layout row needs at least one cell that is a colon or an enumerator
_MARK_CELL = re.compile(r"^(?::|\(?\w{1,3}[.)]|\(\w{1,3}\)|[A-Za-z]+\s*:)$")
_PROPS = frozenset(_q(t) for t in ("tblPr", "tblGrid", "tblPrEx", "trPr", "tcPr", "sdtPr", "sdtEndPr", "customXmlPr",
                                   "bookmarkStart", "bookmarkEnd", "permStart", "permEnd", "proofErr"))


def _items(reader: Reader, el: Any, tag: str) -> Iterator[Any]:
    """The ``tag`` children (rows of a table, cells of a row) of ``el``, through any wrapper around them."""
    for child in el:
        if not isinstance(child.tag, str) or child.tag in _PROPS:
            continue
        if child.tag == tag:
            yield child
        elif child.tag == MC + "AlternateContent":
            shown = reader.chosen(child)
            if shown is not None:
                yield from _items(reader, shown, tag)
        elif child.tag in (_q("del"), _q("moveFrom")):
            reader.record("tracked", child)
        elif next(child.iter(tag), None) is not None:  # w:sdt / w:sdtContent / w:customXml, any other wrapper
            yield from _items(reader, child, tag)
        else:  # content where a row or cell belongs (malformed): read as one row or cell of its own
            yield child


def _deleted(tr: Any) -> bool:
    trpr = tr.find(_q("trPr"))
    return trpr is not None and trpr.find(_q("del")) is not None


def table_lines(reader: Reader, tbl: Any) -> list[str]:
    """The lines of table ``tbl``; its rows and cells are also appended to ``reader.tables``."""
    out: list[str] = []
    rows: list[list[str]] = []
    grid = []
    for tr in _items(reader, tbl, _q("tr")):
        if _deleted(tr):
            reader.record("tracked", tr)
            continue
        items = _items(reader, tr, _q("tc")) if tr.tag == _q("tr") else iter([tr])
        grid.append([[ln for child in (tc if tc.tag == _q("tc") else [tc]) for ln in reader.block(child) if ln]
                     for tc in items])
    # a table used only to place text (a signature block or a Lampiran head set right, beside an empty cell):
    # every row holds one filled cell, and the table has more than one column; its lines are read as lines
    placing = any(len(cells) > 1 for cells in grid) and all(sum(1 for c in cells if c) <= 1 for cells in grid)
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
            reader.generated.append("|" * (len(cells) + 1))
    reader.tables.append({"rows": rows, "line": len(reader.lines)})
    return out

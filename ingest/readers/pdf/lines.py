"""Line assembly of a PDF: the pages' lines (furniture removed) as the text lines the parser reads, with a blank
line where the vertical gap shows a new paragraph, wrapped lines that would be misread joined
(:func:`join_wrapped`) and words hyphenated at a line end joined (:func:`join_hyphenation`)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Any

from rancang.ingest.readers.pdf.pages import Line, Page

_HYPHEN_END = re.compile(r"(\w+)-$")
_WORD_START = re.compile(r"^([a-z]\w*)(\S*)")


def join_hyphenation(lines: list[str], removed: list[dict[str, Any]]) -> list[str]:
    """A word broken at the line end ("penyeder-" / "hanaan ...") is joined on the first line. A reduplicated
    word ("perundang-" / "undangan", "masing-" / "masing") keeps its hyphen: the second half repeats the end
    of the first."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        m = _HYPHEN_END.search(line)
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        n = _WORD_START.match(nxt) if m else None
        if m and n and not line.rstrip("-").endswith("-"):
            head, rest = m.group(1), n.group(1)
            top = min(len(head), len(rest))
            redup = any(head[-k:].lower() == rest[:k].lower() for k in range(3, top + 1))
            joiner = "-" if redup else ""
            if not redup:
                removed.append({"kind": "hyphen", "text": "-", "line": len(out)})
            rest = n.group(0)  # the word with the punctuation that follows it
            tail = nxt[len(rest):].lstrip()
            out.append(line[:-1] + joiner + rest)
            if tail:
                lines[i + 1] = tail
                i += 1
            else:
                i += 2
            continue
        out.append(line)
        i += 1
    return out


_MISREAD_START = re.compile(
    r"^(?:\(\d{1,3}[a-z]?\)|\d{1,3}[a-z]?[.)]|[a-z][.)]|(?:pasal|bab|bagian|paragraf|ayat|huruf|angka)\b)",
    re.IGNORECASE,
)
_TERMINAL = (".", ";", ":", ",")
#: an item that ends its clause and names how the list goes on: justified text puts "; dan/atau" at the margin
_ITEM_END = re.compile(r";\s*(?:dan|atau|dan/atau|serta)$")
#: lines starting within this many points of each other start at one left edge
EDGE_TOLERANCE = 3.0
#: a justified line ends within this share of the text width from the right edge (measured: 0.1-0.3 pt short on
#: Word and LibreOffice exports; a line that ends its clause early stops 5% or more short)
JUSTIFIED_SHARE = 0.015
#: the ends of a clause that a justified line may carry in mid-sentence
_MID_SENTENCE_END = (",", ";")


def join_wrapped(flat: list[tuple[Line, bool]]) -> list[tuple[Line, bool]]:
    """Wrapped lines that would be misread: a line that begins like an enumerator or a heading ("(3) ...",
    "Pasal 5 ayat ...") but only continues a full-width line of the text is joined to it.

    The line before is full width (it reaches the right edge) and a line of the text's columns (at least two other
    lines start at its left edge: a centered line, such as a running header over a "BAB II" at the top of a page,
    is none); it ends no sentence, nor an item ("; dan/atau"). ``flat`` holds (line, starts a paragraph) pairs; a
    new paragraph is never joined."""
    if not flat:
        return flat
    lines = [ln for ln, _ in flat]
    right, width = _right_edge_of(lines)
    starts = sorted(ln.x0 for ln in lines)
    out: list[tuple[Line, bool]] = []
    for line, new_par in flat:
        if out and not new_par and _item_goes_on(out[-1][0], line, right, width):
            prev = out[-1][0]
            prev.text = f"{prev.text.rstrip()} {line.text}"
            continue
        if out and not new_par and _MISREAD_START.match(line.text):
            prev = out[-1][0]
            tail = prev.text.rstrip()
            if prev.x1 >= right - 0.08 * width and not tail.endswith(_TERMINAL) and not tail.endswith("-") \
                    and not _ITEM_END.search(tail, max(0, len(tail) - 12)) and _at_left_edge(prev, starts):
                prev.text = f"{tail} {line.text}"
                continue
        out.append((line, new_par))
    return out


def _item_goes_on(prev: Line, line: Line, right: float, width: float) -> bool:
    """Does ``line`` go on with the clause of ``prev``, though ``prev`` ends in "," or ";"?

    Justified text stretches a line to the right edge only when the sentence goes on past it: a full-width line
    ending "," or ";" ("... berdasarkan norma, standar," / "prosedur, dan kriteria ...") did not end its item, and
    the next line, set at the item's text column (under ``prev``'s text, or right of an enumerator that starts
    ``prev``) and starting with no enumerator or heading, is the item's own. A line set back at the list's left
    ("dicabut dan dinyatakan tidak berlaku." under "b. ... ;") is the enclosing clause's, and stays apart
    (PP 96/2012 Pasal 10, 23, 36; Permenkominfo 8/2019 Pasal 10, 13, 33)."""
    tail = prev.text.rstrip()
    if not tail.endswith(_MID_SENTENCE_END) or prev.x1 < right - JUSTIFIED_SHARE * width:
        return False
    if _MISREAD_START.match(line.text) or _ITEM_END.search(tail, max(0, len(tail) - 12)):
        return False
    if _MISREAD_START.match(prev.text):  # "b. tokoh Masyarakat, ...,": the next line hangs right of "b."
        return line.x0 > prev.x0 + EDGE_TOLERANCE
    return abs(line.x0 - prev.x0) <= EDGE_TOLERANCE


def _at_left_edge(line: Line, starts: list[float]) -> bool:
    """Do at least two other lines start where ``line`` starts (``starts``: every line's x0, sorted)?"""
    lo = bisect_left(starts, line.x0 - EDGE_TOLERANCE)
    hi = bisect_right(starts, line.x0 + EDGE_TOLERANCE)
    return hi - lo >= 3


def _right_edge_of(lines: list[Line]) -> tuple[float, float]:
    ends = sorted(ln.x1 for ln in lines)
    starts = sorted(ln.x0 for ln in lines)
    right = ends[max(0, int(len(ends) * 0.95) - 1)]
    left = starts[int(len(starts) * 0.05)]
    return right, max(right - left, 1.0)


def page_lines(pages: list[Page], removed: list[dict[str, Any]]) -> list[str]:
    """The pages' lines as text, with a blank line where the vertical gap shows a new paragraph; wrapped lines
    that would be misread are joined (:func:`join_wrapped`)."""
    pitches = sorted(
        b.top - a.top for p in pages for a, b in zip(p.lines, p.lines[1:], strict=False) if b.top > a.top
    )
    pitch = pitches[len(pitches) // 2] if pitches else 14.0
    flat: list[tuple[Line, bool]] = []
    for page in pages:
        prev = None
        for line in page.lines:
            flat.append((line, prev is not None and line.top - prev.top > 1.6 * pitch))
            prev = line
    out: list[str] = []
    for line, new_par in join_wrapped(flat):
        if new_par:
            out.append("")
        out.append(line.text)
    return out

"""Page furniture left in text copied from a paged document: catchwords and running headers, by the page breaks.

A PDF's text saved as TXT (pdftotext, copy and paste from a viewer) keeps what the PDF reader removes by position:
the running header of every page ("PRESIDEN" / "REPUBLIK INDONESIA" above "- 2 -" on every page of a national act,
"BUPATI BANYUMAS", a JDIH address) and the catchword at the foot of a page, the next page's first words with an
ellipsis ("Pasal 5 . . .", "(3) Arsip . . ."). Without positions, the page break is the evidence: a page number
line ("- 2 -", "Halaman 2 dari 9", "2 / 9", or a lone number of a run found by :func:`clean.lone_page_numbers`)
or a form feed. Two rules, each a small function, run by :mod:`clean` as its first page stages
(:func:`paged_header_lines`, :func:`catchword_lines`):

- :func:`paged_headers`: a short line that stands beside a page break on at least three pages (and on half of
  them) is a running header there, and only there: "PRESIDEN REPUBLIK INDONESIA" in the Persetujuan Bersama stays.
- :func:`catchwords`: a line ending in an ellipsis whose words begin the first line of text after the break.

    >>> lines = ["(2) Arsip dikelola.", "(3) Arsip . . .", "", "- 2 -", "", "(3) Arsip disimpan.", "Pasal 5 . . ."]
    >>> sorted(catchwords(lines, {3}))
    [1]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence, Set
from functools import lru_cache

from rancang.ingest.pages import lone_page_numbers
from rancang.ingest.readers.pdf.furniture import rules

#: how many non-blank lines on either side of a page break may be furniture
_REACH = 3
#: a running header is short
_HEADER_MAX = 60


def page_breaks(lines: list[str], lone_numbers: set[int]) -> set[int]:
    """Indices of the lines that mark a page break: a page number printed on its own line, one of a run of lone
    page numbers (``lone_numbers``), or a line starting with a form feed."""
    patterns = rules()["page_number"]
    out = set(lone_numbers)
    for i, line in enumerate(lines):
        if len(line) > 24 and line[0] not in " \t\f" and line[-1] not in " \t\r":
            continue  # (the cheap test first: a page number is a short line, whatever spaces pad it)
        s = line.strip()
        if line.startswith("\f"):
            out.add(i)
        elif s and len(s) <= 24 and (s[0] in "-\u2013\u2014Hh" or s[0].isdigit() or s[:4].lower() == "page") \
                and any(p.match(" ".join(s.split())) for p in patterns):
            out.add(i)
    return out


def breaks_of(lines: Sequence[str]) -> frozenset[int]:
    """:func:`page_breaks` of ``lines`` with their lone page numbers, read once for the same lines: the page stages
    (:func:`paged_header_lines`, :func:`catchword_lines`) and :func:`clean.cut_page_artefacts`'s test ask for the
    same lines in turn (the last two texts' answers are kept)."""
    return _breaks(tuple(lines))


@lru_cache(maxsize=2)
def _breaks(lines: tuple[str, ...]) -> frozenset[int]:
    as_list = list(lines)
    return frozenset(page_breaks(as_list, lone_page_numbers(as_list)))


def _around(lines: list[str], at: int) -> list[int]:
    """The indices of up to :data:`_REACH` non-blank lines before and after line ``at``."""
    out: list[int] = []
    for step in (-1, 1):
        j, seen = at + step, 0
        while 0 <= j < len(lines) and seen < _REACH:
            if lines[j].strip():
                out.append(j)
                seen += 1
            j += step
    return out


def _header_like(text: str) -> bool:
    """Could ``text`` be a running header: short, no clause punctuation at its end, not a heading or enumerator."""
    if not text or len(text) > _HEADER_MAX or text.endswith((".", ";", ":", ",")) or text[0] in "(\u2022-":
        return False
    first = text.split()[0]
    return not (rules()["structural"].match(text) or first[:-1].isdigit() or (len(first) <= 3 and first.endswith(".")))


def paged_headers(lines: list[str], breaks: Set[int]) -> set[int]:
    """Indices of running-header lines: text that stands within :data:`_REACH` lines of a page break on at least
    three pages and on half of them. Only those occurrences are taken."""
    if len(breaks) < 3:
        return set()
    near: dict[str, set[int]] = {}
    pages: Counter[str] = Counter()
    for b in sorted(breaks):
        seen_here: set[str] = set()
        for j in _around(lines, b):
            text = " ".join(lines[j].split())
            if j in breaks or not _header_like(text):
                continue
            near.setdefault(text, set()).add(j)
            seen_here.add(text)
        pages.update(seen_here)
    need = max(3, (len(breaks) + 1) // 2)
    return {j for text, idx in near.items() if pages[text] >= need for j in idx}


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def catchwords(lines: list[str], breaks: Set[int], skip: set[int] | frozenset[int] = frozenset()) -> set[int]:
    """Indices of catchword lines: a line of at most eight words ending in an ellipsis (". . .", "...", "…"),
    followed by a page break, whose words begin the first text after the break (page numbers, blank lines and the
    ``skip`` lines, running headers, passed over)."""
    tail = rules()["catchword_tail"]
    out: set[int] = set()
    for i, line in enumerate(lines):
        s = line.rstrip()
        if not s.endswith(("..", ". .", "\u2026")):
            continue
        words = tail.sub("", s).strip()
        if not words or len(words.split()) > 8:
            continue
        j, crossed = i + 1, False
        while j < len(lines) and (not lines[j].strip() or j in breaks or j in skip):
            crossed = crossed or j in breaks
            j += 1
        if crossed and j < len(lines) and _norm(" ".join(lines[j:j + 2])).startswith(_norm(words)):
            out.add(i)
    return out


def paged_header_lines(lines: list[str]) -> dict[int, str]:
    """The page stage of :func:`paged_headers`: ``{index: the whole line}``."""
    return {i: lines[i] for i in sorted(paged_headers(lines, breaks_of(lines)))}


def catchword_lines(lines: list[str]) -> dict[int, str]:
    """The page stage of :func:`catchwords` (run after :func:`paged_header_lines`, whose lines are blank by then):
    ``{index: the whole line}``. A text that prints no ellipsis anywhere has no catchword (one scan in C)."""
    text = "\n".join(lines)
    if ".." not in text and ". ." not in text and "\u2026" not in text:
        return {}
    return {i: lines[i] for i in sorted(catchwords(lines, breaks_of(lines)))}

"""Page furniture of a PDF: what is printed on the pages but is not the regulation, each kind found by one rule
over the pages' lines (patterns in ``rules.json``) and recorded in ``removed`` (``{"kind", "text",
"page"}``), so nothing disappears silently.

- :func:`split_glued_enumerators` an enumerator glued to its text at a line's start stands apart ("(1) Susunan");
- :func:`pair_enumerators`   an enumerator alone in a left column joins the text line beside it ("a. text");
- :func:`drop_page_numbers`  "- 3 -", "Halaman 3 dari 20", a lone number in the top/bottom margin;
- :func:`drop_running_lines` headers/footers repeated at the same place on many pages (or on every other page);
- :func:`drop_catchwords`    a page's last line that only announces the next page's first words.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

from rancang.ingest.readers.pdf.pages import Line, Page

#: The top/bottom share of a page where a lone number is read as a page number.
MARGIN = 0.12


@cache
def rules() -> dict[str, Any]:
    """The compiled patterns of ``rules.json``."""
    raw = json.loads(resources.files(__package__).joinpath("rules.json").read_text(encoding="utf-8"))
    flags = re.IGNORECASE
    return {
        "page_number": [re.compile(p, flags) for p in raw["page_number"]],
        "lone_page_number": re.compile(raw["lone_page_number"]),
        "enumerator": re.compile(raw["enumerator"], flags),
        "glued_enumerator": re.compile(raw["glued_enumerator"]),
        "structural": re.compile(raw["structural"], flags),
        "catchword_tail": re.compile(raw["catchword_tail"]),
    }


def split_glued_enumerators(page: Page) -> None:
    """An enumerator that starts a line glued to its text with no gap at all ("(1)Susunan", "b.Sekretariat",
    "3a.Pegawai": a tab that the PDF drew as nothing, or an OCR'd line) stands apart from it, as a reader sees
    it; "a.n." and "s.d." (a letter after the stop, then a stop) and numbers ("1.000") are no enumerators. Only a
    space is added."""
    glued = rules()["glued_enumerator"]
    for line in page.lines:
        m = glued.match(line.text)
        if m is not None:
            line.text = f"{line.text[:m.end()]} {line.text[m.end():]}"


def pair_enumerators(page: Page, removed: list[dict[str, Any]]) -> None:
    """Two-column numbering: an enumerator alone on its line ("a.", "(2)") in a left column is joined to the
    text line just beside it in the right column, when their tops differ by less than a line height (tables
    whose cells are not aligned to one baseline, or enumerators set in another font size)."""
    enum = rules()["enumerator"]
    lines = page.lines
    taken: set[int] = set()
    for i, line in enumerate(lines):
        if i in taken or not enum.match(line.text):
            continue
        height = max(line.bottom - line.top, 6.0)
        best, best_d = None, height
        for j in range(max(0, i - 3), min(len(lines), i + 4)):
            other = lines[j]
            if j == i or j in taken or other.x0 <= line.x1 or enum.match(other.text.split(" ", 1)[0]):
                continue
            d = abs(other.top - line.top)
            if d < best_d:
                best, best_d = j, d
        if best is None:
            continue
        target = lines[best]
        target.text = f"{line.text} {target.text}"
        target.x0 = line.x0
        taken.add(i)
    if taken:
        page.lines = [ln for k, ln in enumerate(lines) if k not in taken]


def drop_page_numbers(pages: list[Page], removed: list[dict[str, Any]]) -> None:
    """Page numbers: "- 3 -", "Halaman 3 dari 20", "3/20" as a page's first or last line or anywhere in its
    top or bottom margin; a lone number only in the margin and close to the page's own position in the
    file."""
    r = rules()
    for page in pages:
        n = len(page.lines)
        drop = set()
        for i, line in enumerate(page.lines):
            in_margin = line.bottom < page.height * MARGIN or line.top > page.height * (1 - MARGIN)
            if not (in_margin or i in (0, n - 1)):
                continue
            text = line.text.strip()
            hit = any(p.match(text) for p in r["page_number"])
            if not hit and in_margin and r["lone_page_number"].match(text):
                hit = abs(int(text) - page.number) <= 3
            if hit:
                drop.add(i)
                removed.append({"kind": "page_number", "text": line.text, "page": page.number})
        if drop:
            page.lines = [ln for i, ln in enumerate(page.lines) if i not in drop]


def _running_key(line: Line, where: str) -> tuple[str, int]:
    text = re.sub(r"\d+", "#", " ".join(line.text.split()).lower())
    pos = line.top if where == "header" else line.bottom
    return text, round(pos / 4)


def _repeated(seen: dict[tuple[str, int], set[int]], count: int) -> set[tuple[str, int]]:
    """The keys seen on at least half of the pages, or on at least half of the odd or of the even pages and never
    on the other side (a book's alternate headers: the act's name on one side, the chapter on the other); at least
    twice. Page index ``k`` counts from 0."""
    need = max(2, (count + 1) // 2)
    need_side = max(2, (count // 2 + 1) // 2)
    out = set()
    for key, where_seen in seen.items():
        odd = sum(1 for k in where_seen if k % 2)
        one_side = odd == 0 or odd == len(where_seen)
        if len(where_seen) >= need or (one_side and len(where_seen) >= need_side):
            out.add(key)
    return out


def drop_running_lines(pages: list[Page], removed: list[dict[str, Any]], depth: int = 3) -> None:
    """Running headers and footers: a line among a page's first or last ``depth`` lines whose text (digits
    aside) recurs at the same height on at least half of the pages, or of the odd or even pages (and on at least
    two). Structural headings (BAB, Pasal ...) are never taken for running lines, so a BAB at the top of a page
    just under the header stays."""
    if len(pages) < 2:
        return
    structural = rules()["structural"]
    for where in ("header", "footer"):
        seen: dict[tuple[str, int], set[int]] = {}
        for k, page in enumerate(pages):
            edge = page.lines[:depth] if where == "header" else page.lines[-depth:]
            for line in edge:
                if not structural.match(line.text):
                    seen.setdefault(_running_key(line, where), set()).add(k)
        repeated = _repeated(seen, len(pages))
        if not repeated:
            continue
        for page in pages:
            n = len(page.lines)
            span = range(min(depth, n)) if where == "header" else range(max(0, n - depth), n)
            drop = {i for i in span if _running_key(page.lines[i], where) in repeated}
            for i in sorted(drop):
                removed.append({"kind": f"running_{where}", "text": page.lines[i].text, "page": page.number})
            page.lines = [ln for i, ln in enumerate(page.lines) if i not in drop]


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def drop_catchwords(pages: list[Page], removed: list[dict[str, Any]]) -> None:
    """Catchwords: a page's last line that repeats the first words of the next page, printed with a trailing
    ellipsis ("Pasal 5 . . .") or set in the right half of the page."""
    tail = rules()["catchword_tail"]
    for page, nxt in zip(pages, pages[1:], strict=False):
        if not page.lines or not nxt.lines:
            continue
        last = page.lines[-1]
        words = tail.sub("", last.text).strip()
        marked = words != last.text.strip()
        if not words or len(words.split()) > 8 or not (marked or last.x0 > page.width / 2):
            continue
        # (the next page's first line, or the second or third under a header the running-line rule could not
        # prove with two pages: "Salinan", "- 2 -")
        for t in range(min(3, len(nxt.lines))):
            following = _norm(" ".join(ln.text for ln in nxt.lines[t:t + 2]))
            if following.startswith(_norm(words)) or _same_past_label(_norm(words), following):
                removed.append({"kind": "catchword", "text": last.text, "page": page.number})
                page.lines.pop()
                break


#: an enumerator opening a catchword ("(1) Bentuk penugasan ...")
_LEAD_LABEL = re.compile(r"^(?:\(\d{1,3}[a-z]?\)|\d{1,3}[a-z]?[.)]|[a-z][.)]|\([a-z]\))\s+")


def _same_past_label(words: str, following: str) -> bool:
    """Does the catchword ``words`` (normalised) announce ``following`` once the label each starts with is set
    aside? The catchword's label is typed, the next page's may be damaged by OCR ("(1) Bentuk penugasan" over
    "(aa da) Bentuk penugasan Pejabat ..."): the words after it must agree, at least two of them, and what stands
    before them on the next page is a label's length (up to 8 characters in two tokens)."""
    m = _LEAD_LABEL.match(words)
    if m is None:
        return False
    rest = words[m.end():]
    if len(rest.split()) < 2:
        return False
    at = following.find(rest)
    return 0 < at <= 10 and len(following[:at].split()) <= 2

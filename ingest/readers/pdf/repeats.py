"""A page printed more than once is read once: the same signature page photographed three times, a closing page
scanned twice.

A bureau's scan of a signed act often repeats its last sheet (one copy per office that signed it). Read three times,
the closing block runs on for hundreds of characters and the Berita Daerah name swallows all three. A page whose
words repeat an earlier page's (:data:`SAME_WORDS` of both pages' words in the same order, with at least
:data:`MIN_WORDS` words: a short page such as "- 3 -" is no evidence) is taken out and recorded as
``{"kind": "repeated_page", "page", "text", "same_as"}`` — nothing disappears silently.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Any

from rancang.ingest.readers.pdf.pages import Page

#: two pages are the same print when this share of their words match in order (OCR reads a repeated page
#: a little differently each time: measured 0.93-0.99 on repeated photographed pages, below 0.5 on
#: consecutive distinct pages of one act)
SAME_WORDS = 0.85
MIN_WORDS = 12
_WORD = re.compile(r"\w+")


def _words(page: Page) -> list[str]:
    return _WORD.findall(" ".join(line.text for line in page.lines).lower())


def drop_repeated_pages(pages: list[Page], removed: list[dict[str, Any]]) -> list[Page]:
    """``pages`` without the pages that repeat an earlier one (see module docstring); each dropped page is
    appended to ``removed``."""
    kept: list[tuple[Page, list[str], set[str]]] = []
    out: list[Page] = []
    for page in pages:
        words = _words(page)
        if len(words) >= MIN_WORDS:
            bag = set(words)
            same = next((p for p, w, b in kept if _same(words, bag, w, b)), None)
            if same is not None:
                removed.append({"kind": "repeated_page", "page": page.number, "same_as": same.number,
                                "text": "\n".join(line.text for line in page.lines)})
                continue
            kept.append((page, words, bag))
        out.append(page)
    return out


def _same(a: list[str], bag_a: set[str], b: list[str], bag_b: set[str]) -> bool:
    """Whether word lists ``a`` and ``b`` are one print (a cheap size and vocabulary test first)."""
    if min(len(a), len(b)) < SAME_WORDS * max(len(a), len(b)):
        return False
    if len(bag_a & bag_b) < SAME_WORDS * max(len(bag_a), len(bag_b)) - 2:
        return False
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= SAME_WORDS

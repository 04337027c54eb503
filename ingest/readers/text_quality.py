"""Is a PDF page's own text worth keeping? Judged per page, so OCR runs only where it pays.

A PDF a bureau holds may mix pages: a Word export with a scanned signature page, a JDIH scan whose scanner put
a (poor) OCR text layer on it, a page whose font maps ligatures to U+FFFD. Reading the whole document by OCR
because one page is an image costs seconds a page; dropping that page loses the signature. So each page gets a
verdict (:func:`page_verdict`):

- ``None`` — keep the text layer: it decodes, and when it has :data:`MIN_WORDS` words or more, at least
  :data:`MIN_HIT_RATE` of them are Indonesian words of regulations (:func:`hit_rate`, against the list
  ``words_ind.txt`` built from the national UU/PP texts and the seeds by ``benchmarks/build_wordlist.py``);
  a blank page (no text, no image) is kept as it is;
- ``"no_text"`` — no text but an image (a scanned page, a signature table pasted as a picture);
- ``"bad_glyphs"`` — more than :data:`BAD_GLYPH_SHARE` of its characters are undecodable (``(cid:N)``, U+FFFD,
  private use), or a word holds U+FFFD (a ligature font: "veri\ufffdkasi"; one such word is a wrong word);
- ``"not_words"`` — it decodes, but to too few real words (a subset font whose glyph numbers pass for letters,
  "1AB 1CEB"; an OCR layer of noise);
- ``"image_text"`` — fewer than :data:`MIN_WORDS` words of text over a picture covering 30% of the page or more
  (a scanned page under a stamped "SALINAN" or page number; ``Page.images`` counts only such large pictures
  when a page has some text).

The threshold is measured, not guessed (``docs/ocr.md``): clean text layers of the seeds and real acts read
0.93-0.98 of their words from the list; a poor scanner OCR layer still reads above 0.6 and is kept (re-reading
it costs 2 s a page and reads no better); noise and glyph numbers read below 0.3.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from rancang.ingest.readers.pdf.pages import Page

#: a page is unusable when more than this share of its characters are undecodable glyphs
BAD_GLYPH_SHARE = 0.3
#: ... or when a word holds U+FFFD against a letter: a ligature the font maps to no character ("veri\ufffdkasi");
#: a lone U+FFFD (a bullet glyph) changes no word and is only warned of (pdf.undecoded_glyphs)
_FFFD_IN_WORD = re.compile(r"[^\W\d_]\ufffd|\ufffd[^\W\d_]")
#: a page with this many words or more is judged by its hit rate too
MIN_WORDS = 20
#: below this share of words in the list, the page's text is no text (measured: docs/ocr.md)
MIN_HIT_RATE = 0.45
_CID = re.compile(r"\(cid:\d+\)")
_WORD = re.compile(r"[^\W\d_]{2,}")


@lru_cache(maxsize=1)
def words() -> frozenset[str]:
    """The Indonesian words of regulations (lower case), from the bundled ``words_ind.txt``."""
    text = resources.files("rancang.ingest.readers").joinpath("words_ind.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))


def glyph_counts(text: str) -> tuple[int, int]:
    """(undecodable, total) non-space characters of a text layer: ``(cid:N)`` counts as one undecodable glyph,
    and so do U+FFFD, U+FFFE, private-use characters and control characters (a font whose glyph numbers are
    taken for character codes: "\x01\x04\x05").

    >>> glyph_counts("(cid:12)(cid:40) ab")
    (2, 4)
    """
    cids = len(_CID.findall(text))
    rest = _CID.sub("", text)
    bad = sum(1 for ch in rest if ch in "\ufffd\ufffe" or "\ue000" <= ch <= "\uf8ff" or ch < " " and not ch.isspace())
    total = sum(1 for ch in rest if not ch.isspace()) + cids
    return cids + bad, total


def hit_rate(text: str) -> tuple[int, int]:
    """(words found in the list, words) of ``text``: a word is a run of two or more letters, compared in lower
    case; numbers and single letters (enumerators) are not counted.

    >>> hit_rate("Pasal 1 (1) Pegawai melaksanakan tugaz xqzv.")
    (3, 5)
    """
    found = _WORD.findall(text.lower())
    known = words()
    return sum(1 for w in found if w in known), len(found)


def page_verdict(page: Page) -> str | None:
    """Why ``page``'s text layer should be replaced by OCR ("no_text", "bad_glyphs", "not_words"), or None to keep
    it (see module docstring)."""
    if not page.chars or not page.lines:
        return "no_text" if page.images else None
    text = "\n".join(line.text for line in page.lines)
    bad, total = glyph_counts(text)
    if total == 0:
        return "no_text" if page.images else None
    if bad > BAD_GLYPH_SHARE * total or ("\ufffd" in text and _FFFD_IN_WORD.search(text)):
        return "bad_glyphs"  # (one word a font left undecoded, "veri\ufffdkasi", is a wrong word: OCR reads it)
    hits, count = hit_rate(text)
    if count >= MIN_WORDS and hits < MIN_HIT_RATE * count:
        return "not_words"
    if page.images and count < MIN_WORDS:
        return "image_text"  # a few typed words over a large picture: the page's text is in the picture
    return None

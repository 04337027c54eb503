"""Word boxes of a PDF page from pypdfium2 (PDFium): the fast path of the PDF reader.

pdfplumber's ``extract_words`` was ~93% of PDF ingest time (it builds a Python object per glyph). PDFium already
knows the page's text in reading order with its words apart, so only two boxes per word are asked for (its first
and its last glyph): 10-40x fewer calls, and the same line rules of :mod:`rancang.ingest.readers.pdf.reader` run on
the result. What PDFium does differently is handled here:

* a word hyphenated at the end of a line comes back as one word with U+FFFE where the hyphen was
  ("pelaks\\ufffeanaan"): it is cut there into "pelaks-" (on its line) and "anaan" (on the next);
* a space a reader sees may have no character in the text layer ("b.Sekretariat", "(1)Susunan" of a Word
  export): a word is cut where the gap between two of its glyphs is a space wide (:data:`SPACE_GAP`);
* glyphs drawn twice for a fake bold ("PPEERRAATTUURRAANN") are merged by PDFium itself;
* boxes are in the page's own (unrotated) space, so a page turned by ``/Rotate`` reads as it was typeset; text
  set sideways on a page (a landscape table on a portrait page) is turned back by the direction its words run
  (:func:`_frame`), so every line reads in its own direction.

Words are returned as pdfplumber does (``{"text", "x0", "x1", "top", "bottom"}``, top-left origin), with ``"base"``:
the baseline of the word's first glyph. Lines are grouped by it: a loose box is as tall as its font's ascent and
descent, so an italic word (TeX Gyre Bonum Italic beside its upright face, LibreOffice's Bookman Old Style) stands
4 pt higher than its neighbours on one baseline.
:class:`PlumberPages` gives the same from pdfplumber (``RANCANG_PDF_ENGINE=pdfplumber``, or when pypdfium2 is
missing): slower, kept for comparison and as a fallback.
"""

from __future__ import annotations

import ctypes
import io
import re
from collections import Counter
from typing import Any

#: a gap between two glyphs wider than this share of the line height (the loose box: ascent to descent, about
#: 1.2 em) is a space. Measured with PDFium's loose boxes: between the glyphs of a word at most 0.025 em (Word
#: 2007 and a Permen's export, LibreOffice 7 with TeX Gyre Bonum, fpdf2), between words at least 0.11 em (a
#: justified line squeezed by Word) and mostly 0.2-0.3 em, a space's width; the cut lies at a third of a space.
SPACE_GAP = 0.07
_WORD = re.compile(r"\S+")
SOFT_HYPHEN = "\ufffe"


#: a page with fewer characters than this may be a scanned page under a stamped line ("- 5 -", "SALINAN"):
#: its images are counted when they are large (:data:`LARGE_IMAGE` of the page), so that OCR reads them
FEW_CHARS = 300
LARGE_IMAGE = 0.3


def _large(box: tuple[float, float, float, float], width: float, height: float) -> bool:
    """Whether an image's box (two corners, any order) covers :data:`LARGE_IMAGE` of the page or more."""
    x0, y0, x1, y1 = box
    return abs(x1 - x0) * abs(y1 - y0) >= LARGE_IMAGE * max(1.0, width * height)


class _Pages:
    """An open PDF read page by page: :meth:`page` takes one page, reads it (:meth:`_read`) and closes it at once;
    the library's own errors are raised (the caller words them)."""

    def __init__(self, doc: Any, pages: Any) -> None:
        self._doc, self._pages = doc, pages

    def __len__(self) -> int:
        return len(self._pages)

    def close(self) -> None:
        """Close the document (its pages are closed as they are read)."""
        self._doc.close()

    def page(self, index: int) -> tuple[float, float, list[dict[str, Any]], int, int]:
        """(width, height, words, characters, images) of page ``index`` (0-based), in reading frame."""
        page = self._pages[index]
        try:
            return self._read(page)
        finally:
            page.close()

    def _read(self, page: Any) -> tuple[float, float, list[dict[str, Any]], int, int]:
        raise NotImplementedError


class PdfiumPages(_Pages):
    """An open PDF (pypdfium2)."""

    def __init__(self, data: bytes) -> None:
        import pypdfium2 as pdfium
        import pypdfium2.raw as raw

        self.raw = raw
        doc = pdfium.PdfDocument(data)
        super().__init__(doc, doc)
        self._rect = raw.FS_RECTF()
        self._rect_ref = ctypes.byref(self._rect)
        self._ox, self._oy = ctypes.c_double(), ctypes.c_double()
        self._ox_ref, self._oy_ref = ctypes.byref(self._ox), ctypes.byref(self._oy)

    def _read(self, page: Any) -> tuple[float, float, list[dict[str, Any]], int, int]:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            count = textpage.count_chars()
            text = textpage.get_text_range(0, count) if count else ""
            words = self._words(textpage.raw, text)
        finally:
            textpage.close()
        chars = sum(len(w["text"]) for w in words)
        images = 0
        if chars < FEW_CHARS:
            objects = list(page.get_objects(filter=[self.raw.FPDF_PAGEOBJ_IMAGE]))
            images = len(objects) if not chars else sum(_large(o.get_bounds(), width, height) for o in objects)
        words, width, height = _frame(words, width, height)
        return width, height, words, chars, images

    def _charbox(self, tp: Any, i: int) -> tuple[float, float, float, float]:
        """(left, right, bottom, top) of glyph ``i``: the loose box (the font's ascent to descent), the same
        height for every glyph of a line, as pdfplumber's boxes are."""
        self.raw.FPDFText_GetLooseCharBox(tp, i, self._rect_ref)
        r = self._rect
        return r.left, r.right, r.bottom, r.top

    def _origin(self, tp: Any, i: int) -> tuple[float, float]:
        """(x, y) of glyph ``i``'s origin: the point on its baseline where it is drawn."""
        self.raw.FPDFText_GetCharOrigin(tp, i, self._ox_ref, self._oy_ref)
        return self._ox.value, self._oy.value

    def _words(self, tp: Any, text: str) -> list[dict[str, Any]]:
        """Words with their boxes in PDF space (x0, x1, y0, y1; y upwards), cut at soft hyphens and glued
        enumerators."""
        out: list[dict[str, Any]] = []
        box = self._charbox
        for m in _WORD.finditer(text):
            start, end = m.span()
            word = m.group()
            if SOFT_HYPHEN in word:
                # "pelaks\ufffeanaan": the word runs over a line break; each part keeps its own line
                k = start + word.index(SOFT_HYPHEN)
                if k > start:
                    out.append(_word(word[:k - start] + "-", box(tp, start), box(tp, k - 1), self._origin(tp, start)))
                if k + 1 < end:
                    out.append(_word(text[k + 1:end].replace(SOFT_HYPHEN, "-"), box(tp, k + 1), box(tp, end - 1),
                                      self._origin(tp, k + 1)))
                continue
            first, last, origin = box(tp, start), box(tp, end - 1), self._origin(tp, start)
            if end - start > 1 and abs(last[0] - first[0]) >= abs(last[2] - first[2]):  # (a word set sideways
                cuts = self._gaps(tp, start, end, first)                               # has its gaps along y)
                if cuts:
                    for a, b in zip([start, *cuts], [*cuts, end], strict=True):
                        out.append(_word(text[a:b], box(tp, a), box(tp, b - 1), self._origin(tp, a)))
                    continue
            out.append(_word(word, first, last, origin))
        return out

    def _gaps(self, tp: Any, start: int, end: int, first: tuple[float, float, float, float]) -> list[int]:
        """Where the word of glyphs [start, end) has a space a reader sees though the text layer has none: a gap
        between two glyphs wider than :data:`SPACE_GAP` of the line height and than the word's usual gap by as
        much (a letter-spaced word, "P E N J E L A S A N" set with character spacing, has all its gaps alike and
        is one word). "b.Sekretariat", "(1)Susunan" from a Word export cut after the enumerator."""
        get, rect, ref = self.raw.FPDFText_GetLooseCharBox, self._rect, self._rect_ref
        gaps = []
        right = first[1]
        for i in range(start + 1, end):
            get(tp, i, ref)
            gaps.append(rect.left - right)
            right = rect.right
        least = SPACE_GAP * (first[3] - first[2])
        if max(gaps) <= least:
            return []
        usual = sorted(gaps)[len(gaps) // 2]
        return [start + k + 1 for k, gap in enumerate(gaps) if gap > least and gap - usual > least]


def _word(text: str, first: tuple[float, float, float, float], last: tuple[float, float, float, float],
          origin: tuple[float, float]) -> dict[str, Any]:
    """A word from the boxes (left, right, bottom, top) of its first and last glyph and its first glyph's origin
    (on the baseline)."""
    return {"text": text, "x0": min(first[0], last[0]), "x1": max(first[1], last[1]), "ox": origin[0], "oy": origin[1],
            "y0": min(first[2], last[2]), "y1": max(first[3], last[3]),
            # the direction the word runs in, from its first glyph to its last
            "dx": (last[0] + last[1] - first[0] - first[1]), "dy": (last[2] + last[3] - first[2] - first[3])}


def _frame(words: list[dict[str, Any]], width: float, height: float
           ) -> tuple[list[dict[str, Any]], float, float]:
    """Words in the page's reading frame (top-left origin, lines running left to right), with its size.

    The direction most words run in decides: rightwards is the usual frame; upwards, downwards or leftwards is a
    page whose text was set sideways (or upside down), turned back here so that its lines read in order."""
    votes = {"right": 0, "up": 0, "down": 0, "left": 0}
    for w in words:
        dx, dy = w["dx"], w["dy"]
        if abs(dx) > abs(dy):
            votes["right" if dx > 0 else "left"] += 1
        elif abs(dy) > abs(dx):
            votes["up" if dy > 0 else "down"] += 1
    direction = max(votes, key=votes.__getitem__) if any(votes.values()) else "right"
    if votes[direction] == 0 or direction == "right" or votes[direction] <= votes["right"]:
        direction = "right"
    out = []
    for w in words:
        x0, x1, y0, y1 = w["x0"], w["x1"], w["y0"], w["y1"]
        if direction == "right":     # along x, lines downwards
            box = (x0, x1, height - y1, height - y0, height - w["oy"])
        elif direction == "up":      # along y, lines towards +x
            box = (y0, y1, x0, x1, w["ox"])
        elif direction == "down":    # along -y, lines towards -x
            box = (height - y1, height - y0, width - x1, width - x0, width - w["ox"])
        else:                        # along -x, lines upwards
            box = (width - x1, width - x0, y0, y1, w["oy"])
        out.append({"text": w["text"], "x0": box[0], "x1": box[1], "top": box[2], "bottom": box[3], "base": box[4]})
    if direction in ("up", "down"):
        width, height = height, width
    return out, width, height


class PlumberPages(_Pages):
    """The same pages from pdfplumber's ``extract_words``. Glyphs drawn twice for a fake bold are not merged here
    (``dedupe_chars`` made it 10x slower) and pdfplumber applies ``/Rotate``, so a page turned that way reads
    sideways: PDFium's path is the one to use."""

    def __init__(self, data: bytes) -> None:
        import pdfplumber

        pdf = pdfplumber.open(io.BytesIO(data))
        super().__init__(pdf, pdf.pages)  # the pages are parsed here, so that a broken file fails on opening

    def _read(self, page: Any) -> tuple[float, float, list[dict[str, Any]], int, int]:
        words = page.extract_words(x_tolerance=3, y_tolerance=3, keep_blank_chars=False)
        chars = sum(len(w["text"]) for w in words)
        w, h = float(page.width), float(page.height)
        images = 0 if chars >= FEW_CHARS else len(page.images) if not chars else sum(
            _large((i["x0"], i["top"], i["x1"], i["bottom"]), w, h) for i in page.images)
        return w, h, words, chars, images


_TOKEN_EDGE = ".,;:()“”\"'"


def rejoin_split_words(lines: list[str]) -> list[str]:
    """Words that extraction split in two ("Un dang-Undang", "Pe raturan", "Pela ksanaan") are one word again.

    The document's own vocabulary is the evidence: two neighbouring tokens are joined only when their join is a
    word the document prints whole elsewhere, more often than the first token stands alone ("di atur" stays,
    since "di" is a word of the text). Only spaces change, never a character::

        >>> rejoin_split_words(["Pe raturan dan Un dang-Undang", "Peraturan Undang-Undang di atur diatur di",
        ...                     "Peraturan Undang-Undang"])
        ['Peraturan dan Undang-Undang', 'Peraturan Undang-Undang di atur diatur di', 'Peraturan Undang-Undang']
    """
    tokens = Counter(tok.strip(_TOKEN_EDGE) for line in lines for tok in line.split())
    out = []
    for line in lines:
        words = line.split(" ")
        merged: list[str] = []
        for word in words:
            if merged and word[:1].islower():
                head = merged[-1]
                core = head.lstrip(_TOKEN_EDGE)
                # a fragment is short and all letters; the whole word is known and commoner than the fragment
                if 1 < len(core) <= 5 and core.isalpha() and tokens[(core + word).strip(_TOKEN_EDGE)] > tokens[core]:
                    merged[-1] = head + word
                    continue
            merged.append(word)
        out.append(" ".join(merged) if len(merged) != len(words) else line)
    return out

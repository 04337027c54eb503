"""PDF reader: a PDF's text layer -> lines, with page furniture removed by small named rules.

Word boxes come from PDFium (pypdfium2, :mod:`words`): 10x and more faster than pdfplumber's glyph objects,
with fake-bold glyphs merged and pages turned by ``/Rotate`` or set sideways read in their own direction.

Why positions and not ``extract_text``: a regulation PDF carries things that are not the regulation (page
numbers "- 3 -", running headers, catchwords that repeat the next page's first words) and layouts that plain
text flattens wrongly (an enumerator column beside a text column). Each is recognised by one rule, using the
words' x/y positions where the text alone is ambiguous, and everything a rule removes is recorded in
``Document.removed`` ({"kind", "text", "page"}) so nothing disappears silently.

One module a job, run in this order by :func:`from_pages`:

1. :mod:`pages`      pages -> word boxes -> visual lines (:func:`extract_pages`).
2. :mod:`furniture`  page furniture (patterns in ``rules.json``): :func:`split_glued_enumerators`
   ("(1)Susunan" at a line's start is "(1) Susunan"), :func:`pair_enumerators` (an
   enumerator alone in a left column joins the text beside it), :func:`drop_page_numbers`,
   :func:`drop_running_lines` (headers/footers), :func:`drop_catchwords`.
3. :mod:`lines`      line assembly: paragraph gaps, :func:`join_wrapped` (a wrapped line that starts like an
   enumerator or heading), :func:`join_hyphenation` ("penyeder-" + "hanaan"; reduplications keep their hyphen).
4. :func:`pdf_words.rejoin_split_words` ("Un dang-Undang" -> "Undang-Undang").

This module decides whether the text layer can be read at all (:func:`usable_text_layer`; a scan goes to OCR).
"""

from __future__ import annotations

from typing import Any

from rancang.errors import InputError
from rancang.ingest.readers.document import Document
from rancang.ingest.readers.pdf import words as pdf_words
from rancang.ingest.readers.pdf.furniture import (
    MARGIN,
    drop_catchwords,
    drop_page_numbers,
    drop_running_lines,
    pair_enumerators,
    split_glued_enumerators,
)
from rancang.ingest.readers.pdf.lines import join_hyphenation, join_wrapped, page_lines
from rancang.ingest.readers.pdf.pages import MIN_PAGES_PER_JOB, Line, Page, extract_pages, set_jobs
from rancang.ingest.readers.text_quality import glyph_counts, page_verdict

__all__ = ["MARGIN", "MIN_PAGES_PER_JOB", "Line", "NoTextLayer", "Page", "extract_pages", "from_pages",
           "glyph_counts", "join_hyphenation", "join_wrapped", "ocr_plan", "read", "read_pages", "set_jobs",
           "usable_text_layer"]

OCR_HINT = "PDF tidak memiliki lapisan teks (hasil pindaian)"
#: a text layer is unusable when more than this share of its characters are undecodable glyphs
BAD_GLYPH_SHARE = 0.3
#: words found in any Indonesian regulation; a readable text layer of MIN_WORDS words has some of them
COMMON_WORDS = frozenset({"dan", "yang", "di", "dengan", "atau", "pada", "dalam", "ini", "untuk", "pasal",
                          "ayat", "oleh", "dari", "sebagaimana", "peraturan", "tentang", "nomor", "tahun"})
MIN_WORDS = 20
MIN_COMMON_SHARE = 0.03


def usable_text_layer(pages: list[Page]) -> bool:
    """Whether the PDF's own text layer can be read: it has text; at most :data:`BAD_GLYPH_SHARE` of its
    characters are undecodable glyphs (a font without a usable ToUnicode map gives ``(cid:N)``); and, when it
    has :data:`MIN_WORDS` words or more, some of them are the Indonesian words every regulation is full of
    (a subset font whose glyph numbers pass for letters gives "1AB 1CEB", never "dan" or "yang")."""
    bad = total = words = common = 0
    for page in pages:
        for line in page.lines:
            b, t = glyph_counts(line.text)
            bad, total = bad + b, total + t
            for word in line.text.lower().split():
                words += 1
                common += word.strip(".,;:()") in COMMON_WORDS
    if total == 0 or bad > BAD_GLYPH_SHARE * total:
        return False
    return words < MIN_WORDS or common >= MIN_COMMON_SHARE * words


class NoTextLayer(InputError):
    """The PDF has no text layer that can be read (a scan, or undecodable glyphs): OCR can read it."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def read(data: bytes, name: str = "") -> Document:
    """Read a PDF's text layer into a :class:`Document`; refuse encrypted and broken PDFs clearly.

    Raises :class:`NoTextLayer` (reason "no_text" or "bad_glyphs") for a scan or an undecodable glyph layer;
    :mod:`rancang.ingest.readers.ocr.reader` reads those."""
    return read_pages(extract_pages(data, name), name)


def ocr_plan(pages: list[Page]) -> dict[int, str]:
    """The pages whose text layer OCR should replace: page number -> why ("no_text", "bad_glyphs",
    "not_words"; :func:`~rancang.ingest.readers.text_quality.page_verdict`)."""
    return {p.number: why for p in pages if (why := page_verdict(p))}


def read_pages(pages: list[Page], name: str = "") -> Document:
    """The extracted ``pages`` as a :class:`Document` by their text layer alone (see :func:`read`)."""
    if not usable_text_layer(pages):
        reason = "no_text" if not any(p.chars for p in pages) else "bad_glyphs"
        raise NoTextLayer(f"{name or 'berkas'}: {OCR_HINT}.", reason)
    doc = from_pages(pages)
    doc.warnings.extend(undecoded_glyphs(pages))
    return doc


def undecoded_glyphs(pages: list[Page]) -> list[dict[str, Any]]:
    """A warning for the pages whose text holds U+FFFD: glyphs the font maps to no character (a ligature "fi" of
    a subset font without its ToUnicode entry reads "veri\ufffdkasi", "e\ufffdsien"). The words are wrong as
    printed; the pages are named (``"pages"``) so that OCR can read them instead.

    >>> w = undecoded_glyphs([Page(1, 600, 800, [Line("verifikasi dan e\ufffdsien", 0, 1, 0, 1)])])
    >>> w[0]["pages"], "e\ufffdsien" in w[0]["message"]
    ([1], True)
    """
    bad: list[int] = []
    examples: list[str] = []
    for page in pages:
        hits = [word for line in page.lines if "\ufffd" in line.text for word in line.text.split() if "\ufffd" in word]
        if hits:
            bad.append(page.number)
            examples.extend(hits[:3 - len(examples)] if len(examples) < 3 else [])
    if not bad:
        return []
    shown = ", ".join(str(n) for n in bad[:8]) + (" ..." if len(bad) > 8 else "")
    return [{"kind": "undecoded_glyphs", "pages": bad,
             "message": f"halaman {shown}: sebagian huruf tidak dapat dibaca dari fonta PDF (mis. "
                        f"{', '.join(repr(w) for w in examples)}); kata-kata itu salah apa adanya. Baca ulang "
                        "halaman tersebut dengan --ocr atau minta berkas yang lebih baik."}]


def from_pages(pages: list[Page], removed: list[dict[str, Any]] | None = None) -> Document:
    """The line rules (see the module docstring) applied to extracted or OCR'd pages, in order; ``removed``
    holds what the caller already took out."""
    removed = [] if removed is None else removed
    for page in pages:
        if not page.chars:
            removed.append({"kind": "page_without_text", "text": "", "page": page.number,
                            "images": page.images})
        split_glued_enumerators(page)
        pair_enumerators(page, removed)
    drop_page_numbers(pages, removed)
    drop_running_lines(pages, removed)
    drop_catchwords(pages, removed)
    lines = pdf_words.rejoin_split_words(join_hyphenation(page_lines(pages, removed), removed))
    return Document(lines=lines, format="pdf", removed=removed, extra={"pages": len(pages)})

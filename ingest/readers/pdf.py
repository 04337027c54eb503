"""PDF reader: a PDF's text layer -> lines, with page furniture removed by small named rules.

Word boxes come from PDFium (pypdfium2, :mod:`pdf_words`): 10x and more faster than pdfplumber's glyph objects,
with fake-bold glyphs merged and pages turned by ``/Rotate`` or set sideways read in their own direction.

Why positions and not ``extract_text``: a regulation PDF carries things that are not the regulation (page
numbers "- 3 -", running headers, catchwords that repeat the next page's first words) and layouts that plain
text flattens wrongly (an enumerator column beside a text column). Each is recognised by one rule below, using
the words' x/y positions where the text alone is ambiguous, and everything a rule removes is recorded in
``Document.removed`` ({"kind", "text", "page"}) so nothing disappears silently.

The rules run in this order (patterns in ``pdf_rules.json``):

1. :func:`pair_enumerators`   an enumerator alone in a left column joins the text line beside it ("a. text").
2. :func:`drop_page_numbers`  "- 3 -", "Halaman 3 dari 20", a lone number in the top/bottom margin.
3. :func:`drop_running_lines` headers/footers repeated at the same place on many pages.
4. :func:`drop_catchwords`    a page's last line that only announces the next page's first words.
5. :func:`join_hyphenation`   "penyeder-" + "hanaan" -> "penyederhanaan" (reduplications keep their hyphen).

Pages are read one at a time and closed at once (memory stays flat); with :func:`set_jobs` > 1 page ranges are
read by several processes.
"""

from __future__ import annotations

import json
import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from rancang.errors import InputError
from rancang.ingest.readers import pdf_words
from rancang.ingest.readers.document import Document

#: Pages read in parallel by this many processes (set by ``rancang ingest -j`` for a single PDF).
JOBS = 1
#: Below this many pages per process, parallel reading costs more than it saves.
MIN_PAGES_PER_JOB = 8
#: Words whose tops differ by at most this many points belong to one line (pdfplumber's own default).
Y_TOLERANCE = 3.0
#: The top/bottom share of a page where a lone number is read as a page number.
MARGIN = 0.12

OCR_HINT = "PDF tidak memiliki lapisan teks (hasil pindaian)"
#: a text layer is unusable when more than this share of its characters are undecodable glyphs
BAD_GLYPH_SHARE = 0.3
_CID = re.compile(r"\(cid:\d+\)")
#: words found in any Indonesian regulation; a readable text layer of MIN_WORDS words has some of them
COMMON_WORDS = frozenset({"dan", "yang", "di", "dengan", "atau", "pada", "dalam", "ini", "untuk", "pasal",
                          "ayat", "oleh", "dari", "sebagaimana", "peraturan", "tentang", "nomor", "tahun"})
MIN_WORDS = 20
MIN_COMMON_SHARE = 0.03


def set_jobs(jobs: int) -> None:
    """Read the pages of one PDF with ``jobs`` processes (``rancang ingest -j`` with a single file)."""
    global JOBS
    JOBS = max(1, int(jobs))


@dataclass
class Line:
    """One visual line: its text and box (PDF points, top-left origin)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass
class Page:
    """The lines of one page, top to bottom, and what the page holds besides text."""

    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    chars: int = 0
    images: int = 0


@cache
def rules() -> dict[str, Any]:
    """The compiled patterns of ``pdf_rules.json``."""
    raw = json.loads(resources.files(__package__).joinpath("pdf_rules.json").read_text(encoding="utf-8"))
    flags = re.IGNORECASE
    return {
        "page_number": [re.compile(p, flags) for p in raw["page_number"]],
        "lone_page_number": re.compile(raw["lone_page_number"]),
        "enumerator": re.compile(raw["enumerator"], flags),
        "structural": re.compile(raw["structural"], flags),
        "catchword_tail": re.compile(raw["catchword_tail"]),
    }


# --------------------------------------------------------------------------------------------- extraction


def _lines_of(words: list[dict[str, Any]]) -> list[Line]:
    """Group words into visual lines: sorted by top, a new line where the top moves by more than the
    tolerance."""
    lines: list[Line] = []
    group: list[dict[str, Any]] = []
    anchor = None
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if anchor is not None and w["top"] - anchor > Y_TOLERANCE:
            lines.append(_line(group))
            group = []
        if not group:
            anchor = w["top"]
        group.append(w)
    if group:
        lines.append(_line(group))
    return lines


def _line(words: list[dict[str, Any]]) -> Line:
    words.sort(key=lambda w: w["x0"])
    return Line(
        text=" ".join(w["text"] for w in words),
        x0=words[0]["x0"],
        x1=max(w["x1"] for w in words),
        top=min(w["top"] for w in words),
        bottom=max(w["bottom"] for w in words),
    )


#: which library reads the words: "pdfium" (fast, the default) or "pdfplumber" (RANCANG_PDF_ENGINE)
ENGINE = os.environ.get("RANCANG_PDF_ENGINE", "pdfium")


def _open(data: bytes, name: str) -> Any:
    """The open PDF as pages of words (:mod:`pdf_words`); a locked, truncated or broken file is refused."""
    label = name or "berkas"
    if b"%%EOF" not in data[-4096:]:
        # PDFium repairs a file cut short and would read its first pages as if they were all: refuse it
        raise InputError(f"{label}: PDF rusak atau terpotong (akhir berkas %%EOF tidak ada); "
                         "unduh ulang atau simpan ulang berkasnya.")
    try:
        if ENGINE == "pdfplumber":
            return pdf_words.PlumberPages(data)
        try:
            return pdf_words.PdfiumPages(data)
        except ImportError:
            return pdf_words.PlumberPages(data)
    except Exception as exc:  # noqa: BLE001 - each library raises many kinds; each becomes one sentence
        raise InputError(_open_error(label, exc)) from exc


def _open_error(label: str, exc: BaseException) -> str:
    """One sentence for a PDF that cannot be opened: locked by a password, or broken."""
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    kind = type(inner).__name__
    if "Password" in kind or "Encrypt" in kind or "password" in str(exc).lower():
        return f"{label}: PDF terkunci kata sandi (terenkripsi); buka kuncinya lalu simpan ulang tanpa sandi."
    return (f"{label}: PDF rusak atau terpotong dan tidak dapat dibaca ({kind}); "
            "unduh ulang atau simpan ulang berkasnya.")


def _read_pages(pdf: Any, name: str, start: int, stop: int) -> list[Page]:
    """Read pages [start, stop) of an open PDF, each page closed as soon as its words are taken."""
    pages: list[Page] = []
    for i in range(start, stop):
        try:
            width, height, words, chars, images = pdf.page(i)
        except Exception as exc:  # noqa: BLE001 - a broken content stream is bad input, not a bug
            raise InputError(
                f"{name or 'berkas'}: PDF rusak pada halaman {i + 1} ({type(exc).__name__}); "
                "unduh ulang atau simpan ulang berkasnya."
            ) from exc
        pages.append(Page(number=i + 1, width=width, height=height, lines=_lines_of(words), chars=chars,
                          images=images))
    return pages


def _read_range_job(args: tuple[bytes, str, int, int]) -> list[Page]:
    data, name, start, stop = args
    pdf = _open(data, name)
    try:
        return _read_pages(pdf, name, start, stop)
    finally:
        pdf.close()


def extract_pages(data: bytes, name: str = "", jobs: int | None = None) -> list[Page]:
    """Every page's lines, in order; page ranges spread over ``jobs`` processes when the PDF is long
    enough."""
    pdf = _open(data, name)
    try:
        try:
            count = len(pdf)
        except Exception as exc:  # noqa: BLE001
            raise InputError(_open_error(name or "berkas", exc)) from exc
        if count == 0:
            raise InputError(f"{name or 'berkas'}: PDF tidak berisi halaman.")
        jobs = min(jobs or JOBS, max(1, count // MIN_PAGES_PER_JOB))
        if jobs <= 1:
            return _read_pages(pdf, name, 0, count)
    finally:
        pdf.close()
    step = -(-count // jobs)
    chunks = [(data, name, s, min(s + step, count)) for s in range(0, count, step)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return [page for part in pool.map(_read_range_job, chunks) for page in part]


# --------------------------------------------------------------------------------------------- rules


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


def drop_running_lines(pages: list[Page], removed: list[dict[str, Any]], depth: int = 3) -> None:
    """Running headers and footers: a line among a page's first or last ``depth`` lines whose text (digits
    aside) recurs at the same height on at least half of the pages (and on at least two). Structural headings
    (BAB, Pasal ...) are never taken for running lines."""
    if len(pages) < 2:
        return
    structural = rules()["structural"]
    need = max(2, (len(pages) + 1) // 2)
    for where in ("header", "footer"):
        seen: dict[tuple[str, int], set[int]] = {}
        for k, page in enumerate(pages):
            edge = page.lines[:depth] if where == "header" else page.lines[-depth:]
            for line in edge:
                if not structural.match(line.text):
                    seen.setdefault(_running_key(line, where), set()).add(k)
        repeated = {key for key, where_seen in seen.items() if len(where_seen) >= need}
        if not repeated:
            continue
        for page in pages:
            n = len(page.lines)
            edge = range(min(depth, n)) if where == "header" else range(max(0, n - depth), n)
            drop = {i for i in edge if _running_key(page.lines[i], where) in repeated}
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
        following = _norm(" ".join(ln.text for ln in nxt.lines[:2]))
        if following.startswith(_norm(words)):
            removed.append({"kind": "catchword", "text": last.text, "page": page.number})
            page.lines.pop()


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


def join_wrapped(flat: list[tuple[Line, bool]]) -> list[tuple[Line, bool]]:
    """Wrapped lines that would be misread: a line that begins like an enumerator or a heading ("(3) ...",
    "Pasal 5 ayat ...") but only continues a full-width line that does not end a sentence (nor an item, "; dan/atau")
    is joined to it.
    ``flat`` holds (line, starts a paragraph) pairs; a new paragraph is never joined."""
    if not flat:
        return flat
    lines = [ln for ln, _ in flat]
    right, width = _right_edge_of(lines)
    out: list[tuple[Line, bool]] = []
    for line, new_par in flat:
        if out and not new_par and _MISREAD_START.match(line.text):
            prev = out[-1][0]
            tail = prev.text.rstrip()
            if prev.x1 >= right - 0.08 * width and not tail.endswith(_TERMINAL) and not tail.endswith("-") \
                    and not _ITEM_END.search(tail, max(0, len(tail) - 12)):
                prev.text = f"{tail} {line.text}"
                continue
        out.append((line, new_par))
    return out


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


def glyph_counts(text: str) -> tuple[int, int]:
    """(undecodable, total) non-space characters of a text layer: ``(cid:N)`` counts as one undecodable glyph,
    and so do U+FFFD, U+FFFE and private-use characters.

    >>> glyph_counts("(cid:12)(cid:40) ab")
    (2, 4)
    """
    cids = len(_CID.findall(text))
    rest = _CID.sub("", text)
    bad = sum(1 for ch in rest if ch in "\ufffd\ufffe" or "\ue000" <= ch <= "\uf8ff")
    total = sum(1 for ch in rest if not ch.isspace()) + cids
    return cids + bad, total


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
    :mod:`rancang.ingest.readers.ocr` reads those."""
    pages = extract_pages(data, name)
    if not usable_text_layer(pages):
        reason = "no_text" if not any(p.chars for p in pages) else "bad_glyphs"
        raise NoTextLayer(f"{name or 'berkas'}: {OCR_HINT}.", reason)
    return from_pages(pages)


def from_pages(pages: list[Page], removed: list[dict[str, Any]] | None = None) -> Document:
    """The line rules (see the module docstring) applied to extracted or OCR'd pages, in order; ``removed``
    holds what the caller already took out."""
    removed = [] if removed is None else removed
    for page in pages:
        if not page.chars:
            removed.append({"kind": "page_without_text", "text": "", "page": page.number,
                            "images": page.images})
        pair_enumerators(page, removed)
    drop_page_numbers(pages, removed)
    drop_running_lines(pages, removed)
    drop_catchwords(pages, removed)
    lines = pdf_words.rejoin_split_words(join_hyphenation(page_lines(pages, removed), removed))
    return Document(lines=lines, format="pdf", removed=removed, extra={"pages": len(pages)})

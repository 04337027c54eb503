"""PDF pages as lines: open a PDF, take each page's word boxes (:mod:`words`) and group them into visual lines
(:class:`Line`, :class:`Page`), one page at a time, pages closed at once (memory stays flat); with
:func:`set_jobs` > 1, page ranges are read by several processes.

A locked, truncated or broken file is refused with one Indonesian sentence (:class:`~rancang.errors.InputError`).
"""

from __future__ import annotations

import concurrent.futures
import os
from dataclasses import dataclass, field
from typing import Any

from rancang.errors import InputError
from rancang.ingest.readers.pdf import guard as pdf_guard
from rancang.ingest.readers.pdf import words as pdf_words
from rancang.limits import limit

#: Pages read in parallel by this many processes (set by ``rancang ingest -j`` for a single PDF).
JOBS = 1
#: Below this many pages per process, parallel reading costs more than it saves.
MIN_PAGES_PER_JOB = 8
#: Words whose tops differ by at most this many points belong to one line (pdfplumber's own default).
Y_TOLERANCE = 3.0
#: which library reads the words: "pdfium" (fast, the default) or "pdfplumber" (RANCANG_PDF_ENGINE)
ENGINE = os.environ.get("RANCANG_PDF_ENGINE", "pdfium")


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


def lines_of(words: list[dict[str, Any]]) -> list[Line]:
    """Group words (``{"text", "x0", "x1", "top", "bottom"}``, and ``"base"`` when the engine knows the baseline)
    into visual lines: sorted by baseline (else by top), a new line where it moves by more than
    :data:`Y_TOLERANCE`; each line's words left to right. The baseline is what a reader follows: faces of one
    size differ in ascent (an italic word's box stands higher than its upright neighbours'), never in baseline."""
    lines: list[Line] = []
    group: list[dict[str, Any]] = []
    anchor = None
    key = "base" if words and "base" in words[0] else "top"
    for w in sorted(words, key=lambda w: (w[key], w["x0"])):
        if anchor is not None and w[key] - anchor > Y_TOLERANCE:
            lines.append(_line(group))
            group = []
        if not group:
            anchor = w[key]
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


def _open(data: bytes, name: str) -> Any:
    """The open PDF as pages of words (:mod:`words`); a locked, truncated or broken file is refused."""
    label = name or "berkas"
    # PDFium repairs a file cut short and would read its first pages as if they were all: refuse it
    data = pdf_guard.trimmed(data, name)
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
        pages.append(Page(number=i + 1, width=width, height=height, lines=lines_of(words), chars=chars,
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
    enough. Raises :class:`~rancang.errors.InputError` for a PDF that is locked, broken or has no page."""
    pdf = _open(data, name)
    try:
        try:
            count = len(pdf)
        except Exception as exc:  # noqa: BLE001
            raise InputError(_open_error(name or "berkas", exc)) from exc
        if count == 0:
            raise InputError(f"{name or 'berkas'}: PDF tidak berisi halaman.")
        if count > limit("pdf_pages"):
            raise InputError(f"{name or 'berkas'}: PDF memuat {count} halaman, melebihi batas {limit('pdf_pages')} "
                             "halaman; pecah dokumennya lalu baca per bagian.")
        jobs = min(jobs or JOBS, max(1, count // MIN_PAGES_PER_JOB))
        if jobs <= 1:
            return _read_pages(pdf, name, 0, count)
    finally:
        pdf.close()
    step = -(-count // jobs)
    chunks = [(data, name, s, min(s + step, count)) for s in range(0, count, step)]
    with concurrent.futures.ProcessPoolExecutor(max_workers=jobs) as pool:
        return [page for part in pool.map(_read_range_job, chunks) for page in part]

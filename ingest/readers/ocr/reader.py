"""OCR for scanned PDFs: page images -> word boxes (Tesseract, Indonesian) -> the PDF reader's own line rules.

A regulation a bureau holds is often a scan: a JDIH PDF without a text layer, a phone photo of a signed copy, or
a PDF whose text layer is undecodable glyphs (``(cid:12)(cid:40)...``). Such a PDF is read here instead of being
refused:

1. :func:`~rancang.ingest.readers.pdf.reader.usable_text_layer` decides whether the PDF's own text can be trusted
   (no text at all, mostly ``(cid:N)`` / replacement / private-use glyphs, or no Indonesian words, is not).
2. Each page is rendered by pypdfium2 (already installed with pdfplumber) at :data:`DPI` and read by Tesseract
   (``tesseract-ocr`` + ``tesseract-ocr-ind``) as word boxes. A page whose words come out with low confidence is
   turned upright by Tesseract's orientation detection (OSD: a page photographed sideways) and read again; a
   page is first flattened, binarised, straightened and scaled by :mod:`~rancang.ingest.readers.ocr.image`.
3. The word boxes become the PDF reader's :class:`~rancang.ingest.readers.pdf.reader.Line` objects in PDF points, so the
   same named rules remove page numbers, running headers, catchwords and hyphenation, and pair enumerators.

OCR confusions in the numbering ("(l)", "3 Pemanfaatan" for "(3)", "C:" for "c.", "BAB |") are corrected by
:mod:`~rancang.ingest.readers.ocr.fix` only where the numbering sequence proves them, and each correction is
recorded; damaged Pasal headings are the parser's (the same rules serve typed text). Pages run in parallel in
:data:`JOBS` processes, each rendering one page at a time (memory stays bounded on a 100-page scan), and report
progress through :func:`set_progress`.
"""

from __future__ import annotations

import concurrent.futures
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rancang.errors import InputError, install_extra
from rancang.ingest.readers.ocr.fix import fix_labels
from rancang.ingest.readers.ocr.image import MIN_INK, prepare
from rancang.ingest.readers.pdf import reader as pdf_reader
from rancang.ingest.readers.pdf.repeats import drop_repeated_pages

#: environment variable holding the OCR mode, so reader processes of a batch inherit it
MODE_ENV = "RANCANG_OCR"
MODES = ("auto", "always", "never")
#: pages rendered and read in parallel by this many processes (``rancang ingest -j``)
JOBS = 1
#: render resolution: 300 dpi read no better than 200 on 10 pt print and took half as long again (measured)
DPI = 200
#: Tesseract language data and page segmentation (4: one column of text of variable sizes)
LANG = "ind"
PSM = 4
#: below this mean word confidence (0-100) a page is checked for orientation and read again
LOW_CONFIDENCE = 55.0

ENGINE_MISSING = ("untuk membacanya dengan OCR pasang Tesseract dengan data bahasa Indonesia (paket Debian "
                  "tesseract-ocr dan tesseract-ocr-ind), lalu " + install_extra("ocr") + ".")
OCR_OFF = "OCR dimatikan (--no-ocr); jalankan tanpa --no-ocr agar dibaca dengan OCR."

_progress: Callable[[int, int], None] | None = None


def set_mode(mode: str) -> None:
    """``mode``: "auto" (OCR a PDF only when its text layer is unusable), "always" (``--ocr``) or "never"
    (``--no-ocr``); kept in ``$RANCANG_OCR`` so worker processes follow it. Raises ValueError for another."""
    if mode not in MODES:
        raise ValueError(mode)
    os.environ[MODE_ENV] = mode


def mode() -> str:
    """The OCR mode in force ("auto" unless set by :func:`set_mode` or ``$RANCANG_OCR``)."""
    value = os.environ.get(MODE_ENV, "auto")
    return value if value in MODES else "auto"


def set_jobs(jobs: int) -> None:
    """Read the pages of one scanned PDF with ``jobs`` processes."""
    global JOBS
    JOBS = max(1, int(jobs))


def set_progress(callback: Callable[[int, int], None] | None) -> None:
    """``callback(done, total)`` is called after each OCR'd page (the CLI's progress bar); None for silence."""
    global _progress
    _progress = callback


# ------------------------------------------------------------------------------------------------ engine


def engine_available() -> bool:
    """Whether OCR can run here: pytesseract and pypdfium2 import, ``tesseract`` is on PATH, and it has the
    Indonesian language data."""
    try:
        import pypdfium2  # noqa: F401
        import pytesseract
    except ImportError:
        return False
    if shutil.which("tesseract") is None:
        return False
    try:
        return LANG in pytesseract.get_languages(config="")
    except Exception:  # noqa: BLE001 - a broken install is "not available"
        return False


def require_engine(name: str = "") -> None:
    """Raise :class:`InputError` with what to install when OCR cannot run here."""
    if not engine_available():
        raise InputError(f"{name or 'berkas'}: OCR tidak tersedia; {ENGINE_MISSING}")


# ------------------------------------------------------------------------------------------- one page


@dataclass
class PageResult:
    """What OCR made of one page: its lines (PDF points), mean confidence, and what was done to the image."""

    page: pdf_reader.Page
    confidence: float
    rotated: int = 0
    deskewed: float = 0.0
    #: (word, confidence 0-100) in reading order: the clauses' confidence is taken from them
    words: list[tuple[str, float]] = field(default_factory=list)
    #: the image was lit unevenly or low in contrast (a phone photo) and was flattened
    flattened: bool = False


def _tesseract_words(image: Any) -> tuple[list[dict[str, Any]], float]:
    """Word boxes (pixels) and their mean confidence, from Tesseract's TSV output."""
    import pytesseract

    data = pytesseract.image_to_data(image, lang=LANG, config=f"--psm {PSM}",
                                     output_type=pytesseract.Output.DICT)
    words: list[dict[str, Any]] = []
    confs: list[float] = []
    for i, text in enumerate(data["text"]):
        text = (text or "").strip()
        conf = float(data["conf"][i])
        if not text or conf < 0:
            continue
        confs.append(conf)
        words.append({"text": text, "conf": conf,
                      "key": (data["block_num"][i], data["par_num"][i], data["line_num"][i]),
                      "x0": data["left"][i], "top": data["top"][i],
                      "x1": data["left"][i] + data["width"][i], "bottom": data["top"][i] + data["height"][i]})
    return words, (sum(confs) / len(confs) if confs else 0.0)


def _lines(words: list[dict[str, Any]], scale: float) -> list[pdf_reader.Line]:
    """Tesseract's lines (block, paragraph, line) as PDF-point :class:`Line` objects, top to bottom."""
    groups: dict[tuple[int, int, int], list[dict[str, Any]]] = {}
    for w in words:
        groups.setdefault(w["key"], []).append(w)
    lines = []
    for group in groups.values():
        group.sort(key=lambda w: w["x0"])
        lines.append(pdf_reader.Line(text=" ".join(w["text"] for w in group),
                                     x0=group[0]["x0"] * scale, x1=max(w["x1"] for w in group) * scale,
                                     top=min(w["top"] for w in group) * scale,
                                     bottom=max(w["bottom"] for w in group) * scale))
    lines.sort(key=lambda ln: (round(ln.top / 4), ln.x0))
    return lines


def _upright(image: Any) -> tuple[Any, int]:
    """The page turned upright by Tesseract's orientation detection, and the rotation applied (degrees)."""
    import pytesseract

    try:
        osd = pytesseract.image_to_osd(image, config="--psm 0 -c min_characters_to_try=5",
                                       output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractError:  # too little text to decide: leave the page as it is
        return image, 0
    rotate = int(osd.get("rotate", 0)) % 360
    return (image.rotate(-rotate, expand=True, fillcolor=255) if rotate else image), rotate


def ocr_image(image: Any, number: int, dpi: int = DPI) -> PageResult:
    """OCR one page image (a PIL image rendered at ``dpi``) into a :class:`PageResult` in PDF points.

    The image is first made black ink on white, straightened and brought to Tesseract's text size
    (:func:`~rancang.ingest.readers.ocr.image.prepare`). Orientation detection (OSD) runs only when the words
    read upright are few or unsure (mean confidence below :data:`LOW_CONFIDENCE`) and the page holds ink that
    may be text (:data:`~rancang.ingest.readers.ocr.image.MIN_INK`): a blank page is not turned about, and a
    phone photo, which scored confidence 0 on every page before it was flattened, now reads upright at 90+."""
    prepared = prepare(image)
    words, conf = _tesseract_words(prepared.image)
    rotated = 0
    if conf < LOW_CONFIDENCE and prepared.ink >= MIN_INK:
        _, rotated = _upright(prepare(image, rescale=False).image)
        if rotated:
            turned = prepare(image.rotate(-rotated, expand=True, fillcolor=255))
            words2, conf2 = _tesseract_words(turned.image)
            if conf2 > conf:
                prepared, words, conf = turned, words2, conf2
            else:
                rotated = 0
    image = prepared.image
    scale = 72.0 / dpi / prepared.scale
    page = pdf_reader.Page(number=number, width=image.width * scale, height=image.height * scale,
                           lines=_lines(words, scale))
    page.chars = sum(len(w["text"]) for w in words)
    return PageResult(page=page, confidence=conf, rotated=rotated, deskewed=prepared.deskewed,
                      words=[(w["text"], w["conf"]) for w in _reading_order(words)], flattened=prepared.flattened)


def _reading_order(words: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Words in the order :func:`_lines` sets them: lines top to bottom, each left to right."""
    groups: dict[tuple[int, int, int], list[dict[str, Any]]] = {}
    for w in words:
        groups.setdefault(w["key"], []).append(w)
    ordered = sorted(groups.values(), key=lambda g: (min(w["top"] for w in g), min(w["x0"] for w in g)))
    return [w for g in ordered for w in sorted(g, key=lambda w: w["x0"])]


def drop_misread_page_number(page: pdf_reader.Page, removed: list[dict[str, Any]]) -> None:
    """A page number OCR misread ("- 7 -" as "27m", "-7-" or "sg sa"): a line of at most six characters and no
    word in the top or bottom margin that holds the page's own number, or stands centred where page numbers are
    printed. Recorded as ``page_number``."""
    margin = pdf_reader.MARGIN * page.height
    number = str(page.number)
    keep = []
    for line in page.lines:
        text = line.text.replace(" ", "")
        in_margin = line.bottom < margin or line.top > page.height - margin
        centred = abs((line.x0 + line.x1) / 2 - page.width / 2) < 0.1 * page.width
        short = len(text) <= 6 and not re.search(r"[A-Za-z]{3}", line.text)
        if in_margin and short and page.number > 1 and (number in text and not re.search(r"[A-Za-z]{2}", text)
                                                         or centred and not re.search(r"[()]", text)):
            removed.append({"kind": "page_number", "text": line.text, "page": page.number})
            continue
        keep.append(line)
    page.lines = keep


# ------------------------------------------------------------------------------------------- whole PDF

_worker_pdf: Any = None


def _init_worker(data: bytes) -> None:
    """Each worker opens the PDF once; Tesseract runs single-threaded inside it (processes give the
    parallelism)."""
    global _worker_pdf
    import pypdfium2

    os.environ["OMP_THREAD_LIMIT"] = "1"
    _worker_pdf = pypdfium2.PdfDocument(data)


def _ocr_page(index: int) -> PageResult:
    page = _worker_pdf[index]
    try:
        image = page.render(scale=DPI / 72, grayscale=True).to_pil()
    finally:
        page.close()
    return ocr_image(image, index + 1)


def _page_count(data: bytes, name: str) -> int:
    import pypdfium2

    try:
        doc = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise InputError(f"{name or 'berkas'}: PDF rusak atau terpotong dan tidak dapat dibaca; "
                         "unduh ulang atau simpan ulang berkasnya.") from exc
    try:
        return len(doc)
    finally:
        doc.close()


def ocr_pages(data: bytes, name: str = "", jobs: int | None = None,
              indices: list[int] | None = None) -> list[PageResult]:
    """OCR the pages ``indices`` (0-based; default every page) of the PDF ``data``, in order, with ``jobs``
    processes (default :data:`JOBS`).

    Raises :class:`InputError` when the engine is missing or the PDF cannot be opened."""
    require_engine(name)
    count = _page_count(data, name)
    if count == 0:
        raise InputError(f"{name or 'berkas'}: PDF tidak berisi halaman.")
    todo = list(range(count)) if indices is None else [i for i in indices if 0 <= i < count]
    if not todo:
        return []
    jobs = max(1, min(jobs or JOBS, len(todo)))
    results: list[PageResult] = []
    if jobs == 1:
        _init_worker(data)
        try:
            for n, i in enumerate(todo):
                results.append(_ocr_page(i))
                if _progress:
                    _progress(n + 1, len(todo))
        finally:
            _worker_pdf.close()
        return results
    with concurrent.futures.ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(data,)) as pool:
        for n, result in enumerate(pool.map(_ocr_page, todo)):
            results.append(result)
            if _progress:
                _progress(n + 1, len(todo))
    return results


def read(data: bytes, name: str = "", reason: str = "forced", text_pages: list[pdf_reader.Page] | None = None,
         plan: dict[int, str] | None = None) -> pdf_reader.Document:
    """A PDF read page by page: the pages of ``plan`` (page number -> why: "no_text", "bad_glyphs",
    "not_words") by OCR, the other ``text_pages`` by their own text layer; without ``text_pages`` every page is
    OCR'd for ``reason``. The document ``reason`` ("forced", "no_text", "bad_glyphs", "mixed") is recorded in
    ``extra["ocr"]`` with the engine, the resolution, the label corrections, and one entry a page:
    ``{"page", "source": "ocr", "reason", "confidence", "rotated", "deskewed", "flattened"}`` or
    ``{"page", "source": "text"}`` (no confidence: a text layer is what was printed).
    ``extra["ocr_words"]`` holds each page's words and their confidence (for the clauses' confidence).

    Raises :class:`InputError` when no page yields any text."""
    if text_pages is None or plan is None:
        results = ocr_pages(data, name)
        plan = {r.page.number: reason for r in results}
        text_pages = []
    else:
        results = ocr_pages(data, name, indices=[n - 1 for n in sorted(plan)])
    by_number = {r.page.number: r for r in results}
    pages = [by_number[p.number].page if p.number in by_number else p for p in text_pages] or [r.page for r in results]
    if not any(p.chars for p in pages):
        raise InputError(f"{name or 'berkas'}: PDF tidak memiliki lapisan teks (hasil pindaian) dan OCR tidak "
                         "menemukan teks di dalamnya; periksa kualitas pindaiannya.")
    removed: list[dict[str, Any]] = []
    for r in results:
        drop_misread_page_number(r.page, removed)
    pages = drop_repeated_pages(pages, removed)
    kept = {p.number for p in pages}
    doc = pdf_reader.from_pages(pages, removed)
    corrections: list[dict[str, Any]] = []
    if 2 * len(results) >= sum(1 for p in pages if p.chars):
        # OCR read most of the text: its labels are repaired by the sequence. A text PDF with one scanned page
        # keeps its typed labels as printed (a quoted first line of an amending Pasal is no damaged "(1)")
        doc.lines, corrections = fix_labels(doc.lines)
    entries = []
    for p in pages:
        got = by_number.get(p.number)
        entries.append({"page": p.number, "source": "text"} if got is None else
                       {"page": p.number, "source": "ocr", "reason": plan.get(p.number, reason),
                        "confidence": round(got.confidence, 1), "rotated": got.rotated, "deskewed": got.deskewed,
                        "flattened": got.flattened})
    doc.extra["ocr"] = {"engine": "tesseract", "lang": LANG, "dpi": DPI, "reason": reason, "pages": entries,
                        "corrections": corrections}
    doc.extra["ocr_words"] = {p.number: (by_number[p.number].words if p.number in by_number else
                                         [(w, None) for ln in p.lines for w in ln.text.split()])
                              for p in pages if p.number in kept}
    return doc

"""Readers turn a file's bytes into plain text lines; the parser never sees a file format.

A reader is chosen by content (magic bytes), not by extension: ``%PDF`` -> PDF, a ZIP -> DOCX (which refuses a
ZIP without ``word/document.xml``), anything else -> text. Formats we cannot read but can name (an old Word
.doc,
an image, an RTF file) are refused with a sentence that says what to do. Each reader returns a
:class:`Document`; new formats plug in by adding a module, one entry to :data:`SNIFFERS` and its reader to
:data:`READERS`.
"""

from __future__ import annotations

from collections.abc import Callable

from rancang.errors import InputError
from rancang.ingest import hazards
from rancang.ingest.readers import akn, line_bounds, text
from rancang.ingest.readers.document import Document
from rancang.ingest.readers.docx import reader as docx_reader
from rancang.ingest.readers.ocr import photo
from rancang.ingest.readers.ocr import reader as ocr_reader
from rancang.ingest.readers.pdf import guard as pdf_guard
from rancang.ingest.readers.pdf import reader as pdf_reader
from rancang.textsafe import scrub_lines


def _is_pdf(head: bytes) -> bool:
    return head.lstrip()[:5] == b"%PDF-"


def _is_zip(head: bytes) -> bool:
    return head[:4] == b"PK\x03\x04"


#: (test on the first bytes, format name); anything else is text
SNIFFERS: list[tuple[Callable[[bytes], bool], str]] = [
    (_is_pdf, "pdf"),
    (_is_zip, "docx"),
]


#: (magic bytes at offset 0, why we refuse): files that are clearly not a text, PDF or DOCX regulation
REFUSED: list[tuple[bytes, str]] = [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
     "dokumen Word lama (.doc) tidak didukung; simpan ulang sebagai DOCX atau PDF."),
    (b"{\\rtf", "berkas RTF tidak didukung; simpan ulang sebagai DOCX atau PDF."),
]


def refused(data: bytes) -> str | None:
    """Why ``data`` cannot be read at all (an Indonesian clause), or None."""
    return next((why for magic, why in REFUSED if data.startswith(magic)), None)


def sniff(data: bytes, name: str = "") -> str:
    """The format of ``data``: "pdf", "docx", or "txt"/"md" (by extension) for everything else."""
    head = data[:1024]
    for test, fmt in SNIFFERS:
        if test(head):
            return fmt
    return "md" if name.lower().endswith(".md") else "txt"


def read(data: bytes, name: str = "") -> Document:
    """Read ``data`` (the bytes of file ``name``) with the reader its content calls for."""
    why = refused(data)
    if why:
        raise InputError(f"{name or 'berkas'}: {why}")
    if akn.is_akn(data):  # an Akoma Ntoso act (``rancang ingest --format akn``, Laws.Africa tools)
        return Document(lines="\n\n".join(akn.canonical_text(data, name)).split("\n"), format="akn")
    picture = photo.kind(data)
    fmt = "pdf" if picture else sniff(data, name)
    doc = read_photo(data, name, picture) if picture else READERS.get(fmt, text.read)(data, name)
    doc.lines, scrubbed = scrub_lines(doc.lines)
    doc.removed.extend(scrubbed)
    line_bounds.check(doc.lines, name)  # no line too long, none with thousands of enumerators run together
    for hazard in (hazards.drop_invisible, hazards.fold_confusables):
        doc.lines, found, warned = hazard(doc.lines)
        doc.removed.extend(found)
        doc.warnings.extend(warned)
    if fmt in ("txt", "md"):
        doc.format = fmt
    return doc


def read_photo(data: bytes, name: str, picture: str) -> Document:
    """An image file (a scanned or photographed page, often saved as ``.pdf``) read by OCR as a PDF of its frames
    (:mod:`rancang.ingest.readers.ocr.photo`). Raises InputError saying what the file is and how to let rancang
    read it when OCR is off or Tesseract is missing."""
    what = f"berkas ini gambar {picture}" + (", bukan PDF" if name.lower().endswith(".pdf") else "")
    if ocr_reader.mode() == "never":
        raise InputError(f"{name or 'berkas'}: {what}; rancang membacanya dengan OCR: jalankan tanpa --no-ocr "
                         "(di aplikasi web: OCR otomatis atau selalu).")
    if not ocr_reader.engine_available():
        raise InputError(f"{name or 'berkas'}: {what}; {ocr_reader.ENGINE_MISSING}")
    return read_pdf(photo.to_pdf(data, name), name)


def read_pdf(data: bytes, name: str = "") -> Document:
    """A PDF page by page: each page by its text layer when that is good, by OCR when it is missing, undecodable
    or no words (:func:`~rancang.ingest.readers.pdf.reader.ocr_plan`; an image-only signature page inside a text PDF is
    OCR'd, not dropped). Every page by OCR with ``--ocr``; none with ``--no-ocr``.

    Raises :class:`InputError` with one sentence: what to install when OCR is needed but Tesseract is absent,
    or that OCR is switched off."""
    data = pdf_guard.trimmed(data, name)  # padding after %%EOF dropped; a file cut short refused
    pdf_guard.check(data, name)  # streams inflated within bounds before any PDF library reads them (flate bombs)
    if ocr_reader.mode() == "always":
        return ocr_reader.read(data, name, reason="forced")
    pages = pdf_reader.extract_pages(data, name)
    plan = pdf_reader.ocr_plan(pages)
    if not plan and pdf_reader.usable_text_layer(pages):
        return pdf_reader.read_pages(pages, name)
    if not plan:  # each page passes alone, the whole does not (a glyph-number font spread thin): read it all
        plan = {p.number: "not_words" for p in pages if p.chars or p.images}
    whole = all(p.number in plan for p in pages if p.chars or p.images)
    if ocr_reader.mode() == "never" or not ocr_reader.engine_available():
        try:
            doc = pdf_reader.read_pages(pages, name)
        except pdf_reader.NoTextLayer as exc:
            why = ocr_reader.OCR_OFF if ocr_reader.mode() == "never" else ocr_reader.ENGINE_MISSING
            raise InputError(f"{exc.format_message()[:-1]}; {why}") from exc
        # (a page read with a few undecoded words is named by read_pages' own warning, its text being there)
        named = {n for w in doc.warnings if w.get("kind") == "undecoded_glyphs" for n in w.get("pages", [])}
        unread = sorted(n for n, why in plan.items() if not (why == "bad_glyphs" and n in named))
        if unread:
            doc.warnings.append(_unread_pages(unread))
        return doc
    reasons = set(plan.values())
    reason = "mixed" if not whole else "no_text" if reasons == {"no_text"} else "bad_glyphs"
    doc = ocr_reader.read(data, name, reason=reason, text_pages=pages, plan=plan)
    doc.warnings.extend(pdf_reader.undecoded_glyphs([p for p in pages if p.number not in plan]))
    return doc


def _unread_pages(numbers: list[int]) -> dict[str, object]:
    """The warning for pages whose text layer is missing or bad and that OCR could not read here."""
    shown = ", ".join(str(n) for n in numbers[:8]) + (" ..." if len(numbers) > 8 else "")
    return {"kind": "pages_not_read", "pages": numbers,
            "message": f"halaman {shown} tidak memiliki lapisan teks yang dapat dibaca dan tidak dibaca dengan OCR "
                       "(OCR dimatikan atau Tesseract tidak terpasang); isinya tidak ada dalam hasil ini."}


#: format name -> its reader (bytes, file name -> Document); a format not named here is read as text
READERS: dict[str, Callable[[bytes, str], Document]] = {"pdf": read_pdf, "docx": docx_reader.read}

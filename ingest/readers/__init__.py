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
from rancang.ingest import akn, hazards
from rancang.ingest.readers import docx, line_bounds, ocr, pdf, pdf_guard, text
from rancang.ingest.readers.document import Document
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
    (b"\x89PNG", "berkas gambar (PNG) tidak memiliki teks; jalankan OCR dahulu, misalnya dengan ocrmypdf."),
    (b"\xff\xd8\xff",
     "berkas gambar (JPEG) tidak memiliki teks; jalankan OCR dahulu, misalnya dengan ocrmypdf."),
    (b"II*\x00", "berkas gambar (TIFF) tidak memiliki teks; jalankan OCR dahulu, misalnya dengan ocrmypdf."),
    (b"MM\x00*", "berkas gambar (TIFF) tidak memiliki teks; jalankan OCR dahulu, misalnya dengan ocrmypdf."),
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
    fmt = sniff(data, name)
    doc = READERS.get(fmt, text.read)(data, name)
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


def read_pdf(data: bytes, name: str = "") -> Document:
    """A PDF by its text layer, or by OCR: always with ``--ocr``, never with ``--no-ocr``, and by default when
    the text layer is missing or undecodable (:class:`~rancang.ingest.readers.pdf.NoTextLayer`).

    Raises :class:`InputError` with one sentence: what to install when OCR is needed but Tesseract is absent,
    or that OCR is switched off."""
    data = pdf_guard.trimmed(data, name)  # padding after %%EOF dropped; a file cut short refused
    pdf_guard.check(data, name)  # streams inflated within bounds before any PDF library reads them (flate bombs)
    if ocr.mode() == "always":
        return ocr.read(data, name, reason="forced")
    try:
        return pdf.read(data, name)
    except pdf.NoTextLayer as exc:
        if ocr.mode() == "never":
            raise InputError(f"{exc.format_message()[:-1]}; {ocr.OCR_OFF}") from exc
        if not ocr.engine_available():
            raise InputError(f"{exc.format_message()[:-1]}; {ocr.ENGINE_MISSING}") from exc
        return ocr.read(data, name, reason=exc.reason)


#: format name -> its reader (bytes, file name -> Document); a format not named here is read as text
READERS: dict[str, Callable[[bytes, str], Document]] = {"pdf": read_pdf, "docx": docx.read}

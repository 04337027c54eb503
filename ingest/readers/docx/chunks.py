"""Imported content of a Word document (``w:altChunk``): a part in another format that Word converts and shows in
place when it opens the file (ECMA-376 Part 1, 17.17.2) -- HTML, MHTML, plain text or another DOCX.

Each kind is turned into the lines a person sees after Word imported it: HTML block elements (``p``, ``div``,
``li``, ``tr``, headings, ``br``) end a line, scripts and styles are not shown. A kind rancang cannot read (RTF) is
refused with one sentence, never skipped.
"""

from __future__ import annotations

import email
from collections.abc import Callable
from typing import Any

from rancang.errors import InputError
from rancang.ingest.readers.docx.package import Package
from rancang.ingest.readers.text import decode

_BLOCKS = ("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "blockquote", "pre",
           "section", "article", "dd", "dt", "title")


def html_lines(data: bytes) -> list[str]:
    """The visible lines of an HTML document (the text of its body; blocks and ``br`` end lines)."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(data)
    except (etree.ParserError, ValueError):  # an empty document
        return []
    for bad in list(root.iter("script", "style", "head")):
        if bad.getparent() is not None:
            bad.getparent().remove(bad)
    for el in root.iter(*_BLOCKS, "br", "td", "th"):
        sep = " " if el.tag in ("td", "th") else "\n"
        el.text = sep + (el.text or "")
        el.tail = sep + (el.tail or "")
    return [s for s in (" ".join(part.split()) for part in root.text_content().split("\n")) if s]


def mht_lines(data: bytes) -> list[str]:
    """The visible lines of an MHTML (web archive) chunk: its first HTML part."""
    msg = email.message_from_bytes(data)
    for part in msg.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            return html_lines(payload if isinstance(payload, bytes) else b"")
    return []


def chunk_lines(pkg: Package, target: str, label: str,
                read_docx: Callable[[bytes], tuple[list[str], list[dict[str, Any]]]]) -> tuple[list[str], list[Any]]:
    """(lines, removed records) of the chunk part ``target``; ``read_docx`` reads a DOCX chunk (lines, removed).

    Raises :class:`InputError` for a chunk whose format rancang cannot read (its text would be lost)."""
    data = pkg.read(target)
    if data is None:
        return [], []
    ctype = pkg.content_type(target).lower()
    ext = target.rsplit(".", 1)[-1].lower()
    if "html" in ctype or ext in ("htm", "html", "xhtml"):
        return html_lines(data), []
    if "message/rfc822" in ctype or "multipart" in ctype or ext in ("mht", "mhtml"):
        return mht_lines(data), []
    if ctype.startswith("text/plain") or ext == "txt":
        return [" ".join(s.split()) for s in decode(data, target).split("\n")], []
    if "wordprocessingml" in ctype or ext in ("docx", "docm", "dotx", "dotm"):
        return read_docx(data)
    raise InputError(f"{label}: DOCX memuat isi sisipan (w:altChunk) berformat {ctype or ext} yang tidak dapat "
                     "dibaca; buka dan simpan ulang dokumen di Word (isi sisipan menjadi teks biasa) lalu coba lagi.")

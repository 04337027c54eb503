"""Readers turn a file's bytes into plain text lines; the parser never sees a file format.

A reader is chosen by content (magic bytes), not by extension: ``%PDF`` -> PDF, a ZIP holding
``word/document.xml`` -> DOCX, anything else -> text. Each reader returns a :class:`Document`; new formats plug in by
adding a module and one entry to :data:`SNIFFERS`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Document:
    """The text of a source file, as lines, plus what the reader removed by rule (page numbers, headers ...)."""

    lines: list[str]
    format: str
    removed: list[dict[str, Any]] = field(default_factory=list)
    #: lines found at the end of a table row etc. that the reader wants kept apart (optional, format-specific)
    extra: dict[str, Any] = field(default_factory=dict)


def _is_pdf(head: bytes) -> bool:
    return head.lstrip()[:5] == b"%PDF-"


def _is_zip(head: bytes) -> bool:
    return head[:4] == b"PK\x03\x04"


#: (test on the first bytes, reader module under rancang.ingest.readers, format name)
SNIFFERS: list[tuple[Callable[[bytes], bool], str, str]] = [
    (_is_pdf, "pdf", "pdf"),
    (_is_zip, "docx", "docx"),
]


def sniff(data: bytes, name: str = "") -> str:
    """The format of ``data``: "pdf", "docx", or "txt"/"md" (by extension) for everything else."""
    head = data[:1024]
    for test, _module, fmt in SNIFFERS:
        if test(head):
            return fmt
    return "md" if name.lower().endswith(".md") else "txt"


def read(data: bytes, name: str = "") -> Document:
    """Read ``data`` (the bytes of file ``name``) with the reader its content calls for."""
    fmt = sniff(data, name)
    module = {"pdf": "pdf", "docx": "docx"}.get(fmt, "text")
    reader = importlib.import_module(f"{__name__}.{module}")
    doc = reader.read(data, name)
    if fmt in ("txt", "md"):
        doc.format = fmt
    return doc

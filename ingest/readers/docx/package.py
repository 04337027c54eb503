"""The OPC package of a Word file (DOCX, DOCM, DOTX, DOTM; Transitional or Strict Open XML): its parts, their
relationships and content types, each XML part parsed within the bounds of ``limits.json``.

Strict Open XML (ISO/IEC 29500 Strict, "Strict Open XML Document" in Word's Save As) differs from Transitional in
its namespace names (``http://purl.oclc.org/ooxml/...``); its parts are read with those names mapped onto the
Transitional ones, so one reader serves both (ISO/IEC 29500-1:2016 Annex A and Part 4).
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from typing import Any

from rancang.limits import limit

#: Strict namespace (and relationship type) prefixes -> their Transitional names
STRICT = [
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main",
     b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships",
     b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
    (b"http://purl.oclc.org/ooxml/officeDocument/math", b"http://schemas.openxmlformats.org/officeDocument/2006/math"),
    (b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
     b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
    (b"http://purl.oclc.org/ooxml/drawingml/main", b"http://schemas.openxmlformats.org/drawingml/2006/main"),
    (b"http://purl.oclc.org/ooxml/drawingml/picture", b"http://schemas.openxmlformats.org/drawingml/2006/picture"),
]
_STRICT_MARK = b"http://purl.oclc.org/ooxml/"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"


class TooLarge(Exception):
    """A part that inflates beyond ``limits.docx_part_bytes`` (or all parts beyond ``docx_total_bytes``)."""


def transitional(data: bytes) -> bytes:
    """The bytes of an XML part with Strict namespace names replaced by the Transitional ones (unchanged when the
    part is Transitional)."""
    if _STRICT_MARK not in data:
        return data
    for strict, trans in STRICT:
        data = data.replace(strict, trans)
    return data


def parse_xml(data: bytes) -> Any:
    """An XML part parsed without resolving entities (no external fetch, no entity expansion)."""
    from lxml import etree

    return etree.fromstring(transitional(data), parser=etree.XMLParser(resolve_entities=False, huge_tree=True))


class Package:
    """An open Word package. Raises ``zipfile.BadZipFile`` for a broken ZIP and :class:`TooLarge` for a bomb."""

    def __init__(self, data: bytes) -> None:
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        if sum(i.file_size for i in self.zip.infolist()) > limit("docx_total_bytes"):
            raise TooLarge("")
        self.names = set(self.zip.namelist())
        self._rels: dict[str, dict[str, tuple[str, str, bool]]] = {}

    def read(self, name: str) -> bytes | None:
        """The bytes of part ``name`` (None when absent); zipfile never inflates beyond the declared size and
        checks the CRC."""
        try:
            info = self.zip.getinfo(name)
        except KeyError:
            return None
        if info.file_size > limit("docx_part_bytes"):
            raise TooLarge(name)
        return self.zip.read(info)

    def xml(self, name: str | None) -> Any | None:
        """Part ``name`` parsed (Strict names mapped), or None when absent."""
        data = self.read(name) if name else None
        return parse_xml(data) if data is not None else None

    def rels(self, part: str) -> dict[str, tuple[str, str, bool]]:
        """The relationships of ``part``: id -> (type name such as "footnotes", target part name, external)."""
        if part in self._rels:
            return self._rels[part]
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        out: dict[str, tuple[str, str, bool]] = {}
        for rel in root.iter(REL + "Relationship") if root is not None else []:
            target = rel.get("Target") or ""
            external = rel.get("TargetMode") == "External"
            if not external:
                target = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id") or ""] = ((rel.get("Type") or "").rsplit("/", 1)[-1], target, external)
        self._rels[part] = out
        return out

    def main_part(self) -> str:
        """The main document part named by the package relationship "officeDocument" (usually
        word/document.xml). Raises KeyError when there is none."""
        for kind, target, external in self.rels("").values():
            if kind == "officeDocument" and not external and target in self.names:
                return target
        if "word/document.xml" in self.names:
            return "word/document.xml"
        for n in sorted(self.names):
            if n.startswith("word/") and n.endswith("document.xml"):
                return n
        raise KeyError("document.xml")

    def content_type(self, name: str) -> str:
        """The content type of part ``name`` from [Content_Types].xml ("" when not declared)."""
        root = self.xml("[Content_Types].xml")
        if root is None:
            return ""
        for el in root.iter(CT + "Override"):
            if (el.get("PartName") or "").lstrip("/") == name:
                return el.get("ContentType") or ""
        ext = name.rsplit(".", 1)[-1].lower()
        for el in root.iter(CT + "Default"):
            if (el.get("Extension") or "").lower() == ext:
                return el.get("ContentType") or ""
        return ""

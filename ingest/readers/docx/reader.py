"""DOCX reader: a Word file (DOCX, DOCM, DOTX, DOTM; Transitional or Strict Open XML) -> the lines a person sees
when Word shows it, with what Word does not show recorded.

A bureau's draft rarely types "a." or "(1)": Word draws them from numbering.xml, and the reader adds the label
Word would show (:mod:`~rancang.ingest.readers.docx.numbering`). The body is walked as Word renders it
(:mod:`~rancang.ingest.readers.docx.body`): every container read through, one branch of each
mc:AlternateContent, text boxes as their own lines, All Caps shown as capitals, hidden text left out, fields'
results, tracked changes accepted, imported chunks (``w:altChunk``) in place. Footnotes, endnotes, comments,
headers and footers are not body text: each is recorded in ``Document.removed`` (kinds ``footnote``,
``endnote``, ``comment``, ``header``, ``footer``) with the line of its reference, so that conservation can be
proved against the package (:func:`package_strings`).
"""

from __future__ import annotations

import zipfile
from typing import Any

from rancang.errors import InputError
from rancang.ingest.readers.document import Document
from rancang.ingest.readers.docx.body import R_ID, M, Reader, symbol, t_text
from rancang.ingest.readers.docx.chunks import chunk_lines
from rancang.ingest.readers.docx.diagram import diagram_lines, diagram_strings
from rancang.ingest.readers.docx.numbering import Level, Numbering, W, _q, format_number
from rancang.ingest.readers.docx.package import Package, TooLarge
from rancang.ingest.readers.docx.styles import Styles
from rancang.limits import limit

__all__ = ["SUFFIXES", "Level", "Numbering", "W", "format_number", "package_strings", "read"]

#: the extensions of Word files the reader reads (document, macro-enabled document, template, macro template)
SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")
#: the parts of a document that are not its body: relationship type -> (element of one note, recorded kind)
APART = {"footnotes": ("footnote", "footnote"), "endnotes": ("endnote", "endnote"), "comments": ("comment", "comment"),
         "header": (None, "header"), "footer": (None, "footer")}
#: nested imported DOCX chunks read at most this deep (a chunk inside a chunk inside the document)
MAX_CHUNK_DEPTH = 2


def _open(data: bytes, label: str) -> tuple[Package, str, Any]:
    """(package, main part name, main part root) or InputError with one sentence."""
    try:
        pkg = Package(data)
        part = pkg.main_part()
        return pkg, part, pkg.xml(part)
    except TooLarge:
        mb = limit("docx_part_bytes") // 2**20
        raise InputError(f"{label}: isi DOCX mengembang melampaui {mb} MB saat dibuka (bom ZIP?); dokumen ini "
                         "tidak dibaca.") from None
    except KeyError as exc:
        raise InputError(f"{label}: berkas ZIP ini bukan dokumen Word (DOCX); tidak ada word/document.xml.") \
            from exc
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise InputError(
            f"{label}: DOCX rusak atau terpotong dan tidak dapat dibuka; "
            "simpan ulang dari Word lalu coba lagi."
        ) from exc
    except Exception as exc:  # noqa: BLE001 - lxml.etree.XMLSyntaxError and kin
        raise InputError(
            f"{label}: isi DOCX rusak (XML di dalamnya tidak dapat diurai); simpan ulang dari Word lalu coba lagi."
        ) from exc


def _guarded(label: str, fn: Any, *args: Any) -> Any:
    """``fn(*args)`` with a broken or oversized secondary part refused in one sentence, like the main part."""
    try:
        return fn(*args)
    except InputError:
        raise
    except TooLarge:
        raise InputError(f"{label}: salah satu bagian DOCX mengembang terlalu besar saat dibuka (bom ZIP?); "
                         "dokumen ini tidak dibaca.") from None
    except RecursionError:
        raise InputError(f"{label}: isi DOCX bersarang terlalu dalam (tabel atau kontrol isi di dalam satu sama "
                         "lain); simpan ulang dari Word lalu coba lagi.") from None
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise InputError(f"{label}: DOCX rusak atau terpotong dan tidak dapat dibuka; simpan ulang dari Word lalu "
                         "coba lagi.") from exc
    except Exception as exc:  # noqa: BLE001 - lxml.etree.XMLSyntaxError and kin
        raise InputError(f"{label}: isi DOCX rusak (XML di dalamnya tidak dapat diurai); simpan ulang dari Word "
                         "lalu coba lagi.") from exc


def read(data: bytes, name: str = "", depth: int = 0) -> Document:
    """Read a Word file into the lines a person sees; a broken, oversized or non-Word ZIP is refused with one
    sentence (:class:`InputError`). ``depth``: how deep inside imported chunks this file sits."""
    label = name or "berkas"
    pkg, part, root = _open(data, label)
    body = root.find(_q("body")) if root is not None else None
    if body is None:
        raise InputError(f"{label}: DOCX tidak memiliki isi dokumen (w:body).")
    return _guarded(label, _read_body, pkg, part, body, label, depth)


def _read_body(pkg: Package, part: str, body: Any, label: str, depth: int) -> Document:
    numbering_root = pkg.xml(_related(pkg, part, "numbering"))
    styles = Styles.from_xml(pkg.xml(_related(pkg, part, "styles")))
    rels = pkg.rels(part)
    removed: list[dict[str, Any]] = []

    def chunk(rid: str) -> list[str]:
        kind, target, external = rels.get(rid, ("", "", True))
        if external or kind != "aFChunk":
            return []
        if depth >= MAX_CHUNK_DEPTH:
            raise InputError(f"{label}: DOCX memuat isi sisipan (w:altChunk) yang bersarang terlalu dalam; buka dan "
                             "simpan ulang dokumen di Word lalu coba lagi.")
        lines, more = chunk_lines(pkg, target, label, lambda b: _chunk_docx(b, label, depth))
        removed.extend(more)
        return lines

    def diagram(rid: str) -> list[str]:
        kind, target, external = rels.get(rid, ("", "", True))
        root = pkg.xml(target) if kind == "diagramData" and not external else None
        return diagram_lines(root) if root is not None else []

    reader = Reader(Numbering.from_xml(numbering_root), styles, chunk, diagram)
    for el in body:
        reader.lines.extend(reader.block(el))
    removed.extend(reader.removed)
    removed.extend(_apart(pkg, rels, reader, numbering_root, styles))
    extra: dict[str, Any] = {"tables": reader.tables} if reader.tables else {}
    extra["generated"] = reader.generated
    return Document(lines=reader.lines, format="docx", removed=removed, extra=extra, warnings=_warnings(removed))


def _warnings(removed: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One warning per hidden text: Word does not show it, so it is not read as the regulation's text, but the
    drafter should know it is in the file (an internal note, a deleted clause kept hidden)."""
    return [{"kind": "hidden_text", "line": r["line"],
             "message": f"baris {r['line']}: teks tersembunyi (Hidden) \"{r['text'][:60]}\" tidak dibaca sebagai isi "
                        "peraturan; hapus atau tampilkan di Word bila seharusnya menjadi bagian naskah."}
            for r in removed if r["kind"] == "hidden"]


def _chunk_docx(data: bytes, label: str, depth: int) -> tuple[list[str], list[dict[str, Any]]]:
    doc = read(data, label, depth + 1)
    return doc.lines, doc.removed


def _related(pkg: Package, part: str, kind: str) -> str | None:
    """The target of the first relationship of type ``kind`` of ``part`` (word/numbering.xml ...)."""
    for k, target, external in pkg.rels(part).values():
        if k == kind and not external:
            return target
    default = {"numbering": "word/numbering.xml", "styles": "word/styles.xml"}.get(kind)
    return default if default in pkg.names else None


def _apart(pkg: Package, rels: dict[str, tuple[str, str, bool]], body: Reader, numbering_root: Any,
           styles: Styles) -> list[dict[str, Any]]:
    """Footnotes, endnotes, comments, headers and footers, each recorded once with the line of its reference
    in the body (line 1 for headers, footers and notes nobody references)."""
    where = {(kind, nid): line for kind, nid, line in body.notes}
    out: list[dict[str, Any]] = []
    done: set[str] = set()
    for kind, target, external in rels.values():
        if kind not in APART or external or target in done:
            continue
        done.add(target)
        root = pkg.xml(target)
        if root is None:
            continue
        note_tag, recorded = APART[kind]
        units = [(el.get(_q("id")) or "", el) for el in root.iter(_q(note_tag))] if note_tag else [("", root)]
        for nid, el in units:
            sub = Reader(Numbering.from_xml(numbering_root), styles)
            lines = [ln for child in el for ln in sub.block(child) if ln]
            out.extend(sub.removed)
            text = " ".join(lines)
            if text.strip():
                out.append({"kind": recorded, "line": where.get((recorded, nid), 1), "text": text})
    return out


def package_strings(data: bytes, depth: int = 0) -> list[str]:
    """Every text the package holds for a reader to account for: each ``w:t``, ``w:sym`` (as its character),
    ``w:noBreakHyphen`` ("-") and ``m:t`` of the main part and of its notes, comments, headers and footers,
    the text of each SmartArt's data part and of each imported chunk. The reference for DOCX conservation of
    characters (:func:`rancang.ingest.conservation.difference_docx`). Raises InputError for a file the reader
    refuses."""
    pkg, part, root = _open(data, "berkas")
    rels = pkg.rels(part)
    out: list[str] = []
    for kind, target, external in [("main", part, False), *rels.values()]:
        if external or (kind != "main" and kind not in APART):
            continue
        el = root if kind == "main" else pkg.xml(target)
        for t in el.iter(_q("t"), _q("sym"), _q("noBreakHyphen"), M + "t") if el is not None else []:
            out.append(symbol(t) if t.tag == _q("sym") else "-" if t.tag == _q("noBreakHyphen") else t_text(t))
    for kind, target, external in rels.values():
        data_root = pkg.xml(target) if kind == "diagramData" and not external else None
        out.extend(diagram_strings(data_root) if data_root is not None else [])
    for chunk in root.iter(_q("altChunk")):
        kind, target, external = rels.get(chunk.get(R_ID) or "", ("", "", True))
        if not external and kind == "aFChunk" and depth < MAX_CHUNK_DEPTH:
            out.extend(chunk_lines(pkg, target, "berkas", lambda b: (package_strings(b, depth + 1), []))[0])
    return out

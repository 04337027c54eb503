"""Ingest: any regulation file -> a lossless, validated :class:`~rancang.tree.Regulation`.

The stages run in a visible order, each a small module with one job::

    readers (bytes -> lines) -> clean (artefacts out, counted) -> parser (structure)
    -> meta (judul, penutup) -> refs (cross-references resolved)

Use :func:`ingest_path` for files and :func:`ingest_text` for text already in memory.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from rancang import schema
from rancang.errors import InputError, json_reason, os_reason
from rancang.ingest import readers
from rancang.ingest.parser import parse_document
from rancang.ingest.readers import line_bounds
from rancang.parts import Source
from rancang.tree import Regulation


@cache
def fingerprint() -> str:
    """A hash of the reader's own source and data (:func:`sources`): trees parsed by a different reader are stale
    (the corpus store uses it to refresh its bundled regulations after an upgrade)."""
    h = hashlib.sha256()
    for name, entry in sources():
        h.update(name.encode())
        h.update(entry.read_bytes())
    return h.hexdigest()[:16]


def sources(root: Traversable | None = None, prefix: str = "") -> list[tuple[str, Traversable]]:
    """(path relative to the package, file) of every code and data file of ``rancang.ingest`` and all its
    sub-packages (readers/pdf/, refs/, headings/ ...), in path order."""
    out: list[tuple[str, Traversable]] = []
    for entry in sorted((root or resources.files(__name__)).iterdir(), key=lambda p: p.name):
        if entry.is_dir() and entry.name != "__pycache__":
            out += sources(entry, f"{prefix}{entry.name}/")
        elif entry.name.endswith((".py", ".json", ".jsonl", ".yaml", ".txt")):
            out.append((prefix + entry.name, entry))
    return out


def ingest_bytes(data: bytes, name: str = "", validate: bool = True) -> Regulation:
    """Parse the bytes of a file called ``name`` (the name is only used for messages and the extension)."""
    label = name or "berkas"
    if not data.strip():
        raise InputError(f"{label}: berkas kosong.")
    doc = readers.read(data, name)
    source = Source(file=Path(name).name if name else "", sha256=hashlib.sha256(data).hexdigest(), format=doc.format)
    reg = parse_document(doc, source)
    line_bounds.tree(reg, len(data), label)  # before the validation's copy of a tree past the bound
    if validate:
        schema.validate("regulation", reg.to_dict(copy=False))
    return reg


def ingest_text(text: str, name: str = "", validate: bool = True) -> Regulation:
    """Parse regulation text held in memory (UTF-8 semantics)."""
    return ingest_bytes(text.encode("utf-8"), name or "teks.txt", validate=validate)


def ingest_path(path: str | Path, validate: bool = True) -> Regulation:
    """Parse the regulation file at ``path``; a JSON tree written by ``rancang ingest`` is loaded as it is."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: berkas tidak ditemukan.")
    if p.is_dir():
        raise InputError(f"{p}: ini folder, bukan berkas.")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: berkas tidak dapat dibaca ({os_reason(exc)}).") from exc
    if p.suffix.lower() == ".json" and data.lstrip()[:1] == b"{":
        return load_tree(p, data)
    return ingest_bytes(data, str(p), validate=validate)


def load_tree(path: Path, data: bytes | None = None) -> Regulation:
    """Load a tree written by ``rancang ingest -o x.json`` (validated against the regulation schema)."""
    try:
        obj = json.loads((data if data is not None else path.read_bytes()).decode("utf-8"))
        schema.validate("regulation", obj)
        return Regulation.from_dict(obj)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: JSON tidak sah ({json_reason(exc)}).") from exc
    except RecursionError:
        raise InputError(f"{path}: pohon JSON bersarang terlalu dalam untuk sebuah peraturan.") from None
    except ValueError:  # a number too long to convert
        raise InputError(f"{path}: JSON memuat bilangan yang terlalu panjang.") from None

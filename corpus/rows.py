"""Rows of the corpus store: a regulation's clauses as searchable rows, and the names and keys of its files."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from rancang.address import Address
from rancang.errors import InputError
from rancang.ingest.readers.docx import reader as docx
from rancang.tree import Regulation

#: file suffixes a folder given to ``corpus add`` is searched for
SUFFIXES = (".txt", ".md", ".pdf", *docx.SUFFIXES, ".json")


@dataclass
class Clause:
    """One searchable row: a clause (Pasal, ayat, huruf ...), a BAB/Bagian heading or a Lampiran block."""

    node: str
    type: str
    cite: str
    text: str


def clauses(reg: Regulation) -> list[Clause]:
    """Every clause of ``reg`` in document order, each with its own text only (children have rows too)."""
    out: list[Clause] = []
    cites = {n.id: n.cite for n in reg.walk() if n.id}
    for n in reg.walk():
        text = " ".join(x for x in (n.heading, n.text) if x).strip()
        if not text or not n.id:
            continue
        out.append(Clause(n.id, n.type, n.cite or _parent_cite(n.id, cites), text))
    for b in reg.lampiran:
        text = b.text or ""
        if b.rows:
            text = " ".join([text] + [" | ".join(str(c or "") for c in row) for row in b.rows]).strip()
        if text and b.id:
            out.append(Clause(b.id, "lampiran", b.cite or "Lampiran", text))
    return out


def _parent_cite(node_id: str, cites: dict[str, str]) -> str:
    """A node printed without a cite of its own (trailing prose) is cited by its nearest cited ancestor; an id
    that is no address (a tree from elsewhere) cites itself."""
    try:
        up = Address.parse(node_id).parent
    except ValueError:
        return node_id
    while up is not None and not cites.get(up.id):
        up = up.parent
    return cites[up.id] if up is not None else node_id


def region_name(daerah: str | None) -> str:
    """The short name of a region (``meta.daerah`` of a regulation): 'Kota Bogor' -> 'Bogor'; '' for None."""
    return re.sub(r"^(kabupaten|kota|provinsi)\s+", "", (daerah or "").strip(), flags=re.I)


def file_sha256(path: Path) -> str:
    """The key of a file: sha256 of its bytes; for a JSON tree, the sha256 of the source it was read from."""
    data = path.read_bytes()
    if path.suffix.lower() == ".json" and data.lstrip()[:1] == b"{":
        try:
            sha = json.loads(data).get("source", {}).get("sha256")
        except (ValueError, AttributeError):
            sha = None
        if sha:
            return sha
    return hashlib.sha256(data).hexdigest()


#: names of a folder's files that describe the folder, never a regulation (README.md, LICENSE.txt ...)
NOT_REGULATION = re.compile(r"(readme|licen[cs]e|copying|changelog|changes|notice|contributing|authors|"
                            r"catatan|format)([._-].*)?", re.IGNORECASE)


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files named on the command line; folders are searched (recursively) for regulation files
    (:func:`expand_folders`)."""
    return expand_folders(paths)[0]


def expand_folders(paths: Iterable[str | Path]) -> tuple[list[Path], list[Path]]:
    """(files to read, files of the named folders passed over): a folder's hidden files and the files that describe
    it (README.md, LICENSE ... :data:`NOT_REGULATION`) are passed over; a file named itself is always read.

    Raises InputError for a path that does not exist."""
    out: list[Path] = []
    passed: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
            for f in found:
                hidden = any(part.startswith(".") for part in f.relative_to(p).parts)
                (passed if hidden or NOT_REGULATION.fullmatch(f.name) else out).append(f)
        elif p.exists():
            out.append(p)
        else:
            raise InputError(f"{p}: berkas tidak ditemukan.")
    return out, passed


def now() -> str:
    """The time now, UTC, to the second (ISO 8601): when a regulation or a setting was stored."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def text_or_none(v: object) -> str | None:
    """``v`` as text (a number of a regulation: 17 -> "17"); None stays None."""
    return None if v is None else str(v)

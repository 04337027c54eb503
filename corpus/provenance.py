"""Where a stored act's text comes from, in one Indonesian phrase: a drafter must see that a draft or an OCR'd scan
is not the enacted text (issue 30 item 3), and what a bundled example is rather than its file's hashed name. Read
from the tree itself (``source`` and ``stats``), so every view and every corpus, old or new, says the same."""

from __future__ import annotations

import hashlib
from functools import cache
from typing import Any

from rancang import corpus
from rancang.tree import Regulation


def provenance(reg: Regulation) -> str:
    """"rancangan buatan rancang (bukan naskah yang ditetapkan)", "hasil OCR dari <file> (periksa dengan naskah
    aslinya)", "umpan JDIH: <file>", "contoh bawaan rancang: <jenis> <daerah> Nomor <n> Tahun <t>, <its source>"
    (the text is byte for byte one of the bundled examples, :func:`bundled_entry`), or "berkas <file> (<format>)";
    a text with no nomor adds "belum bernomor"."""
    src, name = reg.source, reg.source.file or "tanpa nama"
    example = bundled_entry(src.sha256)
    if src.format == "generated":
        words = "rancangan buatan rancang (bukan naskah yang ditetapkan)"
    elif reg.stats is not None and reg.stats.ocr is not None:
        words = f"hasil OCR dari {name} (periksa dengan naskah aslinya)"
    elif src.jdih:
        words = f"umpan JDIH: {name}"
    elif example is not None:
        words = f"contoh bawaan rancang: {example_title(example)}" + (f", {example['sumber']}" if example.get(
            "sumber") else "")
    else:
        words = f"berkas {name} ({src.format or 'format tidak diketahui'})"
    if not reg.meta.nomor and src.format != "generated":
        words += "; belum bernomor"
    return words


def example_title(entry: dict[str, Any]) -> str:
    """A bundled example's act as its index names it: "Peraturan Wali Kota Bogor Nomor 93 Tahun 2022"."""
    return f"{entry['jenis']} {entry['nama']} Nomor {entry['nomor']} Tahun {entry['tahun']}"


def bundled_entry(sha256: str) -> dict[str, Any] | None:
    """The ``seeds/index.json`` entry of the bundled example whose file has these bytes (SHA-256 of the file as
    read, ``Source.sha256``); None for any other text. By content, not by name: the same bytes added from
    elsewhere are the same example, and a user's file that happens to share a name is not."""
    return _by_hash().get(sha256) if sha256 else None


@cache
def _by_hash() -> dict[str, dict[str, Any]]:
    out = {}
    for e in corpus.bundled():
        try:
            out[hashlib.sha256((corpus.seeds_dir() / e["file"]).read_bytes()).hexdigest()] = e
        except OSError:
            continue
    return out

"""Where a stored act's text comes from, in one Indonesian phrase: a drafter must see that a draft or an OCR'd scan
is not the enacted text (issue 30 item 3). Read from the tree itself (``source`` and ``stats``), so every view and
every corpus, old or new, says the same."""

from __future__ import annotations

from rancang.tree import Regulation


def provenance(reg: Regulation) -> str:
    """"rancangan buatan rancang (bukan naskah yang ditetapkan)", "hasil OCR dari <file> (periksa dengan naskah
    aslinya)", "umpan JDIH: <file>", or "berkas <file> (<format>)"; a text with no nomor adds "belum bernomor"."""
    src, name = reg.source, reg.source.file or "tanpa nama"
    if src.format == "generated":
        words = "rancangan buatan rancang (bukan naskah yang ditetapkan)"
    elif reg.stats is not None and reg.stats.ocr is not None:
        words = f"hasil OCR dari {name} (periksa dengan naskah aslinya)"
    elif src.jdih:
        words = f"umpan JDIH: {name}"
    else:
        words = f"berkas {name} ({src.format or 'format tidak diketahui'})"
    if not reg.meta.nomor and src.format != "generated":
        words += "; belum bernomor"
    return words

"""Paragraphs of a model provision's unit that only the spine has (issue 27, W2: "region-only passages become
options in catatan.md, not text").

A Lampiran unit of the spine (an item with the paragraphs under it) carries a model provision when two regions or
more have an equivalent item; its paragraphs need not all be shared. A paragraph that none of the other members'
units says (partial similarity below :data:`OWN`, folded) is the spine region's own text: not carried, one option
per unit in catatan.md. A paragraph announcing a list ("... sebagai berikut:") stays with its list.
"""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz

from rancang.fold import fold
from rancang.generate.draft.lampiran_insert import unit_blocks
from rancang.generate.draft.notes import Notes
from rancang.generate.draft.sources import Sources
from rancang.parts import Block

#: a paragraph said by another member's unit at least this much (rapidfuzz partial ratio, 0-100) is shared; the
#: Bogor-only "Mekanisme Kerja pada Unit Organisasi yang dipimpin ... (Unit Organisasi dengan 2 level struktur, ...)"
#: scores 51, the shared "Penugasan kepada pegawai dilakukan oleh pimpinan ..." 62 (measured on the bundled corpus)
OWN = 60


def paragraphs(units: list[Any], blocks: list[Block], spine: str, src: Sources, notes: Notes,
               skip: set[int]) -> set[int]:
    """Indices into ``blocks`` (the spine's Lampiran) of the paragraphs only the spine says, in the units
    (``lampiran_model._Unit``: ``blocks``, ``provision``) not in ``skip``; notes one option per unit."""
    texts: dict[tuple[str, str], str] = {}

    def said(region: str, uid: str) -> str:
        if (region, uid) not in texts:
            act = src.regulation(src.entry(region, "--base")["id"])
            texts[(region, uid)] = fold(" ".join(b.text for b in unit_blocks(act.lampiran, uid)))
        return texts[(region, uid)]

    out: set[int] = set()
    act = src.act(spine)
    for i, u in enumerate(units):
        p = u.provision
        if i in skip or p is None or len(u.blocks) < 2:
            continue
        others = [(m["daerah"], m["klausul"]) for m in p["dukungan"] if src.entry(m["daerah"], "--base")["id"] !=
                  spine]
        own = [k for k in u.blocks[1:] if blocks[k].type == "paragraph" and not blocks[k].text.rstrip().endswith(":")
               and others and max(fuzz.partial_ratio(fold(blocks[k].text), said(r, uid)) for r, uid in others) < OWN]
        if not own:
            continue
        out.update(own)
        acts = "; ".join(m["peraturan"] for m in p["dukungan"] if (m["daerah"], m["klausul"]) in others)
        notes.add("opsi", "model-opsi", f"paragraf Lampiran ini hanya dimuat {act} ({u.head.cite}), tidak oleh "
                  f"peraturan daerah lain yang memuat ketentuan yang sama ({acts}): tidak dibawa. Bila daerah "
                  "ini memerlukannya, putuskan dan rumuskan sebagai kebijakan daerah sendiri.",
                  " ".join(blocks[k].text for k in own), cite="Lampiran")
    return out

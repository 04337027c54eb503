"""The base region's own organisation in the Lampiran, as decisions (issue 27: "Jepara's whole peta jabatan kept as
the new region's structure"; "DPMPTSP koordinator substansi and a squad formula carried").

Two signs, neither naming a region:

* **peta jabatan** -- a Lampiran list whose items each describe a kind of unit by who leads it ("Unit Organisasi
  ... yang dipimpin oleh Pejabat Pimpinan Tinggi Pratama ...", "... dengan Pejabat Pimpinan Tinggi Pratama sebagai
  Pimpinan Unit Organisasi"): that is the base's structure. One decision for the list, naming each item, and, where
  the profile lists its perangkat daerah, each Dinas or Badan an item names that the profile does not have.
* **a local concept at work** -- a Lampiran item or heading that regulates a term only the base defines (the
  ``istilah-lokal`` terms of :func:`terms.local`, such as "Satuan Kerja / Squad" and its maximum per unit): one
  decision per item, since dropping the definition leaves that part of the Lampiran regulating nothing.
"""

from __future__ import annotations

import re

from rancang.generate.draft.lampiran import siblings, style_rank
from rancang.generate.draft.notes import Notes
from rancang.parts import Block

#: an item that describes a kind of unit by its head
_LED = re.compile(r"\b(?:yang\s+)?dipimpin\s+oleh\b|\bsebagai\s+Pimpinan\s+Unit\s+Organisasi\b", re.IGNORECASE)
#: a named Dinas or Badan ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"), capitalised words after it
_NAMED = re.compile(r"\b(?:Dinas|Badan)\s+[A-Z][a-z]+(?:\s+(?:dan\s+)?[A-Z][a-z]+)*")
#: at most this many words: an item heading, not a paragraph
_HEAD_WORDS = 40


def _units(text: str) -> list[str]:
    return [m.group(0) for m in _NAMED.finditer(text) if len(m.group(0).split()) >= 2]


def peta_jabatan(blocks: list[Block], listed: list[str], notes: Notes) -> int:
    """One decision per Lampiran list of unit kinds described by their heads (at its first item); returns the
    number of lists."""
    done: set[int] = set()
    count = 0
    for i, b in enumerate(blocks):
        if id(b) in done or b.type != "item" or style_rank(b.label) is None or not _LED.search(b.text) \
                or len(b.text.split()) > _HEAD_WORDS:
            continue
        rank = style_rank(b.label)
        items = [b] + [s for s in siblings(blocks, i) if s.type == "item" and style_rank(s.label) == rank]
        kinds = [s for s in items if _LED.search(s.text) and len(s.text.split()) <= _HEAD_WORDS]
        done |= {id(s) for s in items}
        if len(kinds) < 2:
            continue
        names = "; ".join(f"{s.label} {' '.join(s.text.split()[:12])} ..." for s in kinds)
        missing = sorted({u for s in kinds for u in _units(s.text) if u not in listed}) if listed else []
        extra = (f" Perangkat daerah yang disebut tetapi tidak ada dalam profil: {', '.join(missing)}." if missing
                 else "")
        notes.add("putusan", "peta-jabatan", f"daftar ini menggambarkan susunan unit organisasi daerah dasar "
                  f"({len(kinds)} jenis: {names}).{extra} Sesuaikan dengan susunan perangkat daerah dan peta jabatan "
                  "daerah ini, atau hapus jenis yang tidak ada.", b.text, block=b)
        count += 1
    return count


def local_concepts(blocks: list[Block], local: list[str], notes: Notes) -> int:
    """One decision per Lampiran item or heading whose text names a term only the base defines (``local``);
    returns the number listed."""
    count = 0
    pats = [(t, re.compile(r"(?<![\w-])" + r"\s*".join(map(re.escape, t.split())) + r"(?![\w-])", re.IGNORECASE))
            for t in local]
    under: int | None = None  # the rank of the item last listed: its sub-items are its part
    for b in blocks:
        rank = style_rank(b.label) if b.type == "item" else None
        if b.type == "heading" or (rank is not None and under is not None and rank <= under):
            under = None
        if b.type not in ("item", "heading") or len(b.text.split()) > 8 or under is not None:
            continue
        hit = next((t for t, p in pats if p.search(b.text)), None)
        if hit is not None:
            under = rank if rank is not None else -1
            notes.add("putusan", "istilah-lokal", f'bagian Lampiran ini mengatur "{hit}", konsep yang hanya '
                      "didefinisikan peraturan daerah dasar (termasuk jumlah dan cara pembentukannya): kebijakan "
                      "daerah asal; putuskan apakah daerah ini memakainya, atau hapus bagian ini bersama "
                      "definisinya.", b.text, block=b)
            count += 1
    return count

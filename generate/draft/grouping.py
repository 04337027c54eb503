"""The grouping of a draft's Pasal into BAB and Bagian, as composed from other acts' parts.

- A BAB holding a single Bagian is no grouping: a Bagian divides a BAB's matter among several parts (the base's
  "BAB II ... Bagian Kesatu Umum" whose other Bagian were options not taken). The Bagian is removed, its Pasal stay
  under the BAB (a repair, listed).
- A BAB whose title promises matter its Pasal do not give ("JENJANG, TUGAS, DAN TANGGUNG JAWAB JABATAN ..." over a
  single Pasal listing the kinds of jabatan) is a decision: most of the title's words occur in none of its Pasal.
"""

from __future__ import annotations

import re

from rancang.fold import fold
from rancang.generate.draft.notes import Notes
from rancang.tree import Node

#: the BAB titles that name the kind of matter rather than the matter (DRAFTING.md B1; "RUANG LINGKUP" over a list
#: of what the act regulates): never measured against their Pasal
_FIXED = re.compile(r"^(?:KETENTUAN\s+(?:UMUM|PENUTUP|PERALIHAN|LAIN-LAIN)|RUANG\s+LINGKUP|MAKSUD(?:\s+DAN\s+TUJUAN)?"
                    r"|TUJUAN|ASAS(?:\s+DAN\s+TUJUAN)?)$", re.IGNORECASE)
#: words of a title that promise no matter of their own
_CONNECTORS = {"dan", "atau", "serta", "yang", "dalam", "pada", "untuk", "bagi", "dengan", "di", "ke", "dari"}
#: a title at least this share of whose words no Pasal under it uses promises what the BAB does not give
PROMISE = 0.5


def single_bagian(body: list[Node], notes: Notes) -> int:
    """Remove the Bagian of every BAB that holds exactly one (its Pasal go under the BAB, in order); each noted.
    Returns the number removed. Run before numbering (the cites are read when catatan.md is written)."""
    count = 0
    for bab in body:
        if bab.type != "bab":
            continue
        bagian = bab.child_list("bagian")
        if len(bagian) != 1:
            continue
        only = bagian[0]
        at = bab.children.index(only)
        bab.children[at:at + 1] = only.children
        first = next((c for c in only.children if c.type == "pasal"), None)
        notes.add("perbaikan", "bagian-tunggal", f"BAB \u201c{bab.heading}\u201d hanya memuat satu Bagian "
                  f"(\u201c{only.heading}\u201d); Bagian dipakai untuk membagi materi satu BAB menjadi beberapa "
                  "bagian, jadi Bagian itu dihapus dan pasalnya langsung di bawah BAB.", node=first,
                  cite="" if first is not None else "Batang tubuh")
        count += 1
    return count


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z]+", fold(text).lower()) if len(w) > 2 and w not in _CONNECTORS]


def promises(body: list[Node], notes: Notes) -> int:
    """A decision for each BAB whose title's words (:data:`PROMISE` or more of them, at least two) occur in none of
    its Pasal: the title says matter the BAB does not regulate. Returns the number noted."""
    count = 0
    for bab in body:
        if bab.type != "bab" or not bab.heading or _FIXED.match(" ".join(bab.heading.split())):
            continue
        said = set(_words(" ".join(n.text + " " + (n.heading or "") for n in bab.walk() if n is not bab)))
        title = list(dict.fromkeys(_words(bab.heading)))
        missing = [w for w in title if w not in said]
        if len(missing) >= 2 and len(missing) >= PROMISE * len(title):
            first = next((c for c in bab.walk() if c.type == "pasal"), bab)
            notes.add("putusan", "bab-isi", f"judul BAB \u201c{bab.heading}\u201d menjanjikan materi yang tidak "
                      f"diatur pasal-pasalnya (tidak ada kata: {', '.join(missing)}); sesuaikan judul BAB dengan "
                      "isinya atau lengkapi pengaturannya.", node=first)
            count += 1
    return count

"""An item of the Lampiran that regulates one scope while its text speaks of another (issue 27: "Lampiran B angka
3: lintas Unit Kerja where the item regulates unit organisasi").

The base's Lampiran lists the kinds of pelaksanaan tugas as items headed by their scope ("b. Pelaksanaan tugas yang
bersifat lintas Unit Kerja dalam satu Unit Organisasi", "c. ... lintas Unit Organisasi", "d. ... lintas Instansi
Pemerintah"), and copies one item's text into the next: under b, "Tim Kerja lintas unit organisasi" and "melaksanakan
tugas lintas unit organisasi"; under d, "Pelaksanaan tugas lintas unit organisasi dilakukan dalam Tim Kerja lintas
Instansi Pemerintah". A block under an item headed by one scope whose task or team is "lintas" another scope
that a sibling item heads (the first such "lintas" of the block) is a decision naming both (which wording fits is
the drafter's: a mechanical swap would also change who owns the work). Scopes are those of :mod:`scopes`: "lintas"
and a unit term Pasal 1 defines, or Instansi Pemerintah.
"""

from __future__ import annotations

import re

from rancang.generate.draft.lampiran import siblings, style_rank
from rancang.generate.draft.notes import Notes
from rancang.generate.draft.scopes import scope_terms
from rancang.parts import Block
from rancang.tree import Node

#: the work whose scope is named: "tugas lintas X", "Tim Kerja lintas X"
_WORK = r"\b(?:tugas|tim\s+kerja)\s+(?:yang\s+bersifat\s+)?lintas\s+"
#: an item that heads one kind of work: a short text naming one scope
_HEAD_WORDS = 16


#: the word both leads open with: a text without it names no scope (tested first, in C; the same flag as the leads)
_LINTAS = re.compile("lintas", re.IGNORECASE)


def _scope(text: str, terms: list[str], lead: str = r"\blintas\s+") -> list[str]:
    if not _LINTAS.search(text):
        return []
    found = []
    for t in terms:
        for m in re.finditer(lead + r"\s+".join(map(re.escape, t.split())) + r"\b", text, re.IGNORECASE):
            found.append((m.start(), t))
    return [t for _, t in sorted(found)]


def _mend(b: Block, other: str, scope: str, names: dict[str, str], notes: Notes) -> bool:
    """A sentence that names its own item's scope too and opens on another's ("Pelaksanaan tugas lintas unit
    organisasi dilakukan dalam Tim Kerja lintas Instansi Pemerintah" under "... lintas Instansi Pemerintah") says
    which it means: the other scope, copied from the item before, is set right (a repair listed in catatan.md)."""
    pattern = re.compile(_WORK + r"\s+".join(map(re.escape, other.split())) + r"\b", re.IGNORECASE)
    m = pattern.search(b.text)
    if m is None:
        return False
    said = " ".join(other.split())
    start = m.start() + m.group(0).lower().rfind("lintas")
    was = b.text
    b.text = b.text[:start] + f"lintas {names[scope]}" + b.text[m.end():]
    notes.add("perbaikan", "lingkup-butir", f"kalimat ini berada di bawah butir lintas {names[scope]} dan menyebut "
              f"lintas {names[scope]}, tetapi membuka dengan tugas lintas {said} yang disalin dari butir sebelumnya: "
              f"dibetulkan menjadi lintas {names[scope]}.", was, block=b)
    return True


def check(body: list[Node], blocks: list[Block], notes: Notes) -> int:
    """List, once per item, the blocks under an item headed by one scope that give its work another scope a
    sibling item heads; returns the number of items listed."""
    terms, names = scope_terms(body)
    heads: list[tuple[int, str]] = []
    for i, b in enumerate(blocks):
        found = _scope(b.text or "", terms)
        if b.type == "item" and style_rank(b.label) is not None and len(b.text.split()) <= _HEAD_WORDS \
                and len(set(found)) == 1:
            heads.append((i, found[0]))
    count = 0
    for i, scope in heads:
        rank = style_rank(blocks[i].label)
        mine = {id(b) for b in siblings(blocks, i)}
        others = {s for j, s in heads if id(blocks[j]) in mine} - {scope}
        wrong: list[Block] = []
        for b in blocks[i + 1:]:
            r = style_rank(b.label) if b.type == "item" else None
            if b.type == "heading" or (r is not None and rank is not None and r <= rank):
                break
            said = _scope(b.text or "", terms, _WORK)
            if said and said[0] in others:  # the first work named is of another item's scope
                if scope in _scope(b.text, terms) and _mend(b, said[0], scope, names, notes):
                    continue
                wrong.append(b)
        if wrong:
            other = ", ".join(f"lintas {names[s]}" for s in sorted({s for b in wrong
                                                                   for s in _scope(b.text, terms, _WORK)} & others))
            where = "; ".join(f"\u201c{' '.join(b.text.split())[:90]} ...\u201d" for b in wrong[:3])
            notes.add("putusan", "lingkup-butir", f"butir ini mengatur pelaksanaan tugas lintas {names[scope]}, "
                      f"tetapi uraiannya menyebut {other} ({len(wrong)} kalimat, mis. {where}); rumusan itu tampaknya "
                      "disalin dari butir lain: sesuaikan uraiannya dengan lingkup butir ini.", blocks[i].text,
                      block=blocks[i])
            count += 1
    return count

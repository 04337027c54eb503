"""A Pasal that sends the matter of its Bagian to the Lampiran but cites only part of that Bagian: "Rincian
kedudukan sebagaimana dimaksud dalam Pasal 7 dan Pasal 8 tercantum dalam Lampiran ..." in the Bagian "Kedudukan"
made of Pasal 6 to Pasal 9, whose Pasal 6 opens "Kedudukan merupakan ..." (issue 27: references that say the wrong
thing; UU 12/2011 Lampiran II: a reference names the provisions that hold its matter).

The sign is the heading: the reference sends its matter to the Lampiran, its subject is the words of its Bagian's
(or Paragraf's) heading after words that say "the details of" ("rincian kedudukan" / "Kedudukan"; not "Jenis
Jabatan Pimpinan Tinggi", an aspect of the Bagian "Jabatan Pimpinan Tinggi"), every Pasal it cites is in that
Bagian, and an earlier Pasal of the Bagian that it skips names the heading's words itself. Then the reference is
written over the Bagian's Pasal from the first that names the matter to the last cited ("Pasal 6 sampai dengan
Pasal 8"; two Pasal: "Pasal 6 dan Pasal 7"), and listed as a decision showing both wordings (the drafter confirms
the span). Nothing else is touched: a reference whose subject is not its Bagian's heading says what it means to say.
"""

from __future__ import annotations

import re

from rancang.fold import fold
from rancang.generate.draft.notes import Notes
from rancang.tree import Node, Regulation

#: "<subject> sebagaimana dimaksud dalam Pasal 7 dan Pasal 8" (Pasal only, no ayat or huruf after them)
_REF = re.compile(r"(?P<subject>[^.;:]*?)\s+sebagaimana\s+dimaksud\s+dalam\s+"
                  r"(?P<list>Pasal\s+\d+(?:\s*,\s*Pasal\s+\d+)*(?:\s*,?\s+dan\s+Pasal\s+\d+)?)"
                  r"(?!\s*(?:ayat|huruf|angka|sampai)\b)(?=[^.;]*\bLampiran\b)")
#: the words that say "the details of" before a matter ("Rincian kedudukan", "Tata cara dan mekanisme penugasan")
_DETAIL = frozenset("rincian uraian penjabaran ketentuan lebih lanjut mengenai tentang tata cara mekanisme pedoman "
                    "dan".split())


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", fold(text).lower())


def _names(pasal: Node, words: list[str]) -> bool:
    have = _words(pasal.full_text())
    n = len(words)
    return any(have[i:i + n] == words for i in range(len(have) - n + 1))


def _span(first: int, last: int) -> str:
    if last - first >= 2:
        return f"Pasal {first} sampai dengan Pasal {last}"
    return " dan ".join(f"Pasal {k}" for k in range(first, last + 1))


def widen(reg: Regulation, notes: Notes) -> int:
    """Write each reference of the module's kind over its Bagian's Pasal, in place, each a decision in ``notes``
    (rule ``rujukan-bagian``). The caller numbers the tree and resolves its references again when the count
    returned is not 0."""
    count = 0
    for part in (n for n in reg.walk() if n.type in ("bagian", "paragraf") and n.heading):
        pasals = [c for c in part.children if c.type == "pasal"]
        numbers = {n: int(n) for p in pasals if (n := p.number or "").isdigit()}
        heading = _words(part.heading or "")
        if not heading or len(numbers) < 3:
            continue
        for pasal in pasals:
            for node in pasal.walk():
                count += _widen(node, pasal, pasals, numbers, heading, part, notes)
    return count


def _widen(node: Node, own: Node, pasals: list[Node], numbers: dict[str, int], heading: list[str], part: Node,
           notes: Notes) -> int:
    for m in _REF.finditer(node.text or ""):
        subject = _words(m.group("subject"))
        cited = re.findall(r"\d+", m.group("list"))
        if subject[-len(heading):] != heading or not set(subject[:-len(heading)]) <= _DETAIL \
                or not all(c in numbers for c in cited) or own.number in cited:
            continue
        first_cited = min(int(c) for c in cited)
        skipped = [p for p in pasals if p is not own and (p.number or "").isdigit()
                   and int(p.number or 0) < first_cited and _names(p, heading)]
        if not skipped:
            continue
        start, last = int(skipped[0].number or 0), max(int(c) for c in cited)
        if any(str(k) not in numbers for k in range(start, last + 1)):
            continue
        new = _span(start, last)
        before = node.text
        node.text = before[:m.start("list")] + new + before[m.end("list"):]
        notes.add("putusan", "rujukan-bagian", f"{part.label} ({part.heading}) mengatur {' '.join(heading)} mulai "
                  f"{skipped[0].label}, tetapi rujukan ini hanya menyebut {m.group('list')}; rujukan ditulis "
                  f"{new}. Periksa apakah Lampiran memang merinci seluruh Pasal itu.",
                  f"{m.group('list')} \u2192 {new}", node=node)
        return 1
    return 0

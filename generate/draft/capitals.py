"""A common word capitalised in the middle of a sentence ("pencapaian target kinerja Bersama", "dengan Pejabat
lain") written in small letters, as the draft writes it elsewhere.

Indonesian capitalises the first word of a sentence, names and the words of a term (PUEBI; UU 12/2011 Lampiran II
angka 107-109: a defined term is written as Pasal 1 defines it). A single capitalised word between small-letter
words that is no defined term, no known name (``compose.yaml`` ``terms_known``, the region's names) and is written
in small letters elsewhere in the same draft is a slip carried from a source: it is written in small letters, each
place listed as a repair. A run of capitalised words ("Pejabat Penilai Kinerja") is a term, left to the term rules;
a Lampiran heading (no closing mark, a few words) keeps its title case.
"""

from __future__ import annotations

import re
from collections import Counter

from rancang.generate.draft.notes import Notes
from rancang.generate.draft.terms import definitions
from rancang.parts import Block
from rancang.tree import Regulation

#: a capitalised word between a small-letter word and a small-letter word or a mark (never after a sentence's end)
_STRAY = re.compile(r"(?:^|(?<=\s))[a-z][a-z-]*,? ([A-Z][a-z]{2,})(?=(?: [a-z(]|[;:,.]|$))")
_WORD = re.compile(r"\b[a-z]{3,}\b")
#: a sentence's first word and a capitalised word after it ("... kinerja. Ekspektasi Kinerja merupakan ...")
_OPENING = re.compile(r"(?:^|(?<=[.;:] ))([A-Z][a-z]+) ([A-Z][a-z]{2,})(?= [a-z(]|[;:,.]|$)")
#: a Lampiran block this short without a closing mark is a heading (its words in title case)
HEADING_WORDS = 10


def _heading(text: str) -> bool:
    t = text.strip()
    return not t.endswith((".", ";", ":", ",")) and len(t.split()) <= HEADING_WORDS


#: two words, the second in small letters ("ekspektasi kinerja", "Ekspektasi kinerja")
_SMALL_PAIR = re.compile(r"\b[A-Za-z][a-z]+ [a-z]{3,}\b")


def _term_pair(m: re.Match, terms: set[str]) -> bool:
    """Whether the opening pair begins a defined term ("Pejabat Fungsional ...")."""
    pair = f"{m.group(1)} {m.group(2)}"
    return any(t == pair or t.startswith(pair + " ") for t in terms)


def lower_stray(reg: Regulation, known: list[str], notes: Notes) -> int:
    """Write each stray capitalised word of the batang tubuh and the Lampiran in small letters (case only: the
    references' spans stay valid); ``known``: names that keep their capitals. Returns the number of words
    changed."""
    pasal1 = next((n for n in reg.pasals()), None)
    terms = {t for _, t, _ in definitions(pasal1)} if pasal1 is not None else set()
    keep = {w for name in [*terms, *known] for w in name.split() if " " not in name} | set(known)
    texts: list[tuple[object, str]] = [(n, n.text) for top in reg.body for n in top.walk() if n.text]
    texts += [(b, b.text) for b in reg.lampiran if b.type != "signature" and b.text]
    small: Counter = Counter(w for _, t in texts for w in _WORD.findall(t))
    pairs: Counter = Counter(m.group(0).lower() for _, t in texts for m in _SMALL_PAIR.finditer(t))
    changed = 0
    for owner, text in texts:
        if isinstance(owner, Block) and _heading(text):
            continue
        hits = [m for m in _STRAY.finditer(text) if m.group(1) not in keep and small[m.group(1).lower()] >= 1]
        # a sentence's opening pair the draft writes elsewhere with its second word small ("Ekspektasi kinerja")
        hits += [m for m in _OPENING.finditer(text) if m.group(2) not in keep
                 and pairs[f"{m.group(1).lower()} {m.group(2).lower()}"] and not _term_pair(m, terms)]
        hits.sort(key=lambda m: m.start(m.lastindex or 1))
        if not hits:
            continue
        new = text
        for m in reversed(hits):
            g = m.lastindex or 1
            new = new[:m.start(g)] + m.group(g).lower() + new[m.end(g):]
        owner.text = new  # type: ignore[attr-defined]
        changed += len(hits)
        words = ", ".join(dict.fromkeys(m.group(m.lastindex or 1) for m in hits))
        notes.add("perbaikan", "kapital-lepas", "kata umum di tengah kalimat ditulis dengan huruf kecil, sebagaimana "
                  "rancangan ini menulisnya di tempat lain (bukan istilah yang didefinisikan dan bukan nama).",
                  f"{words} \u2192 {words.lower()}", **({"block": owner} if isinstance(owner, Block) else
                                                          {"node": owner}))
    return changed

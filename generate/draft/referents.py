"""A reference that may cite the wrong ayat, told by what it refers to (issue 27, item 3): "Tata cara penyusunan
peta proses bisnis sebagaimana dimaksud pada ayat (1), ayat (2), dan ayat (3)" where only ayat (4) speaks of maps
("peta proses") -- a decision for the drafter, not a repair.

UU 12/2011 Lampiran II angka 277: a reference names the matter of the provision it cites. The sign read here: a
reference to several ayat of the same Pasal whose subject (the words before "sebagaimana dimaksud pada",
:func:`rancang.generate.check.coherence.subject_words`) opens with a phrase ("peta proses") that the cited ayat
never name (not even its first word) and exactly one earlier ayat, which does not itself build on the cited ones,
names whole. Why a decision and not a rewrite: measured on the national texts (5,779 UU and PP read), rewriting by
word overlap changed 842 references with one word as the sign, 462 with a two-word phrase, and still 30 with a
phrase and several cited ayat -- most of them right as enacted (a total in ayat (1) summed up by its parts in ayat
(2)-(4)). Overlap of words is evidence to look at, not proof.
"""

from __future__ import annotations

import re

from rancang.fold import fold
from rancang.generate.check.coherence import roots, subject_words
from rancang.generate.draft.notes import Notes
from rancang.tree import Node, Regulation

#: the formula for a reference inside the same Pasal, right before the reference
_PADA = re.compile(r"sebagaimana\s+dimaksud\s+pada\s+$", re.IGNORECASE)


#: words that open a clause before its subject ("Apabila perbuatan ...", "Dalam hal ..."): never the subject
_OPENERS = frozenset("apabila jika bila dalam hal bahwa setiap selain kecuali".split())


def _roots(node: Node) -> set[str]:
    return {r for w in re.findall(r"[a-z]+", fold(node.full_text())) for r in roots(w)}


def _phrase(node: Node, first: str, second: str) -> bool:
    """Whether ``node``'s text has ``first`` right before ``second`` (by their roots): "peta proses"."""
    words = re.findall(r"[a-z]+", fold(node.full_text()))
    return any(roots(a) & roots(first) and roots(b) & roots(second) for a, b in zip(words, words[1:], strict=False))


def _names(have: set[str], word: str) -> bool:
    return bool(roots(word) & have)


def doubtful(reg: Regulation, notes: Notes) -> int:
    """List each reference to several ayat of its own Pasal whose subject only another ayat names (see the
    module's rule) as a decision in ``notes`` (rule ``rujukan-isi``), naming that ayat; nothing is rewritten.
    ``reg``'s references must be resolved. Returns the number listed."""
    count = 0
    for pasal in reg.pasals():
        ayats = [c for c in pasal.children if c.type == "ayat"]
        if len(ayats) < 3:
            continue
        have = {a.id: _roots(a) for a in ayats}
        for a in ayats:
            for node in a.walk():
                count += _doubt(node, a, ayats, have, notes)
    return count


def _doubt(node: Node, own: Node, ayats: list[Node], have: dict[str, set[str]], notes: Notes) -> int:
    changed = 0
    for ref in sorted(node.refs, key=lambda r: r.start, reverse=True):
        if ref.kind != "internal" or not ref.resolved or len(ref.target or []) < 2 or "sampai" in ref.text:
            continue
        if not all(t in have for t in ref.target) or node.text[ref.start:ref.end] != ref.text:
            continue
        m = _PADA.search(node.text[:ref.start])
        if m is None:
            continue
        words = [w for conjunct in subject_words(node.text[:m.start()]) for w in conjunct if w not in _OPENERS]
        # an earlier ayat that does not itself build on the cited ones ("Apabila perbuatan sebagaimana dimaksud pada
        # ayat (1) ..." twice names the act of ayat (1), it does not define it)
        others = [a for a in ayats[:ayats.index(own)]
                  if not any(t in ref.target for x in a.walk() for r in x.refs for t in r.target or [])]
        first = next((w for w in words if any(_names(have[a.id], w) for a in others)), None)
        if first is None or any(_names(have[t], first) for t in ref.target):
            continue
        i = words.index(first)
        if i + 1 >= len(words):
            continue  # one word is too weak a sign: the phrase ("peta proses") must be found whole
        found = [a for a in others if a.id not in ref.target and _phrase(a, first, words[i + 1])]
        cited = set().union(*(have[t] for t in ref.target))
        if len(found) != 1 or (sum(_names(have[found[0].id], w) for w in words)
                               < sum(_names(cited, w) for w in words)):
            continue
        notes.add("putusan", "rujukan-isi", f"ketentuan yang dirujuk ({ref.text}) tidak menyebut \u201c{first}\u201d; "
                  f"yang menyebut \u201c{first} {words[i + 1]}\u201d adalah ayat ({found[0].number}). Periksa "
                  "ketentuan yang dimaksud (UU 12/2011 Lampiran II angka 277: rujukan menyebut materi ketentuan yang "
                  "dirujuk).", node=node)
        changed += 1
    return changed

"""A reference that lands on a clause which itself only refers the same matter on (issue 27, X5 on drafts).

"Mekanisme Kerja sebagaimana dimaksud dalam Pasal 5 terdiri atas: ..." where Pasal 5 reads "Mekanisme Kerja
sebagaimana dimaksud dalam Pasal 2 ayat (2) huruf a dilaksanakan dengan prinsip ...": Pasal 5 regulates the
principles of the mechanism, not the mechanism; the matter the referring clause names is regulated where Pasal 5
itself points, Pasal 2 ayat (2) huruf a (UU 12/2011 Lampiran II: a reference names the provision that regulates
the matter it refers to; DRAFTING.md X5). The model's wording of such a clause cites the first place (the model
Perbup: "Mekanisme kerja sebagaimana dimaksud dalam Pasal 3 huruf a terdiri atas ..."), and a composed draft
that renumbered a neighbour's chain is left pointing at the link.

The rule: a reference to one clause of another Pasal, written "<subject> sebagaimana dimaksud dalam <ref>", whose
target opens with the same subject and "sebagaimana dimaksud dalam/pada <ref2>" citing one clause of another Pasal,
is rewritten to cite that clause. A repair, listed with both cites.
"""

from __future__ import annotations

import re

from rancang.fold import fold
from rancang.generate.draft.notes import Notes
from rancang.tree import Node, Regulation

_DALAM = re.compile(r"sebagaimana\s+dimaksud\s+dalam\s+$", re.IGNORECASE)
_ON = re.compile(r"\s+sebagaimana\s+dimaksud\s+(?:dalam|pada)\s+$", re.IGNORECASE)


def _pasal_of(node_id: str) -> str:
    return node_id.split("/", 1)[0]


def _words(text: str) -> list[str]:
    return fold(text).lower().split()


def follow(reg: Regulation, notes: Notes) -> int:
    """Rewrite each reference that lands on a clause only passing the same subject on (module docstring) to
    cite the clause that regulates it; ``reg``'s references must be resolved and are stale after (the caller
    resolves again). Returns the number rewritten."""
    index = {n.id: n for n in reg.walk()}
    count = 0
    for node in reg.walk():
        for ref in sorted(node.refs, key=lambda r: r.start, reverse=True):
            if (ref.kind != "internal" or not ref.resolved or len(ref.target or []) != 1
                    or node.text[ref.start:ref.end] != ref.text):
                continue
            lead = _DALAM.search(node.text[:ref.start])
            target = index.get(ref.target[0])
            if lead is None or target is None or _pasal_of(target.id) == _pasal_of(node.id):
                continue
            subject = _words(node.text[:lead.start()])
            onward = _onward(target, subject, index)
            if onward is None or _pasal_of(onward.id) == _pasal_of(node.id) or onward is target:
                continue
            old = ref.text
            node.text = node.text[:ref.start] + onward.cite + node.text[ref.end:]
            notes.add("perbaikan", "rujukan-berantai", f"{old} hanya merujuk lagi \u201c{' '.join(subject)}\u201d ke "
                      f"{onward.cite}; rujukan ditujukan ke ketentuan yang mengatur hal itu, {onward.cite} (UU "
                      "12/2011 Lampiran II: rujukan menunjuk ketentuan yang mengatur materi yang dirujuk).",
                      f"{old} \u2192 {onward.cite}", node=node)
            count += 1
    return count


def _onward(target: Node, subject: list[str], index: dict[str, Node]) -> Node | None:
    """The one clause ``target`` refers ``subject`` on to, when its text opens with that subject and
    "sebagaimana dimaksud dalam/pada"; else None."""
    if not subject or not target.text:
        return None
    for ref in sorted(target.refs, key=lambda r: r.start):
        if ref.kind != "internal" or not ref.resolved or len(ref.target or []) != 1:
            continue
        before = target.text[:ref.start]
        on = _ON.search(before)
        if on is None or _words(before[:on.start()]) != subject:
            return None
        return index.get(ref.target[0])
    return None

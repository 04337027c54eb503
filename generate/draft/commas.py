"""Commas of a carried clause as most regions write it (issue 27: a typo carried from the one region whose wording
the model took).

The model Perbup takes, for each provision, the wording of the member closest to the others; that member may carry
its own slip of punctuation ("b. pelaksanaan pemantauan, dan pembinaan kinerja" where the other three regions write
"pelaksanaan, pemantauan, dan pembinaan kinerja", as PP 30/2019's pengelolaan kinerja lists them). Each word of the
draft's clause is aligned with the same word in the provision's other wordings (``varian``); where more than half of
all wordings put a comma after that word and the clause does not, or none of the others does and the clause does,
the clause takes the majority's comma. Only a comma inside a text changes (an item's closing mark is the list
rules'; the serial comma before "dan"/"atau" is never taken away), each clause's change listed as a repair.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any

from rancang.generate.draft.notes import Notes
from rancang.generate.draft.provenance import origin
from rancang.tree import Node

_MARKS = ",;:."
#: a comma before the last item's conjunction is the serial comma of a list of three or more (check X1_serial):
#: never removed by a vote
_SERIAL = {"dan", "atau", "dan/atau", "serta"}


def _core(word: str) -> str:
    return word.strip(_MARKS + "()\u201c\u201d\"").lower()


def _comma(word: str) -> bool:
    return word.endswith(",")


def majority(body: list[Node], provisions: dict[tuple[str, str], dict[str, Any]], notes: Notes) -> int:
    """Give each clause of ``body`` that is a model provision's member (``provisions``: (store id, clause id) ->
    provision, :func:`model_perbup.provision_of`) the commas most of the provision's wordings have. Returns the
    number of commas changed."""
    changed = 0
    for top in body:
        for n in top.walk():
            p = provisions.get(origin(n))
            if p is None:
                continue
            others = [v["rumusan"].split() for v in p.get("varian", [])]
            if p["sumber"]["daerah"] != origin(n)[0]:
                others.append(p["rumusan"].split())
            changed += _vote(n, others, notes)
    return changed


def _vote(clause: Node, others: list[list[str]], notes: Notes) -> int:
    """The commas of ``clause`` (its text and its items') set by the vote of ``others`` (whitespace-split wordings)."""
    tokens = [(x, i, w) for x in clause.walk() if x.text for i, w in enumerate(x.text.split())]
    if len(others) < 2 or not tokens:
        return 0
    cores = [_core(w) for _, _, w in tokens]
    votes = [0] * len(tokens)  # wordings putting a comma after the word
    seen = [0] * len(tokens)  # wordings having the word there
    for words in others:
        matcher = SequenceMatcher(None, cores, [_core(w) for w in words], autojunk=False)
        for a, b, size in matcher.get_matching_blocks():
            for k in range(size):
                seen[a + k] += 1
                votes[a + k] += _comma(words[b + k])
    fixes: dict[int, dict[int, str]] = {}
    for k, (x, i, w) in enumerate(tokens):
        last = i == len(x.text.split()) - 1
        if last or seen[k] < len(others) or not cores[k]:
            continue  # an item's closing mark, or a word not every other wording has there
        total = len(others) + 1
        mine = _comma(w)
        commas = votes[k] + mine
        if not mine and commas * 2 > total and w[-1].isalnum():
            fixes.setdefault(id(x), {})[i] = w + ","
        elif mine and votes[k] == 0 and _core(tokens[k + 1][2]) not in _SERIAL:
            fixes.setdefault(id(x), {})[i] = w[:-1]
    count = 0
    for x in clause.walk():
        if id(x) not in fixes:
            continue
        words = x.text.split()
        before = " ".join(words)
        for i, new in fixes[id(x)].items():
            words[i] = new
        if x.refs:  # a reference's span would move: leave the clause as written
            continue
        x.text = " ".join(words)
        count += len(fixes[id(x)])
        notes.add("perbaikan", "koma-mayoritas", "tanda koma ditulis sebagaimana dalam rumusan sebagian besar "
                  "peraturan daerah yang memuat ketentuan yang sama (salah ketik satu peraturan tidak dibawa).",
                  f"{before} \u2192 {x.text}", node=x)
    return count

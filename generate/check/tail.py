"""The penutup and the Penjelasan a copy ran into the last Pasal, set apart before the rules read the batang tubuh.

Many copies of older acts (national conversions of the 1940s-1990s, one paragraph per line) print the last Pasal,
the pengundangan formula, the signatures and the whole Penjelasan on one line, and the reader keeps them in the last
Pasal. The Penjelasan is no batang tubuh: its "Pasal 5 Cukup jelas", its references into other acts ("seperti pasal
8 dari Peraturan Pemerintah No. 20 tahun 1952") and its lists are not the act's provisions, and a finding on them
(a dangling reference, a numbering break, a list's punctuation) names a defect the act does not have. Before the
rules run, the words from the penutup's first words on leave the last Pasal: the penutup's (the formula, the
places and dates of enactment) become the penutup's lines, so T1 still reads the formula; the Penjelasan's and the
copy's own notes ("CATATAN", the Tambahan Lembaran Negara's heading) are not checked. The caller's tree is never
changed: a copy of it is cut.
"""

from __future__ import annotations

import re

from rancang.tree import Node, Regulation

#: the first words of the penutup run into a Pasal: the pengundangan formula of any era ("Agar setiap orang
#: mengetahuinya", "Agar supaya setiap orang dapat mengetahuinja") or the place of enactment or promulgation
PENUTUP = re.compile(r"\bAgar\s+(?:supaya\s+)?(?:setiap|tiap-tiap)\s+orang\s+(?:dapat\s+)?mengetahui"
                     r"|\b(?:Ditetapkan|Disahkan|Diundangkan|Dikeluarkan)\s+di\s+[A-Z]")
#: where the Penjelasan (or the copy's own notes after the act) begins: its heading, its parts "I. UMUM" and
#: "II. PASAL DEMI PASAL", the Tambahan Lembaran Negara's heading, a converter's "CATATAN" after a rule
PENJELASAN = re.compile(r"\bPENJELASAN\b|\bI\.\s*UMUM\b|\bPASAL\s+DEMI\s+PASAL\b|-{5,}\s*CATATAN\b"
                        r"|\bTAMBAHAN\s+LEMBARAN\s+NEGARA\b")


def cut(reg: Regulation) -> Regulation:
    """``reg`` itself when its last Pasal holds no penutup words and no Penjelasan heading, else a copy whose last
    Pasal ends before them: the units after them leave the Pasal, their words up to the Penjelasan become the
    penutup's first line, and the references read in the words cut off are dropped."""
    pasals = reg.pasals()
    if not pasals or not any(_start(n.text) for n in pasals[-1].walk()):
        return reg
    reg = Regulation.from_dict(reg.to_dict())
    last = reg.pasals()[-1]
    path = _path_to(last)
    if path is None:
        return reg
    node = path[-1]
    m = _start(node.text)
    assert m is not None  # (found by _path_to)
    run = [node.text[m.start():]] + [_words(c) for c in node.children]
    for parent, child in zip(path, path[1:], strict=False):
        at = next(i for i, c in enumerate(parent.children) if c is child)
        run += [_words(c) for c in parent.children[at + 1:]]
        parent.children = parent.children[:at + 1]
    node.children = []
    node.text = node.text[:m.start()].rstrip()
    node.refs = [r for r in node.refs if r.end <= len(node.text)]
    penutup = " ".join(x for x in run if x)
    if (end := PENJELASAN.search(penutup)) is not None:
        penutup = penutup[:end.start()].rstrip()
    reg.penutup.lines = [penutup, *reg.penutup.lines]
    return reg


def _start(text: str) -> re.Match[str] | None:
    """The first of the penutup's words or the Penjelasan's heading in ``text`` (a copy without its penutup runs
    the Penjelasan straight into the last Pasal)."""
    found = [m for m in (PENUTUP.search(text), PENJELASAN.search(text)) if m is not None]
    return min(found, key=lambda m: m.start()) if found else None


def _path_to(pasal: Node) -> list[Node] | None:
    """The units from ``pasal`` down to the first (in document order) whose text holds the penutup's words or the
    Penjelasan's heading."""
    stack: list[list[Node]] = [[pasal]]
    while stack:
        path = stack.pop()
        if _start(path[-1].text):
            return path
        stack += [[*path, c] for c in reversed(path[-1].children)]
    return None


def _words(node: Node) -> str:
    return " ".join(x for n in node.walk() for x in (n.label, n.heading, n.text) if x)

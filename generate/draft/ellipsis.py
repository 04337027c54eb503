"""A defined term shortened after another with the same head: "Pejabat Fungsional dan Pelaksana" where Pasal 1
defines "Pejabat Fungsional" and "Pejabat Pelaksana" (issue 27: "Pelaksana / Pejabat Pelaksana").

UU 12/2011 Lampiran II angka 108-109: a defined term is written as defined wherever it is used. The base acts
share one head between two coordinated terms ("Pejabat Fungsional dan Pelaksana", "Pejabat Administrator dan
Pengawas"), so the second is a word Pasal 1 never defines, and the same draft writes "Pejabat Pelaksana" elsewhere.
Where Pasal 1 defines both "<head> X" and "<head> Y", "<head> X dan Y" (or "atau", "dan/atau", "serta", a comma)
becomes "<head> X dan <head> Y" ("Jabatan Fungsional atau Pelaksana" -> "... atau Jabatan Pelaksana" where both
are defined). Only that coordination: "Kelompok Jabatan Fungsional dan Pelaksana" (no "Kelompok Pelaksana") and a
bare "Pelaksana" elsewhere are left as written. One note per pair of terms, with the number of places changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rancang.generate.draft.notes import Notes
from rancang.generate.draft.terms import definitions
from rancang.parts import Block
from rancang.tree import Node

#: the words that join two coordinated terms
_JOIN = r"(?:\s*,\s*|\s+(?:dan/atau|dan|atau|serta)\s+)"


def pairs(terms: list[str]) -> list[tuple[str, str, re.Pattern]]:
    """(first term, second term, pattern) for each two defined terms with one head word: the pattern finds the
    first term, a joining word and the second term's rest written without its head; never the first term as the
    end of a longer defined term ("Kelompok Jabatan Fungsional dan Pelaksana": no "Kelompok Pelaksana")."""
    out = []
    for a in terms:
        longer = [t[: -len(a)] for t in terms if t != a and t.endswith(" " + a)]
        not_after = "".join(rf"(?<!{re.escape(p)})" for p in longer)
        for b in terms:
            ha, _, ra = a.partition(" ")
            hb, _, rb = b.partition(" ")
            if a == b or ha != hb or not ra or not rb or not rb[:1].isupper():
                continue
            # (the second term's rest in any case: "Pejabat Fungsional dan pelaksana" is the same ellipsis)
            rx = re.compile(rf"(?<![\w-]){not_after}{re.escape(a)}(?P<j>{_JOIN})(?P<rest>(?i:{re.escape(rb)}))"
                            r"(?![\w-])")
            out.append((a, b, rx))
    return out


def restore(body: list[Node], blocks: list[Block], notes: Notes) -> int:
    """Write the shared head again before the second of two coordinated defined terms, in the batang tubuh
    (Pasal 1's definitions aside) and the Lampiran, in place; one repair note per pair. Returns the places
    changed."""
    pasal1 = next((n for top in body for n in top.walk() if n.type == "pasal"), None)
    found = pairs([t for _, t, _ in definitions(pasal1)])
    places: list[tuple[Node | None, Block | None]] = [(n, None) for top in body for n in top.walk() if n.text]
    places += [(None, b) for b in blocks if b.text and b.type != "heading"]
    total = 0
    for a, b, rx in found:
        head, _, rest = b.partition(" ")
        count, first = 0, None
        for node, block in places:
            holder = node if node is not None else block
            if holder is None or a not in holder.text or rest.lower() not in holder.text.lower():
                continue  # the pattern matches both words (the second in any case): a text without either is left
            new, k = rx.subn(_then(head, b), holder.text)
            if k:
                holder.text, count = new, count + k
                first = first or (node, block)
        if first is not None:
            notes.add("perbaikan", "istilah-ringkas", f'"{b}" didefinisikan dalam Pasal 1; istilah itu ditulis '
                      f'utuh, juga setelah "{a}" (UU 12/2011 Lampiran II angka 108), {count} kali.',
                      f"{a} dan {b.partition(' ')[2]} \u2192 {a} dan {b}", node=first[0], block=first[1])
            total += count
    return total


def _then(head: str, term: str) -> Callable[[re.Match[str]], str]:
    """A replacement that writes ``head`` (the missing head word, e.g. "Pejabat") before the second term's rest,
    that rest as ``term`` defines it ("pelaksana" -> "Pejabat Pelaksana")."""
    return lambda m: f"{m.group(0)[:m.start('rest') - m.start()]}{head} {term.partition(' ')[2]}"

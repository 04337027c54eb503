"""One perangkat daerah, one name: the base's "Sekretariat Dewan" written as the profile lists it ("Sekretariat
DPRD"), from the groups of equivalent names in ``data/perangkat.yaml`` (PP 18/2016 Pasal 5). Only where the profile
lists a form of the group: without it the draft keeps the base's form (one name still, and the bureau's own list
decides which)."""

from __future__ import annotations

import re
from functools import cache

from rancang.generate.draft.notes import Notes
from rancang.generate.shared import resources
from rancang.parts import Block
from rancang.tree import Node


@cache
def groups() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(source, forms longest first) of each group of ``data/perangkat.yaml``."""
    return tuple((g["source"], tuple(sorted(g["forms"], key=len, reverse=True)))
                 for g in resources.read_yaml("draft/data/perangkat.yaml")["groups"])


def align(body: list[Node], blocks: list[Block], listed: list[str], notes: Notes) -> int:
    """Write each other form of a group as the form the profile lists (``listed``: its perangkat_daerah), in
    the batang tubuh and the Lampiran, in place; one repair note per form replaced. Returns the places changed."""
    total = 0
    for source, forms in groups():
        own = next((f for f in forms if f in listed), None)
        if own is None:
            continue
        others = [f for f in forms if f != own]
        rx = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, others)) + r")(?![\w-])")
        places = [(n, None) for top in body for n in top.walk() if n.text] + [(None, b) for b in blocks if b.text]
        first, count, seen = None, 0, []
        for node, block in places:
            holder = node if node is not None else block
            if holder is None:
                continue
            seen += rx.findall(holder.text)
            new, k = rx.subn(own, holder.text)
            if k:
                holder.text, count, first = new, count + k, first or (node, block)
        if first is not None:
            notes.add("perbaikan", "nama-perangkat", f'unit yang sama ditulis dengan nama dalam profil ("{own}", '
                      f"{source}), {count} kali.", f"{seen[0]} \u2192 {own}", node=first[0], block=first[1])
            total += count
    return total

"""The consolidated reading of an amended act: the base with its amendments applied in the order they were enacted,
each changed Pasal marked with the act that changed it (issue 30 item 3).

An amending act's Pasal I lists numbered instructions (UU 12/2011 Lampiran II angka 221-235); the reader keeps each
instruction's new text under a ``perubahan`` node and its targets as amendment references. Applied here, at the
level of the Pasal:

* a Pasal in the new text replaces the base's Pasal of the same number ("diubah sehingga berbunyi"), or is inserted
  in number order (5A after 5, "disisipkan");
* an ayat alone in the new text replaces that ayat of the Pasal the instruction targets;
* "Pasal 8 dihapus" keeps Pasal 8 in its place with the words "Dihapus." (as the official consolidations print it).

Nothing is guessed: an instruction whose target is not in the base is reported in ``unapplied``.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from rancang.address import Address
from rancang.corpus.align import full_text
from rancang.tree import Node, Regulation

_PASAL = re.compile(r"pasal\s+(\d+)\s*([a-z]*)", re.I)


@dataclass
class Entry:
    """One Pasal of the consolidated reading: its cite, its text, and the act ids that changed it (in order) with
    how (``"diubah"``, ``"disisipkan"``, ``"dihapus"``)."""

    cite: str
    node: Node | None
    changes: list[tuple[str, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "Dihapus." if self.deleted else full_text(self.node) if self.node is not None else ""

    @property
    def deleted(self) -> bool:
        return bool(self.changes) and self.changes[-1][1] == "dihapus"


@dataclass
class Consolidated:
    """The consolidated reading: the Pasal in order, and the instructions that could not be applied."""

    entries: list[Entry]
    unapplied: list[str]

    def to_dict(self) -> dict[str, object]:
        return {"pasal": [{"cite": e.cite, "text": e.text, "changes": [{"by": b, "how": h} for b, h in e.changes]}
                          for e in self.entries], "unapplied": self.unapplied}


def number(cite: str) -> tuple[int, str]:
    """The sort key of a Pasal cite: "Pasal 5A" -> (5, "A")."""
    m = _PASAL.search(cite or "")
    return (int(m.group(1)), m.group(2).upper()) if m else (0, cite)


def consolidate(base: Regulation, amendments: list[tuple[str, Regulation]]) -> Consolidated:
    """``base`` with each of ``amendments`` ((act id, tree), in the order to apply) applied; see the module
    docstring."""
    entries = {number(p.cite): Entry(p.cite, p) for p in base.pasals()}
    unapplied: list[str] = []
    for rid, amending in amendments:
        for instruction in _instructions(amending):
            _apply(entries, rid, instruction, unapplied)
    return Consolidated([entries[k] for k in sorted(entries)], unapplied)


def _instructions(reg: Regulation) -> list[Node]:
    """The numbered instructions of an amending act: the nodes that hold a ``perubahan`` child."""
    return [n for n in reg.walk() if any(c.type == "perubahan" for c in n.children)]


def _apply(entries: dict[tuple[int, str], Entry], rid: str, node: Node, unapplied: list[str]) -> None:
    new = [c for c in node.children if c.type == "perubahan"]
    pasals = [p for c in new for p in c.walk() if p.type == "pasal"]
    targets = [t for ref in node.refs or [] if ref.kind == "amendment" for t in ref.target]
    if pasals:
        for p in pasals:
            key = number(p.cite)
            if key in entries:
                entries[key].node, how = p, "diubah"
            else:
                entries[key], how = Entry(p.label or p.cite, p), "disisipkan"
            entries[key].changes.append((rid, how))
        return
    if re.search(r"\bdihapus\b", node.text or "", re.I):
        keys = [number(_cite_of(t)) for t in targets if "/" not in t]
        for key in keys:
            if key in entries:
                entries[key].changes.append((rid, "dihapus"))
            else:
                unapplied.append(f"{rid}: {node.text}")
        if not keys:
            unapplied.append(f"{rid}: {node.text}")
        return
    ayats = [a for c in new for a in c.children if a.type == "ayat"]
    whole = [t for t in targets if "/ayat-" in t]
    if ayats and whole:
        key = number(_cite_of(whole[0].split("/")[0]))
        entry = entries.get(key)
        if entry is not None and entry.node is not None:
            entry.node = _with_ayats(entry.node, ayats)
            entry.changes.append((rid, "diubah"))
            return
    unapplied.append(f"{rid}: {node.text}")


def _cite_of(node_id: str) -> str:
    """"pasal-5A" -> "Pasal 5A"."""
    try:
        return Address.parse(node_id).cite
    except (ValueError, AttributeError):
        return node_id.replace("pasal-", "Pasal ")


def _with_ayats(pasal: Node, ayats: list[Node]) -> Node:
    """A copy of ``pasal`` whose ayat of the same labels are replaced by ``ayats``."""
    out = copy.deepcopy(pasal)
    by_label = {a.label: a for a in ayats}
    out.children = [by_label.pop(c.label, c) if c.type == "ayat" else c for c in out.children]
    out.children += list(by_label.values())
    return out

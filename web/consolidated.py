"""What the web app shows of the consolidated reading of an amended act (issue 30 item 3): the base act's Pasal with
every stored amendment applied in the order enacted (:func:`rancang.corpus.consolidate.consolidate`), each changed
Pasal marked with the act that changed it and how (diubah / disisipkan / dihapus), linked to that act.

A Pasal taken from an amending act carries that act's ids and cites ("pasal-I/angka-1/perubahan/pasal-2",
"Pasal I angka 1: Pasal 2"); here it is shown as the Pasal of the consolidated act ("pasal-2", "Pasal 2"), so a
cross-reference in the base's text ("sebagaimana dimaksud dalam Pasal 2") still lands on it. A cross-reference whose
target is not in the consolidated text is shown as plain text, never as a link that goes nowhere.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any

from rancang.corpus.consolidate import Consolidated
from rancang.tree import Node

#: the part of an amending act's node id before the amended Pasal's own ("pasal-I/angka-1/perubahan/")
AMENDING_ID = re.compile(r"^.*/perubahan/")
#: the part of its cite before the amended Pasal's own ("Pasal I angka 1: ")
AMENDING_CITE = re.compile(r"^.*?: ")
#: how each change is said on the page
HOW = {"diubah": "diubah dengan", "disisipkan": "disisipkan dengan", "dihapus": "dihapus dengan"}


@dataclass
class Change:
    """One act's change to a Pasal: the act's corpus id, its title, and how ("diubah", "disisipkan", "dihapus")."""

    by: str
    title: str
    how: str

    @property
    def said(self) -> str:
        return HOW.get(self.how, self.how)


@dataclass
class Row:
    """One Pasal of the consolidated reading as the page shows it."""

    cite: str
    node: Node | None  # its text as it now reads (the last text it had, for a Pasal dihapus: only its id is used)
    deleted: bool
    changes: list[Change] = field(default_factory=list)

    @property
    def anchor_id(self) -> str:
        """The node id its anchor is made from ("pasal-3A")."""
        return self.node.id if self.node is not None and self.node.id else "pasal-" + self.cite.split()[-1]


def as_consolidated(node: Node) -> Node:
    """A copy of ``node`` (and its subtree) with the ids and cites of an amending act's text made those of the
    consolidated act: "pasal-I/angka-1/perubahan/pasal-2/ayat-1" -> "pasal-2/ayat-1"."""
    out = copy.deepcopy(node)
    out.id, out.cite = AMENDING_ID.sub("", out.id or ""), AMENDING_CITE.sub("", out.cite or "")
    _under(out)
    return out


def _under(parent: Node) -> None:
    """Ids and cites of ``parent``'s subtree made to hang from ``parent``'s: an ayat the amendment gave alone
    ("pasal-I/angka-1/perubahan/ayat-2", "ayat (2)") placed in its Pasal ("pasal-2/ayat-2", "Pasal 2 ayat (2)")."""
    for child in parent.children:
        own = AMENDING_ID.sub("", child.id or "")
        if parent.id and own and not own.startswith(parent.id + "/"):
            own = f"{parent.id}/{own.rsplit('/', 1)[-1]}"
        cite = AMENDING_CITE.sub("", child.cite or "")
        if parent.cite and cite and not cite.startswith(parent.cite):
            cite = f"{parent.cite} {cite}"
        child.id, child.cite = own, cite
        _under(child)


def keep_live_refs(node: Node, present: set[str]) -> None:
    """Drop (in place) the internal cross-references of ``node``'s subtree whose target is not in ``present``
    (ids shown on the page): their words stay, as plain text. References to other acts are kept."""
    for n in node.walk():
        n.refs = [r for r in n.refs if r.kind in ("external", "amendment")
                  or (r.target and AMENDING_ID.sub("", r.target[0]) in present)]
        for r in n.refs:
            r.target = [AMENDING_ID.sub("", t) for t in r.target]


def rows(done: Consolidated, titles: dict[str, str]) -> list[Row]:
    """The consolidated reading ``done`` as page rows; ``titles``: {act id: its title} for the change marks."""
    out = [Row(e.cite, as_consolidated(e.node) if e.node is not None else None, e.deleted,
               [Change(by, titles.get(by) or by, how) for by, how in e.changes]) for e in done.entries]
    present = {n.id for r in out if r.node is not None and not r.deleted for n in r.node.walk() if n.id}
    for r in out:
        if r.node is not None:
            keep_live_refs(r.node, present)
    return out


def summary(reading: list[Row]) -> dict[str, Any]:
    """Counts for the page's head: {pasal, diubah, disisipkan, dihapus} (a Pasal counted once, by its last change)."""
    last = [r.changes[-1].how for r in reading if r.changes]
    return {"pasal": len(reading), **{how: last.count(how) for how in HOW}}


@dataclass
class View:
    """What the reader's node macro asks of a view, for the consolidated text: links to other stored acts
    (``acts``: {act_key: corpus id}); no findings or Penjelasan beside the Pasal (they belong to each act's own
    text)."""

    acts: dict[tuple[str, str, str], str] = field(default_factory=dict)
    flagged: set[str] = field(default_factory=set)

    def aside(self, node: Node) -> None:
        return None

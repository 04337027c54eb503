"""The regulation flattened into citable units, each with the context the model's rules need.

A unit is one body node (Pasal lead, ayat, huruf, angka, prose) or one Lampiran block, with its own text,
the text
of everything under it (``full``), the headings of the BAB/Bagian/Paragraf around it and, for the Lampiran,
its
nesting level. Rules read units, never raw lines, so they rely on the tree's structure, not on Pasal numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rancang.kinds import CONTAINERS, LIST_TYPES
from rancang.tree import Node, Regulation

_MARKUP = re.compile(r"\*+|</?[a-z]+>|_{2,}")
_SPACE = re.compile(r"\s+")


def clean(text: str) -> str:
    """Text without emphasis markup (``*Squad*``, ``<i>``) and with single spaces; the words stay as
    printed."""
    text = _MARKUP.sub("", text or "")
    text = re.sub(r"\s*/\s*", "/", text) if "/ " in text or " /" in text else text
    return _SPACE.sub(" ", text).strip()


def low(text: str) -> str:
    return clean(text).lower()


@dataclass
class Unit:
    """One citable piece of the regulation."""

    index: int
    id: str
    cite: str
    text: str
    full: str
    source: str  # "body" | "lampiran"
    type: str
    level: int = 0
    pasal: str = ""
    headings: tuple[str, ...] = ()
    node: Node | None = field(default=None, repr=False)
    children: list[int] = field(default_factory=list)  # body: indexes of direct child units
    definition: bool = False
    rows: list[list[str]] | None = field(default=None, repr=False)  # a Lampiran table's cells, row by row

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def full_low(self) -> str:
        return self.full.lower()


def _full(node: Node) -> str:
    return clean(node.full_text())


def units(reg: Regulation, definition_intro: list[str]) -> list[Unit]:
    """Every body node and Lampiran block with text, in document order."""
    out: list[Unit] = []

    def visit(node: Node, headings: tuple[str, ...], pasal: str, in_defs: bool, parent: Unit | None) -> None:
        if node.type in CONTAINERS:
            heads = headings + (clean(node.heading or ""),)
            for child in node.children:
                visit(child, heads, pasal, False, None)
            return
        if node.type == "pasal":
            pasal = node.id
            in_defs = any(cue in low(node.text) for cue in definition_intro)
        unit = Unit(len(out), node.id, node.cite, clean(node.text), _full(node), "body", node.type,
                    pasal=pasal, headings=headings, node=node,
                    definition=in_defs and node.type in LIST_TYPES and parent is not None
                    and parent.type == "pasal")
        out.append(unit)
        if parent is not None:
            parent.children.append(unit.index)
        for child in node.children:
            visit(child, headings, pasal, in_defs, unit)

    for top in reg.body:
        visit(top, (), "", False, None)
    for block in reg.lampiran:
        text = block.text or ""
        if block.type == "table" and block.rows:
            text = " ".join(" ".join(r) for r in block.rows)
        if not text.strip() or not block.id:
            continue
        out.append(Unit(len(out), block.id, block.cite or "Lampiran", clean(text), clean(text),
                        "lampiran", block.type or "paragraph", level=int(block.level or 0),
                        rows=block.rows if block.type == "table" else None))
    return out


def lampiran_following(us: list[Unit], unit: Unit, types: tuple[str, ...] = ("item",)) -> list[Unit]:
    """The Lampiran blocks nested under ``unit``.

    Under an item or heading: the following items deeper than it, up to the next one at its level or above,
    plus
    the bullet paragraphs that continue one of them (same cite, not itself an intro ending in ":"), up to a
    paragraph after an item closed by a period (the list's last item: its items end with ";", the last with
    "."; the text that follows is the act's own, "Apabila terdapat kendala ..., Tim Kerja menyampaikan ...").
    Under a
    paragraph (an intro such as "... paling sedikit memuat:"): the run of items right after it.
    """
    out: list[Unit] = []
    rest = [u for u in us[unit.index + 1:]]
    if unit.type == "paragraph":
        first = next((u for u in rest if u.source == "lampiran" and u.type in ("item", "heading")), None)
        if first is None or first.index != unit.index + 1:
            return []
        base = first.level - 1
    else:
        base = unit.level
    last = unit
    for u in rest:
        if u.source != "lampiran":
            break
        if u.type in ("heading", "item"):
            if u.level <= base:
                break
            if u.type in types:
                out.append(u)
            last = u
        elif u.type == "paragraph":
            if unit.type == "paragraph":
                break
            if last is not unit and last.type == "item" and last.text.rstrip().endswith("."):
                break  # the list's last item closes with a period: a paragraph after it is the act's own text
            if u.cite == last.cite and last is not unit and not u.text.rstrip().endswith(":"):
                out.append(u)
            elif u.cite == unit.cite and last is unit and not u.text.rstrip().endswith(":"):
                out.append(u)
    return out


def strip_item(text: str) -> str:
    """A list item's words without the list punctuation ("kompetensi;" / "akuntabel." / "x; dan")."""
    t = clean(text)
    t = re.sub(r"[;,.]?\s*(dan/atau|dan|atau|serta)\s*$", "", t)
    return t.strip(" ;:,.").strip()


def contents_intro(text: str, cues: dict) -> bool:
    """Whether ``text`` (lower case) introduces the contents of a letter ("... paling sedikit memuat:", "surat
    permohonan yang memuat antara lain:"): a ``contents_intro`` cue, or ``contents_intro_re`` (``cues.json``)."""
    return any(c in text for c in cues["contents_intro"]) or re.search(cues["contents_intro_re"], text) is not None

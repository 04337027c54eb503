"""The batang tubuh inside each Pasal: ayat and nested lists, and the quoted new text of an amending act.

Headings are found by :mod:`rancang.ingest.headings.read`. Inside a Pasal, two rules build the structure from the
units of :mod:`rancang.ingest.units`:

* **marker rule** — every clause carries its enumerator: a stack of open list levels decides, from each marker's
  style and place in its sequence, whether it is a sibling, a deeper list, or a return to an outer level;
* **flow rule** — the layout separated enumerators from their text (they stand on lines of their own, out of
  order, some lost): the structure is rebuilt from the sentences themselves. Each ayat of a Pasal is one sentence
  ending in "."; a sentence whose lead ends in ":" carries a list whose items end in ";" ("; dan", "; atau") up to
  the item that ends the sentence; a list of definitions ("yang dimaksud dengan:") runs to the end of the Pasal.

The flow rule is used for a Pasal whose text holds bare enumerator lines, and for every Pasal of a document where
such lines are common (two-column layout).
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from rancang.ingest import canonical as canonical_mod
from rancang.ingest import grammar as g
from rancang.ingest.headings.lines import PasalDraft, amends_with_new_text
from rancang.ingest.headings.read import drafts_by_node, pasal_nodes, read_headings
from rancang.ingest.list_shapes import (
    ends_intro,
    ends_sentence,
    list_style,
    marker_between,
    numbered,
    split_at_bare_markers,
)
from rancang.ingest.quotes import first_open, has_quote, last_close, opens_quoted_text, starts_with_open
from rancang.ingest.units import OCR_AYAT_ONE, STYLE_TYPE, Marker, Unit, join_lines, split_units
from rancang.limits import limit
from rancang.tree import Node

#: a document with at least this many bare enumerator lines in its body is read with the flow rule throughout
FLOW_DOCUMENT_THRESHOLD = 8

_DEFINITIONS_INTRO = re.compile(r"(?:yang\s+)?dimaksud\s+dengan\s*:?\s*$", re.I)



def _node_for(marker: Marker, text: str) -> Node:
    return Node(STYLE_TYPE[marker.style], number=marker.number, label=marker.label, text=text)


#: id(perubahan node) -> (weak reference to it, the bare enumerators found inside its quoted text): a side table
#: (never an attribute on the node) that :func:`build_pasal` empties when it records them as detached markers
_QUOTED_BARE: dict[int, tuple[weakref.ref, list[tuple[int, Marker]]]] = {}


def perubahan(quote: list[tuple[int, str]]) -> Node:
    """The quoted new text of an amendment instruction as its own small tree (Pasal, ayat ... inside).

    The quote marks are kept as the node's label; the text between them is parsed like a batang tubuh."""
    first_no, first = quote[0]
    k = first_open(first)
    opening = first[k] if k >= 0 else ""
    lines = [(first_no, first[k + 1:])] + list(quote[1:])
    last_no, last = lines[-1]
    close = ""
    j = last_close(last)
    if j >= 0:
        lines[-1] = (last_no, last[:j])
        close = last[j] + last[j + 1:].strip()
    node = Node("perubahan", label=opening + close)
    top, drafts, orphans = read_headings(lines)
    bare: list[tuple[int, Marker]] = []
    if drafts:
        if orphans:
            lead, lost = split_units(orphans)
            node.text = join_lines([_labelled(u) for u in lead])  # (a lead item keeps its "a.")
            bare.extend(lost)
        draft_of = drafts_by_node(drafts)
        for pasal in pasal_nodes(top):
            bare.extend(build_pasal(pasal, draft_of[id(pasal)], flow=False))
        node.children = top
    else:
        units, bare = split_units(lines)
        build_by_markers(node, units)
    key = id(node)
    _QUOTED_BARE[key] = (weakref.ref(node, lambda ref: _forget(key, ref)), bare)
    return node


def _forget(key: int, ref: weakref.ref) -> None:
    """Drop the entry of a perubahan node that is gone (unless the id already serves a newer node)."""
    entry = _QUOTED_BARE.get(key)
    if entry is not None and entry[0] is ref:
        del _QUOTED_BARE[key]


def _quoted_bare(node: Node) -> list[tuple[int, Marker]]:
    """The bare enumerators found inside the quoted new text under ``node`` (taken off the nodes)."""
    out: list[tuple[int, Marker]] = []
    stack = [node]
    while stack:
        n = stack.pop()
        entry = _QUOTED_BARE.get(id(n)) if n.type == "perubahan" else None
        if entry is not None and entry[0]() is n:
            out.extend(entry[1])
            del _QUOTED_BARE[id(n)]
        stack.extend(n.children)
    return out


@dataclass
class _Level:
    style: str
    holder: Node          # the node whose children this list fills
    last: tuple[int, int] = (0, 0)   # the order of its last marker ((3, 1) for "3a")
    items: list[Node] = field(default_factory=list)


def _continues(mk: Marker, last: tuple[int, int]) -> bool:
    """Does ``mk`` go on with a list whose last marker stands at ``last``? The next number does ("(2)" after
    "(1)" or after "(1a)"), a later one does (a lost enumerator), and so does a number inserted after the last
    one ("(1a)" after "(1)", "3b." after "3a."; UU 12/2011 Lampiran II: inserted ayat and angka keep the
    number they follow, with a letter). A "1." never does: it opens a list of its own."""
    if mk.inserted:
        return mk.order > last and mk.value >= last[0]
    return mk.value == last[0] + 1 or (mk.value != 1 and mk.value > last[0])


def build_by_markers(pasal: Node, units: list[Unit]) -> None:
    """The marker rule: place each unit by its enumerator's style and sequence."""
    stack: list[_Level] = []

    def current_holder() -> Node:
        if stack and stack[-1].items:
            return stack[-1].items[-1]
        return stack[-1].holder if stack else pasal

    for unit in units:
        text = unit.text
        mk = unit.marker
        if mk is None:
            if not pasal.children and not pasal.text:
                pasal.text = text
                pasal.children.extend(perubahan(q) for q in unit.quotes)
                continue
            # trailing prose: closes the innermost list, belongs to the holder of that list
            if g.CLOSING_FORMULA.match(text):
                stack.clear()
                pasal.children.append(Node("text", text=text))
                continue
            prose = Node("text", text=text, children=[perubahan(q) for q in unit.quotes])
            # words an item introduces with "... sebagai berikut:" and no list (an oath): the item's, its list open
            introduced = stack and stack[-1].items and stack[-1].items[-1].text.rstrip().endswith(":")
            (current_holder() if introduced else stack.pop().holder if stack else pasal).children.append(prose)
            continue
        node = _node_for(mk, text)
        placed = False
        # a sibling in an open level of the same style, continuing its sequence
        for depth in range(len(stack) - 1, -1, -1):
            level = stack[depth]
            if level.style == mk.style and _continues(mk, level.last):
                del stack[depth + 1:]
                placed = True
                break
        if not placed:
            if len(stack) >= limit("list_depth"):
                pass  # nesting is bounded: a list restarting this deep continues the innermost one
            elif (mk.value <= 1 and not mk.inserted) or not stack:
                stack.append(_Level(mk.style, current_holder()))
            else:
                # out of sequence (a lost or misread enumerator): the closest level of the same style, else deeper
                same = [d for d, lv in enumerate(stack) if lv.style == mk.style]
                if same:
                    del stack[same[-1] + 1:]
                else:
                    stack.append(_Level(mk.style, current_holder()))
        level = stack[-1]
        level.last = mk.order
        if mk.style == "ayat" and level.holder.type in ("huruf", "angka") and (level.holder.label or "")[-1:] == ")":
            node.type = "angka"  # "(1)" in a list under "(a)" or "1)": a numbered item of the list, not an ayat
        level.items.append(node)
        level.holder.children.append(node)
        if unit.quotes:
            node.children.extend(perubahan(q) for q in unit.quotes)


def build_by_flow(pasal: Node, units: list[Unit], bare: list[Marker], ayat_at: list[int] | None = None,
                  item_at: list[int] | None = None) -> None:
    """The flow rule: rebuild ayat and lists from sentence flow when enumerators cannot be trusted.

    ``ayat_at``: the lines of detached ayat enumerators ("(5)"). One printed between two units starts a new
    ayat even when the sentence before it lost its closing ".", unless that text still expects more (it ends in
    ":", ";" or ","): enumerators read from a two-column page may also be garbled or out of place. ``item_at``:
    the lines of detached list enumerators ("c."): one printed before a unit makes it an item of the list even
    when the item before it closed with "," instead of ";"."""
    closing = [u for u in units if g.CLOSING_FORMULA.match(u.text)]
    body = [u for u in units if u not in closing]
    groups, definitions = _sentence_groups(body, ayat_at)
    flow = _Flow(list_style(body, bare, definitions), definitions, item_at)
    if len(groups) >= 2:
        for position, group in enumerate(groups, 1):
            mk = group[0].marker
            label = mk.label if mk is not None and mk.style == "ayat" else None
            ayat = Node("ayat", number=str(position), label=label)
            flow.fill(ayat, group)
            pasal.children.append(ayat)
    elif groups:
        flow.fill(pasal, groups[0])
    for unit in closing:
        pasal.children.append(_quoted(Node("text", text=_labelled(unit)), [unit]))


def _sentence_groups(body: list[Unit], ayat_at: list[int] | None) -> tuple[list[list[Unit]], bool]:
    """The units of a Pasal grouped into its ayat by sentence flow: a group ends with a sentence, or before a
    detached ayat enumerator printed between two units (unless the text before it expects more). And whether the
    Pasal is a list of definitions ("Dalam Peraturan ini yang dimaksud dengan:"), which is one group."""
    groups: list[list[Unit]] = []
    current: list[Unit] = []
    definitions = False
    for idx, unit in enumerate(body):
        if current and ayat_at and not definitions and current[-1].nos and unit.nos \
                and marker_between(ayat_at, current[-1].nos[-1], unit.nos[0]) \
                and not _item_continues(current[-1].text) and not current[-1].text.rstrip().endswith(","):
            groups.append(current)
            current = []
        current.append(unit)
        text = unit.text
        if idx == 0 and _DEFINITIONS_INTRO.search(text):
            definitions = True
        if definitions:
            continue
        if ends_sentence(text):
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups, definitions


class _Flow:
    """How the flow rule fills one ayat (or the Pasal itself) from a group of units: the group's lead is the
    holder's text; when it introduces a list (ends with ":"), the units after it become the list's items."""

    def __init__(self, style: str, definitions: bool, item_at: list[int] | None):
        self.style, self.definitions, self.item_at = style, definitions, item_at

    def fill(self, holder: Node, group: list[Unit]) -> None:
        lead, rest = group[0], group[1:]
        # the holder keeps the lead's enumerator as its label only when it is an ayat labelled by it (a Pasal
        # read as one sentence has a label of its own, "Pasal 3": the lead's "(1)" stays in its text)
        taken = holder.type == "ayat" and bool(holder.label)
        holder.text = lead.text if taken or lead.marker is None else _labelled(lead)
        _quoted(holder, [lead])
        if not rest:
            return
        if not ends_intro(lead.text):
            holder.children.append(_quoted(Node("text", text=join_lines([_labelled(u) for u in rest])), rest))
            return
        trailing = self.items(holder, lead, rest)
        if trailing:
            holder.children.append(_quoted(Node("text", text=join_lines([_labelled(u) for u in trailing])),
                                           trailing))

    def marked(self, unit: Unit, previous: Unit) -> bool:
        """Whether ``unit`` is marked as an item: by its own enumerator of the list's style, or by a detached one
        printed just before it."""
        item_at = self.item_at
        return unit.marker is not None and unit.marker.style == self.style or bool(
            item_at and previous.nos and unit.nos and marker_between(item_at, previous.nos[-1], unit.nos[0]))

    def items(self, holder: Node, lead: Unit, rest: list[Unit]) -> list[Unit]:
        """The items of the list ``lead`` introduces, appended to ``holder``; returns the units after the list
        (text that follows it, placed as plain text)."""
        style = self.style
        position = 0
        trailing: list[Unit] = []
        last_item: Node | None = None
        previous = lead
        for unit in rest:
            inline = self.marked(unit, previous)
            previous = unit
            if trailing or (last_item is not None and not self.definitions and not inline
                            and not _item_continues(last_item.text)):
                trailing.append(unit)
                continue
            mk = unit.marker
            if mk is not None and mk.style != style and last_item is not None and mk.style != "ayat":
                # a deeper list inside the previous item, printed with its own enumerators
                last_item.children.append(_quoted(_node_for(mk, unit.text), [unit]))
                continue
            position += 1
            own = mk is not None and mk.style == style
            last_item = Node(STYLE_TYPE.get(style, "huruf"), number=numbered(style, position),
                             label=mk.label if own and mk is not None else None,
                             text=unit.text if own or mk is None else _labelled(unit))
            holder.children.append(_quoted(last_item, [unit]))
        return trailing


def _quoted(node: Node, units: list[Unit]) -> Node:
    """``node`` with the quoted new text (amendments) of the units whose text it holds, as ``perubahan``
    children: the flow rule places text, and the quotes go with it (never dropped)."""
    node.children.extend(perubahan(q) for u in units for q in u.quotes)
    return node


def _labelled(unit: Unit) -> str:
    """A unit's text with its enumerator in front: for a unit placed as plain text, whose enumerator no node
    label keeps (nothing of the source is lost)."""
    return f"{unit.marker.label} {unit.text}".strip() if unit.marker is not None else unit.text


def _item_continues(text: str) -> bool:
    """After this item, does the list go on? Items end in ";" ("; dan", "; atau"); "." or "," ends the list."""
    t = text.rstrip()
    return t.endswith(";") or bool(re.search(r";\s*(?:dan|atau|dan/atau)$", t)) or t.endswith(":")


def _stray(no: int, lines: list[tuple[int, bool]]) -> bool:
    """Is the detached enumerator on line ``no`` stray (a page number between two clauses)? It is when no line of
    text follows it, or the line that follows starts a unit with its own enumerator: then it numbers nothing.
    ``lines``: (line number, starts an enumerated unit) of every line of the units, ascending."""
    k = bisect_right(lines, (no, True))
    return k == len(lines) or lines[k][1]


def build_pasal(pasal: Node, draft: PasalDraft, flow: bool, canonical: bool = False,
                corrections: list[dict[str, Any]] | None = None, depth: dict[int, int] | None = None
                ) -> list[tuple[int, Marker]]:
    """Fill ``pasal`` from its draft lines; returns the bare markers found (layout artefacts, counted by caller).

    ``depth``: the indentation of each line of a canonical text, which places its units
    (:func:`rancang.ingest.canonical.build_by_depth`) instead of the marker and flow rules.

    An OCR-damaged "(l)" is ayat (1) only when the next ayat of the Pasal is (2): the sequence proves it, and the
    correction is appended to ``corrections``; otherwise the line keeps its text."""
    # an amending act's Pasal I whose new text carries no quote marks at all: each instruction's text runs to the
    # next instruction
    # (a quoted word inside the new text, "disebut “ASN”", is no quoting of new text)
    # (also a Pasal 2 of an act that amends another with arabic numbering, once an instruction introduces new text)
    # Pasal 5, not the Pasal I of an amending act (a diktum of a Keputusan, "KESATU", is numbered in words but
    # amends nothing)
    roman = pasal.type == "pasal" and not (pasal.number or "")[:1].isdigit()
    implicit = (roman or amends_with_new_text(draft.lines)) and not any(
        has_quote(line) and (starts_with_open(line) or opens_quoted_text(line, "")) for _, line in draft.lines)
    units, bare = split_units(draft.lines, canonical, implicit_quotes=implicit)
    if depth is not None:
        canonical_mod.build_by_depth(pasal, units, depth, perubahan)
        if roman:
            _record_deletions(pasal)
        return bare + _quoted_bare(pasal)
    _prove_ocr_ayat(units, corrections)
    lines = sorted({(u.line_no, u.marker is not None) for u in units}
                   | {(n, False) for u in units for n in u.nos[1:]})
    needed = [(no, mk) for no, mk in bare if not _stray(no, lines)]
    if flow or needed:
        build_by_flow(pasal, split_at_bare_markers(units, needed), [mk for _, mk in needed],
                      ayat_at=sorted(no for no, mk in needed if mk.style == "ayat"),
                      item_at=sorted(no for no, mk in needed if mk.style != "ayat"))
    else:
        build_by_markers(pasal, units)
    if roman:
        _record_deletions(pasal)
    return bare + _quoted_bare(pasal)


def _prove_ocr_ayat(units: list[Unit], corrections: list[dict[str, Any]] | None) -> None:
    """Keep "(l)" as ayat (1) when the next ayat enumerator of the Pasal is (2); else give it back to the text."""
    for k, unit in enumerate(units):
        mk = unit.marker
        if mk is None or mk.label not in OCR_AYAT_ONE:
            continue
        nxt = next((u.marker for u in units[k + 1:] if u.marker is not None and u.marker.style == "ayat"), None)
        if nxt is not None and nxt.value == 2:
            if corrections is not None:
                corrections.append({"line": unit.line_no, "from": mk.label, "to": "(1)"})
            continue
        before = next((u.marker for u in reversed(units[:k]) if u.marker is not None), None)
        if before is not None and before.style == "hurufk" and before.value == 11 and mk.label == "(l)":
            unit.marker = Marker("hurufk", 12, "l", mk.label)  # "(k)" then "(l)": the twelfth item of a list
            continue
        unit.marker = None
        unit.lines = [f"{mk.label} {unit.lines[0]}" if unit.lines else mk.label, *unit.lines[1:]]
        unit.nos = [unit.line_no, *unit.nos[1:]] if unit.nos else [unit.line_no]


def _record_deletions(pasal: Node) -> None:
    """"4. Pasal 8 dihapus.": an instruction that deletes a provision gets an empty ``perubahan`` child with heading
    "dihapus" (the instruction's ``amendment`` reference names what is deleted), so a deletion is recorded like
    any other change."""
    for node in pasal.children:
        m = g.DELETION.match(node.text) if node.text and "dihapus" in node.text else None
        if m is not None and not any(c.type == "perubahan" for c in node.children):
            node.children.append(Node("perubahan", heading="dihapus"))

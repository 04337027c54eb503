"""The batang tubuh: headings (BAB, Bagian, Paragraf, Pasal) and, inside each Pasal, ayat and nested lists.

Headings are found line by line. Inside a Pasal, two rules build the structure from the units of
:mod:`rancang.ingest.units`:

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
from bisect import bisect_right
from dataclasses import dataclass, field

from rancang.ingest import grammar as g
from rancang.ingest.units import (
    STYLE_TYPE,
    Marker,
    Unit,
    continues_reference,
    first_open,
    has_quote,
    join_lines,
    last_close,
    opens_quoted_text,
    quote_depth,
    split_units,
    starts_with_open,
)

from rancang.numbering import huruf, roman_value
from rancang.tree import Node

#: a document with at least this many bare enumerator lines in its body is read with the flow rule throughout
FLOW_DOCUMENT_THRESHOLD = 8

_DEFINITIONS_INTRO = re.compile(r"(?:yang\s+)?dimaksud\s+dengan\s*:?\s*$", re.I)


@dataclass
class PasalDraft:
    """A Pasal heading and the lines that follow it, before structure."""

    number: str
    label: str
    line_no: int
    lines: list[tuple[int, str]] = field(default_factory=list)


def _upper_line(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


#: short words a title keeps in lower case ("Prinsip, Mekanisme dan Tahapan")
_TITLE_SMALL_WORDS = frozenset({"dan", "atau", "serta", "di", "ke", "dari", "yang", "untuk", "dalam", "pada", "oleh",
                                "terhadap", "bagi", "dengan", "antar", "sebagai", "tentang"})


def _title_line(line: str) -> bool:
    """Does ``line`` read as the rest of a Bagian or Paragraf title wrapped onto a new line ("Pelaksanaan Tugas")?
    Every word capitalised but the small ones, and no clause punctuation at the end: body text never looks so,
    and a title is always followed by a heading, never by text."""
    words = line.split()
    if not words or line.rstrip().endswith((".", ";", ":", ",")) or not (
            words[0][:1].isupper() or words[0] in _TITLE_SMALL_WORDS):
        return False
    return all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in _TITLE_SMALL_WORDS for w in words)


def _pasal_value(num: str) -> float:
    if num.isdigit():
        return float(num)
    if num[:-1].isdigit():
        return int(num[:-1]) + (ord(num[-1]) - 64) / 100
    return float(roman_value(num))


#: the first letters of BAB, Bagian, Paragraf and Pasal (Bagian and Paragraf match in any case)
_HEADING_INITIALS = frozenset("BbPp")


def _is_heading(line: str) -> bool:
    return line[:1] in _HEADING_INITIALS and bool(
        g.BAB.match(line) or g.BAGIAN.match(line) or g.PARAGRAF.match(line) or g.PASAL.match(line))


def _ends_open_quote(line: str, last_pasal: float, drafts: list[PasalDraft]) -> bool:
    """A quote left open by a missing closing mark ends at the next amendment instruction, or at this act's own
    next Roman Pasal ("Pasal II" after "Pasal I")."""
    if g.AMENDMENT_INSTRUCTION.match(line):
        return True
    m = g.PASAL.match(line)
    return bool(m and drafts and not drafts[-1].number[0].isdigit() and not m.group("num")[0].isdigit()
                and _pasal_value(m.group("num")) == last_pasal + 1)


_WORDS = {"bab": "BAB", "bagian": "Bagian", "paragraf": "Paragraf"}
_CONTAINERS = (("bab", g.BAB), ("bagian", g.BAGIAN), ("paragraf", g.PARAGRAF))


def _container_heading(line: str):
    """("bab"|"bagian"|"paragraf", match) for a BAB/Bagian/Paragraf heading line, else (None, None)."""
    if line[:1] not in _HEADING_INITIALS:
        return None, None
    for kind, pattern in _CONTAINERS:
        m = pattern.match(line)
        if m:
            return kind, m
    return None, None


def _wrapped_reference(lines: list[tuple[int, str]], i: int) -> bool:
    """Is the "Pasal N" line at ``i`` the middle of a sentence ("... dimaksud dalam" / "Pasal 5" / "ayat (2)")?"""
    prev = next((ln for _, ln in reversed(lines[max(0, i - 3):i]) if ln.strip()), "")
    nxt = next((ln for _, ln in lines[i + 1:i + 4] if ln.strip()), "")
    prev = prev.rstrip()
    # the longest word CONTINUES knows is 11 letters: search only the tail (\b still sees the whole line)
    return bool(g.CONTINUES.search(prev, max(0, len(prev) - 12))) or bool(g.REFERENCE_TAIL.match(nxt.strip()))


def read_headings(lines: list[tuple[int, str]]) -> tuple[list[Node], list[PasalDraft], list[tuple[int, str]]]:
    """One pass over the body lines: the heading tree (BAB/Bagian/Paragraf holding Pasal drafts).

    Returns the top-level nodes, the Pasal drafts in order (each already placed as a ``pasal`` node with
    ``_draft``), and lines found before the first Pasal that belong to no Pasal.
    """
    top: list[Node] = []
    drafts: list[PasalDraft] = []
    orphans: list[tuple[int, str]] = []
    bab: Node | None = None
    bagian: Node | None = None
    paragraf: Node | None = None
    current: PasalDraft | None = None
    last_pasal = 0.0
    i = 0
    n = len(lines)

    def title_after(i: int, upper: bool, started: bool = False) -> tuple[str, int]:
        """The title lines after a heading: upper-case lines for a BAB; for Bagian/Paragraf the first line, and
        further lines while they read as a wrapped title. ``started``: the title began on the heading's own line,
        so every line taken must read as its continuation, and the next line must be a heading."""
        parts: list[str] = []
        j = i + 1
        while j < n:
            text = lines[j][1]
            if not text.strip():
                j += 1
                continue
            if _is_heading(text) or g.BARE_MARKER.match(text) or g.MARKER.match(text):
                break
            if upper and not _upper_line(text):
                break
            if not upper and (parts or started) and not _title_line(text):
                break
            parts.append(text.strip())
            j += 1
        if started and parts and j < n and not _is_heading(lines[j][1]):
            return "", i + 1  # not followed by a heading: the lines were text, not title
        return " ".join(parts), j

    def container() -> list[Node]:
        for node in (paragraf, bagian, bab):
            if node is not None:
                return node.children
        return top

    depth = 0
    while i < n:
        no, line = lines[i]
        if depth > 0 and _ends_open_quote(line, last_pasal, drafts):
            depth = 0
        if depth > 0 or (has_quote(line) and starts_with_open(line) and opens_quoted_text(
                line, current.lines[-1][1] if current is not None and current.lines else "")):
            # quoted new text of an amending act: never a heading of this act
            depth = min(1, max(0, (0 if starts_with_open(line) else depth) + quote_depth(line)))
            if current is not None:
                current.lines.append((no, line))
            elif line.strip():
                orphans.append((no, line))
            i += 1
            continue
        depth = min(1, max(0, quote_depth(line))) if has_quote(line) and opens_quoted_text(line, "") else 0
        # an amending act numbers its own Pasal I, II ...: a BAB, Bagian or arabic Pasal after its first Pasal is
        # the new text of an amendment (printed here without quote marks), never a heading of the act
        amending = bool(drafts) and not drafts[0].number[0].isdigit()
        kind, m = (None, None) if amending else _container_heading(line)
        if m is not None:
            title = m.group("title")
            if title is None:
                title, i = title_after(i, upper=kind == "bab")
            else:
                # a title printed beside the heading may wrap: "Bagian Ketujuh Pemanfaatan Teknologi Informasi dan"
                more, i = title_after(i, upper=kind == "bab", started=True)
                title = f"{title.strip()} {more}" if more else title
            num = m.group("num") if kind != "bagian" else m.group("num").title()
            node = Node(kind, number=num, label=f"{_WORDS[kind]} {num}", heading=title or None)
            if kind == "bab":
                bab, bagian, paragraf = node, None, None
                top.append(node)
            elif kind == "bagian":
                (bab.children if bab is not None else top).append(node)
                bagian, paragraf = node, None
            else:
                holder = bagian or bab
                (holder.children if holder is not None else top).append(node)
                paragraf = node
            current = None
            continue
        m = g.PASAL.match(line) if line[:1] == "P" else None
        if m and amending and m.group("num")[0].isdigit():
            m = None
        if m and _pasal_value(m.group("num")) > last_pasal and (
            last_pasal == 0 or _pasal_value(m.group("num")) <= last_pasal + 10
        ) and not _wrapped_reference(lines, i):
            last_pasal = _pasal_value(m.group("num"))
            current = PasalDraft(m.group("num"), line.strip(), no)
            drafts.append(current)
            node = Node("pasal", number=m.group("num"), label=line.strip())
            node._draft = current  # type: ignore[attr-defined]
            container().append(node)
            i += 1
            continue
        if current is not None:
            current.lines.append((no, line))
        elif line.strip():
            orphans.append((no, line))
        i += 1
    return top, drafts, orphans


# --- structure inside a Pasal ------------------------------------------------------------------------------------


def _node_for(marker: Marker, text: str) -> Node:
    return Node(STYLE_TYPE[marker.style], number=marker.number, label=marker.label, text=text)


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
    if drafts:
        if orphans:
            lead, _ = split_units(orphans)
            node.text = join_lines([u.text for u in lead])
        for pasal in pasal_nodes(top):
            build_pasal(pasal, pasal._draft, flow=False)  # type: ignore[attr-defined]
            del pasal._draft  # type: ignore[attr-defined]
        node.children = top
    else:
        build_by_markers(node, split_units(lines)[0])
    return node


def pasal_nodes(nodes: list[Node]) -> list[Node]:
    """Every Pasal under these BAB/Bagian/Paragraf nodes, in order."""
    out: list[Node] = []
    for n in nodes:
        out.extend([n] if n.type == "pasal" else pasal_nodes(n.children))
    return out


@dataclass
class _Level:
    style: str
    holder: Node          # the node whose children this list fills
    last: int = 0
    items: list[Node] = field(default_factory=list)


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
            if stack:
                stack.pop().holder.children.append(prose)
            else:
                pasal.children.append(prose)
            continue
        node = _node_for(mk, text)
        placed = False
        # a sibling in an open level of the same style, continuing its sequence
        for depth in range(len(stack) - 1, -1, -1):
            level = stack[depth]
            if level.style == mk.style and (mk.value == level.last + 1 or (mk.value != 1 and mk.value > level.last)):
                del stack[depth + 1:]
                placed = True
                break
        if not placed:
            if mk.value <= 1 or not stack:
                stack.append(_Level(mk.style, current_holder()))
            else:
                # out of sequence (a lost or misread enumerator): the closest level of the same style, else deeper
                same = [d for d, lv in enumerate(stack) if lv.style == mk.style]
                if same:
                    del stack[same[-1] + 1:]
                else:
                    stack.append(_Level(mk.style, current_holder()))
        level = stack[-1]
        level.last = mk.value
        level.items.append(node)
        level.holder.children.append(node)
        if unit.quotes:
            node.children.extend(perubahan(q) for q in unit.quotes)


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(".")


def _ends_intro(text: str) -> bool:
    return text.rstrip().endswith(":")


def _list_style(units: list[Unit], bare: list[Marker], definitions: bool) -> str:
    """The list style of a flow-rule Pasal: from its inline enumerators, else its bare ones, else by kind."""
    for unit in units:
        if unit.marker is not None and unit.marker.style != "ayat":
            return unit.marker.style
    counts: dict[str, int] = {}
    for mk in bare:
        if mk.style != "ayat" and mk.value:
            counts[mk.style] = counts.get(mk.style, 0) + 1
    if counts:
        return max(counts, key=counts.__getitem__)
    return "angka" if definitions else "huruf"


def _numbered(style: str, position: int) -> str:
    """The number of the ``position``-th item of a list of ``style`` (a label is only kept where printed)."""
    return huruf(position) if style in ("huruf", "hurufp") else str(position)


def _split_at_bare_markers(units: list[Unit], bare: list[tuple[int, Marker]]) -> list[Unit]:
    """Where the line of a detached enumerator falls inside one unit, the unit ends there.

    A clause that lost its closing "." or ";" runs into the next one ("1. Daerah Kota adalah Daerah Kota Bogor"
    / "2." / "Pemerintah Daerah Kota sebagai ..."), but the enumerator printed between them still marks the
    boundary: the unit is cut before the line after it, when that line starts a clause (a capital letter) and the
    line before it does not go on ("... dimaksud dalam" / "Pasal 5")."""
    if not bare:
        return units
    positions = sorted(no for no, _ in bare)
    out: list[Unit] = []
    for unit in units:
        cuts = [i for i in range(1, len(unit.nos))
                if unit.nos[i] - unit.nos[i - 1] > 1 and _marker_between(positions, unit.nos[i - 1], unit.nos[i])
                and unit.lines[i][:1].isupper() and not unit.lines[i - 1].rstrip().endswith(",")
                and not g.CONTINUES.search(unit.lines[i - 1]) and not continues_reference(unit.lines[i - 1])]
        if not cuts or unit.quotes or len(unit.nos) != len(unit.lines):
            out.append(unit)
            continue
        start = 0
        for cut in [*cuts, len(unit.lines)]:
            out.append(Unit(unit.marker if start == 0 else None, unit.lines[start:cut], unit.nos[start],
                            nos=unit.nos[start:cut]))
            start = cut
    return out


def _marker_between(positions: list[int], lo: int, hi: int) -> bool:
    k = bisect_right(positions, lo)
    return k < len(positions) and positions[k] < hi


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
    groups: list[list[Unit]] = []
    current: list[Unit] = []
    definitions = False
    for idx, unit in enumerate(body):
        if current and ayat_at and not definitions and current[-1].nos and unit.nos \
                and _marker_between(ayat_at, current[-1].nos[-1], unit.nos[0]) \
                and not _item_continues(current[-1].text) and not current[-1].text.rstrip().endswith(","):
            groups.append(current)
            current = []
        current.append(unit)
        text = unit.text
        if idx == 0 and _DEFINITIONS_INTRO.search(text):
            definitions = True
        if definitions:
            continue
        if _ends_sentence(text):
            groups.append(current)
            current = []
    if current:
        groups.append(current)

    style = _list_style(body, bare, definitions)

    def fill(holder: Node, group: list[Unit]) -> None:
        lead, rest = group[0], group[1:]
        lead_text = lead.text
        holder.text = lead_text
        if not rest:
            return
        if not _ends_intro(lead_text):
            holder.children.append(Node("text", text=join_lines([u.text for u in rest])))
            return
        position = 0
        trailing: list[Unit] = []
        last_item: Node | None = None
        previous = lead
        for unit in rest:
            # an item is marked by its own enumerator, or by a detached one printed just before it
            inline = unit.marker is not None and unit.marker.style == style or bool(
                item_at and previous.nos and unit.nos and _marker_between(item_at, previous.nos[-1], unit.nos[0]))
            previous = unit
            if trailing or (last_item is not None and not definitions and not inline
                            and not _item_continues(last_item.text)):
                trailing.append(unit)
                continue
            mk = unit.marker
            if mk is not None and mk.style != style and last_item is not None and mk.style != "ayat":
                # a deeper list inside the previous item, printed with its own enumerators
                child = _node_for(mk, unit.text)
                last_item.children.append(child)
                continue
            position += 1
            num = _numbered(style, position)
            node = Node(STYLE_TYPE.get(style, "huruf"), number=num,
                        label=mk.label if mk is not None and mk.style == style else None, text=unit.text)
            holder.children.append(node)
            last_item = node
        if trailing:
            holder.children.append(Node("text", text=join_lines([u.text for u in trailing])))

    if len(groups) >= 2:
        for position, group in enumerate(groups, 1):
            mk = group[0].marker
            label = mk.label if mk is not None and mk.style == "ayat" else None
            ayat = Node("ayat", number=str(position), label=label)
            fill(ayat, group)
            pasal.children.append(ayat)
    elif groups:
        fill(pasal, groups[0])
    for unit in closing:
        pasal.children.append(Node("text", text=unit.text))


def _item_continues(text: str) -> bool:
    """After this item, does the list go on? Items end in ";" ("; dan", "; atau"); "." or "," ends the list."""
    t = text.rstrip()
    return t.endswith(";") or bool(re.search(r";\s*(?:dan|atau|dan/atau)$", t)) or t.endswith(":")


def build_pasal(pasal: Node, draft: PasalDraft, flow: bool, canonical: bool = False) -> list[tuple[int, Marker]]:
    """Fill ``pasal`` from its draft lines; returns the bare markers found (layout artefacts, counted by caller)."""
    # an amending act's Pasal I whose new text carries no quote marks at all: each instruction's text runs to the
    # next instruction
    implicit = not pasal.number[0].isdigit() and not any(has_quote(line) for _, line in draft.lines)
    units, bare = split_units(draft.lines, canonical, implicit_quotes=implicit)
    if flow or bare:
        build_by_flow(pasal, _split_at_bare_markers(units, bare), [mk for _, mk in bare],
                      ayat_at=sorted(no for no, mk in bare if mk.style == "ayat"),
                      item_at=sorted(no for no, mk in bare if mk.style != "ayat"))
    else:
        build_by_markers(pasal, units)
    return bare

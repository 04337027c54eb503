"""Reading the canonical text (``rancang ingest --format md``) back exactly as it was written (issue 19).

The canonical text states its structure outright, so the guessing the reader does on real layouts (joining
wrapped lines, artefact removal, heading sequences, enumerator flow) is not applied to it: any of it could turn a
tree's own text into something else and break the promise that ``--format md`` re-ingests to the same tree.
Instead, three rules of the format decide:

* **marks** — only a line with Markdown heading marks ("## BAB I", "##### Pasal 5") is a heading; a BAB, Bagian
  or Paragraf has a title exactly when the next line is marked too;
* **indentation** — inside a Pasal, a unit's indentation (two spaces a level, as :func:`unit_lines` writes it)
  is its depth: an indented line belongs to the nearest line above it that is one level shallower;
* **escape** — a text the reader would take for structure (an enumerator, a heading, a part keyword such as
  "Menimbang" or "Ditetapkan di", a quote mark, a backslash) is written after a backslash, as Markdown escapes
  it, and is text whatever it looks like; the backslash is removed when the tree is built.

    >>> escape("(4) Penugasan ditetapkan."), escape("Penugasan ditetapkan."), unescape(escape("Pasal 7"))
    ('\\\\(4) Penugasan ditetapkan.', 'Penugasan ditetapkan.', 'Pasal 7')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rancang.ingest import grammar as g
from rancang.ingest.headings.lines import UNPLACED, PasalDraft, container_heading, container_number, ocr_pasal_number
from rancang.ingest.units import STYLE_TYPE, Unit, parse_marker
from rancang.tree import Node

ESCAPE = "\\"
#: the comment before a batang tubuh that begins with text rather than a heading (text no Pasal holds)
BODY_MARK = "<!-- batang tubuh -->"
#: the parts whose lines are unescaped as soon as the parts are found (the body and the Menimbang / Mengingat
#: entries are unescaped as their units and entries are read)
ESCAPED_PARTS = frozenset({"preamble", "diktum", "penutup", "lampiran", "penjelasan"})
#: every pattern that makes a line structure somewhere in the reader: part keywords and headings
_STRUCTURE = (g.MENIMBANG, g.MENGINGAT, g.MEMPERHATIKAN, g.PERSETUJUAN, g.MEMUTUSKAN, g.DITETAPKAN, g.DISAHKAN,
              g.LAMPIRAN, g.PENJELASAN, g.BAB, g.BAGIAN, g.PARAGRAF, g.PASAL)
#: first characters that have a meaning of their own at a line's start: escape, heading mark, comment, quotes
_SPECIAL_START = frozenset('\\#<\u201c\u201d"')
_MARKS = re.compile(r"^(?P<indent> *)(?P<marks>#{1,6})\s+")
_COMMENT = re.compile(r"^\s*<!--.*-->\s*$")


def needs_escape(text: str) -> bool:
    """Would the reader take ``text``, written at a line's start, for anything but text?"""
    s = text.lstrip()
    if not s:
        return False
    return s[0] in _SPECIAL_START or parse_marker(s) is not None or ocr_pasal_number(s) is not None or any(
        p.match(s) for p in _STRUCTURE)


def escape(text: str) -> str:
    """``text`` as the canonical text writes it: after a backslash when it could be read as structure."""
    return ESCAPE + text if needs_escape(text) else text


def escape_lampiran(text: str) -> str:
    """``text`` as a line of a Lampiran that follows a penutup is written: once the Lampiran has opened, the only
    part the reader still looks for is a Penjelasan (:func:`rancang.ingest.parser.split_parts`), and the Lampiran's
    lines are unescaped before its reader sees them; so only a Penjelasan keyword or a Markdown mark is escaped,
    and a drafter reading draft.md sees "BAB I PENDAHULUAN" and "1. Tahapan Perencanaan", not "\\BAB I"."""
    s = text.lstrip()
    if s and (s[0] in _SPECIAL_START or g.PENJELASAN.match(s)):
        return ESCAPE + text
    return text


def unescape(text: str) -> str:
    """The text a canonical line holds: one leading backslash (the escape) removed."""
    return text[1:] if text.startswith(ESCAPE) else text


@dataclass
class Layout:
    """What the canonical lines say besides their text: the depth of each line (by 1-based line number) and the
    lines that carried heading marks."""

    depth: dict[int, int] = field(default_factory=dict)
    marked: set[int] = field(default_factory=set)
    #: the index of the :data:`BODY_MARK` line, where the body starts
    body_at: int | None = None


def prepare(raw: list[str], removed: list[dict[str, Any]]) -> tuple[list[str], Layout]:
    """Canonical lines -> (the lines without heading marks and the canonical-text comment, stripped; their layout).

    Same line count as ``raw``, as :func:`rancang.ingest.clean.clean_lines` keeps it; the marks and the comment
    are recorded in ``removed`` (kind "markdown")."""
    out: list[str] = []
    layout = Layout()
    for no, line in enumerate(raw, 1):
        if _COMMENT.match(line):
            if line.strip() == BODY_MARK:
                layout.body_at = no - 1
            removed.append({"kind": "markdown", "line": no, "text": line.strip()})
            out.append("")
            continue
        m = _MARKS.match(line)
        if m is not None:
            removed.append({"kind": "markdown", "line": no, "text": m.group("marks")})
            layout.marked.add(no)
            line = line[m.end():]
        else:
            layout.depth[no] = (len(line) - len(line.lstrip(" "))) // 2
        out.append(line.strip(" \t"))  # (only what the writer adds: other white space, U+2028 ..., is text)
    return out, layout


def read_headings(lines: list[tuple[int, str]], marked: set[int]
                  ) -> tuple[list[Node], list[PasalDraft], list[tuple[int, str]]]:
    """The heading tree of canonical body lines, as :func:`rancang.ingest.headings.read.read_headings` returns it:
    only marked lines are headings; unmarked lines before any Pasal of their container are kept as flagged text
    (one node a line, as they were written)."""
    top: list[Node] = []
    drafts: list[PasalDraft] = []
    orphans: list[tuple[int, str]] = []
    open_: dict[str, Node | None] = {"bab": None, "bagian": None, "paragraf": None}
    current: PasalDraft | None = None
    i = 0
    while i < len(lines):
        no, line = lines[i]
        i += 1
        if not line:
            continue
        kind, m = container_heading(line) if no in marked else (None, None)
        pasal = g.PASAL.match(line) if no in marked and kind is None else None
        if pasal is None and no in marked and kind is None:
            pasal = g.diktum_heading().match(line)  # the diktum of a Keputusan, "##### KESATU"
        if kind is not None and m is not None:
            title = m.group("title")
            nxt = next((k for k in range(i, len(lines)) if lines[k][1]), None)
            if title is None and nxt is not None and lines[nxt][0] in marked and container_heading(
                    lines[nxt][1])[0] is None and not g.PASAL.match(lines[nxt][1]):
                title, i = lines[nxt][1], nxt + 1
            node = Node(kind, number=container_number(kind, m.group("num")), label=line,
                        heading=unescape(title) if title else None)
            _place(node, kind, open_, top)
            current = None
        elif pasal is not None:
            unit = "pasal" if pasal.re is g.PASAL else "diktum"
            number = " ".join(pasal.group("num").split())
            node = Node(unit, number=number, label=line)
            current = PasalDraft(number, line, no, node=node)
            drafts.append(current)
            _container(open_, top).append(node)
        elif current is not None:
            current.lines.append((no, line))
        else:
            _container(open_, top).append(Node("text", label=UNPLACED, text=unescape(line)))
            orphans.append((no, line))
    return top, drafts, orphans


def _container(open_: dict[str, Node | None], top: list[Node]) -> list[Node]:
    for kind in ("paragraf", "bagian", "bab"):
        node = open_[kind]
        if node is not None:
            return node.children
    return top


def _place(node: Node, kind: str, open_: dict[str, Node | None], top: list[Node]) -> None:
    """Put a new BAB / Bagian / Paragraf in the innermost open container that may hold it."""
    if kind == "bab":
        top.append(node)
        open_.update(bab=node, bagian=None, paragraf=None)
        return
    outer = ("bab",) if kind == "bagian" else ("bagian", "bab")
    holder = next((open_[k] for k in outer if open_[k] is not None), None)
    (holder.children if holder is not None else top).append(node)
    if kind == "bagian":
        open_.update(bagian=node, paragraf=None)
    else:
        open_["paragraf"] = node


def build_by_depth(pasal: Node, units: list[Unit], depth: dict[int, int], perubahan: Any) -> None:
    """Place the units of a canonical Pasal by their indentation: a unit at depth d is a child of the last unit at
    depth d - 1 (of the Pasal at depth 0); the first unlabelled unit at depth 0, before any other, is the Pasal's
    own text. ``perubahan`` builds the node of quoted new text (:func:`rancang.ingest.body.perubahan`)."""
    stack: list[Node] = []
    for k, unit in enumerate(units):
        mk = unit.marker
        text = unescape(unit.text)
        d = min(depth.get(unit.line_no, 0), len(stack))
        if k == 0 and mk is None and d == 0 and not pasal.text:
            pasal.text = text
            pasal.children.extend(perubahan(q) for q in unit.quotes)
            continue
        if mk is None:
            node = Node("text", text=text)
        else:
            node = Node(STYLE_TYPE[mk.style], number=mk.number, label=mk.label, text=text)
        node.children.extend(perubahan(q) for q in unit.quotes)
        (stack[d - 1].children if d else pasal.children).append(node)
        del stack[d:]
        stack.append(node)

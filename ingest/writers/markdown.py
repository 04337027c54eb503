"""The canonical text of a regulation (``rancang ingest --format md``): clean numbering, one clause a paragraph,
no artefacts; ingesting it gives the same tree back.

The first line, :data:`CANONICAL_MARK`, tells the parser that every line is a whole unit (a clause, a heading,
a Lampiran block), so nothing is re-joined or re-split on the way back in. Headings are Markdown headings
(``## BAB I``), lists keep their legal labels ("a.", "1.", "(2)", "1)") and are indented two spaces a level, and
a text that reads like structure is escaped with a backslash (:mod:`rancang.ingest.canonical` reads it back).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rancang.ingest.canonical import BODY_MARK, escape, escape_lampiran
from rancang.ingest.units import parse_marker
from rancang.kinds import BODY_UNITS
from rancang.numbering import huruf
from rancang.parts import Block
from rancang.tree import Node, Regulation

CANONICAL_MARK = "<!-- rancang: teks kanonik -->"

#: Markdown heading level and word of each container heading
_HEADINGS = {"bab": ("##", "BAB"), "bagian": ("###", "Bagian"), "paragraf": ("####", "Paragraf")}


def clean_label(node: Node) -> str:
    """The clean label of an ayat or list item: "(2)", "a.", "1.", "a)", "1)"."""
    if node.type == "ayat":
        return f"({node.number})"
    printed = (node.label or "").strip()
    closing = ")" if printed.endswith(")") and not printed.startswith("(") else "."
    return f"{node.number}{closing}"


def unit_lines(kind: str, label: str, heading: str | None, text: str, depth: int, out: list[str]) -> int:
    """Append the canonical lines of one unit (a BAB/Bagian/Paragraf with its printed "BAB I" label and heading,
    a Pasal, prose, or a labelled ayat or item at ``depth``); returns the depth of its children. Shared by the
    Markdown renderer and the Akoma Ntoso reader, which writes the same text back."""
    if kind in _HEADINGS:
        mark = _HEADINGS[kind][0]
        out.append(f"{mark} {label}")
        if heading:
            out.append(f"{mark} {escape(heading)}")
    elif kind in BODY_UNITS:
        out.append(f"##### {label}")
        if text:
            out.append(escape(text))
    elif kind == "text":
        out.append(f"{'  ' * depth}{escape(text)}")
    else:
        out.append(f"{'  ' * depth}{label} {escape(text)}".rstrip())
    return 0 if kind in ("bab", "bagian", "paragraf", *BODY_UNITS) else depth + 1


def quoted(inner: list[str], label: str | None, depth: int) -> list[str]:
    """Quoted new text of an amendment: its lines between its quote marks (“ and ” unless printed otherwise),
    headings without Markdown marks (they are not this act's own)."""
    inner = [ln.lstrip("#").strip() if ln.lstrip().startswith("#") else ln for ln in inner] or [""]
    label = label or "\u201c\u201d"
    inner[0] = "  " * (depth + 1) + label[0] + inner[0].lstrip()
    inner[-1] = inner[-1] + label[1:]
    return inner


def printed_label(node: Node) -> str:
    """The label a unit is written with: "BAB I", "Bagian Kedua", "Pasal 5", "(2)", "a."."""
    if node.type in _HEADINGS:
        return f"{_HEADINGS[node.type][1]} {node.number}"
    if node.type == "pasal":
        return f"Pasal {node.number}"
    if node.type == "diktum":
        return node.number or ""
    return clean_label(node)


def _node_lines(node: Node, depth: int, out: list[str]) -> None:
    if node.type == "perubahan":
        inner: list[str] = [node.text] if node.text else []
        for child in node.children:
            _node_lines(child, depth + 1, inner)
        out.extend(quoted(inner, node.label, depth))
        return
    label = "" if node.type == "text" else printed_label(node)
    child_depth = unit_lines(node.type, label, node.heading, node.text, depth, out)
    for child in node.children:
        _node_lines(child, child_depth, out)


def _label(printed: str | None, counted: str) -> str:
    """A Menimbang or Mengingat entry's label as printed ("a.", "b)", or "a." twice as a damaged text has it)
    when it reads back as a label; else the label its place gives (``counted``)."""
    return printed if printed and parse_marker(f"{printed} x") is not None else counted


#: the first label of a list ("1.", "a)", "(1)", "A."): a list that starts again
_FIRST_LABEL = re.compile(r"^\(?(?:1|a|A)[.)]$")


def after_list(blocks: Sequence[Block], k: int, item: Block | None, cap: int = 99) -> int | None:
    """The depth whose text paragraph ``blocks[k]`` is, when it follows the last entry of a list (``item``, a
    sentence ending with "." or ";", not a heading): the next item after it is shallower, starts a list again, or
    does not come before the next heading. Such a paragraph is the text of the item holding the list (one level up),
    or, announcing the next list ("... sebagai berikut:"), of the item that list is under. None otherwise. Levels
    deeper than ``cap`` count as ``cap`` (the DOCX has seven styles). Used by the DOCX and the Markdown alike."""
    if item is None or not (item.text or "").rstrip().endswith((".", ";")):
        return None
    depth = min(max(item.level or 1, 1), cap)
    for nxt in blocks[k + 1:]:
        if nxt.type in ("heading", "signature"):
            return depth - 1
        if nxt.label:
            level = min(max(nxt.level or 1, 1), cap)
            if level > depth or (level == depth and not _FIRST_LABEL.match(nxt.label)):
                return None  # the list goes on: the paragraph is the entry's own
            announces = (blocks[k].text or "").rstrip().endswith(":")
            return min(depth, level) - 1 if announces else depth - 1
    return depth - 1


def _lampiran_lines(blocks: Sequence[Block], indent: bool) -> list[tuple[int, str]]:
    """The lines of a Lampiran (or Penjelasan), each with its depth: with ``indent``, an item two spaces a level below
    the first and a paragraph as the text of the item before it or, after a list, of the item holding it
    (:func:`after_list`), as the DOCX prints them (Lampiran II: each level its own indentation); without, depth 0.
    The reader strips the spaces: the tree read back is the same."""
    lines: list[tuple[int, str]] = []
    depth = 0
    item: Block | None = None
    for k, block in enumerate(blocks):
        if block.type == "table":
            lines.extend((0, "\t".join(row)) for row in block.rows or [])
            continue
        if block.type == "heading":
            depth, item = 0, None
        if block.label:
            depth, item = max(block.level or 1, 1), block
            lines.append((depth - 1 if indent else 0, f"{block.label} {block.text}"))
            continue
        if block.type == "paragraph" and (up := after_list(blocks, k, item)) is not None:
            depth, item = up, None
        lines.append((depth if indent and block.type == "paragraph" else 0, block.text))
    return lines


def render(reg: Regulation, indent_lampiran: bool = False) -> str:
    """The canonical text of ``reg`` as Markdown; ``indent_lampiran``: the Lampiran's list levels indented (a
    draft's, read by a drafter; a Lampiran after a penutup only)."""
    out: list[str] = [CANONICAL_MARK]
    out.extend(escape(line) for line in reg.preamble)
    if reg.menimbang:
        out.append("Menimbang :")
        for i, item in enumerate(reg.menimbang):
            # (a lone entry is written without its label, unless it has no text: its label is all it has)
            label = _label(item.label, f"{huruf(i + 1)}.") if len(reg.menimbang) > 1 or not item.text else ""
            out.append(f"{label} {escape(item.text)}".strip())
    if reg.mengingat:
        out.append("Mengingat :")
        for i, item in enumerate(reg.mengingat, 1):
            out.append(f"{_label(item.label, f'{i}.')} {escape(item.text)}")
    # the first line of a part opens it ("MEMUTUSKAN:", "Ditetapkan di", "LAMPIRAN"): any later line that reads
    # like the start of a part is escaped
    out.extend(_opening(reg.diktum))
    if reg.body and reg.body[0].type not in _HEADINGS and reg.body[0].type != "pasal":
        out.append(BODY_MARK)
    for node in reg.body:
        _node_lines(node, 0, out)
    out.extend(_opening(reg.penutup.lines))
    for part, blocks in (("lampiran", reg.lampiran), ("penjelasan", reg.penjelasan)):
        # a Lampiran after a penutup is a part of its own: only a Penjelasan keyword in it needs an escape
        minimal = part == "lampiran" and bool(reg.penutup.lines)
        lines = _lampiran_lines(blocks, indent_lampiran and minimal)
        if minimal:
            out.extend("  " * d + (escape_lampiran(t) if k else t) for k, (d, t) in enumerate(lines))
        else:
            out.extend(_opening([t for _, t in lines]))
    return "\n\n".join(out) + "\n"


def _opening(lines: list[str]) -> list[str]:
    """The lines of a part: its first as it is (it opens the part), the others escaped where needed."""
    return lines[:1] + [escape(line) for line in lines[1:]]

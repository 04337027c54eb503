"""The Lampiran (and a national act's Penjelasan) as structured text: headings, enumerated items, paragraphs,
figure captions and tables, flat and in order, each with an id and a cite a model can point to.

Levels come from the enumerators themselves, as in the body: an enumerator that starts a sequence ("a.", "1)")
opens a deeper level under the item before it; one that continues the sequence of an open level ("b." after "a.")
returns to that level. So "1) Tahapan Perencanaan:" followed by "a. ..." nests, whatever the convention of the
bureau. A block's cite is built from the labels above it ("Lampiran huruf B angka 1 huruf a"). Wrapped lines are
joined by the same clause rule as the body.
"""

from __future__ import annotations

import re
from typing import Any

from rancang.ingest.units import join_more, parse_marker

from rancang.numbering import huruf_value, roman_value

_UPPER_ITEM = re.compile(r"^(?P<label>[A-Z])\.\s+(?P<rest>\S.*)$")
_ROMAN_ITEM = re.compile(r"^(?P<label>[IVX]{1,4})\.\s+(?P<rest>\S.*)$")
_BAB = re.compile(r"^BAB\s+[IVXLC]+\b")
#: the closing signature of a Lampiran: "BUPATI MALANG, ttd.", "Pj. WALI KOTA BOGOR", then "Ttd." and the name
_SIGNER = re.compile(r"^(?:(?:Pj|Plt|Plh)\.\s*)?(?:BUPATI|WALI\s*KOTA|WALIKOTA|GUBERNUR)\s+[A-Z][A-Z .'-]*?,?"
                     r"(?:\s+[Tt][Tt][Dd]\.?)?\s*$")
_SIGNATURE_TAIL = re.compile(r"^(?:[Tt][Tt][Dd]\.?|NIP\.?\s*[\d ]+|[A-Z][A-Z.,' -]{2,60})$")
_CAPTION = re.compile(r"^(?:Gambar|Tabel|Bagan|Diagram)\s+\d+(?:\.\d+)*\b", re.I)
_WORD = {"roman": "angka", "upper": "huruf", "angka": "angka", "huruf": "huruf", "angkap": "angka",
         "hurufp": "huruf", "ayat": "angka"}


def _is_heading(line: str) -> bool:
    return line.isupper() and len(line) >= 3 and not line.rstrip().endswith((";", ","))


_CLAUSE_ENDS = (".", ":", ";", "?", "!")
_CLOSERS = frozenset(".)")


def parse(lines: list[str], prefix: str = "lampiran", canonical: bool = False) -> list[dict[str, Any]]:
    """Blocks of a Lampiran: {type, id, cite, label, level, text, rows}.

    One pass; each pattern is tried only on lines whose first character it can match, and the cite of the
    current list position is rebuilt only when the position changes: a Lampiran is most of a regulation's lines,
    so per-line work here is most of the reader's time."""
    blocks: list[dict[str, Any]] = []
    stack: list[list] = []  # [style, last value, cite words, whole cite] per open level, outermost first
    word = "Lampiran" if prefix == "lampiran" else "Penjelasan"
    cite = word             # the cite of the current list position
    open_block: dict[str, Any] | None = None
    otype = ""              # the open block's type ("" when none is open)

    def add(kind: str, text: str, block_cite: str, label: str | None = None, level: int = 0) -> dict[str, Any]:
        block: dict[str, Any] = {"type": kind, "id": f"{prefix}-{len(blocks) + 1}", "cite": block_cite,
                                 "label": label, "level": level, "text": text}
        blocks.append(block)
        return block

    signing = 0  # lines of a signature block still expected (Ttd., the name)
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        c = line[0]
        signer = c in "PBWG" and _SIGNER.match(line) is not None
        if signer or (signing and _SIGNATURE_TAIL.match(line)):
            signing = 3 if signer else signing - 1
            open_block, otype = add("signature", line, word), "signature"
            continue
        signing = 0
        if c == "|" and line.endswith("|") and len(line) > 2:
            line = "\t".join(c.strip() for c in line.strip("|").split("|"))
        if "\t" in line:
            cells = [c.strip() for c in line.split("\t")]
            if otype == "table":
                open_block["rows"].append(cells)  # type: ignore[index]
                open_block["text"] += " | " + " ".join(cells)  # type: ignore[index]
            else:
                open_block, otype = add("table", " ".join(cells), word), "table"
                open_block["rows"] = [cells]
            continue
        style = None
        if c in "IVX" and (m := _ROMAN_ITEM.match(line)) is not None and (value := roman_value(m.group("label"))):
            style, label, rest = "roman", f"{m.group('label')}.", m.group("rest")
        elif line[1:2] == "." and "A" <= c <= "Z" and (m2 := _UPPER_ITEM.match(line)) is not None:
            style, label, rest = "upper", f"{m2.group('label')}.", m2.group("rest")
            value = huruf_value(c)
        elif c == "(" or (c.isdigit() or c.islower()) and (
                line[1:2] in _CLOSERS or line[2:3] in _CLOSERS or line[3:4] in _CLOSERS):
            parsed = parse_marker(line)  # (called only where an enumerator can stand: "a." "12)" "(3)")
            if parsed is not None:
                mk, rest = parsed
                style, label, value = mk.style, mk.label, mk.value
        if style is not None:
            _place(stack, style, value)
            stack[-1][1] = value
            level = stack[-1]
            level[2] = f"{_WORD[style]} {label.strip('.()')}"
            # each level keeps its whole cite: the level above's cite and its own words
            cite = level[3] = f"{stack[-2][3] if len(stack) > 1 else word} {level[2]}"
            open_block, otype = add("item", rest, cite, label, len(stack)), "item"
            continue
        if c in "GTBDgtbd" and _CAPTION.match(line):
            open_block, otype = add("caption", line, cite), "caption"
            continue
        if canonical:
            otype = ""
        heading = line.isupper() and len(line) >= 3 and not line.endswith((";", ","))  # _is_heading, inline
        if (otype == "item" or otype == "paragraph") and not heading \
                and not open_block["text"].rstrip().endswith(_CLAUSE_ENDS) \
                and not _is_heading(open_block["text"]):  # type: ignore[index]
            open_block["text"] = join_more(open_block["text"], line)  # type: ignore[index]
            continue
        if heading:
            if otype == "heading" and (not _BAB.match(line) and not _BAB.match(open_block["text"])  # type: ignore
                                       or _BAB.fullmatch(open_block["text"].strip()) is not None):  # type: ignore
                open_block["text"] = join_more(open_block["text"], line)  # type: ignore[index]
                continue
            open_block, otype = add("heading", line, cite), "heading"
            continue
        open_block, otype = add("paragraph", line, cite), "paragraph"
    return blocks


def _place(stack: list[list], style: str, value: int) -> None:
    """Open, keep or close list levels for an enumerator of ``style`` at position ``value`` in its sequence."""
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth][0] == style and (value == stack[depth][1] + 1 or value > stack[depth][1] > 0 and value != 1):
            del stack[depth + 1:]
            return
    if value <= 1 or not stack:
        if value <= 1 and any(lv[0] == style for lv in stack) and style in ("roman", "upper"):
            # a new top-level sequence (the Lampiran restarts A., B. ...): close everything below it
            del stack[[lv[0] for lv in stack].index(style):]
        stack.append([style, 0, "", ""])
        return
    same = [d for d, lv in enumerate(stack) if lv[0] == style]
    if same:
        del stack[same[-1] + 1:]
    else:
        stack.append([style, 0, "", ""])

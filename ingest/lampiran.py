"""The Lampiran (and a national act's Penjelasan) as structured text: headings, enumerated items, paragraphs,
figure captions and tables, flat and in order, each with an id and a cite a model can point to.

Levels follow the drafting convention A. -> 1. -> a. -> 1) -> a) -> (1); a block's cite is built from the
labels above it ("Lampiran huruf B angka 1 huruf a"). Wrapped lines are joined by the same clause rule as the body.
"""

from __future__ import annotations

import re
from typing import Any

from rancang.ingest.units import join_lines, parse_marker

_UPPER_ITEM = re.compile(r"^(?P<label>[A-Z])\.\s+(?P<rest>\S.*)$")
_ROMAN_ITEM = re.compile(r"^(?P<label>[IVX]{1,4})\.\s+(?P<rest>\S.*)$")
_CAPTION = re.compile(r"^(?:Gambar|Tabel|Bagan|Diagram)\s+\d+(?:\.\d+)*\b", re.I)
_LEVEL = {"roman": 0, "upper": 1, "angka": 2, "huruf": 3, "angkap": 4, "hurufp": 5, "ayat": 6}
_WORD = {"roman": "angka", "upper": "huruf", "angka": "angka", "huruf": "huruf", "angkap": "angka",
         "hurufp": "huruf", "ayat": "angka"}


def _is_heading(line: str) -> bool:
    return line.isupper() and len(line) >= 3 and not line.rstrip().endswith((";", ","))


def _ended(text: str) -> bool:
    return text.rstrip().endswith((".", ":", ";", "?", "!"))


def parse(lines: list[str], prefix: str = "lampiran", canonical: bool = False) -> list[dict[str, Any]]:
    """Blocks of a Lampiran: {type, id, cite, label, level, text, rows}."""
    blocks: list[dict[str, Any]] = []
    open_block: dict[str, Any] | None = None
    path: dict[int, str] = {}

    def add(kind: str, text: str, label: str | None = None, level: int = 0, rows=None) -> dict[str, Any]:
        block: dict[str, Any] = {"type": kind, "id": f"{prefix}-{len(blocks) + 1}", "cite": "", "label": label,
                                 "level": level, "text": text}
        if rows is not None:
            block["rows"] = rows
        blocks.append(block)
        return block

    word = "Lampiran" if prefix == "lampiran" else "Penjelasan"
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if "\t" in line:
            if canonical and open_block is not None and open_block["type"] != "table":
                open_block = None
            cells = [c.strip() for c in line.split("\t")]
            if open_block is not None and open_block["type"] == "table":
                open_block["rows"].append(cells)
                open_block["text"] = open_block["text"] + " | " + " ".join(cells)
            else:
                open_block = add("table", " ".join(cells), rows=[cells])
                open_block["cite"] = word
            continue
        style, label, rest = None, None, line
        m = _UPPER_ITEM.match(line)
        if m:
            style, label, rest = "upper", f"{m.group('label')}.", m.group("rest")
        elif (m2 := _ROMAN_ITEM.match(line)) is not None:
            style, label, rest = "roman", f"{m2.group('label')}.", m2.group("rest")
        else:
            parsed = parse_marker(line)
            if parsed is not None:
                mk, rest = parsed
                style, label = mk.style, mk.label
        if style is not None:
            level = _LEVEL[style]
            path = {k: v for k, v in path.items() if k < level}
            path[level] = f"{_WORD[style]} {label.strip('.()')}"
            open_block = add("item", rest, label, level)
            open_block["cite"] = " ".join([word] + [path[k] for k in sorted(path)])
            open_block["_lines"] = [rest]
            continue
        if _CAPTION.match(line):
            open_block = add("caption", line)
            open_block["cite"] = word
            continue
        if canonical:
            open_block = None
        if open_block is not None and open_block["type"] in ("item", "paragraph") and not _ended(open_block["text"]) \
                and not _is_heading(line):
            open_block["_lines"].append(line)
            open_block["text"] = join_lines(open_block["_lines"])
            continue
        if _is_heading(line):
            if open_block is not None and open_block["type"] == "heading":
                open_block["_lines"].append(line)
                open_block["text"] = join_lines(open_block["_lines"])
                continue
            open_block = add("heading", line)
            open_block["_lines"] = [line]
            open_block["cite"] = " ".join([word] + [path[k] for k in sorted(path)])
            continue
        open_block = add("paragraph", line)
        open_block["_lines"] = [line]
        open_block["cite"] = " ".join([word] + [path[k] for k in sorted(path)])
    for block in blocks:
        block.pop("_lines", None)
        block.pop("_closed", None)
    return blocks

"""The Lampiran's list labels made sequential and in the order of levels (issue 27 item 4; Lampiran II UU 12/2011
angka 64-65 and Permendagri 80/2015: "A." -> "1." -> "a." -> "1)" -> "a)" -> "(1)" -> "(a)").

A composed Lampiran has lost items (the region's own units, options) and carries the bureau's own choices of style
("a." under "1)"); every list is numbered again from its first item, in the style one below its parent's. A list
the source restarts under the same parent (a second "1." after paragraphs) stays a list of its own.
"""

from __future__ import annotations

from rancang.generate.draft.lampiran import _FORMATS, style_rank
from rancang.parts import Block


def _first(label: str | None) -> bool:
    """Whether ``label`` is the first of its style ("A.", "1.", "a.", "1)", "a)", "(1)", "(a)")."""
    rank = style_rank(label)
    return rank is not None and label == _FORMATS[rank](1)


def relabel(blocks: list[Block]) -> int:
    """Relabel the items of ``blocks`` in place (levels are the items' ``level``, the reader's nesting); a heading
    ends every list. Returns the number of labels changed."""
    stack: list[list] = []  # [level, style rank, count]
    changed = 0
    for b in blocks:
        if b.type == "heading":
            stack = []
            continue
        if b.type != "item" or style_rank(b.label) is None:
            continue
        while stack and stack[-1][0] > b.level:
            stack.pop()
        if stack and stack[-1][0] == b.level and not _first(b.label):
            stack[-1][2] += 1
        else:
            if stack and stack[-1][0] == b.level:
                stack.pop()  # a list the source restarts: a list of its own
            parent = stack[-1][1] if stack else None
            own = style_rank(b.label)
            rank = own if parent is None else min(parent + 1, len(_FORMATS) - 1)
            stack.append([b.level, rank, 1])
        label = _FORMATS[stack[-1][1]](stack[-1][2])
        if label != b.label:
            b.label = label
            changed += 1
    return changed

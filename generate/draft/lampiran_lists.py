"""The Lampiran's lists put in their place before they are numbered (issue 27 item 4; Lampiran II UU 12/2011 angka
64-65 and Permendagri 80/2015: each list sequential, sub-items under their parent, each level its own indentation).

A composed Lampiran carries two faults of list structure from its sources:

- **a list repeated** (:func:`merge_repeated`): a list that names the forms ("1. Penunjukan", "2. Pengajuan
  sukarela"), then, after a paragraph announcing "the mechanisms by form", the same heads numbered again from 1
  ("1. Penunjukan a. Mekanisme ..."). The second list's items are the first's: what each says goes under the item
  of the same head, the announcing paragraph goes, and its paragraphs that say again what the first item said go;
  items of the second list with no namesake follow, numbered on;
- **a list announced by an item's own text but printed at that item's level** (:func:`nest_announced`): "2)
  Penunjukan sebagai tim kerja", its paragraphs, "... dengan ketentuan sebagai berikut:", then "1) pelaksanaan
  tugas ..." at the level of "2)": the list is the item's own, one level below.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from rancang.fold import fold
from rancang.generate.draft import lampiran_labels
from rancang.generate.draft.lampiran import _FORMATS, _is_heading, style_rank
from rancang.generate.draft.notes import Notes
from rancang.parts import Block

#: a sentence this close (partial ratio, 0-1) to what the item already says says it again
_SAME = 0.9


def _said(text: str, said: list[str]) -> bool:
    """Whether every sentence of ``text`` is said (nearly word for word) in one of the paragraphs ``said``: a
    sentence opening with its subject ("Pengajuan sukarela merupakan cara ...") is said by its definition ("Cara
    ...")."""
    whole = fold(" ".join(said))
    sentences = [t for t in re.split(r"(?<=[.;])\s+", fold(text)) if t.strip()]
    return bool(sentences) and all(fuzz.partial_ratio(t, whole) >= _SAME * 100 for t in sentences)


def _unsay(blocks: list[Block], where: range, leads: list[str]) -> list[int]:
    """The sentences of the paragraphs ``blocks[where]`` that a lead moved under the same item says again ("...
    hanya dapat dilakukan ... bersangkutan." and "... hanya dapat dilakukan ... bersangkutan dengan mekanisme
    sebagai berikut:") go, the lead announcing the list stays; returns the paragraphs left empty."""
    empty = []
    for j in where:
        b = blocks[j]
        if b.type != "paragraph" or not leads:
            continue
        parts = re.split(r"(?<=[.;])\s+", b.text.strip())
        kept = [t for t in parts if not any(fuzz.partial_ratio(fold(t), fold(lead)) >= _SAME * 100 for lead in leads)]
        if len(kept) < len(parts):
            b.text = " ".join(kept)
            if not kept:
                empty.append(j)
    return empty


def _first(label: str | None) -> bool:
    rank = style_rank(label)
    return rank is not None and label == _FORMATS[rank](1)


def _head(text: str) -> str:
    """An item's heading compared with another's: folded, without a parenthesis or closing punctuation
    ("Pengajuan sukarela (voluntary)" and "Pengajuan Sukarela" are one head)."""
    return " ".join(re.sub(r"[^\w\s]", " ", fold(re.sub(r"\([^)]*\)", " ", text))).split())


def _items(blocks: list[Block], start: int, level: int) -> list[int]:
    """The items of the list that opens at ``blocks[start]`` (level ``level``): the items of that level up to the
    first block shallower, a heading, or the next list opening at that level."""
    out = [start]
    for k in range(start + 1, len(blocks)):
        b = blocks[k]
        if b.type == "heading" or (b.type == "item" and b.level < level):
            break
        if b.type == "item" and b.level == level:
            if _first(b.label):
                break
            out.append(k)
    return out


def _end(blocks: list[Block], k: int) -> int:
    """Index after the item ``blocks[k]`` with everything under it (paragraphs, deeper items), up to the next
    item of its level or shallower or a heading."""
    level = blocks[k].level
    for j in range(k + 1, len(blocks)):
        b = blocks[j]
        if b.type == "heading" or b.type == "signature" or (b.type == "item" and b.level <= level):
            return j
    return len(blocks)


def _lists(blocks: list[Block]) -> list[tuple[int, list[int]]]:
    """(level, item indices) of every list, in order."""
    out = []
    for k, b in enumerate(blocks):
        if b.type == "item" and _first(b.label):
            out.append((b.level, _items(blocks, k, b.level)))
    return out


def merge_repeated(blocks: list[Block], notes: Notes) -> list[Block]:
    """``blocks`` with every list that numbers again the heads of the list before it, under the same parent, made
    one list (see the module docstring); a repair note per merge. Returns a new list of the same blocks."""
    while True:
        found = _repeat(blocks)
        if found is None:
            return blocks
        first, second = found
        heads = {_head(blocks[k].text): k for k in first}
        lead = second[0] - 1 if blocks[second[0] - 1].type == "paragraph" and \
            blocks[second[0] - 1].text.rstrip().endswith(":") else None
        moved: dict[int, list[int]] = {}
        extra: list[int] = []
        dropped: list[int] = [] if lead is None else [lead]
        for k in second:
            twin = heads.get(_head(blocks[k].text))
            body = list(range(k + 1, _end(blocks, k)))
            if twin is None:
                extra += [k, *body]
                continue
            said = [blocks[j].text for j in range(twin + 1, _end(blocks, twin)) if blocks[j].type == "paragraph"]
            keep = []
            for j in body:
                b = blocks[j]
                if b.type == "paragraph" and not b.text.rstrip().endswith(":") and j < next(
                        (i for i in body if blocks[i].type == "item"), len(blocks)) and \
                        _said(b.text, said):
                    dropped.append(j)
                    continue
                keep.append(j)
            dropped.append(k)
            moved.setdefault(twin, []).extend(keep)
            dropped += _unsay(blocks, range(twin + 1, _end(blocks, twin)),
                              [blocks[j].text for j in keep if blocks[j].text.rstrip().endswith(":")])
        stop = _end(blocks, second[-1])
        taken = set(range(second[0], stop)) | set(dropped)
        out = _place(blocks, first, moved, extra, taken)
        notes.add("perbaikan", "lampiran-daftar", "daftar Lampiran yang menomori lagi judul butir daftar sebelumnya ("
                  + ", ".join(blocks[k].text for k in second[:4]) + ") digabung dengan daftar itu: isinya dimuat di "
                  "bawah butir yang sama judulnya, sehingga penomoran berurutan (Lampiran II UU 12/2011).",
                  " ".join(blocks[k].text for k in second), cite="Lampiran")
        blocks = out


def _place(blocks: list[Block], first: list[int], moved: dict[int, list[int]], extra: list[int],
           taken: set[int]) -> list[Block]:
    """The blocks in their new order: each item of the first list closed by what moved under it (its own
    paragraphs first, then the second list's), the second list's items without namesake after the first list."""
    ends = {k: _end(blocks, k) for k in first}
    out: list[Block] = []
    after_first = max(ends.values())
    for k in range(len(blocks)):
        if k not in taken:
            out.append(blocks[k])
        for twin in first:
            if k == ends[twin] - 1:
                out.extend(blocks[j] for j in moved.get(twin, []))
        if k == after_first - 1:
            out.extend(blocks[j] for j in extra)
    return out


def _repeat(blocks: list[Block]) -> tuple[list[int], list[int]] | None:
    """The first pair (earlier list, later list) at one level under one parent whose later list's heads repeat
    the earlier one's (two heads or more, every head of the earlier list among them)."""
    lists = _lists(blocks)
    for a, (level, first) in enumerate(lists):
        stop = _end(blocks, first[-1])
        for lvl, second in lists[a + 1:]:
            if second[0] < stop:
                continue
            if lvl != level or second[0] != stop and any(
                    b.type in ("heading",) or (b.type == "item" and b.level < level)
                    for b in blocks[stop:second[0]]):
                break
            mine = [_head(blocks[k].text) for k in first]
            theirs = {_head(blocks[k].text) for k in second}
            if len(mine) >= 2 and all(h in theirs for h in mine) and all(_is_heading(blocks[k].text) for k in first):
                return first, second
            break
    return None


def nest_announced(blocks: list[Block], notes: Notes) -> None:
    """Put under a heading item the list its own paragraphs announce but the source printed at its level (see
    the module docstring), in place: the list's items and everything under them go one level down."""
    k = 0
    while k < len(blocks):
        x = blocks[k]
        if x.type != "item" or not _is_heading(x.text or ""):
            k += 1
            continue
        j = k + 1
        while j < len(blocks) and blocks[j].type == "paragraph":
            j += 1
        if j == k + 1 or j >= len(blocks) or not blocks[j - 1].text.rstrip().endswith(":"):
            k += 1
            continue
        y = blocks[j]
        if y.type != "item" or y.level != x.level or not _first(y.label) or style_rank(y.label) != \
                style_rank(x.label):
            k += 1
            continue
        items = _items(blocks, j, y.level)
        stop = _end(blocks, items[-1])
        for b in blocks[j:stop]:
            if b.type == "item" or b.level:
                b.level += 1
        notes.add("perbaikan", "lampiran-daftar", f"daftar yang diumumkan uraian butir \u201c{x.text}\u201d ditulis "
                  "setingkat butir itu dalam teks sumber; dijadikan rincian butir itu, satu tingkat di bawahnya "
                  "(Lampiran II UU 12/2011).", y.text, block=y)
        k = j


def arrange(blocks: list[Block], notes: Notes) -> list[Block]:
    """The composed Lampiran's lists put in place (:func:`merge_repeated`, :func:`nest_announced`) and numbered
    (:func:`lampiran_labels.relabel`): the blocks as printed."""
    blocks = merge_repeated(blocks, notes)
    nest_announced(blocks, notes)
    lampiran_labels.relabel(blocks)
    return blocks

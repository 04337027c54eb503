"""An item of the draft's Lampiran whose heading ran into its text, told by the paragraph announcing its list (issue 27
item 4: "headings run into their text"; Lampiran II: a heading stands apart from its text).

"Penunjukan dalam Organisasi dapat diklasifikasikan pelaksanaannya dalam penunjukan sebagai individu dan tim kerja
sebagai berikut:" then "1) Penunjukan sebagai Individu Pegawai yang termasuk ..." and "2) Penunjukan sebagai tim
kerja Pejabat Fungsional ...": no capital or repetition tells where "Individu" ends, but the lead names each item.
The last pass of :func:`lampiran._split_headings` (run after it by :mod:`compose`).
"""

from __future__ import annotations

import re

from rancang.generate.draft.lampiran import (
    _HEADING_WORDS,
    _JOINS,
    _RUN_IN_WORDS,
    _STOPS,
    _is_heading,
    one_list,
)
from rancang.parts import Block


def _lead_heads(text: str, lead: str, others: list[str]) -> tuple[str, str] | None:
    """The heading of an item that ran into its text, told by the paragraph announcing its list (``lead``, ending
    ":") and the list's other items: past the words every item opens with ("Penunjukan sebagai"), the heading runs
    as far as the lead names the item ("... dalam penunjukan sebagai individu dan tim kerja sebagai berikut:"),
    and the text goes on with a capital ("Pegawai yang termasuk ...").

    >>> _lead_heads("Penunjukan sebagai Individu Pegawai yang termasuk Pejabat Fungsional wajib melakukan dialog.",
    ...             "dapat diklasifikasikan dalam penunjukan sebagai individu dan tim kerja sebagai berikut:",
    ...             ["Penunjukan sebagai tim kerja Pejabat Fungsional wajib melakukan dialog kinerja dengan pimpinan."])
    ('Penunjukan sebagai Individu', 'Pegawai yang termasuk Pejabat Fungsional wajib melakukan dialog.')
    """
    words = text.split()
    if not others or not lead.rstrip().endswith(":") or text.rstrip()[-1:] != "." or not words[0][:1].isupper():
        return None
    low = [w.lower() for w in words]
    common = len(low)
    for o in others:
        ol = [w.lower() for w in o.split()]
        common = min(common, next((j for j, (a, b) in enumerate(zip(low, ol, strict=False)) if a != b),
                                  min(len(low), len(ol))))
    named = " " + " ".join(re.sub(r"[^\w/ -]", " ", lead.lower()).split()) + " "
    best = None
    for k in range(common + 1, min(_HEADING_WORDS, len(words) - _RUN_IN_WORDS) + 1):
        own, head = " ".join(low[common:k]), words[:k]
        if f" {own} " not in named:
            break  # (the heading's own words, one more each step, are all named by the lead)
        if words[k][:1].isupper() and low[k - 1] not in _JOINS and not any(ch in _STOPS for w in head for ch in w):
            best = k
    return (" ".join(words[:best]), " ".join(words[best:])) if best else None


def split_by_lead(blocks: list[Block], i: int) -> tuple[str, str] | None:
    """:func:`_lead_heads` for ``blocks[i]``, with the paragraph just before its list's first item as the lead,
    taken only when every other item of its list ran its heading in the same way (the lead names each one) or is
    a heading alone: a list of parallel headings, not one item that happens to open with words of the lead."""
    run = one_list(blocks, i)
    prev = blocks[run[0] - 1] if run[0] > 0 else None
    lead = prev.text if prev is not None and prev.type == "paragraph" and prev.text else ""
    if not lead or len(run) < 2:
        return None
    others = [blocks[k].text for k in run if k != i and blocks[k].text]
    mine = _lead_heads(blocks[i].text, lead, others)
    if mine is None:
        return None
    for k, o in enumerate(others):
        if not _is_heading(o) and _lead_heads(o, lead, others[:k] + others[k + 1:] + [blocks[i].text]) is None:
            return None
    return mine


def split(blocks: list[Block]) -> list[Block]:
    """Each item :func:`split_by_lead` splits becomes its heading (the block itself: a note made on it follows it)
    and a paragraph of its text, at the item's level; the rest as they are."""
    found = [split_by_lead(blocks, i) if b.type == "item" and b.text else None for i, b in enumerate(blocks)]
    out: list[Block] = []
    for b, parts in zip(blocks, found, strict=True):  # (read whole before a block changes)
        out.append(b)
        if parts is not None:
            b.text = parts[0]
            out.append(Block(type="paragraph", label=None, level=b.level, text=parts[1]))
    return out

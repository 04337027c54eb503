"""A paragraph of the Lampiran written twice (issue 27 item 3: "no duplicated paragraph").

A base act's Lampiran sometimes carries a paragraph twice under one heading -- the same sentences pasted again,
once with "tim kerja", once with "Tim Kerja" ("Penunjukan dapat dilakukan di dalam unit organisasi atau lintas unit
organisasi. Namun demikian, jika dipandang perlu, ..." after the same two sentences). Read aloud, the second copy
says nothing the first did not: a paragraph whose every sentence was already said since the last heading or item
(compared folded: letter case, spaces and the closing stop aside) is removed and listed; a paragraph that repeats
some of its sentences only is a decision (which copy to keep is the drafter's wording). The same sentence said under
another heading is no repetition: each part of a Lampiran may restate what it needs.
"""

from __future__ import annotations

import re

from rancang.fold import fold
from rancang.generate.draft.notes import Notes
from rancang.parts import Block

#: a sentence ends at ".", "?" or "!" (or ":" closing a lead-in) followed by a space and a capital or a digit
_SENTENCE_END = re.compile(r"(?<=[.:?!])\s+(?=[A-Z0-9(])")
#: a sentence shorter than this (in words) is too common to count as a repetition ("Tahapan Pelaksanaan.")
MIN_WORDS = 5


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph, as written."""
    return [s.strip() for s in _SENTENCE_END.split(" ".join(text.split())) if s.strip()]


def _key(sentence: str) -> str:
    return fold(sentence).lower().rstrip(" .:;")


def _said(sentence: str) -> bool:
    return len(sentence.split()) >= MIN_WORDS


def repeated(blocks: list[Block]) -> list[tuple[int, list[str]]]:
    """(index, its repeated sentences) of each paragraph that repeats a sentence said since the last heading or
    list item; the paragraph is wholly repeated when the list holds all its sentences."""
    out: list[tuple[int, list[str]]] = []
    said: set[str] = set()
    for i, b in enumerate(blocks):
        if b.type != "paragraph":
            said = set()
            continue
        parts = [s for s in sentences(b.text) if _said(s)]
        again = [s for s in parts if _key(s) in said]
        if again:
            out.append((i, again))
        said |= {_key(s) for s in parts}
    return out


def remove(blocks: list[Block], notes: Notes) -> int:
    """Remove each Lampiran paragraph wholly said before under the same heading or item (listed as a repair with
    its text); list a paragraph that repeats part of itself as a decision. Returns the paragraphs removed."""
    gone: set[int] = set()
    for i, again in repeated(blocks):
        b = blocks[i]
        whole = [s for s in sentences(b.text) if _said(s)]
        if len(again) == len(whole) and len(whole) == len(sentences(b.text)):
            gone.add(i)
            kept = next((blocks[k] for k in range(i - 1, -1, -1) if k not in gone), b)  # where the first copy is
            notes.add("perbaikan", "paragraf-ganda", "paragraf ini mengulang kalimat yang sudah tertulis di atasnya "
                      "dalam bagian yang sama; salinannya dihapus.", b.text, block=kept)
        else:
            notes.add("putusan", "paragraf-ganda", f"paragraf ini mengulang {len(again)} kalimat yang sudah tertulis "
                      "di atasnya dalam bagian yang sama; pilih satu rumusan dan hapus yang lain.", again[0], block=b)
    blocks[:] = [b for k, b in enumerate(blocks) if k not in gone]
    return len(gone)

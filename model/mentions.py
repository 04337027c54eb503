"""Role and document mentions per unit, found by the spaCy EntityRuler.

Each unit's own text goes through :func:`rancang.model.pipeline.load_nlp` once; a mention keeps the
canonical id,
the words as printed and its character span, so later rules can ask "which role follows 'kepada' here?".
A role word right after "Peraturan", "Keputusan" ... ("Peraturan Bupati ini") is a title, not a person, and is
dropped (``role_not_after`` in ``cues.json``).
"""

from __future__ import annotations

from dataclasses import dataclass

from rancang.model.clauses import Unit, clean
from rancang.model.pipeline import cues


@dataclass(frozen=True)
class Mention:
    label: str  # ROLE | DOC
    key: str  # canonical id
    text: str  # as printed (markup removed)
    start: int
    end: int


def find_mentions(us: list[Unit], nlp, not_after: list[str]) -> list[list[Mention]]:
    """Mentions of each unit, in unit order."""
    stop = set(not_after)
    stop_before = set(cues()["role_not_before"])
    out: list[list[Mention]] = []
    for doc in nlp.pipe((u.text for u in us), batch_size=256):
        found = []
        for ent in doc.ents:
            if ent.label_ == "ROLE" and (ent.start > 0 and doc[ent.start - 1].lower_ in stop
                                         or ent.end < len(doc) and doc[ent.end].lower_ in stop_before):
                continue  # part of a longer name: "Unit Pelaksana Teknis Daerah" is no Pejabat Pelaksana
            found.append(Mention(ent.label_, ent.ent_id_, clean(ent.text), ent.start_char, ent.end_char))
        out.append(found)
    return out


def before(text: str, m: Mention, n: int = 40) -> str:
    """The lower-case text just before a mention (to test for "kepada", "oleh", "tembusan" ...)."""
    return text[max(0, m.start - n):m.start].lower()

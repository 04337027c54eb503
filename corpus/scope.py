"""The scope of a mechanism, a typed slot of a clause: across or within which unit it works.

A sistem-kerja act writes the same mechanism once per scope: "Mekanisme penunjukan di dalam Unit Organisasi",
"... lintas Unit Organisasi", "... lintas Perangkat Daerah", "... lintas Instansi Pemerintah" (PermenPAN-RB 7/2022
on sistem kerja, the mechanisms of penunjukan and pengajuan sukarela). Their steps are worded alike, so the text
pass of the diff paired "penunjukan lintas instansi" with "penunjukan lintas Unit Organisasi antar Perangkat
Daerah" (0.83): a redline between two scopes means nothing. Two clauses that each open on a scope pair only when
the scopes share a (relation, unit) (:func:`agree`).

The scope words and their relation ("lintas"/"antar": across; "dalam": within) are data
(``corpus/data/align.json`` ``scope_words``). The units are the terms the two acts define (Pasal 1: "Unit
Organisasi", "Perangkat Daerah", "Unit Kerja", "Instansi Pemerintah", "Tim" ...), read from the acts themselves;
a unit an act does not define is the word after "lintas"/"antar" ("lintas instansi"). "Dalam" before any other
word ("dalam pelaksanaan tugas") gives no scope.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from rancang.fold import fold

#: a scope is read where it begins within this many words of a unit: the scope of a mechanism is in its heading or
#: opening words ("Mekanisme penunjukan yang bersifat lintas ..."), not in a clause met later
OPENING = 10

#: the unit of a scope that is one of the units the acts define (their own organisation)
OWN = "*"
_JOIN = frozenset({"dan", "atau"})

Scope = frozenset[tuple[str, str]]


@lru_cache(maxsize=1)
def scope_words() -> dict[str, str]:
    """{folded word: "across" | "within"} (``corpus/data/align.json`` ``scope_words``)."""
    data = json.loads(resources.files("rancang.corpus").joinpath("data/align.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data["scope_words"].items() if not k.startswith("_") and isinstance(v, str)}


@lru_cache(maxsize=1)
def _skip() -> frozenset[str]:
    """Words between a scope word and its unit ("dalam satu Unit Organisasi"): ``scope_words`` ``_between``."""
    data = json.loads(resources.files("rancang.corpus").joinpath("data/align.json").read_text(encoding="utf-8"))
    return frozenset(data["scope_words"]["_between"])


@lru_cache(maxsize=1)
def own_units() -> tuple[str, ...]:
    """The units of a region's own organisation a scope may name though the act defines none of them
    (``scope_words`` ``_own``: "Unit Organisasi", "Unit Kerja", "Perangkat Daerah", "Tim Kerja"; PermenPAN-RB
    7/2022): a short act that defines no unit still scopes "dalam Unit Organisasi" apart from "lintas unit
    organisasi"."""
    data = json.loads(resources.files("rancang.corpus").joinpath("data/align.json").read_text(encoding="utf-8"))
    return tuple(data["scope_words"]["_own"])


@lru_cache(maxsize=1)
def _modes() -> frozenset[tuple[str, ...]]:
    """The units "dalam" names a way of working before, not a scope (``scope_words`` ``_mode``: "dalam tim kerja")."""
    data = json.loads(resources.files("rancang.corpus").joinpath("data/align.json").read_text(encoding="utf-8"))
    return frozenset(tuple(fold(t).split()) for t in data["scope_words"]["_mode"])


def units_named(terms: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    """The defined terms as folded word tuples, longest first (so "unit organisasi" is read before "unit"); a term
    opening on a word of ``scope_words`` ``_other`` ("Instansi Pemerintah") is no unit of the region's own."""
    data = json.loads(resources.files("rancang.corpus").joinpath("data/align.json").read_text(encoding="utf-8"))
    other = frozenset(data["scope_words"]["_other"])
    out = {tuple(fold(t).split()) for t in terms}
    return tuple(sorted((t for t in out if t and t[0] not in other), key=lambda t: (-len(t), t)))


@lru_cache(maxsize=20_000)
def scope(text: str, units: tuple[tuple[str, ...], ...]) -> Scope:
    """The first scope ``text`` opens on: {(relation, unit)} for a chain of scope words, each followed by a unit,
    joined by "dan"/"atau" ("lintas Unit Organisasi antar Perangkat Daerah"); the unit is :data:`OWN` when it is one
    of ``units`` (the organisation the acts define), else the word after "lintas"/"antar" ("instansi"). Empty when
    the opening names no scope.

    >>> sorted(scope("Penunjukan lintas Unit Organisasi dan/atau lintas instansi:", (("unit", "organisasi"),)))
    [('across', '*'), ('across', 'instansi')]
    >>> scope("Dalam pelaksanaan tugas, Pejabat Fungsional memperhatikan arahan", (("unit", "organisasi"),))
    frozenset()
    """
    words = fold(text[:300].replace(",", " dan ")).split()  # a comma lists scopes as "dan" does
    rel, skip = scope_words(), _skip()
    found: set[tuple[str, str]] = set()
    segment: set[tuple[str, str]] = set()  # the scopes of one chain, between two joins
    k = 0
    while k < len(words):
        relation = rel.get(words[k], "")
        at = k + 1
        while relation and at < len(words) and words[at] in skip:
            at += 1
        unit = _unit_at(words, at, units) if relation else None
        if relation == "within" and unit is not None and unit in _modes():
            unit, relation = None, ""  # "dalam tim kerja": the way the task is done, no scope
        if unit is not None or (relation == "across" and at < len(words)):
            segment.add((relation, OWN if unit is not None else words[at]))
            k = at + (len(unit) if unit is not None else 1)
            continue
        found |= _chain(segment)
        segment = set()
        if (found and words[k] not in _JOIN) or (not found and k >= OPENING):
            break
        k += 1
    return frozenset(found | _chain(segment))


def _chain(segment: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """The scope of one chain (scopes with no "dan"/"atau"/"," between them): a chain reaching across another
    instansi is that scope, a team or unit "within" it the way the work is done ("dalam tim kerja lintas instansi
    pemerintah" is work across instansi, not within the region's own units)."""
    if any(rel == "across" and unit != OWN for rel, unit in segment):
        return {(rel, unit) for rel, unit in segment if not (rel == "within" and unit == OWN)}
    return segment


def _unit_at(words: list[str], k: int, units: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
    for u in units:
        if tuple(words[k:k + len(u)]) == u:
            return u
    return None


def agree(a: Scope, b: Scope) -> bool:
    """May two clauses be a pair as far as their scopes go: yes when either names none, or both share one unit
    (the acts' own organisation, or the same other word: "lintas instansi" / "lintas Instansi Pemerintah")."""
    if not (a and b):
        return True
    return bool(a & b)

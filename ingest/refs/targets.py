"""The targets of a reference chain: its items (read outermost first by :mod:`grammar`) turned into
:class:`~rancang.address.Address` values, lists and ranges expanded, within a bound.

    >>> [t.id for t, _ in targets_of("Pasal 5 ayat (2) huruf a", "pasal-9", None)]
    ['pasal-5/ayat-2/huruf-a']
    >>> [t.id for t, _ in targets_of("huruf b dan huruf c", "pasal-9", "pasal-9/ayat-2")]
    ['pasal-9/ayat-2/huruf-b', 'pasal-9/ayat-2/huruf-c']
    >>> [t.cite for t, _ in targets_of("ayat (1) dan ayat (2)", "pasal-9", None)]
    ['Pasal 9 ayat (1)', 'Pasal 9 ayat (2)']
    >>> [t.id for t, _ in targets_of("Pasal 6 sampai dengan Pasal 8", "pasal-9", None)]
    ['pasal-6', 'pasal-7', 'pasal-8']
    >>> [t.id for t, _ in targets_of("ayat (1), (3) dan (4) Pasal 2", "pasal-9", None)]
    ['pasal-2/ayat-1', 'pasal-2/ayat-3', 'pasal-2/ayat-4']
    >>> [t.id for t, _ in targets_of("huruf a s.d. huruf c ayat (2)", "pasal-9", None)]
    ['pasal-9/ayat-2/huruf-a', 'pasal-9/ayat-2/huruf-b', 'pasal-9/ayat-2/huruf-c']
"""

from __future__ import annotations

from rancang.address import Address, Step
from rancang.ingest.refs.grammar import KIND, LEVELS, Item, chains
from rancang.limits import limit
from rancang.numbering import huruf, huruf_value


def targets_of(ref_text: str, pasal_id: str, ayat_id: str | None) -> list[tuple[Address, str]]:
    """(Address, level) targeted by the chains of ``ref_text``, relative to the node's own Pasal and ayat (ids)."""
    out = []
    here = Address.parse(pasal_id), Address.parse(ayat_id) if ayat_id else None
    for _, _, items in chains(ref_text):
        out.extend(expand(items, *here)[0])
    return out


def expand(items: list[Item], pasal: Address, ayat: Address | None) -> tuple[list[tuple[Address, str]], bool]:
    """The (Address, level) targets of one chain, each once, and whether every range of it was expanded.

    A token sets its level and clears the deeper ones; a target is emitted when the next token is not deeper (a
    sibling or an outer level) and at the end of the chain. A chain that starts below Pasal ("ayat (2)",
    "huruf a") is read inside the node's own Pasal (and ayat). Ranges expand to one target per value, all the
    ranges of a chain together to at most ``limits.reference_range`` values ("Pasal 1 sampai dengan Pasal
    9999999999" keeps only its ends, and the chain is not complete)."""
    state: dict[str, Step | None] = {lv: None for lv in LEVELS}
    first = items[0][0]
    if first != "pasal":
        state["pasal"] = pasal.steps[0]
        if first in ("huruf", "angka") and ayat is not None:
            state["ayat"] = ayat.find("ayat")
    out: list[tuple[Address, str]] = []
    budget, complete = limit("reference_range"), True
    prev_level = None
    for level, value, is_range in items:
        depth = LEVELS.index(level)
        if prev_level is not None and depth <= LEVELS.index(prev_level) and not is_range:
            out.append((_id(state), prev_level))
        if is_range and prev_level == level and (step := state[level]) is not None:
            out.append((_id(state), level))
            span = _span(step.number, value, level)
            if span is None or len(span) > budget:
                complete = False
                span = range(0)
            budget -= len(span)
            for mid in span:
                state[level] = Step(KIND[level], huruf(mid) if KIND[level] == "huruf" else str(mid))
                out.append((_id(state), level))
        state[level] = Step(KIND[level], value)
        for deeper in LEVELS[depth + 1:]:
            state[deeper] = None
        prev_level = level
    if prev_level is not None:
        out.append((_id(state), prev_level))
    seen, uniq = set(), []
    for t in out:
        if t[0].id not in seen:
            seen.add(t[0].id)
            uniq.append(t)
    return uniq, complete


def _span(a: str, b: str, level: str) -> range | None:
    """The values strictly between range ends ``a`` and ``b`` (as numbers); None when they cannot be counted
    one by one (a number of ten digits or more)."""
    if KIND[level] == "huruf":
        lo, hi = huruf_value(a), huruf_value(b)
    elif a.isdigit() and b.isdigit() and len(a) <= 9 and len(b) <= 9:
        lo, hi = int(a), int(b)
    elif a.isdigit() and b.isdigit():
        return None
    else:
        return range(0)
    return range(lo + 1, hi)


def _id(state: dict[str, Step | None]) -> Address:
    """The address the levels set so far name: Pasal, then ayat, huruf and angka where given."""
    return Address.of(s for s in state.values() if s is not None)

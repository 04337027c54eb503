"""The shape of a run of clause units: does a unit end a sentence or open a list, which numbering style a list
without printed enumerators takes, and where bare enumerators (printed apart from their text) split the units.
"""

from __future__ import annotations

from bisect import bisect_right

from rancang.ingest import grammar as g
from rancang.ingest.units import (
    Marker,
    Unit,
    continues_reference,
)
from rancang.numbering import huruf


#: a document with at least this many bare enumerator lines in its body is read with the flow rule throughout
def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(".")


def ends_intro(text: str) -> bool:
    return text.rstrip().endswith(":")


def list_style(units: list[Unit], bare: list[Marker], definitions: bool) -> str:
    """The list style of a flow-rule Pasal: from its inline enumerators, else its bare ones, else by kind."""
    for unit in units:
        if unit.marker is not None and unit.marker.style != "ayat":
            return unit.marker.style
    counts: dict[str, int] = {}
    for mk in bare:
        if mk.style != "ayat" and mk.value:
            counts[mk.style] = counts.get(mk.style, 0) + 1
    if counts:
        return max(counts, key=counts.__getitem__)
    return "angka" if definitions else "huruf"


def numbered(style: str, position: int) -> str:
    """The number of the ``position``-th item of a list of ``style`` (a label is only kept where printed)."""
    return huruf(position) if style in ("huruf", "hurufp") else str(position)


def split_at_bare_markers(units: list[Unit], bare: list[tuple[int, Marker]]) -> list[Unit]:
    """Where the line of a detached enumerator falls inside one unit, the unit ends there.

    A clause that lost its closing "." or ";" runs into the next one ("1. Daerah Kota adalah Daerah Kota Bogor"
    / "2." / "Pemerintah Daerah Kota sebagai ..."), but the enumerator printed between them still marks the
    boundary: the unit is cut before the line after it, when that line starts a clause (a capital letter) and the
    line before it does not go on ("... dimaksud dalam" / "Pasal 5")."""
    if not bare:
        return units
    positions = sorted(no for no, _ in bare)
    out: list[Unit] = []
    for unit in units:
        cuts = [i for i in range(1, len(unit.nos))
                if unit.nos[i] - unit.nos[i - 1] > 1 and marker_between(positions, unit.nos[i - 1], unit.nos[i])
                and unit.lines[i][:1].isupper() and not unit.lines[i - 1].rstrip().endswith(",")
                and not g.CONTINUES.search(unit.lines[i - 1]) and not continues_reference(unit.lines[i - 1])]
        if not cuts or unit.quotes or len(unit.nos) != len(unit.lines):
            out.append(unit)
            continue
        start = 0
        for cut in [*cuts, len(unit.lines)]:
            out.append(Unit(unit.marker if start == 0 else None, unit.lines[start:cut], unit.nos[start],
                            nos=unit.nos[start:cut]))
            start = cut
    return out


def marker_between(positions: list[int], lo: int, hi: int) -> bool:
    k = bisect_right(positions, lo)
    return k < len(positions) and positions[k] < hi

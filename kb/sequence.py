"""Publication numbers run in date order: the Lembaran Negara numbers of one year, and the Tambahan numbers through
the years, are given as acts are promulgated (UU 12/2011 Pasal 81-85: the Menteri numbers each act he promulgates).
A number that only an act's own text gives (:data:`rancang.kb.judge.OWN_TEXT_FROM`) and that sits out of that
order among the numbers two sources or a record give is an OCR slip or another act's number (PP 83/2001's text
read "4162", a TLN, as its LN; PP 69/2016's "3" on 29 December), not a verified fact: it stays, unverified.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

#: acts promulgated this close to each other may carry their numbers in either order (a day's acts, a date misread)
WINDOW = timedelta(days=7)
#: neighbours out of order that make a lone own-text number doubtful (one may itself be a slip)
AGAINST = 2
#: an LN this far above every LN two sources give in its year is not of that year's sequence
LN_SLACK = 150


def _day(rec: dict[str, Any]) -> date | None:
    f = rec["facts"].get("tanggal")
    try:
        return date.fromisoformat(str(f["value"])) if f else None
    except ValueError:
        return None


def _sole_own_text(fact: dict[str, Any]) -> bool:
    return fact["status"] == "verified" and fact["agree"] == 1 and fact["sources"][0].startswith("naskah:")


def _robust(fact: dict[str, Any]) -> bool:
    return fact["status"] == "verified" and (fact["agree"] >= 2 or fact["metadata"])


def check_order(records: dict[str, dict[str, Any]]) -> list[str]:
    """Mark every LN and TLN fact that rests on its act's own text alone and lies out of date order (at least
    :data:`AGAINST` acts promulgated :data:`WINDOW` or more before it carry a higher number, or as many after it a
    lower one, or an LN lies :data:`LN_SLACK` above every LN of its year; LN compared within its year) as
    unverified, with ``urutan`` saying so. Returns the keys marked."""
    ln: dict[int, list[tuple[date, int]]] = defaultdict(list)
    tln: list[tuple[date, int]] = []
    for rec in records.values():
        day = _day(rec)
        if day is None:
            continue
        f = rec["facts"].get("ln")
        if f and _robust(f) and f["value"][0] == day.year:
            ln[day.year].append((day, int(f["value"][1])))
        f = rec["facts"].get("tln")
        if f and _robust(f):
            tln.append((day, int(f["value"])))
    marked = []
    for key, rec in records.items():
        day = _day(rec)
        if day is None:
            continue
        for name in ("ln", "tln"):
            f = rec["facts"].get(name)
            if not f or not _sole_own_text(f):
                continue
            number = int(f["value"][1]) if name == "ln" else int(f["value"])
            seen = ln.get(day.year, []) if name == "ln" else tln
            higher_before = sum(1 for d, n in seen if d <= day - WINDOW and n > number)
            lower_after = sum(1 for d, n in seen if d >= day + WINDOW and n < number)
            # (a number far above every one of its year - a TLN read as the LN - has no act after it to contradict)
            beyond = name == "ln" and len(seen) >= AGAINST and number > max(n for _d, n in seen) + LN_SLACK
            if higher_before >= AGAINST or lower_after >= AGAINST or beyond:
                f["status"] = "unverified"
                f["urutan"] = {"lebih_besar_sebelumnya": higher_before, "lebih_kecil_sesudahnya": lower_after}
                marked.append(f"{key}:{name}")
    return marked

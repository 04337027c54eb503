"""Dates a user writes by hand (profiles, letter data): the documented forms, read strictly.

Two forms are documented: ISO ``TTTT-BB-HH`` ("2026-03-02", the form of every profile date) and, in letter data,
the written Indonesian form ("2 Maret 2026"). Both are parsed by :mod:`datetime` (``date.fromisoformat`` and the
``date`` constructor), which refuses a day the calendar does not have ("2026-02-31"). The JSON Schemas name these
checks as formats (``"format": "date"`` for ISO, ``"format": "tanggal"`` for either form), so the one schema
validation of a profile or a letter refuses an impossible date with the field's name (:data:`FORMATS` registers
``tanggal`` with both validators, see :mod:`rancang.schema`).
"""

from __future__ import annotations

import datetime as dt
import re

from rancang.kinds import MONTH_NUMBERS
from rancang.kinds import MONTHS as _MONTHS

#: month names as printed in regulations and letters (Permendagri 1/2023 writes the month in words)
MONTHS = list(_MONTHS)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WRITTEN = re.compile(r"^(?P<d>\d{1,2})\s+(?P<m>[A-Za-z]+)\s+(?P<y>\d{4})$")
#: month word -> number; the old spellings ("Pebruari", "Nopember") are read as input too
_MONTH_NUMBER = MONTH_NUMBERS


def parse(value: object) -> dt.date:
    """The date ``value`` writes: ISO "2026-03-02" or written "2 Maret 2026" (month in any case).

    Raises ValueError for any other text and for a day the calendar does not have.

    >>> parse("2026-03-02"), parse("2 maret 2026")
    (datetime.date(2026, 3, 2), datetime.date(2026, 3, 2))
    >>> parse("2026-02-31")
    Traceback (most recent call last):
    ...
    ValueError: day is out of range for month
    """
    text = " ".join(str(value).split())
    if _ISO.match(text):
        return dt.date.fromisoformat(text)
    m = _WRITTEN.match(text)
    if m and m["m"].lower() in _MONTH_NUMBER:
        return dt.date(int(m["y"]), _MONTH_NUMBER[m["m"].lower()], int(m["d"]))
    raise ValueError(f"not a date: {text!r}")


def written_like_a_date(value: object) -> bool:
    """Whether ``value`` has the shape of a documented date (true of "2026-02-31", false of "kemarin")."""
    text = " ".join(str(value).split())
    m = _WRITTEN.match(text)
    return bool(_ISO.match(text) or (m and m["m"].lower() in _MONTH_NUMBER))


def is_tanggal(value: object) -> bool:
    """The ``tanggal`` format: a non-string passes (the schema's ``type`` speaks for it), a string must
    :func:`parse`."""
    if not isinstance(value, str):
        return True
    try:
        parse(value)
    except ValueError:
        return False
    return True


def written(day: dt.date) -> str:
    """ "2 Maret 2026".

    >>> written(dt.date(2026, 3, 2))
    '2 Maret 2026'
    """
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


#: custom formats of rancang's schemas: name -> check (used by both the Python and the compiled validator)
FORMATS = {"tanggal": is_tanggal}

"""Citations that cannot be as read: OCR slips in a cited act's number or year, which would otherwise enter the
knowledge base as acts of their own ("UU 23/2074 tentang Pemerintahan Daerah", "UU I/2022")."""

from __future__ import annotations

from datetime import date
from typing import Any

#: kinds of national act numbered in plain digits through each year (UU 12/2011 Lampiran II angka 3-4 on the
#: judul: "NOMOR ... TAHUN ...")
_DIGIT_NUMBERED = frozenset({"uu", "perppu", "pp", "perpres", "keppres"})


def misread(a: dict[str, Any], own_year: Any = None) -> bool:
    """A cited act that cannot be as read, so the citation is no witness of anything: one made after the act that
    cites it (PP 56/2018 citing "UU 23/2074") or after this year, or a national act whose number is not digits
    (OCR's "UU I/2022", "UU l/2022" for UU 1/2022).

    >>> misread({"key": "uu-2074-23", "tahun": 2074}, 2018), misread({"key": "uu-2022-i", "tahun": 2022}, 2023)
    (True, True)
    >>> misread({"key": "uu-2014-23", "tahun": 2014}, 2018)
    False
    """
    year = a.get("tahun")
    if isinstance(year, int) and (year > date.today().year or (isinstance(own_year, int) and year > own_year)):
        return True
    kind, _, nomor = str(a.get("key", "")).partition("-")
    nomor = nomor.partition("-")[2]
    return kind in _DIGIT_NUMBERED and bool(nomor) and not nomor.isdigit()

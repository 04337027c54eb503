"""Names of acts: the key the knowledge base files an act under ("pp-2016-18"), the kind of a printed jenis, and an
act named the way a user types it ("PP 18/2016", "Peraturan Pemerintah Nomor 18 Tahun 2016", "pp-2016-18").

The kinds and their abbreviations are data (``data/jenis.json``); a jenis the table does not list (a Peraturan
Menteri of another ministry, a regional act) is keyed by its own words, so that "Peraturan Daerah Kabupaten Bantul
Nomor 5 Tahun 2016" and the Perda of another region with the same number never share a key.

>>> key("Peraturan Pemerintah", "18", 2016), key("Peraturan Daerah Kabupaten Bantul", "5", 2016)
('pp-2016-18', 'peraturan-daerah-kabupaten-bantul-2016-5')
>>> parse_name("PP 18/2016"), parse_name("PermenPAN-RB Nomor 7 Tahun 2022"), parse_name("uu-2014-23")
('pp-2016-18', 'permenpanrb-2022-7', 'uu-2014-23')
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any


@cache
def kinds() -> list[dict[str, Any]]:
    """The kinds of ``data/jenis.json``, longest jenis first (so "Undang-Undang Darurat" wins over
    "Undang-Undang")."""
    data = json.loads(resources.files("rancang.kb").joinpath("data/jenis.json").read_text(encoding="utf-8"))
    return sorted(data["kinds"], key=lambda k: -len(k["jenis"]))


def _slug(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "-", text.lower()).strip("-")


def kind(jenis: str) -> str:
    """The short kind of a printed jenis ("uu", "pp", "permenpanrb"), or the jenis's own words as a slug."""
    words = _slug(jenis)
    for k in kinds():
        if words == _slug(k["jenis"]):
            return str(k["key"])
    return words


def jenis_of(kind_key: str) -> str | None:
    """The printed jenis of a short kind ("pp" -> "Peraturan Pemerintah"); None for a kind the table lacks."""
    return next((str(k["jenis"]) for k in kinds() if k["key"] == kind_key), None)


def key(jenis: str, nomor: str | None, tahun: int | None) -> str:
    """The knowledge base's key of an act: kind, year, number ("uu-2014-23"); the 1945 Constitution is "uud-1945"."""
    k = kind(jenis)
    if k == "uud":
        return "uud-1945"
    return f"{k}-{tahun}-{_slug(str(nomor or ''))}"


_NAMED = re.compile(r"^\s*(?P<jenis>.+?)\s+(?:Nomor\s+|No\.?\s*)?(?P<nomor>[\w.-]+)\s*(?:/|\s+Tahun\s+)"
                    r"(?P<tahun>\d{4})\s*$", re.I)
_KEYED = re.compile(r"^(?P<kind>[a-z0-9-]+)-(?P<tahun>\d{4})-(?P<nomor>[0-9a-z.-]+)$")


def parse_name(text: str) -> str | None:
    """The key of an act named as a user types it: "PP 18/2016", "UU Nomor 23 Tahun 2014", "Peraturan Presiden
    Nomor 95 Tahun 2018", or a key itself; None when ``text`` names no act."""
    text = " ".join(text.split())
    if _KEYED.match(text):
        return text
    m = _NAMED.match(text)
    if not m:
        return None
    typed = m["jenis"]
    for k in kinds():
        if _slug(typed) in [_slug(s) for s in k["short"]] or _slug(typed) == _slug(k["jenis"]):
            return key(str(k["jenis"]), m["nomor"], int(m["tahun"]))
    return key(typed, m["nomor"], int(m["tahun"]))


def display(act_key: str, jenis: str | None = None) -> str:
    """An act's name as printed: "Peraturan Pemerintah Nomor 18 Tahun 2016" (``jenis`` when the key's kind is
    not in the table)."""
    if act_key == "uud-1945":
        return "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945"
    m = _KEYED.match(act_key)
    if not m:
        return act_key
    name = jenis_of(m["kind"]) or jenis or m["kind"]
    return f"{name} Nomor {m['nomor']} Tahun {m['tahun']}"


#: kinds of equal rank for amending: a UU is amended by a UU or by a Perppu (and a Perppu by the UU enacting it)
_SAME_RANK = {"uu": "uu", "perppu": "uu"}
#: rank of the national kinds (UU 12/2011 Pasal 7 ayat (1)); a kind not listed is ranked by equality only
_RANK = {"uu": 1, "perppu": 1, "pp": 2, "perpres": 3, "keppres": 3}


def kind_of_key(act_key: str) -> str:
    """The kind part of a key ("pp" of "pp-2016-18")."""
    return re.sub(r"-\d{4}-[0-9a-z.-]+$", "", act_key)


def may(relation: str, subject: str, other: str) -> bool:
    """May act ``other`` amend (``relation`` "amended_by") or repeal ("repealed_by") act ``subject``, by their
    kinds? An act is amended only by one of its own kind (a UU by a UU or a Perppu), repealed by one of its kind
    or higher (UU 12/2011 Pasal 7; Lampiran II angka 231-232).

    >>> may("amended_by", "pp-2000-143", "uu-2000-18"), may("amended_by", "uu-2014-23", "perppu-2014-2")
    (False, True)
    """
    a, b = kind_of_key(subject), kind_of_key(other)
    if _SAME_RANK.get(a, a) == _SAME_RANK.get(b, b):
        return True
    if relation == "repealed_by" and a in _RANK and b in _RANK:
        return _RANK[b] <= _RANK[a]
    return False

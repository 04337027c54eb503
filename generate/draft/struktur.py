"""The units of organisation a Lampiran names ("Dinas Kesehatan", "UPTD Rumah Susun pada Dinas Perumahan ..."): a
fact about one region (issue 27: "a region's structure is a fact about that region only").

A name is a kind word (``data/struktur.yaml`` kinds) followed by capitalised words, joined by "dan" or a comma,
up to the next kind word or a word in lower case. A name whose words after the kind are all generic ("Sekretariat
Daerah", "Kepala Dinas", "Unit Pelaksana Teknis Dinas") is the kind, not one region's unit. A proper name may stand
in a draft only where the profile lists it (``perangkat_daerah``) or the law gives every region of its kind that
unit (PP 18/2016 Pasal 5; PP 17/2018 Pasal 1 angka 2, the source in the data file).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from rancang.fold import fold
from rancang.generate.shared.resources import read_yaml

FILE = "draft/data/struktur.yaml"


@cache
def data() -> dict[str, Any]:
    """``data/struktur.yaml``: kinds, generic words, the units by law of each kind of region, the blank."""
    return read_yaml(FILE)


@cache
def _kind() -> re.Pattern:
    kinds = sorted(data()["kinds"], key=len, reverse=True)
    return re.compile(r"(?<![\w/-])(?:" + "|".join(r"\s+".join(map(re.escape, k.split())) for k in kinds) + r")\b")


#: a following word of a name: capitalised (an abbreviation, a word with a hyphen), with its comma
_NEXT = re.compile(r"(?P<join>\s+(?:dan|serta)\s+|\s*,\s*|\s+)(?P<word>[A-Z][\w'-]*)")


@dataclass(frozen=True)
class Name:
    """A unit named in a text: its words, where they are (``start``, ``end``), and whether it is one region's unit
    (``proper``) rather than a kind every region has."""

    text: str
    start: int
    end: int
    proper: bool


def names(text: str) -> list[Name]:
    """The units named in ``text``, in order.

    >>> [(n.text, n.proper) for n in names("UPTD Rumah Susun pada Dinas Perumahan dan Permukiman; dan")]
    [('UPTD Rumah Susun', True), ('Dinas Perumahan dan Permukiman', True)]
    >>> [(n.text, n.proper) for n in names("Sekretaris DPRD/Kepala Dinas/Kepala Badan")]
    [('Dinas', False), ('Badan', False)]
    >>> [n.text for n in names("pada Dinas Pendidikan, Dinas Perhubungan, dan Satuan Polisi Pamong Praja")]
    ['Dinas Pendidikan', 'Dinas Perhubungan', 'Satuan Polisi Pamong Praja']
    """
    out: list[Name] = []
    kind = _kind()
    generic, stop = set(data()["generic"]), set(data()["stop"])
    pos = 0
    while (m := kind.search(text, pos)) is not None:
        end, words = m.end(), []
        while (n := _NEXT.match(text, end)) is not None and not kind.match(text, n.start("word")) \
                and n.group("word") not in stop:
            words.append(n.group("word"))
            end = n.end()
        out.append(Name(text[m.start():end], m.start(), end, any(w not in generic for w in words)))
        pos = end
    return out


def _key(name: str) -> str:
    key = " ".join(fold(name).split())
    return key.replace("dewan perwakilan rakyat daerah", "dprd")


class Allowed:
    """Which proper names a draft for a region may print: the profile's perangkat daerah and the units the law
    gives every region of its kind (``law``: only those, for a statement about a unit's structure, which the profile
    does not give)."""

    def __init__(self, listed: list[str], jenis: str, law: bool = False):
        by_law = data()["by_law"]["provinsi" if jenis == "provinsi" else "kabupaten_kota"]
        self.listed = list(listed)
        self.keys = {_key(n) for n in [*([] if law else listed), *by_law["units"]]}
        self.absent = {_key(n) for n in data()["absent"].get(jenis, [])}

    def __call__(self, name: Name) -> bool:
        if _key(name.text) in self.absent:
            return False  # a kind of unit the region's kind has not (a provinsi's Kecamatan)
        return not name.proper or _key(name.text) in self.keys

    def foreign(self, text: str) -> list[Name]:
        """The proper names in ``text`` neither the profile nor the law gives the region."""
        return [n for n in names(text) if not self(n)]


#: what may close a list item that is only a name: its punctuation and conjunction
_TAIL = re.compile(r"[\s;,.:]*(?:\b(?:dan|atau|serta)\b)?[\s;,.:]*$")


def only_names(text: str) -> list[Name] | None:
    """The names of an item that says nothing but them ("Dinas Kesehatan;", "UPTD Pemakaman pada Dinas Perumahan
    dan Permukiman; dan"), or None for an item that says something else.

    >>> [n.text for n in only_names("Dinas Sosial; dan")]
    ['Dinas Sosial']
    >>> only_names("Dinas Sosial menyusun rencana kerja;") is None
    True
    """
    body = _TAIL.sub("", text).strip()
    found = [n for n in names(body) if n.proper]
    if not found:
        return None
    rest = body
    for n in reversed(found):
        rest = rest[:n.start] + rest[n.end:]
    return found if re.fullmatch(r"[\s,]*(?:(?:pada|di|dan|serta|,)\s*)*", rest) else None


def headed(text: str) -> list[Name]:
    """The units ``text`` names as units (proper or a kind every region has), not as an office's ("Kepala Dinas",
    "Sekretaris DPRD": the word before the kind is an office, ``data/struktur.yaml`` offices).

    >>> [n.text for n in headed("Susunan Organisasi pada Inspektorat Daerah:")]
    ['Inspektorat Daerah']
    >>> headed("Tanggung jawab Kepala Dinas meliputi:")
    []
    """
    offices = set(data()["offices"])
    return [n for n in names(text) if (re.split(r"[\s/(]+", text[:n.start].strip()) or [""])[-1] not in offices]


#: a parenthesis: what it holds
_PAREN = re.compile(r"\s*\(([^()]*)\)")


def office_lists(text: str) -> list[re.Match]:
    """The parentheses of ``text`` that list offices or units by "/" ("(Sekretaris DPRD/Kepala Dinas/Kepala Badan/
    Kepala UPT)", "(Kepala Bidang/Sekretaris)"): the source region's own offices named as examples of a role.

    >>> [m.group(0) for m in office_lists("Pimpinan Unit Organisasi (Sekretaris DPRD/Kepala Dinas/Badan)")]
    [' (Sekretaris DPRD/Kepala Dinas/Badan)']
    >>> office_lists("dokumen (fisik/elektronik)")
    []
    """
    words = set(data()["offices"]) | {k.split()[0] for k in data()["kinds"]} | {"Bagian", "Bidang", "Subbagian",
                                                                                 "Seksi", "Unit", "Subbidang"}
    out = []
    for m in _PAREN.finditer(text):
        parts = [p.strip() for p in m.group(1).split("/")]
        if len(parts) >= 2 and all(p.split() and p.split()[0] in words for p in parts):
            out.append(m)
    return out

"""The kinds of act and of region, as data: one vocabulary for every stage (``data/kinds.json``).

Each kind of act (UU, Perppu, PP, Perpres, Permen, Perda, Peraturan Gubernur/Bupati/Wali Kota, Keputusan and
Instruksi of each head) names its body unit (Pasal, or diktum KESATU, KEDUA ...), its gazette (Lembaran/Berita
Negara for national acts, UU 12/2011 Pasal 82-84; Lembaran/Berita Daerah for regional ones, Pasal 86; none for a
Keputusan, which is not promulgated), when it takes effect and who makes it. Each kind of region names its head
(Provinsi -> Gubernur, Kabupaten -> Bupati, Kota -> Wali Kota; UU 23/2014 Pasal 59 ayat (2)). The reader, the
schema, the addresses, the writers, the checks and the drafts ask here instead of spelling the words themselves;
``docs/kinds.md`` shows how a new kind is added.

    >>> of("Peraturan Bupati").body_unit, of("Keputusan Bupati").body_unit, of("Keputusan Walikota").id
    ('pasal', 'diktum', 'kepwal')
    >>> of("Peraturan Menteri Komunikasi dan Informatika").gazette, of("Peraturan Pemerintah").tambahan
    ('Berita Negara Republik Indonesia', 'Tambahan Lembaran Negara Republik Indonesia')
    >>> gazette_name(of("Peraturan Gubernur"), "Provinsi Jawa Tengah")
    'Berita Daerah Provinsi Jawa Tengah'
    >>> head("provinsi"), head("kota"), region_of_head("Walikota")
    ('Gubernur', 'Wali Kota', 'kota')
    >>> month_number("Pebruari"), month_number("nopember"), MONTHS[10]
    (2, 11, 'November')
    >>> diktum_heading().match("KEDUA BELAS : Keputusan ini mulai berlaku pada tanggal ditetapkan.").group("num")
    'KEDUA BELAS'
    >>> diktum_value("KETIGA"), diktum_word(12)
    (3, 'KEDUA BELAS')
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any

from rancang.fold import fold
from rancang.numbering import MAX_ORDINAL, ordinal, ordinal_value


class NodeType(StrEnum):
    """Every type of node of the batang tubuh (``schema/regulation.schema.json`` ``node.type``), outermost first."""

    BAB = "bab"
    BAGIAN = "bagian"
    PARAGRAF = "paragraf"
    PASAL = "pasal"
    DIKTUM = "diktum"
    AYAT = "ayat"
    HURUF = "huruf"
    ANGKA = "angka"
    ITEM = "item"
    TEXT = "text"
    PERUBAHAN = "perubahan"


#: the containers that group body units (BAB, Bagian, Paragraf)
CONTAINERS = (NodeType.BAB, NodeType.BAGIAN, NodeType.PARAGRAF)
#: the body units a kind of act is built of: Pasal (a regulation) or diktum (a Keputusan, an Instruksi)
BODY_UNITS = (NodeType.PASAL, NodeType.DIKTUM)
#: the list items inside a unit
LIST_TYPES = (NodeType.HURUF, NodeType.ANGKA, NodeType.ITEM)
#: the node types as plain strings, in schema order
NODE_TYPES = tuple(t.value for t in NodeType)

#: the number of a Pasal as printed: "7", "7A" (inserted by an amendment), "I"/"II" (the Pasal of an amending act)
PASAL_NUMBER = r"\d+[A-Z]?|[IVXLC]+"
#: a Pasal heading standing alone on its line: "Pasal 7", "PASAL 7", "Pasal 7." (UU 12/2011 Lampiran II angka 98)
PASAL = re.compile(rf"^(?:Pasal|PASAL)\s+(?P<num>{PASAL_NUMBER})\s*[.:]?\s*$")

_DIKTUM_WORDS = sorted({ordinal(k).upper() for k in range(1, MAX_ORDINAL + 1)} | {"PERTAMA"}, key=len, reverse=True)
#: the ordinal of a diktum as printed, upper case: "KESATU", "KEDUA BELAS" ("PERTAMA" in older Keputusan)
DIKTUM_NUMBER = "|".join(w.replace(" ", r"\s+") for w in _DIKTUM_WORDS)


@cache
def diktum_heading() -> re.Pattern[str]:
    """A diktum heading at the start of a line, with or without its text: "KESATU : Membentuk ...", "KEDUA",
    "KETIGA." (Permendagri 80/2015 Lampiran, bentuk Keputusan Kepala Daerah); groups ``num``, ``colon``, ``rest``.
    Compiled on first use: the alternation of every ordinal takes 2 ms to compile, which a text without a diktum
    and a draft never need (issue 33, start-up)."""
    return re.compile(rf"^(?P<num>{DIKTUM_NUMBER})(?![\w-])\s*(?P<colon>[:.])?\s*(?P<rest>.*)$")


def diktum_value(word: str) -> int:
    """"KETIGA" -> 3, "KEDUA BELAS" -> 12, "PERTAMA" -> 1 (any case); 0 when ``word`` is no ordinal."""
    return ordinal_value(word)


def diktum_word(n: int) -> str:
    """The ``n``-th diktum as printed: 1 -> "KESATU", 12 -> "KEDUA BELAS". Raises ValueError outside 1..99."""
    return ordinal(n).upper()


@dataclass(frozen=True, slots=True)
class Region:
    """A kind of region: its key ("kabupaten"), its tier (1 for a provinsi, 2 for a kabupaten or kota: UU 23/2014
    Pasal 2), the word before its name ("Kabupaten"), its head's office ("Bupati"), every spelling of that office
    ("Wali Kota", "Walikota") and old spellings of the word ("Propinsi")."""

    key: str
    level: int
    word: str
    head: str
    spellings: tuple[str, ...]
    old_words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of act. ``name`` is the jenis as printed in title case ("Peraturan Bupati"), ``spellings`` the other
    names it goes by ("Peraturan Walikota", "Qanun"); ``level`` "nasional" or "daerah" and ``regions`` the kinds of
    region that make it; ``body_unit`` "pasal" or "diktum"; ``decision`` the word before the body ("MEMUTUSKAN",
    "MENGINSTRUKSIKAN"); ``legislature`` whether it is formed with the DPR/DPRD ("Dengan Persetujuan Bersama");
    ``gazette`` where it is promulgated ("Lembaran Negara Republik Indonesia", "Berita Daerah"; None: not
    promulgated) and ``tambahan`` where its Penjelasan is; ``berlaku`` the event it takes effect on ("diundangkan",
    "ditetapkan", "dikeluarkan"); ``maker`` the national maker's office ("Presiden Republik Indonesia")."""

    id: str
    name: str
    short: str
    level: str
    body_unit: str
    decision: str
    legislature: bool
    gazette: str | None
    tambahan: str | None
    berlaku: str
    penjelasan: bool
    spellings: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    maker: str | None = None
    abbreviations: tuple[str, ...] = ()  # other short forms a drafter types ("Perwal"): read by search only

    @property
    def promulgated(self) -> bool:
        """Is the act diundangkan (placed in a gazette)? A Keputusan and an Instruksi are not."""
        return self.gazette is not None

    @property
    def parts(self) -> tuple[str, ...]:
        """The parts of the act in order (UU 12/2011 Lampiran II; Permendagri 80/2015 Lampiran): judul, pembukaan,
        the batang tubuh (or the diktum of a Keputusan), penutup, Penjelasan where the kind has one, Lampiran."""
        body = "batang_tubuh" if self.body_unit == "pasal" else "diktum"
        return ("judul", "pembukaan", body, "penutup", *(("penjelasan",) if self.penjelasan else ()), "lampiran")

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the kind goes by, its own first."""
        return (self.name, *self.spellings)


@cache
def _data() -> dict[str, Any]:
    return json.loads(resources.files("rancang").joinpath("data/kinds.json").read_text(encoding="utf-8"))


@cache
def kinds() -> dict[str, Kind]:
    """Every kind of act: id -> :class:`Kind`, in the order of the data file."""
    out = {}
    for key, d in _data()["kinds"].items():
        out[key] = Kind(id=key, name=d["name"], short=d["short"], level=d["level"], body_unit=d["body_unit"],
                        decision=d["decision"], legislature=bool(d["legislature"]), gazette=d.get("gazette"),
                        tambahan=d.get("tambahan"), berlaku=d["berlaku"], penjelasan=bool(d.get("penjelasan")),
                        spellings=tuple(d.get("spellings") or ()), regions=tuple(d.get("regions") or ()),
                        maker=d.get("maker"), abbreviations=tuple(d.get("abbreviations") or ()))
    return out


@cache
def regions() -> dict[str, Region]:
    """Every kind of region: key ("provinsi", "kabupaten", "kota") -> :class:`Region`."""
    return {k: Region(key=k, level=int(d["level"]), word=d["word"], head=d["head"], spellings=tuple(d["spellings"]),
                      old_words=tuple(d.get("old_words") or ()))
            for k, d in _data()["regions"].items()}


@cache
def _by_name() -> list[tuple[str, Kind]]:
    """(folded name, kind), longest name first: "peraturan pemerintah pengganti undang-undang" before "peraturan
    pemerintah"."""
    pairs = [(fold(n), k) for k in kinds().values() for n in k.names]
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


def of(jenis: str | None) -> Kind | None:
    """The kind an act's jenis names ("Peraturan Bupati", "PERATURAN MENTERI KOMUNIKASI ...", "Qanun",
    "Keputusan Walikota"), any case and spacing; None for a jenis no kind has ("Surat Edaran") or None."""
    if not jenis:
        return None
    j = fold(jenis)
    for name, k in _by_name():
        if j == name or j.startswith(name + " "):
            return k
    return None


@cache
def title_pattern() -> str:
    """A regular expression (no groups) for the jenis of every kind as a judul prints it, upper case, longest
    first ("PERATURAN PEMERINTAH PENGGANTI UNDANG-UNDANG" before "PERATURAN PEMERINTAH"), any spacing of "WALI
    KOTA": the reader's judul pattern (:data:`rancang.ingest.grammar.JENIS`) is built from it, so a kind added to
    the data file is read without touching the reader."""
    spelled = set()
    for k in kinds().values():
        for name in k.names:
            words = [re.escape(w) for w in name.upper().replace("WALIKOTA", "WALI KOTA").split()]
            spelled.add(r"\s+".join(words).replace(r"WALI\s+KOTA", r"WALI\s*KOTA"))
    return "|".join(sorted(spelled, key=len, reverse=True))


@cache
def decision_pattern() -> str:
    """A regular expression (no groups) for the word that opens the body of every kind, letter-spaced or not:
    "MEMUTUSKAN", "M E M U T U S K A N", "MENGINSTRUKSIKAN" (use with re.I)."""
    words = {k.decision for k in kinds().values()}
    return "|".join(r"\s*".join(word) for word in sorted(words, key=len, reverse=True))


def body_unit(jenis: str | None) -> str:
    """The body unit of the act ``jenis`` names: "diktum" for a Keputusan or Instruksi, else "pasal"."""
    k = of(jenis)
    return k.body_unit if k is not None else "pasal"


def head(region_kind: str | None) -> str | None:
    """The office heading a kind of region: "provinsi" -> "Gubernur", "kabupaten" -> "Bupati", "kota" -> "Wali
    Kota"; None for another (a national act)."""
    r = regions().get(region_kind or "")
    return r.head if r is not None else None


def region_of_head(office: str | None) -> str | None:
    """The kind of region an office heads ("Bupati" -> "kabupaten", "Pj. Wali Kota" -> "kota", "WALIKOTA" ->
    "kota"); None when ``office`` is no region's head."""
    o = fold(strip_acting(office or ""))
    for r in regions().values():
        if any(o == fold(s) or o.startswith(fold(s) + " ") for s in r.spellings):
            return r.key
    return None


def acting_prefixes() -> dict[str, tuple[str, ...]]:
    """The acting prefixes an office may carry, as printed ("Pj.", "Plt.", "Plh.") -> the words read as each."""
    return {k: tuple(v) for k, v in _data()["acting"].items()}


@cache
def _acting() -> re.Pattern[str]:
    words = [re.escape(w).replace(r"\ ", r"\s+") for k, v in acting_prefixes().items() for w in (k, *v)]
    return re.compile(rf"^(?:{'|'.join(sorted(words, key=len, reverse=True))})\.?\s+", re.I)


def strip_acting(office: str) -> str:
    """The office without its acting prefix: "Pj. Bupati Sleman" -> "Bupati Sleman"."""
    return _acting().sub("", office.strip())


def heads_pattern() -> str:
    """A regular expression (no groups) matching every region head's office as printed, any spacing of "Wali
    Kota": ``Bupati|Wali\\s*Kota|Gubernur`` (use with re.I where the text may be upper case)."""
    words = {s.replace(" ", "") for r in regions().values() for s in r.spellings}
    return "|".join(sorted((re.sub(r"(?<=[a-z])(?=K)", r"\\s*", w) for w in words), key=len, reverse=True))


def gazette_name(kind: Kind, daerah: str | None = None) -> str | None:
    """Where ``kind`` is promulgated, in full: "Berita Negara Republik Indonesia", "Berita Daerah Kabupaten Sleman"
    (``daerah`` is the region's name with its word, "Kabupaten Sleman"); None for an act that is not promulgated."""
    if kind.gazette is None:
        return None
    if kind.level == "daerah" and daerah:
        return f"{kind.gazette} {daerah}"
    return kind.gazette


@cache
def _months() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(m) for m in _data()["months"])


#: the month names as printed today (Permendagri 1/2023 writes the month in words), January first
MONTHS: tuple[str, ...] = tuple(m[0] for m in _months())
#: every spelling a text may use, lower case -> month number ("pebruari" -> 2, "nopember" -> 11)
MONTH_NUMBERS: dict[str, int] = {s.lower(): i for i, names in enumerate(_months(), 1) for s in names}


def month_number(word: str) -> int:
    """The month a word names, in any case and either spelling ("Februari"/"Pebruari"); 0 for another word."""
    return MONTH_NUMBERS.get(word.lower(), 0)


def data() -> dict[str, Any]:
    """The raw data file (``data/kinds.json``), for the schema tests and the docs."""
    return _data()

"""What a search query asks for: words (each found with its word family), exact phrases in quotes, and an act
named by "jenis nomor tahun" in any common form.

>>> q = parse_text('penugasan "sistem kerja" perbup 17/2024')
>>> q.words, q.phrases, (q.act.kind, q.act.nomor, q.act.tahun)
(['penugasan'], [['sistem', 'kerja']], ('perbup', '17', 2024))
>>> a = parse_text("peraturan bupati nomor 17 tahun 2024").act
>>> (a.kind, a.nomor, a.tahun)
('perbup', '17', 2024)
>>> parse_text("PP 18/2016").act.kind, parse_text("pasal 17 2024").act
('pp', None)

A Pasal named with an act ("pasal 17 perbup jepara", "Pasal 5 ayat (2) Perbup 17/2024") asks for that Pasal (or
ayat) of that act, as ``corpus show ID --cite`` shows it: the act by its number, or by its kind and/or region (the
region's words are read against the store by :mod:`.search`).

>>> q = parse_text("pasal 17 perbup jepara")
>>> q.cite, q.kind, q.words
('Pasal 17', 'perbup', ['jepara'])
>>> q = parse_text("Pasal 5 ayat (2) Perbup 17/2024")
>>> q.cite, q.act.nomor, q.words
('Pasal 5 ayat (2)', '17', [])
>>> parse_text("pasal penugasan").cite is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from rancang import kinds
from rancang.errors import InputError
from rancang.fold import fold

#: quotation marks that open and close an exact phrase (straight and typographic)
_PHRASE = re.compile(r"[\"“”„«»]([^\"“”„«»]*)[\"“”„«»]")
#: "pasal 17", "pasal 17a ayat 2" (folded: "ayat (2)" is "ayat 2")
_PASAL = re.compile(r"(?:^|\s)pasal\s+(?P<pasal>\d+[a-z]?)(?:\s+ayat\s+(?P<ayat>\d+))?(?=\s|$)")


@dataclass(frozen=True)
class ActRef:
    """An act named in the query: kind id ("perbup"; None when only "nomor ... tahun" is given), nomor, tahun."""

    kind: str | None
    nomor: str
    tahun: int


@dataclass
class Query:
    """A parsed query: folded ``words`` (matched with their family), ``phrases`` (folded word lists matched
    exactly, in order), ``act`` (an act reference or None), ``corrections`` (typed word -> vocabulary word, filled
    by the search when a word is not in the index)."""

    words: list[str] = field(default_factory=list)
    phrases: list[list[str]] = field(default_factory=list)
    act: ActRef | None = None
    corrections: dict[str, str] = field(default_factory=dict)
    #: a Pasal (or ayat) the query names ("Pasal 17", "Pasal 5 ayat (2)"), with ``kind`` (an act's kind named
    #: without its number: "perbup") the act it is asked of
    cite: str | None = None
    kind: str | None = None
    #: the stored acts ``cite`` is asked of (filled against the store by :func:`.search.parse`); None: none named
    regs: list[str] | None = None


@cache
def _act_pattern() -> re.Pattern[str]:
    """The folded "jenis nomor tahun" of every kind in kinds.json: its name, other spellings and short form
    ("peraturan bupati", "perbup"), then "nomor"/"no" (optional), the number, "tahun" (optional), the year."""
    names = {fold(n): k.id for k in kinds.kinds().values() for n in (*k.names, k.short, *k.abbreviations)}
    _KIND_BY_NAME.update(names)
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?:^|\s)(?:(?P<kind>{alts})\s+)?(?P<no>nomor\s+|no\s+)?(?P<nomor>\d+[a-z]?)\s+"
                      r"(?:tahun\s+)?(?P<tahun>(?:19|20)\d\d)(?=\s|$)")


_KIND_BY_NAME: dict[str, str] = {}
#: "5/23", "17 / 2024": a number over a year is how an act is cited by number ("Perwal 5/23", "PP 18/2016"); read
#: before folding, which turns the slash into a space
_SLASHED = re.compile(r"(?:(?<!\w)(?:nomor|no)\b\.?\s*)?(?<![\w/])(\d{1,4}[a-z]?)\s*/\s*(\d{4}|\d{2})(?![\w/])",
                      re.I)
#: "tahun 23": a two-digit year after the word tahun
_SHORT_YEAR = re.compile(r"(?<=\btahun )(\d{2})(?!\w)")


def full_year(yy: str, today: date | None = None) -> str:
    """A year as typed: four digits as they are; two digits ("23") the latest year ending so that is not in the
    future (2023; "98" is 1998).

    >>> full_year("23", date(2026, 1, 1)), full_year("98", date(2026, 1, 1)), full_year("2016")
    ('2023', '1998', '2016')
    """
    if len(yy) != 2:
        return yy
    now = (today or date.today()).year
    year = now // 100 * 100 + int(yy)
    return str(year if year <= now else year - 100)


def _numbered(query: str) -> str:
    """``query`` with every "N/YY" or "N/YYYY" written as "nomor N tahun YYYY", and every "tahun YY" as "tahun
    YYYY": the slash is the number-and-year form of a citation, read as one even with no jenis ("5/23")."""
    query = _SLASHED.sub(lambda m: f" nomor {m.group(1)} tahun {full_year(m.group(2))} ", query)
    return _SHORT_YEAR.sub(lambda m: full_year(m.group(1)), query)


def parse_text(query: str) -> Query:
    """The :class:`Query` of ``query``. An act reference needs a jenis or the word "nomor" ("17 2024" alone is two
    search words). Raises InputError when nothing is left to search for."""
    q = Query()
    for phrase in _PHRASE.finditer(query):
        ws = fold(phrase.group(1)).split()
        if ws:
            q.phrases.append(ws)
    rest = _numbered(fold(_numbered(_PHRASE.sub(" ", query))))
    m = _act_pattern().search(rest)
    if m and (m.group("kind") or m.group("no")):
        kind = _KIND_BY_NAME.get(m.group("kind") or "")
        q.act = ActRef(kind, m.group("nomor"), int(m.group("tahun")))
        rest = rest[:m.start()] + " " + rest[m.end():]
    p = _PASAL.search(rest)
    if p:
        q.cite = f"Pasal {p.group('pasal').upper()}" + (f" ayat ({p.group('ayat')})" if p.group("ayat") else "")
        rest = rest[:p.start()] + " " + rest[p.end():]
        if not (q.act and q.act.kind):
            rest, q.kind = _kind_named(rest)
    q.words = rest.split()
    if not (q.words or q.phrases or q.act or q.cite):
        raise InputError("kata pencarian kosong; tuliskan paling sedikit satu kata.")
    return q


def _kind_named(rest: str) -> tuple[str, str | None]:
    """``rest`` without the first kind of act it names by any of its names ("peraturan bupati", "perbup"), and
    that kind's id (None when it names none)."""
    _act_pattern()  # fills _KIND_BY_NAME
    for name in sorted(_KIND_BY_NAME, key=len, reverse=True):
        m = re.search(rf"(?:^|\s){re.escape(name)}(?=\s|$)", rest)
        if m:
            return rest[:m.start()] + " " + rest[m.end():], _KIND_BY_NAME[name]
    return rest, None

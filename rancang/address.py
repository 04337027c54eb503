"""The legal address of a clause: its id ("pasal-4/ayat-2/huruf-a") and its cite ("Pasal 4 ayat (2) huruf a").

One :class:`Address` is a path of steps (kind, number); the id and the cite are two spellings of it. Every stage
builds and reads addresses here: ingest numbers the tree with :func:`number_tree`, references point to
addresses, the draft renumbers with the same function, and the store, the diff and search ask
:meth:`Address.covers` whether one clause lies inside another.

The rules of the JSON contract (``schema/regulation.schema.json``), as the gold trees hold them:

- a Pasal of the act stands alone ("pasal-12"), not under its BAB, because Pasal numbers run through the act;
  BAB, Bagian and Paragraf nest ("bab-II/bagian-kedua-belas/paragraf-1");
- the quoted new text of an amendment nests under its instruction, ``perubahan``: "pasal-I/angka-1/perubahan/
  pasal-5/ayat-2", cited "Pasal I angka 1: Pasal 5 ayat (2)";
- trailing prose after a list is a ``text`` step cited as its parent ("pasal-26/text-1", "Pasal 26");
- a second sibling with the same id gets "~2" ("pasal-4/ayat-2~2"), the cite stays;
- Lampiran and Penjelasan blocks are numbered in order ("lampiran-12", "penjelasan-3").

    >>> a = Address.parse("pasal-4/ayat-2/huruf-a")
    >>> a.cite, a.parent.id, a.parent.cite
    ('Pasal 4 ayat (2) huruf a', 'pasal-4/ayat-2', 'Pasal 4 ayat (2)')
    >>> Address.parse("pasal-4").covers(a), a.covers(Address.parse("pasal-4")), a.covers(a)
    (True, False, True)
    >>> Address.parse("pasal-4").covers(Address.parse("pasal-40"))
    False
    >>> Address.from_cite("BAB II Bagian Kedua Belas Paragraf 1").id
    'bab-II/bagian-kedua-belas/paragraf-1'
    >>> q = Address.from_cite("Pasal I angka 1: Pasal 5 ayat (2)")
    >>> q.id, q.cite, q.parent.parent.cite
    ('pasal-I/angka-1/perubahan/pasal-5/ayat-2', 'Pasal I angka 1: Pasal 5 ayat (2)', 'Pasal I angka 1 (perubahan)')
    >>> Address.parse("pasal-4/ayat-2~2").cite, Address.parse("pasal-26/text-1").cite
    ('Pasal 4 ayat (2)', 'Pasal 26')
    >>> d = Address.from_cite("Diktum KEDUA BELAS huruf a")
    >>> d.id, Address.parse(d.id).cite
    ('diktum-kedua-belas/huruf-a', 'Diktum KEDUA BELAS huruf a')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from typing import NamedTuple, Protocol

from rancang.kinds import DIKTUM_NUMBER, NODE_TYPES, PASAL_NUMBER
from rancang.numbering import ORDINAL_PATTERN, ordinal, ordinal_slug, ordinal_value

#: every kind of step, and the word a cite prints before its number
KINDS = (*NODE_TYPES, "lampiran", "penjelasan")
_WORDS = {"bab": "BAB", "bagian": "Bagian", "paragraf": "Paragraf", "pasal": "Pasal", "diktum": "Diktum",
          "ayat": "ayat", "huruf": "huruf", "angka": "angka", "lampiran": "Lampiran", "penjelasan": "Penjelasan"}
#: kinds whose id spells the number in lower case with hyphens ("bagian-kedua-belas", "diktum-kesatu")
_SLUGGED = frozenset({"bagian", "paragraf", "diktum"})
#: the body units of an act, each of which starts a path of its own (their numbers run through the act)
_UNITS = frozenset({"bab", "pasal", "diktum"})


class Step(NamedTuple):
    """One step of an address: its kind, its number as printed ("Kedua Belas", "2", "a"; "" for perubahan) and
    its rank among siblings with the same id (1, or 2 for "~2")."""

    kind: str
    number: str
    dup: int = 1


class Address:
    """A clause's place in a regulation; immutable, equal when the ids are equal.

    Build one with :meth:`parse` (an id), :meth:`from_cite` (a cite) or :meth:`child` (one step down from a
    parent; :data:`ROOT` is the empty address). ``.id`` and ``.cite`` are computed once, at construction."""

    __slots__ = ("steps", "id", "cite", "quoted")

    steps: tuple[Step, ...]
    id: str
    cite: str
    quoted: bool

    def __init__(self, steps: tuple[Step, ...] = (), id: str = "", cite: str = "", quoted: bool = False) -> None:
        object.__setattr__(self, "steps", steps)
        object.__setattr__(self, "id", id)
        object.__setattr__(self, "cite", cite)
        object.__setattr__(self, "quoted", quoted)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Address is immutable")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Address) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)

    def __repr__(self) -> str:
        return f"Address({self.id!r})"

    def __bool__(self) -> bool:
        return bool(self.steps)

    # ------------------------------------------------------------------------------------------- building

    def child(self, kind: str, number: str, dup: int = 1) -> Address:
        """The address one step below this one. A Pasal or BAB of the act itself starts a new path (its id is
        not nested); inside a ``perubahan`` everything nests. Raises ValueError for an unknown kind."""
        if kind not in KINDS:
            raise ValueError(f"unknown address step {kind!r}")
        step = Step(kind, number, dup)
        part = _part(step, self.quoted)
        fresh = not self.steps or (kind in _UNITS and not self.quoted)
        steps = (step,) if fresh else self.steps + (step,)
        ident = part if fresh else f"{self.id}/{part}"
        last = self.steps[-1].kind if self.steps else ""
        # the children of a perubahan cite from its instruction: "Pasal I angka 1: Pasal 5"
        base = self.cite.removesuffix(" (perubahan)") + ":" if last == "perubahan" else self.cite
        if kind == "perubahan":
            cite = f"{self.cite} (perubahan)"
        elif kind == "text":
            cite = base
        elif kind == "bab" or (kind in _UNITS and not self.quoted) or kind in ("lampiran", "penjelasan"):
            cite = f"{_WORDS[kind]} {number}" if kind in _UNITS else _WORDS[kind]
        else:
            cite = f"{base} {_word(kind, number)} {f'({number})' if kind == 'ayat' else number}".strip()
        return Address(steps, ident, cite, self.quoted or kind == "perubahan")

    @classmethod
    def of(cls, steps: Iterable[tuple[str, str] | Step]) -> Address:
        """The address of these (kind, number[, dup]) steps, outermost first (the same steps are read once)."""
        key = tuple(steps)
        if cls is Address:
            try:
                return _built(key)
            except TypeError:  # a step that is not hashable (a list): built below, not kept
                pass
        return _build(key)

    @classmethod
    def parse(cls, ident: str) -> Address:
        """The address of an id: "pasal-4/ayat-2~2/huruf-a", "bab-II/bagian-kedua-belas", "lampiran-12".

        Raises ValueError when a part names no known kind (``Address.parse("foo-1")``). An id is read once: the
        same ids recur in every act ("pasal-1/ayat-2"), and an Address never changes (issue 33)."""
        if cls is not Address:
            return cls._parse(ident)
        return _parsed(ident)

    @classmethod
    def _parse(cls, ident: str) -> Address:
        steps = []
        for part in ident.split("/"):
            kind, _, rest = part.partition("-")
            number, _, dup = rest.partition("~")
            if kind not in KINDS:
                raise ValueError(f"not an address: {ident!r}")
            if kind == "bagian":
                words, insert = number.replace("-", " "), ""
                if len(words) > 2 and words[-2] == " " and words[-1].isalpha():  # "kesatu-a": Bagian Kesatu A
                    words, insert = words[:-2], " " + words[-1].upper()
                v = ordinal_value(words)
                number = ordinal(v) + insert if v else number.replace("-", " ")
            elif kind == "bab":
                number = number.upper()
            elif kind == "diktum":
                number = number.replace("-", " ").upper()   # "kedua-belas" -> "KEDUA BELAS", as printed
            steps.append(Step(kind, number, int(dup) if dup.isdigit() else 1))
        return cls.of(steps)

    @classmethod
    def from_cite(cls, text: str) -> Address:
        """The address a cite names: "Pasal 4 ayat (2) huruf a", "BAB II Bagian Kesatu", "Pasal I angka 1:
        Pasal 5". Keywords in any case. Raises ValueError for text that is not a whole cite."""
        steps: list[tuple[str, str]] = []
        pos, text = 0, text.strip()
        while pos < len(text):
            m = _cite_token().match(text, pos)
            if m is None or m.end() == pos:
                raise ValueError(f"not a cite: {text!r}")
            kind = m.lastgroup or ""
            if kind in ("perubahan", "colon"):
                steps.append(("perubahan", ""))
            else:
                number = " ".join(m.group(kind).split())
                if kind == "bagian":
                    number = ordinal(ordinal_value(number))
                elif kind == "diktum":
                    number = number.upper()
                steps.append((kind, number))
            pos = m.end()
        if not steps:
            raise ValueError(f"not a cite: {text!r}")
        return cls.of(steps)

    # ------------------------------------------------------------------------------------------- reading

    @property
    def parent(self) -> Address | None:
        """The address one step up ("pasal-4/ayat-2" -> "pasal-4"); None for a first step ("pasal-4", "bab-I",
        "lampiran-3")."""
        return Address.of(self.steps[:-1]) if len(self.steps) > 1 else None

    @property
    def kind(self) -> str:
        """The kind of the last step ("ayat" for "pasal-4/ayat-2"); "" for :data:`ROOT`."""
        return self.steps[-1].kind if self.steps else ""

    @property
    def number(self) -> str:
        """The number of the last step, as printed ("2", "Kedua Belas")."""
        return self.steps[-1].number if self.steps else ""

    def find(self, kind: str) -> Step | None:
        """The innermost step of ``kind`` ("ayat" of "pasal-4/ayat-2/huruf-a" is Step("ayat", "2")), or None."""
        return next((s for s in reversed(self.steps) if s.kind == kind), None)

    def covers(self, other: Address | str) -> bool:
        """Is ``other`` (an Address or an id) this clause or inside it? ("pasal-4" covers "pasal-4/ayat-2", not
        "pasal-40")."""
        return covers(self.id, other if isinstance(other, str) else other.id)


ROOT = Address()


def covers(outer: str, inner: str) -> bool:
    """:meth:`Address.covers` on two ids, without parsing them (for the store's SQL and tight loops)."""
    return inner == outer or inner.startswith(outer + "/")


@cache
def _cite_token() -> re.Pattern[str]:
    """One token of a cite, as :meth:`Address.child` prints them. Compiled on first use: 3 ms of every start-up
    (the ordinals of Bagian and diktum), which reading a text or writing a draft never needs (issue 33)."""
    return re.compile(rf"""\s*(?:
      BAB \s+ (?P<bab>[IVXLCDM]+)\b                     # BAB IV
    | Bagian \s+ (?P<bagian>{ORDINAL_PATTERN})           # Bagian Kedua Belas
    | Paragraf \s+ (?P<paragraf>\d+)\b                  # Paragraf 2
    | Pasal \s+ (?P<pasal>{PASAL_NUMBER})\b              # Pasal 7A, Pasal II of an amending act
    | Diktum \s+ (?P<diktum>{DIKTUM_NUMBER})(?![\w-])   # Diktum KESATU, Diktum KEDUA BELAS of a Keputusan
    | ayat \s* \( (?P<ayat>\d+[a-z]?) \)                # ayat (2)
    | huruf \s+ (?P<huruf>[a-z]+)\b                     # huruf a, huruf aa
    | angka \s+ (?P<angka>\d+)\b                        # angka 3
    | (?P<perubahan>\(perubahan\))                      # the quoted text of an amendment
    | (?P<colon>:)                                      # ... and a clause inside it
)""", re.X | re.I)


def _word(kind: str, number: str) -> str:
    """The cite word of a step; a deeper list item ("item") reads as huruf or angka by its number."""
    if kind == "item":
        return "huruf" if number.isalpha() else "angka"
    return _WORDS[kind]


def _part(step: Step, quoted: bool) -> str:
    """The id part of one step: "ayat-2", "bagian-kedua-belas", "bab-II" (a quoted BAB "bab-ii"), "perubahan"."""
    kind, number, dup = step
    if kind == "perubahan":
        part = "perubahan"
    elif kind in _SLUGGED or (kind == "bab" and quoted):
        part = f"{kind}-{ordinal_slug(number)}"
    else:
        part = f"{kind}-{number}"
    return f"{part}~{dup}" if dup > 1 else part


def _build(steps: Iterable[tuple[str, str] | Step]) -> Address:
    out = ROOT
    for s in steps:
        out = out.child(*s)
    return out


@lru_cache(maxsize=4096)
def _built(steps: tuple[tuple[str, str] | Step, ...]) -> Address:
    """:meth:`Address.of`, kept for the steps seen last."""
    return _build(steps)


@lru_cache(maxsize=4096)
def _parsed(ident: str) -> Address:
    """:meth:`Address.parse`, kept for the ids seen last (a ValueError is raised again each time, never kept)."""
    return Address._parse(ident)


class _Numbered(Protocol):
    type: str
    number: str | None
    id: str
    cite: str
    children: list


def number_tree(nodes: Sequence[_Numbered], parent: Address = ROOT) -> None:
    """Give every node of ``nodes`` and below its ``id`` and ``cite`` from its type and number (the numbers
    themselves are not touched: ingest keeps them as printed, the draft sets them before). ``text`` nodes are
    counted among their siblings; a node without a number gets "?"."""
    seen: dict[str, int] = {}
    text_count = 0
    for node in nodes:
        t = node.type
        if t == "text":
            text_count += 1
            number = str(text_count)
        else:
            number = "" if t == "perubahan" else node.number or "?"
        addr = parent.child(t, number)
        k = seen[addr.id] = seen.get(addr.id, 0) + 1
        if k > 1:
            addr = parent.child(t, number, k)
        node.id, node.cite = addr.id, addr.cite
        if node.children:
            number_tree(node.children, addr)

"""The grammar of a cross-reference: its tokens, the bare values that continue a list or range of them, the
connectors that join them into one chain, and the order a chain is read in (outermost first).

A token names one level ("Pasal 5", "ayat (2)", "huruf a", "angka 3"). After a token, a list or a range may go on
with bare values of the same level ("ayat (1), (3) dan (4)", "huruf a, b, dan c", "Pasal 2, 3, dan 5",
"ayat (1) s.d. (3)"). A chain is a run of tokens joined only by connectors: a list (",", "dan", "atau", "serta",
"dan/atau"), a range ("sampai dengan", "s.d.", "s/d") or a space ("Pasal 5 ayat (2)"). A chain may be printed
inside out ("huruf a dan huruf b ayat (2) Pasal 3"): :func:`outer_first` reads it as "Pasal 3 ayat (2) huruf a
dan huruf b", so every item of the list gets the qualifiers written after it.

    >>> [(t.level, t.value, t.joint) for t in tokens("ayat (1), (3) dan (4)")]
    [('ayat', '1', ''), ('ayat', '3', 'list'), ('ayat', '4', 'list')]
    >>> [items for _, _, items in chains("huruf a dan huruf b ayat (2) Pasal 3")]
    [[('pasal', '3', False), ('ayat', '2', False), ('huruf', 'a', False), ('huruf', 'b', False)]]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

#: the levels of an address, outermost first: a list inside an item goes on down the ladder of UU 12/2011
#: Lampiran II (huruf a. -> angka 1. -> huruf a) -> angka 1) -> ...); "huruf2" is the second huruf level
LEVELS = ("pasal", "ayat", "huruf", "angka", "huruf2", "angka2", "huruf3", "angka3", "huruf4", "angka4")
#: the kind of clause each level names
KIND = {level: level.rstrip("0123456789") for level in LEVELS}

#: Reference tokens. Every branch starts with a literal word, so the regex engine can skip ahead to the
#: candidates; the word boundary before the token is checked in :func:`keyword_tokens` (a leading ``\b`` would
#: make the engine try every position of the text, several times slower).
TOKEN = re.compile(r"""
      Pasal \s+ (?P<pasal>\d+[A-Z]?)\b               # Pasal 5, Pasal 7A
    | pasal \s+ (?P<pasal_>\d+[A-Z]?)\b              # "pasal 5" in running text
    | ayat \s* \( (?P<ayat>\d+[a-z]?|[lI]) \)        # ayat (2); "ayat (l)": OCR's "1"
    | huruf \s+ (?P<huruf>[a-z]{1,2})\b               # huruf a
    | angka \s+ (?P<angka>\d+[a-z]?)\b               # angka 3; angka 3a (inserted)
""", re.X)

#: what may join two tokens of one chain: a list, a range or a space
CONNECTOR = re.compile(r"""^(?:
      \s*,\s* | \s+                                          # "Pasal 5, Pasal 6"; "Pasal 5 ayat (2)"
    | \s*,?\s*(?:dan|atau|serta|dan/atau)\s+                 # "ayat (1) dan ayat (2)", "dan/atau"
    | \s*,?\s*(?:sampai\s+dengan|s\.\s?d\.?|s/d\.?)\s+       # a range: "sampai dengan", "s.d.", "s/d"
)$""", re.X)

#: a list or range connector that a bare value may follow (never a bare space: "ayat (1) (a)" is no list)
_BARE_JOINT = r"""(?P<joint> \s*,\s* | \s*,?\s*(?:dan/atau|dan|atau|serta)\s+
                 | \s*,?\s*(?:sampai\s+dengan|s\.\s?d\.?|s/d\.?)\s+ )"""
#: the bare value of each level, after a token of that level and a list or range connector
BARE = {
    # "Pasal 2, 3, dan 5": a number, never one spelled out after it ("6 (enam) bulan") nor a decimal ("1.000")
    "pasal": re.compile(_BARE_JOINT + r"(?P<value>\d+[A-Z]?)\b(?!\s*\(|[.,]\d)", re.X),
    # "ayat (1), (3) dan (4)", "ayat (1) s.d. (3)"
    "ayat": re.compile(_BARE_JOINT + r"\((?P<value>\d+[a-z]?)\)", re.X),
    # "huruf a, b, dan c": one letter standing as a word
    "huruf": re.compile(_BARE_JOINT + r"(?P<value>[a-z])\b", re.X),
    # "angka 1, 2 dan 3"
    "angka": re.compile(_BARE_JOINT + r"(?P<value>\d+[a-z]?)\b(?!\s*\(|[.,]\d)", re.X),
}

#: the connector of a range, in any of its printed forms
_RANGE = re.compile(r"sampai|s\.\s?d|s/d")


class Token(NamedTuple):
    """One level of a reference as printed: ``joint`` is how it joins the token before ("", "list", "range",
    "space")."""

    level: str
    value: str
    start: int
    end: int
    joint: str = ""


def word_start(text: str, pos: int) -> bool:
    r"""Is ``pos`` at the start of a word (the ``\b`` the patterns leave out)?"""
    return pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] == "_")


#: the keywords that start a token, with how far before the keyword the token starts ("Pasal" from "asal")
_TOKEN_KEYWORDS = (("asal", 1), ("ayat", 0), ("huruf", 0), ("angka", 0))


def keyword_tokens(text: str) -> list[re.Match[str]]:
    """The :data:`TOKEN` matches of ``text``, as ``TOKEN.finditer`` with a word boundary before each would give
    them, but tried only where a keyword stands (found by ``str.find``): scanning every position of every clause
    with the regex engine cost more than the rest of resolving."""
    starts = []
    for keyword, back in _TOKEN_KEYWORDS:
        i = text.find(keyword)
        while i >= 0:
            if i >= back:
                starts.append(i - back)
            i = text.find(keyword, i + 1)
    starts.sort()
    out: list[re.Match[str]] = []
    end = 0
    for start in starts:
        if start < end or not word_start(text, start):
            continue
        m = TOKEN.match(text, start)
        if m is not None:
            out.append(m)
            end = m.end()
    return out


def tokens(text: str) -> list[Token]:
    """Every reference token of ``text`` in order: each keyword token followed by the bare values that continue
    its list or range (:data:`BARE`). ``joint`` is set for bare values only; :func:`chains` sets the others."""
    out: list[Token] = []
    for m in keyword_tokens(text):
        level = "pasal" if m.lastgroup == "pasal_" else m.lastgroup or ""
        value = m.group(m.lastgroup or 0)
        out.append(Token(level, "1" if value in ("l", "I") else value, m.start(), m.end()))
        bare, pos = BARE[level], m.end()
        while (b := bare.match(text, pos)) is not None:
            out.append(Token(level, b.group("value"), b.start("value"), b.end(), _joint(b.group("joint"))))
            pos = b.end()
    return out


def _joint(connector: str) -> str:
    if not connector.strip():
        return "space"
    return "range" if "sampai" in connector or _RANGE.search(connector) is not None else "list"


@lru_cache(maxsize=512)
def _connects(between: str) -> bool:
    """Is the text between two tokens only a connector (", ", " dan ", " sampai dengan ")? Few distinct
    strings occur, so the answer is cached."""
    return CONNECTOR.match(between) is not None


#: a chain item as :func:`chains` yields it: (level, value, is the end of a range)
Item = tuple[str, str, bool]


def chains(text: str) -> Iterator[tuple[int, int, list[Item]]]:
    """Yield ``(start, end, items)`` for each chain of ``text``, its items read outermost first
    (:func:`outer_first`)."""
    toks = tokens(text)
    i = 0
    while i < len(toks):
        first = toks[i]
        chain = [Token(first.level, first.value, first.start, first.end)]  # (not _replace: 5x the cost)
        j = i + 1
        while j < len(toks):
            tok = toks[j]
            if not tok.joint:
                between = text[chain[-1].end:tok.start]
                if _closes_deep_item(between, chain[-1], tok):
                    between = between[1:]
                elif not _connects(between):
                    break
                tok = Token(tok.level, tok.value, tok.start, tok.end, _joint(between))
            chain.append(tok)
            j += 1
        yield chain[0].start, chain[-1].end, outer_first(_down_the_ladder(chain))
        i = j


def _closes_deep_item(between: str, before: Token, after: Token) -> bool:
    """"huruf b) angka 1)": the ")" of a deep list's enumerator ("b)") printed in the reference, before a space
    and a deeper level; a ")" that closes a parenthesis ("(... huruf b) dan ...") joins nothing."""
    return between[:1] == ")" and between[1:].isspace() and before.level in ("huruf", "angka") \
        and after.level in ("huruf", "angka") and after.level != before.level


def _down_the_ladder(chain: list[Token]) -> list[Token]:
    """A chain that has gone down by spaces ("ayat (1) huruf a angka 1") and goes on with a level it already
    passed ("huruf b", "angka 1") goes further down: the list inside the item ("huruf b" -> huruf2, then
    "angka 1" -> angka2). Bare values of a list or range after a token keep its level. A chain printed inside
    out ("huruf a ayat (2) Pasal 3") never went down first, and is left to :func:`outer_first`."""
    out: list[Token] = []
    descended = False
    for tok in chain:
        if out:
            prev = out[-1]
            if tok.joint in ("list", "range") and KIND[prev.level] == tok.level:
                tok = Token(prev.level, tok.value, tok.start, tok.end, tok.joint)
            elif tok.joint == "space":
                rank, here = LEVELS.index(prev.level), LEVELS.index(tok.level)
                if here > rank:
                    descended = True
                elif descended and tok.level in ("huruf", "angka"):
                    deeper = next((lv for lv in LEVELS[rank + 1:] if KIND[lv] == tok.level), None)
                    tok = Token(deeper or tok.level, tok.value, tok.start, tok.end, tok.joint)
        out.append(tok)
    return out


def outer_first(chain: list[Token]) -> list[Item]:
    """The items of a chain with every inside-out run read outermost first.

    A group of one level (a list or range: "huruf a dan huruf b", "ayat (1) sampai dengan ayat (3)") followed, across
    a space, by tokens each a level above the one before ("ayat (2)", "ayat (2) Pasal 3") is read as those
    qualifiers, outermost first, then the whole group: "huruf a dan huruf b ayat (2)" is "ayat (2) huruf a dan
    huruf b", so both huruf belong to ayat (2)."""
    out: list[Item] = []
    k, n = 0, len(chain)
    while k < n:
        group_end = k + 1
        while group_end < n and chain[group_end].level == chain[k].level \
                and chain[group_end].joint in ("list", "range"):
            group_end += 1
        qual_end, last = group_end, chain[k].level
        while qual_end < n and chain[qual_end].joint == "space" \
                and LEVELS.index(chain[qual_end].level) < LEVELS.index(last):
            last = chain[qual_end].level
            qual_end += 1
        if qual_end > group_end:
            # the outermost qualifier takes the joint of the whole run; the group becomes its refinement
            outer = chain[qual_end - 1]
            out.append((outer.level, outer.value, chain[k].joint == "range"))
            out.extend((t.level, t.value, False) for t in reversed(chain[group_end:qual_end - 1]))
        out.extend((t.level, t.value, t.joint == "range" and i > k)
                   for i, t in enumerate(chain[k:group_end], start=k))
        k = qual_end
    return out

"""References that belong to another act: a chain followed by an act's name ("Pasal 27 Peraturan Bupati Malang
Nomor 27 Tahun 2022") or standing in a list of references that ends with one is *external*; it keeps that act's
citation and never points into this tree.

    >>> from rancang.ingest.refs.grammar import chains
    >>> text = "Pasal 3 berlaku; Pasal 14 ayat (2), Lampiran I dan Pasal 15 Peraturan Bupati Jepara Nomor 67"
    >>> [text[at:at + 16] if at is not None else None for at in external_chains(text, list(chains(text)))]
    [None, 'Peraturan Bupati', ' Peraturan Bupat']
"""

from __future__ import annotations

import re
from bisect import bisect_left

from rancang.ingest.refs.grammar import Item, word_start

EXTERNAL = re.compile(r"^\s*,?\s*(?:Undang-Undang|Peraturan|Keputusan|Instruksi|Qanun|Surat\s+Edaran|UUD)\b"
                      r"(?!(?:\s+[A-Z][\w/-]*){0,3}\s+ini\b)")
#: an explicit citation of another act: its name and number ("Peraturan Bupati Jepara Nomor 67 Tahun 2021")
ACT_CITATION = re.compile(r"(?:Undang-Undang|Peraturan|Keputusan|Instruksi|Qanun)\b[^;]{0,120}?\bNomor\s+\d+")
#: what may stand between a reference chain and the act it belongs to, inside one list of references
#: ("..., dan ayat (5), Pasal 42 ayat (1), Lampiran I dan Lampiran II huruf A nomor 1, 2 dan 3, ...")
#: Possessive (``*+``): "dan/atau" is tried before "dan", so each word is taken whole by exactly one branch and
#: backtracking could never find another reading, only cost time on the long prefixes that fail.
REFERENCE_FILLER = re.compile(r"""^(?:[\s,]+|\((?:\d+|[a-z])\)
    |\b(?:dan/atau|dan|atau|serta|sampai|dengan|huruf|angka|ayat|Pasal|Lampiran|nomor|[A-Za-z]|[IVXLC]+|\d+[A-Z]?)\b
    )*+$""", re.X | re.I)
_SEMICOLON = re.compile(";")
#: the words an act's name starts with (where :data:`ACT_CITATION` can match)
_KEYWORD = re.compile(r"Undang-Undang|Peraturan|Keputusan|Instruksi|Qanun")


def search_word(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    r"""The first match of ``pattern`` that starts a word (``\b`` + ``pattern``, but fast)."""
    m = pattern.search(text)
    while m is not None and not word_start(text, m.start()):
        m = pattern.search(text, m.start() + 1)
    return m


class Acts:
    """Where other acts are cited in one text ("Peraturan Bupati Jepara Nomor 67"), found once: the first one after
    any offset and before the clause ends (";") in O(log n), so a long list of references stays linear (searching
    the rest of the clause again for every reference made a 750 KB clause take 16 s)."""

    def __init__(self, text: str) -> None:
        self.semicolons = [m.start() for m in _SEMICOLON.finditer(text)] if ";" in text else []  # (a scan in C)
        self.length = len(text)
        starts: list[int] = []
        if "Nomor" in text:
            for m in _KEYWORD.finditer(text):
                if word_start(text, m.start()) and ACT_CITATION.match(text, m.start()):
                    starts.append(m.start())
        self.starts = starts

    def first_after(self, end: int) -> int | None:
        """The offset of the first act cited at or after ``end`` in the same clause, or None."""
        if not self.starts:
            return None
        k = bisect_left(self.starts, end)
        if k == len(self.starts):
            return None
        s = bisect_left(self.semicolons, end)
        clause_end = self.semicolons[s] if s < len(self.semicolons) else self.length
        return self.starts[k] if self.starts[k] < clause_end else None


def external_chains(text: str, found_chains: list[tuple[int, int, list[Item]]], acts: Acts | None = None
                    ) -> list[int | None]:
    """For each chain, the offset of the other act it belongs to, or None when it points into this act.

    A chain directly followed by an act's name is external; so is every chain before it in the same list
    ("Pasal 11 ayat (2), ..., dan ayat (5), Pasal 14 ayat (2) ... Peraturan Bupati Jepara Nomor 67 ...").

    The lists are read right to left: what stands between chain k and the act is the gap to chain k+1, chain
    k+1 itself and what stands after it, so each stretch of text is checked against the filler pattern once
    (checking every chain's whole stretch made a long list quadratic). Splitting at a chain's start and end is
    safe because both are word boundaries, where the filler pattern never takes a word in two parts."""
    acts = acts or Acts(text)
    n = len(found_chains)
    out: list[int | None] = [None] * n
    found: list[int | None] = [None] * n   # the act cited after each chain, before the clause ends
    for k, (_start, end, _) in enumerate(found_chains):
        if EXTERNAL.match(text[end:end + 80]):
            out[k] = end
            continue
        found[k] = acts.first_after(end)
    filler = [False] * n  # is text[end of chain k : its act] filler only?
    for k in range(n - 1, -1, -1):
        act = found[k]
        if act is None:
            continue
        end = found_chains[k][1]
        if k + 1 < n and found[k + 1] == act:
            nxt_start = found_chains[k + 1][0]
            filler[k] = filler[k + 1] and chain_fills(found_chains[k + 1][2]) and is_filler(text[end:nxt_start])
        else:
            filler[k] = is_filler(text[end:act])
        if filler[k]:
            out[k] = act
    return out


def is_filler(stretch: str) -> bool:
    """Is ``stretch`` only what may stand inside a list of references (:data:`REFERENCE_FILLER`)?"""
    return REFERENCE_FILLER.match(stretch) is not None


def chain_fills(items: list[Item]) -> bool:
    """Would :data:`REFERENCE_FILLER` take a chain's own text? Read from its tokens: its connectors always
    fill, as do "Pasal 7A" and "angka 3"; "ayat (2a)" and "huruf bb" do not ("ii" does, as a Roman number)."""
    for level, value, _ in items:
        if level == "ayat" and not value[-1].isdigit():
            return False
        if level == "huruf" and len(value) > 1 and value.strip("ivxlc"):
            return False
    return True

"""Where an item stands in another region's Lampiran, read from the cites the model records for its provisions
("Lampiran BAB II huruf B angka 2 huruf b angka 1"): used to tell whether the other regions put an item under
the parent the spine gives it (UU 12/2011 Lampiran II angka 64-65 on the levels of a list)."""

from __future__ import annotations

from typing import Any

#: the words of a cite that name a kind of label (the label follows them): a prefix ends on a label, not on these
_KIND_WORDS = {"Lampiran", "BAB", "huruf", "angka", "daftar", "butir"}


def parents_by_siblings(siblings: list[dict[str, Any] | None]) -> dict[str, str]:
    """{region: the cite of the item holding an item's siblings in that region's Lampiran}, read from the siblings'
    own cites where the region has at least one of them: the longest run of whole labels their cites share, or, for a
    single sibling (or siblings one under another), the cite above it.

    >>> parents_by_siblings([{"dukungan": [{"daerah": "x", "cite": "Lampiran huruf B angka 2 huruf b angka 1"}]},
    ...                       {"dukungan": [{"daerah": "x", "cite": "Lampiran huruf B angka 2 huruf b angka 2"}]}])
    {'x': 'Lampiran huruf B angka 2 huruf b'}
    >>> parents_by_siblings([{"dukungan": [{"daerah": "x", "cite": "Lampiran huruf B angka 2 huruf b"}]}])
    {'x': 'Lampiran huruf B angka 2'}
    """
    cites: dict[str, list[list[str]]] = {}
    for p in siblings:
        for m in (p or {}).get("dukungan", []):
            cites.setdefault(m["daerah"], []).append(m["cite"].split())
    out = {}
    for region, all_words in cites.items():
        common = all_words[0]
        for words in all_words[1:]:
            n = 0
            while n < min(len(common), len(words)) and common[n] == words[n]:
                n += 1
            common = common[:n]
        if any(common == words for words in all_words):
            common = common[:-2]  # one sibling (or one above the other): the cite of the item holding it
        while common and common[-1] in _KIND_WORDS:
            common = common[:-1]
        if len(common) > 1:
            out[region] = " ".join(common)
    return out

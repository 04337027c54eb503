"""How the sources of one fact make its status (the rule of :mod:`rancang.kb.compile`): a fact's values tallied by
independent source are *verified*, *disputed* or *unverified*; a relation is verified with two sources or a record.
"""

from __future__ import annotations

import re
from typing import Any

#: a dissent is outvoted (kept, shown, but not a dispute) when the majority has at least this many sources for each
#: of the dissent's
OUTVOTED = 10


def _is_meta(source: str) -> bool:
    return source.startswith(("bpk:", "catatan:"))


#: from this year on, an act's own text (its publication printed in capitals under its signature and after its
#: Penjelasan) is a record that alone makes its value verified, as the metadata does: over the collection, for the
#: acts of 2000-2022 whose own text and at least two agreeing citing acts both give a value, the own text's LN equals
#: the citations' majority in 298 of 298 acts and its TLN in 195 of 196 (the one, UU 11/2000's 3966 against two
#: citers' 3692, is the BPK record's value too); before 2000 they differ in 18 of 208 LN (old signatures' TLN read
#: as LN) and 2 of 105 TLN
OWN_TEXT_FROM = 2000


#: the facts the own text of a recent act verifies alone (what :data:`OWN_TEXT_FROM` was measured on)
OWN_TEXT_FACTS = ("ln", "bn", "tln")


def _is_sufficient(source: str, fact: str | None = None) -> bool:
    """A source that alone verifies a value nobody contradicts: the metadata, a supplement entry, or - for a
    publication fact (:data:`OWN_TEXT_FACTS`) - the own text of an act made from :data:`OWN_TEXT_FROM` on
    (``naskah:pp-2019-30``)."""
    if _is_meta(source):
        return True
    if fact not in OWN_TEXT_FACTS:
        return False
    m = re.match(r"^naskah:.*-(\d{4})-[^-]+$", source)
    return m is not None and int(m[1]) >= OWN_TEXT_FROM


def judge(values: list[dict[str, Any]], fact: str | None = None) -> dict[str, Any] | None:
    """One fact (named ``fact``: "ln", "tln", "tentang" ...) from its values, each ``{value, sources}``: {value,
    status, agree, disagree, metadata, sources, others: [{value, count, sources}]} (see the module text for the
    statuses); None when no value has a source.

    >>> judge([{"value": 5887, "sources": ["naskah:pp-2016-18", "pp-2019-72"]},
    ...        {"value": 5888, "sources": ["peraturan-bupati-jepara-2024-17"]}])["status"]
    'verified'
    >>> judge([{"value": 5887, "sources": ["pp-2019-72"]}, {"value": 5888, "sources": ["pp-2020-1"]}])["status"]
    'disputed'
    >>> judge([{"value": 6340, "sources": ["naskah:pp-2019-30"]}], "tln")["status"]  # (see OWN_TEXT_FROM)
    'verified'
    >>> judge([{"value": 2687, "sources": ["naskah:uu-1964-13"]}], "tln")["status"]
    'unverified'
    """
    values = [v for v in values if v["sources"]]
    if not values:
        return None
    ranked = sorted(values, key=lambda v: (-len(v["sources"]), not any(map(_is_record, v["sources"]))))
    top, rest = ranked[0], ranked[1:]
    agree, disagree = len(top["sources"]), sum(len(v["sources"]) for v in rest)
    record = any(map(_is_record, top["sources"]))
    record_against = any(_is_record(s) for v in rest for s in v["sources"])
    outvoted = all(agree >= OUTVOTED * len(v["sources"]) for v in rest)
    meta = any(map(_is_meta, top["sources"]))
    enough = any(_is_sufficient(s, fact) for s in top["sources"])
    ahead = not rest or agree > max(len(v["sources"]) for v in rest)
    if not record_against and ((enough and ahead) or (agree >= 2 and ((record and ahead) or outvoted))):
        status = "verified"
    elif rest:
        status = "disputed"
    else:
        status = "unverified"
    return {"value": top["value"], "status": status, "agree": agree, "disagree": disagree,
            "metadata": meta, "sources": sorted(top["sources"], key=_source_rank),
            "others": [{"value": v["value"], "count": len(v["sources"]),
                        "sources": sorted(v["sources"], key=_source_rank)} for v in rest]}


def relation_status(sources: list[str] | set[str]) -> str:
    """A relation (X amends / repeals Y) is verified with two independent sources (the BPK records of both acts
    count as two; BPK alone on one side sometimes lists a partial repeal as a whole one) or a curated record of the
    official text (``catatan:``); else unverified."""
    return "verified" if len(sources) >= 2 or any(s.startswith("catatan:") for s in sources) else "unverified"


def without(fact: dict[str, Any], source: str, name: str | None = None) -> dict[str, Any] | None:
    """``fact`` (named ``name``) judged again without ``source`` (a text is never evidence for itself: ``check`` of
    an act the knowledge base was built from leaves that act's own votes out)."""
    values = [{"value": fact["value"], "sources": [s for s in fact["sources"] if s != source]}]
    values += [{"value": o["value"], "sources": [s for s in o["sources"] if s != source]} for o in fact["others"]]
    return judge(values, name)


def _is_record(source: str) -> bool:
    """A record of the act itself: its metadata or its own text."""
    return source.startswith(("bpk:", "naskah:", "catatan:"))


def _source_rank(source: str) -> tuple[int, str]:
    """Metadata first, then the act's own text, then citing acts (newest key last by name)."""
    return (0 if _is_meta(source) else 1 if source.startswith("naskah:") else 2, source)

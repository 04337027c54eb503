"""Facts of the knowledge base as the other stages use them: a fact judged without the text being checked (a
text is never evidence for itself), a fact's sources in one Indonesian phrase, and an act's amendments and
repeal in force by a date.
"""

from __future__ import annotations

import re
from typing import Any

from rancang.kb.acts import key as act_key
from rancang.kb.judge import relation_status, without
from rancang.kb.mk import annuls
from rancang.kb.observe import own_jenis
from rancang.kb.store import KnowledgeBase
from rancang.kb.titles import tokens
from rancang.parts import Meta

#: sources named as records of the act, not as citing acts
_RECORDS = ("bpk:", "bpk-lain:", "bpk-topik:", "naskah:", "naskah-lain:", "catatan:")
#: citing sources named in a phrase (the count is always the full count)
NAMED = 3


def own_key(meta: Meta) -> str | None:
    """The knowledge base's key of the act ``meta`` describes (None without jenis, number or year)."""
    jenis = own_jenis(meta.jenis, meta.daerah, meta.daerah_jenis)
    if not jenis or not meta.nomor or not meta.tahun:
        return None
    return act_key(jenis, meta.nomor, meta.tahun)


def fact(base: KnowledgeBase, key: str, name: str, exclude: str | None = None) -> dict[str, Any] | None:
    """Fact ``name`` of act ``key``, judged again without the votes of act ``exclude`` (its own text or its
    citations)."""
    f = base.fact(key, name)
    if exclude is None:
        return f
    for source in (exclude, f"naskah:{exclude}", f"naskah-lain:{exclude}"):
        f = without(f, source, name) if f else None
    return f


def sources_phrase(base: KnowledgeBase, sources: list[str]) -> str:
    """Sources in words: "metadata BPK, naskah PP 18/2016 sendiri dan 2 peraturan yang mengutipnya (PP 72/2019,
    Peraturan Bupati Jepara Nomor 17 Tahun 2024)"."""
    records = [base.source_name(s) for s in sources if s.startswith(_RECORDS)]
    citing = [s for s in sources if not s.startswith(_RECORDS)]
    parts = list(records)
    if citing:
        named = ", ".join(base.source_name(s) for s in citing[-NAMED:])
        more = " ..." if len(citing) > NAMED else ""
        parts.append(f"{len(citing)} peraturan yang mengutipnya ({named}{more})")
    if len(parts) > 1:
        return ", ".join(parts[:-1]) + " dan " + parts[-1]
    return parts[0] if parts else "tanpa sumber"


def relations(base: KnowledgeBase, key: str, name: str, exclude: str | None = None) -> list[dict[str, Any]]:
    """Relations ``name`` ("amended_by", "repealed_by") of act ``key`` without ``exclude``'s votes, each with its
    status again: verified with a metadata source or two independent sources."""
    rec = base.get(key)
    out = []
    for r in (rec or {}).get(name, []):
        sources = [s for s in r["sources"]
                   if exclude is None or s not in (exclude, f"naskah:{exclude}", f"naskah-lain:{exclude}")]
        if not sources:
            continue
        out.append(dict(r, sources=sources, count=len(sources), status=relation_status(sources)))
    return out


def date_of(base: KnowledgeBase, key: str) -> str | None:
    """The ISO date act ``key`` was promulgated, when the knowledge base holds one."""
    f = base.fact(key, "tanggal")
    return str(f["value"]) if f else None


def made_before(base: KnowledgeBase, key: str, date: str | None, year: int | None) -> bool | None:
    """Whether act ``key`` was made before a text dated ``date`` (ISO) / of ``year``: by date when both are
    known, else by year when the years differ; None when it cannot be told."""
    own = date_of(base, key)
    if own and date:
        return own < date  # (an act of the same day as the text: not "before" it)
    rec = base.get(key)
    tahun = rec["tahun"] if rec else None
    if tahun is None or year is None or tahun == year:
        return None
    return tahun < year


def annulments(base: KnowledgeBase, key: str, year: int | None = None) -> list[dict[str, Any]]:
    """The decisions of the Mahkamah Konstitusi that may have struck act ``key`` whole (:func:`rancang.kb.mk.annuls`),
    registered in ``year`` or before (a decision is of its number's year or later: one registered after a text's
    year cannot have changed the law that text cited); every decision when ``year`` is None."""
    rec = base.get(key)
    return [d for d in (rec or {}).get("mk", [])
            if annuls(d) and (year is None or d["tahun"] is None or d["tahun"] <= year)]


def covers(base: KnowledgeBase, amending: str, region: str | None) -> bool:
    """Whether amendment ``amending`` changes the act it amends for ``region`` ("Kabupaten Magelang"): an act that
    forms a region or moves its boundary and changes a formation law by the way ("Pembentukan Daerah Tingkat II
    Batang dengan mengubah Undang-Undang No. 13 Tahun 1950 ...", "Perubahan Batas Wilayah Kotapraja Surabaya ...
    dengan mengubah Undang-Undang No. 12 Tahun 1950") changes it for that region only (UU 9/1965 Pasal 4: UU 13/1950
    goes on applying to the others), so it covers only a region its title names; any other amendment covers every
    region (UU 12/2011 Lampiran II angka 46). An act without a title in the knowledge base covers every region."""
    fact = base.fact(amending, "tentang") or {}
    titles = [str(v["value"]) for v in [fact, *fact.get("others", [])] if v.get("value")]
    regional = any(re.search(r"\bdengan\s+mengubah\b", t, re.I) for t in titles) or \
        all(re.match(r"\s*(?:pembentukan|perubahan\s+batas)\b", t, re.I) for t in titles)
    if not titles or not regional:
        return True
    name = re.sub(r"^(?:Kabupaten|Kota|Provinsi)\s+", "", str(region or ""), flags=re.I)
    want = tokens(name)
    return bool(want) and any(any(words[i:i + len(want)] == want for i in range(len(words)))
                              for words in map(tokens, titles))

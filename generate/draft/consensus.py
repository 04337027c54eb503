"""``--base consensus``: the corpus regulation whose provisions agree most with all the others.

For every sistem-kerja topic the model locates, the clause of each regulation is compared with the same topic's
clause in every other regulation of the corpus store (rapidfuzz token-set similarity); a regulation missing a
topic scores 0 for it. The one with the highest mean is the *medoid* of the corpus: the most typical regulation,
and so the safest base when a bureau has no neighbour to follow. Ties go to the id first in order. Topics come
from the store's cache, so the model runs only for a regulation never modelled before.
"""

from __future__ import annotations

from rancang.generate.draft.sources import Sources


def _topic_texts(src: Sources, rid: str) -> dict[str, str]:
    index = src.regulation(rid).index()
    out = {}
    for key, loc in src.topics(rid).items():
        node = index.get(loc["id"]) if isinstance(loc, dict) and loc.get("id") else None
        if node is not None:
            out[key] = node.full_text()
    return out


def scores(src: Sources | None = None) -> dict[str, float]:
    """Store id -> mean agreement (0..100) of its topic clauses with every other regulation's."""
    from rapidfuzz import fuzz

    src = src or Sources()
    ids = [rid for rid in src.ids() if src.regulation(rid).source.format != "generated"]  # a draft is no region's act
    texts = {rid: _topic_texts(src, rid) for rid in ids}
    topics = sorted({k for t in texts.values() for k in t})
    out: dict[str, float] = {}
    for rid in ids:
        total, count = 0.0, 0
        for other in ids:
            if other == rid:
                continue
            for key in topics:
                a, b = texts[rid].get(key), texts[other].get(key)
                total += fuzz.token_set_ratio(a, b) if a and b else 0.0
                count += 1
        out[rid] = total / count if count else 0.0
    return out


def base_region(src: Sources | None = None) -> str:
    """The store id of the consensus base."""
    s = scores(src)
    return max(s, key=lambda rid: (s[rid], -list(s).index(rid)))

"""``--base consensus``: the corpus region whose provisions agree most with all the others.

For every sistem-kerja topic the model locates, the clause of each region is compared with the same topic's clause
in every other region (rapidfuzz token-set similarity); a region missing a topic scores 0 for it. The region
with the highest mean is the *medoid* of the corpus: the most typical regulation, and so the safest base when a
bureau has no neighbour to follow. Ties go to the region listed first in the corpus index.
"""

from __future__ import annotations

from functools import cache

from rancang.tree import Node, Regulation


def _text(node: Node) -> str:
    return " ".join(n.text for n in node.walk() if n.text)


def _topic_texts(reg: Regulation) -> dict[str, str]:
    from rancang import model

    index = reg.index()
    out = {}
    for key, loc in (model.build(reg).get("topics") or {}).items():
        node = index.get(loc["id"]) if isinstance(loc, dict) and loc.get("id") else None
        if node is not None:
            out[key] = _text(node)
    return out


def scores() -> dict[str, float]:
    """Region id -> mean agreement (0..100) of its topic clauses with every other region's."""
    from rapidfuzz import fuzz

    from rancang import corpus

    ids = [e["id"] for e in corpus.bundled()]
    texts = {rid: _topic_texts(corpus.load(rid)) for rid in ids}
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


@cache
def base_region() -> str:
    """The id of the consensus base region."""
    s = scores()
    return max(s, key=lambda rid: (s[rid], -list(s).index(rid)))

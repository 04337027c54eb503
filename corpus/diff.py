"""Compare two regulations: aligned pairs with a word-level redline, one-sided clauses, a topic summary.

:func:`compare` returns a plain dict (the ``report.json`` contract)::

    {"a": {...}, "b": {...},                       # identity of both sides
     "pairs": [{"a": "Pasal 13", "b": "Pasal 4 ayat (1)", "topic": "prinsip_mekanisme_kerja", "score": 0.82,
                # score: how alike the two whole texts read (:func:`likeness`), 1.0 only when equal folded;
                # paired_at: the score that made the pair (align.THRESHOLD / 100 or more, whatever made it)
                "a_id", "b_id", "a_text", "b_text", "redline": [{"op": "equal|delete|insert", "text"}]}],
     "only_a": ["Pasal 2 ayat (1)", ...], "only_b": [...],           # cites
     "unmatched": {"a": [{"cite", "id", "text"}], "b": [...]},
     "topics": {key: {"a": cite|None, "b": cite|None, "label", "status": "both|only_a|only_b|none",
                      "actors": {"a", "b", "only_a", "only_b"}, "documents": {...}, "contents": {...}}},
     "summary": {"both": [keys], "only_a": [keys], "only_b": [keys], "none": [keys]}}
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from rancang.corpus import links
from rancang.corpus.align import align
from rancang.corpus.provenance import provenance
from rancang.corpus.summary import topic_summary
from rancang.fold import fold
from rancang.topics import keys
from rancang.tree import Regulation

_TOKEN = re.compile(r"\S+")


def redline(a: str, b: str) -> list[dict[str, str]]:
    """Word-level differences from ``a`` to ``b``; words compare folded (case and punctuation do not count).

    >>> [(x["op"], x["text"]) for x in redline("melalui penunjukan", "melalui cara penunjukan")]
    [('equal', 'melalui'), ('insert', 'cara'), ('equal', 'penunjukan')]
    """
    ta, tb = _TOKEN.findall(a), _TOKEN.findall(b)
    fa, fb = [fold(t) or t for t in ta], [fold(t) or t for t in tb]
    out: list[dict[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, fa, fb, autojunk=False).get_opcodes():
        if op == "equal":
            out.append({"op": "equal", "text": " ".join(tb[j1:j2])})
            continue
        if i2 > i1:
            out.append({"op": "delete", "text": " ".join(ta[i1:i2])})
        if j2 > j1:
            out.append({"op": "insert", "text": " ".join(tb[j1:j2])})
    return out


def likeness(a: str, b: str) -> float:
    """How alike two clauses read, 0-1, as the report shows it ("kemiripan"): the measure of the text pass
    (:func:`rancang.corpus.align.similarity_matrix`: mean of rapidfuzz ratio, token_set_ratio and token_sort_ratio)
    on the two whole texts, folded. 1.0 only when the folded texts are equal (ratio is 100 only then): a pair made
    by its defined term or its topic shows how alike its wording is, not the score that paired it (two definitions
    of "Unit Kerja" worded otherwise are not "kemiripan 1.00").

    >>> likeness("Unit Kerja adalah bagian dari unit organisasi.", "Unit kerja adalah bagian dari Unit Organisasi")
    1.0
    >>> likeness("Unit Kerja adalah bagian dari organisasi.", "Unit Kerja adalah satuan kerja struktural.") < 0.8
    True
    """
    from rapidfuzz import fuzz

    fa, fb = fold(a), fold(b)
    if fa == fb:
        return 1.0
    mean = (fuzz.ratio(fa, fb) + fuzz.token_set_ratio(fa, fb) + fuzz.token_sort_ratio(fa, fb)) / 300
    return min(round(mean, 3), 0.999)


def identity(reg: Regulation, rid: str | None = None) -> dict[str, Any]:
    """Who a side is: id (corpus id or file), region, the act's title fields and where its text comes from
    (:func:`rancang.corpus.provenance.provenance`: a draft or an OCR'd text is not the enacted act)."""
    m = reg.meta
    return {"id": rid or reg.source.file or "", "daerah": m.daerah, "jenis": m.jenis, "nomor": m.nomor,
            "tahun": m.tahun, "tentang": m.tentang,
            "file": reg.source.file, "provenance": provenance(reg)}


def mark_status(report: dict[str, Any], con: Any, id_a: str | None, id_b: str | None) -> dict[str, Any]:
    """Give each side of ``report`` that is a stored act (``id_*`` a corpus id, ``con`` the corpus connection) its
    ``status`` ("berlaku", "berlaku, diubah dengan X", "dicabut dengan Y": :func:`rancang.corpus.links.status`),
    which the text and Word reports print after the act's title; a side read from a file (None) has none."""
    for key, rid in (("a", id_a), ("b", id_b)):
        if rid:
            report[key]["status"] = links.status(links.links(con, rid))
    return report


def compare(reg_a: Regulation, reg_b: Regulation, topics_a: dict[str, Any] | None = None,
            topics_b: dict[str, Any] | None = None, id_a: str | None = None,
            id_b: str | None = None) -> dict[str, Any]:
    """The full comparison of A with B (see the module docstring for the shape)."""
    al = align(reg_a, reg_b, topics_a, topics_b)
    pairs = [{"a": p.a.cite, "b": p.b.cite, "topic": p.topic, "score": likeness(p.a.text, p.b.text),
              "paired_at": p.score, "a_id": p.a.id,
              "b_id": p.b.id, "a_text": p.a.text, "b_text": p.b.text, "redline": redline(p.a.text, p.b.text)}
             for p in al.pairs]
    idx_a, idx_b = reg_a.index(), reg_b.index()
    topics: dict[str, Any] = {}
    summary: dict[str, list[str]] = {"both": [], "only_a": [], "only_b": [], "none": []}
    for key in keys():
        la, lb = (topics_a or {}).get(key), (topics_b or {}).get(key)
        na = idx_a.get(la["id"]) if la else None
        nb = idx_b.get(lb["id"]) if lb else None
        t = topic_summary(key, na, nb)
        topics[key] = t
        summary[t["status"]].append(key)
    return {
        "a": identity(reg_a, id_a), "b": identity(reg_b, id_b),
        "topics_available": bool(topics_a) and bool(topics_b),
        "pairs": pairs,
        "only_a": [u.cite for u in al.only_a], "only_b": [u.cite for u in al.only_b],
        "unmatched": {"a": [{"cite": u.cite, "id": u.id, "text": u.text} for u in al.only_a],
                      "b": [{"cite": u.cite, "id": u.id, "text": u.text} for u in al.only_b]},
        "topics": topics, "summary": summary,
    }

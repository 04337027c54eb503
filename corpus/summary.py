"""The per-topic summary of a diff: is the topic regulated on both sides, and who and what differs.

Drafters ask concrete questions ("who receives the individual report?", "which documents must a team leader
file?"), so for each topic the actors and documents named in its clause on each side are listed with what only
one side names; a clause that lists required contents ("laporan ... memuat: a. ..., b. ...") has its items
compared too. Actor and document names come from the shared vocabularies (:mod:`rancang.vocab`).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from rancang import vocab
from rancang.corpus.align import full_text
from rancang.corpus.topics import lexicon
from rancang.fold import fold
from rancang.topics import label
from rancang.tree import LIST_TYPES, Node

#: the diff's two name lists -> the shared vocabulary they come from (:mod:`rancang.vocab`)
VOCABULARY = {"actor": "actors", "document": "documents"}


@cache
def _matcher(kind: str) -> tuple[re.Pattern[str], dict[str, dict[str, Any]]]:
    """One regular expression over folded text for every wording of the vocabulary (longest first, whole words),
    and the entry behind each of its named groups."""
    alts, owner = [], {}
    for i, e in enumerate(vocab.entries(VOCABULARY[kind])):
        for j, p in enumerate(e["patterns"]):
            owner[f"g{i}_{j}"] = e
            alts.append((len(fold(p)), f"(?P<g{i}_{j}>{re.escape(fold(p))}{e.get('detail', '')})"))
    body = "|".join(a for _, a in sorted(alts, key=lambda x: -x[0]))
    return re.compile(r"\b(?:" + body + r")\b"), owner


def names(text: str, kind: str) -> list[str]:
    """Actor or document names in ``text`` (``kind`` "actor" or "document"): folded, unique, in order of first
    mention; each wording is reported under its entry's name (``short``), or as written (``as_written``).

    >>> names("Pejabat Fungsional melapor kepada Ketua Tim Kerja", "actor")  # one name per actor
    ['pejabat fungsional', 'ketua tim']
    >>> names("Laporan Kinerja Tim disusun sesuai SOP dan Standar Operasional Prosedur", "document")
    ['laporan kinerja tim', 'sop']
    """
    return list(found(text, kind))


def found(text: str, kind: str) -> dict[str, str]:
    """{folded name (:func:`names`): how it is printed}: the vocabulary entry's name ("Pegawai ASN", "Ketua Tim
    Kerja"), or for an entry kept as written, the act's own words ("Kepala Dinas"): a report prints what a drafter
    reads, never folded text (issue 30 item 2).

    >>> found("Laporan disampaikan kepada Kepala Dinas dan pegawai ASN", "actor")
    {'kepala dinas': 'Kepala Dinas', 'pegawai asn': 'Pegawai ASN'}
    """
    pattern, owner = _matcher(kind)
    seen: dict[str, str] = {}
    for m in pattern.finditer(fold(text)):
        e = owner[m.lastgroup or ""]
        key = m.group(0) if e.get("as_written") else e.get("short") or fold(e["name"])
        if key not in seen:
            seen[key] = _as_written(text, key) if e.get("as_written") else e["name"]
    return seen


def _as_written(text: str, key: str) -> str:
    """The words of ``text`` a folded name ``key`` was found as (case as printed); ``key`` when not found."""
    m = re.search(r"\b" + r"\W+".join(re.escape(w) for w in key.split()) + r"\b", text, re.I)
    return " ".join(m.group(0).split()) if m else key


def contents(node: Node | None) -> dict[str, str]:
    """Required contents: the items under a clause whose lead sentence announces them ("memuat", "berisi"),
    {folded item: the item as written}, in order."""
    if node is None:
        return {}
    cues = lexicon()["contents_cues"]
    out: dict[str, str] = {}
    for n in node.walk():
        if n.text and any(c in fold(n.text) for c in cues):
            for c in n.children:
                if c.type in LIST_TYPES and c.text:
                    own = re.sub(r"[;,.]?\s*(dan|atau)?\s*$", "", " ".join(c.text.split()), flags=re.I).strip()
                    key = fold(own)
                    if key:
                        out.setdefault(key, own)
    return out


def _compare(a: dict[str, str], b: dict[str, str]) -> dict[str, list[str]]:
    """Names of two sides compared by their folded form and printed as written: {"a", "b", "only_a", "only_b"}."""
    return {"a": list(a.values()), "b": list(b.values()), "only_a": [v for k, v in a.items() if k not in b],
            "only_b": [v for k, v in b.items() if k not in a]}


def topic_summary(key: str, na: Node | None, nb: Node | None) -> dict[str, Any]:
    """One row of the topic table: cites, status, and differing actors, documents and contents."""
    status = "both" if na and nb else "only_a" if na else "only_b" if nb else "none"
    ta = full_text(na) if na else ""
    tb = full_text(nb) if nb else ""
    return {
        "label": label(key),
        "a": na.cite if na else None, "b": nb.cite if nb else None,
        "a_id": na.id if na else None, "b_id": nb.id if nb else None,
        "status": status,
        "actors": _compare(found(ta, "actor"), found(tb, "actor")),
        "documents": _compare(found(ta, "document"), found(tb, "document")),
        "contents": _compare(contents(na), contents(nb)),
    }

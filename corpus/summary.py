"""The per-topic summary of a diff: is the topic regulated on both sides, and who and what differs.

Drafters ask concrete questions ("who receives the individual report?", "which documents must a team leader
file?"), so for each topic the actors and documents named in its clause on each side are listed with what only
one side names; a clause that lists required contents ("laporan ... memuat: a. ..., b. ...") has its items
compared too. Actor and document names come from patterns in ``data/lexicon.json``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from rancang.corpus.align import full_text
from rancang.corpus.topics import lexicon

from rancang.fold import fold
from rancang.topics import label
from rancang.tree import Node


@cache
def _pattern(kind: str) -> re.Pattern[str]:
    alts = sorted(lexicon()[f"{kind}_patterns"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b")


def names(text: str, kind: str) -> list[str]:
    """Actor or document names in ``text`` (folded, unique, in order of first mention).

    >>> names("Pejabat Fungsional melapor kepada Ketua Tim Kerja", "actor")  # aliases: one name per actor
    ['pejabat fungsional', 'ketua tim']
    """
    aliases = lexicon().get("aliases", {})
    seen: dict[str, None] = {}
    for m in _pattern(kind).finditer(fold(text)):
        seen.setdefault(aliases.get(m.group(0), m.group(0)), None)
    return list(seen)


def contents(node: Node | None) -> list[str]:
    """Required contents: the items under a clause whose lead sentence announces them ("memuat", "berisi")."""
    if node is None:
        return []
    cues = lexicon()["contents_cues"]
    out: list[str] = []
    for n in node.walk():
        if n.text and any(c in fold(n.text) for c in cues):
            for c in n.children:
                if c.type in ("huruf", "angka", "item") and c.text:
                    out.append(re.sub(r"[;,.]?\s*(dan|atau)?\s*$", "", fold(c.text)).strip())
    return list(dict.fromkeys(x for x in out if x))


def _compare(a: list[str], b: list[str]) -> dict[str, list[str]]:
    return {"a": a, "b": b, "only_a": [x for x in a if x not in b], "only_b": [x for x in b if x not in a]}


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
        "actors": _compare(names(ta, "actor"), names(tb, "actor")),
        "documents": _compare(names(ta, "document"), names(tb, "document")),
        "contents": _compare(contents(na), contents(nb)),
    }

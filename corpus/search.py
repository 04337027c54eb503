"""Full-text search over every clause of the corpus, Indonesian-aware.

Indonesian words grow by affixes ("tugas", "penugasan", "ditugaskan"), so every query word is matched as a
prefix ("penugas" finds "penugasan"); case, diacritics and punctuation are folded by the FTS5 ``unicode61``
tokenizer on both sides ("dan/atau", "Perundang-undangan" split into words). Hits are ranked by bm25 and carry
a snippet with the matched words marked.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from rancang.corpus.topics import check_key
from rancang.errors import InputError
from rancang.fold import fold

#: markers FTS5 puts around matched words in a snippet (control characters never found in legal text)
OPEN, CLOSE = "\x02", "\x03"
#: a Lampiran block ranks below a body clause that matches as well: the batang tubuh is what binds
LAMPIRAN_WEIGHT = 0.6


@dataclass
class Hit:
    """One search hit: region, clause cite and id, a snippet with matches between OPEN/CLOSE, bm25 score."""

    reg: str
    daerah: str
    cite: str
    node: str
    snippet: str
    text: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["snippet"] = plain(self.snippet, "[", "]")
        return d


def words(query: str) -> list[str]:
    """The query folded to words: lower case, no diacritics, punctuation as separators.

    >>> words("Pengajuan-Sukarela; PENUGAS")
    ['pengajuan', 'sukarela', 'penugas']
    """
    return fold(query).split()


def fts_query(query: str) -> str:
    """An FTS5 MATCH expression: every word required, each as a prefix (``"penugas"*``)."""
    ws = words(query)
    if not ws:
        raise InputError("kata pencarian kosong; tuliskan paling sedikit satu kata.")
    return " ".join(f'"{w}"*' for w in ws)


def plain(snippet: str, open_: str = "", close: str = "") -> str:
    """A snippet with its match markers replaced (by nothing, by brackets, by ANSI or HTML tags).

    Neighbouring matches become one marked phrase: "[pengajuan sukarela]", not "[pengajuan] [sukarela]".
    """
    merged = re.sub(f"{CLOSE}(\\s+){OPEN}", r"\1", snippet)
    return merged.replace(OPEN, open_).replace(CLOSE, close)


def search(store: Any, query: str, daerah: str | None = None, topic: str | None = None,
           limit: int = 20) -> list[Hit]:
    """Ranked hits for ``query`` in ``store`` (a :class:`rancang.corpus.store.Store`).

    ``daerah`` keeps regulations whose id or region name contains it; ``topic`` keeps clauses inside the node
    the model locates for that topic (its own clause and everything below it).
    """
    if limit < 1:
        raise InputError("--limit harus bilangan bulat positif.")
    where = ["clause_fts MATCH ?"]
    params: list[Any] = [fts_query(query)]
    regs = None
    if daerah:
        regs = _regions(store, daerah)
        where.append(f"c.reg IN ({','.join('?' * len(regs))})")
        params.extend(regs)
    if topic:
        check_key(topic)
        ors: list[str] = []
        for rid in regs if regs is not None else store.ids():
            loc = store.topics(rid).get(topic)
            if loc and loc.get("id"):
                ors.append("(c.reg=? AND covers(?, c.node))")
                params.extend([rid, loc["id"]])
        if not ors:
            return []
        where.append("(" + " OR ".join(ors) + ")")
    sql = (
        "SELECT c.reg, r.daerah, c.cite, c.node, c.text,"
        f" bm25(clause_fts) * (CASE WHEN c.type = 'lampiran' THEN {LAMPIRAN_WEIGHT} ELSE 1 END) AS score,"
        f" snippet(clause_fts, 0, '{OPEN}', '{CLOSE}', '…', 24) AS snip"
        " FROM clause_fts JOIN clauses c ON c.rowid = clause_fts.rowid JOIN regulations r ON r.id = c.reg"
        f" WHERE {' AND '.join(where)} ORDER BY score, c.reg, c.ord LIMIT ?"
    )
    params.append(limit)
    return [Hit(r["reg"], r["daerah"] or r["reg"], r["cite"], r["node"], r["snip"], r["text"], r["score"])
            for r in store.db.execute(sql, params)]


def _regions(store: Any, daerah: str) -> list[str]:
    """Ids of regulations whose id or region name contains ``daerah`` (case-insensitive)."""
    # "%" and "_" the user types are letters, not LIKE wildcards
    word = daerah.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    like = f"%{word}%"
    rows = store.db.execute(
        "SELECT id FROM regulations WHERE lower(id) LIKE ? ESCAPE '\\' OR lower(daerah) LIKE ? ESCAPE '\\'"
        " ORDER BY id",
        (like, like)).fetchall() if word else []
    if not rows:
        raise InputError(f"daerah '{daerah}' tidak ada dalam korpus.")
    return [r[0] for r in rows]

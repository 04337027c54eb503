"""Full-text search over every clause of the corpus, Indonesian-aware.

Indonesian words grow by affixes, and the prefix often assimilates the first letter of the root ("tugas" ->
"menugaskan", "penugasan", "ditugaskan"), so a prefix match alone cannot find a word family. Each query word is
therefore matched two ways, in the folded and stemmed index ``clause_words`` (schema 2, :mod:`.stem`): as a prefix
of a folded word ("penugas" finds "penugasan") or by its Indonesian stem ("tugas" finds "menugaskan"). A phrase in
quotes is matched exactly, word for word, with no stems and no prefixes. A word found nowhere in the index and not an
Indonesian word (a typo: "sistim"; :func:`.stem.is_word`) is replaced by the nearest word of the index's vocabulary
(rapidfuzz ratio >= :data:`TYPO_MIN`), and the replacement is reported. Case, diacritics, punctuation and
invisible characters (soft hyphen, zero-width space) are folded on both sides (:func:`rancang.fold.fold`).

Ranking: every clause that holds every query word as typed (prefix) or every phrase comes before any clause found
only through stems or a corrected word; within each group by bm25, a Lampiran block weighted below a body clause;
ties in document order, so a page of results is stable. "jenis nomor tahun" in a query ("perbup 17 2024", "PP
18/2016", "peraturan bupati nomor 17 tahun 2024") names an act (:mod:`.query`): alone it returns the act, with
other words it limits the search to it. A Pasal named with an act ("pasal 17 perbup jepara", "Pasal 5 ayat (2)
perbup 17/2024") returns that Pasal of that act, whole (as ``corpus show ID --cite``); the act by its number, or by
its kind and/or its region. A Pasal named with no act is searched as words (cross-references to it).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from rapidfuzz import fuzz, process

from rancang import kinds
from rancang.corpus.align import full_text
from rancang.corpus.dbfile import has_words
from rancang.corpus.query import ActRef, Query, parse_text
from rancang.corpus.rows import region_name
from rancang.corpus.stem import is_word, stem
from rancang.corpus.topics import check_key
from rancang.errors import InputError
from rancang.fold import fold

#: markers put around matched words in a snippet (control characters never found in legal text)
OPEN, CLOSE = "\x02", "\x03"
#: a Lampiran block ranks below a body clause that matches as well: the batang tubuh is what binds
LAMPIRAN_WEIGHT = 0.6
#: a clause of fewer words than this ranks as if its bm25 were cut in proportion: a bare list item or heading
#: ("c. pelaksanaan tugas;", "Bagian Keempat Pelaksanaan Tugas") holds the word but says nothing about it, and
#: bm25's length normalisation (fixed in FTS5) put such two-word rows first (measured, docs/search.md "Ranking")
SUBSTANCE_WORDS = 8
#: least rapidfuzz ratio (0-100) for a vocabulary word to stand for a typed word not in the index: "sistim" ->
#: "sistem" is 83; one wrong letter in a word of five or more letters stays at or above 80
TYPO_MIN = 80
#: words shorter than this are never corrected (too many neighbours: "di", "ke", "pp")
TYPO_MIN_LEN = 4
#: words of a snippet before and after the first match
SNIPPET_BEFORE, SNIPPET_AFTER = 8, 24
#: what separates a sentence or a list item from the next: ".", ";" or ":" then a space
_BOUNDARY = re.compile(r"[.;:]\s")
#: a word of the original text, invisible format characters inside it included ("sis\u00adtem")
_TEXT_WORD = re.compile(r"[^\W_]+(?:[\u00ad\u200b-\u200d\u2060\ufeff]+[^\W_]+)*")


@dataclass
class Hit:
    """One search hit: region, clause cite and id, a snippet with matches between OPEN/CLOSE, bm25 score, and
    ``exact``: whether every query word was found as typed (False: found through its stem or a correction)."""

    reg: str
    daerah: str
    cite: str
    node: str
    snippet: str
    text: str
    score: float
    exact: bool = True

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


def plain(snippet: str, open_: str = "", close: str = "") -> str:
    """A snippet with its match markers replaced (by nothing, by brackets, by ANSI or HTML tags).

    Neighbouring matches become one marked phrase: "[pengajuan sukarela]", not "[pengajuan] [sukarela]".
    """
    merged = re.sub(f"{CLOSE}(\\s+){OPEN}", r"\1", snippet)
    return merged.replace(OPEN, open_).replace(CLOSE, close)


def parse(store: Any, query: str) -> Query:
    """The :class:`.query.Query` of ``query`` with typos corrected against the vocabulary of ``store``'s index;
    a Pasal asked of an act (:attr:`.query.Query.cite`) with the acts it names (:attr:`.query.Query.regs`), the
    region's words taken out of the search words, or, when it names none, as words."""
    q = parse_text(query)
    if q.cite:
        _named_acts(store, q)
    if q.words and has_words(store.db):
        vocab: list[str] = []
        for i, w in enumerate(q.words):
            if len(w) < TYPO_MIN_LEN or not w.isalpha() or is_word(w) \
                    or _found(store, f'words : "{w}"* OR stems : "{stem(w)}"'):
                continue
            vocab = vocab or _vocabulary(store)  # read only when a word is missing: a large corpus has 10^5 words
            best = process.extractOne(w, vocab, scorer=fuzz.ratio, score_cutoff=TYPO_MIN)
            if best:
                q.corrections[w] = best[0]
                q.words[i] = best[0]
    return q


def _vocabulary(store: Any) -> list[str]:
    """Every word of the folded index (the fts5vocab of ``clause_words``), sorted."""
    store.db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.clause_vocab USING fts5vocab(main, clause_words, row)")
    return [r[0] for r in store.db.execute("SELECT term FROM temp.clause_vocab ORDER BY term")]


def _found(store: Any, expression: str) -> bool:
    """Does any clause match FTS5 ``expression`` in the stem index?"""
    return store.db.execute("SELECT 1 FROM clause_words WHERE clause_words MATCH ? LIMIT 1",
                            (expression,)).fetchone() is not None


def _expressions(q: Query, stems: bool) -> tuple[str, str]:
    """(MATCH expression finding the clauses, expression of the clauses that hold every word as typed)."""
    col = "words : " if stems else ""
    phrases = [f'{col}"{" ".join(p)}"' for p in q.phrases]
    exact = [f'{col}"{w}"*' for w in q.words if w not in q.corrections.values()] + phrases
    if stems:
        found = [f'({col}"{w}"* OR stems : "{stem(w)}")' for w in q.words] + phrases
    else:
        found = [f'"{w}"*' for w in q.words] + phrases
    return " AND ".join(found), (" AND ".join(exact) if len(exact) == len(found) else "")


def search(store: Any, query: str | Query, daerah: str | None = None, topic: str | None = None,
           limit: int = 20, offset: int = 0) -> list[Hit]:
    """Ranked hits for ``query`` in ``store`` (a :class:`rancang.corpus.store.Store`), ``offset`` hits skipped.

    ``daerah`` keeps regulations whose id or region name contains it; ``topic`` keeps clauses inside the node
    the model locates for that topic (its own clause and everything below it). A query that only names an act
    returns that act (``node`` "", ``cite`` its title, ``snippet`` its tentang). Raises InputError: empty query,
    unknown region or topic, limit < 1 or offset < 0.
    """
    if limit < 1:
        raise InputError("--limit harus bilangan bulat positif.")
    if offset < 0:
        raise InputError("--offset tidak boleh negatif.")
    q = query if isinstance(query, Query) else parse(store, query)
    regs = _regions(store, daerah) if daerah else None
    if q.cite and q.regs is not None:
        return _cited(store, q, [r for r in q.regs if regs is None or r in regs])[offset:offset + limit]
    if q.act:
        acts = _acts(store, q.act, regs)
        if not q.words and not q.phrases:
            return [_act_hit(r) for r in acts][offset:offset + limit]
        regs = [r["id"] for r in acts]
        if not regs:
            return []
    stems = has_words(store.db)
    table = "clause_words" if stems else "clause_fts"
    found, exact = _expressions(q, stems)
    where = [f"{table} MATCH ?"]
    params: list[Any] = [exact or "", found]
    if regs is not None:
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
    weights = "2.0, 1.0" if stems else "1.0"
    is_exact = (f"(c.rowid IN (SELECT rowid FROM {table} WHERE {table} MATCH ?))" if exact
                else "(0 AND ? IS NULL)")
    sql = (
        f"SELECT c.reg, r.daerah, c.cite, c.node, c.text, {is_exact} AS exact,"
        f" bm25({table}, {weights}) * (CASE WHEN c.type = 'lampiran' THEN {LAMPIRAN_WEIGHT} ELSE 1 END)"
        f" * MIN(1.0, (length(trim(c.text)) - length(replace(trim(c.text), ' ', '')) + 1) / {SUBSTANCE_WORDS}.0)"
        " AS score"
        f" FROM {table} JOIN clauses c ON c.rowid = {table}.rowid JOIN regulations r ON r.id = c.reg"
        f" WHERE {' AND '.join(where)} ORDER BY exact DESC, score, c.reg, c.ord LIMIT ? OFFSET ?"
    )
    params.extend([limit, offset])
    return [Hit(r["reg"], r["daerah"] or r["reg"], r["cite"], r["node"], snippet(r["text"], q), r["text"],
                r["score"], bool(r["exact"])) for r in store.db.execute(sql, params)]


def snippet(text: str, q: Query) -> str:
    """The part of ``text`` around its first matched word, every matched word between OPEN and CLOSE: a word
    that starts with a query word, shares its stem, or belongs to a quoted phrase."""
    prefixes = tuple(q.words)
    stems_ = {stem(w) for w in q.words}
    exact = {w for p in q.phrases for w in p}
    spans = [(m.start(), m.end(), fold(m.group())) for m in _TEXT_WORD.finditer(text)]
    marked = [bool(f) and (f.startswith(prefixes) or f in exact or stem(f) in stems_) if prefixes or exact else False
              for _, _, f in spans]
    first = marked.index(True) if True in marked else 0
    if not spans:
        return text
    lo, hi = opening(text, spans, first), min(len(spans), first + SNIPPET_AFTER)
    out, pos = [], spans[lo][0]
    for (start, end, _), mark in zip(spans[lo:hi], marked[lo:hi], strict=True):
        out.append(text[pos:start])
        out.append(f"{OPEN}{text[start:end]}{CLOSE}" if mark else text[start:end])
        pos = end
    tail = spans[hi - 1][1]
    return ("…" if lo else "") + "".join(out) + ("…" if hi < len(spans) else text[tail:])


def opening(text: str, spans: list[tuple[int, int, str]], first: int) -> int:
    """The word a snippet opens with, for the match at word ``first``: the start of its sentence or list item (the
    word after ".", ";" or ":" and a space, or the text's first word; an item's label with it) when that is at most 2 x
    :data:`SNIPPET_BEFORE` words back; else :data:`SNIPPET_BEFORE` words back, always at a whole word."""
    for i in range(first, max(-1, first - 2 * SNIPPET_BEFORE - 1), -1):
        if i == 0 or _BOUNDARY.search(text[spans[i - 1][1]:spans[i][0]]):
            label = i > 0 and len(spans[i - 1][2]) <= 2 and text[spans[i - 1][1]:spans[i - 1][1] + 1] in ".)"
            return i - 1 if label else i  # a list label ("b.", "2)") opens its item
    return max(0, first - SNIPPET_BEFORE)


def _acts(store: Any, act: ActRef, regs: list[str] | None) -> list[Any]:
    """The stored regulations ``act`` names (same nomor and tahun; same kind when one is given), by id."""
    rows = store.db.execute("SELECT id, daerah, jenis, nomor, tahun, tentang FROM regulations"
                            " WHERE tahun=? ORDER BY id", (act.tahun,)).fetchall()
    out = []
    for r in rows:
        kind = kinds.of(r["jenis"])
        if fold(str(r["nomor"] or "")) != act.nomor or (act.kind and (kind is None or kind.id != act.kind)):
            continue
        if regs is None or r["id"] in regs:
            out.append(r)
    return out


def _named_acts(store: Any, q: Query) -> None:
    """Fill ``q.regs`` with the stored acts a query asking for a Pasal names: by number (``q.act``), by kind
    (``q.kind``) and/or by region (query words that are all the words of a stored act's region name, "jepara",
    "pasaman barat"; taken out of ``q.words``), each narrowing the others ("pasal 3 perbup jepara nomor 17 tahun
    2024"). A query that names no act has its Pasal put back as words."""
    rows = store.db.execute("SELECT id, daerah, jenis FROM regulations ORDER BY id").fetchall()
    if q.act:
        numbered = {r["id"] for r in _acts(store, q.act, None)}
        rows = [r for r in rows if r["id"] in numbered]
    typed = set(q.words)
    names = {r["id"]: fold(region_name(r["daerah"]) or r["id"]).split() for r in rows}
    named = [r for r in rows if names[r["id"]] and set(names[r["id"]]) <= typed]
    if named:
        longest = max(len(names[r["id"]]) for r in named)
        named = [r for r in named if len(names[r["id"]]) == longest]
        region = set(names[named[0]["id"]])
        q.words = [w for w in q.words if w not in region]
    elif q.act or q.kind:
        named = rows
    else:
        q.words = [*fold(q.cite or "").split(), *q.words]
        q.cite = None
        return
    q.regs = [r["id"] for r in named if not q.kind or _kind_id(r["jenis"]) == q.kind]


def _kind_id(jenis: str | None) -> str | None:
    kind = kinds.of(jenis or "")
    return kind.id if kind else None


def _cited(store: Any, q: Query, regs: list[str]) -> list[Hit]:
    """The hits of a Pasal asked of acts: the clause ``q.cite`` of each act in ``regs`` that has it, whole (its
    words and those of everything under it, labels included), in act order; with other query words, only where
    the clause holds them all (by prefix or stem)."""
    rows = {r["id"]: r for r in store.db.execute("SELECT id, daerah FROM regulations").fetchall()}
    out: list[Hit] = []
    for rid in regs:
        node = store.regulation(rid).find(q.cite or "")
        if node is None:
            continue
        text = full_text(node)
        if q.words and not all(any(f.startswith(w) or stem(f) == stem(w) for f in words(text)) for w in q.words):
            continue
        out.append(Hit(rid, rows[rid]["daerah"] or rid, node.cite, node.id, _lead(text), text, 0.0, True))
    return out


def _lead(text: str) -> str:
    """The opening of a whole clause as its snippet: its first :data:`SNIPPET_AFTER` + :data:`SNIPPET_BEFORE`
    words as written, "…" where it goes on."""
    spans = list(_TEXT_WORD.finditer(text))
    cut = SNIPPET_BEFORE + SNIPPET_AFTER
    return text if len(spans) <= cut else text[:spans[cut - 1].end()] + "…"


def _act_hit(r: Any) -> Hit:
    """The hit of a whole act: its title as cite, its tentang as snippet."""
    title = f"{r['jenis'] or 'Peraturan'} Nomor {r['nomor']} Tahun {r['tahun']}"
    tentang = r["tentang"] or ""
    return Hit(r["id"], r["daerah"] or r["id"], title, "", tentang, tentang, 0.0, True)


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

"""``rancang corpus repair``: check a corpus file and mend what can be mended without the source files.

In order: SQLite's own ``PRAGMA integrity_check`` (a damaged page cannot be mended here: the sentence says to
restore a copy); each regulation's stored tree (a bundled one is stored again from the bundle, any other that
cannot be read is removed and named, so its file can be added again); its topics JSON (cleared: computed again on
need); its clause rows against its tree (rebuilt when their number or citations differ); the FTS index
(``integrity-check``, rebuilt when it fails) and the stem index beside it (refilled from the clauses). Everything
is written in one transaction.
"""

from __future__ import annotations

import json
import sqlite3

from rancang import corpus
from rancang.corpus import dbfile
from rancang.corpus.rows import clauses
from rancang.errors import InputError


def repair(con: sqlite3.Connection, path: str) -> list[str]:
    """Mend the corpus open as ``con`` (writable) and return what was done, one Indonesian line each (empty: the
    corpus was whole). Raises InputError when the file itself is damaged beyond this (integrity_check fails)."""
    problems = [r[0] for r in con.execute("PRAGMA integrity_check") if r[0] != "ok"]
    if problems:
        raise InputError(f"{path}: berkas korpus rusak pada tingkat SQLite ({problems[0]}); pulihkan dari salinan "
                         "cadangan, atau buat korpus baru dan tambahkan lagi berkas peraturannya.")
    done: list[str] = []
    bundled = {e["id"] for e in corpus.bundled()}
    con.execute("BEGIN IMMEDIATE")
    try:
        for rid, file, is_bundled, count, blob, topics in con.execute(
                "SELECT id, file, bundled, clauses, tree, topics FROM regulations ORDER BY id").fetchall():
            done.extend(_mend(con, rid, file, bool(is_bundled) and rid in bundled, count, blob, topics))
        if not _exact_whole(con):
            con.execute("INSERT INTO clause_fts(clause_fts) VALUES ('rebuild')")
            done.append("indeks pencarian (FTS) dibangun ulang")
        if dbfile.has_words(con) and not _words_whole(con):
            dbfile.fill_words(con, drop=True)
            done.append("indeks kata dasar pencarian dibangun ulang")
        con.execute("COMMIT")
    except BaseException:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise
    return done


def _mend(con: sqlite3.Connection, rid: str, file: str | None, bundled: bool, count: int, blob: bytes,
          topics: str | None) -> list[str]:
    """Mend one regulation row; what was done."""
    try:
        reg = dbfile.tree_of(blob)
    except ValueError:
        if bundled:
            reg = corpus.load(rid)
            con.execute("UPDATE regulations SET tree=?, topics=NULL WHERE id=?", (dbfile.compress(reg), rid))
            dbfile.rebuild_clauses(con, rid, reg)
            return [f"{rid}: pohon yang rusak diganti dari korpus bawaan"]
        con.execute("DELETE FROM clauses WHERE reg=?", (rid,))
        con.execute("DELETE FROM regulations WHERE id=?", (rid,))
        return [f"{rid}: pohonnya rusak dan dihapus; tambahkan lagi berkasnya ({file or 'tanpa nama berkas'})"]
    done = []
    if topics is not None and not _json_object(topics):
        con.execute("UPDATE regulations SET topics=NULL WHERE id=?", (rid,))
        done.append(f"{rid}: data topik yang rusak dihapus (dihitung ulang saat diperlukan)")
    want = [(c.node, c.cite, c.text) for c in clauses(reg)]
    have = con.execute("SELECT node, cite, text FROM clauses WHERE reg=? ORDER BY ord", (rid,)).fetchall()
    if count != len(want) or [tuple(r) for r in have] != want:
        dbfile.rebuild_clauses(con, rid, reg)
        done.append(f"{rid}: {len(want)} baris klausul dibangun ulang dari pohonnya")
    return done


def _json_object(text: str) -> bool:
    try:
        return isinstance(json.loads(text), dict)
    except ValueError:
        return False


def _words_whole(con: sqlite3.Connection) -> bool:
    """The stem index (schema 2) passes FTS5's check and has one row per clause."""
    try:
        con.execute("INSERT INTO clause_words(clause_words, rank) VALUES ('integrity-check', 1)")
        have = con.execute("SELECT count(*) FROM clause_words").fetchone()[0]
    except sqlite3.DatabaseError:
        return False
    return bool(have == con.execute("SELECT count(*) FROM clauses").fetchone()[0])


def _exact_whole(con: sqlite3.Connection) -> bool:
    try:
        con.execute("INSERT INTO clause_fts(clause_fts, rank) VALUES ('integrity-check', 1)")
        return True
    except sqlite3.DatabaseError:
        return False


def fts_whole(con: sqlite3.Connection) -> bool:
    """FTS5's own check of the index against the clause rows (a full scan: run where it pays, e.g. when a search
    finds nothing)."""
    return _exact_whole(con) and (not dbfile.has_words(con) or _words_whole(con))

"""The corpus database file itself: opening it (read-only where it cannot be written), telling a rancang corpus
from any other SQLite file, its schema version and migrations, and what SQLite says about it in Indonesian.

* A file that is not SQLite, or SQLite of another application (tables but no ``regulations``/``clauses``/``info``),
  is refused with one sentence and never touched: creating rancang's tables in it would turn someone else's data
  into a "corpus".
* The schema version is ``PRAGMA user_version`` (:data:`SCHEMA_VERSION`). A corpus written before versions were
  kept (0) or by an older rancang is migrated in one transaction when the file can be written (:data:`MIGRATIONS`);
  one written by a newer rancang is refused.
* A corpus on a read-only mount (or without write permission) opens read-only for the commands that only read
  (``corpus list/show``, ``search``, ``diff``); a command that would write gets one sentence.
* SQLite reports a full disk, a read-only file and a failing device as ``OperationalError`` in English: the user
  gets the file's name and the reason in Indonesian (:func:`write_failure`).
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Callable
from pathlib import Path

from rancang.corpus import links
from rancang.corpus.rows import clauses
from rancang.corpus.stem import fingerprint as stem_fingerprint
from rancang.corpus.stem import register
from rancang.errors import InputError, os_reason
from rancang.tree import Regulation

#: the version of the schema this rancang writes (``PRAGMA user_version``); 0 is a corpus from before versions
SCHEMA_VERSION = 3
#: the tables every rancang corpus has had, in every version
CORPUS_TABLES = frozenset({"info", "regulations", "clauses"})
_HEADER = b"SQLite format 3\x00"
#: how to repair, in the sentences that need it
#: the folded and stemmed index beside the exact one (schema 2): column ``words`` holds the clause folded
#: (:func:`rancang.fold.fold`, invisible characters removed), ``stems`` its Indonesian stems
#: (:func:`rancang.corpus.stem.stems`); rowid is the clause's rowid. Kept by triggers calling the SQL functions
#: :func:`rancang.corpus.stem.register` defines on every connection.
WORDS_TABLE = ("CREATE VIRTUAL TABLE IF NOT EXISTS clause_words USING fts5(words, stems, "
               "tokenize='unicode61 remove_diacritics 2')")
#: the table and the triggers that keep it in step with ``clauses`` (part of the store's schema)
WORDS_SCHEMA = WORDS_TABLE + """;
CREATE TRIGGER IF NOT EXISTS clauses_words_ai AFTER INSERT ON clauses BEGIN
    INSERT INTO clause_words(rowid, words, stems)
    VALUES (new.rowid, rancang_fold(new.text), rancang_stems(new.text));
END;
CREATE TRIGGER IF NOT EXISTS clauses_words_ad AFTER DELETE ON clauses BEGIN
    DELETE FROM clause_words WHERE rowid = old.rowid;
END;
"""
#: info key of the stemmer the stem index was filled with
STEMMER = "stemmer"
REPAIR_HINT = "jalankan 'rancang corpus repair{db}' lalu coba lagi"

#: SQLite's message (lower case, a part of it) -> the reason in Indonesian
_SQLITE_REASONS = (("disk is full", "ruang disk habis"), ("readonly", "hanya dapat dibaca"),
                   ("read-only", "hanya dapat dibaca"), ("locked", "sedang dikunci proses lain; coba lagi nanti"),
                   ("disk i/o", "kesalahan baca/tulis perangkat"), ("unable to open", "tidak dapat dibuka"),
                   ("busy", "sedang dipakai proses lain; coba lagi nanti"), ("malformed", "berkasnya rusak"),
                   ("corrupt", "indeksnya rusak"), ("not a database", "bukan basis data SQLite"))


def reason(exc: sqlite3.Error) -> str:
    """Why SQLite refused, in Indonesian.

    >>> reason(sqlite3.OperationalError("database or disk is full"))
    'ruang disk habis'
    >>> reason(sqlite3.OperationalError("attempt to write a readonly database"))
    'hanya dapat dibaca'
    """
    text = str(exc).lower()
    return next((words for key, words in _SQLITE_REASONS if key in text), "kesalahan basis data")


def write_failure(path: Path, exc: sqlite3.Error) -> str:
    """The sentence for a write to the corpus at ``path`` that SQLite refused; nothing of it was kept."""
    return f"{path}: korpus tidak dapat ditulis ({reason(exc)}); perubahan ini dibatalkan, isi korpus tetap."


def damaged(path: Path, exc: BaseException | str) -> str:
    """The sentence for a corpus whose content cannot be read (an index, a stored tree, a table)."""
    why = exc if isinstance(exc, str) else reason(exc) if isinstance(exc, sqlite3.Error) else "isinya rusak"
    return f"{path}: korpus rusak ({why}); {REPAIR_HINT.format(db=f' --db {path}')}."


def identify(path: Path) -> None:
    """Refuse ``path`` unless it is missing, empty, or a SQLite file holding a rancang corpus (or nothing yet).

    Raises InputError, one sentence; the file is opened read-only and never changed."""
    try:
        with path.open("rb") as f:
            head = f.read(len(_HEADER))
    except FileNotFoundError:
        return
    except OSError as exc:
        raise InputError(f"{path}: basis data korpus tidak dapat dibaca ({os_reason(exc)}).") from exc
    if not head:
        return
    if head != _HEADER:
        raise InputError(f"{path}: bukan basis data korpus rancang (bukan berkas SQLite); berkas itu tidak diubah.")
    try:
        con = _read_only(path)
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise InputError(damaged(path, exc)) from exc
    if tables and not CORPUS_TABLES <= tables:
        raise InputError(f"{path}: basis data SQLite milik aplikasi lain, bukan korpus rancang (tabelnya: "
                         f"{', '.join(sorted(tables)[:6])}); berkas itu tidak diubah.")


def _read_only(path: Path) -> sqlite3.Connection:
    """``path`` opened read-only; on a read-only mount, where SQLite cannot even create the WAL index, as an
    immutable file."""
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return con
    except sqlite3.OperationalError:
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:  # an immutable read would not see what the WAL still holds
            raise InputError(f"{path}: korpus hanya dapat dibaca dan perubahan terakhirnya masih di {wal.name}; "
                             "salin kedua berkas ke tempat yang dapat ditulis lalu buka dari sana.") from None
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, isolation_level=None)
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return con


def connect(path: Path, schema: str, read_only_ok: bool) -> tuple[sqlite3.Connection, bool]:
    """Open the corpus at ``path`` (created with ``schema`` when new): (connection, writable).

    A corpus that cannot be written opens read-only when ``read_only_ok``; otherwise, and for anything else SQLite
    refuses, InputError with one sentence. An older schema is migrated (when writable) or refused."""
    identify(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(path, isolation_level=None, timeout=30)
        try:
            con.execute("PRAGMA journal_mode=WAL")
            con.execute("PRAGMA synchronous=NORMAL")  # WAL stays consistent; only durability is relaxed
            writable = True
        except sqlite3.OperationalError as exc:
            con.close()
            if not (read_only_ok and path.exists() and reason(exc) in ("hanya dapat dibaca", "tidak dapat dibuka")):
                raise
            con, writable = _read_only(path), False
    except OSError as exc:
        if not (read_only_ok and path.exists()):
            raise InputError(f"{path}: basis data korpus tidak dapat dibuka ({os_reason(exc)}).") from exc
        con, writable = _read_only(path), False
    except sqlite3.OperationalError as exc:
        raise InputError(f"{path}: basis data korpus tidak dapat dibuka ({reason(exc)}).") from exc
    con.execute("PRAGMA foreign_keys=ON")
    register(con)
    try:
        _upgrade(con, path, schema, writable)
    except BaseException:
        con.close()
        raise
    return con, writable


def _upgrade(con: sqlite3.Connection, path: Path, schema: str, writable: bool) -> None:
    """Bring the schema to :data:`SCHEMA_VERSION`: create it in a new file, migrate an older one."""
    version = con.execute("PRAGMA user_version").fetchone()[0]
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if version > SCHEMA_VERSION:
        raise InputError(f"{path}: korpus ini dibuat oleh rancang yang lebih baru (skema {version}, versi ini "
                         f"mengenal sampai {SCHEMA_VERSION}); perbarui rancang.")
    if version == SCHEMA_VERSION and CORPUS_TABLES <= tables:
        return
    if not writable:
        if not tables:
            raise InputError(f"{path}: korpus belum ada dan tidak dapat dibuat di sini (hanya dapat dibaca).")
        if _current(con):
            return  # a corpus written before versions were kept, already in today's shape: readable as it is
        raise InputError(f"{path}: korpus ini memakai skema lama dan hanya dapat dibaca, sehingga tidak dapat "
                         "diperbarui; buka sekali di tempat yang dapat ditulis.")
    try:
        con.execute("BEGIN IMMEDIATE")
        for step in MIGRATIONS[version:] if tables else ():
            step(con)
        for statement in _statements(schema):  # CREATE ... IF NOT EXISTS: the tables still missing
            con.execute(statement)
        con.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        con.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        if con.in_transaction:
            con.execute("ROLLBACK")
        if isinstance(exc, sqlite3.OperationalError) and reason(exc) != "kesalahan basis data":
            raise InputError(write_failure(path, exc)) from exc
        raise InputError(damaged(path, exc)) from exc


def _statements(script: str) -> list[str]:
    """The SQL statements of ``script``, split where SQLite says one is complete (a trigger's body holds ";"),
    so they run inside the caller's transaction (``executescript`` would commit it first)."""
    out, part = [], ""
    for line in script.splitlines(keepends=True):
        part += line
        if sqlite3.complete_statement(part):
            out.append(part.strip())
            part = ""
    return out


def _current(con: sqlite3.Connection) -> bool:
    """Does an unversioned corpus already have every column of today's schema?"""
    return "cite" in _columns(con, "clauses")


def _columns(con: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in con.execute(f"PRAGMA table_info({table})")}


def _v0_to_v1(con: sqlite3.Connection) -> None:
    """0 -> 1: clause rows carry their citation ("Pasal 4 ayat (2)", column ``cite``); the rows of each stored
    regulation are rebuilt from its tree (:func:`rancang.corpus.rows.clauses`)."""
    if "cite" in _columns(con, "clauses"):
        return
    con.execute("ALTER TABLE clauses ADD COLUMN cite TEXT NOT NULL DEFAULT ''")
    for rid, blob in con.execute("SELECT id, tree FROM regulations").fetchall():
        try:
            reg = tree_of(blob)
        except ValueError:
            continue  # a damaged tree keeps its old rows; `rancang corpus repair` deals with it
        rebuild_clauses(con, rid, reg)


def _v1_to_v2(con: sqlite3.Connection) -> None:
    """1 -> 2: the folded and stemmed index :data:`WORDS_TABLE` beside the exact one, filled from every clause."""
    fill_words(con)


def _v2_to_v3(con: sqlite3.Connection) -> None:
    """2 -> 3: what each stored act amends or repeals (:data:`rancang.corpus.links.TABLE`), read from its tree, so
    that an act and the act that amends it are linked (issue 30 item 3)."""
    for statement in _statements(links.TABLE):
        con.execute(statement)
    for rid, blob in con.execute("SELECT id, tree FROM regulations").fetchall():
        try:
            reg = tree_of(blob)
        except ValueError:
            continue  # a damaged tree declares nothing; `rancang corpus repair` deals with it
        links.record(con, rid, reg)


def fill_words(con: sqlite3.Connection, drop: bool = False) -> None:
    """Create :data:`WORDS_TABLE` when missing (``drop``: anew) and fill it from every clause row (it must be
    empty); info key ``stemmer`` records the stemmer it was filled with (:func:`rancang.corpus.stem.fingerprint`)."""
    if drop:
        con.execute("DROP TABLE IF EXISTS clause_words")
    con.execute(WORDS_TABLE)
    con.execute("INSERT INTO clause_words(rowid, words, stems)"
                " SELECT rowid, rancang_fold(text), rancang_stems(text) FROM clauses")
    con.execute("INSERT OR REPLACE INTO info(key, value) VALUES (?, ?)", (STEMMER, stem_fingerprint()))


def has_words(con: sqlite3.Connection) -> bool:
    """Does this corpus have the stem index (schema 2)? A read-only corpus of schema 1 has not."""
    return con.execute("SELECT 1 FROM sqlite_master WHERE name='clause_words'").fetchone() is not None


def tree_of(blob: bytes) -> Regulation:
    """The Regulation stored as ``blob`` (zlib-compressed JSON). Raises ValueError when it is damaged."""
    try:
        return Regulation.from_dict(json.loads(zlib.decompress(blob).decode("utf-8")))
    except (zlib.error, UnicodeDecodeError, TypeError, KeyError, AttributeError, ValueError) as exc:
        raise ValueError(f"stored tree damaged: {type(exc).__name__}") from exc


def compress(reg: Regulation) -> bytes:
    """The stored form of a tree: zlib-compressed JSON (level 6)."""
    return zlib.compress(json.dumps(reg.to_dict(), ensure_ascii=False).encode("utf-8"), 6)


def rebuild_clauses(con: sqlite3.Connection, rid: str, reg: Regulation) -> int:
    """Replace the clause rows (and with them the FTS entries, by trigger) of regulation ``rid`` by those of its
    tree; the row's ``clauses`` count follows. Returns the number of rows."""
    rows = clauses(reg)
    con.execute("DELETE FROM clauses WHERE reg=?", (rid,))
    con.executemany("INSERT INTO clauses(reg, ord, node, type, cite, text) VALUES (?,?,?,?,?,?)",
                    [(rid, i, c.node, c.type, c.cite, c.text) for i, c in enumerate(rows)])
    con.execute("UPDATE regulations SET clauses=? WHERE id=?", (len(rows), rid))
    return len(rows)


#: MIGRATIONS[v] brings a corpus of schema version v to v + 1 (inside the caller's transaction)
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v0_to_v1, _v1_to_v2, _v2_to_v3]

"""The corpus store: every clause of every regulation in one embedded SQLite file with an FTS5 index.

Why SQLite: a bureau's corpus is a few hundred regulations, one file is easy to copy and back up, and FTS5
gives ranked full-text search without a server. Each regulation is written whole inside one transaction (its row,
all its clause rows and their index entries; ``corpus add`` writes a few per transaction), so a crash or Ctrl-C
in the middle of a batch leaves only whole regulations; the ``clauses`` column of a regulation row records how
many clause rows it must have, so that claim can be checked. Regulations are keyed by the sha256 of their source
file: adding the same file again changes nothing.

The bundled seeds (:func:`rancang.corpus.bundled`) are written into a new database the first time it is
opened, so ``rancang search`` works without any set-up step.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from rancang import corpus
from rancang.address import covers
from rancang.corpus import dbfile, links, seedstore, shipped, stem
from rancang.corpus.cluster import cluster_map, read_file, read_files
from rancang.corpus.jdih import FIELDS, documents, read_feed
from rancang.corpus.rows import clauses, expand, file_sha256, now, region_name, text_or_none
from rancang.corpus.topics import topics_of
from rancang.corpus.workers import ingest_all, topics_one, worker_map
from rancang.errors import InputError, OutputError
from rancang.fold import slug
from rancang.ingest import fingerprint
from rancang.tree import Regulation

#: environment variable naming the database (used when ``--db`` is not given)
ENV_DB = "RANCANG_DB"

SCHEMA = """
CREATE TABLE IF NOT EXISTS info(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS regulations(
    id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    file TEXT, daerah TEXT, daerah_jenis TEXT, jenis TEXT, nomor TEXT, tahun INTEGER, tentang TEXT,
    bundled INTEGER NOT NULL DEFAULT 0,
    added TEXT NOT NULL,
    clauses INTEGER NOT NULL,          -- number of clause rows this regulation must have
    tree BLOB NOT NULL,                -- zlib-compressed JSON of the Regulation tree
    topics TEXT                        -- JSON of rancang.model topics, filled on first need
);
CREATE TABLE IF NOT EXISTS clauses(
    rowid INTEGER PRIMARY KEY,
    reg TEXT NOT NULL REFERENCES regulations(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,              -- document order within the regulation
    node TEXT NOT NULL,                -- node id: "pasal-4/ayat-2", "lampiran-12"
    type TEXT NOT NULL,
    cite TEXT NOT NULL,                -- "Pasal 4 ayat (2)"
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS clauses_reg ON clauses(reg, ord);
CREATE VIRTUAL TABLE IF NOT EXISTS clause_fts USING fts5(
    text, content='clauses', content_rowid='rowid', tokenize="unicode61 remove_diacritics 2");
CREATE TRIGGER IF NOT EXISTS clauses_ai AFTER INSERT ON clauses BEGIN
    INSERT INTO clause_fts(rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER IF NOT EXISTS clauses_ad AFTER DELETE ON clauses BEGIN
    INSERT INTO clause_fts(clause_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
""" + dbfile.WORDS_SCHEMA + links.TABLE


def default_path() -> Path:
    """The database used when no ``--db`` is given: $RANCANG_DB, else the user's data directory."""
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env)
    return Path(user_data_dir("rancang")) / "corpus.sqlite"


@dataclass
class AddResult:
    """What a batch add did: new ids, files already present (no-op) and files that could not be read."""

    added: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


#: info key of a database its user keeps without the bundled regulations (``corpus add --no-seed``)
NO_BUNDLED = "tanpa_bawaan"
#: regulations per transaction of :meth:`Store.add_files` (a killed batch loses at most these; adding again ends it)
BATCH = 16


class Store:
    """An open corpus database. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path | None = None, seed: bool = True, read_only_ok: bool = False) -> None:
        """Open (or create) the corpus at ``path`` (default: :func:`default_path`); ``seed`` writes the bundled
        regulations into a new database. ``read_only_ok``: a corpus that cannot be written (read-only mount, no
        permission) opens read-only (``writable`` False) instead of being refused, for commands that only read.
        Raises InputError: not a rancang corpus, damaged, newer schema (:func:`rancang.corpus.dbfile.connect`)."""
        self.path = Path(path) if path else default_path()
        placed = seed and seedstore.place(self.path)  # a new store: a copy of the shipped seeded one, when current
        self.db, self.writable = dbfile.connect(self.path, SCHEMA, read_only_ok)
        self.db.create_function("covers", 2, covers, deterministic=True)  # SQL: covers(outer, inner)
        self.db.row_factory = sqlite3.Row
        if not self.writable:
            return
        try:
            if placed:
                with self._transaction():
                    seedstore.restamp(self.db, now())
            if self.info(dbfile.STEMMER) != stem.fingerprint():
                with self._transaction():  # built by another stemmer or keep list (none yet: a new corpus)
                    dbfile.fill_words(self.db, drop=True)
            if seed and self.info("seeded") is None and self.info(NO_BUNDLED) is None:
                self.seed()
            elif seed and self.info("reader") != fingerprint():
                self.refresh_bundled()
        except BaseException:
            self.db.close()
            raise

    # -- plumbing -------------------------------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        """Close; an SQLite error from a damaged file or index becomes one sentence (:func:`dbfile.damaged`)."""
        self.close()
        if isinstance(exc, sqlite3.OperationalError) and dbfile.reason(exc) != "kesalahan basis data":
            raise InputError(f"{self.path}: korpus tidak dapat dipakai ({dbfile.reason(exc)}).") from exc
        if isinstance(exc, sqlite3.DatabaseError):
            raise InputError(dbfile.damaged(self.path, exc)) from exc

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One write transaction: committed whole, or rolled back on any error (SQLite may already have rolled it
        back itself, e.g. on a full disk). A write the file system refuses becomes OutputError, one sentence.
        Inside an open transaction (a batch of :meth:`add_files`) it is part of that one."""
        if self.db.in_transaction:
            yield
            return
        try:
            self.db.execute("BEGIN IMMEDIATE")
            yield
            self.db.execute("COMMIT")
        except BaseException as exc:
            if self.db.in_transaction:
                with suppress(sqlite3.Error):
                    self.db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError):
                raise OutputError(dbfile.write_failure(self.path, exc)) from exc
            raise

    def info(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM info WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def without_bundled(self) -> bool:
        """Keep this database free of the bundled regulations for good (``corpus add --no-seed``): opening it later
        never seeds it, until :meth:`seed` is called (``corpus add --seed``). False (nothing recorded) when the
        bundled regulations are already in it."""
        if self.info("seeded") is not None:
            return False
        self.db.execute("INSERT OR REPLACE INTO info(key, value) VALUES (?, ?)", (NO_BUNDLED, now()))
        return True

    def seed(self) -> None:
        """Write the bundled seeds (once per database; a seed the user removed later stays removed)."""
        self.db.execute("DELETE FROM info WHERE key=?", (NO_BUNDLED,))
        stem.learn(shipped.seed_stems())  # their words' stems as the stemmer gives them: no Sastrawi run here
        for e in corpus.bundled():
            self._add_bundled(e["id"])
        self.db.execute("INSERT OR REPLACE INTO info(key, value) VALUES ('seeded', ?)", (now(),))
        self.db.execute("INSERT OR REPLACE INTO info(key, value) VALUES ('reader', ?)", (fingerprint(),))

    def refresh_bundled(self) -> None:
        """Re-parse the bundled regulations still in the database with the current reader (after an upgrade);
        a bundled regulation the user removed stays removed."""
        present = {r[0] for r in self.db.execute("SELECT id FROM regulations WHERE bundled=1")}
        for e in corpus.bundled():
            if e["id"] in present:
                self.remove(e["id"])
                self._add_bundled(e["id"])
        self.db.execute("INSERT OR REPLACE INTO info(key, value) VALUES ('reader', ?)", (fingerprint(),))

    def _add_bundled(self, rid: str) -> None:
        """Store bundled regulation ``rid`` under its own id; when a user's regulation already holds that id (a
        database written before ids were reserved), the bundled one takes a fresh id instead of failing."""
        reg = corpus.load(rid)
        taken = self.db.execute("SELECT 1 FROM regulations WHERE id=?", (rid,)).fetchone()
        with self._transaction():  # the tree and its shipped topics (a first draft needs no spaCy) together
            stored, new = self.add(reg, id=None if taken else rid, bundled=True)
            if new and (known := shipped.topics_for(rid, reg)) is not None:
                self.db.execute("UPDATE regulations SET topics=? WHERE id=?", (json.dumps(known), stored))

    # -- writing --------------------------------------------------------------------------------------------
    def has(self, sha256: str) -> str | None:
        """The id of the regulation whose source has this sha256, if present."""
        row = self.db.execute("SELECT id FROM regulations WHERE sha256=?", (sha256,)).fetchone()
        return row[0] if row else None

    def add(self, reg: Regulation, id: str | None = None, bundled: bool = False) -> tuple[str, bool]:
        """Store ``reg`` with all its clauses in one transaction. Returns (id, True if new)."""
        sha = reg.source.sha256 or hashlib.sha256(
            json.dumps(reg.to_dict(), sort_keys=True).encode()).hexdigest()
        rows = clauses(reg)
        meta = reg.meta
        blob = dbfile.compress(reg)
        with self._transaction():
            known = self.has(sha)
            if known:
                return known, False
            rid = id or self._new_id(reg)
            self.db.execute(
                "INSERT INTO regulations(id, sha256, file, daerah, daerah_jenis, jenis, nomor, tahun,"
                " tentang, bundled, added, clauses, tree) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (rid, sha, reg.source.file, meta.daerah, meta.daerah_jenis, meta.jenis, text_or_none(meta.nomor),
                 meta.tahun, meta.tentang, int(bundled), now(), len(rows), blob))
            self.db.executemany(
                "INSERT INTO clauses(reg, ord, node, type, cite, text) VALUES (?,?,?,?,?,?)",
                [(rid, i, c.node, c.type, c.cite, c.text) for i, c in enumerate(rows)])
            links.record(self.db, rid, reg)
        return rid, True

    def _new_id(self, reg: Regulation) -> str:
        """A readable id: the region ('jepara'), else with year and number, else with part of the sha256."""
        meta = reg.meta
        base = slug(region_name(meta.daerah)) or slug(Path(reg.source.file or "").stem) or "peraturan"
        candidates = [base, f"{base}-{meta.tahun}-{slug(text_or_none(meta.nomor) or '')}".rstrip("-"),
                      f"{base}-{(reg.source.sha256 or '')[:8]}"]
        for c in candidates:
            if self._free(c):
                return c
        n = 2
        while not self._free(f"{base}-{n}"):
            n += 1
        return f"{base}-{n}"

    def _free(self, rid: str) -> bool:
        """May a new regulation take id ``rid``? Not when it is used, nor when a bundled regulation owns it (even
        one not stored yet: a ``--no-seed`` database may be seeded later with ``--seed``)."""
        reserved = {e["id"] for e in corpus.bundled()} | {e["daerah"].lower() for e in corpus.bundled()}
        return rid.lower() not in reserved and not self.db.execute(
            "SELECT 1 FROM regulations WHERE id=?", (rid,)).fetchone()

    def add_files(self, paths: Iterable[str | Path], jobs: int | None = None,
                  progress: Callable[[int], None] | None = None, cluster: Any = None) -> AddResult:
        """Ingest files in parallel worker processes and write each finished one here, in input order.

        Files whose sha256 is already stored are skipped before parsing (re-adding is a no-op). ``progress``
        is called with the number of files finished since the last call. With ``cluster`` (a
        ``distributed.Client``, see :mod:`rancang.corpus.cluster`) the files are parsed as Dask tasks; this
        process alone writes the store, one transaction per :data:`BATCH` regulations.
        """
        files = expand(paths)
        result = AddResult()
        todo: list[Path] = []
        for f in files:
            known = self.has(file_sha256(f))
            if known:
                result.skipped.append((str(f), known))
                if progress:
                    progress(1)
            else:
                todo.append(f)
        parsed = iter(read_files(todo, cluster) if cluster is not None else ingest_all(todo, jobs))
        while batch := list(islice(parsed, BATCH)):
            with self._transaction():  # whole regulations only: a batch is committed whole or not at all
                for f, outcome in batch:
                    if isinstance(outcome, str):
                        result.failed.append((str(f), outcome))
                    else:
                        rid, new = self.add(Regulation.from_dict(outcome))
                        (result.added.append(rid) if new else result.skipped.append((str(f), rid)))
            if progress:
                progress(len(batch))
        return result

    def add_feed(self, location: str, progress: Callable[[int], None] | None = None) -> AddResult:
        """Import the documents a JDIHN feed lists (:mod:`rancang.corpus.jdih`; a file path or URL), each with
        its record kept in ``source.jdih``. Documents already stored (same sha256) are skipped; a record whose
        document cannot be fetched or read is listed in ``failed`` with its reason."""
        result = AddResult()
        for record, name, data in documents(read_feed(location), location):
            label = f"{name} ({record.get('judul')})"
            if isinstance(data, str):
                result.failed.append((label, data))
            elif known := self.has(hashlib.sha256(data).hexdigest()):
                result.skipped.append((label, known))
            else:
                outcome = read_file((name, data))
                if isinstance(outcome, str):
                    result.failed.append((label, outcome))
                else:
                    outcome["source"]["jdih"] = {k: record[k] for k in FIELDS if k in record}
                    rid, new = self.add(Regulation.from_dict(outcome))
                    (result.added.append(rid) if new else result.skipped.append((label, rid)))
            if progress:
                progress(1)
        return result

    def remove(self, rid: str) -> None:
        """Delete a regulation, its clauses and what it declares it amends (by cascade), in one transaction."""
        self.get_row(rid)
        with self._transaction():
            self.db.execute("DELETE FROM clauses WHERE reg=?", (rid,))
            self.db.execute("DELETE FROM regulations WHERE id=?", (rid,))

    # -- reading --------------------------------------------------------------------------------------------
    def entries(self) -> list[sqlite3.Row]:
        return self.db.execute(
            "SELECT id, daerah, jenis, nomor, tahun, tentang, clauses, bundled, file FROM regulations"
            " ORDER BY id").fetchall()

    def ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM regulations ORDER BY id")]

    def get_row(self, rid: str) -> sqlite3.Row:
        row = self.db.execute("SELECT * FROM regulations WHERE id=?", (rid,)).fetchone()
        if row is None:
            row = self.db.execute("SELECT * FROM regulations WHERE lower(daerah)=lower(?) ORDER BY id",
                                  (rid,)).fetchone()
        if row is None:
            known = ", ".join(self.ids()[:12])
            raise InputError(f"'{rid}' tidak ada dalam korpus (yang tersedia: {known or 'belum ada'}).")
        return row

    def regulation(self, rid: str) -> Regulation:
        """The stored tree of regulation ``rid`` (no re-parsing)."""
        row = self.get_row(rid)
        try:
            return dbfile.tree_of(row["tree"])
        except ValueError as exc:
            raise InputError(dbfile.damaged(self.path, f"pohon peraturan '{row['id']}' tidak terbaca")) from exc

    def clause_rows(self, rid: str) -> list[sqlite3.Row]:
        rid = self.get_row(rid)["id"]
        return self.db.execute("SELECT node, type, cite, text FROM clauses WHERE reg=? ORDER BY ord",
                               (rid,)).fetchall()

    def topics(self, rid: str) -> dict[str, Any]:
        """Model topics of ``rid`` ({key: {cite, id} | None}), computed by rancang.model once and cached."""
        row = self.get_row(rid)
        if row["topics"]:
            try:
                stored = json.loads(row["topics"])
                if isinstance(stored, dict):
                    return stored
            except ValueError:
                pass  # damaged: computed again below (and stored again when the corpus can be written)
        t = topics_of(self.regulation(row["id"]))
        if self.writable:
            self.db.execute("UPDATE regulations SET topics=? WHERE id=?", (json.dumps(t), row["id"]))
        return t

    def ensure_topics(self, ids: list[str], jobs: int | None = None, cluster: Any = None) -> None:
        """Compute and cache (in parallel, or as Dask tasks of client ``cluster``) the model topics of each
        regulation in ``ids`` that has none."""
        missing = [r[0] for r in self.db.execute(
            f"SELECT id FROM regulations WHERE topics IS NULL AND id IN ({','.join('?' * len(ids))})", ids)]
        if not missing:
            return
        trees = ((rid, self.db.execute("SELECT tree FROM regulations WHERE id=?", (rid,)).fetchone()[0])
                 for rid in missing)
        results = (cluster_map(topics_one, trees, cluster) if cluster is not None
                   else worker_map(topics_one, trees, len(missing), jobs))
        for rid, result in results:
            if isinstance(result, str):
                raise InputError(result)
            self.db.execute("UPDATE regulations SET topics=? WHERE id=?", (json.dumps(result), rid))

    def check(self) -> list[str]:
        """Problems found: PRAGMA integrity_check and regulations whose clause rows are not all there."""
        problems = [r[0] for r in self.db.execute("PRAGMA integrity_check") if r[0] != "ok"]
        for rid, want, have in self.db.execute(
                "SELECT r.id, r.clauses, (SELECT count(*) FROM clauses c WHERE c.reg = r.id)"
                " FROM regulations r"):
            if want != have:
                problems.append(f"{rid}: {have} dari {want} klausul")
        orphans = self.db.execute(
            "SELECT count(*) FROM clauses WHERE reg NOT IN (SELECT id FROM regulations)").fetchone()[0]
        if orphans:
            problems.append(f"{orphans} klausul tanpa peraturan")
        return problems

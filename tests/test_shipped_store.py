"""A new store is a copy of the seeded store shipped precomputed (corpus/seeds/store.sqlite.gz) only when that copy is
row for row what seeding writes today, search indexes included (issue 33 item 5: a first draft on a new machine does
not seed; never at the cost of a different store)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from rancang.corpus import seedstore
from rancang.corpus.store import Store

REBUILD = "stale: run python benchmarks/build_seed_topics.py"


def _tables(db: sqlite3.Connection) -> dict[str, list[tuple]]:
    """Every table's rows (shadow tables of the search indexes too), with their rowids where a table has them."""
    out: dict[str, list[tuple]] = {}
    schema = list(db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"))
    out["sqlite_master"] = [tuple(r) for r in schema]
    for _, name, _, _ in (r for r in schema if r[0] == "table"):
        try:
            rows = db.execute(f'SELECT rowid, * FROM "{name}"').fetchall()
        except sqlite3.OperationalError:  # a WITHOUT ROWID table
            rows = db.execute(f'SELECT * FROM "{name}"').fetchall()
        out[name] = sorted((tuple(r) for r in rows), key=repr)
    out["user_version"] = [tuple(db.execute("PRAGMA user_version").fetchone())]
    return out


def test_the_shipped_store_was_made_by_todays_reader_model_stemmer_and_store() -> None:
    assert seedstore.current(), REBUILD


def test_a_new_store_holds_row_for_row_what_seeding_writes(tmp_path: Path) -> None:
    before = datetime.now(UTC).isoformat(timespec="seconds")
    with Store(tmp_path / "copy.sqlite") as copied:
        stamps = [r[0] for r in copied.db.execute("SELECT added FROM regulations")] + [copied.info("seeded")]
        assert stamps and all(before <= s <= datetime.now(UTC).isoformat(timespec="seconds") for s in stamps)
        seedstore.stamp(copied.db)
        got = _tables(copied.db)
    with Store(tmp_path / "seeded.sqlite", seed=False) as seeded:
        seeded.seed()
        seedstore.stamp(seeded.db)
        want = _tables(seeded.db)
    assert got.keys() == want.keys()
    for table in want:
        assert got[table] == want[table], f"{table}: {REBUILD}"
    assert len(want["clauses"]) > 1000 and len(want["regulations"]) == 4


def test_the_copy_is_searchable_like_a_seeded_store(tmp_path: Path) -> None:
    with Store(tmp_path / "copy.sqlite") as store:
        hits = store.db.execute("SELECT count(*) FROM clause_fts WHERE clause_fts MATCH 'pegawai'").fetchone()[0]
        stems = store.db.execute("SELECT count(*) FROM clause_words WHERE clause_words MATCH 'stems:tugas'").fetchone()
    assert hits > 10 and stems[0] > 10


def test_a_store_made_by_another_reader_is_not_copied_but_seeded(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(seedstore, "key", lambda: {"reader": "another reader"})
    assert not seedstore.current()
    assert not seedstore.place(tmp_path / "a.sqlite") and not (tmp_path / "a.sqlite").exists()
    with Store(tmp_path / "a.sqlite") as store:  # seeded as before
        assert store.db.execute("SELECT count(*) FROM regulations WHERE bundled=1").fetchone()[0] == 4


def test_an_existing_file_is_never_replaced(tmp_path: Path) -> None:
    path = tmp_path / "corpus.sqlite"
    path.write_bytes(b"not a store")
    assert not seedstore.place(path)
    assert path.read_bytes() == b"not a store"
    Path(f"{tmp_path / 'b.sqlite'}-wal").write_bytes(b"")  # a write-ahead log left behind: no copy under it
    assert not seedstore.place(tmp_path / "b.sqlite")


def test_a_store_without_the_bundled_regulations_gets_no_copy(tmp_path: Path) -> None:
    with Store(tmp_path / "empty.sqlite", seed=False) as store:
        assert store.db.execute("SELECT count(*) FROM regulations").fetchone()[0] == 0

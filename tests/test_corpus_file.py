"""The corpus file (issue 32 item 6): a schema version and migrations, a file that is not a rancang corpus refused
and left alone, a read-only corpus opened for reading, and damage (FTS index, stored tree, topics JSON) that ends in
one sentence and is mended by ``rancang corpus repair``; never "Galat internal"."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from rancang.cli import cli
from rancang.corpus import dbfile
from rancang.corpus.store import Store
from rancang.errors import InputError
from rancang.ingest import ingest_text

CASES = Path(__file__).parent / "cases" / "abuse"
PERBUP = ("PERATURAN BUPATI CONTOH\nNOMOR 3 TAHUN 2024\nTENTANG {t}\n\nPasal 1\nPegawai wajib hadir tepat waktu.\n\n"
          "Pasal 2\n(1) Pegawai wajib melapor kepada atasan.\n(2) Laporan disampaikan setiap bulan.\n")


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def one_sentence(result, *words: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Galat internal" not in result.output and "Traceback" not in result.output
    line = result.output.strip().splitlines()[-1]
    assert line.startswith("Galat: ") and all(w in line for w in words), result.output


@pytest.fixture
def db(tmp_path) -> Path:
    """A small corpus of two regulations (no bundled ones), closed."""
    path = tmp_path / "korpus.sqlite"
    with Store(path, seed=False) as store:
        store.without_bundled()
        store.add(ingest_text(PERBUP.format(t="KEHADIRAN PEGAWAI"), "hadir.txt"), id="hadir")
        store.add(ingest_text(PERBUP.format(t="PELAPORAN PEGAWAI"), "lapor.txt"), id="lapor")
    return path


def sql(path: Path, statement: str) -> None:
    con = sqlite3.connect(path)
    con.execute(statement)
    con.commit()
    con.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_corpus_carries_the_schema_version(db):
    assert sqlite3.connect(db).execute("PRAGMA user_version").fetchone()[0] == dbfile.SCHEMA_VERSION == 3


def test_db_old_schema_is_migrated_and_searchable(tmp_path):
    copy = tmp_path / "lama.db"
    shutil.copyfile(CASES / "db_old_schema.db", copy)
    result = run("search", "--db", str(copy), "pegawai")
    assert result.exit_code == 0, result.output
    assert "starts-with-pasal1 Pasal 1" in result.output and "Pegawai wajib hadir." in result.output
    con = sqlite3.connect(copy)
    assert con.execute("PRAGMA user_version").fetchone()[0] == dbfile.SCHEMA_VERSION
    assert "" not in {r[0] for r in con.execute("SELECT cite FROM clauses")}  # every row has its citation


def test_another_applications_sqlite_is_refused_and_left_byte_identical(tmp_path):
    other = tmp_path / "kepegawaian.db"
    sql(other, "CREATE TABLE pegawai(nip TEXT, nama TEXT)")
    before = digest(other)
    for args in (["corpus", "list"], ["corpus", "add", str(CASES / "starts_with_pasal1.txt")], ["search", "x"]):
        one_sentence(run(*args, "--db", str(other)), "milik aplikasi lain, bukan korpus rancang", "tidak diubah")
    assert digest(other) == before


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "catatan.db"
    path.write_text("bukan basis data")
    one_sentence(run("corpus", "list", "--db", str(path)), "bukan berkas SQLite")
    assert path.read_text() == "bukan basis data"


def test_a_corpus_of_a_newer_schema_is_refused(db):
    sql(db, "PRAGMA user_version=99")
    one_sentence(run("corpus", "list", "--db", str(db)), "rancang yang lebih baru", "skema 99")


def test_a_damaged_search_index_is_a_sentence_and_repair_mends_it(db):
    sql(db, "UPDATE clause_fts_data SET block=zeroblob(40) WHERE id > 1")  # the exact index
    sql(db, "UPDATE clause_words_data SET block=zeroblob(40) WHERE id > 1")  # the folded and stemmed one
    one_sentence(run("search", "--db", str(db), "pegawai"), "korpus rusak", "rancang corpus repair")
    result = run("corpus", "repair", "--db", str(db))
    assert result.exit_code == 0 and "indeks pencarian (FTS) dibangun ulang" in result.output
    assert "indeks kata dasar pencarian dibangun ulang" in result.output
    assert "hadir" in run("search", "--db", str(db), "pegawai").output
    assert "tidak ada yang perlu diperbaiki" in run("corpus", "repair", "--db", str(db)).output


def test_a_damaged_stored_tree_is_a_sentence_and_repair_names_the_file_to_add_again(db):
    sql(db, "UPDATE regulations SET tree = x'0102030405' WHERE id = 'hadir'")
    one_sentence(run("corpus", "show", "--db", str(db), "hadir", "--cite", "Pasal 1"),
                 "korpus rusak (pohon peraturan 'hadir' tidak terbaca)")
    one_sentence(run("diff", "--db", str(db), "hadir", "lapor"), "korpus rusak")
    result = run("corpus", "repair", "--db", str(db))
    assert "hadir: pohonnya rusak dan dihapus; tambahkan lagi berkasnya (hadir.txt)" in result.output
    with Store(db, seed=False) as store:
        assert store.ids() == ["lapor"] and store.check() == []


def test_a_bundled_regulation_with_a_damaged_tree_comes_back_from_the_bundle(tmp_path):
    path = tmp_path / "k.db"
    with Store(path) as store:
        rid = store.ids()[0]
    sql(path, f"UPDATE regulations SET tree = x'00' WHERE id = '{rid}'")
    result = run("corpus", "repair", "--db", str(path))
    assert f"{rid}: pohon yang rusak diganti dari korpus bawaan" in result.output
    with Store(path) as store:
        assert store.regulation(rid).pasals()


def test_damaged_topics_are_computed_again_and_cleared_by_repair(db):
    sql(db, "UPDATE regulations SET topics = '{rusak' WHERE id = 'lapor'")
    with Store(db, seed=False) as store:
        assert isinstance(store.topics("lapor"), dict)
    sql(db, "UPDATE regulations SET topics = '[1, 2' WHERE id = 'lapor'")
    assert "lapor: data topik yang rusak dihapus" in run("corpus", "repair", "--db", str(db)).output


def test_missing_clause_rows_are_rebuilt_from_the_tree(db):
    sql(db, "DELETE FROM clauses WHERE reg = 'lapor' AND ord > 0")
    assert "lapor: 3 baris klausul dibangun ulang dari pohonnya" in run("corpus", "repair", "--db", str(db)).output
    with Store(db, seed=False) as store:
        assert store.check() == []


@pytest.fixture
def read_only_mount(tmp_path):
    """A tmpfs at tmp_path/ro that the test fills and then remounts read-only (root only; skipped otherwise)."""
    mount = tmp_path / "ro"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)],
                                           capture_output=True).returncode:
        pytest.skip("tmpfs tidak dapat dipasang (bukan root)")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_corpus_on_a_read_only_mount_is_read_and_not_called_damaged(read_only_mount, db):
    copy = read_only_mount / "korpus.sqlite"
    shutil.copyfile(db, copy)
    subprocess.run(["mount", "-o", "remount,ro", str(read_only_mount)], check=True)
    listing = run("corpus", "list", "--db", str(copy))
    assert listing.exit_code == 0 and "hadir" in listing.output and "lapor" in listing.output
    assert "hadir" in run("search", "--db", str(copy), "pegawai").output
    assert run("corpus", "show", "--db", str(copy), "lapor").exit_code == 0
    one_sentence(run("corpus", "remove", "--db", str(copy), "lapor"), "korpus tidak dapat ditulis (hanya dapat dibaca)")


def test_a_store_that_cannot_be_created_is_a_sentence(tmp_path):
    blocker = tmp_path / "berkas"
    blocker.write_text("x")
    with pytest.raises(InputError, match="tidak dapat dibaca .salah satu bagian jalurnya adalah berkas"):
        Store(blocker / "korpus.sqlite", seed=False)

"""The corpus store: whole regulations, a row per clause, re-adding is a no-op, a killed batch is harmless."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rancang import corpus
from rancang.cli import main
from rancang.corpus.store import Store

SEEDS = corpus.seeds_dir()
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    s = Store(tmp_path_factory.mktemp("store") / "corpus.sqlite")
    yield s
    s.close()


def _variants(folder: Path, n: int) -> list[Path]:
    """n distinct files (distinct sha256) made from the seed texts: a seed with a numbered trailing note."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = [(SEEDS / e["file"]).read_text(encoding="utf-8") for e in corpus.bundled()]
    out = []
    for i in range(n):
        p = folder / f"varian_{i:03d}.txt"
        p.write_text(texts[i % len(texts)] + "\n" * (i // len(texts) + 2), encoding="utf-8")
        out.append(p)
    return out


def test_the_bundled_seeds_are_there_without_set_up(store: Store) -> None:
    assert store.ids() == ["bogor", "jepara", "malang", "pasaman-barat"]
    rows = {r["id"]: r for r in store.entries()}
    assert rows["jepara"]["daerah"] == "Kabupaten Jepara"
    assert rows["bogor"]["jenis"] == "Peraturan Wali Kota"
    assert all(r["bundled"] for r in rows.values())
    assert store.check() == []


def test_every_clause_is_a_row_with_its_cite_and_own_text(store: Store) -> None:
    rows = {r["cite"]: r for r in store.clause_rows("jepara")}
    assert rows["Pasal 10 ayat (4) huruf b"]["text"].startswith("pengajuan sukarela")
    assert rows["Pasal 10 ayat (4) huruf b"]["node"] == "pasal-10/ayat-4/huruf-b"
    # an ayat's row holds its lead sentence, not its items (they are rows of their own)
    assert "penunjukan" not in rows["Pasal 10 ayat (4)"]["text"]
    reg = store.regulation("jepara")
    assert len(reg.pasals()) == 22
    ids = reg.ids()
    assert all(r["node"] in ids for r in store.clause_rows("jepara"))


def test_readding_a_seed_file_changes_nothing(store: Store) -> None:
    before = store.db.execute("SELECT count(*) FROM clauses").fetchone()[0]
    result = store.add_files([SEEDS / corpus.entry("bogor")["file"]])
    assert result.added == [] and result.skipped == [(str(SEEDS / corpus.entry("bogor")["file"]), "bogor")]
    assert store.db.execute("SELECT count(*) FROM clauses").fetchone()[0] == before
    rid, new = store.add(store.regulation("malang"))
    assert (rid, new) == ("malang", False)


def test_a_new_text_of_a_known_region_gets_its_own_id_and_remove_takes_it_whole(tmp_path: Path,
                                                                                store: Store) -> None:
    [variant] = _variants(tmp_path, 2)[1:]
    result = store.add_files([variant])
    assert len(result.added) == 1 and result.added[0].startswith("jepara-")
    rid = result.added[0]
    assert store.add_files([variant]).skipped == [(str(variant), rid)]
    store.remove(rid)
    assert rid not in store.ids()
    assert store.db.execute("SELECT count(*) FROM clauses WHERE reg=?", (rid,)).fetchone()[0] == 0
    assert store.check() == []


def test_cli_add_twice_is_a_no_op(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "c.sqlite"
    files = _variants(tmp_path / "in", 2)
    assert main(["corpus", "add", "--db", str(db), "--no-seed", "-j", "1", str(tmp_path / "in")]) == 0
    assert "2 ditambahkan, 0 sudah ada" in capsys.readouterr().out
    snapshot = sqlite3.connect(db).execute(
        "SELECT id, sha256, clauses FROM regulations ORDER BY id").fetchall()
    assert main(["corpus", "add", "--db", str(db), "--no-seed", str(files[0]), str(files[1])]) == 0
    assert "0 ditambahkan, 2 sudah ada" in capsys.readouterr().out
    assert sqlite3.connect(db).execute(
        "SELECT id, sha256, clauses FROM regulations ORDER BY id").fetchall() == snapshot


def test_a_folder_s_readme_is_passed_over_and_a_failure_names_its_file_once(tmp_path: Path, capsys) -> None:
    db = tmp_path / "c.sqlite"
    _variants(tmp_path / "in", 1)
    (tmp_path / "in" / "README.md").write_text("# Seeds\n\nBerkas peraturan contoh.\n", encoding="utf-8")
    (tmp_path / "in" / ".hidden.txt").write_text("catatan editor\n", encoding="utf-8")
    assert main(["corpus", "add", "--db", str(db), "--no-seed", "-j", "1", str(tmp_path / "in")]) == 0
    said = capsys.readouterr()
    assert f"dilewati: {tmp_path / 'in' / 'README.md'} (bukan peraturan)" in said.err
    assert "1 ditambahkan, 0 sudah ada, 0 gagal." in said.out
    letter = tmp_path / "lain" / "surat.txt"
    letter.parent.mkdir()
    letter.write_text("Dengan hormat, bersama ini kami sampaikan undangan rapat.\n", encoding="utf-8")
    assert main(["corpus", "add", "--db", str(db), "--no-seed", "-j", "1", str(letter.parent)]) == 1
    failed = next(line for line in capsys.readouterr().err.splitlines() if line.startswith("gagal:"))
    assert failed.count("surat.txt") == 1


WITHOUT_DASK = ("import sys\nsys.modules['dask'] = sys.modules['distributed'] = None  # a plain install\n"
                "from rancang.cli import main\nsys.exit(main(sys.argv[1:]))\n")


def test_a_plain_install_adds_a_folder_of_five_files_in_worker_processes_and_finds_them(tmp_path: Path) -> None:
    """Issue 23: the store's core job needs no optional extra; Dask is only for a --scheduler."""
    db, folder = str(tmp_path / "c.sqlite"), tmp_path / "peraturan"
    _variants(folder, 5)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", WITHOUT_DASK, *args], capture_output=True, text=True,
                              timeout=600, cwd=tmp_path)

    added = run("corpus", "add", "--db", db, "--no-seed", "-j", "2", str(folder))
    assert added.returncode == 0, added.stderr
    assert added.stdout.splitlines()[-1] == "5 ditambahkan, 0 sudah ada, 0 gagal."
    found = run("search", "--db", db, "pengajuan sukarela")
    assert found.returncode == 0 and "Pasal 10 ayat (6)" in found.stdout, found.stdout  # Jepara
    far = run("corpus", "add", "--db", db, "--scheduler", "tcp://127.0.0.1:9", str(folder))
    assert far.returncode == 1 and far.stderr.strip() == (
        "Galat: pembacaan terdistribusi memerlukan Dask: jalankan pip install '.[cluster]' dari folder rancang.")


def test_a_file_that_is_not_a_regulation_is_reported_not_lost(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "kosong.txt"
    bad.write_text("   \n", encoding="utf-8")
    assert main(["corpus", "add", "--db", str(tmp_path / "c.sqlite"), "--no-seed", str(bad)]) == 1
    captured = capsys.readouterr()
    assert "gagal:" in captured.err and "kosong" in captured.err
    assert "0 ditambahkan, 0 sudah ada, 1 gagal" in captured.out


def test_unknown_id_is_one_indonesian_sentence(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["corpus", "show", "atlantis", "--db", str(store.path)]) == 1
    assert "tidak ada dalam korpus" in capsys.readouterr().err


def test_show_cite_prints_the_clause_with_its_items(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["corpus", "show", "jepara", "--cite", "Pasal 10 ayat (4)", "--db", str(store.path)]) == 0
    out = capsys.readouterr().out
    assert "penunjukan" in out and "pengajuan sukarela" in out


def test_show_cite_reads_the_clause_however_the_reader_capitalises_it(store: Store, capsys) -> None:
    assert main(["corpus", "show", "jepara", "--cite", "pasal 10  AYAT (4)", "--db", str(store.path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("jepara Pasal 10 ayat (4)") and "pengajuan sukarela" in out


def _count(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("SELECT count(*) FROM regulations").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_a_batch_killed_midway_leaves_only_whole_regulations(tmp_path: Path, sig: signal.Signals) -> None:
    n = 24
    _variants(tmp_path / "in", n)
    db = tmp_path / "c.sqlite"
    proc = subprocess.Popen(
        [sys.executable, "-m", "rancang.cli", "corpus", "add", "--db", str(db), "--no-seed", "-j", "2",
         str(tmp_path / "in")], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
        # a test run started in the background (`.ci/run &`) has SIGINT ignored, which children inherit, and a
        # Python started so never raises KeyboardInterrupt: the command gets the disposition a terminal gives it
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while _count(db) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(proc.pid, sig)  # the parent only, as a crash or a Ctrl-C in its terminal would
    try:
        proc.wait(timeout=60)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # workers still alive, if any
        except ProcessLookupError:
            pass
    if sig == signal.SIGINT:
        assert proc.returncode == 130
        assert b"Dibatalkan" in proc.stderr.read()
    proc.stderr.close()
    with Store(db, seed=False) as s:
        assert s.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert s.check() == []
        stored = len(s.ids())
        assert 2 <= stored < n, "the batch was not interrupted midway"
        # the batch can simply be run again: what is stored is skipped, the rest is added
        result = s.add_files([tmp_path / "in"], jobs=1)
        assert len(result.skipped) == stored and len(result.added) == n - stored
        assert s.check() == []


def test_bundled_regulations_are_reparsed_when_the_reader_changes(tmp_path):
    """After an upgrade of the reader, the bundled seeds of an existing database are refreshed, not left stale."""
    from rancang.corpus.store import Store

    db = tmp_path / "korpus.sqlite"
    with Store(db) as store:
        store.db.execute("UPDATE info SET value='pembaca-lama' WHERE key='reader'")
        store.db.execute("UPDATE regulations SET clauses=0 WHERE id='jepara'")
        store.remove("malang")
    with Store(db) as store:
        ids = store.ids()
        assert "malang" not in ids  # removed by the user: stays removed
        assert store.get_row("jepara")["clauses"] > 0
        assert store.info("reader") != "pembaca-lama"


def test_the_reader_fingerprint_covers_every_sub_package_of_ingest():
    """A change to the reference resolver, the heading reader or the PDF rules changes the trees: the stored bundled
    regulations must then be re-read, so the fingerprint hashes those files too (not only the package top)."""
    from rancang import ingest

    names = {n for n, _ in ingest.sources()}
    assert {"parser.py", "refs/resolve.py", "headings/read.py", "readers/pdf/rules.json",
            "readers/words_ind.txt"} <= names
    on_disk = {p.relative_to(ROOT / "ingest").as_posix() for p in (ROOT / "ingest").rglob("*.py")
               if "__pycache__" not in p.parts}
    assert on_disk <= names


def test_a_stored_draft_is_listed_by_its_kind_and_year_not_its_file_name(tmp_path: Path, capsys) -> None:
    db = tmp_path / "c.sqlite"
    assert main(["draft", "--contoh", "sleman", "-o", str(tmp_path / "k2")]) == 0
    assert main(["corpus", "add", "--db", str(db), str(tmp_path / "k2" / "draft.docx")]) == 0
    capsys.readouterr()
    assert main(["corpus", "list", "--db", str(db)]) == 0
    line = next(row for row in capsys.readouterr().out.splitlines() if row.startswith("sleman "))
    assert "Peraturan Bupati Tahun 2026 (belum bernomor)" in line and "draft.docx" not in line
    from rancang.web import services

    row = next(r for r in services.regulations(str(db)) if r["id"] == "sleman")
    assert row["title"] == "Peraturan Bupati Sleman Tahun 2026 (belum bernomor)"

"""``corpus add`` over worker processes writes exactly the store a serial run writes (issue 33 item 4: the stems of
the clause words are computed where the file is read and handed to the writer; regulations are written a batch per
transaction). Speed never at the cost of a row: every table's content is compared."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from rancang import corpus
from rancang.corpus import stem, workers
from rancang.corpus import store as store_module
from rancang.corpus.store import Store

SEEDS = corpus.seeds_dir()
TABLES = {"regulations": "SELECT id, sha256, file, daerah, jenis, nomor, tahun, tentang, clauses, tree FROM "
                         "regulations ORDER BY id",
          "clauses": "SELECT reg, ord, node, type, cite, text FROM clauses ORDER BY reg, ord",
          "clause_words": "SELECT rowid, words, stems FROM clause_words ORDER BY rowid"}


def _files(folder: Path, n: int) -> list[Path]:
    """n distinct texts (distinct sha256) made from the bundled regulations: a seed with a numbered note."""
    folder.mkdir()
    texts = [(SEEDS / e["file"]).read_text(encoding="utf-8") for e in corpus.bundled()]
    out = []
    for i in range(n):
        p = folder / f"perbup_{i:02d}.txt"
        p.write_text(texts[i % len(texts)] + f"\n\nCatatan salinan {i}.\n", encoding="utf-8")
        out.append(p)
    return out


def _content(path: Path) -> dict[str, list[tuple]]:
    con = sqlite3.connect(path)
    try:
        return {name: con.execute(sql).fetchall() for name, sql in TABLES.items()}
    finally:
        con.close()


def test_two_worker_processes_write_the_serial_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = _files(tmp_path / "in", 7)
    monkeypatch.setattr(store_module, "BATCH", 3)  # batches end mid-run and at an odd count
    with Store(tmp_path / "serial.sqlite", seed=False) as s:
        serial = s.add_files(files, jobs=1)
    stem.stem.cache_clear()
    stem._LEARNED.clear()
    with Store(tmp_path / "pool.sqlite", seed=False) as s:
        pooled = s.add_files(files, jobs=2)
    assert serial.added == pooled.added and len(pooled.added) == 7
    assert _content(tmp_path / "serial.sqlite") == _content(tmp_path / "pool.sqlite")


def test_the_writer_learns_the_stems_the_workers_computed(tmp_path: Path) -> None:
    stem._LEARNED.clear()
    with Store(tmp_path / "pool.sqlite", seed=False) as s:
        s.add_files(_files(tmp_path / "in", 2), jobs=2)
    assert stem._LEARNED["penugasan"] == "tugas"


def _machine(monkeypatch: pytest.MonkeyPatch, cores: int, load: float) -> None:
    monkeypatch.setattr(workers.os, "sched_getaffinity", lambda _: set(range(cores)), raising=False)
    monkeypatch.setattr(workers.os, "getloadavg", lambda: (load, load, load), raising=False)


def test_a_large_batch_on_an_idle_two_core_machine_is_read_by_two_processes(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    _machine(monkeypatch, 2, 1.0)
    files = _files(tmp_path / "in", 12)  # 12 texts of 60-70 KiB: about 0.6 s of work
    assert workers.plan(files, None) == 2
    assert workers.plan(files[:2], None) == 1  # a tenth of a second of work: workers would cost more than they save
    assert workers.plan(files, 1) == 1 and workers.plan(files[:2], 2) == 2  # -j is obeyed


def test_a_busy_or_single_core_machine_reads_serially(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = _files(tmp_path / "in", 12)
    _machine(monkeypatch, 2, 8.0)  # eight programs already want the two cores
    assert workers.plan(files, None) == 1
    _machine(monkeypatch, 1, 0.0)
    assert workers.plan(files, None) == 1


def test_pdf_files_count_as_more_work_than_their_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _machine(monkeypatch, 4, 1.0)
    pdfs = [tmp_path / f"perbup_{i}.pdf" for i in range(3)]
    for p in pdfs:
        p.write_bytes(b"%PDF-1.4\n")
    assert workers.plan(pdfs, None) == 3  # one process per file, never more than files

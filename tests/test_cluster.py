"""Reading a corpus on a Dask cluster gives the store the serial path gives, and survives a lost worker.

A real ``distributed.LocalCluster`` of two worker processes reads the four seeds and generated variants of them
(other regions' texts built from the seeds); the client alone writes the store.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed")

sys.path.insert(0, str(Path(__file__).parent))
from conftest import SEEDS  # noqa: E402

from rancang.corpus import cluster  # noqa: E402
from rancang.corpus.store import Store  # noqa: E402

VARIANTS = {"Bogor": "Sukabumi", "Jepara": "Kudus", "Malang": "Blitar"}


def corpus_files(folder: Path) -> list[Path]:
    """The four seeds, and for three of them the same text for another region (a neighbour's copy)."""
    folder.mkdir()
    files = []
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        files.append(folder / seed.name)
        files[-1].write_text(text, encoding="utf-8")
        for old, new in VARIANTS.items():
            if old in text:
                files.append(folder / f"{seed.stem}-{new.lower()}.txt")
                files[-1].write_text(text.replace(old, new).replace(old.upper(), new.upper()), encoding="utf-8")
                break
    return files


def snapshot(db: Path) -> dict[str, tuple]:
    """id -> (daerah, nomor, tahun, clauses, tree as JSON, clause rows) for every stored regulation."""
    with Store(db, seed=False) as store:
        return {row["id"]: (row["daerah"], row["nomor"], row["tahun"], row["clauses"],
                            json.dumps(store.regulation(row["id"]).to_dict(), sort_keys=True),
                            tuple(tuple(r) for r in store.clause_rows(row["id"])))
                for row in store.entries()}


@pytest.fixture(scope="module")
def client():
    with cluster.client(2) as c:
        yield c


def test_a_local_cluster_of_two_workers_gives_the_serial_store(tmp_path, client):
    files = corpus_files(tmp_path / "in")
    with Store(tmp_path / "serial.db", seed=False) as store:
        serial = store.add_files(files, jobs=1)
    with Store(tmp_path / "dask.db", seed=False) as store:
        distributed = store.add_files(files, cluster=client)
    assert serial.added == distributed.added and len(serial.added) == 7 and not distributed.failed
    assert snapshot(tmp_path / "serial.db") == snapshot(tmp_path / "dask.db")


def test_a_rerun_on_the_cluster_adds_nothing_twice(tmp_path, client):
    files = corpus_files(tmp_path / "in")
    with Store(tmp_path / "c.db", seed=False) as store:
        first = store.add_files(files[:3], cluster=client)
        second = store.add_files(files, cluster=client)
    assert len(first.added) == 3 and len(second.skipped) == 3 and len(second.added) == 4


def test_a_worker_killed_mid_batch_loses_nothing(tmp_path, client):
    files = corpus_files(tmp_path / "in")
    items = [(str(f), f.read_bytes()) for f in files for _ in range(3)]  # 21 tasks, each a full parse
    results = cluster_map_with_a_kill(client, items)
    assert len(results) == len(items)
    assert all(isinstance(r, dict) and r["stats"]["pasal"] > 0 for r in results)
    expected = [cluster.read_file(item)["meta"]["daerah"] for item in items]
    assert [r["meta"]["daerah"] for r in results] == expected


def cluster_map_with_a_kill(client, items) -> list:
    """Run :func:`cluster.read_file` over ``items``; as soon as a worker is busy with a task, kill its process
    (SIGKILL, as the OOM killer or a lost machine would); return every result."""
    pids = client.run(os.getpid)
    killed: list[str] = []

    def kill_a_busy_worker(_: int) -> None:
        if killed:
            return
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            busy = [w for w, keys in client.processing().items() if keys and w in pids]
            if busy:
                os.kill(pids[busy[0]], signal.SIGKILL)
                killed.append(busy[0])
                return
            time.sleep(0.01)

    results = list(cluster.cluster_map(cluster.read_file, items, client, done=kill_a_busy_worker))
    assert killed, "no worker was busy: the test did not kill anything"
    return results

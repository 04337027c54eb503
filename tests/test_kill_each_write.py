"""A kill at each write (issue 32: "after any failure of draft, letter, ingest -o, check --fix, corpus add: the output
folder holds either the complete old set or the complete new set, and every source is byte-identical (a test kills
... each at each write)").

Each command runs through the real CLI (``rancang.cli.main``) in a forked child of this process, which SIGKILLs
itself just before its n-th write step: every ``os.fsync`` (a member complete, a folder's entries made durable),
``os.link`` (an old member kept aside), ``os.replace``/``os.rename`` (a member or the journal put in place),
``os.unlink`` and, for the corpus, every SQL statement. n runs from 0 until the command ends without reaching it,
so every write step of the command is a kill point. After each kill the folder must hold the complete old set or
the complete new set -- once :func:`rancang.atomic.settle` has run, which is what the next command writing there does
first (a kill inside the renames of a set leaves its journal: the new set, completed from it) -- and every source is
byte-identical. SIGKILL cannot be caught, so this is the worst a crash, the OOM killer or a power cut can do.

The slow parts that write nothing (building the draft) run once in this process before the forks.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import io
import os
import re
import shutil
import signal
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

import click
import pytest

from rancang import atomic, cli, journal
from rancang.errors import OutputError, RancangError
from rancang.generate.draft import build as drafting
from rancang.generate.naskah import scenario as sc
from rancang.generate.shared import profile
from rancang.manifest import MANIFEST

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "corpus" / "examples"
SEED = ROOT / "corpus" / "seeds" / "001_ced7971a61a5e85a.txt"
STEPS = ("fsync", "replace", "rename", "link", "unlink")


def visible(folder: Path) -> dict[str, bytes]:
    """The files a user sees in ``folder`` (hidden temporary files left by a SIGKILL are not part of a set); a DOCX
    as its parts without the ZIP's clock (two runs a second apart write the same letter with other timestamps)."""
    return {p.name: _content(p.read_bytes()) for p in sorted(folder.iterdir())
            if p.is_file() and not p.name.startswith(".")} if folder.exists() else {}


def _content(data: bytes) -> bytes:
    if not data.startswith(b"PK"):
        return data
    with zipfile.ZipFile(io.BytesIO(data)) as z:  # a DOCX cut short raises here: a defect the test reports
        return b"\0".join(name.encode() + b"=" + re.sub(rb"<dcterms:(created|modified)[^<]*</dcterms:\w+>", b"",
                                                          z.read(name)) for name in sorted(z.namelist()))


def run_killed_at(n: int, argv: list[str], env: dict[str, str], codes: tuple[int, ...] = (0,),
                  log: Path | None = None) -> bool:
    """Run ``rancang ARGV`` in a forked child that SIGKILLs itself before its ``n``-th write step; True when it was
    killed, False when it ended first (n is past its last write). ``log``: a file the child names each step in, one
    line each ("fsync", "replace", "sql INSERT INTO clauses ...")."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            os.environ.update(env)
            count = [0]
            steps = log.open("w", encoding="utf-8") if log else None

            def step(label: str) -> None:
                if count[0] == n:
                    os.kill(os.getpid(), signal.SIGKILL)
                count[0] += 1
                if steps:
                    steps.write(" ".join(label.split())[:60] + "\n")
                    steps.flush()

            for name in STEPS:
                real = getattr(os, name)

                def hooked(*args, _real=real, _name=name, **kwargs):
                    step(_name)
                    return _real(*args, **kwargs)

                setattr(os, name, hooked)
            real_connect = sqlite3.connect

            def connect(*args, **kwargs):
                conn = real_connect(*args, **kwargs)
                conn.set_trace_callback(lambda statement: step("sql " + statement))
                return conn

            sqlite3.connect = connect
            code = cli.main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        except BaseException:  # noqa: BLE001 - the child must never run pytest on
            code = 99
        os._exit(code or 0)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        assert os.WTERMSIG(status) == signal.SIGKILL
        return True
    assert os.WEXITSTATUS(status) in codes, f"rancang {' '.join(argv)} failed without a kill (status {status})"
    return False


def warm(argv: list[str]) -> None:
    """Run ``rancang ARGV`` once in this process, so that every fork starts with what the command loads (rules,
    vocabularies, templates) already loaded: a kill point then costs the command's work, not its start. Its output
    is replaced by the old state before anything is measured."""
    with contextlib.suppress(click.ClickException, RancangError, SystemExit):
        cli.cli.main(args=argv, prog_name="rancang", standalone_mode=False)


def kill_at_each_write(argv: list[str], folder: Path, old: Callable[[], None], sources: list[Path],
                       env: dict[str, str] | None = None, state: Callable[[], object] | None = None,
                       codes: tuple[int, ...] = (0,), points: Callable[[list[str]], list[int]] | None = None) -> int:
    """Kill ``rancang ARGV`` at each of its write steps, each time over a fresh copy of the old state (``old()``
    writes it); the state (``state()``, by default the visible files of ``folder``) must be the old one or the new
    one after the kill and the next run's :func:`atomic.settle`, with none of the killed writer's hidden files left
    (its temporary files, old links, journal, lease: :mod:`rancang.lease`); sources byte-identical. ``codes``: the exit
    statuses of a run that is not killed; ``points``: which of the steps (their labels) to kill at, by default
    every one. Returns the number of kill points."""
    state = state or (lambda: visible(folder))
    env = env or {}
    warm(argv)
    old()
    before = state()
    originals = {p: p.read_bytes() for p in sources}
    log = folder.parent / f".{folder.name}.steps"
    assert not run_killed_at(10**9, argv, env, codes, log)
    after = state()
    assert after != before, "the command changed nothing: the test could not tell old from new"
    labels = log.read_text(encoding="utf-8").splitlines()
    log.unlink()
    chosen = points(labels) if points else list(range(len(labels)))
    for n in chosen:
        old()
        assert run_killed_at(n, argv, env, codes), f"write step {n} ({labels[n]}) was not reached again"
        atomic.settle(folder)
        got = state()
        assert got in (before, after), (f"kill before write step {n} ({labels[n]}): neither the old nor the new "
                                        f"set: {_differences(got, before, after)}")
        assert {p: p.read_bytes() for p in sources} == originals, f"kill before write step {n}: a source changed"
        left = sorted(p.name for p in folder.iterdir()
                      if p.name.startswith(".") and p.name != MANIFEST) if folder.exists() else []
        assert left == [], f"kill before write step {n} ({labels[n]}): the next run left the dead writer's {left}"
    old()
    assert not run_killed_at(len(labels), argv, env, codes)  # past the last step: the command ends, the set is new
    assert state() == after
    return len(chosen)


def _differences(got: object, before: object, after: object) -> str:
    if not all(isinstance(x, dict) for x in (got, before, after)):
        return repr(got)[:300]
    return ", ".join(f"{k}: {'old' if v == before.get(k) else 'new' if v == after.get(k) else 'other'}"
                     for k, v in got.items())


def fresh(folder: Path, files: dict[str, bytes]) -> Callable[[], None]:
    """A function that makes ``folder`` hold exactly ``files`` (the old set), nothing else."""
    def make() -> None:
        if folder.exists():
            for p in folder.iterdir():
                p.unlink()
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            (folder / name).write_bytes(data)
    return make


def test_a_draft_killed_at_each_write_over_another_regions_draft_is_the_old_or_the_new_draft(
        tmp_path, monkeypatch, sleman_draft, draft_sources):
    _, sleman = sleman_draft
    magelang = drafting.build(profile.load(EXAMPLES / "kota-magelang.yaml"), sources=draft_sources)
    monkeypatch.setattr(drafting, "build", lambda *args, **kwargs: magelang)  # the build writes nothing
    out = tmp_path / "keluaran"
    n = kill_at_each_write(["draft", "--contoh", "kota-magelang", "-o", str(out), "--timpa"], out,
                           fresh(out, visible(sleman)), [EXAMPLES / "kota-magelang.yaml"])
    assert n >= 4 * 3  # four members: each fsynced, kept aside and renamed at least


def test_a_scenarios_letters_killed_at_each_write_are_the_old_or_the_new_letters(tmp_path):
    name = "penunjukan-dalam-unit"
    data = tmp_path / "data.yaml"
    data.write_text(sc.scenario_example_yaml(name), encoding="utf-8")
    out = tmp_path / "naskah"
    sc.write(sc.build(name, sc.scenario_example(name)), out)
    old = {p: b"naskah lama " + p.encode() for p in visible(out)}
    n = kill_at_each_write(["letter", "--scenario", name, str(data), "-o", str(out), "--timpa"], out,
                           fresh(out, old), [data])
    assert n >= 3 * len(old)


def test_a_folder_ingested_again_killed_at_each_write_keeps_all_old_or_all_new_trees(tmp_path):
    src, out = tmp_path / "sumber", tmp_path / "pohon"
    src.mkdir()
    for seed in sorted((ROOT / "corpus" / "seeds").glob("*.txt"))[:3]:
        shutil.copyfile(seed, src / seed.name)
    old = {seed.stem + ".json": b"{}\n" for seed in src.iterdir()}  # the trees of an older reader
    n = kill_at_each_write(["ingest", str(src), "-o", str(out)], out, fresh(out, old), sorted(src.iterdir()))
    assert n >= 3 * 3


def test_check_fix_in_place_killed_at_each_write_is_the_old_or_the_fixed_regulation(tmp_path):
    folder = tmp_path / "perda"
    src = folder / "perda.txt"
    head = SEED.read_bytes().split(b"\nPasal 8\n")[0] + b"\n"  # Pasal 1-7: the check of a whole Perda is slow
    text = head.replace(b"Pasal 5", b"pasal 5", 1)  # something --fix changes
    n = kill_at_each_write(["check", "--fix", "-o", str(src), str(src)], folder, fresh(folder, {"perda.txt": text}),
                           [], codes=(0, 1))  # 1: GALAT the fix leaves for the drafter
    assert n >= 2  # the fixed text fsynced, renamed over the source


def test_corpus_add_killed_at_each_statement_keeps_the_corpus_whole(tmp_path):
    db = tmp_path / "korpus" / "k.sqlite"
    first, second = sorted((ROOT / "corpus" / "seeds").glob("*.txt"))[:2]
    assert cli.main(["corpus", "add", "--no-seed", "-j", "1", "--db", str(db), str(first)]) == 0
    pristine = db.read_bytes()
    assert not Path(str(db) + "-wal").exists() or Path(str(db) + "-wal").stat().st_size == 0

    def old() -> None:
        for extra in (Path(str(db) + "-wal"), Path(str(db) + "-shm"), Path(str(db) + "-journal")):
            extra.unlink(missing_ok=True)
        db.write_bytes(pristine)

    def state() -> object:
        conn = sqlite3.connect(db)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            return sorted(conn.execute("SELECT r.id, r.sha256, (SELECT count(*) FROM clauses c WHERE c.reg = r.id)"
                                       " FROM regulations r").fetchall())
        finally:
            conn.close()

    def points(labels: list[str]) -> list[int]:
        """Every step but the rows of one table after the first few (a regulation is hundreds of clause rows, one
        statement each): a kill inside the rows is a kill inside the transaction, whichever row it is."""
        seen: dict[str, int] = {}
        chosen = []
        for i, label in enumerate(labels):
            seen[label] = seen.get(label, 0) + 1
            if seen[label] <= 2 or seen[label] % 250 == 0:
                chosen.append(i)
        return chosen

    n = kill_at_each_write(["corpus", "add", "-j", "1", "--db", str(db), str(second)], db.parent, old,
                           [first, second], state=state, points=points)
    assert n >= 10


# -- the journal itself -------------------------------------------------------------------------------------------


def journal_left_by_a_kill(folder: Path) -> Path:
    """The state a SIGKILL after the second of four renames leaves: two members new, two staged, the journal."""
    names = ["draft.docx", "draft.md", "draft.json", "catatan.md"]
    fresh(folder, {n: b"lama " + n.encode() for n in names})()
    staged = []
    for n in names:
        tmp = folder / f".{n}.abcd.tmp"
        tmp.write_bytes(b"baru " + n.encode())
        staged.append((tmp, folder / n))
    written = journal.Journal.write(folder, staged, {})
    for tmp, target in staged[:2]:
        os.replace(tmp, target)
    os.close(written.fd)  # the writer dies: its lock goes with it, the journal stays
    return written.path


def test_the_next_write_into_a_folder_completes_a_set_whose_renames_were_cut(tmp_path):
    journal = journal_left_by_a_kill(tmp_path)
    assert {k: v[:4] for k, v in visible(tmp_path).items()} == {"catatan.md": b"lama", "draft.docx": b"baru",
                                                                  "draft.json": b"lama", "draft.md": b"baru"}
    atomic.write_text(tmp_path / "lain.txt", "berkas lain")  # any write into the folder settles it first
    assert all(v.startswith(b"baru ") for k, v in visible(tmp_path).items() if k != "lain.txt")
    assert not journal.exists() and sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_journal_a_live_writer_holds_is_left_alone(tmp_path):
    journal = journal_left_by_a_kill(tmp_path)
    fd = os.open(journal, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # another process committing this set now
        assert atomic.settle(tmp_path) == 0 and journal.exists()
    finally:
        os.close(fd)
    assert atomic.settle(tmp_path) == 1 and not journal.exists()


def test_a_cut_set_is_completed_after_its_folder_was_moved(tmp_path):
    journal_left_by_a_kill(tmp_path / "lama")
    (tmp_path / "lama").rename(tmp_path / "baru")
    assert atomic.settle(tmp_path / "baru") == 1
    assert all(v.startswith(b"baru ") for v in visible(tmp_path / "baru").values())


def test_a_full_disk_when_the_journal_is_written_leaves_the_old_set_and_no_journal(tmp_path, monkeypatch):
    names = ["draft.docx", "draft.md", "draft.json", "catatan.md"]
    fresh(tmp_path, {n: b"lama " + n.encode() for n in names})()
    old = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    real, calls = os.fsync, []

    def fsync(fd):
        calls.append(fd)
        if len(calls) == len(names) + 1:  # the members' four, then the journal's
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(OutputError, match="ruang disk habis"):
        atomic.write_set(tmp_path, {n: b"baru " + n.encode() for n in names})
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == old  # nothing hidden left either


def test_a_killed_writers_hidden_files_go_and_a_live_writers_stay(tmp_path):
    """Issue 32 ("SIGKILL while the members are being written leaves hidden .tmp files"): a writer killed while it
    stages leaves its temporary files; the next write into the folder removes them, never those of a writer still
    alive in another process (rancang.lease)."""
    def stage_and_wait(name: str, hold: bool, ready) -> None:
        staged = atomic.Staged(tmp_path).__enter__()
        staged.add(name, "separuh isi")
        ready.send(True)
        if hold:
            signal.pause()
        os.kill(os.getpid(), signal.SIGKILL)

    import multiprocessing
    ctx = multiprocessing.get_context("fork")
    children = []
    for name, hold in (("hidup.md", True), ("mati.md", False)):
        ours, theirs = ctx.Pipe()
        child = ctx.Process(target=stage_and_wait, args=(name, hold, theirs))
        child.start()
        assert ours.recv()
        children.append(child)
    children[1].join()
    hidden = sorted(p.name.split(".")[1] for p in tmp_path.iterdir() if p.suffix == ".tmp")
    assert hidden == ["hidup", "mati"]
    atomic.write_text(tmp_path / "lain.txt", "berkas lain")  # any write into the folder settles it first
    hidden = sorted(p.name.split(".")[1] for p in tmp_path.iterdir() if p.suffix == ".tmp")
    assert hidden == ["hidup"]
    children[0].kill()
    children[0].join()
    atomic.settle(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lain.txt"]


def test_the_staged_members_of_a_journal_no_settle_could_complete_are_never_swept(tmp_path):
    """A committed set whose journal a settle could not replay (it raised) keeps its staged members: they are the new
    set, and sweeping them would leave the set half renamed for good."""
    from rancang.lease import sweep

    token = "abcd1234"
    staged = tmp_path / f".draft.md.~{token}~x7k2p9qz.tmp"
    staged.write_text("isi baru")
    (tmp_path / f".rancang-set.~{token}~q1w2e3r4.journal").write_text("{")
    assert sweep(tmp_path) == 0 and staged.exists()

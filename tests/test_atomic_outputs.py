"""Nothing lost, ever (issue 32 item 1): every output is written whole or not at all, a set of outputs (a draft's
four files, a scenario's letters) is all new or all old, and a source is never opened for writing.

A failure is injected at each write (the temporary file cannot be created, the disk fills when its bytes are
flushed, a rename fails half-way through a set) and a signal arrives in the middle of a set; afterwards the output
folder holds the complete old set or the complete new set and every source is byte-identical. A small tmpfs (when
the tests run as root) shows the same with a real full disk.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from rancang import atomic
from rancang.cli import cli
from rancang.errors import OutputError
from rancang.generate.draft import build as drafting
from rancang.generate.naskah import scenario as sc

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "seeds" / "001_ced7971a61a5e85a.txt"
SCENARIO = "penunjukan-dalam-unit"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder`` (hidden ones too: a temporary file left behind is a defect) -> its bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.exists() else {}


class Faults:
    """Make the ``n``-th call (0-based) of one operation the atomic writer uses fail with ``errno``."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, where: str, n: int, code: int) -> None:
        self.calls = 0
        owner, name = {"create": (tempfile, "mkstemp"), "flush": (os, "fsync"), "rename": (os, "replace")}[where]
        real = getattr(owner, name)

        def failing(*args, **kwargs):
            self.calls += 1
            if self.calls - 1 == n:
                raise OSError(code, os.strerror(code))
            return real(*args, **kwargs)

        monkeypatch.setattr(f"{owner.__name__}.{name}", failing)


SETS = [(where, n) for where in ("create", "flush", "rename") for n in range(4)]


@pytest.mark.parametrize(("where", "n"), SETS)
def test_a_draft_over_an_older_draft_is_all_old_after_a_failure_at_any_write(tmp_path, monkeypatch, sleman_draft,
                                                                            where, n):
    d, folder = sleman_draft
    out = tmp_path / "rancangan"
    shutil.copytree(folder, out)
    (out / "draft.json").write_text("{}\n")  # an older draft: its files differ from the new one's
    old = snapshot(out)
    Faults(monkeypatch, where, n, errno.ENOSPC)
    with pytest.raises(OutputError, match=r"(draft|catatan)\.\w+: tidak dapat ditulis \(ruang disk habis\)"):
        drafting.write(d, out, overwrite=True)  # the older draft is replaced knowingly
    assert snapshot(out) == old


def test_without_a_failure_the_new_draft_replaces_the_old_one_whole(tmp_path, sleman_draft):
    d, folder = sleman_draft
    out = tmp_path / "rancangan"
    out.mkdir()
    (out / "draft.json").write_text("{}\n")
    (out / "lain.txt").write_text("milik pengguna")  # a file of the user's in the same folder stays
    drafting.write(d, out, overwrite=True)
    assert snapshot(out) == {**snapshot(folder), "lain.txt": b"milik pengguna"}


@pytest.mark.parametrize(("where", "n"), SETS[:6])
def test_a_first_draft_that_fails_leaves_no_file_at_all(tmp_path, monkeypatch, sleman_draft, where, n):
    Faults(monkeypatch, where, n, errno.ENOSPC)
    with pytest.raises(OutputError):
        drafting.write(sleman_draft[0], tmp_path / "baru")
    assert snapshot(tmp_path / "baru") == {}


@pytest.mark.parametrize(("code", "words"), [(errno.ENOSPC, "ruang disk habis"), (errno.EROFS, "hanya dapat dibaca"),
                                             (errno.EACCES, "tidak diizinkan")])
def test_each_refusal_of_the_file_system_is_one_sentence_naming_the_file(tmp_path, monkeypatch, code, words):
    Faults(monkeypatch, "create", 0, code)
    with pytest.raises(OutputError) as caught:
        atomic.write_text(tmp_path / "hasil.md", "isi")
    message = caught.value.format_message()
    assert message == f"{tmp_path / 'hasil.md'}: tidak dapat ditulis ({words}); tidak ada berkas keluaran yang diubah."
    assert snapshot(tmp_path) == {}


def test_a_file_keeps_its_permissions_when_it_is_replaced(tmp_path):
    target = tmp_path / "perbup.txt"
    target.write_text("lama")
    target.chmod(0o640)
    atomic.write_text(target, "baru")
    assert target.read_text() == "baru" and target.stat().st_mode & 0o777 == 0o640


def test_a_folder_in_the_place_of_an_output_is_a_sentence_and_nothing_changes(tmp_path):
    (tmp_path / "draft.md").mkdir()
    with pytest.raises(OutputError, match="adalah folder"):
        atomic.write_set(tmp_path, {"draft.docx": b"x", "draft.md": "y"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.md"]


@pytest.mark.parametrize(("where", "n"), [("create", 0), ("flush", 0), ("flush", 1), ("rename", 0), ("rename", 1)])
def test_a_scenarios_letters_are_all_old_after_a_failure(tmp_path, monkeypatch, where, n):
    built = sc.build(SCENARIO, sc.scenario_example(SCENARIO))
    sc.write(built, tmp_path)
    for p in tmp_path.iterdir():
        p.write_bytes(b"lama " + p.name.encode())
    old = snapshot(tmp_path)
    Faults(monkeypatch, where, n, errno.ENOSPC)
    with pytest.raises(OutputError):
        sc.write(built, tmp_path, overwrite=True)  # the older letters are replaced knowingly
    assert snapshot(tmp_path) == old


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.mark.parametrize(("where", "n"), [("create", 0), ("flush", 0), ("rename", 0)])
def test_check_fix_in_place_leaves_the_source_byte_identical_on_a_full_disk(tmp_path, monkeypatch, where, n):
    src = tmp_path / "perda.txt"
    src.write_bytes(SEED.read_bytes().replace(b"Pasal 5", b"pasal 5", 1))  # something --fix changes
    before = src.read_bytes()
    Faults(monkeypatch, where, n, errno.ENOSPC)
    result = run("check", "--fix", "-o", str(src), str(src))
    assert result.exit_code == 1
    assert "ruang disk habis" in result.output and str(src) in result.output
    assert src.read_bytes() == before and snapshot(tmp_path) == {"perda.txt": before}


def test_check_fix_in_place_on_a_docx_leaves_the_source_byte_identical(tmp_path, monkeypatch, sleman_draft):
    docx = sleman_draft[1] / "draft.docx"
    src = tmp_path / "perbup.docx"
    shutil.copyfile(docx, src)
    Faults(monkeypatch, "flush", 0, errno.ENOSPC)
    result = run("check", "--fix", "-o", str(src), str(src))
    assert src.read_bytes() == docx.read_bytes()
    assert snapshot(tmp_path) == {"perbup.docx": docx.read_bytes()}
    assert result.exit_code == 1


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES])
def test_ingest_o_keeps_the_older_tree_whole(tmp_path, monkeypatch, code):
    out = tmp_path / "pohon.json"
    assert run("ingest", str(SEED), "-o", str(out)).exit_code == 0
    good = out.read_bytes()
    Faults(monkeypatch, "flush", 0, code)
    result = run("ingest", str(SEED), "-o", str(out))
    assert result.exit_code == 1 and "pohon.json: tidak dapat ditulis" in result.output
    assert snapshot(tmp_path) == {"pohon.json": good}


def test_a_letter_over_an_older_letter_stays_whole(tmp_path, monkeypatch):
    data = tmp_path / "data.yaml"
    data.write_text(run("letter", "lembar-disposisi", "--example").output)
    out = tmp_path / "nota.docx"
    out.write_bytes(b"surat lama")
    Faults(monkeypatch, "flush", 0, errno.ENOSPC)
    result = run("letter", "lembar-disposisi", str(data), "-o", str(out))
    assert result.exit_code == 1 and "nota.docx: tidak dapat ditulis (ruang disk habis)" in result.output
    assert out.read_bytes() == b"surat lama" and sorted(p.name for p in tmp_path.iterdir()) == ["data.yaml",
                                                                                                "nota.docx"]


# -- signals in the middle of a set: a child process writes a set and is signalled while writing member k ----------

CHILD = """
import os, signal, sys
from pathlib import Path
from rancang import atomic, cli

cli._install_sigterm()
out, k, sig, during = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
names = ["draft.docx", "draft.md", "draft.json", "catatan.md"]

def member(i):
    def fill(f):
        f.write(b"baru " + names[i].encode() + b" " * 50000)
        if during == "write" and i == k:
            os.kill(os.getpid(), sig)
    return fill

if during == "rename":
    real = os.replace
    def replace(a, b, _n=[0]):
        real(a, b)
        _n[0] += 1
        if _n[0] == k + 1:
            os.kill(os.getpid(), sig)
    os.replace = replace
try:
    atomic.write_set(out, {name: member(i) for i, name in enumerate(names)})
except cli.Terminated:
    sys.exit(143)
"""


def old_set(folder: Path) -> dict[str, bytes]:
    folder.mkdir()
    for name in ("draft.docx", "draft.md", "draft.json", "catatan.md"):
        (folder / name).write_bytes(b"lama " + name.encode())
    return snapshot(folder)


def visible(folder: Path) -> dict[str, bytes]:
    return {k: v for k, v in snapshot(folder).items() if not k.startswith(".")}


@pytest.mark.parametrize("k", range(4))
def test_sigterm_while_a_member_is_written_leaves_the_old_set_and_no_temporary_file(tmp_path, k):
    out = tmp_path / "d"
    old = old_set(out)
    done = subprocess.run([sys.executable, "-c", CHILD, str(out), str(k), str(int(signal.SIGTERM)), "write"],
                          timeout=60, capture_output=True)
    assert done.returncode == 143, done.stderr
    assert snapshot(out) == old


@pytest.mark.parametrize("k", range(4))
def test_sigkill_while_a_member_is_written_leaves_the_old_set(tmp_path, k):
    out = tmp_path / "d"
    old = old_set(out)
    done = subprocess.run([sys.executable, "-c", CHILD, str(out), str(k), str(int(signal.SIGKILL)), "write"],
                          timeout=60, capture_output=True)
    assert done.returncode == -signal.SIGKILL
    assert visible(out) == old  # only hidden temporary files may remain after SIGKILL


@pytest.mark.parametrize("k", range(3))
def test_sigterm_between_the_renames_waits_until_the_new_set_is_complete(tmp_path, k):
    out = tmp_path / "d"
    old_set(out)
    done = subprocess.run([sys.executable, "-c", CHILD, str(out), str(k), str(int(signal.SIGTERM)), "rename"],
                          timeout=60, capture_output=True)
    assert done.returncode == 143, done.stderr
    files = snapshot(out)
    assert sorted(files) == ["catatan.md", "draft.docx", "draft.json", "draft.md"]
    assert all(v.startswith(b"baru " + k.encode()) for k, v in files.items())


# -- a real full disk: a small tmpfs (root only) ----------------------------------------------------------------


def _tmpfs(tmp_path: Path, size: str):
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(disk)],
                                           capture_output=True).returncode:
        pytest.skip("tmpfs tidak dapat dipasang (bukan root)")
    return disk


@pytest.fixture
def small_disk(tmp_path):
    """A 500 KB tmpfs mounted at tmp_path/disk (skipped where mounting is not allowed); unmounted afterwards."""
    disk = _tmpfs(tmp_path, "500k")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=False)


@pytest.fixture
def draft_disk(tmp_path):
    """A 4 MB tmpfs: room for one draft (six files, with the harmonisation matrix) and its staging, no more once
    the test has filled it."""
    disk = _tmpfs(tmp_path, "4m")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=False)


def test_a_draft_on_a_disk_too_small_for_a_second_one_keeps_the_first(draft_disk, sleman_draft):
    d, folder = sleman_draft
    drafting.write(d, draft_disk / "d")
    first = snapshot(draft_disk / "d")
    free = os.statvfs(draft_disk).f_bavail * os.statvfs(draft_disk).f_frsize
    (draft_disk / "pengisi").write_bytes(b"\0" * (free - 20 * 1024))  # 20 KB left: less than one draft
    with pytest.raises(OutputError, match="ruang disk habis"):
        drafting.write(d, draft_disk / "d")
    assert snapshot(draft_disk / "d") == first


def test_corpus_add_on_a_full_disk_is_one_sentence_and_the_corpus_stays_whole(small_disk):
    result = run("corpus", "add", "--db", str(small_disk / "korpus.sqlite"), str(ROOT / "corpus" / "seeds"))
    assert result.exit_code == 1, result.output
    assert "korpus tidak dapat ditulis (ruang disk habis)" in result.output
    assert "Galat internal" not in result.output


def test_corpus_add_that_fills_the_disk_keeps_every_regulation_whole(tmp_path, monkeypatch):
    # SQLite's own page limit stands for a full disk (SQLITE_FULL, "database or disk is full"), without root
    from rancang.corpus import dbfile
    from rancang.corpus.store import Store

    db = tmp_path / "korpus.sqlite"
    with Store(db, seed=False) as store:
        store.without_bundled()
    real = dbfile.connect

    def full_soon(*args, **kwargs):
        con, writable = real(*args, **kwargs)
        pages = con.execute("PRAGMA page_count").fetchone()[0]
        con.execute(f"PRAGMA max_page_count={pages + 40}")
        return con, writable

    monkeypatch.setattr(dbfile, "connect", full_soon)
    result = run("corpus", "add", "--db", str(db), "-j", "1", str(ROOT / "corpus" / "seeds"))
    assert result.exit_code == 1, result.output
    assert result.output.strip().splitlines()[-1] == (
        f"Galat: {db}: korpus tidak dapat ditulis (ruang disk habis); perubahan ini dibatalkan, isi korpus tetap.")
    monkeypatch.setattr(dbfile, "connect", real)
    with Store(db, seed=False) as store:
        assert store.check() == []  # every regulation stored has all its clause rows


def test_ingest_never_writes_over_its_own_source(tmp_path):
    src = tmp_path / "perbup.md"
    src.write_bytes(SEED.read_bytes())
    before = src.read_bytes()
    result = run("ingest", str(src), "--format", "md", "-o", str(src))
    assert result.exit_code == 1 and "keluaran ini adalah berkas sumbernya sendiri" in result.output
    batch = run("ingest", str(tmp_path), "--format", "md", "-o", str(tmp_path))  # perbup.md -> perbup.md again
    assert batch.exit_code == 1 and "sumbernya sendiri" in batch.output
    assert src.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["perbup.md"]


@pytest.mark.parametrize(("where", "n"), [("create", 1), ("flush", 0), ("flush", 2), ("rename", 1)])
def test_a_folder_ingested_again_keeps_all_old_trees_after_a_failure(tmp_path, monkeypatch, where, n):
    src, out = tmp_path / "sumber", tmp_path / "pohon"
    src.mkdir()
    for seed in sorted((ROOT / "corpus" / "seeds").glob("*.txt"))[:3]:
        shutil.copyfile(seed, src / seed.name)
    assert run("ingest", str(src), "-o", str(out)).exit_code == 0
    for p in out.iterdir():
        p.write_text("{}\n")  # the trees of an older reader
    old = snapshot(out)
    Faults(monkeypatch, where, n, errno.ENOSPC)
    result = run("ingest", str(src), "-o", str(out))
    assert result.exit_code == 1 and "tidak dapat ditulis (ruang disk habis)" in result.output
    assert snapshot(out) == old


def test_a_set_is_still_written_where_the_file_system_has_no_hard_links(tmp_path, monkeypatch, sleman_draft):
    d, folder = sleman_draft
    shutil.copytree(folder, tmp_path / "d")

    def no_links(*args, **kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    (tmp_path / "d" / "draft.json").write_text("{}\n")
    drafting.write(d, tmp_path / "d", overwrite=True)
    assert snapshot(tmp_path / "d") == snapshot(folder)

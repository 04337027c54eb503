"""The journal of a set of files written together (issue 32: "after any failure ... the complete old set or the
complete new set"), used by :mod:`rancang.atomic`.

Signals can be held back while the members of a set are renamed into place; SIGKILL and a power cut cannot. So a
set is committed like a database transaction: when every member is staged (a complete, fsynced temporary file
beside its target), ``.rancang-set.XXXX.journal`` -- the staged files and the targets they replace -- is written,
fsynced and renamed into the folder (the commit point), the members are renamed, and the journal is removed. A
kill before the journal exists leaves the old set; a kill after it leaves the journal, and :func:`settle`, which
:class:`rancang.atomic.Staged` runs before any write into a folder, renames the staged members that remain: the
complete new set. No data is copied either way.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from rancang.errors import OutputError, os_reason
from rancang.lease import sweep

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

#: the name of a set's journal in its folder: ``.rancang-set.<hex>.journal``
_JOURNAL_PREFIX, _JOURNAL_SUFFIX = ".rancang-set.", ".journal"


class Journal:
    """The commit record of a set: written (fsynced, then renamed into place) after every member is staged and
    before the first rename, removed after the last. Its presence in a folder means "these staged files are complete
    and replace these targets": a process killed (SIGKILL, power cut) inside the renames leaves it behind, and
    :func:`settle` completes the set from it. The writer holds an exclusive ``flock`` on it while it commits, so a
    settle never replays the journal of a set another live process is putting in place."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path, self.fd = path, fd

    @classmethod
    def write(cls, folder: Path, staged: list[tuple[Path, Path]], backups: dict[Path, Path | None],
              tag: str = "") -> Journal:
        """Commit the set ``staged`` ((temporary file, target) pairs, every temporary complete and fsynced) in
        ``folder``; ``backups``: the old targets' hard links; ``tag``: the writer's lease tag
        (:mod:`rancang.lease`), so a journal cut short before its commit point is swept. Returns the journal,
        locked until :meth:`close`.
        Raises OSError (nothing left behind) when it cannot be written."""
        members = [{"tmp": os.path.abspath(tmp), "target": os.path.abspath(target),
                    "backup": os.path.abspath(b) if (b := backups.get(target)) else None} for tmp, target in staged]
        record = {"version": 1, "folder": os.path.abspath(folder), "set": members}
        fd, name = tempfile.mkstemp(prefix=_JOURNAL_PREFIX + tag, suffix=".tmp", dir=folder)
        tmp = Path(name)
        path = folder / (tmp.name[: -len(".tmp")] + _JOURNAL_SUFFIX)
        try:
            _lock(fd, block=True)
            data = memoryview(json.dumps(record, ensure_ascii=False).encode("utf-8"))
            while data:
                data = data[os.write(fd, data):]
            os.fsync(fd)
            os.rename(tmp, path)  # the commit point: from here on the new set is what the folder holds
            sync_dir(folder)
        except BaseException:
            os.close(fd)
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
                path.unlink(missing_ok=True)
            raise
        return cls(path, fd)

    def close(self) -> None:
        """The set is in place (or was put back): the journal goes, then its lock."""
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)
            sync_dir(self.path.parent)
        os.close(self.fd)


def settle(folder: str | Path) -> int:
    """Complete every set whose renames were cut short in ``folder`` (the writer was killed after its journal was
    written): each staged member still there is renamed over its target, so the folder holds the complete new set;
    the hard-linked old members and the journal are removed. A journal another live process holds (its ``flock``)
    is left alone. Then the hidden files of writers that died before their journal (:func:`rancang.lease.sweep`)
    are removed. Called before any write into a folder (:class:`Staged`), so the next run of any command that
    writes there finds a whole set and no leftovers. Returns the number of sets completed.

    >>> import tempfile, pathlib
    >>> settle(tempfile.mkdtemp())
    0
    """
    try:
        journals = [Path(e.path) for e in os.scandir(folder)
                    if e.name.startswith(_JOURNAL_PREFIX) and e.name.endswith(_JOURNAL_SUFFIX)]
    except OSError:
        return 0
    done = 0
    for journal in sorted(journals):
        try:
            fd = os.open(journal, os.O_RDONLY)
        except OSError:
            continue
        try:
            if not _lock(fd, block=False):
                continue  # a live writer is committing this set
            record = json.loads(journal.read_bytes())
            here = _relocate(record.get("folder"), journal.parent)
            for member in record["set"]:
                tmp, target = here(member["tmp"]), here(member["target"])
                if tmp.exists():
                    os.replace(tmp, target)
                    sync_dir(target.parent)
            for member in record["set"]:
                if member.get("backup"):
                    here(member["backup"]).unlink(missing_ok=True)
            journal.unlink(missing_ok=True)
            sync_dir(journal.parent)
            done += 1
        except FileNotFoundError:
            continue  # its writer finished meanwhile
        except (OSError, ValueError, KeyError, TypeError) as exc:
            why = os_reason(exc) if isinstance(exc, OSError) else "catatan penulisannya rusak"
            raise OutputError(f"{journal}: penulisan berkas sebelumnya di folder ini terputus dan tidak dapat "
                              f"diselesaikan ({why}); periksa isi folder, lalu hapus berkas ini.") from exc
        finally:
            os.close(fd)
    sweep(folder)
    return done


def _relocate(written: str | None, now: Path) -> Callable[[str], Path]:
    """Paths of a journal written in folder ``written`` as they are now that it lies in ``now`` (the folder was
    moved or renamed since, or is reached by another path): a member of that folder is taken from ``now``."""
    def here(path: str) -> Path:
        p = Path(path)
        return now / p.name if written is not None and str(p.parent) == written else p
    return here


def _lock(fd: int, *, block: bool) -> bool:
    """An exclusive ``flock`` on ``fd`` (True), or False when another process holds one and ``block`` is False.
    Where the platform has no ``flock`` every lock succeeds."""
    if fcntl is None:  # Windows: no flock, one writer assumed
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if block else fcntl.LOCK_NB))
        return True
    except BlockingIOError:
        return False



def sync_dir(folder: Path) -> None:
    """fsync ``folder`` so the renames survive a power cut (where the platform allows opening a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)

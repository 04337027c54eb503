"""Whose hidden files are these? A writer's lease on a folder (issue 32: a SIGKILL while the members of a set are
being written left hidden ``.tmp`` files beside the old set for ever, because nothing could tell an abandoned
temporary file from one a live process is still writing).

A process that writes into a folder (:class:`rancang.atomic.Staged`) first takes a **lease**: the file
``.rancang-lease.<token>.lock``, held under an exclusive ``flock`` for as long as it writes. Every hidden file it
makes there carries the token in its name (``.<name>.~<token>~<random>.tmp``, ``.<name>.~<token>~<hex>.old``, the
journal's own ``.rancang-set.~<token>~<random>.tmp``), and the lease goes last, after them. So a hidden file whose
lease is gone or is no longer locked belongs to a process that is dead (the kernel drops a ``flock`` with its last
holder, SIGKILL included): :func:`sweep`, which :func:`rancang.journal.settle` runs before any write into the folder,
removes it. A live writer's files are never touched. Files without a token (another program's) are left alone.

Where the platform has no ``flock`` (Windows) nothing is swept: a lease could not tell a live writer from a dead one.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

_PREFIX, _SUFFIX = ".rancang-lease.", ".lock"
#: a lease being made (locked, then renamed into place, so no sweeper takes a lease's files before it is locked;
#: one taken before its lock is made again)
_NEW = ".rancang-lease-new."
#: a hidden file of a writer: its token between tildes, then mkstemp's or token_hex's random part
_JOURNALED = re.compile(r"^\.rancang-set\.~(?P<token>[a-z0-9_]{8})~[a-z0-9_]+\.journal$")
_OWNED = re.compile(r"^\..*\.~(?P<token>[a-z0-9_]{8})~[a-z0-9_]+\.(?:tmp|old)$")


class Lease:
    """An exclusive, locked lease on ``folder`` for this process's hidden files; :attr:`tag` goes into each of
    their names. Raises OSError when the lease file cannot be made (a full disk, a read-only folder)."""

    def __init__(self, folder: Path) -> None:
        for _ in range(10):
            fd, name = tempfile.mkstemp(prefix=_NEW, dir=folder)
            token = Path(name).name[len(_NEW):]
            path = folder / f"{_PREFIX}{token}{_SUFFIX}"
            try:
                if fcntl is not None:
                    fcntl.flock(fd, fcntl.LOCK_EX)
                os.rename(name, path)
            except FileNotFoundError:  # a sweep took it before it was locked: make another
                os.close(fd)
                continue
            except BaseException:
                os.close(fd)
                with contextlib.suppress(OSError):
                    os.unlink(name)
                raise
            self.fd, self.path, self.token = fd, path, token
            return
        raise FileNotFoundError(f"{folder}: a lease could not be made")

    @property
    def tag(self) -> str:
        """``~token~``: the part of every hidden file name of this writer that names its lease."""
        return f"~{self.token}~"

    def close(self) -> None:
        """The writer is done (its hidden files are already renamed or removed): the lease goes, then its lock."""
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)
        os.close(self.fd)


def sweep(folder: str | Path) -> int:
    """Remove the hidden files of dead writers from ``folder``: each file named with a lease token (module
    docstring) whose lease file is gone or can be locked, and each such lease itself. Returns the number of files
    removed; files that cannot be removed are left (the next sweep tries again). Never raises OSError.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / ".draft.md.~abcd1234~x7k2p9qz.tmp").write_text("half a draft")  # its writer was killed
    >>> live = Lease(d)
    >>> _ = (d / f".draft.docx.{live.tag}q1w2e3r4.tmp").write_text("being written")
    >>> sweep(d), sorted(p.name.split(".")[2] for p in d.iterdir() if p.suffix == ".tmp")
    (1, ['docx'])
    >>> live.close()
    """
    if fcntl is None:  # pragma: no cover - Windows: a lease cannot tell the living from the dead
        return 0
    folder = Path(folder)
    try:
        names = [e.name for e in os.scandir(folder)]
    except OSError:
        return 0
    owned: dict[str, list[str]] = {}
    for name in names:
        if m := _OWNED.match(name):
            owned.setdefault(m["token"], []).append(name)
    # a committed set's journal still in the folder (one settle could not complete) owns its staged files: they
    # are the new set's members, and removing them would leave the set half renamed for good
    journaled = {m["token"] for name in names if (m := _JOURNALED.match(name))}
    leases = {name[len(_PREFIX):-len(_SUFFIX)] for name in names
              if name.startswith(_PREFIX) and name.endswith(_SUFFIX)}
    removed = 0
    for name in names:
        if name.startswith(_NEW):  # a lease its writer was killed while making
            _, fd = _held(folder / name)
            if fd is not None:
                with contextlib.suppress(OSError):
                    (folder / name).unlink()
                    removed += 1
                os.close(fd)
    for token in sorted(leases | set(owned)):
        path = folder / f"{_PREFIX}{token}{_SUFFIX}"
        if token in journaled:
            continue
        alive, fd = _held(path)
        if alive:
            continue
        try:
            for name in owned.get(token, []):
                with contextlib.suppress(OSError):
                    (folder / name).unlink()
                    removed += 1
            if fd is not None:
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed += 1
        finally:
            if fd is not None:
                os.close(fd)
    return removed


def _held(path: Path) -> tuple[bool, int | None]:
    """Whether a live process holds the lease at ``path`` (or it cannot be told: its files stay), and when not, a
    descriptor of the lease now locked by this process (its writer is dead; the caller closes it after removing the
    files), or None when there is no such lease (its writer removed it, finished or died just after)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return False, None
    except OSError:
        return True, None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return True, None
    return False, fd

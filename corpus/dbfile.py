"""The corpus database file itself: what SQLite says about it, in one Indonesian sentence.

SQLite reports a full disk, a read-only file or folder and a failing device as ``OperationalError`` with an
English message; the user gets the file's name and the reason in Indonesian, the database unchanged (each
regulation is written in one transaction, rolled back whole).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

#: SQLite's message (lower case, a part of it) -> the reason in Indonesian
_SQLITE_REASONS = (("disk is full", "ruang disk habis"), ("readonly", "hanya dapat dibaca"),
                   ("read-only", "hanya dapat dibaca"), ("locked", "sedang dikunci proses lain; coba lagi nanti"),
                   ("disk i/o", "kesalahan baca/tulis perangkat"), ("unable to open", "tidak dapat dibuka"),
                   ("busy", "sedang dipakai proses lain; coba lagi nanti"))


def reason(exc: sqlite3.Error) -> str:
    """Why SQLite refused, in Indonesian.

    >>> reason(sqlite3.OperationalError("database or disk is full"))
    'ruang disk habis'
    >>> reason(sqlite3.OperationalError("attempt to write a readonly database"))
    'hanya dapat dibaca'
    """
    text = str(exc).lower()
    return next((words for key, words in _SQLITE_REASONS if key in text), "kesalahan basis data")


def write_failure(path: Path, exc: sqlite3.Error) -> str:
    """The sentence for a write to the corpus at ``path`` that SQLite refused; nothing of it was kept."""
    return f"{path}: korpus tidak dapat ditulis ({reason(exc)}); perubahan ini dibatalkan, isi korpus tetap."

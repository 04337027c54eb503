"""User-facing errors. Their messages are Indonesian sentences shown as they are, never a traceback."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

import click

T = TypeVar("T")


class RancangError(click.ClickException):
    """An error the user can act on (bad input, missing file, invalid data).

    It subclasses :class:`click.ClickException` so that the CLI prints ``Galat: <message>`` on stderr and
    exits with status 1 without a traceback; library callers can catch it like any exception.
    """

    exit_code = 1

    def format_message(self) -> str:
        return self.message

    def show(self, file=None) -> None:  # noqa: D102 - click API
        click.echo(f"Galat: {self.format_message()}", err=True, file=file)


class InputError(RancangError):
    """The input file cannot be read as a regulation (missing, empty, wrong encoding, not a regulation)."""


class OutputError(RancangError):
    """An output file cannot be written (full disk, read-only folder, no permission); nothing was changed."""


class ValidationError(RancangError):
    """Data does not satisfy its JSON Schema contract."""


def choose(table: Mapping[str, T], name: str, what: str) -> T:
    """``table[name]``, or an InputError naming the choices there are.

    >>> choose({"nota": 1, "surat": 2}, "surat", "jenis surat")
    2
    >>> choose({"nota": 1, "surat": 2}, "memo", "jenis surat")
    Traceback (most recent call last):
    rancang.errors.InputError: jenis surat 'memo' tidak dikenal (pilihan: nota, surat).
    """
    if name not in table:
        raise InputError(f"{what} '{name}' tidak dikenal (pilihan: {', '.join(table)}).")
    return table[name]


#: what the operating system said, in Indonesian, by errno name
_OS_REASONS = {"EEXIST": "sudah ada sebagai berkas",
               "ENOTDIR": "salah satu bagian jalurnya adalah berkas, bukan folder", "ENOENT": "tidak ditemukan",
               "EACCES": "tidak diizinkan", "EPERM": "tidak diizinkan",
               "EISDIR": "adalah folder, bukan berkas", "ENOSPC": "ruang disk habis", "EROFS": "hanya dapat dibaca",
               "ENAMETOOLONG": "namanya terlalu panjang", "ETIMEDOUT": "waktu tunggu habis",
               "ECONNREFUSED": "sambungan ditolak", "EHOSTUNREACH": "alamat tidak dapat dijangkau",
               "ENETUNREACH": "jaringan tidak dapat dijangkau", "ECONNRESET": "sambungan terputus",
               "EIO": "kesalahan baca/tulis perangkat", "EMFILE": "terlalu banyak berkas terbuka",
               "EBUSY": "sedang dipakai"}


def json_reason(exc: ValueError) -> str:
    """Where a JSON text stops being JSON, in Indonesian (``json``'s own message is English).

    >>> import json
    >>> try:
    ...     json.loads('{"a": 1,}')
    ... except ValueError as exc:
    ...     print(json_reason(exc))
    baris 1, kolom 9
    >>> json_reason(UnicodeDecodeError("utf-8", b"\\xff", 0, 1, "invalid start byte"))
    'bukan teks UTF-8'
    """
    if isinstance(exc, UnicodeDecodeError):
        return "bukan teks UTF-8"
    line, col = getattr(exc, "lineno", None), getattr(exc, "colno", None)
    return f"baris {line}, kolom {col}" if line else "bentuknya tidak dikenali"


def os_reason(exc: OSError) -> str:
    """Why an operating-system call failed, in Indonesian (never the OS's English ``strerror``).

    >>> os_reason(PermissionError(13, "Permission denied"))
    'tidak diizinkan'
    >>> os_reason(OSError("something odd"))
    'kesalahan sistem berkas'
    """
    import errno

    return _OS_REASONS.get(errno.errorcode.get(exc.errno or 0, ""), "kesalahan sistem berkas")


def install_extra(extra: str) -> str:
    """How to install the optional part ``extra`` (web, ocr, picture, cluster, akn), as an Indonesian phrase:
    ``pip install '.[ocr]'`` run from the rancang folder, as README says. rancang is not on PyPI, so
    installing the extra by the package's name would fetch a stranger's package of that name."""
    return f"jalankan pip install '.[{extra}]' dari folder rancang"

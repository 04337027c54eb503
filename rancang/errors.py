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

"""User-facing errors. Their messages are Indonesian sentences shown as they are, never a traceback."""

from __future__ import annotations

import click


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

"""The ``rancang`` command line.

Each command lives in the stage that owns it (``rancang.ingest.cli``, ``rancang.model.cli`` ...) and is imported
only when it is invoked (click's lazy-loading group pattern), so ``rancang --help`` imports none of the stages and
none of spaCy, pdfplumber or docxtpl. This module is the one place where rancang imports its own modules by name.
"""

from __future__ import annotations

import importlib
import os
import re
import signal
import sys
import threading
from types import FrameType
from typing import Any, cast

import click

from rancang import __version__, click_id
from rancang.errors import RancangError, os_reason

click_id.install()

#: command name -> (module, attribute, one-line help shown by ``rancang --help``)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "ingest": ("rancang.ingest.cli", "ingest", "Baca peraturan (TXT/MD/PDF/DOCX) menjadi pohon pasal (JSON/MD)."),
    "model": ("rancang.model.cli", "model", "Susun model sistem kerja (peran, tugas, prosedur, surat)."),
    "draft": ("rancang.generate.cli", "draft", "Susun rancangan Pergub/Perbup/Perwali untuk daerah baru."),
    "check": ("rancang.generate.cli", "check", "Periksa peraturan terhadap kaidah penyusunan."),
    "letter": ("rancang.generate.cli", "letter", "Buat surat dinas baku (DOCX)."),
    "corpus": ("rancang.corpus.cli", "corpus", "Kelola korpus peraturan (SQLite)."),
    "search": ("rancang.corpus.cli", "search", "Cari pasal di seluruh korpus."),
    "diff": ("rancang.corpus.cli", "diff", "Bandingkan dua daerah menurut makna."),
    "kb": ("rancang.kb.cli", "kb", "Basis pengetahuan peraturan: nomor pengundangan dan sumbernya."),
    "serve": ("rancang.web.cli", "serve", "Jalankan aplikasi web di peramban (hanya komputer ini)."),
}


class LazyGroup(click.Group):
    """A click group that imports a command's module only when that command runs (click's documented pattern,
    "Lazily Loading Subcommands"); ``--help`` lists the commands from :data:`COMMANDS` without importing them."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attr, _ = COMMANDS[name]
        command = getattr(importlib.import_module(module), attr)
        if not isinstance(command, click.Command):
            raise TypeError(f"{module}.{attr} is not a click command")
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Perintah"):
                formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rancang")
def cli() -> None:
    """rancang: alat Bagian Hukum untuk peraturan sistem kerja ASN."""


def os_error_sentence(exc: OSError) -> str:
    """One Indonesian sentence for an OSError on a user's path ("x/y.docx: salah satu bagian jalurnya ...").

    >>> os_error_sentence(FileExistsError(17, "File exists", "keluaran/a.txt"))
    'keluaran/a.txt: tidak dapat dibaca atau ditulis (sudah ada sebagai berkas).'
    """
    return f"{exc.filename or 'berkas'}: tidak dapat dibaca atau ditulis ({os_reason(exc)})."


def _hint_top_level(exc: click.UsageError, argv: list[str]) -> None:
    """A subcommand a group does not have but ``rancang`` does ("rancang corpus search"): point at the top-level
    command in the same sentence."""
    ctx = exc.ctx
    if ctx is None or ctx.parent is None or not isinstance(ctx.command, click.Group):
        return
    rest = argv[argv.index(ctx.info_name) + 1:] if ctx.info_name in argv else []
    word = next((a for a in rest if not a.startswith("-")), None)
    if word in COMMANDS and word not in ctx.command.commands:
        root = ctx.find_root().info_name
        cast(Any, exc).message = (  # click >= 8.5 types the message as Final
            f"'{ctx.command_path} {word}' tidak ada; perintah itu dijalankan langsung: '{root} {word}' "
            f"(lihat '{root} {word} --help').")


class Terminated(BaseException):
    """SIGTERM reached the rancang process (a service stop, ``kill``, a CI timeout): end like Ctrl-C does."""


def _on_sigterm(signum: int, frame: object) -> None:
    if os.getpid() != _MAIN_PID[0]:  # a worker process forked from us: die as it would have
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)
        return
    raise Terminated


_MAIN_PID = [0]
#: set when Ctrl-C (SIGINT) reached this process: whatever error the interrupted work then raises on its way out
#: (a worker pool torn down mid-task), the command was cancelled by the user, not broken
_INTERRUPTED = threading.Event()


def _on_sigint(signum: int, frame: FrameType | None) -> None:
    _INTERRUPTED.set()
    signal.default_int_handler(signum, frame)


def _install_sigterm() -> None:
    """SIGTERM raises :class:`Terminated` in this (main) process, so the command stops with one sentence and
    status 143 (128 + 15) instead of dying silently; a child process keeps the default. SIGINT is remembered
    (:data:`_INTERRUPTED`) before it raises KeyboardInterrupt as usual."""
    if threading.current_thread() is threading.main_thread():
        _MAIN_PID[0] = os.getpid()
        signal.signal(signal.SIGTERM, _on_sigterm)
        if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            signal.signal(signal.SIGINT, _on_sigint)


#: click's "does not exist" for a ``click.Path(exists=True)`` argument, as rancang/data/click_id.json words it
_NOT_FOUND = re.compile(r"^(?:Berkas|Folder|Jalur) '(?P<path>.*)' tidak ditemukan\.$")


def _missing_path(exc: click.ClickException) -> str | None:
    """The path of a click "path does not exist" error (then said "X: berkas tidak ditemukan.", status 1, as the
    commands that check their files themselves say it), else None."""
    if not isinstance(exc, click.BadParameter):
        return None
    m = _NOT_FOUND.match(exc.message)
    return m["path"] if m else None


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI; an unexpected exception becomes one Indonesian sentence, not a traceback.
    Ctrl-C ends with "Dibatalkan." (status 130), SIGTERM with "Dihentikan ..." (status 143)."""
    _install_sigterm()
    try:
        result = cli.main(args=argv, prog_name="rancang", standalone_mode=False)
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo("Dibatalkan.", err=True)
        return 130
    except Terminated:
        click.echo("Dihentikan: rancang menerima sinyal berhenti (SIGTERM) sebelum pekerjaan selesai.", err=True)
        return 143
    except click.ClickException as exc:
        if _INTERRUPTED.is_set() and not isinstance(exc, click.UsageError):
            # the interrupted work's own sentence (a store write cut inside an SQLite function of Python, which
            # SQLite turns into its own error) would blame the file: the user cancelled it
            click.echo("Dibatalkan.", err=True)
            return 130
        missing = _missing_path(exc)
        if missing is not None:  # said as every command says it, not as a usage error
            click.echo(f"Galat: {missing}: berkas tidak ditemukan.", err=True)
            return 1
        if isinstance(exc, click.UsageError):
            _hint_top_level(exc, sys.argv[1:] if argv is None else argv)
        exc.show()
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except RancangError as exc:  # pragma: no cover - RancangError is a ClickException
        exc.show()
        return 1
    except OSError as exc:  # a path the user gave that cannot be written or read: their input, not our bug
        if _INTERRUPTED.is_set():
            click.echo("Dibatalkan.", err=True)
            return 130
        click.echo(f"Galat: {os_error_sentence(exc)}", err=True)
        return 1
    except Exception as exc:  # noqa: BLE001 - last resort: never show a traceback to a user
        if _INTERRUPTED.is_set():
            click.echo("Dibatalkan.", err=True)
            return 130
        click.echo(f"Galat internal: {type(exc).__name__}: {exc}. Mohon laporkan ke pengembang.", err=True)
        return 70
    return result if isinstance(result, int) else 0


if __name__ == "__main__":
    sys.exit(main())

"""``rancang ingest``: regulation files (TXT/MD/PDF/DOCX) -> clause trees (JSON) or canonical text (MD).

One file goes to stdout or to the ``-o`` path; a folder or several files give one output per file in the
``-o`` folder, read by ``-j`` processes behind a progress bar. A bad file never stops a batch: it is listed at
the end with its one-sentence reason and the exit status is non-zero.
"""

from __future__ import annotations

import concurrent.futures
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

try:  # the fast, byte-identical indent (pyproject pins it); without it the standard library's, same bytes
    import msgspec
except ImportError:  # pragma: no cover - an install without the pinned dependency
    msgspec = None  # type: ignore[assignment]

from rancang import atomic, schema
from rancang.errors import InputError, RancangError
from rancang.ingest import ingest_path
from rancang.ingest.readers.docx import reader as docx
from rancang.ingest.readers.ocr import reader as ocr_reader
from rancang.ingest.readers.pdf import reader as pdf
from rancang.ingest.writers.akn import to_akn
from rancang.ingest.writers.markdown import render as render_md
from rancang.limits import limit

INTERNAL = "galat internal ({kind}: {exc}); mohon laporkan ke pengembang."
#: extensions taken from a folder (a single named file is read whatever its extension: content decides)
EXTENSIONS = (".txt", ".md", ".pdf", *docx.SUFFIXES)


def render(path: Path, fmt: str, warn: Callable[[str], None] | None = None) -> str:
    """Ingest one file and render it as JSON (the tree), Markdown (the canonical text) or Akoma Ntoso XML;
    ``warn`` is given each warning of the reading (``stats.warnings``: mixed encodings, a stray quote ...)."""
    # the JSON is validated as written: the tree's data made once, for the schema check and the output (the same
    # check ingest_path makes on a look at the tree that it throws away; issue 33)
    reg = ingest_path(path, validate=fmt != "json")
    data = reg.to_dict() if fmt == "json" else None
    if data is not None:
        schema.validate("regulation", data)
    if warn is not None and reg.stats is not None:
        for w in reg.stats.warnings:
            warn(w["message"])
    if fmt == "md":
        out = render_md(reg)
    elif fmt == "akn":
        out = to_akn(reg).decode("utf-8")
    else:
        # C encoder, measured before any indent; a tree's data holds no cycle (the check costs a fifth of the dump)
        compact = json.dumps(data, ensure_ascii=False, check_circular=False)
        _bounded(path, compact)
        return indent_json(compact) + "\n"
    _bounded(path, out)
    return out


def indent_json(compact: str) -> str:
    """``compact`` (``json.dumps(x, ensure_ascii=False)``) re-laid out with one space per level: the bytes of
    ``json.dumps(x, ensure_ascii=False, indent=1)``, the JSON contract's layout, in C. msgspec's formatter copies every
    string and number token verbatim (so Python's escapes and float reprs stay), only whitespace changes; the
    standard library's indenting encoder is pure Python (+46% on a text ingest, issue 33). A text msgspec cannot
    take (a lone surrogate, NaN) is re-indented by the standard library, to the same bytes."""
    if msgspec is not None:
        try:
            return msgspec.json.format(compact, indent=1)
        except (msgspec.DecodeError, UnicodeError):
            pass
    return json.dumps(json.loads(compact), ensure_ascii=False, indent=1)


def _bounded(path: Path, out: str) -> None:
    """Refuse an output more than ``limits.output_ratio`` times its input's size (and over
    ``limits.output_floor_bytes``): a text whose every line nests one list level deeper, for one, repeats its
    ancestors' addresses in each node (240 KB of "a. x;" lines: 55 MB of JSON). Raises InputError, one sentence."""
    size = path.stat().st_size
    most = max(limit("output_floor_bytes"), limit("output_ratio") * size)
    if len(out) > most:
        raise InputError(f"{path}: hasilnya {len(out) // 1_000_000} MB, lebih dari {limit('output_ratio')} kali "
                         f"ukuran berkasnya ({size // 1000} KB); berkas ini tidak tampak seperti teks peraturan.")


def _job(args: tuple[Path, str]) -> tuple[Path, str | None, str | None, list[str]]:
    """Worker: (path, output text, None, warnings) or (path, None, Indonesian reason, []). Never raises."""
    path, fmt = args
    warned: list[str] = []
    try:
        return path, render(path, fmt, warned.append), None, warned
    except RancangError as exc:
        return path, None, exc.format_message(), []
    except Exception as exc:  # noqa: BLE001 - one broken file must not stop the batch
        return path, None, f"{path}: " + INTERNAL.format(kind=type(exc).__name__, exc=exc), []


def expand(sources: tuple[Path, ...]) -> list[Path]:
    """Files named, plus the regulation files (by extension) directly inside each folder named, sorted."""
    files: list[Path] = []
    for src in sources:
        if src.is_dir():
            found = (p for p in src.iterdir() if p.is_file() and not p.name.startswith("."))
            files.extend(sorted(p for p in found if p.suffix.lower() in EXTENSIONS))
        else:
            files.append(src)  # a missing file is reported by ingest_path in its own words
    return files


def output_names(files: list[Path], ext: str) -> dict[Path, str]:
    """One distinct output name per input: "<stem>.json"; "<name>.json" where two inputs share a stem; and
    "<folder>-<name>.json" (then a counter) where two share a name, so no output overwrites another."""
    stems: dict[str, int] = {}
    for f in files:
        stems[f.stem] = stems.get(f.stem, 0) + 1
    names = [(f.stem if stems[f.stem] == 1 else f.name) for f in files]
    out: dict[Path, str] = {}
    taken: set[str] = set()
    for f, name in zip(files, names, strict=True):
        if names.count(name) > 1:
            name = f"{f.parent.name}-{f.name}" if f.parent.name else f.name
        base, n = name, 2
        while name in taken:
            name, n = f"{base}-{n}", n + 1
        taken.add(name)
        out[f] = name + ext
    return out


def _write(path: Path, text: str) -> None:
    """Write one output whole or not at all (:mod:`rancang.atomic`; OutputError names the file)."""
    atomic.write_text(path, text)


@click.command()
@click.argument("sources", metavar="BERKAS...", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out", type=click.Path(path_type=Path),
              help="Keluaran: folder untuk beberapa berkas; untuk satu berkas boleh nama berkas. "
                   "Tanpa -o, satu berkas ditulis ke layar (stdout).")
@click.option("--format", "fmt", type=click.Choice(["json", "md", "akn"]), default="json", show_default=True,
              help="json = pohon pasal (sesuai skema regulation); md = teks baku peraturan; "
                   "akn = Akoma Ntoso 3.0 (XML).")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Jumlah proses paralel (berkas dibagi antarproses; untuk satu PDF, halamannya).")
@click.option("--ocr/--no-ocr", "ocr", default=None,
              help="--ocr: selalu baca PDF dengan OCR; --no-ocr: jangan pernah. Bawaan: OCR per halaman, hanya "
                   "pada halaman yang tidak memiliki lapisan teks yang dapat dibaca (hasil pindaian, gambar).")
@click.pass_context
def ingest(ctx: click.Context, sources: tuple[Path, ...], out: Path | None, fmt: str, jobs: int,
           ocr: bool | None) -> None:
    """Baca peraturan (TXT, MD, PDF, DOCX) menjadi pohon pasal JSON atau teks baku MD.

    SOURCES adalah berkas atau folder. Berkas yang gagal dibaca tidak menghentikan berkas lain; daftar
    kegagalan ditampilkan di akhir dan status keluar bukan nol.

    \b
    Contoh:
      rancang ingest perbup.pdf                  # pohon JSON ke layar
      rancang ingest perbup.docx -o perbup.json
      rancang ingest unduhan/ -o pohon/ -j 2     # satu JSON per berkas
      rancang ingest pindaian.pdf --ocr -j 2     # PDF hasil pindaian, halaman dibaca paralel
    """
    set_ocr(ocr)
    ext = ".xml" if fmt == "akn" else "." + fmt
    files = expand(sources)
    if not files:
        raise InputError("tidak ada berkas peraturan (.txt, .md, .pdf, .docx) pada sumber yang diberikan.")
    single = len(files) == 1 and not sources[0].is_dir() and len(sources) == 1
    if single:
        _single(files[0], out, fmt, ext, jobs)
        return
    if out is None:
        raise InputError("untuk beberapa berkas, tentukan folder keluaran dengan -o FOLDER.")
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: sudah ada sebagai berkas; untuk beberapa berkas -o harus sebuah folder.")
    failures = _batch(files, out, fmt, ext, jobs)
    written = len(files) - len(failures)
    click.echo(f"Selesai: {written} dari {len(files)} berkas ditulis ke {out}.", err=True)
    if failures:
        click.echo(f"Gagal ({len(failures)} berkas):", err=True)
        for reason in failures:
            click.echo(f"  - {reason}", err=True)
        ctx.exit(1)


def set_ocr(ocr: bool | None) -> None:
    """``--ocr`` (True), ``--no-ocr`` (False) or neither (None: OCR only a PDF without a usable text layer)."""
    ocr_reader.set_mode("auto" if ocr is None else "always" if ocr else "never")


class PageBar:
    """A progress bar on stderr for the pages of one OCR'd PDF of two pages or more, opened at the first page
    read."""

    def __init__(self) -> None:
        self.bar: Any = None  # click's progress bar, once a PDF of two pages or more is read
        self.done = 0

    def __call__(self, done: int, total: int) -> None:
        if total < 2:
            return  # one page: nothing to wait for
        if self.bar is None:
            self.bar = click.progressbar(length=total, label="OCR halaman", show_pos=True, file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.done)
        self.done = done
        if done >= total:
            self.bar.__exit__(None, None, None)


def _single(path: Path, out: Path | None, fmt: str, ext: str, jobs: int) -> None:
    """One file: errors propagate as one sentence (the CLI prints it, exit 1)."""
    if jobs > 1:
        pdf.set_jobs(jobs)
        ocr_reader.set_jobs(jobs)
    ocr_reader.set_progress(PageBar())
    try:
        text = render(path, fmt, lambda message: click.echo(f"Peringatan: {path.name}: {message}", err=True))
    except RancangError:
        raise
    except Exception as exc:  # noqa: BLE001 - never a traceback for the user
        raise RancangError(f"{path}: " + INTERNAL.format(kind=type(exc).__name__, exc=exc)) from exc
    if out is None:
        sys.stdout.write(text)
        return
    target = out / (path.stem + ext) if (out.is_dir() or str(out).endswith(("/", "\\"))) else out
    atomic.not_a_source(target, [path])
    _write(target, text)
    click.echo(f"ditulis: {target}", err=True)


def _batch(files: list[Path], out: Path, fmt: str, ext: str, jobs: int) -> list[str]:
    """Ingest ``files`` into folder ``out``; returns the failure reasons, in input order.

    The outputs are one set (:class:`rancang.atomic.Staged`): each is staged as it comes, and all replace the old
    ones together at the end; a write that fails (full disk) stops the batch with one sentence and leaves every old
    output as it was. A file that cannot be read is only listed."""
    names = output_names(files, ext)
    atomic.none_a_source((out / names[f] for f in files), files)
    reasons: dict[Path, str] = {}
    tasks = [(f, fmt) for f in files]
    with click.progressbar(length=len(files), label="Membaca peraturan", file=sys.stderr) as bar, \
            atomic.Staged(out) as staged:
        if jobs > 1 and len(files) > 1:
            with concurrent.futures.ProcessPoolExecutor(max_workers=min(jobs, len(files))) as pool:
                results = pool.map(_job, tasks)
                for path, text, reason, warned in results:
                    _collect(path, text, reason, names[path], staged, reasons, warned)
                    bar.update(1)
        else:
            for task in tasks:
                path, text, reason, warned = _job(task)
                _collect(path, text, reason, names[path], staged, reasons, warned)
                bar.update(1)
    return [reasons[f] for f in files if f in reasons]


def _collect(path: Path, text: str | None, reason: str | None, name: str, staged: atomic.Staged,
             reasons: dict[Path, str], warned: list[str] | None = None) -> None:
    """Stage one result, or note why there is none; print the warnings of its reading."""
    for message in warned or []:
        click.echo(f"Peringatan: {path.name}: {message}", err=True)
    if text is None:
        reasons[path] = reason or f"{path}: gagal dibaca."
        return
    staged.add(name, text)

"""A set of letters to check (``rancang letter --check``) as rancang writes it: a folder of DOCX files (``letter
--scenario ... -o FOLDER``) or one ZIP archive (``-o surat.zip``, or the web app's "Unduh semua (ZIP)")."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path, PurePosixPath

from rancang.errors import InputError
from rancang.generate.naskah import consistency
from rancang.limits import limit


def check_path(path: Path) -> int:
    """Check the letters of ``path`` (a folder, or a ZIP of letters); returns how many were read.

    Raises InputError for a missing path, a ZIP that cannot be read or holds no letter, a letter larger than a
    DOCX may inflate to (``docx_total_bytes``), and a set that contradicts itself
    (:func:`rancang.generate.naskah.consistency.check_set`)."""
    if path.is_dir() or path.suffix.lower() != ".zip":
        return consistency.check_folder(path)
    if not path.is_file():
        raise InputError(f"berkas '{path}' tidak ditemukan.")
    letters = _letters(path)
    try:
        consistency.check_set(letters)
    except InputError as exc:
        raise InputError(f"{path}: {exc.message}") from exc
    return len(letters)


def _letters(path: Path) -> list[tuple[str, bytes]]:
    """(file name, bytes) of each DOCX of the archive, in name order (as in a folder)."""
    most = limit("docx_total_bytes")
    try:
        with zipfile.ZipFile(path) as z:
            members = sorted((m for m in z.infolist() if not m.is_dir()
                              and m.filename.lower().endswith(".docx")
                              and not PurePosixPath(m.filename).name.startswith("~$")),
                             key=lambda m: PurePosixPath(m.filename).name)
            if not members:
                raise InputError(f"'{path}' tidak berisi naskah DOCX.")
            out = []
            for m in members:
                if m.file_size > most:
                    raise InputError(f"'{path}': {m.filename} terlalu besar untuk sebuah naskah dinas.")
                out.append((PurePosixPath(m.filename).name, z.read(m)))
            return out
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
        raise InputError(f"'{path}' bukan arsip ZIP yang dapat dibaca.") from exc

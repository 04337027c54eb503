"""What rancang wrote into a folder, so that a set written again never takes a clerk's edits with it.

A set (a draft's draft.docx/md/json, catatan.md and harmonisasi; a scenario's letters and skenario.md) is written
with ``.rancang-ditulis.json`` beside it in the same atomic set (:func:`rancang.atomic.write_set`): each member's
name and the SHA-256 of the bytes written. Before the next set is written into the folder, every member that is
already there is compared with that record: a file changed since rancang wrote it (edited in Word or a text
editor), is not overwritten -- the write is refused with one sentence naming the files and ``--timpa``, the option
that overwrites them knowingly. A member already there with no record (a folder written by a rancang older than
the records, a file copied in or saved under that name) is refused the same way: nothing says it was not edited.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

from rancang.errors import InputError

#: the record's name inside the set's folder
MANIFEST = ".rancang-ditulis.json"
#: the command-line option that overwrites edited files knowingly
OVERWRITE = "--timpa"


def digest(content: bytes | str) -> str:
    """SHA-256 (hex) of a member as written: a text as UTF-8."""
    return hashlib.sha256(content.encode("utf-8") if isinstance(content, str) else content).hexdigest()


def recorded(folder: Path) -> dict[str, str]:
    """{file name: sha256} of what rancang last wrote into ``folder``; {} without a (readable) record."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        files = data.get("files") if isinstance(data, dict) else None
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}


def changed(folder: Path, names: list[str], record: dict[str, str] | None = None) -> list[str]:
    """The names among ``names`` of files in ``folder`` changed since rancang wrote them: their SHA-256 differs from
    the one recorded (``record``, read from the folder when not given). Files not there, or not recorded, are not
    listed."""
    record = recorded(folder) if record is None else record
    out = []
    for name in names:
        path = folder / name
        if name not in record or not path.is_file():
            continue
        try:
            now = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            now = None
        if record[name] != now:
            out.append(name)
    return out


def unrecorded(folder: Path, names: list[str], record: dict[str, str] | None = None) -> list[str]:
    """The names among ``names`` of files in ``folder`` that rancang's record (``record``, read from the folder when
    not given) does not list (no record at all, or a record without them): rancang cannot tell whether someone
    edited them."""
    record = recorded(folder) if record is None else record
    return [name for name in names if (folder / name).is_file() and name not in record]


def _listed(folder: Path, names: list[str]) -> str:
    paths = [str(folder / n) for n in names]
    return paths[0] if len(paths) == 1 else ", ".join(paths[:-1]) + " dan " + paths[-1]


def guarded(folder: str | Path, files: Mapping[str, bytes | str], overwrite: bool = False) -> dict[str, bytes | str]:
    """``files`` plus the updated record (:data:`MANIFEST`), to be written as one set into ``folder``.

    Raises InputError naming the files of the set that were edited after rancang wrote them (or that are there
    without rancang's record of writing them), and :data:`OVERWRITE`, unless ``overwrite``."""
    folder = Path(folder)
    record = recorded(folder)
    edited = [] if overwrite else changed(folder, list(files), record)
    if edited:
        raise InputError(f"{_listed(folder, edited)} telah diubah sejak rancang menulisnya; rancang "
                         "tidak menimpanya. Simpan perubahan itu di tempat lain atau pilih folder lain dengan -o, "
                         f"atau jalankan lagi dengan {OVERWRITE} untuk menimpanya.")
    unknown = [] if overwrite else unrecorded(folder, list(files), record)
    if unknown:
        raise InputError(f"{_listed(folder, unknown)} sudah ada, tetapi tidak tercatat sebagai tulisan rancang "
                         "(mungkin ditulis versi lama atau disunting); rancang tidak menimpanya. Pilih folder lain "
                         f"dengan -o, atau jalankan lagi dengan {OVERWRITE} untuk menimpanya.")
    record.update({name: digest(content) for name, content in files.items()})
    body = json.dumps({"version": 1, "files": dict(sorted(record.items()))}, ensure_ascii=False, indent=1) + "\n"
    return {**files, MANIFEST: body}

"""Posted forms with images: a lambang daerah is uploaded as a PNG or JPEG, never named as a path on the server.

:func:`posted` reads a form into ``{name: [values]}`` for :func:`rancang.web.forms.parse`. For a field whose last
name part is ``lambang`` (region profile ``naskah.lambang``, letter ``instansi.lambang``):

- an uploaded file must be a PNG or JPEG (by its first bytes) within the upload limit; it is kept in the app's own
  folder under the SHA-256 of its bytes, and the field's value becomes that file's path;
- a typed value is accepted only as the name of an image uploaded earlier (what the form sends back after an
  error); any other text, e.g. a path such as ``/etc/passwd``, is dropped unread, so the page can neither read a
  server file nor tell whether one exists.

Problems are returned as field errors ({name: [Indonesian message]}), shown beside the input.

The folder of images never grows without bound: an image is touched each time a form uses it, and storing a new
one removes those unused for :data:`KEEP_SECONDS` and all but the :data:`KEEP` most recently used (:func:`prune`).
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from pathlib import Path
from typing import Any

from rancang import atomic
from rancang.web import security

#: an uploaded lambang as the form carries it back: its SHA-256 and type
STORED = re.compile(r"^[0-9a-f]{64}\.(?:png|jpg)$")
MSG_NOT_IMAGE = "berkas lambang harus gambar PNG atau JPEG."
#: uploaded images kept at most, and how long one not used by any form is kept (seconds)
KEEP = 200
KEEP_SECONDS = 30 * 86400


def is_image_field(name: str) -> bool:
    """Whether a form field holds a lambang image (``naskah.lambang``, ``instansi.lambang``)."""
    return name.rsplit(".", 1)[-1] == "lambang"


def image_kind(data: bytes) -> str | None:
    """'png' or 'jpg' by the file's signature, None for anything else."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    return None


def folder(workdir: Path) -> Path:
    """Where uploaded images are kept (inside the app's work folder)."""
    return workdir / "lambang"


async def posted(request: Any) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(form values {name: [str]}, field errors) of a posted form, images handled as the module says."""
    cfg = request.app.state.cfg
    form = await request.form()
    out: dict[str, list[str]] = {}
    errs: dict[str, list[str]] = {}
    for key in form.keys():
        for value in form.getlist(key):
            if not is_image_field(key):
                out.setdefault(key, []).append(value if isinstance(value, str) else "")
                continue
            if isinstance(value, str):
                path = folder(cfg.workdir) / value.strip()
                if STORED.match(value.strip()) and path.is_file():
                    os.utime(path)  # used again: kept
                    out[key] = [str(path)]
                continue
            if not getattr(value, "filename", ""):
                continue  # no file chosen: the earlier image (if any) stays
            try:
                _, data = await security.read_upload(value, cfg.max_upload)
            except Exception as exc:  # noqa: BLE001 - too big: its sentence beside the field
                errs.setdefault(key, []).append(getattr(exc, "format_message", lambda: MSG_NOT_IMAGE)())
                continue
            kind = image_kind(data)
            if kind is None:
                errs.setdefault(key, []).append(MSG_NOT_IMAGE)
                continue
            path = folder(cfg.workdir) / f"{hashlib.sha256(data).hexdigest()}.{kind}"
            if path.is_file():
                os.utime(path)
            else:
                atomic.write_bytes(path, data)
                prune(path.parent)
            out[key] = [str(path)]
    return out, errs


def prune(where: Path, keep: int = KEEP, seconds: float = KEEP_SECONDS) -> list[str]:
    """Remove the stored images of ``where`` unused for ``seconds`` and all but the ``keep`` most recently used;
    returns the names removed."""
    images = sorted((p for p in where.iterdir() if STORED.match(p.name)), key=lambda p: p.stat().st_mtime,
                    reverse=True)
    cutoff = time.time() - seconds
    gone = [p for i, p in enumerate(images) if i >= keep or p.stat().st_mtime < cutoff]
    for p in gone:
        p.unlink(missing_ok=True)
    return [p.name for p in gone]


def shown(value: Any) -> str:
    """What an image field carries back in the form: the stored image's name (never a folder)."""
    name = Path(str(value or "")).name
    return name if STORED.match(name) else ""

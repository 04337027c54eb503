"""The bundled corpus: real regional regulations on sistem kerja ASN, available without any set-up.

``seeds/index.json`` names each bundled text's region; :func:`bundled` lists them and :func:`load` parses one
(cached per process). The SQLite store, search and diff live in their own modules of this package.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from rancang.tree import Regulation


def seeds_dir() -> Path:
    return Path(str(resources.files(__name__).joinpath("seeds")))


@cache
def bundled() -> list[dict[str, Any]]:
    """Index entries {id, file, daerah, daerah_jenis, jenis, nomor, tahun} of the bundled regulations."""
    return json.loads((seeds_dir() / "index.json").read_text(encoding="utf-8"))


def entry(key: str) -> dict[str, Any] | None:
    """The bundled entry whose id, file name or region name (case-insensitive) is ``key``."""
    k = key.strip().lower()
    for e in bundled():
        names = {e["id"], e["file"], e["file"].rsplit(".", 1)[0], e["daerah"].lower(), e["nama"].lower()}
        if k in {n.lower() for n in names}:
            return e
    return None


@cache
def load(key: str) -> Regulation:
    """Parse the bundled regulation ``key`` (id, file name or region name)."""
    from rancang.errors import InputError
    from rancang.ingest import ingest_path

    e = entry(key)
    if e is None:
        known = ", ".join(x["id"] for x in bundled())
        raise InputError(f"daerah '{key}' tidak ada dalam korpus bawaan (tersedia: {known}).")
    return ingest_path(seeds_dir() / e["file"])

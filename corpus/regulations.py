"""The regulation letters follow, resolved once by the caller (``rancang letter``, the web app): a stored
regulation's id or a file (a region's ``draft.json`` too) turned into its sistem-kerja model, and the region's own
regulation found when none is named.

The letter code (:mod:`rancang.generate.naskah`) takes the model as an argument (issue 24): it never reads the
store, ingests a file or runs the model itself, so one scenario's letters walk the model once, whoever asks.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

from rancang import corpus
from rancang.errors import InputError
from rancang.ingest import ingest_path
from rancang.model import build
from rancang.model.shapes import SistemKerja


@cache
def _stored_model(key: str) -> SistemKerja:
    return build(corpus.load(key))


def model_of(peraturan: str) -> SistemKerja:
    """The sistem-kerja model of ``peraturan``: a regulation of the corpus by its id ("bogor"), else a file
    (a regulation's text, PDF, DOCX or a draft's ``draft.json``). Raises InputError naming the corpus' ids when it
    is neither, and the reader's own sentence for a file that is no regulation."""
    if corpus.entry(peraturan) is not None:
        return _stored_model(peraturan)
    path = Path(peraturan)
    if not path.is_file():
        ids = ", ".join(e["id"] for e in corpus.bundled())
        raise InputError(f"--peraturan '{peraturan}' bukan berkas maupun peraturan korpus (pilihan: {ids}).")
    return build(ingest_path(path))


def _region(name: str | None) -> str:
    return " ".join(str(name or "").lower().split())


def default_for(daerah: str | None, folders: Sequence[Path]) -> str | None:
    """The region's own regulation when ``--peraturan`` is not given: its draft (``draft.json`` of ``rancang
    draft``) in one of ``folders`` (the output folder, the folder above it, the data's folder), else the bundled
    corpus regulation of region ``daerah`` ("Kota Bogor"); None when neither exists (no clause is cited then). A
    draft of another region is passed over, never used."""
    if not daerah:
        return None
    for folder in folders:
        path = folder / "draft.json"
        if not path.is_file():
            continue
        try:
            theirs = ingest_path(path).meta.daerah
        except InputError:
            continue
        if _region(theirs) == _region(daerah):
            return str(path)
    e = next((x for x in corpus.bundled() if _region(x.get("daerah")) == _region(daerah)), None)
    return str(e["id"]) if e else None

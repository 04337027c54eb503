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
from rancang.corpus.store import Store, default_path
from rancang.errors import InputError
from rancang.ingest import ingest_path
from rancang.model import build
from rancang.model.shapes import SistemKerja
from rancang.tree import Regulation


@cache
def _stored_model(key: str) -> SistemKerja:
    return build(corpus.load(key))


def model_of(peraturan: str, db: str | Path | None = None) -> SistemKerja:
    """The sistem-kerja model of ``peraturan``: a bundled regulation by its id ("bogor"), else a file (a
    regulation's text, PDF, DOCX or a draft's ``draft.json``), else any act stored in the corpus at ``db`` (default:
    ``$RANCANG_DB`` or the user's corpus) by its id, as ``corpus list`` shows it (a draft stored as "sleman").
    Raises InputError naming the ids there are when it is none of these, and the reader's own sentence for a file
    that is no regulation."""
    if corpus.entry(peraturan) is not None:
        return _stored_model(peraturan)
    path = Path(peraturan)
    if path.is_file():
        return build(ingest_path(path))
    stored, ids = _from_store(peraturan, db)
    if stored is None:
        raise InputError(f"--peraturan '{peraturan}' bukan berkas maupun peraturan korpus (pilihan: "
                         f"{', '.join(ids)}).")
    return build(stored)


def _from_store(rid: str, db: str | Path | None) -> tuple[Regulation | None, list[str]]:
    """(the stored tree of ``rid`` or None, the ids of the corpus); a corpus that does not exist yet is not made."""
    bundled = [e["id"] for e in corpus.bundled()]
    path = Path(db) if db else default_path()
    if not path.is_file():
        return None, bundled
    with Store(path, seed=False, read_only_ok=True) as store:
        ids = list(dict.fromkeys(bundled + store.ids()))
        if rid.strip() not in store.ids():
            return None, ids
        return store.regulation(rid.strip()), ids


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

"""The standing of a stored act in one place for every view (``rancang search --json``, the web reader and web
search hits): its status (berlaku / diubah dengan ... / dicabut dengan ..., :mod:`.links`), the acts linked to it,
and where its text comes from (:mod:`.provenance`: a draft or an OCR'd scan is not the enacted text). Issue 30
item 3."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rancang.corpus import links
from rancang.corpus.provenance import provenance


def standing(store: Any, rid: str) -> dict[str, Any]:
    """``{"status": "berlaku, diubah dengan X", "keadaan": "berlaku" | "diubah" | "dicabut", "asal": "berkas
    a.txt (txt)", "links": {"diubah_dengan": [...], "dicabut_dengan": [...], "mengubah": [...], "mencabut":
    [...]}}`` of stored act ``rid`` (a stored id). Raises :class:`rancang.errors.InputError` for an unknown id."""
    linked = links.links(store.db, rid)
    keadaan = "dicabut" if linked["dicabut_dengan"] else "diubah" if linked["diubah_dengan"] else "berlaku"
    return {"status": links.status(linked), "keadaan": keadaan, "asal": provenance(store.regulation(rid)),
            "links": linked}


def standings(store: Any, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """:func:`standing` of each distinct id in ``ids`` (each tree read once)."""
    return {rid: standing(store, rid) for rid in dict.fromkeys(ids)}

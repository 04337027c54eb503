"""The coverage matrix: for every topic and every region in the corpus, the cite that regulates it.

It answers "which regions regulate X, and where?" across the whole corpus at once. Topics come from the
store's cache; regulations whose topics are not cached yet are modelled in parallel worker processes first.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from rancang import atomic
from rancang.corpus import templating
from rancang.errors import InputError
from rancang.topics import keys, label


def matrix(store: Any, ids: list[str] | None = None, jobs: int | None = None, cluster: Any = None
           ) -> dict[str, Any]:
    """{"regions": [{id, daerah, tahun, nomor}], "topics": [{key, label}], "cells": {key: {id: cite|None}},
    "coverage": {key: number of regions}} over ``ids`` (every stored regulation when None); topics not yet
    cached are computed by ``jobs`` processes, or as Dask tasks of client ``cluster``."""
    ids = [store.get_row(i)["id"] for i in ids] if ids else store.ids()
    if not ids:
        raise InputError("korpus kosong; tambahkan peraturan dengan 'rancang corpus add'.")
    store.ensure_topics(ids, jobs=jobs, cluster=cluster)
    regions: list[dict[str, Any]] = []
    cells: dict[str, dict[str, str | None]] = {k: {} for k in keys()}
    for rid in ids:
        row = store.get_row(rid)
        regions.append({"id": rid, "daerah": row["daerah"], "tahun": row["tahun"], "nomor": row["nomor"]})
        t = store.topics(rid)
        for k in keys():
            loc = t.get(k)
            cells[k][rid] = loc["cite"] if loc else None
    return {"regions": regions, "topics": [{"key": k, "label": label(k)} for k in keys()], "cells": cells,
            "coverage": {k: sum(1 for v in cells[k].values() if v) for k in keys()}}


def to_csv(m: dict[str, Any]) -> str:
    """One row per topic, one column per region, the cite in each cell (empty where not regulated)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["topik", "label", *[r["id"] for r in m["regions"]]])
    for t in m["topics"]:
        w.writerow([t["key"], t["label"], *[m["cells"][t["key"]][r["id"]] or "" for r in m["regions"]]])
    return buf.getvalue()


def to_html(m: dict[str, Any]) -> str:
    """A self-contained printable table (``templates/matrix.html``); empty cells (topic not regulated) are
    shaded."""
    return templating.render("matrix.html", m=m)


def write(m: dict[str, Any], path: str | Path) -> Path:
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in (".csv", ".html", ".htm"):
        raise InputError(f"{p.name}: format matriks tidak dikenal; gunakan .html atau .csv.")
    atomic.write_text(p, to_csv(m) if suffix == ".csv" else to_html(m))
    return p

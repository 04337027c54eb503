"""The actors and the documents of sistem kerja: one vocabulary each, ``data/actors.jsonl`` and
``data/documents.jsonl``, read by the model (its EntityRuler and role/document catalogue) and by the diff
summary (who and what differs between two regulations).

One line per actor or document::

    {"id": "ketua_tim", "name": "Ketua Tim Kerja", "kind": "peran",
     "patterns": ["ketua tim kerja", "ketua tim"], "short": "ketua tim"}

- ``patterns``: the wordings regions use, lower case; the model matches them token by token, the diff on folded
  text (:func:`rancang.fold.fold`), longest first, as whole words.
- ``short``: the name the diff reports (default: the folded ``name``); ``as_written``: the diff reports the words
  as the text has them instead ("kepala dinas", "kepala seksi"), followed by the words of the regular expression
  ``detail`` when given ("laporan" + " kinerja tim").
- ``model``: false keeps the entry out of the model's catalogue (the diff still compares it): the model's roles
  and documents are measured against the gold files, so an entry joins them only with a measurement.

>>> [e["id"] for e in entries("actors")][:2]
['kepala_daerah', 'sekretaris_daerah']
>>> "pppk" in catalogue("actors"), "pppk" in {e["id"] for e in entries("actors")}
(False, True)
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

KINDS = ("actors", "documents")


@cache
def entries(kind: str) -> list[dict[str, Any]]:
    """Every entry of ``data/<kind>.jsonl`` (``kind`` in :data:`KINDS`; ValueError otherwise), in file order."""
    if kind not in KINDS:
        raise ValueError(f"unknown vocabulary {kind!r}; one of {KINDS}")
    text = resources.files("rancang").joinpath(f"data/{kind}.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def catalogue(kind: str) -> dict[str, dict[str, Any]]:
    """The model's catalogue: id -> entry for the entries of ``kind`` whose ``model`` is not false."""
    return {e["id"]: e for e in entries(kind) if e.get("model", True)}

"""The sistem-kerja topics (PermenPAN-RB 7/2022): one catalogue, ``data/topics.json``, that every stage reads.

Each topic has a key (``kedudukan``), an Indonesian label for reports, the model's precise cues (``find``) and
the S1 check's looser phrases (``loose``). The order of the file is the order of every report.

>>> keys()[:2]
['prinsip_mekanisme_kerja', 'komponen_mekanisme_kerja']
>>> label("pemanfaatan_tik_spbe")
'Pemanfaatan TIK/SPBE'
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def catalogue() -> dict[str, dict[str, Any]]:
    """Topic key -> ``{"label": str, "find": {"require": [[str]], "prefer": [str], ...}, "loose": [str]}``,
    in report order."""
    raw = resources.files("rancang").joinpath("data/topics.json").read_text(encoding="utf-8")
    return json.loads(raw)["topics"]


def keys() -> list[str]:
    """Topic keys in report order."""
    return list(catalogue())


def label(key: str) -> str:
    """The Indonesian label of ``key``; an unknown key reads as its words (``"a_b"`` -> ``"a b"``)."""
    entry = catalogue().get(key)
    return entry["label"] if entry else key.replace("_", " ")


def labels() -> dict[str, str]:
    """Topic key -> label, in report order."""
    return {k: t["label"] for k, t in catalogue().items()}


def find_cues() -> dict[str, dict[str, Any]]:
    """Topic key -> the model's precise cues (``find``)."""
    return {k: t["find"] for k, t in catalogue().items()}


def loose_cues() -> dict[str, list[str]]:
    """Topic key -> the S1 check's looser phrases (``loose``)."""
    return {k: t["loose"] for k, t in catalogue().items()}

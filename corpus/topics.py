"""Topics of a regulation, as located by the sistem-kerja model, and the lexicon the diff summary uses.

The topics themselves (keys, labels, cues) are the catalogue :mod:`rancang.topics`.

The model (``rancang.model.build``) is imported only when a topic is needed: search and the store work
without it, and ``rancang --help`` stays fast.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from rancang import topics
from rancang.errors import choose
from rancang.model import build
from rancang.model.shapes import TopicLocation
from rancang.tree import Regulation


@cache
def lexicon() -> dict[str, Any]:
    """corpus/data/lexicon.json: the cues of required contents (``contents_cues``)."""
    text = resources.files("rancang.corpus").joinpath("data/lexicon.json").read_text(encoding="utf-8")
    return json.loads(text)


def check_key(key: str) -> str:
    """``key`` when it is a topic of the catalogue (``rancang/data/topics.json``), else an InputError naming the
    topics."""
    choose(topics.catalogue(), key, "topik")
    return key


def topics_of(reg: Regulation) -> dict[str, TopicLocation | None]:
    """{topic key: {"cite", "id"} or None} from ``rancang.model.build(reg)["topics"]``."""
    topics = build(reg).get("topics") or {}
    return {k: (v if isinstance(v, dict) and v.get("cite") else None) for k, v in topics.items()}

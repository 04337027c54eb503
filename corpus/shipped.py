"""Model topics of the bundled regulations, and the stems of their words, shipped precomputed (``seeds/topics.json``,
``seeds/stems.json``).

A first ``rancang draft`` on a new machine seeds the store with the bundled regulations and needs their topics;
computing them loads spaCy and runs the model (about 2 s CPU). The shipped topics are used only where they are
exactly what the model would compute now: each entry records the sha256 of the tree it was computed from and the
fingerprint of the model (its code, patterns, the topic catalogue and the spaCy version). When either differs (a
newer reader or model), nothing is taken and the store computes the topics on first need, as for any other
regulation. ``tests/test_shipped_topics.py`` checks the file is current; rebuild it with
``python benchmarks/build_seed_topics.py``.

The search index of the new store stems every word of the bundled regulations' clauses with Sastrawi (about 75 ms
CPU of a first draft, issue 33). The stems of those words are shipped too, with the fingerprint of the stemmer they
came from (:func:`rancang.corpus.stem.fingerprint`: the Sastrawi version and the keep list); a store takes them only
under the same fingerprint, where a word's stem is a function of the word alone, so the index is the one the stemmer
writes. A word the file lacks (the reader now reads a clause otherwise) is stemmed as before.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib import metadata, resources
from importlib.abc import Traversable
from typing import Any

from rancang.corpus import stem
from rancang.corpus.rows import clauses
from rancang.corpus.topics import topics_of
from rancang.fold import fold
from rancang.stems import stem as sastrawi_stem
from rancang.tree import Regulation

FILE = "seeds/topics.json"
STEMS_FILE = "seeds/stems.json"


def _files(root: Traversable) -> list[Traversable]:
    """The code and data files under ``root`` (recursive), in name order."""
    out: list[Traversable] = []
    for entry in sorted(root.iterdir(), key=lambda p: p.name):
        if entry.is_dir() and entry.name != "__pycache__":
            out += _files(entry)
        elif entry.name.endswith((".py", ".json", ".jsonl")):
            out.append(entry)
    return out


@cache
def model_fingerprint() -> str:
    """A hash of what the topics depend on besides the tree: ``rancang.model`` (code and patterns), the topic
    catalogue (``rancang/topics.py``, ``rancang/data/``), the stem matcher (``rancang/meaning.py``,
    ``rancang/stems.py``) and the installed spaCy and Sastrawi versions. No import of spaCy."""
    h = hashlib.sha256()
    base = resources.files("rancang")
    for f in [*_files(resources.files("rancang.model")), base.joinpath("topics.py"), base.joinpath("meaning.py"),
              base.joinpath("stems.py"), *_files(base.joinpath("data"))]:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    for package in ("spacy", "PySastrawi"):
        try:
            h.update(metadata.version(package).encode())
        except metadata.PackageNotFoundError:
            h.update(b"-")
    return h.hexdigest()[:16]


def tree_hash(reg: Regulation) -> str:
    """sha256 of the tree's canonical JSON (sorted keys): the same tree, the same hash."""
    text = json.dumps(reg.to_dict(), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@cache
def shipped() -> dict[str, Any]:
    """The shipped file: {"model": fingerprint, "regulations": {id: {"tree": sha256, "topics": {...}}}}; an
    empty one when absent or unreadable (the topics are then computed)."""
    try:
        data = json.loads(resources.files("rancang.corpus").joinpath(FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def topics_for(rid: str, reg: Regulation) -> dict[str, Any] | None:
    """The shipped topics of bundled regulation ``rid`` when they were computed from this very tree by this very
    model; None otherwise (compute them)."""
    data = shipped()
    entry = (data.get("regulations") or {}).get(rid)
    if data.get("model") != model_fingerprint() or not isinstance(entry, dict):
        return None
    if entry.get("tree") != tree_hash(reg) or not isinstance(entry.get("topics"), dict):
        return None
    return entry["topics"]


def build(trees: dict[str, Regulation]) -> dict[str, Any]:
    """The file's content for the bundled ``trees`` ({id: tree}), topics computed by the model now."""
    return {"model": model_fingerprint(),
            "regulations": {rid: {"tree": tree_hash(reg), "topics": topics_of(reg)}
                            for rid, reg in sorted(trees.items())}}


@cache
def seed_stems() -> dict[str, str]:
    """The shipped stems ({folded word: stem}) of the bundled regulations' words when they come from this very
    stemmer (:func:`rancang.corpus.stem.fingerprint`); empty otherwise, or when the file is absent or unreadable."""
    try:
        data = json.loads(resources.files("rancang.corpus").joinpath(STEMS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("stemmer") != stem.fingerprint() or not isinstance(data.get("stems"),
                                                                                                dict):
        return {}
    return {w: s for w, s in data["stems"].items() if isinstance(w, str) and isinstance(s, str)}


def build_stems(trees: dict[str, Regulation]) -> dict[str, Any]:
    """The stems file's content for the bundled ``trees``: every folded word of their clauses (the words the search
    index stems), each with its stem computed by Sastrawi now (:func:`rancang.stems.stem`)."""
    words = {w for reg in trees.values() for c in clauses(reg) for w in fold(c.text).split()}
    return {"stemmer": stem.fingerprint(), "stems": {w: sastrawi_stem(w) for w in sorted(words)}}

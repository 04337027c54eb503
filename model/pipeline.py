"""The spaCy pipeline: a blank Indonesian tokenizer plus an EntityRuler whose patterns are data files.

Roles (``patterns/roles.jsonl``) become ``ROLE`` entities and documents (``patterns/documents.jsonl``) ``DOC``
entities, each with its canonical id as ``ent_id_``. Matching is on lower case, so "Ketua Tim Kerja", "ketua
tim
kerja" and "KETUA TIM KERJA" are one role. The pipeline is built once per process (:func:`load_nlp` is
cached):
spaCy is imported only here, so ``rancang --help`` never pays for it.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def patterns(name: str) -> Any:
    """A pattern data file of ``model/patterns``: ``.jsonl`` as a list of dicts, ``.json`` as its object."""
    text = resources.files("rancang.model").joinpath("patterns", name).read_text(encoding="utf-8")
    if name.endswith(".jsonl"):
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    return json.loads(text)


def cues() -> dict[str, Any]:
    return patterns("cues.json")


def catalogue(kind: str) -> dict[str, dict[str, Any]]:
    """Canonical id -> entry of ``roles.jsonl`` or ``documents.jsonl``."""
    return {e["id"]: e for e in patterns(f"{kind}.jsonl")}


def _language():
    """The ``id`` language without its ~16,000 reduplication tokenizer exceptions ("anak-anak").

    Legal text needs none of them, and loading them costs seconds; the base exceptions stay.
    """
    from spacy.lang.id import Indonesian
    from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS

    class _Defaults(Indonesian.Defaults):
        tokenizer_exceptions = BASE_EXCEPTIONS

    class LegalIndonesian(Indonesian):
        Defaults = _Defaults

    return LegalIndonesian()


@cache
def load_nlp():
    """The rule pipeline (tokenizer + entity_ruler), built once and cached."""
    nlp = _language()
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER", "validate": False})
    rules = []
    for label, kind in (("ROLE", "roles"), ("DOC", "documents")):
        for entry in patterns(f"{kind}.jsonl"):
            for phrase in entry["patterns"]:
                rules.append({"label": label, "pattern": phrase, "id": entry["id"]})
    ruler.add_patterns(rules)
    return nlp

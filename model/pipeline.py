"""The spaCy pipeline: a blank Indonesian tokenizer plus an EntityRuler whose patterns are data files, and each
word's stem as its lemma.

Roles (the actors of ``rancang/data/actors.jsonl``) become ``ROLE`` entities and documents
(``rancang/data/documents.jsonl``) ``DOC`` entities (see :mod:`rancang.vocab`), each with its canonical id as
``ent_id_``. Matching is on lower case, so "Ketua Tim Kerja", "ketua tim kerja" and "KETUA TIM KERJA" are one role.
The pipeline is built once per process (:func:`load_nlp` is cached): spaCy is imported only here, so
``rancang --help`` never pays for it.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from rancang import meaning, vocab
from rancang.model import abbreviations


@cache
def patterns(name: str) -> Any:
    """A pattern data file of ``model/patterns``: ``.jsonl`` as a list of dicts, ``.json`` as its object."""
    text = resources.files("rancang.model").joinpath("patterns", name).read_text(encoding="utf-8")
    if name.endswith(".jsonl"):
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    return json.loads(text)


def cues() -> dict[str, Any]:
    return patterns("cues.json")


#: the model's names of the shared vocabularies
VOCABULARY = {"roles": "actors", "documents": "documents"}


def catalogue(kind: str) -> dict[str, dict[str, Any]]:
    """Canonical id -> entry of the roles (``kind="roles"``) or documents the model knows (:mod:`rancang.vocab`)."""
    return vocab.catalogue(VOCABULARY[kind])


def _language():
    """The ``id`` language without its ~16,000 reduplication tokenizer exceptions ("anak-anak").

    Legal text needs none of them, and loading them costs seconds; the base exceptions stay.
    """
    from spacy.lang.id import Indonesian
    from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS

    class _Defaults(Indonesian.Defaults):  # type: ignore[valid-type, misc]  # a class attribute spaCy sets
        tokenizer_exceptions = BASE_EXCEPTIONS

    class LegalIndonesian(Indonesian):
        Defaults = _Defaults

    return LegalIndonesian()


@cache
def load_nlp():
    """The rule pipeline (tokenizer + entity_ruler + the act's abbreviations, :mod:`rancang.model.abbreviations` +
    the stem component of :mod:`rancang.meaning`, which sets each token's ``lemma_`` to its Sastrawi stem so that
    step patterns can match a word family: "dipenuhi", "memenuhi", "terpenuhi" all have the lemma "penuh"), built
    once and cached."""
    nlp = _language()
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER", "validate": False})
    rules = []
    for label, kind in (("ROLE", "roles"), ("DOC", "documents")):
        for entry in catalogue(kind).values():
            for phrase in entry["patterns"]:
                rules.append({"label": label, "pattern": phrase, "id": entry["id"]})
    ruler.add_patterns(rules)
    abbreviations.add_to(nlp)  # "PyB", "PUO" where the act defines them (rancang.model.abbreviations)
    meaning.add_stems(nlp)
    return nlp

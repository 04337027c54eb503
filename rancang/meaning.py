"""Phrases found by meaning, not by exact wording: spaCy's PhraseMatcher over word stems.

spaCy has no Indonesian lemmas offline: ``spacy.blank("id")`` tokenises Indonesian, but its lookup lemmatizer
needs the ``spacy-lookups-data`` tables (not installed, and no downloaded models at run time), so every
``lemma_`` stays empty (spaCy error E955). The pipeline here is the blank Indonesian tokenizer plus one
component, ``rancang_stem``, that sets each token's ``lemma_`` to its Sastrawi stem (:func:`rancang.stems.stem`
of the folded word: "melaporkan", "laporan", "dilaporkan" -> "lapor"; "kinerja" and "atasan" keep their own).
A :class:`Phrases` matcher is built from phrases kept in data and matches on ``LEMMA``: the phrase
"melaporkan" finds "menyampaikan laporan", "pengelolaan kinerja" finds "mengelola kinerja", and word
boundaries hold ("lintas" is no hit inside "melintasi" unless their stems agree).

>>> p = Phrases({"lapor": ["melaporkan"], "kelola": ["pengelolaan kinerja"]})
>>> sorted(p.hits("Setiap ASN menyampaikan laporan dan mengelola kinerjanya."))
['kelola', 'lapor']
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

from rancang.fold import fold
from rancang.stems import keep, stem


def _stem_tokens(doc: Any) -> Any:
    """Set every token's ``lemma_`` to the stem of its folded text (punctuation and digits stay as they are)."""
    for token in doc:
        word = fold(token.text).replace(" ", "")
        if word.endswith("nya") and word[:-3] in keep():  # "kinerjanya": the kept word with its enclitic
            word = word[:-3]
        token.lemma_ = stem(word) if word else token.text
    return doc


def add_stems(pipeline: Any) -> None:
    """Add the ``rancang_stem`` component (each token's ``lemma_`` = its stem) to a spaCy pipeline, last."""
    from spacy.language import Language

    if not Language.has_factory("rancang_stem"):
        Language.component("rancang_stem", func=_stem_tokens)
    pipeline.add_pipe("rancang_stem")


@cache
def nlp() -> Any:
    """The blank Indonesian pipeline with the stem component (built once, no model loaded). spaCy (about a second
    to import) is imported here, when a text is first matched, never by importing this module."""
    import spacy

    pipeline = spacy.blank("id")
    add_stems(pipeline)
    return pipeline


@lru_cache(maxsize=4096)
def doc(text: str) -> Any:
    """``text`` tokenised and stemmed (kept for the texts seen last: one clause is matched for many topics)."""
    return nlp()(text)


class Phrases:
    """A PhraseMatcher on stems for labelled phrase lists: ``{label: [phrase, ...]}``.

    Raises ValueError for a label with no phrase that has a word."""

    def __init__(self, phrases: dict[str, Iterable[str]]):
        from spacy.matcher import PhraseMatcher

        self.matcher = PhraseMatcher(nlp().vocab, attr="LEMMA")
        for label, items in phrases.items():
            docs = [doc(p) for p in items if p.strip()]
            docs = [d for d in docs if len(d)]
            if not docs:
                raise ValueError(f"no phrase for {label!r}")
            self.matcher.add(label, docs)

    def hits(self, text: str) -> set[str]:
        """The labels with a phrase whose stems occur, in order and contiguous, among ``text``'s stems."""
        d = doc(text)
        return {nlp().vocab.strings[m] for m, _, _ in self.matcher(d)}

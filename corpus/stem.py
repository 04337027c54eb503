"""Indonesian word stems for the search index: "menugaskan", "penugasan", "ditugaskan" all stem to "tugas".

The stem of each word is :func:`rancang.stems.stem` (Sastrawi, with the words kept as they are listed in
``rancang/data/stems.json``), shared with the model's topic matcher.

>>> stems("Pegawai yang ditugaskan; PENUGASAN sis\\u00adtem")
'pegawai yang tugas tugas sistem'
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import metadata, resources

from rancang import stems as core
from rancang.fold import fold

_data_text = core.data_text
_keep = core.keep


@cache
def fingerprint() -> str:
    """What the stored stems depend on: the Sastrawi version and the keep list. A corpus whose stem index was
    built under another fingerprint is refilled (:meth:`rancang.corpus.store.Store.__init__`)."""
    return f"sastrawi {metadata.version('PySastrawi')} {hashlib.sha256(_data_text().encode()).hexdigest()[:12]}"


#: stems computed by worker processes with this same function (:func:`learn`), so the process that writes the
#: store does not compute them again
_LEARNED: dict[str, str] = {}


def learn(known: dict[str, str]) -> None:
    """Take stems ({folded word: stem}) computed by :func:`stem` in a worker process (:func:`vocabulary`); kept
    up to the size of :func:`stem`'s own cache."""
    if len(_LEARNED) > 200_000:
        _LEARNED.clear()
    _LEARNED.update(known)


def vocabulary(texts: Iterable[str]) -> dict[str, str]:
    """{word: stem} of every folded word of ``texts``: computed where the texts are read (a worker process) and
    handed to the writer with :func:`learn`, so the Sastrawi stemmer, the bulk of writing a corpus, runs in
    parallel. The same function gives the same stems: the index is byte-identical."""
    return {w: stem(w) for text in texts for w in fold(text).split()}


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The stem of one folded word ("penugasan" -> "tugas"); a word with a digit, one of the keep list, or one
    Sastrawi leaves empty, is its own stem."""
    known = _LEARNED.get(word)
    if known is not None:
        return known
    return core.stem(word)


@cache
def _roots() -> frozenset[str]:
    """Sastrawi's bundled dictionary of Indonesian root words (kata dasar)."""
    text = resources.files("Sastrawi.Stemmer").joinpath("data/kata-dasar.txt").read_text(encoding="utf-8")
    return frozenset(text.split())


def is_word(word: str) -> bool:
    """Is folded ``word`` an Indonesian word: its stem a root of Sastrawi's dictionary, or one of the keep list?
    The search never "corrects" such a word to another one ("kewenangan" absent from a corpus is not a typo of
    "keterangan"), while "sistim" (no root) may be corrected.

    >>> is_word("kewenangan"), is_word("penugasan"), is_word("kinerja"), is_word("sistim")
    (True, True, True, False)
    """
    return word in _keep() or stem(word) in _roots()


def stems(text: str) -> str:
    """``text`` folded (:func:`rancang.fold.fold`) with every word replaced by its stem, space separated."""
    return " ".join(stem(w) for w in fold(text).split())


def register(con: sqlite3.Connection) -> None:
    """Make SQL functions ``rancang_fold(text)`` and ``rancang_stems(text)`` known to connection ``con``: the
    triggers that keep the stem index (``clause_words``) call them."""
    con.create_function("rancang_fold", 1, fold, deterministic=True)
    con.create_function("rancang_stems", 1, stems, deterministic=True)

"""Indonesian word stems, shared by every stage: "menugaskan", "penugasan", "ditugaskan" all stem to "tugas".

A prefix cannot find these families: the t of "tugas" is assimilated by the prefix (meN- + tugas -> menugaskan,
peN- + tugas -> penugasan). The stemmer is Sastrawi (PySastrawi, MIT licence), the Nazief-Adriani algorithm
with the Enhanced Confix Stripping rules made for Indonesian, checked against its own bundled dictionary of root
words (no download, no model): Adriani, Asian, Nazief, Tahaghoghi & Williams, "Stemming Indonesian", ACM TALIP
6(4), 2007. Words with digits ("2024", "5a") are kept as they are, and so are the few words whose Sastrawi root
has another meaning in legal text ("kinerja" is not "kerja", "atasan" is not "atas"), listed with their reason in
``rancang/data/stems.json``. The search index (:mod:`rancang.corpus.stem`) and the model's topic matcher
(:mod:`rancang.meaning`) read words through this one function.

>>> stem("penugasan"), stem("kinerja"), stem("2024")
('tugas', 'kinerja', '2024')
"""

from __future__ import annotations

import json
from functools import cache, lru_cache
from importlib import resources
from typing import Any


@cache
def _stemmer() -> Any:
    # imported when a word is first stemmed: a first draft takes the bundled words' stems shipped (issue 33)
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


def data_text() -> str:
    """The text of ``rancang/data/stems.json`` (the keep list and its reasons)."""
    return resources.files("rancang").joinpath("data/stems.json").read_text(encoding="utf-8")


@cache
def keep() -> frozenset[str]:
    """Words that are their own stem (``rancang/data/stems.json`` "keep")."""
    return frozenset(json.loads(data_text())["keep"])


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The stem of one folded word ("penugasan" -> "tugas"); a word with a digit, one of the keep list, or one
    Sastrawi leaves empty, is its own stem."""
    if not word.isalpha() or word in keep():
        return word
    return str(_stemmer().stem(word)) or word

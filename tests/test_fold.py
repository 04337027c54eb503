"""Text folding is done once (issue 10): :func:`rancang.fold.fold` is the form texts are compared, searched and
made into ids in; no other module decomposes Unicode or strips accents itself."""

from __future__ import annotations

import sys
from pathlib import Path

from rancang.corpus.search import words
from rancang.fold import fold, slug
from rancang.model.roles import slug as role_slug
from rancang.numbering import ordinal_slug, ordinal_value

sys.path.insert(0, str(Path(__file__).parent))
from checkout import ROOT, tracked  # noqa: E402


def test_wordings_that_differ_in_case_accents_spacing_or_punctuation_fold_alike() -> None:
    variants = ["Pejabat Fungsional", "PEJABAT  fungsional", "pejabat-fungsional", " Péjabat\tFungsional;"]
    assert {fold(v) for v in variants} == {"pejabat fungsional"}
    assert fold("") == "" and fold("...") == "" and fold("under_score") == "under score"


def test_every_user_of_folding_agrees_with_the_core() -> None:
    text = "Kabupaten  Pasaman-Barat (Sumbar)"
    assert words(text) == fold(text).split() == ["kabupaten", "pasaman", "barat", "sumbar"]
    assert slug(text) == "kabupaten-pasaman-barat-sumbar"
    assert role_slug("Ketua Tim Kerja / Squad") == "ketua_tim_kerja_squad" and role_slug("—") == "peran"
    assert ordinal_value("KEDUA   belas") == 12 and ordinal_slug("Kedua  Belas") == "kedua-belas"


def test_no_module_folds_text_on_its_own() -> None:
    for path in tracked("*/**/*.py"):  # never a .venv/ or build/ left in the checkout
        rel = path.relative_to(ROOT)
        if rel.parts[0] in ("tests", "build", "benchmarks") or rel == Path("rancang/fold.py"):
            continue
        assert "unicodedata.normalize" not in path.read_text(encoding="utf-8"), rel

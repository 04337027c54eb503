"""Rewrite region-specific wording: region names, Bupati <-> Wali Kota, Kabupaten <-> Kota, province names.

The rules are data (``data/rewrite.yaml``); this module compiles them once per (source kind, profile) pair and
applies them keeping the case of what they replace, so "BUPATI JEPARA", "Bupati Jepara" and "peraturan bupati"
all come out right. Every bundled corpus region's name is rewritten, not only the base's, because a clause taken
from another region (``--take``) carries that region's name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from rancang.generate.profile import Profile


def match_case(found: str, repl: str) -> str:
    """``repl`` in the case style of ``found``: UPPER, lower, or as written (Title)."""
    letters = [c for c in found if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 1:
        return repl.upper()
    if letters and all(c.islower() for c in letters):
        return repl.lower()
    return repl


@cache
def _rules() -> dict:
    from rancang.generate import resources

    return resources.read_yaml("data/rewrite.yaml")


@cache
def corpus_names() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(region names, province names) of every bundled corpus regulation, longest first."""
    from rancang import corpus

    names = {e["nama"] for e in corpus.bundled()}
    provinces = {e["provinsi"] for e in corpus.bundled() if e.get("provinsi")}
    return tuple(sorted(names, key=len, reverse=True)), tuple(sorted(provinces, key=len, reverse=True))


def _compile(pattern: str, old: str | None = None) -> re.Pattern:
    if old is not None:
        pattern = pattern.replace("{old}", r"\s+".join(re.escape(w) for w in old.split()))
    return re.compile(pattern, re.IGNORECASE)


class Rewriter:
    """Applies the rewrite rules for one profile to texts that come from a region of kind ``source_jenis``."""

    def __init__(self, profile: Profile, source_jenis: str):
        values = {"kepala": profile.kepala, "jenis": profile.jenis_title, "nama": profile.nama,
                  "daerah": profile.daerah, "provinsi": profile.provinsi}
        rules = _rules()
        self.steps: list[tuple[re.Pattern, str]] = []
        if source_jenis != profile.jenis:
            self.steps += [(_compile(r["pattern"]), r["replace"].format(**values)) for r in rules["swap"]]
        names, provinces = corpus_names()
        for old in names:
            if old.lower() == profile.nama.lower():
                continue
            self.steps += [(_compile(r["pattern"], old), r["replace"].format(**values)) for r in rules["names"]]
        for old in provinces:
            if old.lower() == profile.provinsi.lower():
                continue
            self.steps += [(_compile(r["pattern"], old), r["replace"].format(**values))
                           for r in rules["provinces"]]

    def __call__(self, text: str) -> str:
        if not text:
            return text
        for pattern, repl in self.steps:
            text = pattern.sub(_replacer(repl), text)
        return text


@cache
def _replacer(repl: str) -> Callable[[re.Match], str]:
    return lambda m: match_case(m.group(0), repl)

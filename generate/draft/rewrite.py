"""Rewrite region-specific wording: region names, Bupati <-> Wali Kota, Kabupaten <-> Kota, province names.

The rules are data (``data/rewrite.yaml``); this module compiles them once per (source kind, profile) pair and
applies them keeping the case of what they replace, so "BUPATI JEPARA", "Bupati Jepara" and "peraturan bupati"
all come out right. Every corpus region's name is rewritten, not only the base's, because a clause taken from
another region (``--take``) carries that region's name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from rancang.generate.shared import resources
from rancang.generate.shared.profile import Profile


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
    return resources.read_yaml("draft/data/rewrite.yaml")


def _compile(pattern: str, olds: list[str] | None = None) -> re.Pattern:
    """``pattern`` with ``{old}`` standing for any of ``olds`` (longest first, whitespace-tolerant)."""
    if olds is not None:
        alts = "|".join(r"\s+".join(re.escape(w) for w in old.split())
                        for old in sorted(set(olds), key=len, reverse=True))
        pattern = pattern.replace("{old}", f"(?:{alts})")
    return re.compile(pattern, re.IGNORECASE)


class Rewriter:
    """Applies the rewrite rules for one profile to texts that come from a region of kind ``source_jenis``."""

    def __init__(self, profile: Profile, source_jenis: str, names: list[str], provinces: list[str]):
        """``names``/``provinces``: the region and province names to rewrite to the profile's (every region of
        the corpus store, so a clause taken from any of them, or naming one, comes out neutral)."""
        values = {"kepala": profile.kepala, "jenis": profile.jenis_title, "nama": profile.nama,
                  "daerah": profile.daerah, "provinsi": profile.provinsi}
        rules = _rules()
        self.steps: list[tuple[re.Pattern, str]] = []
        if source_jenis != profile.jenis:
            self.steps += [(_compile(r["pattern"]), r["replace"].format(**values)) for r in rules["swap"]]
        olds = [n for n in names if n and n.lower() != profile.nama.lower()]
        if olds:
            self.steps += [(_compile(r["pattern"], olds), r["replace"].format(**values)) for r in rules["names"]]
        provs = [p for p in provinces if p and p.lower() != profile.provinsi.lower()]
        if provs:
            self.steps += [(_compile(r["pattern"], provs), r["replace"].format(**values))
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

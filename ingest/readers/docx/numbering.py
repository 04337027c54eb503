"""Word list numbering (numbering.xml): the label Word draws before a numbered paragraph ("a.", "(1)", "BAB IV").

The label is computed from the paragraph's ``numPr`` (or its style's), the list definition (``abstractNum``:
``start``, ``numFmt``, ``lvlText``, ``lvlRestart``) and the instance overrides (``num``/``lvlOverride``/
``startOverride``), with one counter set per list instance (ECMA-376 Part 1, 17.9).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rancang.limits import limit
from rancang.numbering import MAX_ROMAN, huruf, roman

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _q(tag: str) -> str:
    return W + tag


def _val(el: Any, tag: str, default: str | None = None) -> str | None:
    child = el.find(_q(tag)) if el is not None else None
    return child.get(_q("val"), default) if child is not None else default


# ------------------------------------------------------------------------------------------- numbering


@dataclass
class Level:
    """One level of a list definition."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # lvlRestart: restart after this (1-based) level; 0 = never
    suffix: str = "tab"
    #: the level's own All Caps / Small Caps / hidden (w:lvl/w:rPr), which the label shows
    toggles: dict[str, bool] = field(default_factory=dict)


@dataclass
class Numbering:
    """The numbering definitions of a document and the running counters of its list instances."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    #: numId -> (abstractNumId, {ilvl: startOverride})
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)
    counters: dict[str, list[int | None]] = field(default_factory=dict)

    @classmethod
    def from_xml(cls, root: Any | None) -> Numbering:
        out = cls()
        if root is None:
            return out
        for an in root.iter(_q("abstractNum")):
            levels: dict[int, Level] = {}
            for lvl in an.iter(_q("lvl")):
                levels[_ilvl(lvl.get(_q("ilvl")))] = _level(lvl)
            out.abstract[an.get(_q("abstractNumId"))] = levels
        for num in root.iter(_q("num")):
            overrides: dict[int, int] = {}
            for ov in num.iter(_q("lvlOverride")):
                start = _val(ov, "startOverride")
                if start is not None:
                    overrides[_ilvl(ov.get(_q("ilvl")))] = _start(start)
            out.nums[num.get(_q("numId"))] = (_val(num, "abstractNumId") or "", overrides)
        return out

    def level(self, num_id: str, ilvl: int) -> Level:
        """The definition of level ``ilvl`` of list ``num_id`` (a default level when there is none)."""
        abstract_id = self.nums.get(num_id, ("", {}))[0]
        return self.abstract.get(abstract_id, {}).get(ilvl, Level())

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the counter of list ``num_id`` at level ``ilvl`` and return the label Word shows there.

        Instances that override a start count on their own; instances without overrides share the counters of
        their abstract list, as Word continues such lists.
        """
        if num_id not in self.nums or num_id == "0":
            return ""
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        key = num_id if overrides else f"abstract:{abstract_id}"
        counters = self.counters.setdefault(key, [None] * 9)
        level = levels.get(ilvl, Level())
        current = counters[ilvl]
        counters[ilvl] = overrides.get(ilvl, level.start) if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            lvl = levels.get(deeper, Level())
            if lvl.restart is None or (lvl.restart and ilvl + 1 <= lvl.restart):
                counters[deeper] = None
        if level.fmt == "none":
            return ""

        def fill(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lvl = levels.get(k, Level())
            count = counters[k]
            value = count if count is not None else overrides.get(k, lvl.start)
            return format_number(value, level.fmt if k == ilvl else lvl.fmt)

        if level.fmt == "bullet":
            return "-"
        return re.sub(r"%([1-9])", fill, level.text)


def _level(lvl: Any) -> Level:
    restart = _val(lvl, "lvlRestart")
    return Level(
        start=_start(_val(lvl, "start", "1") or "1"),
        fmt=_val(lvl, "numFmt", "decimal") or "decimal",
        text=_val(lvl, "lvlText", "") or "",
        restart=int(restart) if restart is not None else None,
        suffix=_val(lvl, "suff", "tab") or "tab",
        toggles=_level_toggles(lvl.find(_q("rPr"))),
    )


def _level_toggles(rpr: Any | None) -> dict[str, bool]:
    """caps / smallCaps / vanish set in a level's w:rPr (see :mod:`~rancang.ingest.readers.docx.styles`)."""
    out: dict[str, bool] = {}
    for name in ("caps", "smallCaps", "vanish"):
        el = rpr.find(_q(name)) if rpr is not None else None
        if el is not None:
            out[name] = (el.get(_q("val")) or "1").lower() not in ("0", "false", "off", "none")
    return out


def _int(value: str | None, default: int, lo: int, hi: int) -> int:
    """An integer attribute of numbering.xml clamped into [lo, hi]; ``default`` when it is not a number."""
    try:
        n = int(str(value)[:12]) if value is not None else default
    except ValueError:
        n = default
    return min(max(n, lo), hi)


def _ilvl(value: str | None) -> int:
    """A list level (w:ilvl): Word has nine, 0-8; out-of-range or non-numeric levels are clamped."""
    return _int(value, 0, 0, limit("docx_list_levels") - 1)


def _start(value: str | None) -> int:
    """A list start value, clamped to ``limits.docx_list_start`` (Word allows 32767; a forged 10^10 would make
    labels of millions of letters)."""
    return _int(value, 1, 0, limit("docx_list_start"))


def format_number(value: int, fmt: str) -> str:
    """A counter value in a Word numFmt: decimal 3, lowerLetter c, upperRoman III, lowerLetter 27 -> aa ..."""
    if fmt in ("lowerLetter", "upperLetter") and value <= 26 * 30:  # beyond 30 repeats ("ddd..."): decimal
        letter = huruf(max(value, 1))
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman") and value <= MAX_ROMAN:
        numeral = roman(max(value, 1))
        return numeral.lower() if fmt == "lowerRoman" else numeral
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)

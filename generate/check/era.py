"""What an act made before UU 12/2011 wrote in its penutup: the formulas of its day, in the spelling of its day.

UU 12/2011 Lampiran II fixes "Agar setiap orang mengetahuinya, memerintahkan pengundangan ... dengan penempatannya
dalam Lembaran Negara ..." and "... ini mulai berlaku pada tanggal diundangkan." Acts made before it used the
wording of their day: "Agar supaya setiap orang dapat mengetahuinya, memerintahkan pengundangan Undang-undang ini
dengan penempatan dalam Lembaran-Negara" (1950s-1990s), printed before 1972 in the Ejaan Soewandi
("mengetahuinja", "Djakarta"), and "Peraturan ini berlaku mulai pada tanggal ..." (1940s). Such an act has its
formula; T1 asks nothing more of it (the patterns: rules.yaml ``T1_undang.earlier`` and ``T1_berlaku.earlier``).
"""

from __future__ import annotations

import re
from functools import cache

from rancang.generate.check.base import rules, settings
from rancang.generate.check.copies import year_of
from rancang.tree import Regulation

#: the Ejaan Soewandi (1947-1972) letters and today's: "dj" -> "j", "tj" -> "c", "nj" -> "ny", "sj" -> "sy",
#: "ch" -> "kh", "j" -> "y", and "oe" -> "u" (before 1947)
_SPELLING = {"dj": "j", "tj": "c", "nj": "ny", "sj": "sy", "ch": "kh", "oe": "u", "j": "y"}
_OLD = re.compile("|".join(_SPELLING), re.I)  # (longest first: "dj" before "j")


def _today(m: re.Match[str]) -> str:
    old, new = m.group(0), _SPELLING[m.group(0).lower()]
    return new.upper() if old.isupper() and (len(old) > 1 or not m.string[m.end():m.end() + 1].islower()) \
        else new.capitalize() if old[0].isupper() else new


def modern(text: str) -> str:
    """``text`` in today's spelling, letter case kept ("mengetahuinja" -> "mengetahuinya", "Djakarta" ->
    "Jakarta", "DJAKARTA" -> "JAKARTA"); for matching only (a word of today's spelling changes only where it has
    "ch" or "j")."""
    return _OLD.sub(_today, text)


def made_before(reg: Regulation, day: str) -> bool:
    """Whether the act was made before ``day`` (ISO): by its date of enactment, else by its year (an act of the
    year ``day`` falls in counts as made before it only when its date says so)."""
    when = reg.meta.tanggal_ditetapkan or reg.meta.tanggal_diundangkan
    if when:
        return when < day
    year = year_of(reg)
    return bool(year and year < int(day[:4]))


def before_law(reg: Regulation) -> bool:
    """Whether the act was made before UU 12/2011 came into force (rules.yaml ``_reading.lampiran_ii_from``)."""
    return made_before(reg, str(settings("reading").get("lampiran_ii_from", "2011-08-12")))


@cache
def _earlier(rule: str) -> re.Pattern[str] | None:
    pattern = rules().get(rule, {}).get("earlier")
    return re.compile(pattern, re.I | re.S) if pattern else None


def has_earlier_formula(reg: Regulation, rule: str, text: str) -> bool:
    """Whether ``text`` (the last Pasal and the penutup) holds the formula of ``rule`` ("T1_undang",
    "T1_berlaku") as an act made before UU 12/2011 wrote it, read in today's spelling; False for a later act."""
    pattern = _earlier(rule)
    return pattern is not None and before_law(reg) and bool(pattern.search(modern(" ".join(text.split()))))

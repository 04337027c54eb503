"""The shared layer of the check rules: the rule table, the finding shape and the text helpers every family uses.

A finding is a dict ``{severity, code, rule, source, message, cite}`` plus, when the rule has a mechanical
correction, ``fix: {old, new, after, section}`` -- replace the first ``old`` found after the text ``after`` (whitespace
may differ, as in a wrapped source line) with ``new``. Severities, messages and sources come from
``data/rules.yaml``; a bureau changes them there, not here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache
from typing import Any, NotRequired, TypedDict

from rancang.generate.shared import resources
from rancang.kinds import DIKTUM_NUMBER
from rancang.parts import Konsiderans
from rancang.tree import Node, Regulation


class Fix(TypedDict):
    """A mechanical correction: the first ``old`` found after the text ``after`` (whitespace may differ) within
    ``section`` (:func:`section`) becomes ``new``."""

    old: str
    new: str
    after: str
    section: str


class Finding(TypedDict):
    """One finding of ``rancang check`` (the JSON of ``--format json``, key for key): ``severity`` is "error",
    "warning" or "info"; ``code`` the DRAFTING.md id ("X1"); ``rule`` the row of data/rules.yaml ("X1_pasal");
    ``source`` the legal source it enforces; ``message`` the Indonesian sentence; ``cite`` where ("Pasal 4 ayat
    (3)"); ``fix`` when the rule has a mechanical correction; ``doubt`` why the finding is less sure than its rule
    (an OCR'd text, a gap in the numbering), and then ``fix_ocr`` holds the correction ``--fix`` applies only when
    asked. ``ref_in_gap``, ``restart`` (B3: a list numbered from 1 again) and ``reading_doubt`` live between a rule and
    :func:`rancang.generate.check.reading.qualify` only, which turns them into a ``doubt`` or drops them."""

    severity: str
    code: str
    rule: str
    source: str
    message: str
    cite: str
    fix: NotRequired[Fix]
    doubt: NotRequired[str]
    fix_ocr: NotRequired[Fix]
    ref_in_gap: NotRequired[bool]
    restart: NotRequired[bool]
    reading_doubt: NotRequired[str]


ORDER = {"error": 0, "warning": 1, "info": 2}


@cache
def _table() -> dict[str, Any]:
    return resources.read_yaml("check/data/rules.yaml")


def rules() -> dict[str, dict[str, Any]]:
    """The rule table: rule id -> {family, source, severity, message[, fix, form, acts, needs]}
    (``data/rules.yaml``; keys starting with "_" are settings, see :func:`settings`)."""
    return {k: v for k, v in _table().items() if not k.startswith("_")}


def settings(name: str) -> dict[str, Any]:
    """A settings block of the rule table (``_reading``: the OCR confidence below which form rules are not
    applied, and the notes added to findings on doubtful text)."""
    return dict(_table().get("_" + name) or {})


def finding(rule: str, cite: str, fix: dict[str, str] | None = None, **values: Any) -> Finding:
    """A finding of ``rule`` at ``cite``; ``values`` fill the rule's message template.

    Raises KeyError for a rule id missing from the table (a programming error, caught by the tests)."""
    r = _table()[rule]
    out: Finding = {"severity": r["severity"], "code": rule.split("_")[0], "rule": rule, "source": r["source"],
                    "message": r["message"].format(**values), "cite": cite}
    if fix is not None and fix.get("old") != fix.get("new"):
        out["fix"] = {"old": fix["old"], "new": fix["new"], "after": fix.get("after", ""), "section": section(cite)}
    return out


def section(cite: str) -> str:
    """Where in the source a fix at ``cite`` starts looking: "Pasal 12", "Menimbang", "Mengingat", "Menetapkan",
    the ordinal of a Keputusan's diktum ("KEDUA" for "Diktum KEDUA huruf a") or "" (the whole text)."""
    m = re.match(r"(Pasal\s+\w+|Menimbang|Mengingat)", cite)
    if m is None and (d := re.match(rf"Diktum\s+({DIKTUM_NUMBER})(?![\w-])", cite)) is not None:
        return " ".join(d.group(1).split())
    return m.group(1) if m else ("Menetapkan" if cite == "Diktum" else "")


def norm(s: str | None) -> str:
    """Whitespace collapsed to single spaces, ends stripped."""
    return " ".join((s or "").split())


def clause(text: str | None) -> str:
    """A clause's text as its punctuation is judged: whitespace collapsed, and emphasis or page-join marks a
    Markdown conversion leaves at its end ("... Pekerjaan Sosial. __", "*squad*") set aside.

    >>> clause("Praktik Pekerjaan Sosial. __")
    'Praktik Pekerjaan Sosial.'
    """
    return norm(text).rstrip("_*~ ")


def ending(text: str) -> str:
    """How a clause ends, in the drafter's words: '"; dan"', '";"', '","', '"."' or "tanpa tanda baca".

    >>> ending("nota dinas; dan"), ending("penunjukan,"), ending("yang digunakan")
    ('"; dan"', '","', 'tanpa tanda baca')
    """
    text = norm(text)
    m = re.search(r";\s+(?:dan/atau|dan|atau|serta)$", text)
    if m:
        return f'"{m.group(0)}"'
    if text[-1:] in ".,;:!?)":
        return f'"{text[-1:]}"'
    return "tanpa tanda baca"


def jenis_of(reg: Regulation) -> str:
    """The act's jenis as the body names it ("Peraturan Bupati", "Peraturan Wali Kota", "Peraturan Daerah")."""
    return norm(reg.meta.jenis) or "Peraturan"


def is_perda(reg: Regulation) -> bool:
    """An act formed with the legislature (Peraturan Daerah, Undang-Undang): its konsiderans says "membentuk"."""
    j = jenis_of(reg).lower()
    return j.startswith("peraturan daerah") or j.startswith("undang-undang") or j.startswith("qanun")


def jenis_pattern(reg: Regulation) -> str:
    """A regex for the act's jenis as the text may spell it: any case, "Wali Kota" or "Walikota"."""
    words = re.sub(r"wali\s*kota", "walikota", jenis_of(reg).lower()).split()
    return r"\s+".join(re.escape(w).replace("walikota", r"wali\s*kota") for w in words)


def is_amending(reg: Regulation) -> bool:
    """An amending act ("Perubahan atas ...", "Perubahan Kedua atas ..."): its Pasal I holds instructions."""
    return bool(re.match(r"\s*perubahan\b", norm(reg.meta.tentang), re.I))


def body_nodes(reg: Regulation) -> Iterator[Node]:
    """Every node of the batang tubuh with text, quoted amendment text (``perubahan``) excluded."""
    stack = list(reversed(reg.body))
    while stack:
        node = stack.pop()
        if node.type == "perubahan":
            continue
        yield node
        stack.extend(reversed(node.children))


def pasal_of(reg: Regulation) -> dict[str, Node]:
    """Node id -> the Pasal that holds it (a Pasal maps to itself)."""
    out: dict[str, Node] = {}
    for pasal in reg.pasals():
        for n in pasal.walk():
            if n.type != "perubahan":
                out[n.id] = pasal
    return out


def node_start(node: Node, words: int = 6) -> str:
    """The first words of a node's text: the ``after`` anchor of a fix inside that node."""
    return " ".join(node.text.split()[:words])


@lru_cache(maxsize=4096)
def word_pattern(phrase: str) -> re.Pattern[str]:
    r"""A case-insensitive pattern for ``phrase`` as whole words, any whitespace between them.

    The pattern opens with the phrase's first character and checks the word boundary before it after it
    (``X(?<![\w-]X)`` is ``(?<![\w-])X``): the regex engine then tries only where that character stands instead of
    running the lookbehind at every position, twice as fast over a Lampiran; a phrase is compiled once (the checks
    ask for each defined term once per block: issue 33)."""
    words = phrase.split()
    if not words:
        return re.compile(r"(?<![\w-])(?![\w-])", re.IGNORECASE)
    first = re.escape(words[0][0])
    return re.compile(first + r"(?<![\w-]" + first + ")" + re.escape(words[0][1:])
                      + "".join(r"\s+" + re.escape(w) for w in words[1:]) + r"(?![\w-])", re.IGNORECASE)


def item_cite(kind: str, items: Sequence[Konsiderans], item: Konsiderans) -> str:
    """"Menimbang huruf c" / "Mengingat angka 3": the item's own label, else its position (a reader may lose a
    label in a two-column text)."""
    word = "huruf" if kind == "Menimbang" else "angka"
    label = (item.label or "").strip().rstrip(".")
    if not label:
        pos = next((i for i, x in enumerate(items) if x is item), 0)
        if len(items) == 1:
            return kind
        label = chr(97 + pos) if kind == "Menimbang" else str(pos + 1)
    return f"{kind} {word} {label}"


def lost_words(judul: list[str], named: list[str]) -> bool:
    """Whether the judul as read is the name (after "Menetapkan:", in the last konsiderans) with a run of three or
    more words missing at one place (UU 3/2012's copy: "... ANTARA PEMERINTAH REPUBLIK HONG KONG ..." for "...
    ANTARA PEMERINTAH REPUBLIK INDONESIA DAN PEMERINTAH DAERAH ADMINISTRASI KHUSUS HONG KONG ..."): a line of the
    judul lost in the copy, not a wrong name. One or two words more in the name are a drafting difference."""
    cut = len(named) - len(judul)
    if not judul or cut < 3:
        return False
    return any(named[:i] + named[i + cut:] == judul for i in range(len(judul) + 1))

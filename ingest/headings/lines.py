"""The shapes of heading lines of the batang tubuh: what a line that is (or holds) a BAB, Bagian, Paragraf or
Pasal heading looks like, as printed, glued to other text, or damaged by OCR.

These are tests of one line (and of its neighbours); :mod:`rancang.ingest.headings.read` decides with them, by the
numbering sequence, which lines are headings.

    >>> ocr_pasal_number("PasaI 3"), ocr_pasal_number("Pasal 1 0"), ocr_pasal_number("Pasal 1l")
    ('3', '10', '11')
    >>> glued_pasal("Tanah diserahkan kepada Pihak yang Berhak. Pasal 41", 41)
    ('Tanah diserahkan kepada Pihak yang Berhak.', 'Pasal 41')
    >>> glued_pasal("sebagaimana dimaksud dalam Pasal 41", 41) is None
    True
"""


from __future__ import annotations

import re
from dataclasses import dataclass, field

from rancang.ingest import grammar as g
from rancang.numbering import ordinal_value, roman_value
from rancang.tree import Node

#: the label of a text node whose lines could not be placed under any Pasal (kept, flagged, never removed)
UNPLACED = "tidak terletak"


@dataclass
class PasalDraft:
    """A Pasal heading and the lines that follow it, before structure."""

    number: str
    label: str
    line_no: int
    lines: list[tuple[int, str]] = field(default_factory=list)
    #: the Pasal node of the heading tree this draft fills (the tree holds the node; the draft knows its node)
    node: Node | None = field(default=None, repr=False, compare=False)


def upper_line(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


#: short words a title keeps in lower case ("Prinsip, Mekanisme dan Tahapan")
_TITLE_SMALL_WORDS = frozenset({"dan", "atau", "serta", "di", "ke", "dari", "yang", "untuk", "dalam", "pada", "oleh",
                                "terhadap", "bagi", "dengan", "antar", "sebagai", "tentang"})


def title_line(line: str) -> bool:
    """Does ``line`` read as the rest of a Bagian or Paragraf title wrapped onto a new line ("Pelaksanaan Tugas")?
    Every word capitalised but the small ones, and no clause punctuation at the end: body text never looks so,
    and a title is always followed by a heading, never by text."""
    words = line.split()
    if not words or line.rstrip().endswith((".", ";", ":", ",")) or not (
            words[0][:1].isupper() or words[0] in _TITLE_SMALL_WORDS):
        return False
    return all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in _TITLE_SMALL_WORDS for w in words)


def pasal_value(num: str) -> float:
    """The place of a Pasal number in its sequence: '7' -> 7, '7A' -> 7.01, 'II' -> 2; a number of more than nine
    digits (no act has so many Pasal) counts as 10^9, so it stays a finite number."""
    if len(num) > 9 and num.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ").isdigit():
        return 1e9
    if num.isdigit():
        return float(num)
    if num[:-1].isdigit():
        return int(num[:-1]) + (ord(num[-1]) - 64) / 100
    return float(roman_value(num))


#: "Pasal" as OCR prints it: PasaI, Pasa1, Pasar, PASAI ...; the number may lose its space ("Pasal2"), gain one
#: ("Pasal 1 0") or have a digit read as a letter ("Pasal 1l", "Pasal I0", "Pasal 2O")
_OCR_PASAL = re.compile(r"""
    ^[Pp] [Aa4] [Ss5] [Aa4] [LlI1|r]             # "Pasal" with its last letter misread
    \s* (?P<num> [0-9lIOo|] (?:\s?[0-9lIOo|]){0,2} )   # up to three digits, any of them misread
    \s* [.:]? \s*$""", re.X)
_OCR_DIGITS = str.maketrans({"l": "1", "I": "1", "|": "1", "O": "0", "o": "0", " ": ""})


def ocr_pasal_number(line: str) -> str | None:
    """The number a Pasal heading damaged by OCR stands for ("PasaI 3" -> "3"), or None when ``line`` is no
    such heading. The caller accepts it only when it is the next number of the sequence."""
    if len(line) > 14 or line[:1] not in "Pp":
        return None
    m = _OCR_PASAL.match(line)
    if m is None:
        return None
    digits = m.group("num").translate(_OCR_DIGITS)
    return str(int(digits)) if digits.isdigit() and digits[0] != "0" else None


#: a Pasal heading glued to the end of the line before it: "... Pihak yang Berhak. Pasal 41"
_GLUED_PASAL = re.compile(r"^(?P<pre>.*\S)\s+(?P<head>(?:Pasal|PASAL)\s+(?P<num>\d{1,3}[A-Z]?))\s*$")


def glued_pasal(line: str, expected: int, in_title: bool = False) -> tuple[str, str] | None:
    """(text before, heading) when ``line`` ends with the heading of Pasal ``expected`` glued on after a sentence
    ("... Berhak. Pasal 41") or after a BAB/Bagian title ("BAB II PELAKSANAAN TUGAS Pasal 2"); else None.
    A reference that ends a line ("... dimaksud dalam Pasal 41") is never split: the words before it do not end
    a sentence and are not a title. ``in_title``: the line is read as the title of a Bagian or Paragraf, so a
    title-cased line before the heading is that title ("Tahapan Pelaporan Pasal 3")."""
    if not line[-1:].isalnum() or ("asal " not in line[-10:] and "ASAL " not in line[-10:]):
        return None  # the cheap test first: most lines do not end with "Pasal N"
    m = _GLUED_PASAL.match(line)
    if m is None or not m.group("num").isdigit() or int(m.group("num")) != expected:
        return None
    pre = m.group("pre")
    if pre.endswith((".", ";", ":")) or upper_line(pre) or (title_line(pre) and (
            in_title or container_heading(pre)[0])):
        return pre, m.group("head")
    return None


#: a Pasal heading with its first sentence run onto the same line: "Pasal 1 Dalam Peraturan Daerah ini ...",
#: "Pasal 2 (1) Pemerintah Daerah ..."; never a citation of another act after the number ("Pasal 27 Peraturan Bupati
#: Malang Nomor 27 ..."), while this act's own name is its text ("Pasal 9 Peraturan Daerah ini mulai berlaku ...")
_LEADING_PASAL = re.compile(r"""
    ^(?P<head>(?:Pasal|PASAL)\s+(?P<num>\d{1,3}[A-Z]?))\s+
    (?P<rest>(?!(?:Undang|Peraturan|Keputusan|Instruksi|Qanun|UUD)\b(?![^.;:]*?\bini\b))
      (?:[A-Z][a-z]|\(\d{1,3}\)\s|[A-Z]\s|"|\u201c).*)$""", re.X)


def leading_pasal(line: str, expected: int, before: str) -> tuple[str, str] | None:
    """(heading, text) when ``line`` starts with the heading of Pasal ``expected`` followed by the Pasal's own
    first sentence ("Pasal 1 Dalam Undang-Undang ini ..."), as text copied from web pages and converted documents
    prints it; else None. The line before must have ended (a sentence, a title or a heading), so a reference
    wrapped onto a new line ("... dimaksud dalam" / "Pasal 5 Peraturan ...") is never split.

    >>> leading_pasal("Pasal 2 (1) Bupati menetapkan rencana.", 2, "Bagian Kesatu Umum")
    ('Pasal 2', '(1) Bupati menetapkan rencana.')
    >>> leading_pasal("Pasal 2 Pemerintah Daerah menetapkan rencana.", 2, "sebagaimana dimaksud dalam") is None
    True
    """
    m = _LEADING_PASAL.match(line)
    if m is None or int(m.group("num").rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) != expected:
        return None
    before = before.rstrip()
    if before and not (before.endswith((".", ";", ":")) or upper_line(before) or title_line(before)):
        return None
    return m.group("head"), m.group("rest")


#: the first letters of BAB, Bagian, Paragraf and Pasal (Bagian and Paragraf match in any case)
HEADING_INITIALS = frozenset("BbPp")


def is_heading(line: str) -> bool:
    """Is ``line`` a BAB, Bagian, Paragraf or Pasal heading (as printed, without sequence evidence)?"""
    return line[:1] in HEADING_INITIALS and bool(
        g.BAB.match(line) or g.BAGIAN.match(line) or g.PARAGRAF.match(line) or g.PASAL.match(line))


def ends_open_quote(line: str, last_pasal: float, drafts: list[PasalDraft]) -> bool:
    """A quote left open by a missing closing mark ends at the next amendment instruction, or at this act's own
    next Roman Pasal ("Pasal II" after "Pasal I")."""
    if g.AMENDMENT_INSTRUCTION.match(line):
        return True
    m = g.PASAL.match(line)
    return bool(m and drafts and not drafts[-1].number[0].isdigit() and not m.group("num")[0].isdigit()
                and pasal_value(m.group("num")) == last_pasal + 1)


CONTAINER_WORDS = {"bab": "BAB", "bagian": "Bagian", "paragraf": "Paragraf"}
_CONTAINERS = (("bab", g.BAB), ("bagian", g.BAGIAN), ("paragraf", g.PARAGRAF))


def container_heading(line: str) -> tuple[str | None, re.Match[str] | None]:
    """("bab"|"bagian"|"paragraf", match) for a BAB/Bagian/Paragraf heading line, else (None, None)."""
    if line[:1] not in HEADING_INITIALS:
        return None, None
    for kind, pattern in _CONTAINERS:
        m = pattern.match(line)
        if m:
            return kind, m
    return None, None


def container_number(kind: str, num: str) -> str:
    """The number a container keeps: Bagian "Kesatu" (title case); Paragraf by its numeral, also when printed
    as an ordinal ("Paragraf Kesatu" is Paragraf 1, as the drafting rules number it)."""
    if kind == "bagian":
        return num.title()
    if kind == "paragraf" and not num.isdigit() and ordinal_value(num):
        return str(ordinal_value(num))
    return num


def wrapped_reference(lines: list[tuple[int, str]], i: int) -> bool:
    """Is the "Pasal N" line at ``i`` the middle of a sentence ("... dimaksud dalam" / "Pasal 5" / "ayat (2)")?"""
    prev = next((ln for _, ln in reversed(lines[max(0, i - 3):i]) if ln.strip()), "")
    nxt = next((ln for _, ln in lines[i + 1:i + 4] if ln.strip()), "")
    prev = prev.rstrip()
    # the longest word CONTINUES knows is 11 letters: search only the tail (\b still sees the whole line)
    return bool(g.CONTINUES.search(prev, max(0, len(prev) - 12))) or bool(g.REFERENCE_TAIL.match(nxt.strip()))


_INSTRUCTION_WORD = re.compile(r"\b(?:diubah|disisipkan|dihapus|ditambahkan|ditambah)\b")
#: an instruction that introduces new text: "... diubah sehingga berbunyi sebagai berikut:", "... disisipkan ...:"
_INTRODUCES = re.compile(r"\b(?:diubah|disisipkan|ditambahkan|ditambah)\b[^.;]*:\s*$")


def amends_with_new_text(lines: list[tuple[int, str]]) -> bool:
    """Do these lines of a Pasal hold an amendment instruction that introduces new text ("1. Ketentuan Pasal 6
    diubah sehingga berbunyi sebagai berikut:")? Such a Pasal amends another act, whatever its own numbering."""
    return any(ln.endswith(":") and _INTRODUCES.search(ln) for _, ln in lines)


def amends(lines: list[tuple[int, str]]) -> bool:
    """Does this body hold amendment instructions ("1. Ketentuan Pasal 5 diubah ...", "Pasal 8 dihapus.")? Only
    an amending act numbers its own Pasal I, II; elsewhere "Pasal I" is Pasal 1 printed with a Roman numeral.
    (Read only for an act whose first Pasal is Roman, so the search costs nothing elsewhere.)"""
    return any(_INSTRUCTION_WORD.search(ln) for _, ln in lines)

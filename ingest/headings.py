"""The headings of the batang tubuh (BAB, Bagian, Paragraf, Pasal), found wherever real layouts put them.

The numbering sequence is the evidence. A line that reads as the next Pasal heading is one, whether it stands on
its own line ("Pasal 5"), was glued to the end of the line before it ("... kepada Pihak yang Berhak. Pasal 41",
"BAB II PELAKSANAAN TUGAS Pasal 2"), or was damaged by OCR ("Pasal2", "PasaI 3", "Pasal 1 0", "Pasal 1l",
"Pasar 18"). A damaged or glued heading is accepted only when its number is exactly the next one of the
sequence, and each corrected heading is recorded (``corrections``: ``{line, from, to}``), so that nothing is
guessed silently. Lines that belong to no Pasal stay in the tree as flagged text nodes (``label`` is
:data:`UNPLACED`): clause text is never an artefact.

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
from typing import Any

from rancang.ingest import grammar as g
from rancang.ingest.units import has_quote, join_more, opens_quoted_text, quote_depth, starts_with_open
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


def _upper_line(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


#: short words a title keeps in lower case ("Prinsip, Mekanisme dan Tahapan")
_TITLE_SMALL_WORDS = frozenset({"dan", "atau", "serta", "di", "ke", "dari", "yang", "untuk", "dalam", "pada", "oleh",
                                "terhadap", "bagi", "dengan", "antar", "sebagai", "tentang"})


def _title_line(line: str) -> bool:
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
    if pre.endswith((".", ";", ":")) or _upper_line(pre) or (_title_line(pre) and (
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
    if before and not (before.endswith((".", ";", ":")) or _upper_line(before) or _title_line(before)):
        return None
    return m.group("head"), m.group("rest")


#: the first letters of BAB, Bagian, Paragraf and Pasal (Bagian and Paragraf match in any case)
_HEADING_INITIALS = frozenset("BbPp")


def is_heading(line: str) -> bool:
    """Is ``line`` a BAB, Bagian, Paragraf or Pasal heading (as printed, without sequence evidence)?"""
    return line[:1] in _HEADING_INITIALS and bool(
        g.BAB.match(line) or g.BAGIAN.match(line) or g.PARAGRAF.match(line) or g.PASAL.match(line))


def _ends_open_quote(line: str, last_pasal: float, drafts: list[PasalDraft]) -> bool:
    """A quote left open by a missing closing mark ends at the next amendment instruction, or at this act's own
    next Roman Pasal ("Pasal II" after "Pasal I")."""
    if g.AMENDMENT_INSTRUCTION.match(line):
        return True
    m = g.PASAL.match(line)
    return bool(m and drafts and not drafts[-1].number[0].isdigit() and not m.group("num")[0].isdigit()
                and pasal_value(m.group("num")) == last_pasal + 1)


_WORDS = {"bab": "BAB", "bagian": "Bagian", "paragraf": "Paragraf"}
_CONTAINERS = (("bab", g.BAB), ("bagian", g.BAGIAN), ("paragraf", g.PARAGRAF))


def container_heading(line: str) -> tuple[str | None, re.Match[str] | None]:
    """("bab"|"bagian"|"paragraf", match) for a BAB/Bagian/Paragraf heading line, else (None, None)."""
    if line[:1] not in _HEADING_INITIALS:
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


def _wrapped_reference(lines: list[tuple[int, str]], i: int) -> bool:
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


def _amends(lines: list[tuple[int, str]]) -> bool:
    """Does this body hold amendment instructions ("1. Ketentuan Pasal 5 diubah ...", "Pasal 8 dihapus.")? Only
    an amending act numbers its own Pasal I, II; elsewhere "Pasal I" is Pasal 1 printed with a Roman numeral.
    (Read only for an act whose first Pasal is Roman, so the search costs nothing elsewhere.)"""
    return any(_INSTRUCTION_WORD.search(ln) for _, ln in lines)


class _Reader:
    """The state of one pass over the body lines (see :func:`read_headings`)."""

    def __init__(self, lines: list[tuple[int, str]], keep_unplaced: bool, corrections: list[dict[str, Any]] | None):
        self.lines = list(lines)
        self.keep_unplaced = keep_unplaced
        self.corrections = corrections if corrections is not None else []
        self.top: list[Node] = []
        self.drafts: list[PasalDraft] = []
        self.orphans: list[tuple[int, str]] = []
        self.bab: Node | None = None
        self.bagian: Node | None = None
        self.paragraf: Node | None = None
        self.current: PasalDraft | None = None
        self.last_pasal = 0.0
        self.amending: bool | None = None   # decided when the first Roman Pasal is seen
        self.unplaced: Node | None = None   # the flagged text node the last unplaced line went to

    def container(self) -> list[Node]:
        for node in (self.paragraf, self.bagian, self.bab):
            if node is not None:
                return node.children
        return self.top

    def split_glued(self, i: int, in_title: bool = False) -> None:
        """Split line ``i`` in two when it ends with the next Pasal heading glued on."""
        no, line = self.lines[i]
        if self.amending:
            return
        parts = glued_pasal(line, int(self.last_pasal) + 1, in_title)
        if parts is not None:
            self.lines[i:i + 1] = [(no, parts[0]), (no, parts[1])]

    def split_leading(self, i: int) -> None:
        """Split line ``i`` in two when it starts with the next Pasal heading and runs on with its text."""
        no, line = self.lines[i]
        if self.amending or line[:1] != "P" or g.PASAL.match(line):
            return
        before = next((ln for _, ln in reversed(self.lines[max(0, i - 3):i]) if ln.strip()), "")
        parts = leading_pasal(line, int(self.last_pasal) + 1, before)
        if parts is not None:
            self.lines[i:i + 1] = [(no, parts[0]), (no, parts[1])]

    def title_after(self, i: int, upper: bool, started: bool = False) -> tuple[str, int]:
        """The title lines after a heading: upper-case lines for a BAB; for Bagian/Paragraf the first line, and
        further lines while they read as a wrapped title. ``started``: the title began on the heading's own
        line, so every line taken must read as its continuation, and the next line must be a heading."""
        parts: list[str] = []
        j = i + 1
        while j < len(self.lines):
            if not self.lines[j][1].strip():
                j += 1
                continue
            self.split_glued(j, in_title=not upper)
            text = self.lines[j][1]
            if is_heading(text) or g.BARE_MARKER.match(text) or g.MARKER.match(text) or self.pasal_at(j):
                break
            if upper and not _upper_line(text):
                break
            if not upper and (parts or started) and not _title_line(text):
                break
            parts.append(text.strip())
            j += 1
        if started and parts and j < len(self.lines) and not is_heading(self.lines[j][1]):
            return "", i + 1  # not followed by a heading: the lines were text, not title
        return " ".join(parts), j

    def pasal_at(self, i: int) -> tuple[str, bool] | None:
        """(number, corrected) when line ``i`` is the heading of a Pasal of this act, by the sequence."""
        line = self.lines[i][1]
        if line[:1] not in "Pp":
            return None
        m = g.PASAL.match(line) if line[:1] == "P" else None
        if m is None:
            num = ocr_pasal_number(line)
            if num is None or int(num) != self.last_pasal + 1 or (self.amending and self.drafts):
                return None
            return num, True
        num = m.group("num")
        corrected = False
        if not num[0].isdigit():
            if self.amending is None:
                self.amending = _amends(self.lines[i:])
            if not self.amending and roman_value(num) == self.last_pasal + 1:
                num, corrected = str(roman_value(num)), True   # "Pasal I" of an ordinary act is Pasal 1
        elif self.amending and self.drafts:
            return None  # an arabic Pasal after the act's Pasal I is the new text of an amendment
        value = pasal_value(num)
        if value <= self.last_pasal or (self.last_pasal and value > self.last_pasal + 10) \
                or _wrapped_reference(self.lines, i) or (num[0].isdigit() and self.new_text(i, value)):
            return None
        return num, corrected

    def new_text(self, i: int, value: float) -> bool:
        """Is the Pasal heading at line ``i`` new text of another act, printed without quote marks, inside a Pasal
        of this act that amends it ("Beberapa ketentuan dalam Peraturan Bupati ... diubah sebagai berikut:" /
        "1. Ketentuan Pasal 6 diubah sehingga berbunyi sebagai berikut:" / "Pasal 6")? Once such an instruction is
        read, only this act's next Pasal is a heading, and never right after an instruction's ":"."""
        current = self.current
        if current is None or not amends_with_new_text(current.lines):
            return False
        before = next((ln for _, ln in reversed(self.lines[max(0, i - 3):i]) if ln.strip()), "")
        return value != self.last_pasal + 1 or before.rstrip().endswith(":")

    def unplaced_line(self, no: int, line: str, after_unplaced: bool) -> None:
        """A line before any Pasal: kept as flagged text where it stands (or returned as an orphan)."""
        if not self.keep_unplaced:
            self.orphans.append((no, line))
            return
        if after_unplaced and self.unplaced is not None:
            self.unplaced.text = join_more(self.unplaced.text, line)
            return
        self.unplaced = Node("text", label=UNPLACED, text=line.strip())
        self.container().append(self.unplaced)
        self.orphans.append((no, line))

    def container_node(self, i: int, kind: str, m: re.Match[str]) -> int:
        """Open a BAB, Bagian or Paragraf at line ``i``; returns the index of the line after its title."""
        title = m.group("title")
        if title is None:
            title, i = self.title_after(i, upper=kind == "bab")
        else:
            # a title printed beside the heading may wrap: "Bagian Ketujuh Pemanfaatan Teknologi Informasi dan"
            more, i = self.title_after(i, upper=kind == "bab", started=True)
            title = f"{title.strip()} {more}" if more else title
        num = container_number(kind, m.group("num"))
        # the label as printed, with its own punctuation ("BAB I.", "BAB II -"): nothing of the line is lost
        label = f"{_WORDS[kind]} {m.group('num')}"
        printed = (m.string[:m.start("title")] if m.group("title") is not None else m.string).strip()
        node = Node(kind, number=num, label=printed if printed.lower() != label.lower() else label,
                    heading=title or None)
        if kind == "bab":
            self.bab, self.bagian, self.paragraf = node, None, None
            self.top.append(node)
        elif kind == "bagian":
            (self.bab.children if self.bab is not None else self.top).append(node)
            self.bagian, self.paragraf = node, None
        else:
            holder = self.bagian or self.bab
            (holder.children if holder is not None else self.top).append(node)
            self.paragraf = node
        self.current = None
        return i

    def pasal_node(self, i: int, num: str, corrected: bool) -> None:
        no, line = self.lines[i]
        if corrected:
            self.corrections.append({"line": no, "from": line.strip(), "to": f"Pasal {num}"})
        self.last_pasal = pasal_value(num)
        self.current = PasalDraft(num, line.strip(), no)
        self.drafts.append(self.current)
        node = Node("pasal", number=num, label=line.strip())
        node._draft = self.current  # type: ignore[attr-defined]
        self.container().append(node)

    def run(self) -> tuple[list[Node], list[PasalDraft], list[tuple[int, str]]]:
        i = 0
        depth = 0
        after_unplaced = False
        while i < len(self.lines):
            no, line = self.lines[i]
            if depth > 0 and _ends_open_quote(line, self.last_pasal, self.drafts):
                depth = 0
            current = self.current
            if depth > 0 or (has_quote(line) and starts_with_open(line) and opens_quoted_text(
                    line, current.lines[-1][1] if current is not None and current.lines else "")):
                # quoted new text of an amending act: never a heading of this act
                depth = max(0, (0 if depth == 0 and starts_with_open(line) else depth) + quote_depth(line))
                if current is not None:
                    current.lines.append((no, line))
                elif line.strip():
                    self.unplaced_line(no, line, after_unplaced)
                    after_unplaced = True
                i += 1
                continue
            depth = max(0, quote_depth(line)) if has_quote(line) and opens_quoted_text(line, "") else 0
            last = line[-1:]
            if last.isdigit() or "A" <= last <= "Z":
                self.split_glued(i)  # (only a line ending in a number, "Pasal 41" / "Pasal 7A", can hold one)
                no, line = self.lines[i]
            elif line[:1] not in _HEADING_INITIALS:
                # the common case, a line of text: no heading starts with another letter
                if current is not None:
                    current.lines.append((no, line))
                elif line:
                    self.unplaced_line(no, line, after_unplaced)
                    after_unplaced = True
                i += 1
                continue
            # an amending act numbers its own Pasal I, II ...: a BAB, Bagian or arabic Pasal after its first
            # Pasal is the new text of an amendment (printed without quote marks), never a heading of the act
            amending = bool(self.drafts) and not self.drafts[0].number[0].isdigit()
            kind, m = (None, None) if amending else container_heading(line)
            if m is not None and kind is not None:
                i = self.container_node(i, kind, m)
                after_unplaced = False
                continue
            self.split_leading(i)
            no, line = self.lines[i]
            found = self.pasal_at(i)
            if found is not None:
                self.pasal_node(i, *found)
                after_unplaced = False
                i += 1
                continue
            if self.current is not None:
                self.current.lines.append((no, line))
            elif line.strip():
                self.unplaced_line(no, line, after_unplaced)
                after_unplaced = True
            i += 1
        return self.top, self.drafts, self.orphans


def read_headings(lines: list[tuple[int, str]], keep_unplaced: bool = False,
                  corrections: list[dict[str, Any]] | None = None
                  ) -> tuple[list[Node], list[PasalDraft], list[tuple[int, str]]]:
    """One pass over the body lines ``[(line number, text)]``: the heading tree (BAB/Bagian/Paragraf holding
    Pasal drafts).

    Returns the top-level nodes, the Pasal drafts in order (each already placed as a ``pasal`` node with
    ``_draft``), and the lines that belong to no Pasal. With ``keep_unplaced`` those lines also stay in the tree,
    as text nodes labelled :data:`UNPLACED` where they stand. Headings corrected by the sequence (OCR damage,
    "Pasal I" of an ordinary act) are appended to ``corrections`` as ``{line, from, to}``."""
    return _Reader(lines, keep_unplaced, corrections).run()


def pasal_nodes(nodes: list[Node]) -> list[Node]:
    """Every Pasal under these BAB/Bagian/Paragraf nodes, in order."""
    out: list[Node] = []
    for n in nodes:
        out.extend([n] if n.type == "pasal" else pasal_nodes(n.children))
    return out

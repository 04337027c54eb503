"""OCR confusions in the numbering, corrected only where the numbering sequence proves them.

Tesseract reads the short labels of a regulation worst: "(3)" loses its parentheses ("3 Pemanfaatan ..."), "(1)"
becomes "(l)", "c." becomes "C:" or "Cc.", "a." becomes "ag", "BAB I" becomes "BAB |". A label is corrected only
when the sequence around it says what it must be:

- an ayat label: the previous ayat of the same Pasal is (n), the line starts a new clause (the line before ends a
  sentence, an item or a heading), and the damaged token reads as n + 1 once OCR's digit confusions (l, I, |, i
  → 1; O, o → 0; S, s → 5; B → 8; Z → 2) are undone;
- a huruf label: the list's previous label is x (or the lead just ended with ":"), the line before ends an item
  (";", ",", ":", "dan", "atau"), and the damaged token is a short non-word that starts with the expected letter
  (in either case) or follows it in the same list;
- a BAB numeral: it reads as the next roman numeral once "|", "l", "1" are read as "I", also when OCR glued it
  to the word ("BABI", "BABII PELAKSANAAN TUGAS");
- an ayat label glued to its first word ("(2)Hari kerja"): a space, when the label is the next ayat.

The batang tubuh only: the Lampiran and the Penjelasan keep their own numbering styles and are left as read.

Everything else is left as printed; every correction is recorded as ``{"line", "from", "to"}`` (UU 12/2011
Lampiran II angka 75-79 for the numbering it restores).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rancang.numbering import roman_value

_DIGIT = str.maketrans({"l": "1", "I": "1", "|": "1", "i": "1", "!": "1", "]": "1", "O": "0", "o": "0",
                        "S": "5", "s": "5", "B": "8", "Z": "2", "z": "2"})
_ROMAN = str.maketrans({"|": "I", "l": "I", "1": "I", "!": "I"})
_PASAL = re.compile(r"^\s*Pas\w{1,3}\s*\S{1,4}\s*$")
_AYAT = re.compile(r"^\((\d{1,3})\)\s")
_HURUF = re.compile(r"^([a-z])\.\s")
_BAB = re.compile(r"^BAB\s+(\S{1,8})(\s.*)?$")
_BAB_GLUED = re.compile(r"^BAB([IVXLC|l1!]{1,7})(\s.*)?$")
_AYAT_GLUED = re.compile(r"^\(([\dlIi|!OoSsBZz]{1,3})\)(?=[^\W\d_])")
_PAREN = re.compile(r"^(\d{1,3})\)\s")
_TOKEN = re.compile(r"^(\S{1,4})\s+(\S.*)$")
#: a bracketed label whose number OCR could not read at all ("@)", "(@)", "(©)"): the sequence says which
_UNREADABLE = re.compile(r"^(?:[(\[{]?[^\w\s()\[\]{}]{1,2}[)\]}]|[(\[{][^\w\s()\[\]{}]{1,2}[)\]}]?)$")
#: well-formed labels of the other list styles ("1)", "a)", "(a)", "1."): never changed
_LABEL = re.compile(r"\(?\d{1,3}[.)]|[a-z]\)|\([a-z]\)")
#: digits Tesseract reads for another at low resolution (measured on the phone scans: "(5" read "(6"); trusted
#: only in a label that lost one of its brackets, where the sequence needs the other digit
_DIGIT_CONFUSIONS = frozenset({("6", "5"), ("5", "6"), ("8", "3"), ("3", "8"), ("8", "6"), ("6", "8"), ("8", "9"),
                               ("9", "8"), ("7", "1"), ("1", "7")})
#: a label whose opening bracket was lost ("8)") or read as a letter ("G5)", "d1)")
_LOST_OPEN = re.compile(r"([A-Za-z]?)(\d{1,2})\)")
#: a line that is only the opening half of a label split over two lines by OCR ("(aa" / "da) Bentuk ..."), and
#: the closing half that starts the next line
_OPEN_FRAGMENT = re.compile(r"^[(\[{][^\s()\[\]{}]{0,3}$")
_CLOSE_FRAGMENT = re.compile(r"^[^\s()\[\]{}]{0,3}[)\]}](?=\s+\S)")
#: digits OCR reads for a letter label ("5." or "6." for "b.", "0." for "o.")
_LETTER_LIKE = {"5": "b", "6": "b", "0": "o", "1": "l"}
#: letters OCR reads for another ("p." for "b.", "e." for "c."): corrected only where the list needs that one
_CONFUSED = {"b": "ph", "c": "eoq", "d": "a", "e": "c", "h": "b", "i": "lj", "l": "i", "m": "n", "n": "m",
             "o": "c", "q": "g", "g": "q"}
_ANY_LABEL = re.compile(r"^(\(\d{1,3}\)|\d{1,3}[.)]|[a-z][.)]|\([a-z]\))\s")
_LAMPIRAN = re.compile(r"^\s*(LAMPIRAN|PENJELASAN)\b")
#: where the batang tubuh ends: "Ditetapkan di", "Agar setiap orang mengetahuinya", a Bagian heading
_CLOSING = re.compile(r"^\s*(?:Ditetapkan\s+di|Disahkan\s+di|Agar\s+setiap\s+orang|Bagian\s+Ke|Paragraf\s)", re.I)
#: short words that may begin a wrapped line of text: never read as a damaged label
_WORDS = frozenset({"di", "ke", "ia", "dan", "ini", "itu", "ada", "tak", "yg", "dgn", "no", "per", "pun", "tim", "rp",
                    "rp.", "ayat", "dari", "atau", "bagi", "oleh", "pada", "akan", "juga", "yang", "tiap"})
_ITEM_END = (";", ",", ":", " dan", " atau", " dan/atau")


def _boundary(prev: str) -> bool:
    """Whether the line before ends a clause, an item or a heading, so a label may start this line."""
    prev = prev.rstrip()
    return not prev or prev.endswith((".", *_ITEM_END)) or bool(_PASAL.match(prev))


def _ayat(token: str, rest: str, expected: int, prev: str, paren_list: int, second_follows: bool = False) -> str | None:
    """``"(n)"`` when ``token`` is the damaged label of ayat ``expected``; ``paren_list`` is the last "k)" label
    seen since the previous ayat (0: no such list runs, so "3)" can only be ayat (3) that lost a parenthesis). An
    unreadable bracketed label ("@)") is ayat ``expected`` when that is 2 or more, or 1 when ``second_follows``
    (ayat (2) of the Pasal is printed below)."""
    if token == f"{expected})" and paren_list != expected - 1 and expected > 1:
        return f"({expected})"
    if _UNREADABLE.match(token) and (expected > 1 or second_follows):
        return f"({expected})"
    sentence = (prev.rstrip().endswith(".") or bool(_PASAL.match(prev))) and rest[:1].isupper()
    if (m := _LOST_OPEN.fullmatch(token)) and paren_list == 0 and sentence and (
            m.group(2) == str(expected) if m.group(1) else (m.group(2), str(expected)) in _DIGIT_CONFUSIONS):
        # "8)" for "(3)" where no "k)" list runs (a bracket lost, its digit misread with it); "G5)", "d1)": the
        # opening bracket read as a letter, the digit the one the sequence needs
        return f"({expected})"
    if _AYAT.match(token + " ") or re.fullmatch(r"\d{1,3}\)|[a-z]\)|\d{1,3}\.", token):
        return None  # a well-formed label of some list: not ours to change
    bracketed = token[0] in "({[" or token[-1] in ")}]"
    core = token.strip("({[]})").translate(_DIGIT)
    if core.isdecimal() and int(core) != expected and (token[0] in "({[") != (token[-1] in ")}]") \
            and (core, str(expected)) in _DIGIT_CONFUSIONS and prev.rstrip().endswith(".") and rest[:1].isupper():
        return f"({expected})"  # "(6 Rincian" where ayat (5) is due: a bracket lost, and a digit misread with it
    if not core.isdecimal() or int(core) != expected:
        return None
    if bracketed or (prev.rstrip().endswith(".") and rest[:1].isupper()):
        return f"({expected})"
    return None


def _huruf(token: str, expected: str) -> str | None:
    """``"x."`` when ``token`` is the damaged label of huruf ``expected``."""
    bare = token.lower().strip(".,:;")
    head = token[0].lower()
    if _LETTER_LIKE.get(head) == expected and token[1:] in ("", ".", ",", ":", ";"):
        return f"{expected}."  # "5." for "b.": a digit where the letter list needs its next letter
    if bare in _WORDS or not token[0].isalnum() or len(token) > 3 or _LABEL.fullmatch(token):
        return None
    if head == expected or head in _CONFUSED.get(expected, ""):
        return f"{expected}."
    if _HURUF.match(token + " "):
        return None  # a well-formed letter that is not a known confusion: printed so, or a label was lost
    if len(bare) <= 2 and not bare.isdecimal() and token[-1:] in ".,:;gi" and expected != "a":
        return f"{expected}."  # "ng", "ai": unreadable, but the list needs exactly this label here
    return None


@dataclass
class _State:
    """Where the numbering stands: the last ayat of the Pasal, the last huruf of the running list, the last
    "k)" label since that ayat, the last BAB, and the line before."""

    ayat: int = 0
    huruf: str = ""
    paren: int = 0
    bab: int = 0
    prev: str = ""

    def see(self, text: str) -> None:
        if _PASAL.match(text):
            self.ayat, self.huruf, self.paren = 0, "", 0
        elif m := _AYAT.match(text):
            self.ayat, self.huruf, self.paren = int(m.group(1)), "", 0
        elif m := _HURUF.match(text):
            self.huruf = m.group(1)
        elif m := _PAREN.match(text):
            self.paren = int(m.group(1))
        elif (m := _BAB.match(text)) and _roman_value(m.group(1)):
            self.bab = _roman_value(m.group(1))
        self.prev = text


def fix_labels(lines: list[str]) -> tuple[list[str], list[dict[str, Any]]]:
    """Correct OCR-damaged ayat, huruf and BAB labels proven by their sequence (see module docstring).

    Returns the corrected lines (same count) and the corrections ``[{"line": 1-based, "from", "to"}]``."""
    fixes: list[dict[str, Any]] = []
    lines = _join_split_labels(lines, fixes)
    out = list(lines)
    state = _State()
    for i, line in enumerate(lines):
        text = line.strip()
        if not text:
            continue
        if _LAMPIRAN.match(text):
            break  # the Lampiran keeps its own numbering styles (A., 1), a)): printed as read
        new = _fix_line(text, state, lines, i)
        if new == text and _PASAL.match(state.prev) and _second_ayat_follows(lines, i + 1):
            new = _first_ayat(text)
        if new != text:
            k = 2 if _BAB.match(text) else 1  # the tokens that changed: the label ("BAB |": two)
            grown = len(new.split()) - len(text.split())  # "BABI" -> "BAB I", "(2)Hari" -> "(2) Hari"
            before, after = " ".join(text.split()[:k]), " ".join(new.split()[:k + grown])
            fixes.append({"line": i + 1, "from": before, "to": after})
            out[i] = line.replace(text, new, 1)
            text = new
        state.see(text)
    return out, fixes


def _join_split_labels(lines: list[str], fixes: list[dict[str, Any]]) -> list[str]:
    """A label OCR split over two lines ("(aa" alone, then "da) Bentuk penugasan ..."): its halves joined on the
    second line ("(aada) Bentuk ..."), the first made blank, recorded; the sequence then says which label it is."""
    out = lines
    for i, line in enumerate(lines):
        if len(line) > 8 or not _OPEN_FRAGMENT.match(line.strip()):
            continue
        j = next((k for k in range(i + 1, min(i + 3, len(lines))) if lines[k].strip()), None)
        if j is None or not (m := _CLOSE_FRAGMENT.match(lines[j].strip())):
            continue
        if out is lines:
            out = list(lines)
        head, tail = line.strip(), lines[j].strip()
        out[i], out[j] = "", head + tail
        fixes.append({"line": j + 1, "from": f"{head} {m.group(0)}", "to": head + m.group(0)})
    return out


def _second_ayat_follows(lines: list[str], start: int) -> bool:
    """Whether ayat (2) of this Pasal is printed below (before the next Pasal heading)."""
    for line in lines[start:start + 60]:
        text = line.strip()
        if _PASAL.match(text):
            return False
        if text.startswith("(2) ") or _UNREADABLE.match(text.split(" ", 1)[0]) and " " in text:
            return True
    return False


def _misread_between(printed: int, ayat: int, lines: list[str], i: int) -> bool:
    """Is a well-formed "(k)" after ayat ``ayat`` the next ayat with its digit misread ("(8)" for "(3)")? Only when
    k is a digit Tesseract confuses with ``ayat + 1`` and the next ayat printed below in this Pasal is ``ayat + 2``:
    the sequence on both sides proves it."""
    if printed == ayat + 1 or (str(printed), str(ayat + 1)) not in _DIGIT_CONFUSIONS:
        return False
    for line in lines[i + 1:i + 60]:
        text = line.strip()
        if _PASAL.match(text) or _BAB.match(text):
            return False
        if m := _AYAT.match(text):
            return int(m.group(1)) == ayat + 2
    return False


def _unreadable_between(token: str, rest: str, prev: str, lines: list[str], i: int, ayat: int) -> bool:
    """Whether ``token`` ("ta", "W", "“") is the unreadable label of ayat ``ayat + 1``: ayat ``ayat`` ended a
    sentence on the line before, the text after the token starts a sentence, and the next ayat printed below in
    this Pasal is ``ayat + 2``."""
    if len(token) > 2 or token.lower() in _WORDS or _ANY_LABEL.match(token + " ") or not rest[:1].isupper():
        return False
    if not prev.rstrip().endswith("."):
        return False
    for line in lines[i + 1:i + 60]:
        text = line.strip()
        if _PASAL.match(text) or _BAB.match(text) or _LAMPIRAN.match(text) or _CLOSING.match(text):
            # the Pasal ends here: after ayat (n), a sentence opened by a token that is no word and no label is the
            # last ayat whose label OCR could not read (a Pasal built of ayat numbers each of its clauses)
            return len(token) <= 2 and not token.isdigit()
        if m := _AYAT.match(text):
            return int(m.group(1)) == ayat + 2
    return False


def _first_ayat(text: str) -> str:
    """The first line of a Pasal whose ayat (2) follows: its unreadable first token ("Ta", "W", "4", "“") is
    the label of ayat (1). A line that starts with a word keeps it."""
    token, _, rest = text.partition(" ")
    if rest and re.fullmatch(r"[(\[{][^\s()\[\]{}]{1,4}[)\]}]", token) and not _ANY_LABEL.match(token + " "):
        return f"(1) {rest}"  # "(aada)": a bracketed label OCR could not read, where ayat (1) is due
    if not rest or _AYAT.match(text) or token.lower() in _WORDS or len(token) > 2 or token[:1].islower():
        return text
    if len(token) == 2 and token.isalpha() and token.lower() not in ("ta", "ti", "th", "tl", "ty", "d"):
        return text
    return f"(1) {rest}"


def _fix_line(text: str, state: _State, lines: list[str], i: int) -> str:
    """One line with its label corrected, or unchanged."""
    if (m := _BAB_GLUED.match(text)) and _roman_value(m.group(1).translate(_ROMAN)) == state.bab + 1:
        return f"BAB {m.group(1).translate(_ROMAN)}{m.group(2) or ''}"
    if (m := _AYAT_GLUED.match(text)) and (state.ayat or _PASAL.match(state.prev)):
        core = m.group(1).translate(_DIGIT)
        if core.isdecimal() and int(core) == state.ayat + 1:
            return f"({core}) {text[m.end():]}"
    m = _BAB.match(text)
    if m and not _roman_value(m.group(1)):
        numeral = m.group(1).translate(_ROMAN)
        if _roman_value(numeral) == state.bab + 1:
            return f"BAB {numeral}{m.group(2) or ''}"
        return text
    prev = state.prev
    if (m := _AYAT.match(text)) and state.ayat and _misread_between(int(m.group(1)), state.ayat, lines, i):
        return f"({state.ayat + 1}) {text[m.end():]}"
    if not _boundary(prev):
        return text
    tm = _TOKEN.match(text)
    token, rest = tm.groups() if tm else (text, "")
    label = None
    if tm and (state.ayat or _PASAL.match(prev)):
        label = _ayat(token, rest, state.ayat + 1, prev, state.paren,
                      state.ayat == 0 and _second_ayat_follows(lines, i + 1))
        if label is None and state.ayat and _unreadable_between(token, rest, prev, lines, i, state.ayat):
            label = f"({state.ayat + 1})"
    if label is None and not _AYAT.match(text):
        huruf = state.huruf
        expected = _after(huruf) if huruf else ("a" if prev.rstrip().endswith(":") else "")
        if expected and not text.startswith(f"{expected}. "):
            label = _huruf(token, expected) if tm else None
            if label is None and not _ANY_LABEL.match(text) and _next_huruf(lines, i) == _after(expected):
                return f"{expected}. {text}"  # its label was lost: the list needs exactly this one here
    return f"{label} {rest}" if label else text


def _after(letter: str) -> str:
    return chr(ord(letter) + 1) if letter < "z" else ""


def _next_huruf(lines: list[str], start: int) -> str:
    """The label of the next huruf item after line ``start`` when the lines between continue this one item
    (none of them ends an item before it); "" otherwise."""
    for j in range(start + 1, min(start + 8, len(lines))):
        text = lines[j].strip()
        if not text:
            continue
        if m := _HURUF.match(text):
            return m.group(1) if _boundary(lines[j - 1].strip() or lines[j - 2].strip()) else ""
        if _ANY_LABEL.match(text) or _PASAL.match(text):
            return ""
        if not _boundary(text) or text.endswith("."):
            continue
    return ""


def _roman_value(numeral: str) -> int:
    """The value of an upper-case roman numeral ("IV" -> 4), 0 when it is not one."""
    return roman_value(numeral) if numeral.isupper() else 0

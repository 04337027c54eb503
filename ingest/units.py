"""Lines -> units: the clauses of a Pasal (or Lampiran) as printed, before their structure is known.

A *unit* is one enumerated item or one sentence-level paragraph: it starts at an enumerator ("(2)", "b.", "1)")
or, for a line without one, where the previous unit has ended its clause (";", "; dan", ":", "."). Everything
else is a wrapped line and continues the unit before it — which is how page breaks, blank lines in mid-sentence and
"- " bullets on continuation lines (already stripped by :mod:`clean`) stop mattering.

Lines that hold only an enumerator (two-column PDF layouts print them apart from their text) are not units: they
are returned separately as *bare markers*, so that the structure can be rebuilt from the flow of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rancang.ingest import grammar as g
from rancang.ingest.quotes import first_open, has_quote, opens_quoted_text, quote_depth, starts_with_open
from rancang.numbering import huruf_value

#: marker styles, and the node type each makes
STYLE_TYPE = {"ayat": "ayat", "huruf": "huruf", "angka": "angka", "hurufp": "huruf", "angkap": "angka",
              "hurufk": "huruf"}


@dataclass(frozen=True, slots=True)
class Marker:
    style: str       # ayat | huruf | angka | hurufp | angkap | hurufk
    value: int       # position in its sequence (a=1, aa=27); an inserted "3a" has the value of 3
    number: str      # normalised: "2", "a", "aa", "3a"
    label: str       # as printed: "(2)", "a.", "b)", "(1a)"
    inserted: int = 0  # the letter of an inserted number: 0 for "3", 1 for "3a", 2 for "3b"

    @property
    def order(self) -> tuple[int, int]:
        """Where the marker stands in its sequence: "(1)" < "(1a)" < "(1b)" < "(2)"."""
        return self.value, self.inserted


@dataclass(slots=True)
class Unit:
    marker: Marker | None
    lines: list[str] = field(default_factory=list)
    line_no: int = 0
    #: quoted new text of an amending act ("... berbunyi sebagai berikut: “Pasal 1 ...”"), one list of lines a quote
    quotes: list[list[tuple[int, str]]] = field(default_factory=list)
    #: the source line number of each of ``lines``
    nos: list[int] = field(default_factory=list)

    @property
    def text(self) -> str:
        return join_lines(self.lines)


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines with one space; a word hyphenated at a line end ("perundang-" + "undangan") is rejoined."""
    out = ""
    for line in lines:
        out = join_more(out, line)
    return out


def join_more(out: str, line: str) -> str:
    """``out`` with one more wrapped line joined on (one step of :func:`join_lines`, for text grown line by line)."""
    if "\t" in line:
        line = line.replace("\t", " ")
    line = line.strip()
    if not line:
        return out
    if not out:
        return line
    # a word broken at its hyphen ("perundang-" / "undangan", "Undang-" / "Undang") is one word again
    if out[-1] == "-" and out[-2:-1].isalpha() and line[:1].isalpha():
        return out + line
    return f"{out} {line}"


def parse_marker(line: str) -> tuple[Marker, str] | None:
    """The enumerator at the start of ``line`` and the rest of the line, or None.

    >>> parse_marker("(2) Koordinasi oleh Sekretaris Daerah")[0].number
    '2'
    >>> parse_marker("aa. Pasal 27 Peraturan Bupati")[0].value
    27
    >>> parse_marker("a.sebelah utara;")[1], parse_marker("a.n. Bupati"), parse_marker("1.000 orang")
    ('sebelah utara;', None, None)
    """
    c = line[:1]
    if c != "(":
        # the cheap test first: an enumerator is "a." "bb)" "12." — a letter or digit closed within three
        # characters; most lines start with a capital or a longer word
        if not (c.isdigit() or "a" <= c <= "z"):
            return None
        if line[1:2] not in _CLOSERS and line[2:3] not in _CLOSERS and line[3:4] not in _CLOSERS and (
                not c.isalpha() or line[len(line) - len(line.lstrip(c)):][:1] not in _CLOSERS):
            return None  # (past "aa.": only one letter repeated, "aaaa.", is an enumerator)
    parts = line.split(None, 1)
    head = parts[0] if parts else ""
    marker = None if len(head) > 7 else _MARKERS.get(head, _UNSEEN)  # "(123a)." is the longest enumerator
    if marker is _UNSEEN:
        marker = _MARKERS[head] = _marker_of(head)
    if marker is None:
        glued = _GLUED.match(line)
        if glued is None:
            return None
        # "a.sebelah utara ...", "(2)Tidak merupakan ...", "1.Seksi ...": the enumerator typed (or converted)
        # with no space before its text, as a reader still sees it
        marker = _marker_of(glued.group())
        return (marker, line[glued.end():]) if marker is not None else None
    return marker, parts[1] if len(parts) > 1 else ""  # type: ignore[return-value]


#: an enumerator glued to its text: "(2)Tidak", "(2)UUS", "b.Sekretariat", "3a.Pegawai", "a)Kepala"; never
#: "a.n. Bupati", "s.d. Pasal 5" (a letter and a stop follow) nor "1.000" (a digit follows)
_GLUED = re.compile(r"^(?:\(\d{1,3}[a-z]?\)\.?(?=[A-Za-z])|\d{1,3}[a-z]?[.)](?=[A-Za-z]{2})"
                    r"|[a-z][.)](?=[A-Za-z][a-z]))")


#: enumerators already read, by their printed form: a regulation repeats "a." and "(2)" hundreds of times
_MARKERS: dict[str, Marker | None] = {}
_UNSEEN = object()


def _marker_of(head: str) -> Marker | None:
    """The enumerator printed as ``head`` (the line's first word), or None when it is not one."""
    if head in OCR_AYAT_ONE:
        # "(l)": OCR's ayat (1), kept only where the sequence proves it (else a huruf "(l)" after "(k)", or text)
        return Marker("ayat", 1, "1", head)
    m = g.MARKER.fullmatch(head)
    if not m:
        return None
    # exactly one style group matched, and MARKER has no other group: lastindex names it
    style = _STYLES[m.lastindex - 1]  # type: ignore[operator]
    raw = m.group(m.lastindex)  # type: ignore[arg-type]
    inserted = 0
    if style in ("huruf", "hurufp", "hurufk"):
        if len(raw) > 1 and raw.count(raw[0]) != len(raw):
            return None  # "di." or "ke." are words, not enumerators; "aa.", "aaa." repeat one letter
        value, number = huruf_value(raw), raw
    else:
        # "(1a)", "3a.", "4a)": a number inserted after 1, 3, 4 by an amendment (UU 12/2011 Lampiran II)
        digits = raw.rstrip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        value = int(digits)
        suffix = raw[len(digits):].lower()
        inserted = huruf_value(suffix) if suffix else 0
        number = f"{value}{suffix}" if style != "ayat" else raw.lower()
    return Marker(style, value, number, head, inserted)


_STYLES = ("ayat", "huruf", "angka", "hurufp", "angkap", "hurufk")
#: ayat (1) as OCR prints it, with the digit read as a letter
OCR_AYAT_ONE = frozenset({"(l)", "(I)", "(|)"})
_CLOSERS = frozenset(".)")


def bare_marker(line: str) -> Marker | None:
    """A line that is only an enumerator ("1.", "2", "(1)", "c", "0", "CC.", "jj-", "."), read as well as it can be."""
    s = line.strip()
    if len(s) > 6 or not g.BARE_MARKER.match(s):  # "(123)." is the longest
        return None
    core = s.strip("().-")
    label = s
    if s.startswith("(") and core.isdigit():
        return Marker("ayat", int(core), core, label)
    if core.isdigit():
        style = "angkap" if s.endswith(")") else "angka"
        return Marker(style, int(core), core, label)
    if core.isalpha():
        low = core.lower()
        if len(low) == 2 and low[0] != low[1]:
            return None
        return Marker("hurufp" if s.endswith(")") else "huruf", huruf_value(low), low, label)
    return Marker("huruf", 0, "", label)  # a lone dot: an item whose letter was lost


def ends_clause(text: str) -> bool:
    """Does ``text`` end a clause, so that an unmarked next line starts a new unit? A stop after an abbreviation
    ("... sebesar Rp.") ends nothing."""
    t = text.rstrip()
    return bool(_ENDS_ITEM.search(text)) or t.endswith(":") or (t.endswith(".") and not abbreviated(t))


def abbreviated(text: str) -> bool:
    """Does ``text`` (ending in ".") end with an abbreviation ("Rp.", "No.", "a.n.") rather than a sentence?"""
    return text[text.rfind(" ") + 1:] in g.ABBREVIATIONS


def _lines_end_clause(lines: list[str]) -> bool:
    """:func:`ends_clause` of the text these wrapped lines make, read from their end: only a last line ending in
    "dan" or "atau" needs the line before it ("...;" + "dan")."""
    last = lines[-1].rstrip()
    if last.endswith("."):
        return not abbreviated(last)
    if last.endswith((":", ";")):
        return True
    if last.endswith(("dan", "atau")):
        return ends_clause(join_lines(lines[-2:]))
    return False


_ENDS_ITEM = re.compile(r";\s*(?:dan|atau|dan/atau)?\s*$")
_CONNECTOR_LINE = re.compile(r"^(?:dan|atau|dan/atau|serta)\s*$")
#: the words after a number that continue a list of numbers in a sentence: "(3) dan (4) pasal ini", "2, 3"
_CONTINUED_LIST = re.compile(r"^(?:dan|atau|serta|sampai\s+dengan|s\.d\.|,)(?:\s|$)")
_JOINERS = frozenset("dasu,")


def split_units(lines: list[tuple[int, str]], canonical: bool = False,
                implicit_quotes: bool = False) -> tuple[list[Unit], list[tuple[int, Marker]]]:
    """Cut numbered, cleaned lines into units; bare enumerator lines are returned apart, in order.

    In canonical text (written by ``--format md``) every line is a whole unit and is never joined.
    ``implicit_quotes``: the new text of each amendment instruction ("1. Ketentuan Pasal 5 diubah sehingga
    berbunyi sebagai berikut:") runs to the next instruction, as if quoted (for acts printed without quote marks).
    """
    splitter = _Splitter(canonical, implicit_quotes)
    for no, line in lines:
        if line.strip():
            splitter.feed(no, line)
    return (splitter.units if canonical else _split_trailing(splitter.units)), splitter.bare


class _Splitter:
    """One pass of :func:`split_units`: the units, the bare enumerators, the quoted new text still open."""

    def __init__(self, canonical: bool, implicit_quotes: bool):
        self.canonical, self.implicit = canonical, implicit_quotes
        self.units: list[Unit] = []
        self.bare: list[tuple[int, Marker]] = []
        self.quote: list[tuple[int, str]] | None = None
        self.depth = 0

    def feed(self, no: int, line: str) -> None:  # (one non-blank line)
        units = self.units
        if self.quote is None and has_quote(line) and opens_quoted_text(line, units[-1].text if units else ""):
            self.quote_within(no, line)
            return
        if self.quote is not None and (g.AMENDMENT_INSTRUCTION.match(line) or (
                starts_with_open(line) and not self.quote[-1][1].rstrip().endswith(":"))):
            # the quote lost its closing mark; one opened after "... berikut:" inside it (an oath) ends nothing
            self.quote = None
        if self.implicit and self.unquoted_new_text(no, line):
            return
        if self.quote is None and units and has_quote(line) and opens_quoted_text(line, units[-1].text):
            self.open([(no, line)], quote_depth(line))
        elif self.quote is not None:
            self.quote.append((no, line))
            self.depth += quote_depth(line)
            if self.depth <= 0:
                self.quote = None
        else:
            _add_line(units, self.bare, no, line, self.canonical)

    def open(self, quote: list[tuple[int, str]], depth: int) -> None:  # (it takes the next lines while depth > 0)
        self.units[-1].quotes.append(quote)
        self.quote, self.depth = (quote if depth > 0 else None), depth

    def quote_within(self, no: int, line: str) -> None:
        """A line on which quoted new text opens: the words before the quote go to the units."""
        k = first_open(line)
        before = line[:k].rstrip()
        if before:
            _add_line(self.units, self.bare, no, before, self.canonical)
        if not self.units:
            self.units.append(Unit(None, [], no))
        self.open([(no, line[k:])], quote_depth(line[k:]))

    def unquoted_new_text(self, no: int, line: str) -> bool:
        """Without quote marks: does the new text of an instruction start on this line (read as an open quote)?"""
        if self.quote is not None and g.UNNUMBERED_INSTRUCTION.match(line):
            self.quote = None  # the new text printed without quotes runs to the next instruction, numbered or not
        if self.quote is not None:
            return False
        units = self.units
        if g.instruction(line) and (m := _NEW_TEXT_AFTER.search(line)) is not None:
            # "3. Ketentuan ... berbunyi sebagai berikut: Pasal 21": the new text starts on the instruction's line
            _add_line(units, self.bare, no, line[:m.end()].rstrip(), self.canonical)
            self.open([(no, line[m.end():])], 1)
            return True
        if units and _opens_new_text(units[-1]) and not g.instruction(line):
            self.open([(no, line)], 1)
            return True
        return False


#: the end of an amendment instruction's lead, with its new text after it on the same line
_NEW_TEXT_AFTER = re.compile(r"sebagai\s+berikut\s*:\s+(?=\S)")


def _opens_new_text(unit: Unit) -> bool:
    """Is ``unit`` an amendment instruction whose new text follows ("... berbunyi sebagai berikut:")?"""
    if unit.quotes or not unit.lines or not unit.lines[-1].rstrip().endswith(":"):
        return False
    if unit.marker is None:
        return g.UNNUMBERED_INSTRUCTION.match(unit.lines[0]) is not None
    return g.AMENDMENT_INSTRUCTION.match(f"{unit.marker.label} {unit.lines[0]}") is not None


def _add_line(units: list[Unit], bare: list[tuple[int, Marker]], no: int, line: str, canonical: bool) -> None:
    """Add one line to the units: a bare enumerator, a new enumerated unit, a new clause, or a wrapped line."""
    if not canonical and units and units[-1].lines and (line[0] == "(" or line[0].isalnum()) \
            and continues_reference(units[-1].lines[-1]):
        # "... sebagaimana dimaksud pada ayat" / "(2) huruf b ...", "... huruf" / "j.": the number of a wrapped
        # reference, never an enumerator of its own
        units[-1].lines.append(line)
        units[-1].nos.append(no)
        return
    # (a cleaned line longer than 16 characters can never be a bare enumerator: skip the call)
    bm = None if canonical or len(line) > 16 else bare_marker(line)
    if bm is not None:
        bare.append((no, bm))
        return
    parsed = parse_marker(line)
    if parsed is not None and not (not canonical and units and units[-1].lines and parsed[1][:1] in _JOINERS
                                   and _CONTINUED_LIST.match(parsed[1])
                                   and not _lines_end_clause(units[-1].lines)):
        marker, rest = parsed
        units.append(Unit(marker, [rest] if rest else [], no, nos=[no] if rest else []))
        return
    # ("(3) dan (4) pasal ini ..." after "... pada ayat (1)," goes on with the sentence: never an enumerator)
    if units and not canonical and not units[-1].quotes and (
        not (units[-1].lines and _lines_end_clause(units[-1].lines)) or _CONNECTOR_LINE.match(line)
    ):
        units[-1].lines.append(line)
        units[-1].nos.append(no)
    else:
        units.append(Unit(None, [line], no, nos=[no]))


#: a line ending in the word "ayat" (or "huruf", "angka", "Nomor", "Pasal") goes on: the "(2)" (or "j.", "3.",
#: "12") that starts the next line is the number it cites
_REFERENCE_WORDS = ("ayat", "huruf", "angka", "omor", "OMOR", "asal")
_REFERENCE_WORD_END = re.compile(r"\b(?:ayat|huruf|angka|[Nn]omor|NOMOR|[Pp]asal)$")


def continues_reference(line: str) -> bool:
    """Does ``line`` end with the word of a reference whose number was wrapped onto the next line?"""
    return line.endswith(_REFERENCE_WORDS) and _REFERENCE_WORD_END.search(line) is not None
_LAST_ITEM_BEFORE = re.compile(r";\s*(?:dan|atau|dan/atau)\s*$")
_CONNECTOR_START = re.compile(r"^(?:dan|atau|serta|dan/atau)\b")


#: the closing words of a sentence after its list are a short phrase ("dicabut dan dinyatakan tidak berlaku.",
#: "sesuai dengan ketentuan peraturan perundang-undangan."); a longer rest is the item's own text that a line
#: break after a "," cut (a repeal item listing Pasal after Pasal, wrapped by a PDF's line width)
CLOSING_WORDS = 100


def _split_trailing(units: list[Unit]) -> list[Unit]:
    """Part the closing words of a sentence from the last item of its list.

    "... huruf jj. Pasal 40 ... Seri C)," / "dicabut dan dinyatakan tidak berlaku." — after the item that
    follows "; dan" (the last item), a line ending in "," closes the item; the rest of the sentence, a phrase of
    at most :data:`CLOSING_WORDS` characters, is prose of the enclosing clause."""
    out: list[Unit] = []
    for i, unit in enumerate(units):
        # the end of the previous unit is all that matters: its last two lines hold "...;" + "dan"
        if i and len(unit.lines) > 1 and _LAST_ITEM_BEFORE.search(join_lines(units[i - 1].lines[-2:])):
            for k, line in enumerate(unit.lines[:-1]):
                rest = unit.lines[k + 1:]
                if line.rstrip().endswith(",") and not _CONNECTOR_START.match(rest[0].strip()) \
                        and len(closing := join_lines(rest).rstrip()) <= CLOSING_WORDS and closing.endswith("."):
                    out.append(Unit(unit.marker, unit.lines[: k + 1], unit.line_no, nos=unit.nos[: k + 1]))
                    out.append(Unit(None, rest, unit.nos[k + 1] if len(unit.nos) > k + 1 else unit.line_no + k + 1,
                                    nos=unit.nos[k + 1:]))
                    break
            else:
                out.append(unit)
            continue
        out.append(unit)
    return out

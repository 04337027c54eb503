"""Artefact removal: small named stages over the lines, each recording exactly what it removed.

Real texts carry what PDF export left behind: "- " bullets, ``**bold**`` and ``*italic*`` markers, ``<i>`` tags,
page numbers ("- 3 -", "Halaman 3 dari 20"), runs of spaces. Each stage removes one kind, by rule, and appends
``{"kind", "line", "text"}`` to the removed list so nothing disappears silently (``stats.removed`` of the tree).

:func:`clean_lines` runs the whole pass, in this order (the shape of Indigo's docpipe: one list a reader can see,
run as it is written, in production and in the tests alike):

1. :data:`PAGE_STAGES`: what only the whole document shows, cut from the lines it sits on: page numbers alone on
   a line ("7", known by their sequence), page counters left at a line's end ("... berikut: 3 / 11"), running
   headers (an address repeated on every page);
2. :data:`STAGES`: one rule per line each, in order; a stage declares a cheap trigger (the line's first
   character, a substring, a precompiled pattern) and its transform runs only on the lines that pass it;
3. :func:`rehang_enumerators`: an enumerator left at a line's end moves to the line it numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from operator import itemgetter
from typing import Any, NamedTuple

from rancang.ingest import furniture
from rancang.ingest.pages import (
    lone_page_numbers,
    page_number_lines,
    running_header_lines,
    running_headers,
    trailing_counters,
)

Removed = list[dict[str, Any]]
#: a line stage's rule: a stripped line -> (the new line, the pieces it removed)
Transform = Callable[[str], tuple[str, list[str]]]

__all__ = ["PAGE_STAGES", "STAGES", "PageStage", "Stage", "clean_lines", "counts", "cut_page_artefacts",
           "lines_passing", "lone_page_numbers", "rehang_enumerators", "run_stages", "running_headers",
           "trailing_counters"]


# ------------------------------------------------------------------------------------------ the line rules

_MD_HEADING = re.compile(r"^\s*#{1,6}\s+")
_COMMENT = re.compile(r"^\s*<!--.*-->\s*$")


def strip_md(line: str) -> tuple[str, list[str]]:
    """Markdown heading marks ("## BAB I") and whole-line comments (the canonical-text mark)."""
    if _COMMENT.match(line):
        return "", [line.strip()]
    m = _MD_HEADING.match(line)
    return (line[m.end():], [m.group().strip()]) if m else (line, [])


_MARKUP = re.compile(r"\*\*|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|</?(?:i|b|u|em|strong)>", re.I)


def strip_markup(line: str) -> tuple[str, list[str]]:
    """Bold/italic markers and inline HTML tags: ``**BAB IV``, ``*Squad*``, ``<i>squad</i>``."""
    found = _MARKUP.findall(line)
    return (_MARKUP.sub("", line), found) if found else (line, [])


#: a whole line that is a page number (the stage's trigger too: anchored, it fails on most lines at once)
_PAGE_NUMBER = re.compile(r"""^\s*(?:
    -\s*[0-9]{1,4}\s*-                          # - 3 -
  | Halaman\s+[0-9]+\s+dari\s+[0-9]+           # Halaman 3 dari 20
  | [0-9]{1,4}\s*/\s*[0-9]{1,4}                 # 1 / 11
  )\s*$""", re.I | re.X)


def strip_page_number(line: str) -> tuple[str, list[str]]:
    """A whole line that is a page number: "- 3 -", "Halaman 3 dari 20", "1 / 11"."""
    if _PAGE_NUMBER.match(line):
        return "", [line.strip()]
    return line, []


#: a line that is only a file's path, as a word processor prints it in a footer: "C:\\Data\\Perda\\Perda 5.doc"
_FILE_PATH = re.compile(r"""^\s*
    (?:[A-Za-z]:[\\/] | \\\\ | ~?/ | [^\s\\/]+\\)   # C:\  \\server  /home  Data\ : a path starts so
    [^\n]* \.(?:docx?|rtf|odt|pdf|txt) \s*$""", re.I | re.X)   # ... and names a document
_PATH_ENDS = (".doc", "docx", ".rtf", ".odt", ".pdf", ".txt")


def strip_file_path(line: str) -> tuple[str, list[str]]:
    """A footer line that is only a file path ("C:\\Users\\Hukum\\Perda 5 2019.doc"): never regulation text."""
    s = line.strip()
    if s[-4:].lower() in _PATH_ENDS and _FILE_PATH.match(s):
        return "", [s]
    return line, []


_BULLETS = frozenset("-•▪·")


def strip_bullet(line: str) -> tuple[str, list[str]]:
    """A leading "- " bullet that PDF export put before labels and wrapped lines (never part of the text): a bullet
    character, white space, then text."""
    s = line.lstrip()
    if s[:1] in _BULLETS and s[1:2].isspace() and s[2:].strip():
        return s[1:].lstrip(), [s[0]]
    return line, []


#: a letter-spaced word: single letters apart ("M E M U T U S K A N", "B A B  I"); words apart by two spaces
_SPACED = re.compile(r"^(?:[A-Za-z] ){2,}[A-Za-z](?: [:.])?$")
_SINGLES = re.compile(r"^(?:\w )+[\w:.]$")
_SPACED_HEADING = re.compile(r"^(BAB|PASAL|Pasal|BAGIAN|PARAGRAF)(?=[IVXLC\d]+$)")
#: the trigger of :func:`unspace_letters`: a character, a space, a character, a space
_SPACED_START = re.compile(r"^. . ", re.S)


def unspace_letters(line: str) -> tuple[str, list[str]]:
    """Letter-spaced headings read as words: "P E N J E L A S A N" -> "PENJELASAN", "B A B  I V" -> "BAB IV",
    "M E M U T U S K A N" -> "MEMUTUSKAN". Words stand two spaces apart; a line is letter-spaced when it has a
    run of at least three single characters, so text with a one-letter word is never touched; nothing is
    removed (spaces are not text)."""
    s = line.strip()
    if len(s) < 5 or not _SPACED_START.match(s):
        return line, []
    groups = re.split(r" {2,}|\t", s)
    if not any(_SPACED.match(gr) for gr in groups):
        return line, []
    words = [gr.replace(" ", "") if _SINGLES.match(gr) else gr for gr in groups]
    if len(words) == 1:  # "B A B I": the number was spaced like the word
        words[0] = _SPACED_HEADING.sub(r"\1 ", words[0])
    return " ".join(words), []


_SPACES = re.compile(r"[ \u00a0\u2007\u202f]+")


def fold_spaces(line: str) -> tuple[str, list[str]]:
    """Non-breaking and repeated spaces become one space; tabs stay (they separate table cells in a Lampiran)."""
    return _SPACES.sub(" ", line), []


#: where clauses ran together: spaces after a clause end, before an ayat ("... Publik. (2) Informasi ...") or after
#: ":" / ";" (and "dan" / "atau") before a list item ("... terdiri atas: a. akibat ...")
_MERGED_AYAT = re.compile(r"(?<=[.;:]) +(?=\(\d{1,3}\)\.?\s+[A-Z])")  # "(2)." as some acts print it
_MERGED_ITEM = re.compile(r"(?<=[:;])(?: +(?:dan|atau))? +(?=(?:[a-z]|\d{1,2})\.\s+[A-Za-z])")
_MERGE_HINT = re.compile(r"[.;:] +(?:\(\d|[a-z0-9]{1,2}\. |_+ +\()")
#: a converted text's rule for a page break ("... tanah. __ (2) Perencanaan ..."; 493 times in the national texts)
#: between a clause end and the next ayat: it stays at the end of the clause
_MERGED_AYAT_RULE = re.compile(r"(?<=[.;:])( +_+) +(?=\(\d{1,3}\)\.?\s+[A-Z])")


def break_merged(line: str) -> tuple[str, list[str]]:
    """Clauses that copy-paste merged onto one line get their own lines again (like Indigo's BreakLines):
    "... diakses oleh setiap Pengguna Informasi Publik. (2) Informasi ..." and "... terdiri atas: a. akibat ...".
    Only a break after a clause end (".", ";", ":") and spaces, before an enumerator, counts; nothing is removed.
    So a line without ". (", "; " or ": " never breaks (the stage's trigger)."""
    if not _MERGE_HINT.search(line):
        return line, []
    line = _MERGED_AYAT.sub("\n", line)
    if "_ (" in line:
        line = _MERGED_AYAT_RULE.sub(lambda m: m.group(1) + "\n", line)
    line = _MERGED_ITEM.sub(lambda m: m.group(0).rstrip() + "\n" if m.group(0).strip() else "\n", line)
    return line, []


# ------------------------------------------------------------------------------------------ the stages


class Stage(NamedTuple):
    """One rule over single lines, and the cheap trigger that lets most lines pass it by untouched.

    ``kind`` names what the rule removes (the ``kind`` of its records in ``stats.removed``); ``transform`` takes a
    stripped line and returns the new line (a ``"\\n"`` in it breaks it in two) and the pieces removed. The
    trigger is a test on the stripped line that every line the transform changes passes, so skipping the others
    changes nothing (``tests/test_clean.py`` runs every transform on every line to hold this): ``first``, the
    line's first character is one of these; ``contains``, the line holds one of these substrings; ``search``,
    this pattern finds something (given with ``first``, on the lines that pass ``first``: a pattern tried on every
    line costs a call each). A stage with no trigger runs on every line."""

    kind: str
    transform: Transform
    first: str | None = None
    contains: tuple[str, ...] = ()
    search: re.Pattern[str] | None = None


#: The line stages, in the order they run. Each trigger may count on the stages before it: once "spaces" has
#: run, spaces are single, so a merged clause shows ". (", "; " or ": ".
STAGES: tuple[Stage, ...] = (
    Stage("markdown", strip_md, first="#<"),
    Stage("markup", strip_markup, contains=("*", "<")),
    Stage("page_number", strip_page_number, first="-Hh0123456789", search=_PAGE_NUMBER),
    Stage("file_path", strip_file_path, contains=("\\", "/")),
    Stage("bullet", strip_bullet, first="-•▪·"),
    Stage("letter_spaced", unspace_letters, search=_SPACED_START),
    Stage("spaces", fold_spaces, contains=("  ", "\u00a0", "\u2007", "\u202f")),
    Stage("merged", break_merged, contains=(". (", "; ", ": ", ". _")),
)


class PageStage(NamedTuple):
    """One rule that needs the whole document: ``find`` reads every line and returns ``{line index: the text to
    cut from the end of that line}`` (the whole line, or its tail); ``kind`` names it in ``stats.removed``."""

    kind: str
    find: Callable[[list[str]], dict[int, str]]
    #: the stage finds nothing in a text that shows no page break (:func:`furniture.page_breaks`): skipped there
    paged: bool = False


#: The page stages, in the order they run, before the line stages; each reads the lines the one before it left.
PAGE_STAGES: tuple[PageStage, ...] = (
    # a paged document copied as text: running headers beside the page breaks, catchwords before them (first, while
    # the page numbers that mark the breaks are still there)
    PageStage("running_header", furniture.paged_header_lines, paged=True),
    PageStage("catchword", furniture.catchword_lines, paged=True),
    PageStage("page_number", page_number_lines, paged=True),
    PageStage("page_number", trailing_counters),
    PageStage("running_header", running_header_lines),
)


# ------------------------------------------------------------------------------------------ the pass


def cut_page_artefacts(lines: list[str], removed: Removed, stages: tuple[PageStage, ...] | None = None) -> list[str]:
    """A copy of ``lines`` with what each page stage (of ``stages``, :data:`PAGE_STAGES` when None) found cut off,
    in order, each cut recorded in ``removed`` (``{"kind", "line" (1-based), "text"}``).

    Whether the text shows a page break is read once, first (:func:`furniture.breaks_of`, which the stages then
    reuse): when it shows none, the ``paged`` stages that run first are skipped, which changes nothing. A running
    header (:func:`furniture.paged_headers`) needs three breaks and a catchword one; a lone page number is itself
    a break; and as none of them cuts a line, the lines each reads are the ones read here (issue 33: these stages
    were 11% of a text with no page break)."""
    lines = list(lines)
    stages = PAGE_STAGES if stages is None else stages
    lead = next((n for n, stage in enumerate(stages) if not stage.paged), len(stages))  # paged stages run first
    if lead and not furniture.breaks_of(lines):
        stages = stages[lead:]
    for kind, find, _ in stages:
        for i, tail in find(lines).items():
            removed.append({"kind": kind, "line": i + 1, "text": tail.strip()})
            lines[i] = lines[i][: len(lines[i]) - len(tail)]
    return lines


def lines_holding(text: str, needles: tuple[str, ...]) -> list[int]:
    """The indices of the lines of ``text`` (lines joined by "\\n") that hold one of ``needles`` (none holds a
    "\\n"), in order: a scan in C per needle and a step of Python per line found, so that a needle found nowhere
    costs next to nothing."""
    found: set[int] = set()
    for needle in needles:
        line = prev = 0
        at = text.find(needle)
        while at >= 0:
            line += text.count("\n", prev, at)
            found.add(line)
            prev = text.find("\n", at)
            if prev < 0:
                break
            at = text.find(needle, prev)  # (on from the next line)
    return sorted(found)


def lines_passing(stage: Stage, lines: list[str], joined: Callable[[], str]) -> list[int]:
    """The indices of the ``lines`` (stripped) that pass ``stage``'s trigger, in order; ``joined()`` gives the lines
    joined by "\\n" (for a substring, searched in C)."""
    if stage.first is not None:
        first = frozenset(stage.first)  # (a set: the empty head of a blank line is in no set)
        if stage.search is not None:
            search = stage.search.search
            return [i for i, s in enumerate(lines) if s[:1] in first and search(s)]
        return [i for i, s in enumerate(lines) if s[:1] in first]
    if stage.contains:
        return lines_holding(joined(), stage.contains)
    if stage.search is not None:
        search = stage.search.search
        return [i for i, s in enumerate(lines) if s and search(s)]
    return [i for i, s in enumerate(lines) if s]


def run_stages(lines: list[str], removed: Removed, stages: tuple[Stage, ...] | None = None) -> list[str]:
    """The lines, stripped, after each stage of ``stages`` (:data:`STAGES` when None) in order: a stage reads the
    lines the one before it left and rewrites those that pass its trigger (each stripped again). Blank where a
    line was removed, and one line more for each clause a stage broke off. What a stage removed is recorded in
    ``removed`` (``{"kind", "line" (1-based), "text"}``), stage after stage."""
    lines = [s.strip() for s in lines]
    broken: set[int] = set()  # lines a stage broke in two ("\n"): one line still, until the last stage has run
    text: str | None = None

    def joined() -> str:  # the lines joined, made again only after a stage changed a line
        nonlocal text
        if text is None:
            text = "\n".join([s.replace("\n", "\r") if i in broken else s for i, s in enumerate(lines)]
                             if broken else lines)
        return text

    for stage in STAGES if stages is None else stages:
        kind, transform = stage.kind, stage.transform
        for i in lines_passing(stage, lines, joined):
            line = lines[i]
            s, gone = transform(line)
            if s is line and not gone:  # (a transform returns the line itself when it leaves it alone)
                continue
            for piece in gone:
                if piece.strip():
                    removed.append({"kind": kind, "line": i + 1, "text": piece})
            s = s.strip()
            if s != line:
                lines[i] = s
                text = None  # (joined again when a stage asks)
                if "\n" in s:
                    broken.add(i)
    out: list[str] = []
    for i, s in enumerate(lines):
        if i in broken:
            out.extend(part.strip() for part in s.split("\n"))
        else:
            out.append(s)
    return out


_LINE = itemgetter("line")


def clean_lines(lines: list[str], removed: Removed) -> list[str]:
    """The lines after the whole pass: :data:`PAGE_STAGES`, :data:`STAGES`, then :func:`rehang_enumerators`.
    What was removed is appended to ``removed`` in line order (a line's records in the order of the stages)."""
    start = len(removed)
    out = run_stages(cut_page_artefacts(lines, removed), removed)
    removed[start:] = sorted(removed[start:], key=_LINE)
    return rehang_enumerators(out)


_HANGING = re.compile(r"(?<=[.;:]) (?:\(\d{1,3}\)|[a-z]{1,2}\.|\d{1,3}\.)$")
_HEADINGS = ("Pasal ", "PASAL ", "BAB ", "Bagian ", "BAGIAN ", "Paragraf ", "PARAGRAF ")


def rehang_enumerators(lines: list[str]) -> list[str]:
    """Cleaned lines with every enumerator left hanging at a line's end moved to the start of the next line.

    Text whose clauses ran together ("... terbatas. (2) Informasi ...", "... melalui: a. rapat ...") and was then
    wrapped can leave the enumerator at the end of a line, apart from the text it numbers. It moves only when the
    line before it ends a clause ("." ";" ":") and the next line starts with words, not with an enumerator or a
    heading; a reference ("huruf a.", "ayat (2)") never follows a clause end, so it never moves. Nothing is
    removed, so the characters are conserved; only the line they sit on changes."""
    for k, s in enumerate(lines):
        if len(s) < 5:  # "x. a." is the shortest line with a hanging enumerator
            continue
        c = s[-1]
        if c == ")":
            if not s[-2].isdigit():
                continue
        elif c != "." or (s[-3] != " " and s[-4] != " " and s[-5] != " "):
            continue
        m = _HANGING.search(s, max(0, len(s) - 6))
        if m is None:
            continue
        j = k + 1
        while j < len(lines) and not lines[j]:
            j += 1
        if j == len(lines) or not lines[j][:1].isalpha() or lines[j].startswith(_HEADINGS) \
                or _looks_enumerated(lines[j]):
            continue
        lines[k] = s[:m.start()]
        lines[j] = f"{m.group().strip()} {lines[j]}"
    return lines


def _looks_enumerated(line: str) -> bool:
    head = line.split(None, 1)[0]
    return len(head) <= 4 and head[-1] in ".)" and (head[0].isdigit() or head[0].islower() or head[0] == "(")


def counts(removed: Removed) -> dict[str, int]:
    out: dict[str, int] = {}
    for r in removed:
        out[r["kind"]] = out.get(r["kind"], 0) + 1
    return out

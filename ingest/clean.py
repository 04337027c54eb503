"""Artefact removal: small named stages over the lines, each recording exactly what it removed.

Real texts carry what PDF export left behind: "- " bullets, ``**bold**`` and ``*italic*`` markers, ``<i>`` tags,
page numbers ("- 3 -", "Halaman 3 dari 20"), runs of spaces. Each stage removes one kind, by rule, and appends
``{"kind", "line", "text"}`` to the removed list so nothing disappears silently (``stats.removed`` of the tree).

Four passes look at the whole document rather than one line: :func:`running_headers` (an address repeated on
every page), :func:`lone_page_numbers` ("7" alone, known by its sequence) and :func:`trailing_counters` (page
counters "3 / 11" left at the end of a line of text) before the line stages, and :func:`rehang_enumerators` (an
enumerator left at a line's end) after them.
:func:`clean_lines` runs it all in one pass over the lines; ``tests/test_clean.py`` checks that this equals running
:data:`STAGES` one after the other.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from rancang.ingest import furniture

Removed = list[dict[str, Any]]

_MARKUP = re.compile(r"\*\*|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|</?(?:i|b|u|em|strong)>", re.I)
_BULLET = re.compile(r"^\s*[-•▪·]\s+(?=\S)")
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*\d{1,4}\s*-|Halaman\s+\d+\s+dari\s+\d+|\d{1,4}\s*/\s*\d{1,4})\s*$", re.I)


def strip_markup(line: str) -> tuple[str, list[str]]:
    """Bold/italic markers and inline HTML tags: ``**BAB IV``, ``*Squad*``, ``<i>squad</i>``."""
    if "*" not in line and "<" not in line:
        return line, []
    found = _MARKUP.findall(line)
    return (_MARKUP.sub("", line), found) if found else (line, [])


_MD_HEADING = re.compile(r"^\s*#{1,6}\s+")
_COMMENT = re.compile(r"^\s*<!--.*-->\s*$")


def strip_md(line: str) -> tuple[str, list[str]]:
    """Markdown heading marks ("## BAB I") and whole-line comments (the canonical-text mark)."""
    if "#" not in line and "<!--" not in line:
        return line, []
    if _COMMENT.match(line):
        return "", [line.strip()]
    m = _MD_HEADING.match(line)
    return (line[m.end():], [m.group().strip()]) if m else (line, [])


def strip_page_number(line: str) -> tuple[str, list[str]]:
    """A whole line that is a page number: "- 3 -", "Halaman 3 dari 20", "1 / 11"."""
    if _PAGE_NUMBER.match(line):
        return "", [line.strip()]
    return line, []


def strip_bullet(line: str) -> tuple[str, list[str]]:
    """A leading "- " bullet that PDF export put before labels and wrapped lines (never part of the text)."""
    m = _BULLET.match(line)
    if m:
        return line[m.end():], [m.group().strip()]
    return line, []


def fold_spaces(line: str) -> tuple[str, list[str]]:
    """Non-breaking and repeated spaces become one space; tabs stay (they separate table cells in a Lampiran)."""
    if "  " in line or "\u00a0" in line or "\u2007" in line or "\u202f" in line:
        line = _SPACES.sub(" ", line)
    return line.strip(" \t"), []


_SPACES = re.compile(r"[ \u00a0\u2007\u202f]+")


_MERGED_AYAT = re.compile(r"(?<=[.;:])\s+(?=\(\d{1,3}\)\s+[A-Z])")
_MERGED_ITEM = re.compile(r"(?<=[:;])(?:\s+(?:dan|atau))?\s+(?=(?:[a-z]|\d{1,2})\.\s+[A-Za-z])")


_MERGE_HINT = re.compile(r"[.;:] +(?:\(\d|[a-z0-9]{1,2}\. )")


def break_merged(line: str) -> tuple[str, list[str]]:
    """Clauses that copy-paste merged onto one line get their own lines again (like Indigo's BreakLines):
    "... diakses oleh setiap Pengguna Informasi Publik. (2) Informasi ..." and "... terdiri atas: a. akibat ...".
    Only a break after a clause end (".", ";", ":") before an enumerator counts; nothing is removed."""
    if not _MERGE_HINT.search(line):
        return line, []
    line = _MERGED_AYAT.sub("\n", line)
    line = _MERGED_ITEM.sub(lambda m: m.group(0).rstrip() + "\n" if m.group(0).strip() else "\n", line)
    return line, []


#: a line that is only a file's path, as a word processor prints it in a footer: "C:\\Data\\Perda\\Perda 5.doc"
_FILE_PATH = re.compile(r"""^\s*
    (?:[A-Za-z]:[\\/] | \\\\ | ~?/ | [^\s\\/]+\\)   # C:\  \\server  /home  Data\ : a path starts so
    [^\n]* \.(?:docx?|rtf|odt|pdf|txt) \s*$""", re.I | re.X)   # ... and names a document
_PATH_ENDS = (".doc", "docx", ".rtf", ".odt", ".pdf", ".txt")


def strip_file_path(line: str) -> tuple[str, list[str]]:
    """A footer line that is only a file path ("C:\\Users\\Hukum\\Perda 5 2019.doc"): never regulation text."""
    s = line.strip()
    if ("\\" in s or "/" in s) and s[-4:].lower() in _PATH_ENDS and _FILE_PATH.match(s):
        return "", [s]
    return line, []


#: a letter-spaced word: single letters apart ("M E M U T U S K A N", "B A B  I"); words apart by two spaces
_SPACED = re.compile(r"^(?:[A-Za-z] ){2,}[A-Za-z](?: [:.])?$")
_SINGLES = re.compile(r"^(?:\w )+[\w:.]$")
_SPACED_HEADING = re.compile(r"^(BAB|PASAL|Pasal|BAGIAN|PARAGRAF)(?=[IVXLC\d]+$)")


def unspace_letters(line: str) -> tuple[str, list[str]]:
    """Letter-spaced headings read as words: "P E N J E L A S A N" -> "PENJELASAN", "B A B  I V" -> "BAB IV",
    "M E M U T U S K A N" -> "MEMUTUSKAN". Words stand two spaces apart; a line is letter-spaced when it has a
    run of at least three single characters, so text with a one-letter word is never touched; nothing is
    removed (spaces are not text)."""
    s = line.strip(" \t")
    if len(s) < 5 or s[1:2] != " " or s[3:4] != " ":
        return line, []
    groups = re.split(r" {2,}|\t", s)
    if not any(_SPACED.match(gr) for gr in groups):
        return line, []
    words = [gr.replace(" ", "") if _SINGLES.match(gr) else gr for gr in groups]
    if len(words) == 1:  # "B A B I": the number was spaced like the word
        words[0] = _SPACED_HEADING.sub(r"\1 ", words[0])
    return " ".join(words), []


#: The stages, in the order they run.
STAGES: list[tuple[str, Callable[[str], tuple[str, list[str]]]]] = [
    ("markdown", strip_md),
    ("markup", strip_markup),
    ("page_number", strip_page_number),
    ("file_path", strip_file_path),
    ("bullet", strip_bullet),
    ("letter_spaced", unspace_letters),
    ("spaces", fold_spaces),
    ("merged", break_merged),
]


_URLISH = re.compile(r"(?:www\.|https?://|\.com\b|\.go\.id\b|\.or\.id\b)", re.I)


def running_headers(lines: list[str]) -> set[str]:
    """Lines an online database or a PDF repeats on every page: the same web address line three times or more.

    (Repeated legal text such as "Cukup jelas." is never a header: only address-like lines qualify.) Lines are
    counted first, in C, and only those seen three times are read: searching the whole text for addresses took
    three times as long."""
    counts = Counter(map(str.strip, lines))
    if "\ufeff" in "".join(counts):  # a byte-order mark inside the text: count the lines without it
        counts = Counter(key.lstrip("\ufeff") for key in counts.elements())
    return {key for key, n in counts.items()
            if n >= 3 and key and len(key) < 120
            and ("www" in key or "http" in key or ".co" in key or ".id" in key) and _URLISH.search(key)}


#: a page counter left at the end of a text line by copy-paste from a paged view: "... berikut: 3 / 11"
_TRAILING_COUNTER = re.compile(r"(?<=\s)(\d{1,4})\s+/\s+(\d{1,4})\s*$")
_WHOLE_COUNTER = re.compile(r"^\s*(\d{1,4})\s*/\s*(\d{1,4})\s*$")


def trailing_counters(lines: list[str]) -> dict[int, str]:
    """Page counters printed at the end of a line of text ("... Rancangan Undang-Undang 4 / 11"), by line index.

    A counter counts the document's pages: it is accepted only as one of a run of at least three counters with
    the same total, numbered upwards, covering at least half of the pages (counters on lines of their own count
    too). So "1/3 bagian" in a clause is never a page counter, and nothing is taken without a sequence."""
    found: list[tuple[int, int, int, int]] = []  # (line index, page, total, start of the counter or -1)
    for i, line in enumerate(lines):
        if "/" not in line or not line.rstrip()[-1:].isdigit():
            continue
        m = _WHOLE_COUNTER.match(line)
        if m is not None:
            found.append((i, int(m.group(1)), int(m.group(2)), -1))
            continue
        # a counter is "1234 / 1234" at most (with a few spaces more): search the tail only
        m = _TRAILING_COUNTER.search(line, max(0, len(line.rstrip()) - 24))
        if m is not None and line[:m.start()].strip():
            found.append((i, int(m.group(1)), int(m.group(2)), m.start()))
    if not found:
        return {}
    out: dict[int, str] = {}
    for total in {t for _, _, t, _ in found}:
        run: list[tuple[int, int]] = []  # (line index, start) of the counters numbered upwards
        last = 0
        for i, page, t, start in found:
            if t == total and last < page <= total:
                last = page
                run.append((i, start))
        if len(run) >= 3 and 2 * len(run) >= total:
            out.update((i, lines[i][start:]) for i, start in run if start >= 0)
    return out


def lone_page_numbers(lines: list[str]) -> set[int]:
    """Lines that hold only a page number ("7"), by line index.

    A bare number is also what a two-column layout leaves of an enumerator, so a number counts as a page only as
    part of a run: at least three numbers, each one more than the last and at least 20 lines after it, as pages
    are numbered. Enumerators restart with every list and stand a few lines apart."""
    runs: dict[int, list[int]] = {}  # the next page number a run expects -> its line indices
    for i, line in enumerate(lines):
        if len(line) > 16:  # (the cheap test first: a page number is a short line)
            continue
        s = line.strip()
        if not (0 < len(s) <= 3 and s.isdecimal()):
            continue
        value = int(s)
        run = runs.get(value)
        if run is not None and i - run[-1] >= _PAGE_LINES:
            del runs[value]
            run.append(i)
            if len(runs.get(value + 1, ())) < len(run):  # of two runs that now expect the same page, the longer
                runs[value + 1] = run
        elif value + 1 not in runs:
            runs[value + 1] = [i]
    return {i for run in runs.values() if len(run) >= 3 for i in run}


#: the fewest lines a page holds, between two page numbers
_PAGE_LINES = 20


_BULLET_START = frozenset("-•▪·")


def _record(kind: str, gone: list[str], no: int, removed: Removed) -> None:
    for text in gone:
        if text.strip():
            removed.append({"kind": kind, "line": no, "text": text})


def clean_lines(lines: list[str], removed: Removed) -> list[str]:
    """Run every stage over every line; returns the cleaned lines (same count: blank where a line was removed).

    One pass over the lines, in the order of :data:`STAGES`; each stage runs only on a line that shows its
    trigger (a "#", a "*", a leading "-", a "/" ...), tested with plain string checks, because most lines of a
    regulation need nothing but the final strip and a regex call per line per stage would dominate ingest time."""
    out: list[str] = []
    append = out.append
    headers = running_headers(lines)
    counters = trailing_counters(lines)
    pages = lone_page_numbers(lines)
    # furniture of a paged document copied as text: running headers beside page breaks, catchwords before them
    breaks = furniture.page_breaks(lines, pages)
    paged = furniture.paged_headers(lines, breaks)
    kinds = dict.fromkeys(furniture.catchwords(lines, breaks, paged), "catchword")
    kinds.update(dict.fromkeys(paged, "running_header"))
    for no, line in enumerate(lines, 1):
        if pages and no - 1 in pages:
            removed.append({"kind": "page_number", "line": no, "text": line.strip()})
            append("")
            continue
        if kinds and no - 1 in kinds:
            removed.append({"kind": kinds[no - 1], "line": no, "text": line.strip()})
            append("")
            continue
        if counters and no - 1 in counters:
            counter = counters[no - 1]
            removed.append({"kind": "page_number", "line": no, "text": counter.strip()})
            line = line[: len(line) - len(counter)]
        s = line.strip()
        if not s:
            append("")
            continue
        if headers and s.lstrip("\ufeff") in headers:
            removed.append({"kind": "running_header", "line": no, "text": s})
            append("")
            continue
        if "#" in s or "*" in s or "<" in s:
            if "#" in s or "<!--" in s:
                line, gone = strip_md(line)
                _record("markdown", gone, no, removed)
            if "*" in line or "<" in line:
                line, gone = strip_markup(line)
                _record("markup", gone, no, removed)
            s = line.strip()
            if not s:
                append("")
                continue
        head = s[0]
        if head in _PAGE_START and ((head == "-" and s[-1] == "-") or head in "Hh" or (head != "-" and "/" in s)):
            line, gone = strip_page_number(line)
            _record("page_number", gone, no, removed)
            s = line.strip()
            head = s[:1]
        if ("\\" in s or "/" in s) and s[-4:].lower() in _PATH_ENDS:
            line, gone = strip_file_path(line)
            _record("file_path", gone, no, removed)
            s = line.strip()
            if not s:
                append("")
                continue
            head = s[0]
        if head in _BULLET_START and s[1:2].isspace():
            # strip_bullet, inlined: a bullet is the commonest artefact of all
            rest = s[1:].lstrip()
            if rest:
                removed.append({"kind": "bullet", "line": no, "text": head})
                line = line.lstrip()[1:].lstrip()
        if s[1:2] == " " and s[3:4] == " ":
            line, _ = unspace_letters(line)
        if "  " in line or (not line.isascii() and ("\u00a0" in line or "\u2007" in line or "\u202f" in line)):
            line = _SPACES.sub(" ", line)
        line = line.strip(" \t")
        # a necessary condition for _MERGE_HINT by substring tests first (spaces are single by now; one-character
        # tests are much cheaper than two-character ones, so they come first)
        if (("(" in line and (". (" in line or "; (" in line or ": (" in line))
                or ("." in line and ". " in line and ("; " in line or ": " in line or line.count(". ") > 1))) \
                and _MERGE_HINT.search(line):
            line, _ = break_merged(line)
            if "\n" in line:
                out.extend(part.strip() for part in line.split("\n"))
                continue
        append(line)
    return rehang_enumerators(out)


_PAGE_START = frozenset("-Hh0123456789")

#: an enumerator left at the end of a line, after the clause before it: "... melalui: a." / "rapat dengar ..."
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

"""Page furniture that only the whole document shows: page numbers alone on a line, page counters left at the end
of a line of text, running headers. Each pass reads every line and names what to cut; :mod:`clean` cuts it and
records it (``stats.removed``) as the first stages of its pass (:data:`~rancang.ingest.clean.PAGE_STAGES`).
"""

from __future__ import annotations

import re
from collections import Counter

_URLISH = re.compile(r"(?:www\.|https?://|\.com\b|\.go\.id\b|\.or\.id\b)", re.I)
#: a running header holds one of these (as printed, in lower case) and an address _URLISH finds
_URL_NEEDLES = ("www", "http", ".co", ".id")


def running_headers(lines: list[str]) -> set[str]:
    """Lines an online database or a PDF repeats on every page: the same web address line three times or more.

    (Repeated legal text such as "Cukup jelas." is never a header: only address-like lines qualify.) Lines are
    counted first, in C, and only those seen three times are read: searching the whole text for addresses took
    three times as long. Returns the stripped lines, without a byte-order mark."""
    text = "\n".join(lines)
    if not any(needle in text for needle in _URL_NEEDLES):  # (one scan in C: most texts print no address)
        return set()
    counts = Counter(map(str.strip, lines))
    if "\ufeff" in text:  # a byte-order mark inside the text: count the lines without it
        counts = Counter(key.lstrip("\ufeff") for key in counts.elements())
    return {key for key, n in counts.items()
            if n >= 3 and key and len(key) < 120
            and any(needle in key for needle in _URL_NEEDLES) and _URLISH.search(key)}


def running_header_lines(lines: list[str]) -> dict[int, str]:
    """The lines that are a running header (:func:`running_headers`), by index: ``{index: the whole line}``."""
    headers = running_headers(lines)
    if not headers:
        return {}
    return {i: line for i, line in enumerate(lines) if line.strip().lstrip("\ufeff") in headers}


#: a page counter left at the end of a text line by copy-paste from a paged view: "... berikut: 3 / 11"
_TRAILING_COUNTER = re.compile(r"(?<=\s)(\d{1,4})\s+/\s+(\d{1,4})\s*$")
_WHOLE_COUNTER = re.compile(r"^\s*(\d{1,4})\s*/\s*(\d{1,4})\s*$")


def _counters(lines: list[str]) -> list[tuple[int, int, int, int]]:
    """Every page counter candidate: (line index, page, total, start of the counter in the line, or -1 when the
    counter is the whole line)."""
    found: list[tuple[int, int, int, int]] = []
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
    return found


def trailing_counters(lines: list[str]) -> dict[int, str]:
    """Page counters printed at the end of a line of text ("... Rancangan Undang-Undang 4 / 11"), by line index.

    A counter counts the document's pages: it is accepted only as one of a run of at least three counters with
    the same total, numbered upwards, covering at least half of the pages (counters on lines of their own count
    too). So "1/3 bagian" in a clause is never a page counter, and nothing is taken without a sequence."""
    found = _counters(lines)
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


#: the fewest lines a page holds, between two page numbers
_PAGE_LINES = 20


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


def page_number_lines(lines: list[str]) -> dict[int, str]:
    """The lines that are a page number alone (:func:`lone_page_numbers`), by index: ``{index: the whole line}``."""
    return {i: lines[i] for i in sorted(lone_page_numbers(lines))}

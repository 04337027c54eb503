"""Quotation marks around the new text of an amendment: where a quote opens and closes on a line, curly or
straight, and how deep a line leaves the quoting (UU 12/2011 Lampiran II angka 225-243: the changed provision is
quoted in full after "sehingga berbunyi sebagai berikut:").
"""

from __future__ import annotations

import re

OPEN_QUOTE, CLOSE_QUOTE = "\u201c", "\u201d"
#: a straight quote opens where a word starts (after a space, "(" or ":", before a letter) and closes elsewhere:
#: some texts quote an amendment's new text with '"' instead of curly quotes
STRAIGHT_QUOTE = '"'
#: any quote mark: a scan in C finds them, the loop looks only at the marks (a long line has few)
_MARK = re.compile(f"[{OPEN_QUOTE}{CLOSE_QUOTE}{STRAIGHT_QUOTE}]")


def has_quote(line: str) -> bool:
    return OPEN_QUOTE in line or STRAIGHT_QUOTE in line


def marks(line: str) -> list[tuple[int, bool]]:
    """(offset, opens?) of every quote mark of ``line``, curly or straight."""
    out = []
    for m in _MARK.finditer(line):
        i, ch = m.start(), m.group()
        if ch == OPEN_QUOTE:
            out.append((i, True))
        elif ch == CLOSE_QUOTE:
            out.append((i, False))
        elif ch == STRAIGHT_QUOTE:
            before = line[i - 1] if i else " "
            after = line[i + 1:i + 2]
            out.append((i, (before.isspace() or before in "(:[") and after != "" and not after.isspace()
                        and after not in ".,;:)"))
    return out


def first_open(line: str) -> int:
    """The offset of the first opening quote mark of ``line``, or -1."""
    if STRAIGHT_QUOTE not in line:
        return line.find(OPEN_QUOTE)
    return next((i for i, opens in marks(line) if opens), -1)


def last_close(line: str) -> int:
    """The offset of the last closing quote mark of ``line``, or -1."""
    if STRAIGHT_QUOTE not in line:
        return line.rfind(CLOSE_QUOTE)
    return next((i for i, opens in reversed(marks(line)) if not opens), -1)


def starts_with_open(line: str) -> bool:
    s = line.lstrip()
    return s[:1] == OPEN_QUOTE or (s[:1] == STRAIGHT_QUOTE and first_open(s) == 0)


def opens_quoted_text(line: str, previous: str) -> bool:
    """Does quoted new text (of an amending act) open on this line? Only after a clause that introduces it
    ("... berbunyi sebagai berikut:"), never for a quoted word in running text ("disebut “ASN”")."""
    k = first_open(line)
    if k < 0:
        return False
    before = line[:k].strip()
    return before.endswith(":") if before else previous.rstrip().endswith(":")


def quote_depth(line: str) -> int:
    if STRAIGHT_QUOTE not in line:
        return line.count(OPEN_QUOTE) - line.count(CLOSE_QUOTE)
    return sum(1 if opens else -1 for _, opens in marks(line))

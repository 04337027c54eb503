"""Characters no DOCX (XML 1.0) can hold, shared by the readers (which remove them, recorded) and by the loaders
of user data (which refuse them, naming the key)."""

from __future__ import annotations

import re

#: C0 controls other than tab, newline and CR; UTF-16 surrogates (lone ones survive some decoders); U+FFFE, U+FFFF
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def scrub_lines(lines: list[str]) -> tuple[list[str], list[dict[str, object]]]:
    """``lines`` without XML-invalid characters, and one ``{"kind": "control", "line", "text"}`` record per line
    that had any (1-based line numbers), so ``stats.removed`` accounts for every character."""
    removed: list[dict[str, object]] = []
    out = lines
    for i, line in enumerate(lines):
        if line.isprintable():  # (the cheap test first: controls, surrogates and non-characters are unprintable)
            continue
        found = XML_INVALID.findall(line)
        if found:
            if out is lines:
                out = list(lines)
            out[i] = XML_INVALID.sub("", line)
            removed.append({"kind": "control", "line": i + 1, "text": "".join(found)})
    return out, removed

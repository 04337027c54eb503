"""A PDF set as Word exports one: every glyph placed by its own position, no space glyph at all (each space is a
shift in a ``TJ`` array, as Word's justified text is), a TrueType font embedded as CID glyphs (Identity-H), the
enumerator of a hanging list set apart from its text by a narrower shift than a space, and some enumerators glued
to their text with no shift at all.

Built with fpdf2: its text is written with an invisible separator where the spaces go, and the separators are
then taken out of the content stream and turned into shifts."""

from __future__ import annotations

import io
import re
import textwrap

#: the character written where a space goes, then replaced by a shift
SEP = "\u2063"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
#: the shifts, in thousandths of the font size: a word space (DejaVu's space is 318), the gap after an enumerator
#: (narrower than a space but plain to see), none at all
SPACE, ENUM_GAP, GLUED = 300, 130, 0
_ENUMERATOR = re.compile(r"^(?:\(\d{1,3}[a-z]?\)|\d{1,3}[a-z]?[.)]|[a-z][.)])\s")


def build_wordlike_pdf(text: str, glue_every: int = 3) -> bytes:
    """The PDF of ``text`` (one printed line per source line, wrapped at 80 characters with a hanging indent).
    Every ``glue_every``-th enumerator is glued to its text; the others stand :data:`ENUM_GAP` apart."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format=(595, 842))
    pdf.set_compression(False)
    pdf.set_auto_page_break(False)
    pdf.add_font("serif", "", FONT)
    pdf.set_font("serif", size=11)
    y, enumerators, gaps = 900.0, 0, []
    for source in text.splitlines():
        if not source.strip():
            y += 8
            continue
        m = _ENUMERATOR.match(source)
        parts = textwrap.wrap(source, 80)
        for k, part in enumerate(parts):
            if y > 790:
                pdf.add_page()
                y = 60.0
            x = 60.0 + (18 if k and m else 0)
            pdf.text(x, y, part.replace(" ", SEP))
            gap = SPACE
            if k == 0 and m:
                enumerators += 1
                gap = GLUED if enumerators % glue_every == 0 else ENUM_GAP
            gaps.append(gap)
            y += 15
    return _shifts(bytes(pdf.output()), gaps)


def _shifts(data: bytes, first_gaps: list[int]) -> bytes:
    """The separators of each ``Tj`` string turned into ``TJ`` shifts: the first of line ``i`` by
    ``first_gaps[i]`` when the line starts with an enumerator, every other by :data:`SPACE`."""
    sep = _separator_code(data)
    lines = iter(first_gaps)

    def tj(m: re.Match[bytes]) -> bytes:
        raw = _unescape(m.group(1))
        codes = [raw[k:k + 2] for k in range(0, len(raw), 2)]
        first = next(lines, SPACE)
        out, run, seen = [], b"", 0
        for code in codes:
            if code != sep:
                run += code
                continue
            seen += 1
            out.append(b"(" + _escape(run) + b") %d" % -(first if seen == 1 else SPACE))
            run = b""
        out.append(b"(" + _escape(run) + b")")
        return b"[" + b" ".join(out) + b"] TJ"

    data = re.sub(rb"\(((?:[^()\\]|\\.)*)\) Tj", tj, data, flags=re.S)
    data = re.sub(rb"/Length \d+\n>>\nstream\n(.*?)\nendstream",
                  lambda m: b"/Length %d\n>>\nstream\n" % len(m.group(1)) + m.group(1) + b"\nendstream", data,
                  flags=re.S)
    import pypdfium2 as pdfium

    out = io.BytesIO()
    pdfium.PdfDocument(data).save(out)  # written anew: the cross-reference table fits the new streams
    return out.getvalue()


_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f", b"(": b"(", b")": b")", b"\\": b"\\"}


def _unescape(literal: bytes) -> bytes:
    """The bytes of a PDF literal string's content (backslash escapes read)."""
    return re.sub(rb"\\([nrtbf()\\]|[0-7]{1,3})",
                  lambda m: _ESCAPES.get(m.group(1)) or bytes([int(m.group(1), 8) & 0xFF]), literal)


def _escape(raw: bytes) -> bytes:
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)").replace(b"\r", b"\\r")


def _separator_code(data: bytes) -> bytes:
    """The two-byte glyph code fpdf2 gave :data:`SEP` (from the font's ToUnicode map)."""
    m = re.search(rb"<([0-9A-Fa-f]{4})>\s*<2063>", data)
    if m is None:
        raise ValueError("the separator is not in the font's ToUnicode map")
    return bytes.fromhex(m.group(1).decode())

"""Enumerators: "(2)", "b.", "12)", "aa." are read the same whether cached or not, on every line of every text."""

from __future__ import annotations

from pathlib import Path

from rancang.ingest import grammar as g
from rancang.ingest import readers
from rancang.ingest.clean import clean_lines
from rancang.ingest.units import parse_marker
from rancang.numbering import huruf_value as letter_value

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "corpus" / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "extra").glob("*.txt"))


def read_by_pattern(line: str):
    """The enumerator of ``line`` by the grammar's pattern alone (no cache, no shortcut)."""
    m = g.MARKER.match(line)
    if not m:
        return None
    style = next(s for s in ("ayat", "huruf", "angka", "hurufp", "angkap") if m.group(s) is not None)
    raw = m.group(style)
    if style in ("huruf", "hurufp"):
        if len(raw) > 1 and raw.count(raw[0]) != len(raw):  # "di.", "ttd." are words; "aaa." follows "zz."
            return None
        value, number = letter_value(raw), raw
    elif style == "ayat":
        value, number = int("".join(ch for ch in raw if ch.isdigit())), raw
    else:
        value, number = int(raw), str(int(raw))
    return style, value, number, line[:m.end()].strip() if line[m.end():] else line.strip(), line[m.end():]


def test_every_line_of_every_text_reads_as_the_pattern_reads_it():
    lines = [ln for path in TEXTS for ln in clean_lines(readers.read(path.read_bytes(), path.name).lines, [])]
    lines += ["aaa. Pasal 53", "bbbb) x", "ttd."]
    lines += ["a.", "(12a) Teks", "aa. Pasal 27", "di. bukan", "1.000 rupiah", "b)\tsel", "(3)", "12) dua", "x"]
    read = 0
    for line in lines:
        got = parse_marker(line)
        want = read_by_pattern(line)
        assert (None if got is None else (got[0].style, got[0].value, got[0].number, got[0].label, got[1])) == want
        read += want is not None
    assert read > 1000  # the texts are full of enumerators: the comparison is not empty


def test_a_huruf_after_z_is_doubled():
    marker, rest = parse_marker("bb. Pasal 28")
    assert (marker.style, marker.value, marker.number, rest) == ("huruf", 28, "bb", "Pasal 28")

"""U2_lampiran (UU 12/2011 Lampiran II angka 108: a defined term keeps its capitals "dalam lampiran" too) on Lampiran
lines in plain ASCII and on lines holding other characters (curly quotes, a dash): the quick test that skips a
block without the term (issue 33) never hides a miswritten term, and counts stay per term."""

from __future__ import annotations

from pathlib import Path

from rancang.generate.check import check
from rancang.generate.check.definitions import check_lampiran_capitals
from rancang.ingest import ingest_text

CLEAN = (Path(__file__).parent / "data" / "check_clean.md").read_text(encoding="utf-8")
LINE = "pada setiap Unit Organisasi berkedudukan di bawah Pejabat Penilai Kinerja."


def _u2(lines: list[str]) -> list[dict]:
    reg = ingest_text(CLEAN.replace(LINE, "\n\n".join(lines)), "uji.md")
    return list(check_lampiran_capitals(reg))


def test_clean_lampiran_lines_have_no_finding():
    assert _u2([LINE]) == []
    assert not [f for f in check(ingest_text(CLEAN, "uji.md")) if f["rule"] == "U2_lampiran"]


def test_term_miswritten_in_ascii_and_in_a_line_with_curly_quotes_is_counted_in_both():
    found = _u2(["pada setiap Unit Organisasi berkedudukan di bawah Pejabat Penilai kinerja.",
                 "Laporan \u201ckinerja\u201d \u2013 disampaikan kepada Pejabat Penilai kinerja."])
    assert [f["rule"] for f in found] == ["U2_lampiran"]
    assert ('istilah "Pejabat Penilai Kinerja" (Pasal 1) ditulis "Pejabat Penilai kinerja" (2 kali)'
            in found[0]["message"])


def test_term_miswritten_only_in_a_line_with_curly_quotes_is_found():
    found = _u2([LINE.replace("di bawah Pejabat Penilai Kinerja.", "di bawah \u201cPejabat Penilai kinerja\u201d.")])
    assert len(found) == 1 and 'ditulis "Pejabat Penilai kinerja" (1 kali)' in found[0]["message"]


def test_a_line_without_the_term_gives_nothing_and_a_split_term_across_spaces_is_still_read():
    assert _u2([LINE, "Tidak ada istilah yang ditetapkan di sini."]) == []
    found = _u2([LINE.replace("Pejabat Penilai Kinerja", "Pejabat\tPenilai   kinerja")])
    assert len(found) == 1 and 'ditulis "Pejabat Penilai kinerja" (1 kali)' in found[0]["message"]

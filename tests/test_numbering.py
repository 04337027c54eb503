"""The numbering layer: every label function and its value function are inverses, and every stage numbers alike."""

from __future__ import annotations

import pytest

from rancang import numbering as nb
from rancang.ingest.readers.docx.reader import format_number


@pytest.mark.parametrize(("label", "value", "top"), [
    (nb.roman, nb.roman_value, nb.MAX_ROMAN), (nb.huruf, nb.huruf_value, 200), (nb.angka, nb.angka_value, 500),
    (nb.ordinal, nb.ordinal_value, nb.MAX_ORDINAL)])
def test_label_and_value_are_inverse(label, value, top):
    labels = [label(n) for n in range(1, top + 1)]
    assert [value(s) for s in labels] == list(range(1, top + 1))
    assert len(set(labels)) == top


def test_not_a_label_reads_as_zero():
    assert [nb.roman_value(s) for s in ("", "IIII", "Pasal", "7")] == [0, 0, 0, 0]
    assert [nb.huruf_value(s) for s in ("", "ab", "a1", "7", "di")] == [0, 0, 0, 0, 0]
    assert [nb.ordinal_value(s) for s in ("", "Ke", "Kedua Ratus", "Bagian")] == [0, 0, 0, 0]


def test_out_of_range_raises():
    for fn, bad in ((nb.roman, 0), (nb.roman, nb.MAX_ROMAN + 1), (nb.huruf, 0), (nb.ordinal, 0), (nb.ordinal, 100)):
        with pytest.raises(ValueError):
            fn(bad)


def test_ordinals_as_acts_print_them():
    assert [nb.ordinal(n) for n in (1, 9, 10, 13, 19, 30, 45)] == [
        "Kesatu", "Kesembilan", "Kesepuluh", "Ketiga Belas", "Kesembilan Belas", "Ketiga Puluh", "Keempat Puluh Lima"]
    assert nb.ordinal_slug("Kedua  Belas") == "kedua-belas"


def test_word_numbering_follows_the_same_sequences():
    assert [format_number(n, "lowerLetter") for n in (1, 27, 53)] == [nb.huruf(1), nb.huruf(27), nb.huruf(53)]
    assert [format_number(n, "lowerRoman") for n in (4, 9, 14)] == ["iv", "ix", "xiv"]
    assert format_number(0, "upperRoman") == "I" and format_number(5000, "upperRoman") == "5000"

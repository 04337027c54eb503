"""Text folding: the one form in which texts are compared, searched and turned into ids.

``fold`` is lower case, without diacritics, with every run of punctuation and white space as one space: two
wordings that differ only in case, accents, spacing or punctuation fold to the same text. Invisible format
characters (Unicode category Cf: soft hyphen, zero-width space and joiners, BOM) are removed, not turned into a
space: a PDF's soft hyphen inside "sis\u00adtem" must not split the word. ``slug`` is the id form
built on it (ASCII letters and digits joined by a separator).

>>> fold("Pengajuan-Sukarela;  PENUGASAN  (Pasal 5)")
'pengajuan sukarela penugasan pasal 5'
>>> fold("Peraturan Wali Kota Baubau tentang Réorganisasi")
'peraturan wali kota baubau tentang reorganisasi'
>>> fold("sis\u00adtem ker\u200bja")
'sistem kerja'
>>> slug("Kabupaten Pasaman Barat")
'kabupaten-pasaman-barat'
>>> slug("Ketua Tim Kerja / Squad", "_")
'ketua_tim_kerja_squad'
"""

from __future__ import annotations

import re
import unicodedata

#: a word: letters and digits of any script (the underscore counts as punctuation)
_WORD = re.compile(r"[^\W_]+")
_ASCII_WORD = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """``text`` lower case, diacritics removed (NFKD), punctuation and white space as single spaces, ends
    stripped; invisible format characters (category Cf) removed. Pure ASCII text skips the Unicode decomposition
    (the common case, and the fast one)."""
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text)
                       if not unicodedata.combining(ch) and unicodedata.category(ch) != "Cf")
    return " ".join(_WORD.findall(text.lower()))


def slug(text: str, sep: str = "-") -> str:
    """The id form of ``text``: its folded ASCII words joined by ``sep`` ("" when it has none)."""
    return sep.join(_ASCII_WORD.findall(fold(text)))

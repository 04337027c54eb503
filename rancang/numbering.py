"""The numbering of Indonesian regulations, both directions, in one place.

Every stage counts the same way: BAB are Roman ("BAB IV"), Bagian are ordinal words ("Bagian Kedua Belas"),
Paragraf, Pasal, ayat and angka are decimal, huruf run a … z and then double the letter (aa, bb …, as Lampiran II
UU 12/2011 numbers them after z). Each sequence has a *label* function (position -> label) and a *value* function
(label -> position, 0 when the text is not such a label), so readers, the checker and the draft's renumbering
agree::

    >>> roman(14), roman_value("XIV"), roman_value("xiv"), roman_value("IIX")
    ('XIV', 14, 14, 0)
    >>> huruf(1), huruf(26), huruf(27), huruf(28), huruf(53)
    ('a', 'z', 'aa', 'bb', 'aaa')
    >>> huruf_value("c"), huruf_value("aa"), huruf_value("BB"), huruf_value("di"), huruf_value("")
    (3, 27, 28, 0, 0)
    >>> angka(7), angka_value("7"), angka_value("07"), angka_value("7A")
    ('7', 7, 7, 0)
    >>> ordinal(1), ordinal(11), ordinal(12), ordinal(20), ordinal(21)
    ('Kesatu', 'Kesebelas', 'Kedua Belas', 'Kedua Puluh', 'Kedua Puluh Satu')
    >>> ordinal_value("Kedua Belas"), ordinal_value("KETIGA"), ordinal_value("kedua  belas"), ordinal_value("Kemarin")
    (12, 3, 12, 0)
    >>> ordinal_value("Keduabelas"), ordinal_value("Pertama")
    (12, 1)
"""

from __future__ import annotations

import roman as _roman

from rancang.fold import fold, slug

#: Indonesian cardinal words 1..9; 10 and 11 have their own words, 12..19 take "belas", tens take "puluh"
_UNITS = ("satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
#: the highest ordinal written out (Bagian numbers never come close)
MAX_ORDINAL = 99
#: the highest Roman numeral written (no regulation comes close)
MAX_ROMAN = 4999


def roman(n: int) -> str:
    """1 -> "I", 14 -> "XIV" (upper case, as BAB and the Pasal of an amending act print them).

    Raises ValueError outside 1..MAX_ROMAN, which no regulation reaches."""
    if not 1 <= n <= MAX_ROMAN:
        raise ValueError(f"no Roman numeral for {n!r}")
    return _roman.toRoman(n)


def roman_value(s: str) -> int:
    """"XIV" -> 14 (either case); 0 when ``s`` is not a well-formed Roman numeral ("IIX", "", "Kedua")."""
    try:
        return _roman.fromRoman(s.upper()) if s else 0
    except _roman.RomanError:
        return 0


def huruf(n: int) -> str:
    """The ``n``-th huruf label: 1 -> "a", 26 -> "z", 27 -> "aa", 28 -> "bb", 53 -> "aaa". Raises ValueError below 1."""
    if n < 1:
        raise ValueError(f"no huruf for position {n!r}")
    return chr(96 + (n - 1) % 26 + 1) * ((n - 1) // 26 + 1)


def huruf_value(s: str) -> int:
    """The position of a huruf label: "c" -> 3, "aa" -> 27 (either case); 0 for anything else ("di", "a1", "")."""
    s = s.lower()
    if not s or not ("a" <= s[0] <= "z") or s.count(s[0]) != len(s):
        return 0
    return ord(s[0]) - 96 + 26 * (len(s) - 1)


def angka(n: int) -> str:
    """The ``n``-th angka (and ayat, Pasal, Paragraf) label: 7 -> "7"."""
    return str(n)


def angka_value(s: str) -> int:
    """"7" -> 7; 0 when ``s`` is not all digits ("7A", "")."""
    return int(s) if s.isdigit() else 0


def _cardinal(n: int) -> str:
    """1..99 as Indonesian words, title case: 12 -> "Dua Belas", 21 -> "Dua Puluh Satu"."""
    if n < 10:
        return _UNITS[n - 1].capitalize()
    if n == 10:
        return "Sepuluh"
    if n == 11:
        return "Sebelas"
    if n < 20:
        return f"{_UNITS[n - 11].capitalize()} Belas"
    tens = "Sepuluh" if n // 10 == 1 else f"{_UNITS[n // 10 - 1].capitalize()} Puluh"
    return tens if n % 10 == 0 else f"{tens} {_cardinal(n % 10)}"


def ordinal(n: int) -> str:
    """The ordinal of a Bagian: 1 -> "Kesatu", 11 -> "Kesebelas", 12 -> "Kedua Belas", 21 -> "Kedua Puluh Satu".

    "Ke" joins the first word ("Kesebelas", "Kedua Belas"). Raises ValueError outside 1..99."""
    if not 1 <= n <= MAX_ORDINAL:
        raise ValueError(f"no ordinal for {n!r}")
    words = _cardinal(n)
    return "Ke" + words[0].lower() + words[1:]


_ORDINAL_VALUES = {ordinal(k).lower(): k for k in range(1, MAX_ORDINAL + 1)}
_ONES = "|".join(w.capitalize() for w in _UNITS)
#: a regular expression matching every ordinal :func:`ordinal` writes, and "Pertama" (use it with re.I)
ORDINAL_PATTERN = (rf"(?:Pertama|Ke(?:{'|'.join(_UNITS)}|sepuluh|sebelas)"
                   rf"(?:\s+(?:Belas|Puluh(?:\s+(?:{_ONES}))?))?)\b")
_ORDINAL_VALUES["pertama"] = 1
_ORDINAL_VALUES.update({key.replace(" ", ""): k for key, k in list(_ORDINAL_VALUES.items()) if " " in key})


def ordinal_value(s: str) -> int:
    """"Kedua Belas" -> 12 (any case and spacing, also run together as "Keduabelas"; "Pertama" -> 1); 0 when ``s``
    is not an ordinal."""
    key = fold(s)
    return _ORDINAL_VALUES.get(key) or _ORDINAL_VALUES.get(key.replace(" ", ""), 0)


def ordinal_slug(s: str) -> str:
    """The id form of a Bagian ordinal: "Kedua Belas" -> "kedua-belas" (ids hold no spaces)."""
    return slug(s)

"""When two titles of one act ("tentang ...") say the same: spelling of the old acts (Soewandi: "Djawa", "Jogjakarta",
"Tjilatjap", "Propinsi") against today's (EYD: "Jawa", "Yogyakarta", "Cilacap", "Provinsi"), capitals, hyphens and
line-end joins ("Daerah- daerah") set aside; an act's own judul is the title (UU 12/2011 Lampiran II angka 2-7: the
name of the act is its judul), a citing act often shortens it to its own region ("... dalam Lingkungan Propinsi
Jawa Timur" for UU 16/1950, which forms the kota besar of Jawa Timur, Jawa Tengah, Jawa Barat and Yogyakarta).
"""

from __future__ import annotations

import re
from typing import Any

from rancang.kb.judge import _source_rank as source_rank
from rancang.kb.judge import judge

#: words a citation drops or adds without changing what the title names ("dan dalam Daerah Istimewa" / "dan Daerah
#: Istimewa")
FUNCTION_WORDS = frozenset("dalam dan di yang jang serta untuk atas dari ke tentang pada bagi".split())
#: old spelling (Soewandi, before 1972) -> a form shared with EYD: "dj" and EYD "j" become one letter, "tj" and EYD
#: "c" another, "oe" is "u", and "j" of the old spelling is EYD "y" (both written "j" here)
_OLD = (("dj", "j"), ("tj", "c"), ("oe", "u"), ("sj", "sy"), ("ch", "kh"))
_WORD_FORMS = {"propinsi": "provinsi", "no": "nomor", "nr": "nomor", "kotapradja": "kotapraja", "daerah2": "daerah"}


def tokens(title: str) -> list[str]:
    """The words of ``title`` in one spelling, lower case, punctuation and hyphens dropped.

    >>> tokens("PEMBENTUKAN DAERAH-DAERAH KOTA BESAR DALAM LINGKUNGAN PROPINSI DJAWA TIMUR")
    ['pembentukan', 'daerah', 'daerah', 'kota', 'besar', 'dalam', 'lingkungan', 'provinsi', 'jawa', 'timur']
    >>> tokens("Daerah- daerah Istimewa Yogyakarta") == tokens("daerah-daerah Istimewa Jogjakarta")
    True
    """
    text = title.casefold()
    for old, new in _OLD:
        text = text.replace(old, new)
    text = text.replace("y", "j")
    words = re.findall(r"[0-9a-z]+", text)
    return [_WORD_FORMS.get(w, w) for w in words]


def norm(title: str) -> str:
    """One key for every spelling of a title (:func:`tokens` joined, function words aside): the knowledge base
    tallies titles by it, so titles that :func:`agree` are one value."""
    return "".join(_content(title))


def agree(a: str, b: str) -> bool:
    """Whether titles ``a`` and ``b`` name the same thing: equal words in one spelling, function words
    (:data:`FUNCTION_WORDS`) aside. A title shortened to one region of several is not the same.

    >>> own = "PEMBENTUKAN DAERAH-DAERAH KOTA BESAR DALAM LINGKUNGAN PROPINSI DJAWA TIMUR, DJAWA TENGAH, DJAWA BARAT "
    >>> own += "DAN DALAM DAERAH ISTIMEWA JOGJAKARTA"
    >>> agree(own, "Pembentukan Daerah-daerah Kota Besar dalam Lingkungan Propinsi Djawa Timur, Djawa Tengah, "
    ...       "Djawa Barat dan Daerah Istimewa Jogjakarta")
    True
    >>> agree(own, "Pembentukan Daerah-daerah Kota Besar Dalam Lingkungan Propinsi Jawa Timur")
    False
    """
    return _content(a) == _content(b)


def _content(title: str) -> list[str]:
    return [w for w in tokens(title) if w not in FUNCTION_WORDS]


def tidy(title: str) -> str:
    """A title as printed: spaces collapsed, a line-end join inside a word mended ("Perubahan- perubahan" ->
    "Perubahan-perubahan", "Daerah- daerah" -> "Daerah-daerah").

    >>> tidy("Perubahan- perubahan Undang-undang  Nomor 16")
    'Perubahan-perubahan Undang-undang Nomor 16'
    """
    return re.sub(r"(\w)-\s+(\w)", r"\1-\2", " ".join(title.split()))


_SMALL = FUNCTION_WORDS | {"dengan", "atau", "oleh", "sebagai", "menjadi", "terhadap", "antara"}
#: words kept in capitals: Roman numerals ("Tingkat II") and the acronyms acts' titles use
_KEEP = re.compile(r"^[(\"]?(?:[IVX]+|RI|DPR|DPRD|MPR|DPD|PT|BUMN|BUMD|APBN|APBD|ASN|PNS|TNI|POLRI|UUD|NKRI|BPK|KPK|"
                   r"PPN|PPH|PPnBM)[)\",.;:]?$")


def title_case(title: str) -> str:
    """An act's judul printed in capitals ("PEMBENTUKAN DAERAH-DAERAH KOTA BESAR DALAM ...") as a citation writes it:
    each word capitalised, the small words lower case, a hyphenated repetition capitalised on both sides ("Daerah-
    Daerah", UU 12/2011 Lampiran II angka 5 writes titles so).

    >>> title_case("PEMBENTUKAN DAERAH-DAERAH KOTA BESAR DALAM LINGKUNGAN PROPINSI DJAWA TIMUR DAN DAERAH ISTIMEWA")
    'Pembentukan Daerah-Daerah Kota Besar dalam Lingkungan Propinsi Djawa Timur dan Daerah Istimewa'
    >>> title_case("PEMBENTUKAN DAERAH TINGKAT II BATANG DAN PERUBAHAN APBN")
    'Pembentukan Daerah Tingkat II Batang dan Perubahan APBN'
    """
    out = []
    for i, word in enumerate(tidy(title).split(" ")):
        low = word.lower()
        if _KEEP.match(word):
            out.append(word)
        elif i and low in _SMALL:
            out.append(low)
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in low.split("-")))
    return " ".join(out)


#: what a reader keeps after an old act's judul: a footnote mark ("*)") and the words that open its body
_TAIL = re.compile(r"\s*(?:\*?\s*\)\s*)?(?:PRESIDEN\s+REPUBLIK\s+INDONESIA\s*[.,:].*)?$", re.S)


#: the words that open an act's body or a heading, read into its judul by a reader of a damaged text ("... Cagar
#: Budaya dengan Rahmattuhan yang Maha Esa Menimbang ...", "... Informasi Geospasial. Babi. 1 2 Pres Lden ...")
_BODY = re.compile(r"\s*(?:\bDENGAN\s+RAHMAT|\bdengan\s+rahmat|\bMENIMBANG\b|\bMenimbang\b|\bMENGINGAT\b|"
                   r"\bMengingat\b|\bMembaca\s*:|\.\s*(?:BAB|Bab|Babi|Menetapkan|MENETAPKAN)\b|(?<![Nn][Oo])\.\s*\d+\s*$|"
                   r"\bPRESIDEN\s+REPUBLIK\s+INDONESIA\s+SERIKAT\b|\bPresiden\s+Republik\s+Indonesia\s+Serikat\b|"
                   r"\bPres\s*[Il]den\b|\bBAB\s+[I1]\b)")


def own_title(title: str) -> str:
    """An act's own judul as the knowledge base keeps it: the footnote mark and the words that open the body run
    into it ("PEMBENTUKAN MAJELIS ILMU PENGETAHUAN INDONESIA ) PRESIDEN REPUBLIK INDONESIA,") cut off.

    >>> own_title("PEMBENTUKAN MAJELIS ILMU PENGETAHUAN INDONESIA ) PRESIDEN REPUBLIK INDONESIA,")
    'PEMBENTUKAN MAJELIS ILMU PENGETAHUAN INDONESIA'
    >>> own_title("PEMBENTUKAN DAERAH OTONOM KOTA-KECIL *)")
    'PEMBENTUKAN DAERAH OTONOM KOTA-KECIL'
    >>> own_title("PELAKSANAAN PENYERAHAN ... KOTA KECIL PRESIDEN REPUBLIK INDONESIA, MENIMBANG: PERATURAN ...")
    'PELAKSANAAN PENYERAHAN ... KOTA KECIL'
    >>> own_title("Penyelenggaraan Informasi Geospasial. Babi. 1 2 Pres Lden Republik Indonesia")
    'Penyelenggaraan Informasi Geospasial'
    >>> own_title("REGISTER NASIONAL DAN PELESTARIAN CAGAR BUDAYA DENGAN RAHMATTUHAN YANG MAHA ESA MENIMBANG")
    'REGISTER NASIONAL DAN PELESTARIAN CAGAR BUDAYA'
    >>> own_title("HAK KEUANGAN ... BEKAS WAKIL PRESIDEN REPUBLIK INDONESIA")
    'HAK KEUANGAN ... BEKAS WAKIL PRESIDEN REPUBLIK INDONESIA'
    """
    text = " ".join(title.split())
    body = _BODY.search(text)
    if body and body.start() > 10:
        text = text[:body.start()]
    return _TAIL.sub("", text).rstrip(" ,.;:") or title


def shortens(short: str, full: str) -> bool:
    """Whether title ``short`` is ``full`` shortened by a citing act: its words (one spelling, function words aside)
    are fewer and all in ``full`` in the same order ("... Propinsi Jawa Timur" of "... Propinsi Djawa Timur, Djawa
    Tengah, Djawa Barat dan Daerah Istimewa Jogjakarta"; "Jawa Timur/Tengah/Barat").

    >>> shortens("Pembentukan Daerah-daerah Otonom Propinsi Kalimantan Barat",
    ...          "PEMBENTUKAN DAERAH-DAERAH OTONOM PROPINSI KALIMANTAN BARAT KALIMANTAN SELATAN DAN KALIMANTAN TIMUR")
    True
    >>> shortens("Pembentukan Daerah-daerah Tingkat II di Sulawesi", "PEMBENTUKAN DAERAH TINGKAT II DI SULAWESI")
    False
    """
    a, b = _content(short), _content(full)
    if not a or len(a) >= len(b):
        return False
    it = iter(b)
    return all(w in it for w in a)


def judge_title(values: list[dict[str, Any]], own: str) -> dict[str, Any] | None:
    """The title fact from its values ``[{value, sources}]`` when the act's own text (source ``own``,
    "naskah:uu-1950-16") gives one: the own judul leads unless a value that is not a shortening of it
    (:func:`shortens`) has more sources (an OCR slip in an old judul: "PROPISI"); it is *verified* with a citing act
    that agrees and more sources than any value against it, *disputed* with a value against it, else *unverified*.
    Shortenings are kept (``singkatan``: true), never against it. Without an own judul: :func:`judge`. Every value
    is printed :func:`tidy` ("Perubahan- perubahan" -> "Perubahan-perubahan")."""
    values = [dict(v, value=tidy(str(v["value"]))) for v in values if v["sources"]]
    mine = next((v for v in values if own in v["sources"]), None)
    if mine is None:
        return judge(values, "tentang")
    rest = [v for v in values if v is not mine]
    against = [v for v in rest if not shortens(str(v["value"]), str(mine["value"]))]
    agree_n = len(mine["sources"])
    if any(len(v["sources"]) > agree_n for v in against):
        return judge(values, "tentang")
    if agree_n >= 2 and all(agree_n > len(v["sources"]) for v in against):
        status = "verified"
    else:
        status = "disputed" if against else "unverified"
    value = str(mine["value"])
    return {"value": title_case(value) if value.isupper() else value, "status": status, "agree": agree_n,
            "disagree": sum(len(v["sources"]) for v in against), "metadata": False,
            "sources": sorted(mine["sources"], key=source_rank),
            "others": [dict({"value": v["value"], "count": len(v["sources"]),
                             "sources": sorted(v["sources"], key=source_rank)},
                            **({} if v in against else {"singkatan": True})) for v in rest]}

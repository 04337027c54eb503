"""Decisions of the Mahkamah Konstitusi on an Undang-Undang, as the BPK metadata records them in its ``status``
("Dibatalkan Putusan Mahkamah Konstitusi - ...", "bertentangan dengan UUD 1945 Putusan Mahkamah Konstitusi - Nomor
28/PUU-XI/2013", "Dicabut Putusan Mahkamah Konstitusi - No. 17/PUU-IX/2011 untuk Pasal 109 ayat (3) ...").

A decision of the Mahkamah Konstitusi is not a repeal (UU 24/2003 Pasal 56-57 as amended by UU 8/2011: the
provision, or the whole act, declared contrary to the UUD 1945 "tidak mempunyai kekuatan hukum mengikat"). BPK files
such decisions under its verbs "Dicabut" and "Diubah" too, whether the Court struck one phrase or the whole act; the
knowledge base keeps them apart from repeals and amendments, with their scope as the record words it:

* ``sebagian`` - parts: the record names a provision (Pasal, ayat, huruf, Penjelasan, frasa, kata, Lampiran ...);
* ``seluruh`` - the whole act (no provision named): the record says the act itself has no binding force
  ("Undang-Undang Nomor 7 Tahun 2004 ... tidak memiliki kekuatan hukum mengikat") or that the petition was granted
  "untuk seluruhnya";
* ``tidak disebut`` - the record gives the decision's number only (UU 17/2012: "Nomor 28/PUU-XI/2013", which
  annulled it whole): the scope must be read in the decision.

A record that the act was only tested ("Telah dilakukan uji materiil") or that it follows a decision ("Mengubah
Putusan Mahkamah Konstitusi") is not a decision against it and is not kept.
"""

from __future__ import annotations

import re
from typing import Any

#: the verbs under which BPK files a decision against the act itself
_AGAINST = re.compile(r"^(?:Dibatalkan|Dicabut|Diubah|bertentangan(?:\s+secara\s+bersyarat)?\s+dengan\s+UUD\s+1945)"
                      r"\s+Putusan\s+Mahkamah\s+Konstitusi$", re.I)
#: a decision's number: "28/PUU-XI/2013", "001-021-022/PUU-I/2003", "018/PUU/I/2003", "11-14-21-126 dan
#: 136/PUU-VII/2009", "31/PUU-2013"
_NUMBER = re.compile(r"(?P<n>\d{1,3}(?:\s*(?:-|dan)\s*\d{1,3})*)\s*/\s*P[PU]U\s*[-/]?\s*(?:(?P<r>[IVXL]+)\s*/\s*)?"
                     r"(?P<y>(?:19|20)\d\d)\b")
_PART = re.compile(r"\b(?:Pasal|ayat|huruf|angka|Penjelasan|frasa|frase|kata|anak\s+kalimat|Lampiran|Bab)\b", re.I)
_TESTED_ONLY = re.compile(r"^\s*Telah\s+dilakukan\s+uji\s+materi", re.I)
_WHOLE = re.compile(r"untuk\s+seluruhnya", re.I)
_NO_FORCE = r"tidak\s+(?:memiliki|mempunyai)\s+kekuatan\s+hukum\s+mengikat"

WHOLE, PART, UNSAID = "seluruh", "sebagian", "tidak disebut"


def decisions(status: list[str], nomor: str, tahun: int) -> list[dict[str, Any]]:
    """The decisions against Undang-Undang ``nomor``/``tahun`` in its BPK ``status`` lines: [{putusan, tahun,
    lingkup, bunyi, revives: [(nomor, tahun)]}] - ``putusan`` the first number the line gives ("28/PUU-XI/2013"),
    ``tahun`` that number's year (the year the case was registered: the decision is of that year or later),
    ``lingkup`` one of :data:`WHOLE`, :data:`PART`, :data:`UNSAID`, ``bunyi`` the record's words, ``revives`` the
    Undang-Undang the record says apply again ("... dan Undang-Undang Nomor 11 Tahun 1974 tentang Pengairan berlaku
    kembali").

    >>> [(d["putusan"], d["lingkup"]) for d in decisions(["Mencabut UU - UU NO. 25/1992 tentang Perkoperasian ",
    ...     "bertentangan dengan UUD 1945 Putusan Mahkamah Konstitusi - Nomor 28/PUU-XI/2013"], "17", 2012)]
    [('28/PUU-XI/2013', 'tidak disebut')]
    >>> d = decisions(["Dibatalkan  Putusan Mahkamah Konstitusi - Undang-Undang Nomor 7 Tahun 2004 tentang Sumber "
    ...     "Daya Air tidak memiliki kekuatan hukum mengikat dan Undang-Undang Nomor 11 Tahun 1974 tentang Pengairan "
    ...     "berlaku kembali Berdasarkan Putusan MK Nomor 85/PUU-XI/2013"], "7", 2004)[0]
    >>> d["putusan"], d["lingkup"], d["revives"]
    ('85/PUU-XI/2013', 'seluruh', [['11', 1974]])
    >>> decisions(["Dicabut Putusan Mahkamah Konstitusi - No. 17/PUU-IX/2011 untuk Pasal 109 ayat (3) ..."], "5",
    ...           1986)[0]["lingkup"]
    'sebagian'
    >>> decisions(["Diubah Putusan Mahkamah Konstitusi - Telah dilakukan uji materiil oleh MK dengan nomor "
    ...            "29/PPU-IX/2011"], "21", 2001)
    []
    """
    out = []
    for line in status or []:
        verb, _, rest = line.partition(" - ")
        if not _AGAINST.match(" ".join(verb.split())) or _TESTED_ONLY.match(rest):
            continue
        words = " ".join(rest.split())
        number = _NUMBER.search(words)
        own = rf"Undang-\s*Undang\s+(?:Nomor|No\.?)\s*{re.escape(str(nomor))}\s+Tahun\s+{tahun}\b[^;]*?{_NO_FORCE}"
        if _PART.search(words):
            scope = PART
        elif _WHOLE.search(words) or re.search(own, words, re.I):
            scope = WHOLE
        else:
            scope = UNSAID
        revives = [[m[1], int(m[2])] for m in re.finditer(
            r"Undang-\s*Undang\s+(?:Nomor|No\.?)\s*(\d+)\s+Tahun\s+(\d{4})\b(?:(?!Undang-\s*Undang\s)[^;])*?berlaku\s+"
            r"kembali", words, re.I)
            if (m[1], int(m[2])) != (str(nomor), tahun)]
        out.append({"putusan": _compact(number) if number else None,
                    "tahun": int(number["y"]) if number else None, "lingkup": scope, "bunyi": words,
                    "revives": revives})
    return out


def _compact(m: re.Match[str]) -> str:
    n = re.sub(r"\s+", "", m["n"]).replace("dan", ", ")
    return f"{n}/PUU-{m['r']}/{m['y']}" if m["r"] else f"{n}/PUU/{m['y']}"


#: acts citing a struck act as a base after its decision that show it kept its force: a decision whose record does
#: not say its scope then struck parts only
CITED_AFTER = 2


def annuls(decision: dict[str, Any]) -> bool:
    """Whether a decision may have struck the whole act: its record says so (``seluruh``), or does not say
    (``tidak disebut``) and fewer than :data:`CITED_AFTER` acts made after it cite the act as a base
    (``dikutip_sesudahnya``, :func:`rancang.kb.compile.cited_after`)."""
    if decision["lingkup"] == WHOLE:
        return True
    return decision["lingkup"] == UNSAID and decision.get("dikutip_sesudahnya", 0) < CITED_AFTER

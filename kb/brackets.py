"""What a Mengingat entry prints after an act's name: the act a citation names (its key), the publication in
brackets (UU 12/2011 Lampiran II angka 28-50), and - for an act whose title ratifies another ("... tentang Penetapan
Peraturan Pemerintah Pengganti Undang-Undang Nomor 1 Tahun 2014 tentang ... (Lembaran Negara ...) menjadi
Undang-Undang (Lembaran Negara ...)") - which bracket is whose.
"""

from __future__ import annotations

import re
from typing import Any

from rancang.ingest.konsiderans import citations_in
from rancang.kb.acts import key
from rancang.parts import Citation

#: a publication as printed in brackets after a cited act (UU 12/2011 Lampiran II angka 28-50)
_PUB = re.compile(r"""\(\s*
    (?P<kind>Lembaran\s+Negara|Berita\s+Negara|Lembaran\s+Daerah|Berita\s+Daerah)(?P<nama>[^()]*?)\s+
    Tahun\s+(?P<tahun>\d{4})\s*,?\s*Nomor\s+(?P<nomor>\d+)
    (?:[^()]*?Tambahan\s+(?:Lembaran\s+Negara|Lembaran\s+Daerah)[^()]*?Nomor\s+(?P<tln>\d+))?
    [^()]*\)""", re.X | re.S | re.I)
def act(c: Citation) -> dict[str, Any] | None:
    """A citation as the knowledge base files it: {key, jenis, nomor, tahun, tentang}; None without a year and
    number (except the Constitution)."""
    if not c.jenis:
        return None
    k = key(c.jenis, c.nomor, c.tahun)
    if k != "uud-1945" and (not c.nomor or not c.tahun):
        return None
    return {"key": k, "jenis": c.jenis, "nomor": c.nomor, "tahun": c.tahun, "tentang": c.tentang}


def publication(segment: str) -> dict[str, Any] | None:
    """The first bracketed publication in ``segment``: {kind, nama, tahun, nomor, tln}; None when there is none."""
    m = _PUB.search(segment)
    if m is None:
        return None
    nama = " ".join((m["kind"] + m["nama"]).split())
    return {"kind": " ".join(m["kind"].split()).title(), "nama": nama.rstrip(" ,"), "tahun": int(m["tahun"]),
            "nomor": int(m["nomor"]), "tln": int(m["tln"]) if m["tln"] else None}


_CHAIN = re.compile(r"\b(?:sebagaimana|yang\s+telah)\b", re.I)


def publication_after(a: dict[str, Any], text: str, end: int, segment: str,
                       next_named: list[int]) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """The publication printed for act ``a`` (its name ends at ``end`` of ``text``; ``segment`` the words up to the
    next act, ``next_named`` where the next numbered acts start), cut before "sebagaimana ...", and the act its
    ratifying title names with that act's bracket (:func:`ratified`; None for another act)."""
    # (the words "menjadi Undang-Undang" are read as an act without a number that ends ``segment``: a ratifying
    # title is read up to the next numbered act)
    ratifying = text[end:next_named[0] if next_named else len(text)]
    chain = _CHAIN.search(ratifying)
    inner = ratified(a, ratifying[:chain.start()] if chain else ratifying)
    if inner is not None:
        # "UU 1/2015 tentang Penetapan Perppu 1/2014 tentang ... (LN 2014 Nomor 245 ...) menjadi Undang-Undang (LN
        # 2015 Nomor 23 ...)": the bracket before "menjadi Undang-Undang" is the Perppu's, named in the title; the
        # act's own is the one after it, if any
        return inner
    chain = _CHAIN.search(segment)
    return publication(segment[:chain.start()] if chain else segment), None


#: a bracket closed right before "menjadi/sebagai Undang-Undang": inside the title of an act that ratifies another
#: (UU 12/2011 Lampiran II angka 38: the Perppu's or Undang-Undang Darurat's publication is part of the title)
_BEFORE_RATIFIED = re.compile(r"\s*,?\s*(?:menjadi|sebagai)\s+Undang-\s*[Uu]ndang\b", re.I)
#: the act a ratifying title names: "Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 1 Tahun 2014 ..."
_RATIFIES = re.compile(r"^\s*Penetapan\s+(?=(?:Peraturan\s+Pemerintah\s+Pengganti\s+Undang|Undang-\s*[Uu]ndang\s+"
                       r"Darurat|Undang-\s*[Uu]ndang)\b)", re.I)


def ratified(a: dict[str, Any], segment: str) -> tuple[dict[str, Any] | None, dict[str, Any] | None] | None:
    """For an act whose title ratifies another ("Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 1
    Tahun 2014 tentang ... menjadi Undang-Undang"), with the words after its name up to the next act in
    ``segment``: (its own publication — the bracket after "menjadi Undang-Undang" —, the ratified act as a
    citation of role "title" with the bracket printed before "menjadi Undang-Undang"). None when the act's title
    ratifies nothing or no bracket stands before "menjadi Undang-Undang" (the first bracket is then the act's).

    >>> own, inner = ratified({"tentang": "Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 1 Tahun "
    ...     "2014 tentang Pemilihan Gubernur"}, ", Bupati, dan Walikota (Lembaran Negara Tahun 2014 Nomor 245, "
    ...     "Tambahan Lembaran Negara Nomor 5588) menjadi Undang-Undang (Lembaran Negara Tahun 2015 Nomor 23)")
    >>> own["nomor"], inner["act"]["key"], inner["pub"]["nomor"], inner["pub"]["tln"]
    (23, 'perppu-2014-1', 245, 5588)
    """
    title = a.get("tentang") or ""
    m = _RATIFIES.match(title)
    if m is None:
        return None
    for bracket in _PUB.finditer(segment):
        if _BEFORE_RATIFIED.match(segment, bracket.end()):
            own = publication(segment[bracket.end():])
            found = citations_in(title[m.end():])
            named = act(found[0][0]) if found and found[0][1] == 0 else None
            if named is not None:
                named["tentang"] = None  # (its title runs into the ratifying act's words, cut where they were)
            inner = {"act": named, "pub": publication(bracket.group(0)), "role": "title"} if named else None
            return own, inner
    return None

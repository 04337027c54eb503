"""Consistency (DRAFTING.md T3): jenis, pejabat, daerah, signer and Berita/Lembaran Daerah agree; an amending
act's instructions name the act it amends (C1).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rancang import kinds
from rancang.generate.check.base import Finding, finding, norm
from rancang.tree import Regulation


def _others(kind: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(the heads that never sign an act of a region of ``kind``, the words of the other kinds of region), from
    :func:`rancang.kinds.regions`: a kabupaten's act names no Wali Kota (its Gubernur it may name), a provinsi's no
    Bupati or Wali Kota."""
    own = kinds.regions()[kind]
    others = [r for r in kinds.regions().values() if r.key != kind]
    heads = "|".join(s.replace(" ", r"\s?") for r in others if r.level >= own.level for s in r.spellings)
    words = "|".join(w for r in others for w in (r.word, *r.old_words))
    return re.compile(rf"\b(?:{heads})\b", re.IGNORECASE), re.compile(rf"^(?:{words})\b", re.IGNORECASE)


#: the marks before a signer's office: an acting head ("Pj.", "Plt.", "Plh.") or one signing for another ("a.n.")
_ACTING = re.compile(r"^(?:(?:Pj|Plt|Plh|a\.n)\.\s*)+", re.IGNORECASE)


def check_agreement(reg: Regulation) -> Iterator[Finding]:
    """T3: Provinsi <-> Gubernur <-> Berita Daerah Provinsi; Kabupaten <-> Bupati <-> Berita Daerah Kabupaten;
    Kota <-> Wali Kota <-> Berita Daerah Kota (the heads of :mod:`rancang.kinds`)."""
    kind = reg.meta.daerah_jenis
    office = kinds.head(kind)
    if kind is None or office is None:
        return
    wrong, other_kind = _others(kind)
    for what, value in (("jenis peraturan", reg.meta.jenis), ("pejabat", reg.meta.pejabat)):
        if value and wrong.search(value):
            yield finding("T3", "Judul", what=what, found=value, daerah_jenis=kind, expected=office)
    bd = (reg.meta.berita_daerah.nama if reg.meta.berita_daerah else None) or ""
    # the word after "Berita Daerah" / "Lembaran Daerah" is the kind of region ("Berita Daerah Kota Bogor")
    level_word = re.sub(r"^(?:Berita|Lembaran)\s+Daerah\s+", "", bd, flags=re.I)
    if bd and other_kind.match(level_word):
        yield finding("T3", "Penutup", what="Berita Daerah", found=bd, daerah_jenis=kind,
                      expected=f"Berita Daerah {kinds.regions()[kind].word}")
    for line in reg.penutup.lines:
        s = line.strip().rstrip(",")
        office_words = _ACTING.sub("", s)  # "Pj. WALI KOTA SUKAMAJU": the office is in capitals, its mark is not
        if office_words.isupper() and wrong.search(s) and not s.startswith(("DITETAPKAN", "DIUNDANGKAN")):
            yield finding("T3", "Penutup", what="penanda tangan", found=s, daerah_jenis=kind,
                          expected=office.upper())


#: a region named with its word: "Kabupaten Jepara", "Kota Bogor" (the words of a kabupaten's or kota's peers); a
#: provinsi's act is held to "Provinsi Jawa Tengah"
_NAME = r"\s+((?:[A-Z][\w'-]*)(?:\s+[A-Z][\w'-]*)*)"
_REGION = re.compile(r"\b(Kabupaten|Kota)" + _NAME)


def _region_pattern(kind: str | None) -> re.Pattern[str]:
    """The named regions to compare with the act's own: its peers' words (:data:`_REGION`), or a provinsi's."""
    region = kinds.regions().get(kind or "")
    if region is None or region.level != 1:
        return _REGION
    return re.compile(rf"\b({'|'.join((region.word, *region.old_words))})" + _NAME)


def check_region(reg: Regulation) -> Iterator[Finding]:
    """T3_daerah: the region named in Pasal 1 ("Daerah adalah Kabupaten X"), the pengundangan sentence and the
    Berita Daerah line is the act's own region."""
    daerah = norm(reg.meta.daerah)
    if not daerah:
        return
    own = daerah.lower()
    places = []
    p1 = reg.find("Pasal 1")
    if p1 is not None:
        places += [(c.cite, c.text) for c in p1.children
                   if re.match(rf"\s*(Daerah|{kinds.heads_pattern()}|Pemerintah\s+Daerah)\s+adalah\b", c.text)]
    pasals = reg.pasals()
    if pasals:
        places += [(n.cite, n.text) for n in pasals[-1].walk() if "penempatannya" in n.text]
    named = _region_pattern(reg.meta.daerah_jenis)
    for cite, text in places:
        for m in named.finditer(text):
            name = norm(m.group(0))
            if not own.startswith(name.lower()) and not name.lower().startswith(own):
                yield finding("T3_daerah", cite, found=name, expected=daerah)


_AMENDED = re.compile(r"PERUBAHAN\s+(?:\w+\s+)?ATAS\s+(PERATURAN\s+[A-Z ]+?|UNDANG-UNDANG)\s+"
                      r"(?:[A-Z ]+?\s+)?NOMOR\s+(\w+)\s+TAHUN\s+(\d{4})")
_NAMED = re.compile(r"\b(Peraturan\s+(?:Bupati|Wali\s?Kota|Daerah|Gubernur|Pemerintah|Presiden|Menteri)[\w ]*?|"
                    r"Undang-Undang)\s+Nomor\s+(\w+)"
                    r"\s+Tahun\s+(\d{4})")


def check_amendment(reg: Regulation) -> Iterator[Finding]:
    """C1: in an amending act ("Perubahan atas Peraturan Bupati Nomor 1 Tahun 2024 ..."), Pasal I's instructions
    name the amended act, not another."""
    m = _AMENDED.search(norm(reg.meta.tentang).upper())
    pasals = reg.pasals()
    if not m or not pasals or (pasals[0].number or "").upper() != "I":
        return
    nomor, tahun = m.group(2), m.group(3)
    for node in pasals[0].walk():
        if node.type == "perubahan":
            continue
        # the first act Pasal I names is the amended one; later ones are in its title ("... tentang Pelaksanaan
        # Undang-Undang Nomor 23 Tahun 2006")
        n = _NAMED.search(node.text if node is pasals[0] else "")
        if n is not None and (n.group(2), n.group(3)) != (nomor, tahun):
            yield finding("C1", node.cite, found=norm(n.group(0)), expected=f"Nomor {nomor} Tahun {tahun}")


CHECKS = [check_agreement, check_region, check_amendment]

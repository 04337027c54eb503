"""Consistency (DRAFTING.md T3): jenis, pejabat, daerah, signer and Berita/Lembaran Daerah agree; an amending
act's instructions name the act it amends (C1).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rancang.generate.checks.base import Finding, finding, norm
from rancang.tree import Regulation


def check_agreement(reg: Regulation) -> Iterator[Finding]:
    """T3: Kabupaten <-> Bupati <-> Berita Daerah Kabupaten; Kota <-> Wali Kota <-> Berita Daerah Kota."""
    kind = reg.meta.daerah_jenis
    if kind not in ("kabupaten", "kota"):
        return
    office, other = ("Bupati", r"wali\s?kota") if kind == "kabupaten" else ("Wali Kota", r"bupati")
    wrong = re.compile(rf"\b{other}\b", re.IGNORECASE)
    other_kind = re.compile(r"\bkota\b" if kind == "kabupaten" else r"\bkabupaten\b", re.IGNORECASE)
    for what, value in (("jenis peraturan", reg.meta.jenis), ("pejabat", reg.meta.pejabat)):
        if value and wrong.search(value):
            yield finding("T3", "Judul", what=what, found=value, daerah_jenis=kind, expected=office)
    bd = (reg.meta.berita_daerah.nama if reg.meta.berita_daerah else None) or ""
    if bd and other_kind.search(bd):
        yield finding("T3", "Penutup", what="Berita Daerah", found=bd, daerah_jenis=kind,
                      expected=f"Berita Daerah {kind.title()}")
    for line in reg.penutup.lines:
        s = line.strip().rstrip(",")
        if s.isupper() and wrong.search(s) and not s.startswith(("DITETAPKAN", "DIUNDANGKAN")):
            yield finding("T3", "Penutup", what="penanda tangan", found=s, daerah_jenis=kind,
                          expected=office.upper())


_REGION = re.compile(r"\b(Kabupaten|Kota)\s+((?:[A-Z][\w'-]*)(?:\s+[A-Z][\w'-]*)*)")


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
                   if re.match(r"\s*(Daerah|Bupati|Wali\s?Kota|Pemerintah\s+Daerah)\s+adalah\b", c.text)]
    pasals = reg.pasals()
    if pasals:
        places += [(n.cite, n.text) for n in pasals[-1].walk() if "penempatannya" in n.text]
    for cite, text in places:
        for m in _REGION.finditer(text):
            name = norm(m.group(0))
            if not own.startswith(name.lower()) and not name.lower().startswith(own):
                yield finding("T3_daerah", cite, found=name, expected=daerah)


_AMENDED = re.compile(r"PERUBAHAN\s+(?:\w+\s+)?ATAS\s+(PERATURAN\s+[A-Z ]+?|UNDANG-UNDANG)\s+"
                      r"(?:[A-Z ]+?\s+)?NOMOR\s+(\w+)\s+TAHUN\s+(\d{4})")
_NAMED = re.compile(r"\b(Peraturan\s+(?:Bupati|Wali\s?Kota|Daerah|Gubernur)[\w ]*?|Undang-Undang)\s+Nomor\s+(\w+)"
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
        for n in _NAMED.finditer(node.text if node is pasals[0] else ""):
            if (n.group(2), n.group(3)) != (nomor, tahun):
                yield finding("C1", node.cite, found=norm(n.group(0)), expected=f"Nomor {nomor} Tahun {tahun}")


CHECKS = [check_agreement, check_region, check_amendment]

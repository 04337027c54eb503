"""The pembukaan and the konsiderans as a whole (UU 12/2011 Lampiran II angka 15, 21-27, 58-59): the frasa "DENGAN
RAHMAT TUHAN YANG MAHA ESA"; each consideration one complete sentence -- not a purpose phrase left without its
predicate ("bahwa untuk melaksanakan ketentuan Pasal 5 ...;" with no "perlu menetapkan"), not two "bahwa" in one
item; the last of several considerations resting on the earlier ones; the name after "Menetapkan:" the judul's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rancang.fold import fold
from rancang.generate.check.base import Finding, finding, item_cite, jenis_of, lost_words, norm
from rancang.tree import Regulation

#: a consideration that opens with a purpose ("bahwa untuk ...", "bahwa dalam rangka ...", "bahwa guna ...")
#: ... to carry out another provision: "bahwa untuk melaksanakan ketentuan Pasal 5 ...", the fragment kind
_PURPOSE = re.compile(r"^bahwa\s+(?:untuk|dalam\s+rangka|guna)\s+(?:melaksanakan|menindaklanjuti)\b", re.I)
#: what completes it: the conclusion "perlu ...", "maka ...", a predicate, or a main clause after a comma
_PREDICATE = re.compile(r"\b(?:perlu|diperlukan|maka|dipandang|harus|wajib|sudah|telah)\b|,\s", re.I)
_FRASA = "dengan rahmat tuhan yang maha esa"


def check_pembukaan(reg: Regulation) -> Iterator[Finding]:
    """P1: the pembukaan carries "DENGAN RAHMAT TUHAN YANG MAHA ESA" before the maker's office (UU 12/2011
    Lampiran II angka 15). Looked for only when the text has a konsiderans (the pembukaan was read)."""
    if not reg.menimbang or not reg.preamble or jenis_of(reg).lower().startswith("keputusan"):
        return  # a Keputusan is no peraturan perundang-undangan: Permendagri 80/2015 gives it no such frasa
    text = " ".join(fold(x) for x in reg.preamble)
    if _FRASA not in " ".join(re.sub(r"[^a-z]+", " ", text).split()):
        yield finding("P1", "Pembukaan")


def check_considerations(reg: Regulation) -> Iterator[Finding]:
    """K3: a consideration that is only a purpose phrase ("bahwa untuk melaksanakan ketentuan ...;" with no
    predicate) is a fragment; K1_double: one item holds two considerations (", bahwa ..."); K2_basis: the last of
    several considerations rests on the earlier ones ("bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam
    huruf a ...")."""
    items = reg.menimbang
    for item in items:
        text = norm(item.text)
        cite = item_cite("Menimbang", items, item)
        if _PURPOSE.match(text) and not _PREDICATE.search(text):
            yield finding("K3", cite, start=" ".join(text.split()[:5]))
        if re.search(r"[,;]\s+bahwa\b", text):
            yield finding("K1_double", cite)
    if len(items) > 1:
        last = norm(items[-1].text)
        if re.search(r"\bperlu\s+(?:menetapkan|membentuk)\b", last, re.I) and not re.search(
                r"\bpertimbangan\b|\bdimaksud\b|\bhuruf\s+[a-z]\b|\btersebut\b|\bdi\s+atas\b", last, re.I):
            yield finding("K2_basis", item_cite("Menimbang", items, items[-1]))


def _words(s: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9/]+", " ", fold(s).replace("- ", "-")).split())


def check_menetapkan(reg: Regulation) -> Iterator[Finding]:
    """D1_title: the jenis and name after "Menetapkan:" repeat the judul's name (UU 12/2011 Lampiran II angka 58-59);
    compared word for word, case and punctuation aside."""
    judul = norm(reg.meta.tentang)
    lines = [norm(x) for x in reg.diktum if norm(x)]
    idx = next((i for i, x in enumerate(lines) if x.lower().startswith("menetapkan")), None)
    if idx is None or not judul:
        return
    text = " ".join(lines[idx:])
    m = re.search(r"\bTENTANG\s+(.+?)\.?\s*$", text, re.I)
    if not m:
        return
    named = m.group(1)
    last = re.search(r"perlu\s+(?:menetapkan|membentuk)\s+.+?\s+tentang\s+(.+?);?\s*$",
                     norm(reg.menimbang[-1].text) if reg.menimbang else "", re.I)
    if last and _words(last.group(1)) == _words(named):
        return  # the konsiderans and the diktum agree against the judul as read: the reading of the judul is in doubt
    if _words(named) != _words(judul):
        f = finding("D1_title", "Diktum", found=named.strip(), judul=judul)
        if _read_with_more(_words(named).split(), _words(judul).split()) \
                or lost_words(_words(judul).split(), _words(named).split()):
            # "PERATURAN PEMERINTAH ... NOMOR 22 TAHUN 2016 TENTANG PERATURAN PEMERINTAH ... NOMOR 22 TAHUN 2016
            # TENTANG PEMBERIAN ... MENIMBANG MENGINGAT" (PP 22/2016's copy): the name is there whole
            f["reading_doubt"] = ("judul terbaca bersama baris lain (kop yang tercetak dua kali, kata Menimbang) atau "
                                  "kehilangan kata-kata dalam salinan")
        yield f


def _read_with_more(named: list[str], judul: list[str]) -> bool:
    """Whether the judul as read holds the name word for word with other lines of the copy around it: its own
    heading again ("... NOMOR 22 TAHUN 2016 TENTANG") or the words that follow it ("MENIMBANG MENGINGAT")."""
    n = len(named)
    for i in range(len(judul) - n + 1):
        if n and judul[i:i + n] == named:
            rest = set(judul[:i] + judul[i + n:])
            return bool(rest & {"tentang", "nomor", "menimbang", "mengingat"})
    return False




CHECKS = [check_pembukaan, check_considerations, check_menetapkan]

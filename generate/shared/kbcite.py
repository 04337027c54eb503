"""Acts cited from the knowledge base (:mod:`rancang.kb`): the words of a Mengingat entry, a letter's Dasar or a
Keputusan's Mengingat, with every fact the knowledge base holds as *verified* and a visible blank ("Nomor ....")
for every fact it does not, each blank returned so that the caller lists it under what must be filled.

No number is typed into a template or a data file: the data names acts by key ("uu-2014-23") and this module
prints them (UU 12/2011 Lampiran II angka 28-50 for the form: "Undang-Undang Nomor 23 Tahun 2014 tentang
Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2014 Nomor 244, Tambahan Lembaran Negara Republik
Indonesia Nomor 5587)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rancang.kb import evidence, store
from rancang.kb.acts import jenis_of

BLANK = "...."
#: the gazette an act of each kind is promulgated in and whether it has a Tambahan (UU 12/2011 Pasal 81-82)
GAZETTE = {"uu": ("ln", True), "perppu": ("ln", True), "pp": ("ln", True), "perpres": ("ln", False),
           "uudrt": ("ln", True)}
_NAMES = {"ln": "Lembaran Negara Republik Indonesia", "bn": "Berita Negara Republik Indonesia"}


@dataclass
class Cited:
    """An act's printed citation and the facts left blank in it (Indonesian, "Nomor Tambahan Lembaran Negara
    Undang-Undang Nomor 9 Tahun 1965")."""

    text: str
    blanks: list[str] = field(default_factory=list)
    key: str = ""
    jenis: str = ""
    nomor: str | None = None
    tahun: int | None = None
    tentang: str = ""
    amendments: list[dict[str, Any]] = field(default_factory=list)


def is_key(text: object) -> bool:
    """Is ``text`` an act's key in the knowledge base ("uu-2023-20"), not words to print?"""
    return isinstance(text, str) and store.load().get(text) is not None


def _kind(key: str) -> str:
    return re.sub(r"-\d{4}-[0-9a-z.-]+$", "", key)


def _verified(base: store.KnowledgeBase, key: str, name: str) -> Any:
    fact = base.fact(key, name)
    return fact["value"] if fact and fact["status"] == "verified" else None


def publication(base: store.KnowledgeBase, key: str) -> tuple[str, list[str]]:
    """The bracketed publication of act ``key`` and the blanks in it. The gazette is the one the knowledge base
    records for it, else the one its kind is promulgated in (a Peraturan Menteri: Berita Negara)."""
    rec = base.get(key)
    name = base.name(key)
    kind = _kind(key)
    gazette, tambahan = GAZETTE.get(kind, ("bn", False))
    facts = rec["facts"] if rec else {}
    if "ln" in facts and "bn" not in facts:
        gazette = "ln"
    elif "bn" in facts and "ln" not in facts:
        gazette, tambahan = "bn", False
    blanks: list[str] = []
    value = _verified(base, key, gazette)
    tahun = rec["tahun"] if rec else BLANK
    if value:
        text = f"{_NAMES[gazette]} Tahun {value[0]} Nomor {value[1]}"
    else:
        text = f"{_NAMES[gazette]} Tahun {tahun} Nomor {BLANK}"
        blanks.append(f"Nomor {_NAMES[gazette]} {name}")
    if tambahan:
        tln = _verified(base, key, "tln")
        text += f", Tambahan Lembaran Negara Republik Indonesia Nomor {tln if tln else BLANK}"
        if not tln:
            blanks.append(f"Nomor Tambahan Lembaran Negara {name}")
    return f"({text})", blanks


def title(base: store.KnowledgeBase, key: str) -> tuple[str, list[str]]:
    """The act's title (its "tentang"), and a blank note when the knowledge base does not hold it verified."""
    fact = base.fact(key, "tentang")
    if fact and fact["status"] == "verified":
        return str(fact["value"]), []
    if fact:
        return str(fact["value"]), [f"judul {base.name(key)} (sumber berbeda atau hanya satu; periksa naskah resminya)"]
    return BLANK, [f"judul {base.name(key)}"]


def plain(key: str) -> Cited:
    """Act ``key`` named with its title, no publication (a letter's Dasar): "Peraturan Menteri ... Nomor 7 Tahun
    2022 tentang Sistem Kerja ..."."""
    base = store.load()
    t, blanks = title(base, key)
    return Cited(text=f"{base.name(key)} tentang {t}", blanks=blanks, key=key, tentang=t)


def latest_amendments(base: store.KnowledgeBase, key: str, year: int | None, date: str | None = None,
                      region: str | None = None) -> list[str]:
    """The verified amendments of act ``key`` made before a text of ``year`` (``date``), oldest first, without
    those themselves repealed by then (UU 11/2020, replaced by UU 6/2023); with ``region``, without an act forming
    another region (:func:`rancang.kb.evidence.covers`: UU 9/1965 for a text of Kabupaten Magelang)."""
    out = []
    for rel in evidence.relations(base, key, "amended_by"):
        if rel["status"] != "verified" or not evidence.made_before(base, rel["act"], date, year):
            continue
        if region is not None and not evidence.covers(base, rel["act"], region):
            continue
        if any(r["status"] == "verified" and evidence.made_before(base, r["act"], date, year)
               for r in evidence.relations(base, rel["act"], "repealed_by")):
            continue
        out.append(rel["act"])
    rec_year = {k: (evidence.date_of(base, k) or str((base.get(k) or {}).get("tahun"))) for k in out}
    return sorted(out, key=lambda k: rec_year[k])


def mengingat(key: str, year: int | None, pasal: str | None = None, date: str | None = None) -> Cited:
    """Act ``key`` as a Mengingat entry cites it, for a text of ``year``: title, publication and its latest
    amendment ("sebagaimana telah [beberapa kali] diubah [terakhir] dengan ..."), blanks where the knowledge base
    holds nothing verified. Raises KeyError for an act the knowledge base does not know (a data error)."""
    base = store.load()
    rec = base.get(key)
    if rec is None:
        raise KeyError(key)
    if key == "uud-1945":
        return Cited(text=f"{pasal + ' ' if pasal else ''}{base.name(key)}", key=key, jenis="Undang-Undang Dasar",
                     tahun=1945, tentang=base.name(key))
    t, blanks = title(base, key)
    pub, more = publication(base, key)
    text = f"{base.name(key)} tentang {t} {pub}"
    blanks += more
    words, more, extra = chain(base, key, year, date)
    text += words
    blanks += more
    return Cited(text=(f"{pasal} " if pasal else "") + text, blanks=blanks, key=key,
                 jenis=jenis_of(_kind(key)) or rec["jenis"], nomor=rec["nomor"], tahun=rec["tahun"], tentang=t,
                 amendments=extra)


def chain(base: store.KnowledgeBase, key: str, year: int | None, date: str | None = None,
          region: str | None = None) -> tuple[str, list[str], list[dict[str, Any]]]:
    """The amendment chain of act ``key`` for a text of ``year`` (of ``region``: :func:`latest_amendments`)
    (" sebagaimana telah [beberapa kali] diubah [terakhir] dengan ...", "" without a verified amendment), its
    blanks, and the last amendment as {jenis, nomor, tahun, tentang}."""
    amendments = latest_amendments(base, key, year, date, region)
    if not amendments:
        return "", [], []
    last = amendments[-1]
    verb = "sebagaimana telah diubah dengan" if len(amendments) == 1 else \
        "sebagaimana telah beberapa kali diubah terakhir dengan"
    lt, lb = title(base, last)
    lp, lpb = publication(base, last)
    lrec = base.get(last) or {}
    extra = [{"jenis": jenis_of(_kind(last)) or lrec.get("jenis"), "nomor": lrec.get("nomor"),
              "tahun": lrec.get("tahun"), "tentang": lt}]
    return f" {verb} {base.name(last)} tentang {lt} {lp}", lb + lpb, extra

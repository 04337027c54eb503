"""A capitalised term the draft uses and never defines, defined as the higher act defines it (issue 27: "Instansi
Pemerintah", used in Pasal 1's own definitions and in the lists of scopes, defined nowhere in the corpus).

UU 12/2011 Lampiran II angka 107-109: a term of the regulation is defined in its Ketentuan Umum; angka 98 and the
Mengingat: a regulation rests on the acts it cites. Where Pasal 1 of a national act that the draft's Mengingat
cites and that is in force defines the term (``dasar-nasional.json``, ``definisi``: read from the national texts by
``benchmarks/build_national_bases.py``, never typed), that definition is put in Pasal 1 word for word, before the
first definition that uses the term (else last), and catatan.md names its source. A term only a repealed act
defines (UU 5/2014, repealed by UU 20/2023, whose text rancang does not hold) or no cited act defines stays a
decision (:func:`terms.undefined`).
"""

from __future__ import annotations

import re
from typing import Any

from rancang.generate.draft import model_perbup
from rancang.generate.draft.definitions import pasal1
from rancang.generate.draft.notes import Notes
from rancang.tree import Node, Regulation

_KINDS = {"uu": "Undang-Undang", "pp": "Peraturan Pemerintah"}


def cited(act: str, mengingat: str) -> bool:
    """Whether the act key ("pp-2017-11") is cited in the Mengingat text ("Peraturan Pemerintah Nomor 11 Tahun
    2017 ...")."""
    kind, year, number = act.split("-")
    return re.search(rf"\b{_KINDS.get(kind, '?')}\s+Nomor\s+{number}\s+Tahun\s+{year}\b", mengingat) is not None


def _source(term: str, mengingat: str) -> dict[str, Any] | None:
    return next((d for d in model_perbup.national_definitions().get(term, [])
                 if not d.get("dicabut_oleh") and cited(d["akta"], mengingat)), None)


def add(reg: Regulation, undefined: list[str], notes: Notes) -> int:
    """Put in Pasal 1 of ``reg`` the national definition of each term of ``undefined`` (as :func:`terms.undefined`
    wrote it) that an act in force and cited in the Mengingat gives; one repair note each, naming the act, its
    Pasal and the file it was read from. Returns the number added (Pasal 1's angka numbered again); the caller
    numbers the tree again."""
    p1 = pasal1(reg.body)
    if p1 is None:
        return 0
    mengingat = " ".join(" ".join((e.text or "").split()) for e in reg.mengingat)
    # a reference into Pasal 1's list keeps its numbers: a definition then goes last
    pointed = any(t.startswith(f"{p1.id}/") for n in reg.walk() for r in n.refs for t in (r.target or []))
    count = 0
    for term in undefined:
        d = _source(term, mengingat)
        if d is None:
            continue
        node = Node(type="angka", text=d["teks"])
        uses = re.compile(rf"\badalah\b.*(?<![\w-]){re.escape(term)}(?![\w-])", re.IGNORECASE)
        at = next((i for i, c in enumerate(p1.children) if c.type == "angka" and uses.search(c.text or "")),
                  len(p1.children))
        p1.children.insert(len(p1.children) if pointed else at, node)
        notes.add("perbaikan", "definisi-nasional", f'istilah "{term}" dipakai tetapi tidak didefinisikan dalam '
                  f"Pasal 1; definisinya diambil kata demi kata dari {d['nama']} {d['pasal']}, yang dikutip dalam "
                  f"Mengingat dan masih berlaku (naskah: {d['sumber']}; UU 12/2011 Lampiran II angka 107-109).",
                  d["teks"], node=node)
        count += 1
    if count:
        items = [c for c in p1.children if c.type == "angka"]
        for k, c in enumerate(items, 1):
            c.number = str(k)
            c.label = re.sub(r"[0-9]+", c.number, c.label or f"{k}.", count=1)
    return count

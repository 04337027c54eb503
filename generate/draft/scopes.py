"""The Lampiran's scopes against the batang tubuh's (issue 27, item 3): a mechanism the Lampiran regulates "lintas
Perangkat Daerah" while the body lists the scopes of pelaksanaan tugas as lintas Unit Kerja, Unit Organisasi and
Instansi Pemerintah is a disagreement between the act and its Lampiran, which only explains the act (UU 12/2011
Lampiran II angka 192: the Lampiran is part of the act and says nothing the body does not).

A scope is "lintas" followed by a term Pasal 1 defines (or a capitalised name), read in the body and in the
Lampiran; each scope only the Lampiran has is a decision naming the body's scopes and their clauses.
"""

from __future__ import annotations

import re

from rancang.generate.draft.notes import Notes
from rancang.generate.draft.terms import definitions
from rancang.parts import Block
from rancang.tree import Node

#: "lintas" and the words after it: "lintas Unit Organisasi", "lintas perangkat daerah"
_LINTAS = re.compile(r"\blintas\s+((?:[A-Za-z]+\s+){0,3}[A-Za-z]+)", re.IGNORECASE)


def _scopes(text: str, terms: list[str]) -> set[str]:
    out = set()
    for m in _LINTAS.finditer(text):
        words = m.group(1).lower()
        term = next((t for t in terms if words == t or words.startswith(t + " ")), None)
        if term is not None:
            out.add(term)
    return out


def scope_terms(body: list[Node]) -> tuple[list[str], dict[str, str]]:
    """The terms a scope is made of (lower case, longest first) and each one's written form: Pasal 1's units and
    Instansi Pemerintah. A unit, not its head: "Pimpinan Unit Organisasi" (a word before another defined term of
    two words or more) is no scope; "Perangkat Daerah" (before the one-word "Daerah") is one."""
    pasal1 = next((n for top in body for n in top.walk() if n.type == "pasal"), None)
    defined = {t.lower(): t for _, t, _ in definitions(pasal1)} | {"instansi pemerintah": "Instansi Pemerintah"}
    units = [t for t in defined if not any(u != t and " " in u and t.endswith(" " + u) for u in defined)]
    return sorted(units, key=len, reverse=True), defined


def check(body: list[Node], blocks: list[Block], notes: Notes) -> list[str]:
    """List each "lintas <term>" scope of the Lampiran that the batang tubuh never names as a decision (one per
    scope, at its first Lampiran block); returns those scopes. Terms are Pasal 1's, longest first; a body that
    names no scope at all is not judged."""
    pasal1 = next((n for top in body for n in top.walk() if n.type == "pasal"), None)
    terms, defined = scope_terms(body)
    where: dict[str, list[str]] = {}
    cites: list[str] = []
    for top in body:
        for n in top.walk():
            found = _scopes(n.text or "", terms)
            for scope in found:
                where.setdefault(scope, []).append(n.cite)
            if found and n.cite and not (pasal1 is not None and n in pasal1.children):
                cites.append(n.cite)  # (Pasal 1's numbers may still change: U5)
    if not where:
        return []
    named = ", ".join(defined[s] for s in sorted(where))
    cited = f" ({', '.join(dict.fromkeys(cites))})" if cites else ""
    out: list[str] = []
    for b in blocks:
        for scope in sorted(_scopes(b.text or "", terms) - set(where) - set(out)):
            out.append(scope)
            notes.add("putusan", "lingkup-lampiran", f"Lampiran mengatur pelaksanaan tugas lintas {defined[scope]}, "
                      f"tetapi batang tubuh hanya menyebut lintas {named}{cited}; samakan ruang lingkupnya: tambahkan "
                      "ke batang tubuh atau ubah Lampiran.", b.text, block=b)
    return out


def _section(blocks: list[Block], heading: str) -> list[Block] | None:
    """The Lampiran blocks under the list item titled ``heading`` (case and spacing aside: "C. PELAKSANAAN TUGAS"
    for a Bagian "Pelaksanaan Tugas"; of several, the outermost), up to the next item of its level or above; None
    when no item is so titled."""
    want = " ".join(heading.lower().split())
    titled = [i for i, b in enumerate(blocks)
              if b.type == "item" and " ".join((b.text or "").lower().rstrip(":").split()) == want]
    if not titled:
        return None
    i = min(titled, key=lambda k: blocks[k].level or 0)  # the Lampiran's own part, not a sub-item of another
    out = []
    for c in blocks[i + 1:]:
        if c.type == "item" and (c.level or 0) <= (blocks[i].level or 0):
            break
        out.append(c)
    return out


def by_matter(body: list[Node], blocks: list[Block], notes: Notes) -> list[tuple[str, str]]:
    """Each body clause listing two scopes or more ("dalam Unit Organisasi, lintas Unit Organisasi, dan lintas
    Instansi Pemerintah") under a Bagian whose matter the Lampiran sets out in an item of the same title (Bagian
    "Pelaksanaan Tugas", Lampiran "C. PELAKSANAAN TUGAS"): a "lintas" scope the clause names and that part of the
    Lampiran never regulates is a decision (the Lampiran explains the act's matter, UU 12/2011 Lampiran II angka
    192; which side changes is the drafter's). Returns (clause cite, scope) of each."""
    terms, defined = scope_terms(body)
    out: list[tuple[str, str]] = []

    def visit(nodes: list[Node], bagian: str | None) -> None:
        for n in nodes:
            if n.type in ("bab", "bagian", "paragraf"):
                visit(n.children, n.heading if n.type == "bagian" and n.heading else bagian)
                continue
            if n.type != "pasal" or bagian is None:
                continue
            section = _section(blocks, bagian)
            if section is None:
                continue
            covered = set().union(*(_scopes(b.text or "", terms) for b in section)) if section else set()
            for clause in n.walk():
                named = _scopes(clause.text or "", terms)
                if len(re.findall(r"\b(?:dalam(?:\s+satu)?|lintas)\s+\w+", clause.text or "", re.I)) < 2:
                    continue
                for scope in sorted(named - covered):
                    out.append((clause.cite, scope))
                    notes.add("putusan", "lingkup-lampiran", f"ketentuan ini menyebut lintas {defined[scope]}, tetapi "
                              f"bagian Lampiran tentang {bagian.lower()} tidak mengaturnya; samakan ruang lingkupnya: "
                              "uraikan dalam Lampiran atau hapus dari ketentuan ini.", node=clause)

    visit(body, None)
    return out

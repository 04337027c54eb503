"""One delegation to the Lampiran per matter (UU 12/2011 Lampiran II angka 192: the batang tubuh states that a matter
is in the Lampiran, once, by the clause that says so: "... tercantum dalam Lampiran yang merupakan bagian tidak
terpisahkan dari ...").

A draft composed from several acts can delegate the same matter twice: an ayat closing a Pasal ("Rincian kedudukan
sebagaimana dimaksud pada ayat (1) ... tercantum dalam Lampiran ...") and a later Pasal delegating a range of Pasal
at once ("Penjabaran kedudukan, penugasan ... sebagaimana dimaksud dalam Pasal 7 sampai dengan Pasal 12 tercantum
dalam Lampiran ..."). The range delegation covers every matter of its Pasal, so the clause delegating one of them
again is removed (a repair, listed); a Pasal left with a single ayat is then written without its "(1)" (ayat are
numbered only where a Pasal has several, DRAFTING.md B2). A clause another provision refers to is never removed.
"""

from __future__ import annotations

import re

from rancang.generate.draft.notes import Notes
from rancang.generate.draft.provenance import alias, origin, set_origin
from rancang.tree import Node, Regulation

#: a clause that puts its matter in the Lampiran ("tercantum dalam Lampiran", "diatur dalam Lampiran")
DELEGATES = re.compile(r"\b(?:tercantum|diatur|dimuat)\s+dalam\s+Lampiran\b", re.IGNORECASE)


def _pasal_of(target: str) -> str:
    """"pasal-7/ayat-2" -> "pasal-7"."""
    return target.split("/", 1)[0]


def _delegations(reg: Regulation) -> list[tuple[Node, Node]]:
    """(Pasal, clause) of every clause of the batang tubuh delegating to the Lampiran: a Pasal without ayat or an
    ayat."""
    out = []
    for top in reg.body:
        for pasal in top.walk():
            if pasal.type != "pasal":
                continue
            ayat = pasal.child_list("ayat")
            for clause in ayat or [pasal]:
                if DELEGATES.search(clause.text):
                    out.append((pasal, clause))
    return out


def one_per_matter(reg: Regulation, notes: Notes, moved: dict[int, Node] | None = None) -> bool:
    """Remove each clause that delegates to the Lampiran the matter of a Pasal another delegation already covers by
    citing that Pasal (``reg``'s references resolved); each removal a repair naming the covering clause. ``moved``
    receives id() of a lone ayat -> the Pasal that took its text (holders of that node follow it). Returns whether
    the tree changed (number and resolve it again then)."""
    found = _delegations(reg)
    changed = False
    for cover_pasal, cover in found:
        pasal_refs = {_pasal_of(t) for r in cover.refs if r.kind == "internal" for t in r.target
                      if "/" not in t and t != cover_pasal.id}
        if not pasal_refs:
            continue
        for pasal, clause in found:
            cited = _cited(reg)
            if clause is cover or pasal.id not in pasal_refs or clause.id in cited or pasal is cover_pasal:
                continue
            if clause is pasal:  # a Pasal that is only a delegation: the covering clause cites it, so it stays
                continue
            ayat = pasal.child_list("ayat")
            later = ayat[ayat.index(clause) + 1:]
            if any(a.id == t or t.startswith(a.id + "/") for a in later for t in cited):
                continue  # the ayat after it are cited by their numbers, which would move
            pasal.children.remove(clause)
            for k, a in enumerate(pasal.child_list("ayat"), 1):
                a.number, a.label = str(k), f"({k})"
            notes.items = [n for n in notes.items if n.node is not clause]
            notes.add("perbaikan", "delegasi-ganda",
                      f"materi {pasal.cite} telah didelegasikan ke Lampiran oleh {cover.cite} (yang merujuk "
                      f"{pasal.cite}); satu materi didelegasikan satu kali (UU 12/2011 Lampiran II angka 192), "
                      f"jadi {clause.cite} dihapus.", " ".join(clause.text.split()), cite=clause.cite)
            _unnumber_single(pasal, _cited(reg), notes, moved if moved is not None else {})
            changed = True
    return changed


def _cited(reg: Regulation) -> set[str]:
    """The ids every internal reference of the batang tubuh points to."""
    return {t for top in reg.body for n in top.walk() for r in n.refs if r.kind == "internal" for t in r.target}


def _unnumber_single(pasal: Node, cited: set[str], notes: Notes, moved: dict[int, Node]) -> None:
    """A Pasal left with one ayat takes that ayat's text, items, origin and notes (a Pasal of one ayat has no
    "(1)"), unless the ayat itself is referred to."""
    ayat = pasal.child_list("ayat")
    if len(ayat) != 1 or ayat[0].id in cited or any(t.startswith(ayat[0].id + "/") for t in cited):
        return
    only = ayat[0]
    at = pasal.children.index(only)
    pasal.text = only.text
    pasal.refs = only.refs
    pasal.children[at:at + 1] = only.children
    set_origin(pasal, origin(only), alias(only))
    moved[id(only)] = pasal
    # (the draft's own cite, never another act's: "Peraturan Bupati X Nomor 17 Tahun 2024 Pasal 10 ayat (1)")
    cite = re.compile(r"(?<!Tahun \d{4} )" + re.escape(only.cite) + r"(?![\d(])") if only.cite else None
    for n in notes.items:
        if n.node is only:
            n.node = pasal
        if cite is not None:  # a note naming the ayat in its words ("Pasal 10 ayat (1)") names the Pasal now
            n.why = cite.sub(pasal.cite, n.why)

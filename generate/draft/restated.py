"""Clauses that restate a provision of a repealed national act (data: ``data/restated.json``, built by
``benchmarks/build_restated.py`` from the national texts and the knowledge base's repeals).

A regional act of 2022 restating UU 5/2014 Pasal 13 ("Jabatan ASN terdiri atas: a. Jabatan Administrasi; ...")
carries law UU 20/2023 has replaced; a draft citing UU 20/2023 in its Mengingat would assert the repealed list as
in force. Such a clause is removed from the draft and is a decision naming the repealed provision, the act that
repealed it, and what the drafter must do: restate the current act's provision from its official text (rancang
holds no text of it) or leave the matter to the higher act.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from rapidfuzz import fuzz

from rancang.fold import fold
from rancang.generate.draft.notes import Notes
from rancang.generate.shared import resources
from rancang.kb import store
from rancang.tree import Node

FILE = "draft/data/restated.json"
RULE = "rumusan-dicabut"


@cache
def load() -> dict[str, Any]:
    """{keterangan, ambang (0-1), ketentuan: [{akta, nama, pasal, teks, dicabut_oleh, sumber, ...}]}."""
    return json.loads(resources.read_text(FILE))


def _why(entry: dict[str, Any]) -> str:
    kb = store.load()
    by = ", ".join(kb.short(k) for k in entry["dicabut_oleh"])
    return (f"ketentuan ini mengulang {entry['nama']} {entry['pasal']} (\u201c{entry['teks'][:200]}\u201d), yang "
            f"telah dicabut oleh {by}; ketentuan itu tidak dimuat rancangan. Bila materinya diperlukan, rumuskan "
            f"menurut ketentuan {by} dari naskah resminya (rancang tidak memuat naskahnya), atau cukup berlaku "
            "peraturan yang lebih tinggi itu.")


def victims(body: list[Node]) -> dict[int, tuple[str, str]]:
    """id() of each Pasal, ayat or list item of ``body`` whose text (with its items) restates a repealed
    provision -> (rule, why), the form :func:`clauses.drop` takes."""
    data = load()
    entries = [(fold(e["teks"]).lower(), e) for e in data["ketentuan"]]
    cut = data["ambang"] * 100
    out: dict[int, tuple[str, str]] = {}
    for top in body:
        for n in top.walk():
            if n.type in ("pasal", "ayat") and (e := _restates(n, entries, cut)) is not None:
                out[id(n)] = (RULE, _why(e))
    return out


def _restates(node: Node, entries: list[tuple[str, dict[str, Any]]], cut: float) -> dict[str, Any] | None:
    text = fold(" ".join(node.full_text().split())).lower()
    return next((e for folded, e in entries if fuzz.token_sort_ratio(text, folded) >= cut), None)


def definitions(body: list[Node], notes: Notes) -> int:
    """A decision on each definition of Pasal 1 worded after a repealed act's ("Pegawai ASN adalah ..." as UU
    5/2014 Pasal 1 angka 2 words it): the term is needed, so it stays; its wording is the drafter's to bring in
    line with the act in force. Returns the number noted."""
    data = load()
    entries = [(fold(e["teks"]).lower(), e) for e in data["ketentuan"] if " angka " in e["pasal"]]
    pasal1 = next((n for top in body for n in top.walk() if n.type == "pasal"), None)
    count = 0
    for item in pasal1.children if pasal1 is not None else []:
        e = _restates(item, entries, data["ambang"] * 100)
        if e is not None and not reworded(item.full_text(), e["teks"]):
            by = ", ".join(store.load().short(k) for k in e["dicabut_oleh"])
            notes.add("putusan", RULE, f"definisi ini mengikuti {e['nama']} {e['pasal']}, yang telah dicabut oleh "
                      f"{by}; sesuaikan rumusannya dengan {by} dari naskah resminya (rancang tidak memuat naskahnya).",
                      node=item)
            count += 1
    return count


#: a word of the repealed text at least this close to a word of the clause is the same word (a typo: "diserahi" /
#: "disertai"), not a word the clause replaced
SAME_WORD = 80


def reworded(clause: str, repealed: str) -> bool:
    """Whether ``clause`` replaced a word of the ``repealed`` provision: a word of four letters or more the repealed
    text has and the clause lacks, with no close spelling in it ("digaji" where the clause says "diberikan
    penghasilan", as the act in force words it). Such a definition no longer follows the repealed wording, so it
    is no decision "mengikuti UU 5/2014": saying so would be stale."""
    words = set(fold(clause).lower().split())
    missing = [w for w in re.findall(r"[a-z]{4,}", fold(repealed).lower()) if w not in words]
    return any(all(fuzz.ratio(w, c) < SAME_WORD for c in words) for w in missing)


def settle(notes: Notes, act: str = "") -> None:
    """The removal of a restated clause is a decision of the drafter, not a mere removal; it names the clause in
    ``act``, the act it was removed from ("Rancangan (tidak dimuat: Pasal 5 Peraturan Wali Kota Bogor ...)")."""
    for n in notes.items:
        if n.kind == "dihapus" and n.rule == RULE:
            n.kind, n.cite = "putusan", f"Rancangan (tidak dimuat: {n.cite} {act or 'peraturan sumber'})"

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
            if n.type not in ("pasal", "ayat"):
                continue
            text = fold(" ".join(n.full_text().split())).lower()
            for folded, e in entries:
                if fuzz.token_sort_ratio(text, folded) >= cut:
                    out[id(n)] = (RULE, _why(e))
                    break
    return out


def settle(notes: Notes) -> None:
    """The removal of a restated clause is a decision of the drafter, not a mere removal."""
    for n in notes.items:
        if n.kind == "dihapus" and n.rule == RULE:
            n.kind, n.cite = "putusan", f"Rancangan (semula {n.cite} peraturan sumber)"

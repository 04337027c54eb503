"""The numbers inside an internal reference, read in the numbering of the act it was written in and rewritten to
the draft's (:func:`compose.rewrite_refs`), or probed before a clause is carried (:mod:`frommodel`)."""

from __future__ import annotations

import re

from rancang.address import ROOT, Address
from rancang.tree import Node

#: the tokens of an internal reference whose numbers change when the act is renumbered
_REF_TOKEN = re.compile(r"(?P<kw>pasal|ayat|huruf|angka)\s*(?P<open>\(?)(?P<num>\d+[A-Z]?|[a-z]{1,2})(?=\)|\b)",
                        re.IGNORECASE)


def containing_pasal(old_id: str) -> Address:
    """The Pasal holding clause ``old_id`` ("pasal-5/ayat-2" -> Pasal 5): where a relative "ayat (1)" points."""
    return Address.of(Address.parse(old_id).steps[:1])


def map_ref(ref_text: str, origin: str, pasal: Address, mapping: dict[tuple[str, str], Node]) -> tuple[str, bool]:
    """``ref_text`` with each number changed to the renumbered clause's, and whether a token named no clause:
    the tokens are read as an address relative to the clause's own Pasal, in the origin region's old numbering."""
    cur_pasal, cur_ayat = pasal, None
    missing = False

    def sub(m: re.Match) -> str:
        nonlocal cur_pasal, cur_ayat, missing
        kw, num = m.group("kw").lower(), m.group("num")
        if kw == "pasal":
            cur_pasal, cur_ayat = ROOT.child("pasal", num), None
            old = cur_pasal
        elif kw == "ayat":
            cur_ayat = cur_pasal.child("ayat", num)
            old = cur_ayat
        else:
            old = (cur_ayat or cur_pasal).child(kw, num)
        node = mapping.get((origin, old.id))
        if node is None or node.number is None:
            missing = True
            return m.group(0)
        return m.group(0)[: m.start("num") - m.start()] + node.number

    return _REF_TOKEN.sub(sub, ref_text), missing

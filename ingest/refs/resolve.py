"""Cross-references: find every "Pasal 5 ayat (2) huruf a", "pada ayat (1)", "Pasal 6 sampai dengan Pasal 18",
"huruf a, huruf b, dan huruf c" in the body's text and resolve it to node ids (``Node.refs``).

The work is split by job: :mod:`grammar` reads a text into reference chains (tokens, bare list values,
connectors, inside-out order), :mod:`targets` turns a chain into addresses (lists and ranges expanded, within
a bound), :mod:`acts` tells chains that belong to another act; this module resolves them against the tree.

    >>> [t.id for t, _ in targets_of("huruf a dan huruf b ayat (2)", "pasal-9", "pasal-9/ayat-1")]
    ['pasal-9/ayat-2/huruf-a', 'pasal-9/ayat-2/huruf-b']
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from rancang.address import Address
from rancang.ingest.konsiderans import citation
from rancang.ingest.refs.acts import Acts, external_chains
from rancang.ingest.refs.grammar import LEVELS, Item, chains
from rancang.ingest.refs.targets import expand, targets_of
from rancang.kinds import DIKTUM_NUMBER, diktum_value
from rancang.parts import Citation
from rancang.tree import Node, Ref, Regulation

__all__ = ["diktum_refs", "resolve", "targets_of"]


def _refs_in(node: Node, pasal: Address, ayat: Address | None, ids: set[str]) -> list[Ref]:
    """The references in one node's text: external ones with the other act's citation, internal ones with their
    targets in this tree (unresolved when a target is missing or a range was too wide to expand)."""
    text = node.text or ""
    refs: list[Ref] = []
    if not _may_refer(text):
        return refs
    found = list(chains(text))
    acts = Acts(text)
    external = external_chains(text, found, acts)
    cited: dict[int, Citation] = {}  # act offset -> its citation: a list of chains often cites one act
    for k, (start, end, items) in enumerate(found):
        act = external[k]
        if act is not None:
            if act not in cited:
                cited[act] = citation(text[act:act + 300].lstrip(" ,"))
            refs.append(Ref(text=text[start:end], kind="external", start=start, end=end, citation=replace(cited[act])))
            continue
        if k and external[k - 1] is None and _EXCEPT.match(text[found[k - 1][1]:start]):
            items = _within(found[k - 1][2], items)
        targets, complete = expand(items, pasal, ayat)
        resolved = complete and all(_exists(t.id, ids) for t, _ in targets)
        if not resolved:
            # a provision this act lacks, cited in a clause that names another act, belongs to that act
            at = acts.first_after(end)
            if at is not None:
                refs.append(Ref(text=text[start:end], kind="external", start=start, end=end,
                                citation=citation(text[at:at + 300])))
                continue
        refs.append(Ref(text=text[start:end], kind="internal", target=[_canonical(t.id, ids) for t, _ in targets],
                        resolved=resolved, start=start, end=end))
    return refs


#: what joins an exception to the reference it narrows: "... dimaksud dalam Pasal 76 ayat (1), kecuali huruf c,
#: huruf i, dan huruf j" (UU 23/2014 Pasal 78), "... pada ayat (1) kecuali huruf e" (PP 43/2011 Pasal 5)
_EXCEPT = re.compile(r"\s*,?\s*(?:kecuali|selain)\s+$")


def _within(outer: list[Item], items: list[Item]) -> list[Item]:
    """``items`` (an exception's chain, "huruf c, huruf i, dan huruf j") read inside the provision the chain
    before it names ("Pasal 76 ayat (1)"): its last value of every level above the exception's first. An
    exception that starts as high as that chain ("Pasal 5, kecuali Pasal 6") is a chain of its own."""
    depth = LEVELS.index(items[0][0])
    last = {level: value for level, value, _ in outer}
    if LEVELS.index(outer[0][0]) >= depth:
        return items
    return [(level, last[level], False) for level in LEVELS[:depth] if level in last] + items


def _may_refer(text: str) -> bool:
    """Could ``text`` hold a reference token at all? (Plain substring tests: most clauses cite nothing, and
    a regex scan of every clause would cost more than the rest of resolving.)"""
    return "asal" in text or "ayat" in text or "huruf" in text or "angka" in text


def _exists(target: str, ids: set[str]) -> bool:
    return _canonical(target, ids) in ids


def _canonical(target: str, ids: set[str]) -> str:
    """"Pasal 1 huruf 3" style mismatches: a huruf/angka target may be numbered the other way in the tree."""
    if target in ids:
        return target
    alt = re.sub(r"/huruf-(\d+)$", r"/angka-\1", target)
    return alt if alt in ids else target


def resolve(reg: Regulation) -> None:
    """Fill ``refs`` of every node of the body.

    In an amending act, the references of an amendment instruction ("1. Ketentuan ayat (2) Pasal 3 diubah ...",
    "4. Pasal 8 dihapus.") name provisions of the amended act: they are refs of kind ``amendment``, with the
    amended act's citation (from the lead of Pasal I) and targets read as ids of that act, never dangling
    internal references of this one."""
    ids = {n.id for n in reg.walk() if n.id}
    for pasal in reg.pasals():
        amended = _amended_act(pasal)
        _walk(pasal, Address.parse(pasal.id), None, ids, amended)
    dikta = {diktum_value(d.number or ""): d.id for d in reg.dikta()}
    for diktum in reg.dikta():
        here = Address.parse(diktum.id)
        for node in diktum.walk():
            refs = diktum_refs(node.text, ids, dikta)
            node.refs = sorted(refs + _items_in_diktum(node.text or "", here, refs, ids), key=lambda r: r.start)


@cache
def _diktum_ref() -> re.Pattern[str]:
    """A reference to a diktum: "Diktum KESATU", "Diktum KEDUA huruf a", "Diktum Ketiga angka 2" (its ordinal in
    any case). Compiled on first use, as :func:`rancang.kinds.diktum_heading` (issue 33)."""
    return re.compile(rf"\bDiktum\s+(?P<num>(?i:{DIKTUM_NUMBER}))(?![\w-])"
                      r"(?:\s+huruf\s+(?P<huruf>[a-z]{1,3})\b)?(?:\s+angka\s+(?P<angka>\d{1,3})\b)?")


#: an act named right after the reference: the diktum is that act's ("Diktum KESATU Keputusan Bupati Nomor 5 ...")
_ACT_AFTER = re.compile(r"\s*(?:Keputusan|Peraturan|Instruksi|Undang-Undang)\b")


def diktum_refs(text: str, ids: set[str], dikta: dict[int, str] | None = None) -> list[Ref]:
    """The references to a diktum in the text of a Keputusan's diktum: internal ones resolved against ``ids``,
    those followed by another act's name external with its citation. ``dikta`` (ordinal value -> id) lets "Diktum
    KESATU" find a first diktum printed "PERTAMA". (Relative references inside a diktum, "huruf a" alone, are read
    by :func:`_items_in_diktum`.)

    >>> [(r.target, r.resolved) for r in diktum_refs("dimaksud dalam Diktum KEDUA huruf b", {"diktum-kedua/huruf-b"})]
    [(['diktum-kedua/huruf-b'], True)]
    """
    refs: list[Ref] = []
    if "iktum" not in text:
        return refs
    for m in _diktum_ref().finditer(text):
        if _ACT_AFTER.match(text, m.end()):
            refs.append(Ref(text=m.group(0), kind="external", start=m.start(), end=m.end(),
                            citation=citation(text[m.end():m.end() + 300].lstrip(" ,"))))
            continue
        head = (dikta or {}).get(diktum_value(m.group("num")))
        steps = [(kind, m.group(kind)) for kind in ("huruf", "angka") if m.group(kind)]
        base = Address.parse(head) if head else Address.of([("diktum", " ".join(m.group("num").upper().split()))])
        target = Address.of([*base.steps, *steps]).id
        refs.append(Ref(text=m.group(0), kind="internal", target=[target], resolved=_exists(target, ids),
                        start=m.start(), end=m.end()))
    return refs


def _items_in_diktum(text: str, diktum: Address, taken: list[Ref], ids: set[str]) -> list[Ref]:
    """The references of a diktum's text to the diktum's own list items: "huruf a", "huruf a dan huruf b", "angka 2"
    alone, read as a Pasal's "huruf a" is read inside its Pasal (UU 12/2011 Lampiran II angka 215: a reference
    names the unit; inside one unit its items are named without repeating it). Only chains that start at a list
    item are read -- a Keputusan has no Pasal, so "Pasal 5" without an act's name is not this act's -- and never
    one inside a "Diktum KEDUA huruf a" already read (``taken``) or one followed by another act's name."""
    if "huruf" not in text and "angka" not in text:
        return []
    found = list(chains(text))
    external = external_chains(text, found, Acts(text))
    refs: list[Ref] = []
    for k, (start, end, items) in enumerate(found):
        if external[k] is not None or items[0][0] not in ("huruf", "angka") \
                or any(r.start <= start < r.end or start <= r.start < end for r in taken):
            continue
        targets, complete = expand(items, diktum, None)
        resolved = complete and all(_exists(t.id, ids) for t, _ in targets)
        refs.append(Ref(text=text[start:end], kind="internal", target=[_canonical(t.id, ids) for t, _ in targets],
                        resolved=resolved, start=start, end=end))
    return refs


#: the words of an amendment instruction
_INSTRUCTION = re.compile(r"\b(?:diubah|disisipkan|dihapus|ditambahkan|ditambah|berbunyi)\b")


def _amended_act(pasal: Node) -> Citation | None:
    """The citation of the act that a Pasal of an amending act changes (its Roman Pasal I holds amendment
    instructions), or None for an ordinary Pasal."""
    if (pasal.number or "1")[0].isdigit():
        return None
    if not any(n.type == "perubahan" or _INSTRUCTION.search(n.text or "") for n in pasal.children) \
            and not _INSTRUCTION.search(pasal.text or ""):
        return None
    return citation(pasal.text or "")


def _walk(node: Node, pasal: Address, ayat: Address | None, ids: set[str], amended: Citation | None = None) -> None:
    if node.type == "perubahan":
        return  # quoted text of an amendment refers to the amended act, not to this one
    if node.type == "ayat":
        ayat = Address.parse(node.id)
    node.refs = _refs_in(node, pasal, ayat, ids)
    if amended is not None and (node.type == "pasal" or _INSTRUCTION.search(node.text or "")):
        node.refs = [_instruction_ref(r, amended) for r in node.refs]
    for child in node.children:
        _walk(child, pasal, ayat, ids, amended)


#: where an amendment instruction's references are read: a chain always names its Pasal, this only fills the slot
_PASAL_1 = Address.parse("pasal-1")


def _instruction_ref(ref: Ref, amended: Citation) -> Ref:
    """An internal reference of an amendment instruction, turned to the amended act (kind ``amendment``)."""
    if ref.kind != "internal":
        return ref
    targets = [t.id for _, _, items in chains(ref.text) for t, _ in expand(items, _PASAL_1, None)[0]]
    return Ref(text=ref.text, kind="amendment", target=targets, resolved=False, start=ref.start, end=ref.end,
               citation=replace(amended))

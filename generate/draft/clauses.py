"""Choosing the clauses of a draft: ``--take`` swaps a topic's clause for another regulation's, and :func:`drop`
removes clauses at the grain of the clause (the neutralisation rules and the profile's options).
"""

from __future__ import annotations

import copy
import re

from rancang.address import covers
from rancang.errors import InputError
from rancang.generate.draft.notes import Notes
from rancang.generate.draft.provenance import origin as _origin
from rancang.generate.draft.provenance import set_origin
from rancang.generate.draft.provenance import tag as _tag
from rancang.generate.draft.sources import Sources
from rancang.topics import label as topic_label
from rancang.tree import CONTAINER_TYPES, LIST_TYPES, Node

#: the punctuation that closes a list item: "; dan", "; atau", "; dan/atau", ";", ".", ","
_ITEM_END = re.compile(r"(?:;\s*(?:dan/atau|dan|atau)|[.;,:])\s*$")


def _parent_map(body: list[Node]) -> dict[int, Node | None]:
    parents: dict[int, Node | None] = {}

    def visit(n: Node, parent: Node | None) -> None:
        parents[id(n)] = parent
        for c in n.children:
            visit(c, n)

    for n in body:
        visit(n, None)
    return parents


def _find(body: list[Node], origin: str, old_id: str) -> Node | None:
    for top in body:
        for n in top.walk():
            if _origin(n) == (origin, old_id):
                return n
    return None


def _replace(body: list[Node], target: Node, donor: Node) -> None:
    """Put the donor clause where the target clause is, adapting the level (Pasal <-> ayat).

    The new clause keeps the donor's origin (its references resolve among the donor's clauses) and carries the
    target's origin as an alias, so the base's references to the replaced clause follow it.
    """
    parents = _parent_map(body)
    parent = parents[id(target)]
    siblings = parent.children if parent is not None else body
    alias = _origin(target)
    if target.type == "ayat" and donor.type == "pasal" and donor.child_list("ayat"):
        i = siblings.index(target)  # splice the donor's ayat in place of the one ayat
        siblings[i:i + 1] = donor.children
        set_origin(donor.children[0], _origin(donor.children[0]), alias)
        return
    if target.type == "pasal" and donor.type == "ayat" or target.type == donor.type or target.type == "ayat":
        target.text, target.children, target.refs = donor.text, donor.children, donor.refs
        set_origin(target, _origin(donor), alias)
        return
    raise InputError(f"klausul {donor.cite} tidak dapat menggantikan {target.cite}.")


def take(body: list[Node], base_id: str, topic: str, region: str, src: Sources, notes: Notes) -> str:
    """Replace the base's clause on ``topic`` by the clause on it of corpus regulation ``region``; its store id."""
    donor_entry = src.entry(region, f"topik {topic_label(topic)}")
    donor_id = donor_entry["id"]
    base_topics, donor_topics = src.topics(base_id), src.topics(donor_id)
    if topic not in base_topics:
        raise InputError(f"topik '{topic}' tidak dikenal (pilihan: {', '.join(sorted(base_topics))}).")
    at, loc = base_topics.get(topic), donor_topics.get(topic)
    if loc is None:
        raise InputError(f"topik {topic_label(topic)} tidak diatur dalam {src.act(donor_id)}; ikuti peraturan dasar "
                         "untuk topik itu atau ambil dari daerah lain.")
    if at is None:
        raise InputError(f"topik {topic_label(topic)} tidak diatur dalam peraturan dasar {src.act(base_id)}, jadi "
                         "tidak ada klausul yang dapat diganti; pilih peraturan dasar lain.")
    target = _find(body, base_id, at["id"])
    donor = next((n for n in src.regulation(donor_id).walk() if n.id == loc["id"]), None)
    if target is None or donor is None:
        raise InputError(f"klausul topik {topic_label(topic)} tidak ditemukan ({at['cite']} / {loc['cite']}).")
    _replace(body, target, _tag(copy.deepcopy(donor), donor_id))
    notes.add("putusan", "take", f"klausul topik {topic_label(topic)} diambil dari {src.act(donor_id)} {loc['cite']}, "
              f"menggantikan {at['cite']} peraturan dasar; periksa kesesuaiannya dengan ketentuan di sekitarnya.",
              node=target if target.type != "ayat" or donor.type != "pasal" else None, cite=at["cite"])
    return donor_id


def _smallest(n: Node, rx: re.Pattern) -> Node | None:
    """The smallest clause under ``n`` (or ``n``) whose text with its descendants matches ``rx``."""
    if not rx.search(n.full_text()):
        return None
    for c in n.children:
        if c.type != "text" and (hit := _smallest(c, rx)) is not None:
            return hit
    return n


def drop(body: list[Node], patterns: list[tuple[re.Pattern, str, str, str]], notes: Notes,
         nodes: dict[int, tuple[str, str]] | None = None) -> int:
    """Remove, for each (regex, rule, why, grain), the smallest clause (Pasal, ayat or list item) whose text
    matches it (the Pasal holding it when grain is "pasal"), then each clause whose references point only to
    removed clauses (a range "Pasal 6 sampai dengan Pasal 18" survives the loss of one Pasal inside it). A list
    that loses an item keeps its closing punctuation. Each removal is noted with the clause's old cite. ``nodes``:
    clauses removed besides (id() of the node -> (rule, why)), as the model's composition chooses them."""
    victims: dict[int, tuple[str, str]] = dict(nodes or {})
    for top in body:
        for rx, rule, why, grain in patterns:
            for n in top.walk():
                if id(n) in victims or n.type not in ("pasal", "ayat", "huruf", "angka", "item"):
                    continue
                if (rx.search(n.full_text()) is not None if grain == "pasal" and n.type == "pasal"
                        else grain != "pasal" and _smallest(n, rx) is n):
                    victims[id(n)] = (rule, why)
    removed: set[tuple[str, str]] = set()
    lists: dict[int, tuple[Node, list[str]]] = {}

    def hits(origin: str, target: str) -> bool:
        return any(o == origin and covers(t, target) for o, t in removed)

    def sweep(nodes: list[Node], parent: Node | None) -> list[Node]:
        kept = []
        for n in nodes:
            why = victims.get(id(n))
            if why is None and n.type in ("pasal", "ayat", "huruf", "angka", "item") and any(
                    r.kind == "internal" and r.target and all(hits(_origin(n)[0], t) for t in r.target)
                    for r in n.refs):
                why = ("rujukan-terhapus", "hanya merujuk ketentuan yang tidak dibawa.")
            if why is not None:
                removed.update(_origin(x) for x in n.walk())
                notes.add("dihapus", why[0], why[1], n.full_text(), cite=n.cite)
                if parent is not None and n.type in LIST_TYPES:
                    lists.setdefault(id(parent), (parent, [_end(c.text) for c in _items(parent)]))
                continue
            had = bool(n.children)
            n.children = sweep(n.children, n)
            if n.type in CONTAINER_TYPES and not n.children:
                continue
            if n.type == "pasal" and had and not n.children and not n.text.strip():
                # a Pasal whose every ayat went is no Pasal (never an empty "Pasal 7" in the draft)
                removed.add(_origin(n))
                notes.add("dihapus", "pasal-kosong", "semua ayatnya tidak dibawa, jadi Pasal ini tidak dibawa.",
                          cite=n.cite)
                continue
            kept.append(n)
        return kept

    before = -1
    while before != len(removed):
        before = len(removed)
        body[:] = sweep(body, None)
    for parent, ends in lists.values():
        _close_list(parent, ends)
    return len(removed)


def _items(parent: Node) -> list[Node]:
    return [c for c in parent.children if c.type in LIST_TYPES]


def _end(text: str) -> str:
    m = _ITEM_END.search(text)
    return m.group(0).strip() if m else ""


def _close_list(parent: Node, ends: list[str]) -> None:
    """After items were removed: the last and second-to-last items take the list's original closing marks."""
    items = _items(parent)
    for item, mark in zip(reversed(items), reversed(ends[-2:]), strict=False):
        if mark and _end(item.text) != mark:
            item.text = _ITEM_END.sub("", item.text).rstrip() + ("" if mark[0] in ".;,:" else " ") + mark


#: the formula that introduces a reference, just before it: ", sebagaimana dimaksud pada/dalam "
_REF_FORMULA = re.compile(r",?\s*(?:yang\s+)?sebagaimana\s+(?:dimaksud|tercantum)\s+(?:pada|dalam)\s+$", re.IGNORECASE)


def void_refs(body: list[Node], ids: dict[str, set[str]], notes: Notes) -> int:
    """Remove the phrase "sebagaimana dimaksud pada ayat (3)" where the source act itself has no such clause (the
    reference was void before composing: Pasal 24 ayat (1) of a base citing an ayat (3) its Pasal lacks), noted as
    a repair. ``ids``: origin -> the node ids of that source act. A reference not introduced by the formula is left
    (the draft then stops, naming it). Returns the number of phrases removed."""
    removed = 0
    for top in body:
        for n in top.walk():
            origin = _origin(n)[0]
            known = ids.get(origin)
            if not n.refs or known is None:
                continue
            for ref in sorted(n.refs, key=lambda r: r.start, reverse=True):
                if ref.kind != "internal" or not ref.target or any(t in known for t in ref.target):
                    continue
                if n.text[ref.start:ref.end] != ref.text:
                    continue
                m = _REF_FORMULA.search(n.text[:ref.start])
                if m is None:
                    continue
                old = n.text
                n.text = n.text[:m.start()] + n.text[ref.end:]
                delta = ref.end - m.start()
                n.refs.remove(ref)
                for r in n.refs:
                    if r.start >= ref.end:
                        r.start, r.end = r.start - delta, r.end - delta
                notes.add("perbaikan", "rujukan-hampa",
                          f'rujukan "{ref.text}" dalam peraturan sumber menunjuk ketentuan yang tidak ada di sana; '
                          "frasa rujukannya dihapus. Periksa apakah ketentuan yang dimaksud perlu dirumuskan.",
                          old[max(0, m.start() - 60):ref.end + 20], node=n)
                removed += 1
    return removed

"""The core data model: one regulation as a clause tree, shared by every stage.

Ingest builds it, the JSON contract (``schema/regulation.schema.json``) serialises it, and model, generate and
corpus read it back with :meth:`Regulation.from_dict`. Nodes keep both the label as printed (``label``: "c." even
where an OCR slip printed "0") and the normalised ``number`` ("e"), so nothing of the source is lost while the
structure stays exact.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from rancang.kinds import BODY_UNITS, CONTAINERS, NODE_TYPES, NodeType
from rancang.kinds import LIST_TYPES as _LIST_TYPES
from rancang.parts import Block, Citation, Dasar, Konsiderans, Meta, PenjelasanBlock, Penutup, Source, Stats

#: Node types of the batang tubuh, outermost first (one vocabulary: :class:`rancang.kinds.NodeType`): the headings
#: (BAB, Bagian, Paragraf, and the body units Pasal and diktum), then the list items.
STRUCTURAL = tuple(t.value for t in (*CONTAINERS, *BODY_UNITS))
LIST_TYPES = tuple(t.value for t in _LIST_TYPES)
CONTAINER_TYPES = tuple(t.value for t in CONTAINERS)
__all__ = ["NODE_TYPES", "STRUCTURAL", "LIST_TYPES", "CONTAINER_TYPES", "Node", "Ref", "Regulation"]


def _plain(value: Any) -> Any:
    """A fresh copy of JSON-like data (dicts, lists, scalars), so a serialised tree never aliases the tree."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


@dataclass
class Ref:
    """One cross-reference found in a node's text.

    ``kind`` is "internal" (a Pasal/ayat/huruf of this act), "external" (a Pasal of another act, whose
    ``citation`` is kept) or "amendment" (a provision of the act that an amendment instruction changes:
    ``citation`` is that act, ``target`` holds ids of that act). ``target`` lists the node ids it points to;
    ``resolved`` says whether all exist.
    ``start``/``end`` are character offsets into the node's ``text``.
    """

    text: str
    kind: str
    target: list[str] = field(default_factory=list)
    resolved: bool = False
    start: int = 0
    end: int = 0
    citation: Citation | None = None

    def to_dict(self, copy: bool = True) -> dict[str, Any]:
        """The reference as JSON data; ``copy=False`` shares the target list (see :meth:`Node.to_dict`)."""
        return {"text": self.text, "kind": self.kind, "target": list(self.target) if copy else self.target,
                "resolved": self.resolved, "start": self.start, "end": self.end,
                "citation": None if self.citation is None else self.citation.to_dict()}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Ref:
        cited = d.get("citation")
        return cls(text=d["text"], kind=d["kind"], target=list(d.get("target") or []),
                   resolved=bool(d.get("resolved")), start=d.get("start") or 0, end=d.get("end") or 0,
                   citation=None if cited is None else Citation.from_dict(cited))


@dataclass
class Node:
    """A unit of the batang tubuh: BAB, Bagian, Paragraf, Pasal, ayat, huruf, angka, deeper item, or prose."""

    type: str
    number: str | None = None
    label: str | None = None
    heading: str | None = None
    text: str = ""
    children: list[Node] = field(default_factory=list)
    id: str = ""
    cite: str = ""
    refs: list[Ref] = field(default_factory=list)

    def to_dict(self, copy: bool = True) -> dict[str, Any]:
        """The node as JSON data (hand-written: ``dataclasses.asdict`` deep-copies and is 5x slower).

        ``copy=False`` shares the refs' data with the tree: for a look that is thrown away (schema validation)."""
        return {"type": self.type, "number": self.number, "label": self.label, "heading": self.heading,
                "text": self.text, "children": [c.to_dict(copy) for c in self.children], "id": self.id,
                "cite": self.cite, "refs": [r.to_dict(copy) for r in self.refs]}

    def walk(self) -> Iterator[Node]:
        """This node and every descendant, in document order (an explicit stack: nested generators cost a
        frame per level per node)."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            if node.children:
                stack.extend(reversed(node.children))

    def full_text(self) -> str:
        """The text of this node and of every descendant, in document order, joined by spaces (no labels)."""
        return " ".join(n.text for n in self.walk() if n.text)

    def child_list(self, *types: str) -> list[Node]:
        return [c for c in self.children if c.type in types]

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Node:
        return cls(
            type=d["type"],
            number=d.get("number"),
            label=d.get("label"),
            heading=d.get("heading"),
            text=d.get("text") or "",
            children=[cls.from_dict(c) for c in d.get("children") or []],
            id=d.get("id") or "",
            cite=d.get("cite") or "",
            refs=[Ref.from_dict(r) for r in d.get("refs") or []],
        )


@dataclass
class Regulation:
    """A whole regulation: identity, pembukaan, batang tubuh, penutup, Lampiran (and Penjelasan for national acts).

    ``preamble`` keeps the lines of the judul and pembukaan verbatim (they are also parsed into ``meta``);
    ``stats`` counts what was removed by rule (bullets, bold markers, page numbers ...) with the removed text
    itself, so conservation of characters can be proved (None for a tree that was not read from a text, such as
    a draft). The parts are the dataclasses of :mod:`rancang.parts`.
    """

    source: Source
    meta: Meta
    preamble: list[str] = field(default_factory=list)
    menimbang: list[Konsiderans] = field(default_factory=list)
    mengingat: list[Dasar] = field(default_factory=list)
    diktum: list[str] = field(default_factory=list)
    body: list[Node] = field(default_factory=list)
    penutup: Penutup = field(default_factory=Penutup)
    lampiran: list[Block] = field(default_factory=list)
    penjelasan: list[PenjelasanBlock] = field(default_factory=list)
    stats: Stats | None = None

    def walk(self) -> Iterator[Node]:
        """Every node of the batang tubuh, in document order."""
        stack = list(reversed(self.body))
        while stack:
            node = stack.pop()
            yield node
            if node.children:
                stack.extend(reversed(node.children))

    def pasals(self) -> list[Node]:
        """The Pasal of the batang tubuh, in order — not Pasal quoted inside an amendment (``perubahan``)."""
        out: list[Node] = []

        def visit(nodes: list[Node]) -> None:
            for n in nodes:
                if n.type == "pasal":
                    out.append(n)
                elif n.type in CONTAINER_TYPES:
                    visit(n.children)

        visit(self.body)
        return out

    def dikta(self) -> list[Node]:
        """The diktum of a Keputusan or Instruksi (KESATU, KEDUA ...), in order; [] for an act built of Pasal."""
        return [n for n in self.body if n.type == NodeType.DIKTUM]

    def units(self) -> list[Node]:
        """The body units of the act, whatever its kind: its Pasal, or the diktum of a Keputusan."""
        return self.pasals() or self.dikta()

    def index(self) -> dict[str, Node]:
        """Node id -> node, for resolving cites and references."""
        return {n.id: n for n in self.walk() if n.id}

    def ids(self) -> set[str]:
        """Every id a cite may resolve to: body nodes and Lampiran blocks ("lampiran-12")."""
        out = {n.id for n in self.walk() if n.id}
        out.update(b.id for b in self.lampiran if b.id)
        return out

    def find(self, cite: str) -> Node | None:
        """The node whose ``cite`` is ``cite`` ("Pasal 4 ayat (2) huruf a"), or None. A reader types "pasal 5" or
        "Pasal  5": an exact match wins, else the cites are compared case-folded with spaces collapsed."""
        exact = next((n for n in self.walk() if n.cite == cite), None)
        if exact is not None:
            return exact
        wanted = " ".join(cite.split()).casefold()
        return next((n for n in self.walk() if n.cite and " ".join(n.cite.split()).casefold() == wanted), None)

    def to_dict(self, copy: bool = True) -> dict[str, Any]:
        """The regulation as JSON data (the regulation schema). ``copy=False`` shares the tree's own dicts and
        lists instead of copying them: only for data that is read once and dropped, as in validating an ingest,
        where the copy would cost more than the validation itself."""
        def plain(value: Any) -> Any:
            return _plain(value) if copy else value

        stats = {} if self.stats is None else self.stats.to_dict()
        d = {"source": self.source.to_dict(), "meta": self.meta.to_dict(), "preamble": plain(self.preamble),
             "menimbang": [m.to_dict() for m in self.menimbang],
             "mengingat": [m.to_dict() for m in self.mengingat], "diktum": plain(self.diktum),
             "penutup": self.penutup.to_dict(), "lampiran": [b.to_dict() for b in self.lampiran],
             "penjelasan": [b.to_dict() for b in self.penjelasan],
             "stats": plain(stats), "body": [n.to_dict(copy) for n in self.body]}
        if not d["penjelasan"]:
            del d["penjelasan"]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Regulation:
        return cls(
            source=Source.from_dict(d.get("source") or {}),
            meta=Meta.from_dict(d.get("meta") or {}),
            preamble=list(d.get("preamble") or []),
            menimbang=[Konsiderans.from_dict(m) for m in d.get("menimbang") or []],
            mengingat=[Dasar.from_dict(m) for m in d.get("mengingat") or []],
            diktum=list(d.get("diktum") or []),
            body=[Node.from_dict(n) for n in d.get("body") or []],
            penutup=Penutup.from_dict(d.get("penutup") or {}),
            lampiran=[Block.from_dict(b) for b in d.get("lampiran") or []],
            penjelasan=[PenjelasanBlock.from_dict(b) for b in d.get("penjelasan") or []],
            stats=Stats.from_dict(d["stats"]) if d.get("stats") else None,
        )

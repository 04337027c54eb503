"""What the Baca page shows of one regulation: anchors, linked cross-references, findings and Penjelasan placed
beside the Pasal they concern.

Anchors are derived from node ids ("pasal-4/ayat-2" -> "n-pasal-4_ayat-2"), so a search hit, a diff row or a
finding can link to the clause. A cross-reference becomes a link to its first target when it is resolved, a marked
span when it points nowhere (with the reason as its tooltip), and a span carrying the cited act when external.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from typing import Any

from markupsafe import Markup

from rancang.kinds import PASAL_NUMBER
from rancang.parts import Citation, PenjelasanBlock
from rancang.tree import STRUCTURAL, Node, Regulation
from rancang.web import kbfacts

#: "Penjelasan Pasal 5", "Penjelasan Pasal 5 ayat (2)": a block the reader already tied to its Pasal
CITED_PASAL = re.compile(rf"\bPasal\s+(?P<n>{PASAL_NUMBER})\b")
#: a Penjelasan paragraph that opens the comment on one Pasal ("Pasal 3 Ayat (1) Yang dimaksud ...")
OPENS_PASAL = re.compile(rf"^Pasal\s+(?P<n>{PASAL_NUMBER})\b(?!\s+(?:ayat|huruf|angka)\b)")


def anchor(node_id: str) -> str:
    """The HTML id of a node or block: ``anchor("pasal-4/ayat-2")`` -> 'n-pasal-4_ayat-2'."""
    return "n-" + re.sub(r"[^\w-]", "_", node_id)


def act_key(jenis: Any, nomor: Any, tahun: Any) -> tuple[str, str, str]:
    """How an act is matched between a reference's citation and a corpus row: (jenis, nomor, tahun), lower case."""
    return (str(jenis or "").strip().lower(), str(nomor or "").strip().lower(), str(tahun or "").strip())


def linked_text(node: Node, acts: dict[tuple[str, str, str], str] | None = None) -> Markup:
    """The node's text, escaped, with each cross-reference turned into a link or a marked span.

    A reference of an amending act to the act it amends ("Ketentuan Pasal 5 diubah ...", kind "amendment") is a
    reference to another act, not a dangling one: a link to that act's clause when ``acts`` ({:func:`act_key`:
    corpus id}) holds it, else a span naming the act."""
    text = node.text or ""
    out: list[str] = []
    pos = 0
    for ref in sorted(node.refs, key=lambda r: r.start):
        if ref.start < pos or not (0 <= ref.start < ref.end <= len(text)):
            continue  # overlapping or stale offsets: keep the plain text
        out.append(escape(text[pos:ref.start]))
        piece = escape(text[ref.start:ref.end])
        if ref.kind in ("external", "amendment"):
            cited = escape(_citation_text(ref.citation))
            rid = (acts or {}).get(act_key(ref.citation.jenis, ref.citation.nomor, ref.citation.tahun)) \
                if ref.citation else None
            if rid:
                where = f"#{anchor(ref.target[0])}" if ref.kind == "amendment" and ref.target else ""
                out.append(f'<a class="ref ext" href="/baca/{escape(rid)}{where}" title="{cited}">{piece}</a>')
            else:
                out.append(f'<span class="ref ext" title="{cited}">{piece}</span>')
        elif ref.resolved and ref.target:
            out.append(f'<a class="ref" href="#{anchor(ref.target[0])}">{piece}</a>')
        else:
            out.append(f'<span class="ref broken" title="rujukan menunjuk ketentuan yang tidak ada">{piece}</span>')
        pos = ref.end
    out.append(escape(text[pos:]))
    return Markup("".join(out))


def _citation_text(citation: Citation | None) -> str:
    """'Peraturan Pemerintah Nomor 11 Tahun 2017' from a reference's citation (or 'peraturan lain')."""
    if citation is None:
        return "peraturan lain"
    parts = [citation.jenis or "Peraturan"]
    if citation.nomor:
        parts.append(f"Nomor {citation.nomor}")
    if citation.tahun:
        parts.append(f"Tahun {citation.tahun}")
    return " ".join(parts)


@dataclass
class Aside:
    """Notes shown beside one Pasal: its Penjelasan and the findings on it or its ayat/huruf."""

    penjelasan: list[PenjelasanBlock] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class ReaderView:
    """A regulation prepared for the reader template."""

    reg: Regulation
    asides: dict[str, Aside]
    general_findings: list[dict[str, Any]]
    penjelasan_rest: list[PenjelasanBlock]
    flagged: set[str]
    counts: dict[str, int]
    #: per Mengingat entry (by position), what the knowledge base of acts holds about the acts it cites
    dasar: list[list[dict[str, Any]]] = field(default_factory=list)
    #: acts of the corpus a reference may link to: {act_key: corpus id}
    acts: dict[tuple[str, str, str], str] = field(default_factory=dict)

    def aside(self, node: Node) -> Aside | None:
        return self.asides.get(node.id)


def pasal_of(reg: Regulation) -> dict[str, str]:
    """Cite of every body node -> id of the Pasal (or the diktum of a Keputusan) that holds it (a Pasal maps to
    itself)."""
    out: dict[str, str] = {}
    for pasal in reg.units():
        for n in pasal.walk():
            if n.cite:
                out.setdefault(n.cite, pasal.id)
    return out


def place_penjelasan(reg: Regulation) -> tuple[dict[str, list[PenjelasanBlock]], list[PenjelasanBlock]]:
    """({pasal id: Penjelasan blocks}, blocks about no single Pasal).

    A block the reader linked (``pasal``: the id of the node it explains, "pasal-5/ayat-2") goes to the Pasal
    holding that node; for trees without that key, a block whose cite names a Pasal, or a paragraph opening with
    "Pasal N", starts that Pasal's comment, and the blocks after it belong to it up to the next heading."""
    ids = {p.number: p.id for p in reg.pasals()}
    holder = {n.id: p.id for p in reg.pasals() for n in p.walk() if n.id}
    placed: dict[str, list[PenjelasanBlock]] = {}
    rest: list[PenjelasanBlock] = []
    current: str | None = None
    for block in reg.penjelasan:
        cited = CITED_PASAL.search(block.cite or "")
        opens = OPENS_PASAL.match(block.text or "")
        if block.pasal is not None or block.part is not None:
            current = holder.get(block.pasal or "")
        elif cited and cited["n"] in ids:
            current = ids[cited["n"]]
        elif opens and opens["n"] in ids:
            current = ids[opens["n"]]
        elif block.type in ("heading", "item"):
            current = None
        (placed.setdefault(current, []) if current else rest).append(block)
    return placed, rest


def view(reg: Regulation, findings: list[dict[str, Any]] | None = None,
         acts: dict[tuple[str, str, str], str] | None = None) -> ReaderView:
    """The reader's view of ``reg`` with ``findings`` (from ``rancang check``) placed beside their Pasal;
    ``acts`` the corpus acts its references to other acts may link to ({:func:`act_key`: id})."""
    where = pasal_of(reg)
    cites = {n.cite: n.id for n in reg.walk() if n.cite}
    placed, rest = place_penjelasan(reg)
    asides = {pid: Aside(penjelasan=blocks) for pid, blocks in placed.items()}
    general: list[dict[str, Any]] = []
    flagged: set[str] = set()
    for f in findings or []:
        cite = (f.get("cite") or "").strip()
        pid = where.get(cite)
        if pid is None:
            general.append(f)
            continue
        target = cites.get(cite, pid)
        flagged.add(target)
        asides.setdefault(pid, Aside()).findings.append({**f, "anchor": anchor(target)})
    counts = {"pasal": len(reg.pasals()), "bab": sum(1 for n in reg.body if n.type == "bab"),
              "menimbang": len(reg.menimbang), "mengingat": len(reg.mengingat), "lampiran": len(reg.lampiran),
              "penjelasan": len(reg.penjelasan), "temuan": len(findings or [])}
    return ReaderView(reg, asides, general, rest, flagged, counts, [kbfacts.facts_of(m) for m in reg.mengingat],
                      acts or {})


def outline(reg: Regulation) -> list[dict[str, Any]]:
    """The BAB / Bagian / Paragraf / Pasal outline (the diktum of a Keputusan): [{label, heading, anchor,
    children}]."""

    def entry(n: Node) -> dict[str, Any]:
        kids = [entry(c) for c in n.children if c.type in STRUCTURAL]
        return {"type": n.type, "label": n.label or n.cite, "heading": n.heading or "", "anchor": anchor(n.id),
                "children": kids}

    return [entry(n) for n in reg.body if n.type in STRUCTURAL]

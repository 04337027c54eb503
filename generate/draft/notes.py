"""Drafting notes (``catatan.md``): what a drafter reads instead of diffing the draft against its sources by hand.

For each Pasal: the region, act and cite it comes from and its renumbering (old -> new); the decisions the drafter
must make, each with its clause and why (local policy, named unit, undefined term, figure, option ...); every repair
made to the base text (reference formulas, doubled or glued words, punctuation); what was removed and why; and what
must still be filled in (nomor, tanggal). No other stage writes these: they exist because a draft is composed.

Notes hold the draft's nodes (and Lampiran blocks) themselves, so a cite is read after the draft is numbered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rancang.parts import Block
from rancang.tree import Node

#: section titles of catatan.md, in order, by note kind
KINDS = {
    "putusan": "Keputusan yang harus diambil penyusun",
    "isian": "Yang masih harus diisi",
    "opsi": "Opsi dari peraturan daerah lain",
    "dihapus": "Ketentuan dasar yang tidak dibawa",
    "perbaikan": "Perbaikan atas teks sumber",
}
#: what each section says before its list (a section not named here has no lead)
LEADS = {
    "opsi": "Ketentuan yang hanya dimuat satu peraturan daerah dalam korpus, jadi tidak termasuk model dan tidak "
            "dimuat rancangan ini: kebijakan daerah asalnya. Ambil hanya bila daerah ini memutuskannya sebagai "
            "kebijakannya sendiri. Satu baris per ketentuan (Pasal atau ayat) dengan sumbernya, butir daftarnya "
            "disebut dalam baris itu.",
}
#: notes of one rule giving the same reason at least this many times are one entry of catatan.md naming the places
SAME_REASON = 3
#: the decisions that come first in catatan.md, in this order (what departs from the model, the region's own facts
#: and policy carried from another act, then wording and terms); any other rule after them, in the order made
FIRST = ("penjabat", "konsiderans-delegasi", "model-rumusan", "model-ketentuan", "kebijakan-lokal", "rumusan-dicabut",
         "model-opsi", "peta-jabatan", "unit-bernama", "istilah-lokal", "lingkup-lampiran", "lingkup-butir",
         "definisi-ganda", "X5", "rujukan-isi", "rujukan-bagian", "bab-isi", "T2_title", "L3_region",
         "istilah-tanpa-definisi")


@dataclass
class Note:
    """One note: ``kind`` (a key of :data:`KINDS`), the ``rule`` id that made it, ``why`` (Indonesian), an excerpt
    ``text``, and where: a body ``node``, a Lampiran ``block``, or a fixed ``cite``."""

    kind: str
    rule: str
    why: str
    text: str = ""
    node: Node | None = None
    block: Block | None = None
    cite: str = ""
    #: the whole text of the node or block when the note quoted it whole: a later repair of that clause is then
    #: shown, the draft's wording first (what the drafter reads), the quoted one as what it said before
    before: str = ""
    #: the quotation was the clause's ``full_text()`` (with its items' labels), not :func:`flat`
    full: bool = False
    #: notes with the same group are one entry of catatan.md (the items of one list, the definitions of one Pasal
    #: 1): the group names the provision ("Peraturan Bupati X Nomor 1 Tahun 2024 Pasal 16"), ``part`` the item
    group: str = ""
    part: str = ""
    #: the model's wording a decision compares the clause with (:meth:`Notes.settle_model`)
    model: str = ""

    def now(self) -> str | None:
        """The clause's text in the draft as it is now (None for a note that quoted no whole clause)."""
        if not self.before:
            return None
        if self.node is not None:
            return " ".join(self.node.full_text().split()) if self.full else flat(self.node)
        return " ".join((self.block.text if self.block is not None else "").split())

    def quote(self) -> str:
        """The note's quotation as catatan.md prints it: the text, or, when the clause was repaired after the
        note was made, "kini: “...” (semula: “...”)"."""
        now = self.now()
        if now is not None and now != self.before:
            kini, semula = _changed(now, self.before)
            return f"kini: \u201c{kini}\u201d (semula: \u201c{semula}\u201d)"
        return f"\u201c{self.text}\u201d" if self.text else ""

    def where(self) -> str:
        if self.node is not None and self.node.cite:
            return self.node.cite
        if self.block is not None and self.block.cite:
            return self.block.cite
        return self.cite or "Rancangan"


@dataclass
class Notes:
    """All notes of one draft, plus the source of each Pasal (filled when the draft is numbered)."""

    items: list[Note] = field(default_factory=list)
    sources: list[dict[str, str]] = field(default_factory=list)

    def add(self, kind: str, rule: str, why: str, text: str = "", node: Node | None = None,
            block: Block | None = None, cite: str = "", group: str = "", part: str = "") -> Note:
        """Record a note (``kind`` must be one of :data:`KINDS`; raises KeyError otherwise). ``group``/``part``:
        the provision the note is one item of, and which item (:attr:`Note.group`)."""
        KINDS[kind]  # noqa: B018 - a typo in a kind is a programming error, caught at once
        text = _unslot(text)
        note = Note(kind, rule, why, _excerpt(text), node, block, cite, group=group, part=part)
        whole = " ".join((text or "").split())
        if whole and ((node is not None and whole == flat(node))
                      or (block is not None and whole == " ".join(block.text.split()))):
            note.before = whole
        elif whole and node is not None and whole == " ".join(node.full_text().split()):
            note.before, note.full = whole, True
        self.items.append(note)
        return note

    def prune(self, nodes: list[Node]) -> int:
        """Drop the decisions on clauses no longer in the draft (``nodes``: every node of the final tree): a
        definition U5 removed after a decision was made on it is listed as removed, not as a decision under the
        number another definition now has. Returns the number dropped."""
        kept = {id(n) for n in nodes}
        before = len(self.items)
        self.items = [n for n in self.items if n.kind != "putusan" or n.node is None or id(n.node) in kept]
        return before - len(self.items)

    def settle_model(self, alike: Callable[[str, str], bool]) -> int:
        """A decision that the model's wording could not be used, on a clause that later repairs (its references
        re-targeted) made the model's wording after all (``alike(clause, model)``), is a repair, not a decision.
        Returns the number settled."""
        count = 0
        for n in self.items:
            if n.kind == "putusan" and n.model and n.node is not None and alike(n.node.full_text(), n.model):
                n.kind, n.why = "perbaikan", (f"rumusan ini kini sama dengan rumusan model, kecuali nomor rujukannya "
                                              f"(\u201c{_excerpt(n.model, 120)}\u201d).")
                count += 1
        return count

    def of(self, kind: str) -> list[Note]:
        return [n for n in self.items if n.kind == kind]

    def entries(self, kind: str) -> list[list[Note]]:
        """The entries of one section as catatan.md lists them: the notes of one group together (at the place of
        its first), decisions ordered by :data:`FIRST`."""
        out: list[list[Note]] = []
        at: dict[str, list[Note]] = {}
        same: dict[tuple[str, str], int] = {}
        for n in self.of(kind):
            same[(n.rule, n.why)] = same.get((n.rule, n.why), 0) + 1
        for n in self.of(kind):
            # one reason said at many places (a figure pointer removed 16 times) is one entry naming them all
            key = n.group or (f"\0{n.rule}\0{n.why}" if same[(n.rule, n.why)] >= SAME_REASON else "")
            if key and key in at:
                at[key].append(n)
                continue
            out.append([n])
            if key:
                at[key] = out[-1]
        if kind == "putusan":
            rank = {r: i for i, r in enumerate(FIRST)}
            # the batang tubuh's decisions before the Lampiran's, each by :data:`FIRST`
            out.sort(key=lambda e: (e[0].where().startswith(("Lampiran", "[")) or (not e[0].group and len(e) > 1
                                    and all(g.where().startswith("Lampiran") for g in e)),
                                    rank.get(e[0].rule, len(FIRST))))
        return out

    def counts(self) -> dict[str, int]:
        """{kind: number of entries of catatan.md} (a group counts once)."""
        return {kind: len(self.entries(kind)) for kind in KINDS}

    def to_dict(self) -> dict[str, Any]:
        """The notes as JSON data: {sumber: [...], <kind>: [{cite, aturan, alasan, teks}]}."""
        out: dict[str, Any] = {"sumber": [dict(s) for s in self.sources]}
        for kind in KINDS:
            out[kind] = [{"cite": n.where(), "aturan": n.rule, "alasan": n.why, "teks": n.text,
                          **({"ketentuan": n.group, "butir": n.part} if n.group else {}),
                          **({"kini": _excerpt(n.now() or "")} if n.now() not in (None, n.before) else {})}
                         for n in self.of(kind)]
        return out

    def markdown(self, title: str) -> str:
        """catatan.md: headed by the draft's title, one section per kind, then the table of sources."""
        lines = [f"# Catatan penyusunan: {title}", "",
                 "Dibuat oleh `rancang draft`. Baca sebelum rancangan dibahas: setiap ketentuan di bawah ini menyebut "
                 "pasalnya dan alasannya.", ""]
        for kind, heading in KINDS.items():
            entries = self.entries(kind)
            lines += [f"## {heading} ({len(entries)})", ""]
            if kind in LEADS and entries:
                lines += [LEADS[kind], ""]
            if not entries:
                lines += ["Tidak ada.", ""]
                continue
            for group in entries:
                n = group[0]
                extra = f" — {n.quote()}" if n.text else ""
                if not n.group and len(group) > 1:
                    places = ", ".join(dict.fromkeys(
                        f"**{g.where()}**" + (f" (\u201c{_excerpt(g.text, 60)}\u201d)" if g.text else "")
                        for g in group))
                    lines.append(f"- [{n.rule}] {len(group)} tempat: {n.why} Tempatnya: {places}.")
                    continue
                if not n.group:
                    lines.append(f"- **{n.where()}** [{n.rule}]: {n.why}{extra}")
                    continue
                parts = [g.part for g in group if g.part]
                listed = f" ({len(group)} butir: {', '.join(parts)})" if len(group) > 1 and parts else ""
                why = "" if kind in LEADS else f" {n.why}"  # the section's lead says why for every entry
                lines.append(f"- **{n.group}** [{n.rule}]{listed}:{why}{extra}")
            lines.append("")
        lines += ["## Sumber setiap Pasal", "", "| Pasal rancangan | Sumber | Pasal sumber | Penomoran |",
                  "|---|---|---|---|"]
        for s in self.sources:
            moved = "tetap" if s["asal"] == s["pasal"] else f"{s['asal']} \u2192 {s['pasal']}"
            lines.append(f"| {s['pasal']} | {s['peraturan']} | {s['asal']} | {moved} |")
        return "\n".join(lines) + "\n"


#: the model Perbup's region slots (``model_build.SLOTS``) as a quotation of catatan.md reads them: the drafter
#: never sees a template slot, and the source region's own words are not put back where it is not known
_SLOT_WORDS = {"{kepala} {nama}": "Bupati/Wali Kota (daerah asal)", "{daerah}": "Kabupaten/Kota (daerah asal)",
               "{kepala}": "Bupati/Wali Kota", "{jenis}": "Kabupaten/Kota", "{nama}": "(daerah asal)",
               "{provinsi}": "(provinsi asal)", "{tanggal}": "(tanggal)"}


def _unslot(text: str) -> str:
    for slot, words in _SLOT_WORDS.items():
        text = text.replace(slot, words)
    return text


def flat(node: Node) -> str:
    """The text of a clause with its items, on one line, as the notes quote it."""
    return " ".join(" ".join(x.text for x in node.walk() if x.text).split())


def _changed(now: str, before: str, width: int = 160) -> tuple[str, str]:
    """Excerpts of two wordings of a clause that both show where they first differ (from a word before it)."""
    i = next((k for k, (x, y) in enumerate(zip(now, before, strict=False)) if x != y), min(len(now), len(before)))
    if i < width - 40:
        return _excerpt(now, width), _excerpt(before, width)
    start = now.rfind(" ", 0, max(i - 40, 0)) + 1
    return "... " + _excerpt(now[start:], width), "... " + _excerpt(before[start:], width)


def _excerpt(text: str, width: int = 160) -> str:
    """A one-line excerpt of at most ``width`` characters (whole words, "..." when cut)."""
    text = " ".join((text or "").split())
    if len(text) <= width:
        return text
    return text[:width].rsplit(" ", 1)[0] + " ..."

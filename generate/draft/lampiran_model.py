"""The Lampiran composed from the model Perbup (issue 27 items 1 and 3), as the batang tubuh is (:mod:`frommodel`).

The Lampiran starts from the spine's (the act closest to the model) and is made the model's, unit by unit (a unit:
a Lampiran item with the paragraphs under it, :func:`rancang.corpus.align.lampiran_units`):

- **the region's structure** (:mod:`struktur`): an item that only names units ("Dinas Kesehatan;") and an item
  headed by a unit ("Susunan organisasi pada Badan Keuangan ...") stay only where the profile (or the law) gives
  the region that unit; a list or a heading left without them gets one blank item, listed among what must be
  filled, with the profile's perangkat daerah named there; another unit named inside a sentence becomes a blank;
- **options** (a unit only the spine has): a whole list of them, with the sentence announcing it, is not carried
  -- one decision per list or subtree, naming the act and its place; options inside a list that also holds model
  provisions stay (a procedure without some of its steps says something else), one decision per list;
- **wording**: a single-paragraph item whose provision the model words otherwise, in a wording without region
  words, takes the model's wording (its punctuation kept);
- the model's Lampiran provisions the spine lacks, and the other regions' Lampiran options, are listed as
  decisions, one per part (a subtree of the source act), never per item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from rancang.generate.draft import lampiran_insert, lampiran_own, struktur, struktur_text
from rancang.generate.draft.harmonisasi import Row
from rancang.generate.draft.model_build import similarity
from rancang.generate.draft.model_perbup import SAME_WORDING, basis_text, options_of, provision_of
from rancang.generate.draft.notes import Notes
from rancang.generate.draft.sources import Sources
from rancang.parts import Block

#: an item this short is a heading naming its unit ("Badan Penanggulangan Bencana Daerah"), not a sentence
_HEAD_WORDS = 20
#: what makes a heading announce a list ("... adalah:", "... yaitu:")
_ANNOUNCES = re.compile(r"\s*(?:,?\s*(?:adalah|yaitu|meliputi|antara lain|sebagai berikut))?\s*:\s*$")
#: regions (beside the spine) that must place an item beside its parent for it to go up (the model's support)
_AGREE = 2
#: a model wording at least this close to the spine's (0-1) is the same sentence worded otherwise, taken
_VARIANT = 0.8
#: what closes an item: its punctuation and conjunction ("; dan")
_END = re.compile(r"\s*(?:[;,.:]\s*(?:dan|atau|serta|dan/atau)?)?\s*$")


@dataclass
class _Unit:
    blocks: list[int]
    id: str
    head: Block
    provision: dict[str, Any] | None = None
    option: dict[str, Any] | None = None
    parent: int | None = None
    children: list[int] = field(default_factory=list)

    @property
    def level(self) -> int | None:
        return self.head.level if self.head.type == "item" else None


def _units(blocks: list[Block]) -> list[_Unit]:
    """The units of the spine's Lampiran, as the model's alignment cut them, with their parents (the nearest
    earlier item of a lower level, within one heading)."""
    out: list[_Unit] = []
    cite = None
    for k, b in enumerate(blocks):
        if b.type == "signature" or not b.id or (k == 0 and b.type == "heading"):
            continue
        if out and b.cite == cite and b.type != "heading":
            out[-1].blocks.append(k)
            continue
        cite = b.cite
        out.append(_Unit([k], b.id, b))
    for i, u in enumerate(out):
        level = u.level
        if level is None:
            continue
        for j in range(i - 1, -1, -1):
            other = out[j].level
            if out[j].head.type == "heading":
                break
            if other is not None and other < level:
                u.parent = j
                out[j].children.append(i)
                break
    return out


def _head_words(text: str) -> str:
    """An item's heading as quoted in a note: its words up to where its text starts again ("Pengajuan Sukarela
    Pengajuan sukarela merupakan ..." -> "Pengajuan Sukarela"), at most eight."""
    words = text.split()
    cut = next((i for i in range(1, len(words)) if words[i].lower() == words[0].lower()), len(words))
    return " ".join(words[:min(cut, 8)])


def _subtree(units: list[_Unit], i: int) -> list[int]:
    out = [i]
    for c in units[i].children:
        out += _subtree(units, c)
    return out


def _quote(units: list[_Unit], idx: list[int], blocks: list[Block]) -> str:
    return " ".join(f"{blocks[k].label or ''} {blocks[k].text}".strip() for i in idx for k in units[i].blocks)


class _Compose:
    def __init__(self, blocks: list[Block], spine: str, model: dict[str, Any], src: Sources,
                 allowed: struktur.Allowed, jenis: str, notes: Notes):
        self.blocks, self.spine, self.model, self.src, self.allowed, self.notes = blocks, spine, model, src, allowed, \
            notes
        self.units = _units(blocks)
        self.law = struktur.Allowed(allowed.listed, jenis, law=True)
        members, options = provision_of(model), options_of(model)
        for u in self.units:
            u.provision, u.option = members.get((spine, u.id)), options.get((spine, u.id))
        self.gone: set[int] = set()         # units not carried (head and paragraphs)
        self.heads_gone: set[int] = set()   # units whose head (a name) goes, their paragraphs staying
        self.blanks: dict[int, Block] = {}  # block index -> a blank item put before it
        self.lead_gone: set[int] = set()    # paragraphs announcing a list not carried
        self.tails: set[int] = set()        # paragraphs after a list not carried: kept

    # ----------------------------------------------------------------------------------------- structure

    def structure(self) -> None:
        """Names of units the region does not have: items of names, items headed by a unit (see module doc)."""
        act = self.src.act(self.spine)
        law = self.law
        for i, u in enumerate(self.units):
            if i in self.gone or u.level is None:
                continue
            text = u.head.text or ""
            listed = struktur.only_names(text)
            if listed is not None and self._in_list_of_names(i):
                if not all(law(n) for n in listed):
                    self.heads_gone.add(i)
                continue
            if len(text.split()) <= _HEAD_WORDS and (law.foreign(text) or (struktur.headed(text) and
                                                                        text.rstrip()[-1:] not in ";.,")):
                # an item headed by a unit (even one every region has by law: Kecamatan, Sekretariat DPRD) tells
                # which offices that unit has in the source region (its SOTK): not carried
                sub = _subtree(self.units, i)
                self.gone.update(sub)
                units = ", ".join(n.text for n in law.foreign(text) or struktur.headed(text))
                self.notes.add("dihapus", "struktur-daerah", f"bagian Lampiran {act} ({u.head.cite}) menggambarkan "
                               f"susunan unit organisasinya sendiri ({units}): susunan itu fakta daerah asal, tidak "
                               "dibawa. Rumuskan susunan unit organisasi daerah ini (yang "
                               "mana, pejabat level berapa) bila diperlukan.", _quote(self.units, sub, self.blocks),
                               cite="Lampiran")
        for i, u in enumerate(self.units):  # a list or a heading left without its units: one blank
            kids = [c for c in u.children if self.units[c].level is not None]
            if kids and all(c in self.gone or c in self.heads_gone for c in kids) and i not in self.gone:
                if any(k for c in kids if c in self.heads_gone for k in self.units[c].blocks[1:]):
                    self._unlist(i, kids)  # the list's names go, what it says of them stays: no blank item
                else:
                    self._blank(kids)

    def _in_list_of_names(self, i: int) -> bool:
        """Whether item ``i`` is one of a list of names (two or more items naming only units): its paragraphs are
        the list's, not its own; a single item naming a unit heads what follows it."""
        u = self.units[i]
        sibs = self.units[u.parent].children if u.parent is not None else [i]
        named = [j for j in sibs if struktur.only_names(self.units[j].head.text or "") is not None]
        return len(named) >= 2

    def _unlist(self, i: int, kids: list[int]) -> None:
        """A heading announcing a list of the source region's units, followed by what the list's units have in
        common ("Susunan organisasi pada Perangkat Daerah yang tidak memiliki Kepala Seksi ...: a) Badan ...; b)
        ... Kelompok Jabatan Fungsional ... berkedudukan ..."): the names go and the heading no longer announces
        them, so the rule stands for every such unit of the region; a decision names the source's units."""
        head = self.units[i].head
        names = [n.text for c in kids for n in struktur.names(self.units[c].head.text or "") if n.proper]
        head.text = _ANNOUNCES.sub("", head.text or "")
        listed = f" Perangkat daerah dalam profil: {'; '.join(self.allowed.listed)}." if self.allowed.listed else \
            " Profil tidak memuat perangkat daerah."
        self.notes.add("putusan", "struktur-daerah", f"daftar unit organisasi peraturan sumber ({len(names)} nama: "
                       f"{', '.join(names[:6])}{' ...' if len(names) > 6 else ''}) tidak dibawa; ketentuannya berlaku "
                       f"bagi setiap unit organisasi yang demikian. Sebutkan unit organisasi daerah ini bila "
                       f"diperlukan.{listed}", head.text, block=head)

    def _blank(self, kids: list[int]) -> None:
        first = self.units[kids[0]].head
        names = [n.text for c in kids for n in struktur.names(self.units[c].head.text or "") if n.proper]
        blank = Block(type="item", label=first.label, level=first.level, text=struktur.data()["blank"])
        self.blanks[self.units[kids[0]].blocks[0]] = blank
        listed = f" Perangkat daerah dalam profil: {'; '.join(self.allowed.listed)}." if self.allowed.listed else \
            " Profil tidak memuat perangkat daerah."
        source = f"; daftar peraturan sumber ({len(names)} nama: {', '.join(names[:6])}" \
            f"{' ...' if len(names) > 6 else ''}) tidak dibawa" if names else \
            "; uraian peraturan sumber tentang susunan unit organisasinya tidak dibawa"
        self.notes.add("isian", "struktur-daerah", "daftar unit organisasi ini diisi dengan unit organisasi daerah "
                       f"ini{source}.{listed}", blank.text, block=blank)

    # ----------------------------------------------------------------------------------------- options

    def _model_under(self, i: int) -> bool:
        return any(self.units[j].provision is not None and j not in self.gone for j in _subtree(self.units, i)) \
            or any(self.units[c].blocks[0] in self.blanks for c in _subtree(self.units, i))

    def options(self) -> None:
        """Whole lists only the spine has go, with the sentence that announces them; mixed lists stay."""
        act = self.src.act(self.spine)
        changed = True
        while changed:
            changed = False
            for i, u in enumerate(self.units):
                if i in self.gone or u.option is None or u.level is None or self._model_under(i):
                    continue
                sibs = [j for j in (self.units[u.parent].children if u.parent is not None else
                                    [k for k, v in enumerate(self.units) if v.parent is None and v.level == u.level])
                        if self.units[j].level == u.level and j not in self.gone]
                if not all(self.units[j].option is not None and not self._model_under(j) for j in sibs):
                    continue
                drop = [k for j in sibs for k in _subtree(self.units, j)]
                self.gone.update(drop)
                # what follows the list's last item ("Pelaksanaan tugas ... dengan ketentuan sebagai berikut:") is
                # the text of the item holding the list: it stays
                self.tails.update(self.units[max(drop)].blocks[1:])
                lead = self._lead(sibs[0])
                quote = _quote(self.units, drop, self.blocks)
                if lead is not None:
                    quote = f"{self.blocks[lead].text} {quote}"
                self.notes.add("opsi", "model-opsi", f"bagian Lampiran ini hanya dimuat {act} "
                               f"({u.head.cite}), tidak oleh peraturan daerah lain dalam korpus: tidak dibawa. Bila "
                               "daerah ini memerlukannya, putuskan dan rumuskan sebagai kebijakan daerah sendiri.",
                               quote, cite="Lampiran")
                changed = True
        self._kept_options(act)

    def _lead(self, first: int) -> int | None:
        """The paragraph announcing the list that starts at unit ``first`` ("... sebagai berikut:"), dropped with
        it (its index is marked gone); None when the list is announced by its parent's own text."""
        k = self.units[first].blocks[0] - 1
        b = self.blocks[k] if k >= 0 else None
        if b is not None and b.type == "paragraph" and b.text.rstrip().endswith(":"):
            self.lead_gone.add(k)
            return k
        return None

    def _kept_options(self, act: str) -> None:
        """One decision per list for the options kept inside a list of model provisions."""
        seen: set[int | None] = set()
        for u in self.units:
            if u.option is None or u.level is None or self.units.index(u) in self.gone | self.heads_gone \
                    or u.parent in seen:
                continue
            sibs = self.units[u.parent].children if u.parent is not None else [self.units.index(u)]
            mine = [self.units[j] for j in sibs if self.units[j].option is not None
                    and j not in self.gone | self.heads_gone and not self.units[j].children]
            if not mine:
                continue
            seen.add(u.parent)
            labels = ", ".join(m.head.label or "" for m in mine)
            self.notes.add("putusan", "model-opsi", f"butir {labels} daftar ini hanya dimuat {act}, tidak oleh "
                           "peraturan daerah lain dalam korpus; dibawa karena daftarnya memuat ketentuan model. "
                           "Putuskan apakah butir itu menjadi kebijakan daerah ini.",
                           " ".join(m.head.text for m in mine), block=mine[0].head)

    # ----------------------------------------------------------------------------------------- wording

    def wording(self) -> None:
        """A single-paragraph item takes its provision's wording where the model words it otherwise."""
        for i, u in enumerate(self.units):
            p = u.provision
            if i in self.gone or p is None or u.level is None or len(u.blocks) > 1 or p["sumber"]["daerah"] == \
                    self.spine or "{" in p["rumusan"] or p.get("bagian") != "lampiran":
                continue
            donor = self.src.regulation(p["sumber"]["daerah"])
            at = next((k for k, b in enumerate(donor.lampiran) if b.id == p["sumber"]["klausul"]), None)
            if at is None or donor.lampiran[at].type != "item" or (at + 1 < len(donor.lampiran) and
                                                                    donor.lampiran[at + 1].cite ==
                                                                    donor.lampiran[at].cite):
                continue
            mine, theirs = u.head.text or "", donor.lampiran[at].text or ""
            if not _VARIANT <= similarity(mine, theirs) < SAME_WORDING:
                continue  # the same words, or another sentence of the same step (the list's style would break)
            end = _END.search(mine)
            body = _END.sub("", theirs)
            new = (body[:1].lower() if mine[:1].islower() else body[:1].upper()) + body[1:] + \
                (end.group(0) if end else "")
            self.notes.add("perbaikan", "model-rumusan", f"rumusan model ({p['id']}, dimuat {len(p['dukungan'])} "
                           f"peraturan daerah) dipakai, dari {p['sumber']['peraturan']} {p['sumber']['cite']}, "
                           f"menggantikan rumusan {self.src.act(self.spine)} {u.head.cite}.", mine, cite="Lampiran")
            u.head.text = new

    # ----------------------------------------------------------------------------------------- levels

    def levels(self) -> None:
        """An item the spine puts under its parent (as its last item) where the other regions that have both put
        it beside or above their equivalent of the parent ("c. Pelaksanaan Tugas" under "2. Pengajuan Sukarela"
        in one act, "3. Pelaksanaan Tugas" after "2. Penugasan" in two others) goes up to its parent's level, with
        everything under it: the model's outline, not one act's (issue 27 item 4)."""
        for i, u in enumerate(self.units):
            if i in self.gone or u.provision is None or u.parent is None or u.level is None:
                continue
            parent = self.units[u.parent]
            kids = [c for c in parent.children if c not in self.gone]
            if parent.provision is None or parent.level is None or parent.level <= 1 or not kids or kids[-1] != i:
                continue  # (the Lampiran's parts, "A." to "D.", are the outline itself: nothing goes up to them)
            acts = {m["daerah"]: m["peraturan"] for m in u.provision["dukungan"]}
            mine = {m["daerah"]: m["cite"] for m in u.provision["dukungan"] if m["daerah"] != self.spine}
            theirs = {m["daerah"]: m["cite"] for m in parent.provision["dukungan"] if m["daerah"] != self.spine}
            both = sorted(set(mine) & set(theirs))
            beside = [a for a in both if not mine[a].startswith(theirs[a] + " ")]
            if len(beside) < _AGREE or 2 * len(beside) <= len(both):
                continue
            step = u.level - parent.level
            for j in _subtree(self.units, i):
                for k in self.units[j].blocks:
                    if self.blocks[k].type == "item" or self.blocks[k].level:
                        self.blocks[k].level -= step
            self.notes.add("perbaikan", "lampiran-daftar", f"butir {u.head.label} \u201c{u.head.text}\u201d ditulis "
                           f"{self.src.act(self.spine)} di bawah butir {parent.head.label} \u201c"
                           f"{_head_words(parent.head.text)}\u201d; {len(beside)} peraturan daerah lain "
                           f"({'; '.join(acts[a] for a in beside)}) menempatkannya "
                           "sejajar: dijadikan sejajar dengan butir itu.", u.head.text, cite="Lampiran")

    # ----------------------------------------------------------------------------------------- what is left

    def blocks_out(self) -> list[Block]:
        out: list[Block] = []
        gone = ({k for i in self.gone for k in self.units[i].blocks} - self.tails) | self.lead_gone
        heads = {self.units[i].blocks[0] for i in self.heads_gone}
        for k, b in enumerate(self.blocks):
            if k in self.blanks:
                out.append(self.blanks[k])
            if k in gone or k in heads:
                continue
            out.append(b)
        return out


def compose(blocks: list[Block], spine: str, model: dict[str, Any] | None, src: Sources, listed: list[str],
            jenis: str, notes: Notes, provisions: dict[int, tuple[dict[str, Any], str]] | None = None) -> list[Block]:
    """The spine's Lampiran ``blocks`` made the model's (see the module docstring): a new list (the spine's blocks
    are copied, never changed). ``model`` None (a ``--base`` act): only the region's structure is rewritten.
    ``listed``: the profile's perangkat daerah; ``jenis``: the profile's kind of region; ``provisions`` (filled):
    id() of each block heading a model provision -> (the provision, its source act and cite), for :func:`rows`."""
    blocks = [replace(b) for b in blocks]
    allowed = struktur.Allowed(listed, jenis)
    c = _Compose(blocks, spine, model or {"ketentuan": [], "opsi": []}, src, allowed, jenis, notes)
    c.structure()
    if model is not None:
        c.options()
        c.lead_gone |= lampiran_own.paragraphs(c.units, c.blocks, spine, src, notes, c.gone)
        c.wording()
        c.levels()
    out = c.blocks_out()
    if model is not None:
        kept = {id(b) for b in out}
        heads = {u.provision["id"]: u.head for i, u in enumerate(c.units)
                 if u.provision is not None and i not in c.gone and id(u.head) in kept}
        out, inserted = lampiran_insert.insert(out, heads, model, spine, src, notes, provisions)
        lampiran_insert.missing(model, spine, notes, inserted)
    struktur_text.office_lists(out, notes)
    struktur_text.names_in_text(out, allowed, notes)
    if provisions is not None:
        kept = {id(b) for b in out}
        for i, u in enumerate(c.units):
            if u.provision is not None and i not in c.gone and id(u.head) in kept:
                provisions[id(u.head)] = (u.provision, f"{src.act(spine)} {u.head.cite}")
    return out


def rows(blocks: list[Block], provisions: dict[int, tuple[dict[str, Any], str]], notes: Notes,
         spine: str) -> list[Row]:
    """The harmonisation matrix's rows for the Lampiran (issue 27 item 5): one per item of the numbered draft
    ``blocks`` that carries a model provision (``provisions``, as :func:`compose` fills it), with the higher act it
    carries out (:func:`model_perbup.basis_text`), its equivalents in the other regions' acts, its source and the
    decisions ``catatan.md`` lists on it."""
    decided = notes.of("putusan")
    out = []
    for b in blocks:
        if id(b) not in provisions or not b.cite:
            continue
        p, source = provisions[id(b)]
        text = " ".join(f"{b.label or ''} {b.text}".split())
        out.append(Row(b.cite, text, [basis_text(p)],
                       [f"{m['peraturan']} {m['cite']}" for m in p["dukungan"] if m["daerah"] != spine], source,
                       [f"[{n.rule}] {n.why}" for n in decided if n.block is b]))
    return out

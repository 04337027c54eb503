"""Compose the batang tubuh from the model Perbup (issue 27 item 2): ``rancang draft`` without ``--base``.

The draft starts from the model's spine (:mod:`model_build`: the act closest to the model, which gives the order
and the BAB/Pasal/ayat structure) and is made the model clause by clause:

- a spine clause no other region has is not in the model: it is removed, and listed as an option (its source);
- a spine clause whose provision the model words otherwise takes the model's wording (the clause of the region it
  comes from, tagged with its origin so that its references resolve among that act's clauses, each mapped to its
  equivalent clause in the draft);
- a provision the spine lacks is put after the clause the model puts it after;
- where a wording or a provision cannot be carried (its references name clauses the draft does not hold, or its
  level does not fit), the draft keeps what it has and the drafter reads why in ``catatan.md``.

The options of the other regions (a clause only one region has) are listed as decisions with their source. The
Lampiran is composed from the model in :mod:`lampiran_model`.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any

from rancang.address import Address, covers
from rancang.corpus.align import units
from rancang.generate.draft.model_build import _OWN_ACT
from rancang.generate.draft.notes import Notes
from rancang.generate.draft.provenance import alias, origin, set_origin, tag
from rancang.generate.draft.refmap import containing_pasal, map_ref
from rancang.generate.draft.sources import Sources
from rancang.parts import Konsiderans
from rancang.tree import Node

#: what a drafter reads for an option (a clause only one region has)
OPTION = ("ketentuan ini hanya dimuat {act} {cite}, tidak oleh peraturan daerah lain dalam korpus, jadi tidak "
          "termasuk model; bila daerah ini memerlukannya, putuskan dan rumuskan sebagai kebijakan daerah sendiri.")
#: a cite's provision (a Pasal, or its ayat) and the item inside it ("Pasal 16 huruf a" -> "Pasal 16", "huruf a")
_PROVISION = re.compile(r"^(Pasal \d+[A-Z]?(?: ayat \(\d+[a-z]?\))?)(?: (.+))?$")
#: a Lampiran cite's part a decision groups by: its first two levels ("Lampiran huruf B angka 1")
_LAMPIRAN_PART = re.compile(
    r"^(Lampiran(?: huruf [A-Z]+| [IVXL]+)?(?: daftar \w+)?(?: (?:angka|huruf) \w+)?)(?: (.+))?$")
#: "Unit kerja mandiri adalah ..." -> the term a definition defines
_TERM = re.compile(r"^(.{2,80}?)\s+(?:yang selanjutnya\b.*?)?\badalah\b")


def provision(act: str, cite: str, text: str = "") -> tuple[str, str]:
    """(group, part) of a clause of ``act`` at ``cite`` as catatan.md lists it: one entry per Pasal or ayat, its
    list items and its definitions (by their term) named inside it."""
    m = _PROVISION.match(cite) or _LAMPIRAN_PART.match(cite)
    if m is None:
        return f"{act} {cite}", ""
    part = m.group(2) or ""
    term = _TERM.match(" ".join(text.split())) if part.startswith("angka") and m.group(1) == "Pasal 1" else None
    return f"{act} {m.group(1)}", (f"{term.group(1)} ({part})" if term else part)


def own_act(text: str) -> bool:
    """Whether a clause (slotted) names an act of its own region ("Peraturan {kepala} {nama} Nomor 27 Tahun 2022"):
    its repeal list, the list of its own acts -- that region's housekeeping, never an option for another."""
    return _OWN_ACT.search(text) is not None


def _source_text(src: Sources, region: str, uid: str, slotted: str) -> str:
    """The clause as its act words it (the store's text, the region's own names), else the model's slotted text."""
    node = src.regulation(region).index().get(uid)
    return node.full_text() if node is not None else slotted


@dataclass
class Plan:
    """What the model changes in the spine's body: victims (node id() -> (rule, why)), aliases (origin, old id) ->
    (origin, old id) to add to the renumbering map, and the notes for the drafter."""

    victims: dict[int, tuple[str, str]] = field(default_factory=dict)
    aliases: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)


class _Probe(dict):
    """A renumbering map stand-in for :func:`refmap.map_ref`: a clause "exists" when ``ok`` says so."""

    class _Found:
        number = "1"

    def __init__(self, ok):
        super().__init__()
        self.ok = ok

    def get(self, key, default=None):
        return self._Found() if self.ok(key) else default


class Equivalents:
    """Which clause of the spine answers for a clause of another act: the model's provisions pair units, and a
    clause inside a unit answers by its path below it; a Pasal answers by the spine Pasal holding most of its
    units' equivalents."""

    def __init__(self, model: dict[str, Any], spine: str, src: Sources):
        self.spine = spine
        self.src = src
        self.unit: dict[tuple[str, str], str] = {}
        for p in model["ketentuan"]:
            where = {m["daerah"]: m["klausul"] for m in p["dukungan"]}
            if spine in where:
                for r, uid in where.items():
                    self.unit[(r, uid)] = where[spine]
        self.spine_ids = {n.id for n in src.regulation(spine).walk()}
        # the same pairs looked up without a scan of them all for every clause (issue 33: a draft asks ~400 times):
        # each pair's place in ``unit`` (the first pair in that order answers) and the pairs of each region in order
        self._order = {key: i for i, key in enumerate(self.unit)}
        self._of_region: dict[str, list[tuple[str, str]]] = {}
        for (r, uid), s in self.unit.items():
            self._of_region.setdefault(r, []).append((uid, s))

    def of(self, region: str, old: str) -> str | None:
        """The spine id answering for clause ``old`` of ``region`` (the spine's own ids answer for themselves)."""
        if region == self.spine:
            return old if old in self.spine_ids else None
        if (region, old) in self.unit:
            return self.unit[(region, old)]
        steps = old.split("/")
        # a unit holding ``old``: one of its ancestors (``old`` itself is not a unit here), the first in ``unit``
        held = [(region, a) for a in ("/".join(steps[:k]) for k in range(1, len(steps))) if (region, a) in self._order]
        if held:
            _, uid = min(held, key=self._order.__getitem__)
            cand = self.unit[(region, uid)] + old[len(uid):]
            return cand if cand in self.spine_ids else None
        if "/" not in old:  # a Pasal: where most of its units went
            votes: dict[str, int] = {}
            for uid, s in self._of_region.get(region, []):
                if covers(old, uid):
                    top = s.split("/")[0]
                    votes[top] = votes.get(top, 0) + 1
            if votes:
                return max(votes, key=lambda k: votes[k])
        return None


def _refs_ok(node: Node, region: str, ok) -> bool:
    """Whether every internal reference in ``node`` (a clause of ``region``) names only clauses ``ok`` accepts."""
    for n in node.walk():
        for ref in n.refs:
            if ref.kind != "internal" or n.text[ref.start:ref.end] != ref.text:
                continue
            if map_ref(ref.text, region, containing_pasal(n.id), _Probe(ok))[1]:
                return False
    return True


def _index(body: list[Node]) -> dict[tuple[str, str], Node]:
    """(origin, old id) -> node of the draft, a clause put in place of another answering for both."""
    out = {origin(n): n for top in body for n in top.walk()}
    for top in body:
        for n in top.walk():
            replaced = alias(n)
            if replaced is not None:
                out.setdefault(replaced, n)
    return out


def plan(body: list[Node], spine: str, model: dict[str, Any], src: Sources, notes: Notes) -> Plan:
    """Make the spine's ``body`` (tagged copies) the model's, in place; what is left for :func:`clauses.drop` and
    the renumbering (see the module docstring). Every change and every clause not carried is noted."""
    out = Plan()
    eq = Equivalents(model, spine, src)
    here = _index(body)
    provisions = {(m["daerah"], m["klausul"]): p for p in model["ketentuan"] for m in p["dukungan"]}
    options = {(o["daerah"], o["klausul"]): o for o in model["opsi"]}
    spine_units = [u for u in units(src.regulation(spine)) if not u.lampiran]
    removed: set[str] = set()
    for u in spine_units:
        node = here.get((spine, u.id))
        if node is None or (spine, u.id) not in options:
            continue
        if node.type == "pasal" and node.child_list("ayat"):
            continue  # the lead sentence of a Pasal with ayat: the ayat decide
        out.victims[id(node)] = ("model-opsi", OPTION.format(act=src.act(spine), cite=u.cite))
        removed.add(u.id)

    for top in body:  # a Pasal whose every ayat goes, goes whole (never an empty Pasal)
        for n in top.walk():
            ayat = n.child_list("ayat") if n.type == "pasal" else []
            if ayat and all(id(a) in out.victims for a in ayat):
                out.victims[id(n)] = out.victims[id(ayat[0])]

    def kept(key: tuple[str, str]) -> bool:
        """Whether the clause ``key`` (origin, old id) is in the draft, itself or by its spine equivalent."""
        if key in _index(body) and not (key[0] == spine and any(covers(r, key[1]) for r in removed)):
            return True
        s = eq.of(*key)
        return s is not None and (spine, s) in _index(body) and not any(covers(r, s) for r in removed)

    for u in spine_units:
        p = provisions.get((spine, u.id))
        node = here.get((spine, u.id))
        if p is None or node is None or p["sumber"]["daerah"] == spine:
            continue
        _substitute(node, p, spine, u.id, src, kept, body, out, notes)
    _insert(body, spine, model, eq, src, kept, out, notes)
    for o in model["opsi"]:
        if o["daerah"] != spine and o["bagian"] == "batang tubuh" and not own_act(o["rumusan"]):
            text = _source_text(src, o["daerah"], o["klausul"], o["rumusan"])
            group, part = provision(o["peraturan"], o["cite"], text)
            notes.add("opsi", "model-opsi", OPTION.format(act=o["peraturan"], cite=o["cite"]), text,
                      cite="Rancangan", group=group, part=part)
    return out


def _substitute(node: Node, p: dict[str, Any], spine: str, uid: str, src: Sources, kept, body: list[Node], out: Plan,
                notes: Notes) -> None:
    """Give the spine clause ``node`` the model's wording (the clause of the provision's source act)."""
    region, did = p["sumber"]["daerah"], p["sumber"]["klausul"]
    donor = src.regulation(region).index().get(did)
    why = ""
    if donor is None or not _fits(donor, node):
        why = "tingkat klausulnya berbeda"
    elif not _refs_ok(donor, region, lambda k: covers(did, k[1]) if k[0] == region and covers(did, k[1])
                      else kept(k)):
        why = "rujukannya menunjuk ketentuan yang tidak dimuat rancangan ini"
    else:
        inside = {n.id[len(uid):] for n in node.walk()} - {n.id[len(did):] for n in donor.walk()}
        lost = [n for top in body for n in top.walk() if not covers(uid, origin(n)[1]) and any(
            r.kind == "internal" and any(covers(uid, t) and t[len(uid):] in inside for t in r.target) for r in n.refs)]
        if lost:
            why = f"ketentuan lain ({', '.join(n.cite or n.id for n in lost[:3])}) merujuk bagian klausul ini"
    if why:
        notes.add("putusan", "model-rumusan", f"rumusan model ({p['id']}, dimuat {len(p['dukungan'])} peraturan "
                  f"daerah) berbeda dari rumusan ini tetapi tidak dapat dipakai karena {why}; rumusan model, mis. "
                  f"{p['sumber']['peraturan']} {p['sumber']['cite']}: \u201c{p['rumusan'][:300]}\u201d. Putuskan "
                  "rumusan yang dipakai.", node.full_text(), node=node).model = p["rumusan"]
        return
    assert donor is not None
    fresh = tag(copy.deepcopy(donor), region)
    node.text, node.children, node.refs = fresh.text, fresh.children, fresh.refs
    set_origin(node, (region, did), (spine, uid))
    for n in src.regulation(spine).index().values():
        if covers(uid, n.id) and n.id != uid and (region, did + n.id[len(uid):]) in _index([fresh]):
            out.aliases[(spine, n.id)] = (region, did + n.id[len(uid):])
    notes.add("perbaikan", "model-rumusan", f"rumusan model ({p['id']}, dimuat {len(p['dukungan'])} peraturan daerah)"
              f" dipakai, dari {p['sumber']['peraturan']} {p['sumber']['cite']}, menggantikan rumusan "
              f"{src.act(spine)} {Address.parse(uid).cite}.", node=node)


def _fits(donor: Node, target: Node) -> bool:
    """Whether ``donor``'s text and list can stand in ``target``'s place: the same level, or a Pasal without ayat
    and an ayat (a sentence with its list either way)."""
    if donor.type == target.type:
        return True
    leaves = {"pasal", "ayat"}
    return {donor.type, target.type} == leaves and not donor.child_list("ayat") and not target.child_list("ayat")


def _insert(body: list[Node], spine: str, model: dict[str, Any], eq: Equivalents, src: Sources, kept, out: Plan,
            notes: Notes) -> None:
    """Put each body provision the spine lacks after the draft clause of the provision before it in the model."""
    here = _index(body)
    anchor: Node | None = None
    for p in model["ketentuan"]:
        if p["bagian"] != "batang tubuh":
            continue
        where = {m["daerah"]: m["klausul"] for m in p["dukungan"]}
        if spine in where:
            anchor = here.get((spine, where[spine]), anchor)
            continue
        region, did = p["sumber"]["daerah"], p["sumber"]["klausul"]
        donor = src.regulation(region).index().get(did)
        why = ""
        place = _place(body, donor, anchor) if donor is not None and anchor is not None else None
        if place is None or donor is None:
            why = "tingkat klausulnya tidak sesuai dengan ketentuan di sekitarnya"
        elif not _refs_ok(donor, region, lambda k, r=region, d=did: covers(d, k[1]) if k[0] == r else kept(k)):
            why = "rujukannya menunjuk ketentuan yang tidak dimuat rancangan ini"
        if why:
            notes.add("putusan", "model-ketentuan", f"ketentuan model {p['id']} dimuat {len(p['dukungan'])} peraturan "
                      f"daerah ({', '.join(m['peraturan'] + ' ' + m['cite'] for m in p['dukungan'])}) tetapi tidak "
                      f"dimuat rancangan ini karena {why}; putuskan apakah dirumuskan.", p["rumusan"],
                      node=anchor, cite="Rancangan")
            continue
        assert donor is not None and place is not None
        fresh = tag(copy.deepcopy(donor), region)
        siblings, after = place
        siblings.insert(siblings.index(after) + 1, fresh)
        notes.add("perbaikan", "model-ketentuan", f"ketentuan model {p['id']} (dimuat {len(p['dukungan'])} peraturan "
                  f"daerah) ditambahkan dari {p['sumber']['peraturan']} {p['sumber']['cite']}.", node=fresh)
        anchor = fresh


def _place(body: list[Node], donor: Node, anchor: Node) -> tuple[list[Node], Node] | None:
    """Where a provision of level ``donor.type`` goes after the draft clause ``anchor``: (its siblings, the node it
    follows) -- beside the anchor at the same level, or a Pasal after the anchor's Pasal; None where it fits not."""
    parent = _parent(body, anchor)
    if donor.type == anchor.type:
        return (parent.children if parent is not None else body), anchor
    if donor.type == "pasal" and anchor.type in ("ayat", "huruf", "angka") and not donor.child_list("ayat"):
        node: Node | None = anchor
        while node is not None and node.type != "pasal":
            node = _parent(body, node)
        if node is not None:
            up = _parent(body, node)
            return (up.children if up is not None else body), node
    return None


def _parent(body: list[Node], target: Node) -> Node | None:
    for top in body:
        for n in top.walk():
            if any(c is target for c in n.children):
                return n
    return None


def aliases(plan_: Plan, eq_model: dict[str, Any], spine: str, src: Sources, regions: list[str]) -> dict[
        tuple[str, str], tuple[str, str]]:
    """Every (region, clause id) of ``regions`` -> the spine clause answering for it, plus the plan's own."""
    eq = Equivalents(eq_model, spine, src)
    out = dict(plan_.aliases)
    for r in regions:
        if r == spine:
            continue
        for n in src.regulation(r).walk():
            s = eq.of(r, n.id)
            if s is not None:
                out.setdefault((r, n.id), (spine, s))
    return out


def settle(notes: Notes, act: str) -> None:
    """A spine clause removed as an option is an option the drafter may take (named by ``act``, the spine's act,
    and its cite there), not a mere removal; one that names an act of its own region (its repeal list) is neither."""
    for n in notes.items:
        if n.kind == "dihapus" and n.rule == "model-opsi":
            n.kind = "opsi"
            n.group, n.part = provision(act, n.cite, n.text)


#: "bahwa berdasarkan Pasal 25 ..., bahwa setiap Instansi Pemerintah ..." -- one consideration (its basis and what
#: it says) with its "bahwa" written twice (check K1 reads two)
_TWICE = re.compile(r"^(bahwa\s+berdasarkan\s+[^;]*?),\s+bahwa\s+", re.IGNORECASE)


def one_bahwa(items: list[Konsiderans], notes: Notes) -> list[Konsiderans]:
    """The considerations with a doubled "bahwa" after a basis written once (noted as a repair; Lampiran II angka
    19: each consideration begins with "bahwa" once)."""
    for k in items:
        fixed = _TWICE.sub(r"\1, ", k.text)
        if fixed != k.text:
            notes.add("perbaikan", "konsiderans", '"bahwa" yang tertulis dua kali dalam satu pertimbangan dihapus.',
                      k.text, cite="Menimbang")
            k.text = fixed
    return items

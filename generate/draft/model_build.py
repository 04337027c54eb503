"""Build the model Perbup on sistem kerja (issue 27 item 1) from the regulations of a corpus store.

The model is what most regions' acts say, measured, never written by hand:

1. **Clauses paired.** Every two sistem-kerja regulations of the store are aligned unit by unit (an ayat, a Pasal
   without ayat, a definition, a Lampiran item) by rancang's own alignment (:func:`rancang.corpus.align.align`,
   the one ``corpus diff`` uses), by text only so that every pair is unit to unit. A pair counts at
   :data:`PAIRED` (the support threshold of ``policy.decide`` and the harmonisation matrix).
2. **Provisions.** The pairs are joined, strongest first, into groups holding at most one clause per regulation:
   a *provision* and the regions that have it (its support). A provision of two or more regions is in the model;
   a clause of one region only is an *option* the drafter may take, with its source.
3. **Wording.** The provision's wording is the member closest to all the others (mean token-sort similarity of
   the texts with region words as slots): the wording most regions share. Ties go to the *spine*, then to the
   first store id. The other members are its variants, each with its source and similarity.
4. **Spine.** The regulation closest to the model -- the most provisions of the model less the clauses only it has
   -- gives their order and structure (BAB, Pasal, ayat): a draft composed from the model starts from its tree
   (:mod:`frommodel`). A clause naming an act of its own region (an item of a repeal list) is that region's own.
5. **Bases.** The higher act each provision carries out: by the topic catalogue (``data/harmonisasi.yaml``), the
   enabling provision of PermenPAN-RB 7/2022 only where at least two regions' Menimbang cite it; rancang holds no
   text of PermenPAN-RB 7/2022, so a provision's Pasal there is a stated blank, never a guess.

Region words (the region's name, its kind, its head's office, a date) are typed slots (:data:`SLOTS`) in the
model's wording, so that "Bupati Jepara" and "Wali Kota Bogor" are the same words. Nothing here names a region.
"""

from __future__ import annotations

import copy
import itertools
import re
from collections.abc import Callable
from statistics import mean
from typing import Any

from rapidfuzz import fuzz

from rancang.address import covers
from rancang.corpus.align import Unit, align, units
from rancang.corpus.shipped import tree_hash
from rancang.dates import MONTHS
from rancang.fold import fold
from rancang.generate.shared.resources import read_yaml
from rancang.tree import Regulation

#: least alignment score (0-1) of two clauses that are the same provision (``policy.PAIRED``)
PAIRED = 0.6
#: a clause this alike the model's wording (0-1, references and slots aside) says what the model says
SAME_WORDING = 0.95
#: least number of regions for a provision of the model (one region's clause is its own policy: an option)
SUPPORT = 2
#: the model's typed slots: what a region fills, and from which profile field
SLOTS = {
    "daerah": {"jenis": "nama daerah", "profil": "daerah.jenis + daerah.nama", "contoh": "Kabupaten Sleman"},
    "nama": {"jenis": "nama daerah tanpa jenisnya", "profil": "daerah.nama", "contoh": "Sleman"},
    "kepala": {"jenis": "jabatan kepala daerah", "profil": "daerah.jenis", "contoh": "Bupati"},
    "jenis": {"jenis": "jenis daerah", "profil": "daerah.jenis", "contoh": "Kabupaten"},
    "provinsi": {"jenis": "nama provinsi", "profil": "daerah.provinsi", "contoh": "Daerah Istimewa Yogyakarta"},
    "tanggal": {"jenis": "tanggal", "profil": "tanggal", "contoh": "1 Maret 2026"},
}
#: the act whose Pasal a regional Menimbang cites for the mandate to regulate sistem kerja
_MANDATE = re.compile(r"\bPasal\s+(\d+[A-Z]?)\s+Peraturan\s+Menteri\s+Pendayagunaan\s+Aparatur\s+Negara\s+dan\s+"
                      r"Reformasi\s+Birokrasi(?:\s+Republik\s+Indonesia)?\s+Nomor\s+7\s+Tahun\s+2022", re.I)
_DATE = re.compile(r"\b\d{1,2}\s+(?:" + "|".join(MONTHS) + r")\s+\d{4}\b", re.I)


def slotter(entry: dict[str, Any]) -> Callable[[str], str]:
    """A function writing the region words of regulation ``entry`` (:meth:`Sources.entry`) as slots:
    "Kabupaten Jepara" -> "{daerah}", "Jepara" -> "{nama}", "Bupati"/"Wali Kota" -> "{kepala}", "Kabupaten"/"Kota"
    (never "kabupaten/kota") -> "{jenis}", its province -> "{provinsi}", a date -> "{tanggal}"."""
    name = re.escape(entry.get("nama") or "") if entry.get("nama") else None
    steps: list[tuple[re.Pattern, str]] = [(_DATE, "{tanggal}")]
    if entry.get("provinsi"):
        steps.append((re.compile(r"\bprovinsi\s+" + r"\s+".join(map(re.escape, entry["provinsi"].split())) + r"\b",
                                 re.I), "Provinsi {provinsi}"))
    if name:
        steps += [(re.compile(r"\b(?:bupati|wali\s?kota)\s+" + name.replace(r"\ ", r"\s+") + r"\b", re.I),
                   "{kepala} {nama}"),
                  (re.compile(r"\b(?:kabupaten|kota)\s+" + name.replace(r"\ ", r"\s+") + r"\b", re.I), "{daerah}"),
                  (re.compile(r"\b" + name.replace(r"\ ", r"\s+") + r"\b", re.I), "{nama}")]
    steps += [(re.compile(r"\b(?:bupati|wali\s?kota)\b", re.I), "{kepala}"),
              (re.compile(r"(?<![/\w{])(?:kabupaten|kota)\b(?!\s*/)", re.I), "{jenis}")]

    def slot(text: str) -> str:
        for rx, repl in steps:
            text = rx.sub(repl, text)
        return " ".join(text.split())

    return slot


#: a clause naming an act of the region itself ("Peraturan {kepala} {nama} Nomor 80 Tahun 2021", an item of a
#: repeal list): that region's own, however alike its pattern is to another region's
_OWN_ACT = re.compile(r"\{(?:nama|daerah)\}\s+Nomor\b")


def _own_act(group: dict[str, str], text: dict[str, dict[str, str]]) -> bool:
    return any(_OWN_ACT.search(text[r][uid]) for r, uid in group.items())


def similarity(a: str, b: str) -> float:
    """0-1 token-sort similarity of two folded wordings (``policy._sim``)."""
    return fuzz.token_sort_ratio(fold(a), fold(b)) / 100


def same_but_numbers(text: str, model: str) -> bool:
    """Whether a clause says what the model's (slotted) wording says but for the numbers and the words of its
    references ("dalam Pasal 2 ayat (2) huruf a" for "dalam Pasal 3 huruf a"), and the capitals: at least
    ``SAME_WORDING`` alike once references and region slots are taken out."""
    def bare(t: str) -> str:
        t = re.sub(r"\{\w+\}", " ", t)
        t = re.sub(r"\b(?:Pasal|ayat|huruf|angka)\s+(?:\(\w+\)|\w{1,3})\b", " ", t, flags=re.I)
        return " ".join(fold(t).lower().split())
    return fuzz.ratio(bare(text), bare(model)) / 100 >= SAME_WORDING


def slotted(reg: Regulation, slot: Callable[[str], str]) -> Regulation:
    """A copy of ``reg`` with its region words as slots in every text, heading and Lampiran block (the alignment
    then compares wordings, not region names: "Wali Kota adalah Wali Kota Bogor" is "Bupati adalah Bupati
    Jepara")."""
    out = copy.deepcopy(reg)
    for n in out.walk():
        n.text = slot(n.text) if n.text else n.text
        n.heading = slot(n.heading) if n.heading else n.heading
    for b in out.lampiran:
        b.text = slot(b.text) if b.text else b.text
        b.rows = [[slot(c) if isinstance(c, str) else c for c in r] for r in b.rows] if b.rows else b.rows
    return out


def _groups(ids: list[str], regs: dict[str, Regulation]) -> tuple[dict[str, dict[str, Unit]], list[dict[str, str]]]:
    """The units of each regulation and the provisions ({store id: unit id}, at most one per regulation)."""
    unit_of = {r: {u.id: u for u in units(regs[r])} for r in ids}
    edges = []
    for a, b in itertools.combinations(ids, 2):
        for p in align(regs[a], regs[b]).pairs:
            if p.score >= PAIRED:
                edges.append((p.score, (a, p.a.id), (b, p.b.id)))
    edges.sort(key=lambda e: (-e[0], e[1], e[2]))
    parent: dict[tuple[str, str], tuple[str, str]] = {}
    members: dict[tuple[str, str], dict[str, str]] = {}
    for r in ids:
        for uid in unit_of[r]:
            parent[(r, uid)] = (r, uid)
            members[(r, uid)] = {r: uid}

    def find(x: tuple[str, str]) -> tuple[str, str]:
        while parent[x] != x:
            x = parent[x]
        return x

    for _, x, y in edges:
        fx, fy = find(x), find(y)
        if fx == fy or set(members[fx]) & set(members[fy]):
            continue
        parent[fy] = fx
        members[fx].update(members.pop(fy))
    return unit_of, list(members.values())


def _order(group: dict[str, str], spine: str, ids: list[str], position: dict[str, dict[str, int]],
           anchors: dict[str, dict[int, float]]) -> float:
    """Where a provision goes in the model: its spine clause's place; else just after the spine place of the
    nearest preceding clause of one of its regions that the spine shares."""
    if spine in group:
        return float(position[spine][group[spine]])
    places = []
    for r, uid in group.items():
        k = position[r][uid]
        before = [anchors[r][j] for j in range(k - 1, -1, -1) if j in anchors[r]]
        places.append(before[0] if before else -1.0)
    return max(places) + 0.5


def _topic(regs: dict[str, Regulation], topics: dict[str, dict[str, Any]], group: dict[str, str]) -> str | None:
    """The sistem-kerja topic (``rancang/data/topics.json``) whose clause holds the provision in most of its regions
    (ties: the first key in the catalogue's order)."""
    votes: dict[str, int] = {}
    for r, uid in group.items():
        for key, loc in (topics.get(r) or {}).items():
            if loc and loc.get("id") and (covers(loc["id"], uid) or covers(uid, loc["id"])):
                votes[key] = votes.get(key, 0) + 1
    return max(votes, key=lambda k: (votes[k], -list(votes).index(k))) if votes else None


def mandate(regs: dict[str, Regulation], act: Callable[[str], str]) -> dict[str, Any] | None:
    """The Pasal of PermenPAN-RB 7/2022 the regional acts' Menimbang cite as the mandate to regulate sistem kerja,
    when at least :data:`SUPPORT` of them cite the same one: {pasal, sumber: [acts]}; else None."""
    cited: dict[str, list[str]] = {}
    for rid, reg in regs.items():
        for m in {m.group(1) for k in reg.menimbang for m in _MANDATE.finditer(" ".join(k.text.split()))}:
            cited.setdefault(m, []).append(act(rid))
    best = max(sorted(cited), key=lambda p: len(cited[p]), default=None)
    if best is None or len(cited[best]) < SUPPORT:
        return None
    return {"pasal": f"Pasal {best}", "sumber": cited[best]}


def basis(topic: str | None, lampiran: bool, cited: dict[str, Any] | None) -> dict[str, Any]:
    """The higher act a provision carries out (``data/harmonisasi.yaml``), and its provision there where rancang has
    a source for it; else ``pasal`` None (a blank the drafter fills)."""
    data = read_yaml("draft/data/harmonisasi.yaml")
    act = data["topics"].get(topic or "", data["default"])
    out: dict[str, Any] = {"peraturan": act, "pasal": None}
    if act == data["default"]:
        out["catatan"] = ("rancang tidak memuat teks peraturan ini; pasal yang dilaksanakan belum tercatat dan harus "
                          "diisi penyusun" + (" (Lampiran: uraian pelaksanaan)" if lampiran else ""))
        if cited:
            out["pembentukan"] = f"{cited['pasal']} (dikutip dalam konsiderans {', '.join(cited['sumber'])})"
    return out


def considerations(regs: dict[str, Regulation], slot: dict[str, Callable[[str], str]], spine: str) -> str:
    """The store id whose Menimbang (its reasons, the last consideration -- the decision -- left out) is closest to
    the other regions' (mean similarity of the slotted texts); ties go to the spine. A draft from the model takes
    its reasons."""
    ids = sorted(regs)
    reasons = {r: " ".join(slot[r](k.text) for k in (regs[r].menimbang[:-1] or regs[r].menimbang)) for r in ids}
    close = {r: mean(similarity(reasons[r], reasons[o]) for o in ids if o != r) for r in ids}
    return max(ids, key=lambda r: (round(close[r], 6), r == spine, -ids.index(r)))


def build(regs: dict[str, Regulation], entries: dict[str, dict[str, Any]], topics: dict[str, dict[str, Any]],
          act: Callable[[str], str]) -> dict[str, Any]:
    """The model from the sistem-kerja regulations ``regs`` ({store id: tree}) with their identities ``entries``
    (:meth:`Sources.entry`), model topics and act names: the JSON data of ``data/model-perbup.json`` (see the
    module docstring; keys in Indonesian where the drafter reads them)."""
    ids = sorted(regs)
    slot = {r: slotter(entries[r]) for r in ids}
    unit_of, groups = _groups(ids, {r: slotted(regs[r], slot[r]) for r in ids})
    text = {r: {uid: " ".join(u.text.split()) for uid, u in unit_of[r].items()} for r in ids}
    groups = [h for g in groups for h in ([{r: u} for r, u in g.items()] if _own_act(g, text) else [g])]
    held = {r: sum(1 for g in groups if r in g and len(g) >= SUPPORT) for r in ids}
    spine = max(ids, key=lambda r: (held[r] - sum(1 for g in groups if g.keys() == {r}), -ids.index(r)))
    position = {r: {uid: k for k, uid in enumerate(unit_of[r])} for r in ids}
    anchors: dict[str, dict[int, float]] = {r: {} for r in ids}
    for g in groups:
        if spine in g:
            for r, uid in g.items():
                anchors[r][position[r][uid]] = float(position[spine][g[spine]])
    cited = mandate(regs, act)
    provisions: list[dict[str, Any]] = []
    options: list[dict[str, Any]] = []
    for g in sorted(groups, key=lambda g: (_order(g, spine, ids, position, anchors), sorted(g.items()))):
        members = sorted(g.items(), key=lambda m: (m[0] != spine, m[0]))
        if len(g) < SUPPORT:
            r, uid = members[0]
            u = unit_of[r][uid]
            options.append({"daerah": r, "peraturan": act(r), "klausul": uid, "cite": u.cite,
                            "bagian": "lampiran" if u.lampiran else "batang tubuh", "rumusan": text[r][uid]})
            continue
        close = {r: mean(similarity(text[r][uid], text[o][v]) for o, v in members if o != r) for r, uid in members}
        best = max(members, key=lambda m: (round(close[m[0]], 6), m[0] == spine, -ids.index(m[0])))
        r, uid = best
        u = unit_of[r][uid]
        key = _topic(regs, topics, g)
        provisions.append({
            "id": f"k{len(provisions) + 1:03d}", "bagian": "lampiran" if u.lampiran else "batang tubuh",
            "topik": key, "rumusan": text[r][uid],
            "sumber": {"daerah": r, "peraturan": act(r), "klausul": uid, "cite": u.cite},
            "dasar": basis(key, u.lampiran, cited),
            "dukungan": [{"daerah": o, "peraturan": act(o), "klausul": v, "cite": unit_of[o][v].cite}
                         for o, v in members],
            "varian": [{"daerah": o, "peraturan": act(o), "cite": unit_of[o][v].cite, "rumusan": text[o][v],
                        "kemiripan": round(similarity(text[r][uid], text[o][v]), 3)}
                       for o, v in members if o != r],
            "isian": sorted({m for m in re.findall(r"\{(\w+)\}", text[r][uid]) if m in SLOTS}),
        })
    return {
        "keterangan": "Model Peraturan Kepala Daerah tentang sistem kerja: setiap ketentuan yang dimuat sedikitnya "
                      f"{SUPPORT} peraturan daerah dalam korpus bawaan, dengan rumusan yang paling banyak dimiliki, "
                      "dasarnya, dukungannya dan variannya. Dibangun oleh benchmarks/build_model_perbup.py; jangan "
                      "disunting dengan tangan.",
        "korpus": [{"daerah": r, "peraturan": act(r), "pohon": tree_hash(regs[r]), "ketentuan": held[r]} for r in ids],
        "ambang": {"pasangan": PAIRED, "dukungan": SUPPORT},
        "tulang": spine,
        "konsiderans": considerations(regs, slot, spine),
        "isian": SLOTS,
        "pembentukan": cited,
        "ketentuan": provisions,
        "opsi": options,
    }

"""The model Perbup on sistem kerja (issue 27 item 1), shipped as data: ``draft/data/model-perbup.json``.

Built by :func:`model_build.build` from the bundled regulations (``python benchmarks/build_model_perbup.py``);
``tests/test_model_perbup.py`` rebuilds it from the bundled corpus and compares, so it cannot drift from the corpus
or from the alignment. Read-only here: what the draft composes from (:mod:`frommodel`), the harmonisation
matrix's higher-act column (:mod:`harmonisasi`) and the departures of a ``--base`` act.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from typing import Any

from rancang.fold import fold
from rancang.generate.check.coverage import is_sistem_kerja
from rancang.generate.draft import model_build, policy
from rancang.generate.draft.notes import Notes
from rancang.generate.draft.provenance import origin
from rancang.generate.draft.sources import Sources
from rancang.generate.shared import resources
from rancang.kb import store
from rancang.topics import label as topic_label
from rancang.tree import Node

FILE = "draft/data/model-perbup.json"
NATIONAL = "draft/data/dasar-nasional.json"
#: the base value that composes from the model (``rancang draft --base model``, the web form's first choice)
KEY = "model"


@cache
def load() -> dict[str, Any]:
    """The shipped model: {keterangan, korpus, ambang, tulang (the spine's store id), isian (typed slots),
    pembentukan, ketentuan: [provision], opsi: [one region's clause]} (:func:`model_build.build`)."""
    return json.loads(resources.read_text(FILE))


def delegation(notes: Notes) -> str | None:
    """The single Menimbang of a draft carrying out the delegation of the act the model rests on (DRAFTING.md K3;
    ``compose.yaml`` ``menimbang_delegasi``, still holding {jenis} and {judul}), or None when the model records no
    delegating Pasal (``pembentukan``: cited by at least two regions' Menimbang). rancang holds no text of that act,
    so the Pasal is listed in catatan.md as a fact to check against the official text, with the acts citing it."""
    found = load().get("pembentukan")
    if not found:
        return None
    act = resources.read_yaml("draft/data/harmonisasi.yaml")["default"]
    notes.add("putusan", "konsiderans-delegasi",
              f"Menimbang dirumuskan sebagai satu pertimbangan pelaksanaan pendelegasian {found['pasal']} {act} "
              f"(peraturan kepala daerah yang melaksanakan pendelegasian memuat satu pertimbangan, UU 12/2011 "
              f"Lampiran II). Pasal itu dikutip dalam konsiderans {len(found['sumber'])} peraturan daerah dalam "
              f"korpus ({'; '.join(found['sumber'])}); rancang tidak memuat naskah {act}, jadi cocokkan pasal yang "
              "mendelegasikan dengan naskah resminya.", cite="Menimbang")
    return resources.compose_rules()["menimbang_delegasi"].format(pasal=found["pasal"], peraturan=act)


def build_bundled(src: Sources) -> dict[str, Any]:
    """The model built now from the bundled sistem-kerja regulations of the store ``src`` (topics from its cache)."""
    ids = [r for r in src.bundled_ids() if is_sistem_kerja(src.regulation(r))]
    return model_build.build({r: src.regulation(r) for r in ids}, {r: src.entry(r) for r in ids},
                             {r: src.topics(r) for r in ids}, src.act)


def provision_of(model: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    """(store id, unit id) -> the model provision that clause is a member of."""
    return {(m["daerah"], m["klausul"]): p for p in model["ketentuan"] for m in p["dukungan"]}


def options_of(model: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    """(store id, unit id) -> the option (a clause of one region only)."""
    return {(o["daerah"], o["klausul"]): o for o in model["opsi"]}


#: a base's wording this close to the model's (0-1, :func:`model_build.similarity` of the slotted texts) is the
#: model's wording with a slip (a comma, a capital), not another rule
SAME_WORDING = 0.95


def support_of(body: list[Node], model: dict[str, Any], out: dict[tuple[str, str], list[str]]) -> None:
    """Fill ``out`` with (origin, clause id) -> the other regions' equivalent clauses ("Peraturan Bupati Malang
    Nomor 132 Tahun 2023 Pasal 7 ayat (1)") for every clause of ``body`` that is a member of a model provision, and
    an empty list for a clause only one region has (the harmonisation matrix's support column)."""
    members = provision_of(model)
    for top in body:
        for n in top.walk():
            key = origin(n)
            p = members.get(key)
            if p is not None:
                out[key] = [f"{m['peraturan']} {m['cite']}" for m in p["dukungan"] if m["daerah"] != key[0]]
            elif key in options_of(model):
                out[key] = []


@cache
def national() -> dict[str, Any]:
    """``data/dasar-nasional.json``: model wording (folded) -> the national provision it restates, read from the
    national texts by ``benchmarks/build_national_bases.py``."""
    return json.loads(resources.read_text(NATIONAL))["ketentuan"]


@cache
def national_definitions() -> dict[str, list[dict[str, Any]]]:
    """``data/dasar-nasional.json``'s definitions: term (as written) -> [{teks (verbatim), akta ("pp-2017-11"),
    nama, pasal ("Pasal 1 angka 18"), sumber (file), dicabut_oleh}], an act in force first; read from Pasal 1 of the
    national acts the bundled Mengingat cite by ``benchmarks/build_national_bases.py``."""
    return json.loads(resources.read_text(NATIONAL)).get("definisi", {})


def _national_text(p: dict[str, Any]) -> str | None:
    found = national().get(" ".join(fold(p["rumusan"]).lower().split()))
    if not found:
        return None
    kb = store.load()
    out = []
    for f in found:
        gone = ", ".join(kb.short(k) for k in f["dicabut_oleh"])
        out.append(f"{f['nama']} {f['pasal']} (rumusannya serupa, {round(f['kemiripan'] * 100)}%"
                   + (f"; telah dicabut oleh {gone}: pasal padanannya dalam {gone} tidak dapat ditunjuk, rancang "
                      "tidak memuat naskahnya)"
                      if gone else ")"))
    return "; ".join(out)


#: the term a definition defines: "Instansi Pemerintah adalah ...", "Pegawai ... yang selanjutnya disebut ... adalah"
_DEFINED = re.compile(r"^(.{2,80}?)\s+(?:yang\s+selanjutnya\b.*?)?\badalah\b")


def defined_elsewhere(rumusan: str) -> str | None:
    """The national provisions in force defining the term a definition defines (``national_definitions``), cited,
    or None."""
    m = _DEFINED.match(" ".join(rumusan.split()))
    found = national_definitions().get(m.group(1)) if m else None
    cited = [f"{f['nama']} {f['pasal']}" for f in found or [] if not f.get("dicabut_oleh")]
    return "; ".join(cited) or None


def basis_text(p: dict[str, Any]) -> str:
    """The higher-act cell of a provision: the national provision it restates where the national texts show one
    (:func:`national`); for a definition, the national act in force defining the same term, or that none does; else
    its act and provision where the model records it, or -- rancang holds no text of PermenPAN-RB 7/2022 -- that no
    Pasal of it can be named for this provision, with the Pasal delegating the whole matter (``pembentukan``: the
    Pasal two regions' Menimbang cite). Then the model id. A Pasal is never guessed."""
    d = p["dasar"]
    tail = f" (ketentuan model {p['id']}, {len(p['dukungan'])} daerah)"
    restated = _national_text(p)
    if restated is not None:
        return f"{restated}{tail}"
    if p["sumber"]["cite"].startswith("Pasal 1 angka "):  # a definition: no act's "materi" to carry out
        same = defined_elsewhere(p["rumusan"])
        if same:
            return f"batasan pengertian dalam Ketentuan Umum; istilah ini didefinisikan pula dalam {same}{tail}"
        return ("batasan pengertian untuk peraturan ini dalam Ketentuan Umum (UU 12/2011 Lampiran II angka 98); tidak "
                f"ada ketentuan peraturan yang lebih tinggi yang khusus mendasarinya{tail}")
    named = d["pasal"] or re.search(r"\bPasal\s+\d", d["peraturan"])  # (the act's entry may name its Pasal)
    matter = f" \u2014 materi: {topic_label(p['topik'])}" if p.get("topik") else ""
    if named:
        return f"{d['peraturan']}{' ' + d['pasal'] if d['pasal'] else ''}{matter}{tail}"
    delegated = f"; pengaturannya didelegasikan {d['pembentukan']}" if d.get("pembentukan") else ""
    return (f"{d['peraturan']}{matter}; tidak ada pasal tertentu yang dapat ditunjuk untuk ketentuan ini (rancang "
            f"tidak memuat naskah peraturan itu){delegated}{tail}")


def bases(body: list[Node], model: dict[str, Any]) -> dict[tuple[str, str], str]:
    """(origin, clause id) -> :func:`basis_text` of its model provision, for every clause of ``body`` in the model."""
    members = provision_of(model)
    return {origin(n): basis_text(members[origin(n)]) for top in body for n in top.walk() if origin(n) in members}


def departures(body: list[Node], base_id: str, model: dict[str, Any], act: Callable[[str], str],
               notes: Notes, chosen: list[re.Pattern] | None = None) -> int:
    """With ``--base``: note each clause of the draft from ``base_id`` that departs from the model -- a clause only
    that region has (not in the model), a wording the model words otherwise -- and each body provision of the model
    the draft lacks; what, where and why it matters. A base outside the model's corpus is measured by
    :func:`policy.decide` instead. Returns the number of notes."""
    if base_id not in {k["daerah"] for k in model["korpus"]}:
        return 0
    members, options = provision_of(model), options_of(model)
    count = 0
    present: set[str] = set()
    for top in body:
        for n in top.walk():
            key = origin(n)
            if key[0] != base_id or any(p.search(n.full_text()) for p in chosen or ()):
                continue  # (a clause the profile's option keeps is the region's own choice)
            if key in options:
                notes.add("putusan", "model-opsi", "ketentuan ini bukan ketentuan model: hanya dimuat "
                          f"{act(base_id)}, tidak oleh peraturan daerah lain dalam korpus; itu kebijakan daerah "
                          "asal, putuskan apakah menjadi kebijakan daerah ini.", n.full_text(), node=n)
                count += 1
                continue
            p = members.get(key)
            if p is None:
                continue
            present.add(p["id"])
            mine = next((v for v in p["varian"] if v["daerah"] == base_id), None)
            if p["sumber"]["daerah"] == base_id or mine is None or mine["kemiripan"] >= SAME_WORDING:
                continue
            notes.add("putusan", "model-rumusan", f"rumusan ini menyimpang dari rumusan model ({p['id']}, dimuat "
                      f"{len(p['dukungan'])} peraturan daerah): rumusan model, dari {p['sumber']['peraturan']} "
                      f"{p['sumber']['cite']}: \u201c{p['rumusan'][:300]}\u201d. Rumusan yang berbeda dapat mengubah "
                      "isi pengaturan; putuskan rumusan yang dipakai.", n.full_text(), node=n)
            count += 1
    for p in model["ketentuan"]:
        if p["bagian"] == "batang tubuh" and p["id"] not in present and not any(
                m["daerah"] == base_id for m in p["dukungan"]):
            notes.add("putusan", "model-ketentuan", f"ketentuan model {p['id']} dimuat {len(p['dukungan'])} peraturan "
                      f"daerah ({', '.join(m['peraturan'] + ' ' + m['cite'] for m in p['dukungan'])}) tetapi tidak "
                      "dimuat peraturan dasar; putuskan apakah dirumuskan.", p["rumusan"], cite="Rancangan")
            count += 1
    return count


def measure(body: list[Node], base_id: str, used: list[str], from_model: bool, src: Sources,
            notes: Notes, chosen: list[re.Pattern] | None = None) -> tuple[dict[tuple[str, str], list[str]], int]:
    """Each clause's support among the other regions (the matrix's column) and, for a ``--base`` act, its departures
    from the model as decisions (:func:`departures`; an act outside the model's corpus is measured against the
    other sistem-kerja acts of the store, :func:`policy.decide`); the number of regulations compared. ``chosen``:
    patterns of the clauses the profile's options keep (the region's own choice, never a departure to decide)."""
    support: dict[tuple[str, str], list[str]] = {}
    shipped = load()
    if not from_model and base_id not in {k["daerah"] for k in shipped["korpus"]}:
        others = [r for r in src.bundled_ids() if r not in used and is_sistem_kerja(src.regulation(r))]
        policy.decide(body, base_id, others, src, notes, src.act, support, chosen)
        return support, len(others)
    support_of(body, shipped, support)
    if not from_model:
        departures(body, base_id, shipped, src.act, notes, chosen)
    return support, len(shipped["korpus"]) - 1

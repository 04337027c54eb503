"""The sistem-kerja model: a regulation tree turned into roles, duties, reporting lines, procedures and
letters.

``build(reg)`` returns a dict valid against ``schema/sistemkerja.schema.json``; every item taken from the text
carries the human ``cite`` and the tree ``id`` it resolves to. The rules are general (the tree's structure,
the
Ketentuan Umum, list intros, cue phrases in ``patterns/``), never tied to one region's Pasal numbers.
"""

from __future__ import annotations

from typing import Any, cast

from rancang.model import abbreviations
from rancang.model.clauses import Unit, units
from rancang.model.documents import build_documents
from rancang.model.kedudukan import build_kedudukan, holders
from rancang.model.mentions import find_mentions
from rancang.model.pipeline import catalogue, cues, load_nlp
from rancang.model.procedures import build_procedures
from rancang.model.roles import build_roles, reporting_lines
from rancang.model.shapes import SistemKerja
from rancang.model.stages import build_stages
from rancang.model.topics import find_topics, stated_list, topic_cite
from rancang.parts import Meta
from rancang.tree import Regulation


def citation(meta: Meta) -> str:
    """ "Peraturan Bupati Jepara Nomor 17 Tahun 2024 tentang ..." from the tree's meta."""
    jenis = meta.jenis or "Peraturan"
    daerah = meta.daerah or ""
    place = daerah.split(" ", 1)[1] if daerah.startswith(("Kabupaten ", "Kota ", "Provinsi ")) else daerah
    parts = [f"{jenis} {place}".strip()]
    if meta.nomor:
        parts.append(f"Nomor {meta.nomor}")
    if meta.tahun:
        parts.append(f"Tahun {meta.tahun}")
    if meta.tentang:
        parts.append(f"tentang {str(meta.tentang).title()}")
    return " ".join(parts)


def build(reg: Regulation) -> SistemKerja:
    """The sistem-kerja model of ``reg`` (see the module docstring)."""
    cue = cues()
    us = units(reg, cue["definition_intro"])
    with abbreviations.using(abbreviations.defined([u.text for u in us if u.definition], load_nlp())):
        return _build(reg, us, cue)


def _build(reg: Regulation, us: list[Unit], cue: dict[str, Any]) -> SistemKerja:
    mentions = find_mentions(us, load_nlp(), cue["role_not_after"])
    topics = find_topics(us)
    meta = reg.meta
    model: dict[str, Any] = {
        "version": 2,
        "regulation": {
            "jenis": meta.jenis, "pejabat": meta.pejabat, "daerah": meta.daerah,
            "nomor": None if meta.nomor is None else str(meta.nomor),
            "tahun": meta.tahun, "tentang": meta.tentang,
            "source": reg.source.file, "citation": citation(meta),
        },
        "topics": {k: topic_cite(u) for k, u in topics.items()},
    }
    for key, topic in cue["lists"].items():
        model[key] = stated_list(topics[topic], us, cue["list_intro"], cue["item_prefix"].get(key, []))
    model["stages"] = build_stages(us, cue)
    model["roles"] = build_roles(us, mentions, catalogue("roles"), cue)
    model["reporting_lines"] = reporting_lines(model["roles"])
    model["kedudukan_lines"], model["positions"], holdings = build_kedudukan(us, mentions, cue, catalogue("roles"))
    held = holders(model["kedudukan_lines"], holdings)
    for role in model["roles"]:
        if role["id"] in held:
            role["held_by"] = held[role["id"]]
    model["procedures"] = build_procedures(us, cue)
    model["documents"] = build_documents(us, mentions, catalogue("documents"), cue, model["procedures"])
    return cast(SistemKerja, model)  # the shape schema/sistemkerja.schema.json states (tests/test_model.py)


__all__ = ["build", "citation", "load_nlp"]

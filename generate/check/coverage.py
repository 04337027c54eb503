"""Sistem-kerja coverage (S1, PermenPAN-RB 7/2022 as DRAFTING.md lists it): only for a sistem-kerja act, each
topic must be regulated somewhere -- a Pasal, an ayat, a BAB/Bagian heading or the Lampiran.

The model's topic finder (``rancang.model``) locates a topic by its precise cues; when it finds none, the looser
cues of the topic catalogue (``loose`` in ``rancang/data/topics.json``) are looked for anywhere outside the Pasal 1
definitions, so an act that regulates "kedudukan" in its own words is not reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rancang import kinds
from rancang.fold import fold
from rancang.generate.check.base import Finding, finding, is_amending
from rancang.kinds import NodeType
from rancang.model import build
from rancang.topics import loose_cues
from rancang.tree import Regulation


def is_sistem_kerja(reg: Regulation) -> bool:
    """Whether the act is a regulation (built of Pasal: a Keputusan or an Instruksi that names the sistem kerja
    carries it out, it does not regulate it) whose title is about sistem kerja, and not an amendment (S1 applies
    only then)."""
    regulation = kinds.body_unit(reg.meta.jenis) == NodeType.PASAL and not reg.dikta()
    return regulation and "sistem kerja" in fold(reg.meta.tentang or "") and not is_amending(reg)


def _places(reg: Regulation) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for node in reg.walk():
        if node.type == "perubahan":
            continue
        if node.cite.startswith("Pasal 1 ") or node.cite == "Pasal 1":
            continue
        if node.heading:
            out.append((node.cite, fold(node.heading)))
        if node.text:
            out.append((node.cite, fold(node.text)))
    for block in reg.lampiran:
        out.append((block.cite or "Lampiran", fold(block.text or "")))
    return out


def coverage(reg: Regulation, topics: dict[str, Any] | None = None) -> dict[str, str | None]:
    """Topic key -> where the act regulates it (a cite such as "Pasal 7 ayat (1)" or "Lampiran"), or None.

    ``topics`` ({topic: {cite, id} | None}) are the model's topics when the caller knows them already (a draft
    follows them from the corpus store's cache), so the model need not run."""
    if topics is None:
        topics = build(reg)["topics"]
    found = {k: (v or {}).get("cite") for k, v in topics.items()}
    cues = loose_cues()
    places = None
    for topic, phrases in cues.items():
        if found.get(topic):
            continue
        places = places if places is not None else _places(reg)
        found[topic] = next((cite for cite, text in places if any(p in text for p in phrases)), None)
    return found


def check_topics(reg: Regulation, topics: dict[str, Any] | None = None) -> Iterator[Finding]:
    """S1: every topic of the sistem-kerja model is regulated somewhere (sistem-kerja acts only)."""
    if not is_sistem_kerja(reg):
        return
    for topic, where in coverage(reg, topics).items():
        if where is None:
            yield finding("S1", "Batang Tubuh dan Lampiran", topic=topic.replace("_", " "))


CHECKS = [check_topics]

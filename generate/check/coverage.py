"""Sistem-kerja coverage (S1, PermenPAN-RB 7/2022 as DRAFTING.md lists it): only for a sistem-kerja act, each
topic must be regulated somewhere -- a Pasal, an ayat, a BAB/Bagian heading or the Lampiran.

The model's topic finder (``rancang.model``) locates a topic by its precise cues; when it finds none, the looser
cues of the topic catalogue (``loose`` in ``rancang/data/topics.json``) are looked for anywhere outside the Pasal 1
definitions, so an act that regulates "kedudukan" in its own words is not reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from rancang import kinds
from rancang.fold import fold
from rancang.generate.check.base import Finding, finding, is_amending, item_cite, rules
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


def by_reference(reg: Regulation) -> str | None:
    """Where the act carries PermenPAN-RB 7/2022 out by reference: the cite of the first consideration that says
    the act carries it out ("bahwa untuk melaksanakan ketentuan Pasal 5 Peraturan Menteri Pendayagunaan Aparatur
    Negara dan Reformasi Birokrasi Nomor 7 Tahun 2022 ...": the act regulates what that provision leaves to it),
    or of the first provision of its batang tubuh (Pasal 1 excluded) or Lampiran that names it ("... dilaksanakan
    sesuai dengan Peraturan Menteri ..."), else None. A Mengingat entry alone is no such reference: it names the
    act as a basis, not as the rules to follow. Patterns: rules.yaml S1_rujukan ``refers``."""
    pattern = re.compile("|".join(rules()["S1_rujukan"].get("refers") or []) or r"(?!)")
    considered = [(item_cite("Menimbang", reg.menimbang, k), fold(k.text)) for k in reg.menimbang
                  if re.search(r"\bmelaksanakan\b", fold(k.text))]
    return next((cite for cite, text in [*considered, *_places(reg)] if pattern.search(text)), None)


def check_topics(reg: Regulation, topics: dict[str, Any] | None = None) -> Iterator[Finding]:
    """S1: every topic of the sistem-kerja model is regulated somewhere (sistem-kerja acts only): a warning when
    the act neither regulates it nor refers to PermenPAN-RB 7/2022, which binds the Instansi by itself and asks
    no Perbup to restate it; an INFO (S1_rujukan) when a provision carries the Peraturan Menteri out by
    reference."""
    if not is_sistem_kerja(reg):
        return
    missing = [topic for topic, where in coverage(reg, topics).items() if where is None]
    where = by_reference(reg) if missing else None
    if missing and where is not None:  # (one INFO naming every topic left to the Peraturan Menteri)
        yield finding("S1_rujukan", "Batang Tubuh dan Lampiran", where=where,
                      topics=", ".join(f'"{t.replace("_", " ")}"' for t in missing))
        return
    for topic in missing:
        yield finding("S1", "Batang Tubuh dan Lampiran", topic=topic.replace("_", " "))


CHECKS = [check_topics]

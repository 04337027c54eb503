"""Local policy as a decision (issue 27, item 4): a clause of the base that departs from what the other regions
of the corpus say is listed in ``catatan.md`` with its source region and, where the others agree, their wording.

The measure is rancang's own alignment of clauses by meaning (:func:`rancang.corpus.align.align`, the one ``corpus
diff`` uses) of the base against every other regulation about sistem kerja in the store: a base clause that no
other region has is that region's own rule ("Pegawai Pemerintah dengan Perjanjian Kerja tidak dapat ditugaskan
sebagai Ketua Tim Kerja"); a clause the others share, but whose words the base changed further than the others
differ among themselves ("... atau Pejabat Fungsional" where the others say "... atau pejabat lain"), is a variant,
listed with the majority's wording and where it is from. Nothing here names a region: only the store's contents.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from statistics import mean
from typing import Any

from rapidfuzz import fuzz

from rancang.corpus.align import Unit, align
from rancang.fold import fold
from rancang.generate.draft.notes import Notes
from rancang.generate.draft.provenance import origin
from rancang.generate.shared import resources
from rancang.generate.shared.profile import Profile
from rancang.kinds import CONTAINERS
from rancang.tree import Node

#: how much closer the other regions' wordings are to each other than to the base's before the base's is a
#: variant (0-1 token-sort similarity), and the least similarity that still reads as "the same clause reworded"
GAP = 0.12
SAME = 0.55
#: the other regions count as agreeing only when their wordings are this close to one another, each paired with
#: the base's clause at least at PAIRED (a weak pairing is no evidence of what "most regions" say)
AGREE = 0.85
PAIRED = 0.6


def _sim(a: str, b: str) -> float:
    return fuzz.token_sort_ratio(fold(a), fold(b)) / 100


def decide(body: list[Node], base_id: str, others: list[str], src, notes: Notes, act: Callable[[str], str],
           support: dict[tuple[str, str], list[str]] | None = None, chosen: list[re.Pattern] | None = None) -> int:
    """Note each clause of the draft that came from ``base_id`` and departs from the other regulations ``others``
    (store ids about sistem kerja): its only region, or the majority wording and its source. Needs at least two
    other regulations (a majority of one is no majority). Returns the number of decisions noted.

    ``support``, when given, is filled with (base id, clause id) -> the equivalent clauses of the other
    regulations ("Peraturan Wali Kota Bogor Nomor 93 Tahun 2022 Pasal 16 ayat (1)"), paired at least at PAIRED:
    the support column of the harmonisation matrix (an empty list: no other regulation has it).

    ``chosen``: patterns of the clauses the profile itself decided to keep (an option of ``data/compose.yaml``
    set against dropping them): this region's policy by its own choice, so no decision is asked of it."""
    if len(others) < 2:
        return 0
    base = src.regulation(base_id)
    partners: dict[str, list[tuple[str, Unit, float]]] = {}
    seen: set[str] = set()
    for rid in others:
        al = align(base, src.regulation(rid), src.topics(base_id), src.topics(rid))
        for p in al.pairs:
            partners.setdefault(p.a.id, []).append((rid, p.b, p.score))
            seen.add(p.a.id)
        for u in al.only_a:
            seen.add(u.id)
            partners.setdefault(u.id, [])
    in_draft = {origin(n)[1]: n for top in body for n in top.walk() if origin(n)[0] == base_id}
    if support is not None:
        for uid, found in partners.items():
            support[(base_id, uid)] = [f"{act(rid)} {u.cite}" for rid, u, score in found if score >= PAIRED]
    count = 0
    for uid, found in partners.items():
        node = in_draft.get(uid)
        if node is None or node.type in CONTAINERS or uid.startswith("pasal-1/"):
            continue  # definitions are the terms the body uses: U4/U5 decide them
        text = " ".join(x.text for x in node.walk() if x.text)
        if len(text.split()) < 6 or any(p.search(text) for p in chosen or ()):
            continue
        if not found:
            notes.add("putusan", "kebijakan-lokal", f"ketentuan ini hanya ada dalam {act(base_id)}; tidak ada "
                      f"peraturan lain dalam korpus ({len(others)}) yang mengaturnya: itu kebijakan daerah asal, "
                      "putuskan apakah menjadi kebijakan daerah ini.", text, node=node)
            count += 1
            continue
        found = [f for f in found if f[2] >= PAIRED]
        if len(found) < 2:
            continue
        to_base = mean(_sim(text, u.text) for _, u, _ in found)
        among = [(rid, u, mean(_sim(u.text, v.text) for r2, v, _ in found if r2 != rid)) for rid, u, _ in found]
        rid, best, agree = max(among, key=lambda x: x[2])
        if agree >= AGREE and agree - to_base >= GAP and to_base >= SAME:
            notes.add("putusan", "kebijakan-lokal", f"rumusan ini berbeda dari rumusan yang dipakai sebagian besar "
                      f"peraturan lain dalam korpus ({len(found)} dari {len(others)}); rumusan mayoritas, mis. "
                      f"{act(rid)} {best.cite}: \u201c{' '.join(best.text.split())[:300]}\u201d. Putuskan rumusan "
                      "yang dipakai.", text, node=node)
            count += 1
    return count


def option(profile: Profile, rule: dict[str, Any], model: dict[str, Any]) -> Any:
    """The value of the ``drop_when`` option ``rule`` for ``profile``: the profile's own, else the model's: a
    clause the model Perbup does not hold (one region's rule: the bar on PPPK as Ketua Tim Kerja is Jepara's alone)
    is not carried unless the profile asks for it, so the option defaults to the value that drops it; a clause the
    model holds (two or more regions) is kept by default."""
    value = profile.opsi(rule["option"])
    if value is not None:
        return value
    patterns = [re.compile(p, re.IGNORECASE) for p in rule["patterns"]]
    held = any(p.search(k["rumusan"]) for k in model["ketentuan"] for p in patterns)
    return not rule["value"] if held else rule["value"]


def chosen(profile: Profile) -> list[re.Pattern]:
    """The patterns of the clauses the profile chose to keep: an option of ``drop_when`` the profile sets to a value
    other than the one that drops them (``pppk_dapat_menjadi_ketua_tim: false`` keeps the bar on PPPK). An option
    left to the model (:func:`option`) is no choice of the region's."""
    out = []
    for rule in resources.compose_rules()["drop_when"]:
        value = profile.opsi(rule["option"])
        if value is not None and value != rule["value"]:
            out += [re.compile(p, re.IGNORECASE) for p in rule["patterns"]]
    return out

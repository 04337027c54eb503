"""The stages of the work mechanism (perencanaan, pelaksanaan, evaluasi): the stage an item names, and the stages
the Lampiran states in order with the items under each (PermenPANRB 7/2022 Lampiran: "Tahapan Perencanaan",
"Tahapan Pelaksanaan", "Tahapan Evaluasi")."""

from __future__ import annotations

import re
from typing import Any

from rancang.kinds import LIST_TYPES
from rancang.model.clauses import Unit, clean, lampiran_following

_LABEL = re.compile(r"^(?:[-•]\s*)?(?:\(?[a-zA-Z0-9]{1,3}[.)]\s+)")


def title(text: str) -> str:
    """An item's text without its list label ("1) Tahapan Perencanaan:" -> "Tahapan Perencanaan:")."""
    return clean(_LABEL.sub("", clean(text)))


def stage_of(u: Unit, cues: dict[str, Any], heading: bool = True) -> str | None:
    """The stage an item names ("Tahapan Evaluasi:"); ``heading``: only a short title, not a sentence."""
    said = title(u.text).lower()
    for name, words in cues["stages"]["names"].items():
        if said.startswith(tuple(words)) and (len(said) < 80 or not heading):
            return name
    bare = said.rstrip(" :.")
    return next((name for name, words in cues["stages"].get("bare", {}).items() if bare in words), None)


def stage_told(u: Unit, cues: dict[str, Any]) -> str | None:
    """The stage of an item that names its stage and tells its steps in the same block ("1. Tahap Perencanaan /
    Pada tahap perencanaan, Pimpinan Unit Organisasi menetapkan ...", the reader joining the paragraph to its
    title; "3. Evaluasi, yaitu Ketua Tim Kerja mereviu ..."): the stage, when four words or more follow its name
    and the item introduces no list (no closing ":")."""
    said = title(u.text).lower()
    if said.rstrip().endswith(":"):
        return None
    told = r"(?:[,:]|\s+(?:yaitu|adalah|meliputi)\b)"  # a bare name ("Evaluasi, yaitu ..."), not "pelaksanaan tugas"
    for named, table in ((True, cues["stages"]["names"]), (False, cues["stages"].get("bare", {}))):
        for name, words in table.items():
            for w in sorted(words, key=len, reverse=True):
                rest = said.removeprefix(w)
                if rest != said and re.match(told + (r"|\s+\S" if named else ""), rest) and len(rest.split()) >= 4:
                    return str(name)
    return None


def _stage_set(us: list[Unit], cues: dict[str, Any]) -> list[tuple[str, Unit]]:
    """The first run of stage items in the Lampiran ("1. Tahapan Perencanaan", "2. Tahapan Pelaksanaan",
    "3. Tahapan Evaluasi"): stage units at one level, in order, up to the next block above that level."""
    run: list[tuple[str, Unit]] = []
    for u in us:
        if u.source != "lampiran":
            continue
        name = (stage_of(u, cues, heading=False) or stage_told(u, cues)) if u.type in ("item", "heading") else None
        if run and (u.type in ("item", "heading") and u.level < run[0][1].level and not name
                    or name and u.level != run[0][1].level):
            break
        if name and all(n != name for n, _ in run):
            run.append((name, u))
        elif name and run:
            break  # the same stage again: the next unit type's mechanism
    return run


def build_stages(us: list[Unit], cues: dict[str, Any]) -> list[dict[str, Any]]:
    """The stages of the work mechanism (perencanaan, pelaksanaan, evaluasi) in the order the Lampiran states
    them, each with the items under it (or, where it has none, the paragraphs that describe it); where the
    Lampiran names no stage, the body list naming them."""
    out = []
    for stage, u in _stage_set(us, cues):
        steps = lampiran_following(us, u)
        if not steps:
            steps = []
            for v in us[u.index + 1:]:
                if v.source != "lampiran" or v.type != "paragraph":
                    break
                steps.append(v)
        head = re.match(r"\S+\s+\S+", title(u.text))  # "Tahapan Evaluasi", without the sentence joined to it
        out.append({"name": stage, "title": head.group(0).rstrip(" ;.:") if head else stage, "cite": u.cite, "id": u.id,
                    "steps": [{"text": clean(s.text), "cite": s.cite, "id": s.id} for s in steps]})
    if out:
        return out
    for stage, words in cues["stages"]["names"].items():
        body = next((u for u in us if u.source == "body" and not u.definition and u.type in LIST_TYPES
                     and any(title(u.text).lower().startswith(w) for w in words)), None)
        if body is not None:
            out.append({"name": stage, "title": title(body.text).rstrip(" ;.:")[:120], "cite": body.cite,
                        "id": body.id, "steps": []})
    return out

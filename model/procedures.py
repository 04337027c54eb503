"""Procedures: the penugasan and reporting mechanisms as ordered steps, and the stages of the work mechanism.

Lampiran: a heading or item that opens with a procedure cue ("Mekanisme penunjukan yang bersifat lintas ...")
owns the items nested under it; each item is a step. Body: the reporting clauses ("... melaporkan ... kepada
...") form the reporting procedure, and the clauses defining penunjukan / pengajuan sukarela a one-step one.
A step's actor is its subject (or the agent after "oleh"; after "maka" when the step is conditional), ``to``
the
roles after "kepada", ``cc`` the roles after "tembusan", ``document`` the first letter or decision it names.
"""

from __future__ import annotations

import re
from typing import Any

from rancang.model.clauses import Unit, clean, lampiran_following
from rancang.model.mentions import Mention, before
from rancang.model.roles import NOT_SUBJECT, slug, subjects

_LABEL = re.compile(r"^(?:[-•]\s*)?(?:\(?[a-zA-Z0-9]{1,3}[.)]\s+)")


def _title(text: str) -> str:
    return clean(_LABEL.sub("", clean(text)))


def _name(title: str) -> str:
    """The procedure's title without the sentence the parser joined to it ("... Instansi Pemerintah Penunjukan
    Pejabat ... dilakukan ...")."""
    cut = re.search(r"[.:]|\s(?=(?:Penunjukan|Pengajuan|Penugasan|Pejabat|Pimpinan)\s)", title[15:])
    return (title[:15 + cut.start()] if cut else title)[:120].strip(" .:")


def _is_subheading(u: Unit) -> bool:
    return u.text.rstrip().endswith(":") and len(u.text) < 60


def _classify(text: str, table: dict[str, list[str]]) -> str | None:
    low = text.lower()
    for key, cues in table.items():
        if any(c in low for c in cues):
            return key
    return None


def analyse_step(u: Unit, ms: list[Mention], cues: dict[str, Any], n: int) -> dict[str, Any]:
    text = u.low
    focus = 0
    for c in cues["step_consequent"]:
        pos = text.rfind(c)
        if pos >= 0:
            focus = max(focus, pos + len(c))
    roles = [m for m in ms if m.label == "ROLE" and m.start >= focus]
    cc_pos = min((text.find(c) for c in cues["step_cc"] if text.find(c) >= 0), default=-1)
    agent = [m for m in roles if before(text, m, 8).rstrip().endswith(tuple(cues["step_agent"]))]
    free = [m for m in roles if not before(text, m, 14).rstrip().endswith(NOT_SUBJECT)]
    actor = agent[0] if agent else (free[0] if free else None)
    cc = [m.key for m in roles if cc_pos >= 0 and m.start > cc_pos]
    to = [m.key for m in roles if before(text, m, 10).rstrip().endswith(tuple(cues["step_to"]))
          and not (cc_pos >= 0 and m.start > cc_pos) and (actor is None or m.key != actor.key)]
    docs = [m for m in ms if m.label == "DOC"]
    return {"n": n, "actor": actor.key if actor else None, "action": clean(u.text),
            "document": docs[0].key if docs else None, "to": list(dict.fromkeys(to)),
            "cc": list(dict.fromkeys(cc)), "cite": u.cite, "id": u.id}


def _unique(pid: str, seen: set[str]) -> str:
    out, i = pid, 2
    while out in seen:
        out, i = f"{pid}_{i}", i + 1
    seen.add(out)
    return out


def build_procedures(us: list[Unit], mentions: list[list[Mention]], cues: dict[str, Any]) -> list[dict]:
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    intros = cues["procedure_intro"]
    for u in us:
        if u.source != "lampiran" or u.type not in ("heading", "item", "paragraph"):
            continue
        title = _title(u.text)
        if not any(title.lower().startswith(c) for c in intros):
            continue
        steps = [s for s in lampiran_following(us, u) if not _is_subheading(s)]
        if not steps:
            continue
        name = _name(title)
        form = _classify(title, cues["procedure_forms"]) or "penugasan"
        scope = _classify(title, cues["procedure_scopes"])
        pid = _unique(slug(f"{form} {scope or 'umum'}"), seen)
        out.append({"id": pid, "name": name, "form": form, "scope": scope, "source": "lampiran",
                    "cite": u.cite, "node": u.id,
                    "steps": [analyse_step(s, mentions[s.index], cues, i + 1) for i, s in enumerate(steps)]})
    # body: reporting lines in document order
    report_units = [u for u in us if u.source == "body" and not u.definition and u.type in ("pasal", "ayat")
                    and re.search(r"\bmelaporkan\b", u.low)]
    steps = []
    for u in report_units:
        subj, _ = subjects(u, mentions[u.index], ["melaporkan"])
        step = analyse_step(u, mentions[u.index], cues, len(steps) + 1)
        if subj:
            step["actor"] = subj[0].key
            step["to"] = [t for t in step["to"] if t != subj[0].key]
        steps.append(step)
    if steps:
        out.append({"id": _unique("pelaporan", seen), "name": "Pelaporan pelaksanaan tugas",
                    "form": "pelaporan",
                    "scope": None, "source": "batang_tubuh", "cite": report_units[0].cite,
                    "node": report_units[0].id, "steps": steps})
    # body: the clauses that define each assignment form
    for form, words in (("penunjukan", "penunjukan"), ("pengajuan_sukarela", "pengajuan sukarela")):
        for u in us:
            if u.source == "body" and not u.definition and u.low.startswith(words) and " merupakan " in u.low:
                step = analyse_step(u, mentions[u.index], cues, 1)
                agent = [m for m in mentions[u.index] if m.label == "ROLE"
                         and before(u.low, m, 8).rstrip().endswith(("oleh", "dari"))]
                if agent:
                    step["actor"] = agent[0].key
                    step["to"] = [t for t in step["to"] if t != agent[0].key]
                out.append({"id": _unique(f"{form}_batang_tubuh", seen), "name": clean(words.capitalize()),
                            "form": form, "scope": None, "source": "batang_tubuh",
                            "cite": u.cite, "node": u.id,
                            "steps": [step]})
                break
    return out


def build_stages(us: list[Unit], cues: dict[str, Any]) -> list[dict[str, Any]]:
    """The first Lampiran heading of each stage (perencanaan, pelaksanaan, evaluasi) with its items; where the
    Lampiran has none, the body list naming the stages."""
    names: dict[str, list[str]] = cues["stages"]["names"]
    out = []
    for stage, words in names.items():
        found = None
        for u in us:
            title = _title(u.text).lower()
            if u.source == "lampiran" and u.type != "paragraph" and any(title.startswith(w) for w in words):
                steps = lampiran_following(us, u)
                if steps:
                    found = (u, steps)
                    break
        if found is None:
            body = next((u for u in us if u.source == "body" and not u.definition
                         and u.type in ("huruf", "angka", "item")
                         and any(_title(u.text).lower().startswith(w) for w in words)), None)
            if body is not None:
                found = (body, [])
        if found:
            u, steps = found
            out.append({"name": stage, "title": _title(u.text).rstrip(" ;.:"), "cite": u.cite, "id": u.id,
                        "steps": [{"text": clean(s.text), "cite": s.cite, "id": s.id} for s in steps]})
    return out

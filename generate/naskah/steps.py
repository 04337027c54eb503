"""The steps of a scenario as a regulation states them (``rancang letter --scenario NAME --peraturan ID|FILE``).

The regulation is the one named, or the bundled base (``peraturan_bawaan``). Its sistem-kerja model
(:func:`rancang.model.build`) is read: the procedure of the scenario's form and scope, and in it, for each step,
the model step that matches the step's cues (``cocok``: actor roles, document keys, words), searched in order.
The matched step gives the clause cited in ``skenario.md`` and its own wording; a step that names a nota dinas
makes the letter a nota dinas where the type allows it. A better model therefore makes better letters without
any change here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from rancang import corpus
from rancang.errors import InputError
from rancang.generate.naskah.catalogue import scenarios_data
from rancang.generate.naskah.fill import text
from rancang.ingest import ingest_path
from rancang.model import build


@dataclass(frozen=True)
class Found:
    """One scenario step as the regulation states it: wording, clause, and the form it names (or None)."""

    teks: str
    cite: str
    layout: str | None = None


@dataclass
class Plan:
    """The steps of one scenario under one regulation; ``citation`` None means the region's own act (profile)."""

    prosedur: str
    citation: str | None = None
    steps: list[Found] = field(default_factory=list)


@cache
def _stored_model(key: str) -> dict[str, Any]:
    return build(corpus.load(key))


def _model(peraturan: str) -> dict[str, Any]:
    if corpus.entry(peraturan) is not None:
        return _stored_model(peraturan)
    path = Path(peraturan)
    if not path.is_file():
        ids = ", ".join(e["id"] for e in corpus.bundled())
        raise InputError(f"--peraturan '{peraturan}' bukan berkas maupun peraturan korpus (pilihan: {ids}).")
    return build(ingest_path(path))


def _procedure(model: dict[str, Any], form: str, scopes: list[str]) -> dict[str, Any]:
    for scope in scopes:
        for p in model["procedures"]:
            if p["form"] == form and p.get("scope") == scope:
                return p
    have = ", ".join(f"{p['form']}/{p.get('scope') or '-'}" for p in model["procedures"]) or "tidak ada"
    raise InputError(f"peraturan ini tidak mengatur prosedur {form} ({' atau '.join(scopes)}); prosedur yang "
                     f"diatur: {have}.")


def _score(step: dict[str, Any], cues: dict[str, Any]) -> int:
    """How many of the cues a model step meets; 0 for the refusal branch of a step ("tidak menyetujui") unless
    the cues ask for it."""
    action = text(step.get("action")).lower()
    refusal = scenarios_data()["penolakan"]
    if any(w in action for w in refusal) and not any(w in " ".join(cues.get("kata") or []) for w in refusal):
        return 0
    score = int(step.get("actor") in (cues.get("aktor") or []))
    score += int(step.get("document") in (cues.get("dokumen") or []))
    score += sum(1 for w in cues.get("kata") or [] if w.lower() in action)
    return score


def _match(candidates: list[dict[str, Any]], start: int, cues: dict[str, Any]) -> int | None:
    """Index of the best-scoring step at or after ``start`` (else anywhere), None when nothing matches."""
    for lo in (start, 0):
        scored = [(_score(s, cues), -i, i) for i, s in enumerate(candidates) if i >= lo]
        best = max(scored, default=(0, 0, None))
        if best[0] > 0:
            return best[2]
    return None


def _form(action: str) -> str | None:
    low = action.lower()
    if "nota dinas" in low:
        return "nota"
    return None


def _reporting(model: dict[str, Any]) -> dict[str, Any] | None:
    """The reporting lines (who reports to whom, with the clause) as one procedure of steps."""
    lines = model.get("reporting_lines") or []
    if not lines:
        return next((p for p in model["procedures"] if p["form"] == "pelaporan"), None)
    steps = [{"actor": x["from"], "to": [x["to"]], "cite": x["cite"], "document": None,
              "action": f"{x['from']} melaporkan pelaksanaan tugas kepada {x['to']}".replace("_", " ")}
             for x in lines]
    steps.sort(key=lambda s: not s["cite"].startswith("Pasal"))  # the batang tubuh's own rule first
    return {"cite": steps[0]["cite"] if steps else "", "steps": steps, "lines": True}


def plan(scen: dict[str, Any], peraturan: str | None) -> Plan:
    """The steps of ``scen`` in regulation ``peraturan`` (a stored id or a file); without one, in the bundled base
    regulation, whose clauses are cited while the letters cite the region's own act (``citation`` None)."""
    base = scenarios_data()["peraturan_bawaan"]
    model = _model(peraturan or base)
    proc = _procedure(model, scen["prosedur"]["form"], scen["prosedur"]["scope"])
    report = _reporting(model)
    note = "" if peraturan else f"; klausul menurut peraturan dasar bawaan: {model['regulation']['citation']}"
    out = Plan(f"{proc['name']} ({proc['cite']}{note})", model["regulation"]["citation"] if peraturan else None)
    pos = {id(proc): 0, id(report): 0}
    for step in scen["langkah"]:
        source = report if step.get("prosedur") == "pelaporan" else proc
        if source is None:
            raise InputError("peraturan ini tidak mengatur pelaporan pelaksanaan tugas.")
        i = _match(source["steps"], pos[id(source)], step.get("cocok") or {})
        if i is None:
            out.steps.append(Found(f"{text(step['teks'])} (langkah ini tidak dirinci dalam peraturan)", source["cite"]))
            continue
        s = source["steps"][i]
        if source.get("lines"):  # a reporting line: the clause, in the scenario's own words
            out.steps.append(Found(text(step["teks"]), text(s["cite"])))
            continue
        pos[id(source)] = i + 1
        out.steps.append(Found(text(s["action"]), text(s["cite"]), _form(s["action"])))
    return out

"""Measure the model's procedures against a hand-read step gold (``tests/gold/steps/*.json``).

A gold step is ``{cite, text, actor, side, branch, stage, document}``: the printed path of the clause, its first
words, and what the text says about it. A model step matches a gold step when their cites are equal and the
model step's words start with the gold words (after markup and spacing are normalised); each step matches at
most once. Precision is matched model steps over all model steps, recall matched gold steps over all gold
steps. Actor precision: model steps naming an actor whose actor is the gold one, over model steps naming one;
actor recall: gold steps naming an actor that the model gives the same actor, over gold steps naming one.
"""

from __future__ import annotations

from typing import Any

from rancang.model.clauses import clean


def _norm(text: str) -> str:
    return clean(text).lower()


def match_steps(model: dict[str, Any], gold: dict[str, Any]) -> list[tuple[dict | None, dict | None]]:
    """Pairs (model step, gold step); a side is None where the other has no partner. Model steps are those of
    every procedure; gold steps those of every gold procedure."""
    got = [s for p in model["procedures"] for s in p["steps"]]
    want = [s for p in gold["procedures"] for s in p["steps"]]
    by_cite: dict[str, list[int]] = {}
    for i, s in enumerate(got):
        by_cite.setdefault(s["cite"], []).append(i)
    used: set[int] = set()
    pairs: list[tuple[dict | None, dict | None]] = []
    for g in want:
        words = _norm(g["text"])
        hit = next((i for i in by_cite.get(g["cite"], []) if i not in used
                    and _norm(got[i]["action"]).startswith(words)), None)
        if hit is None:
            pairs.append((None, g))
        else:
            used.add(hit)
            pairs.append((got[hit], g))
    pairs += [(s, None) for i, s in enumerate(got) if i not in used]
    return pairs


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def score_steps(model: dict[str, Any], gold: dict[str, Any]) -> dict[str, float]:
    """``{step_p, step_r, actor_p, actor_r, side, branch, document}`` (fractions; the last three: share of
    matched steps where the model agrees with the gold)."""
    pairs = match_steps(model, gold)
    matched = [(m, g) for m, g in pairs if m is not None and g is not None]
    n_model = sum(m is not None for m, _ in pairs)
    n_gold = sum(g is not None for _, g in pairs)
    named = [m for m, _ in pairs if m is not None and m.get("actor")]
    right = [(m, g) for m, g in matched if m.get("actor") and m["actor"] == g["actor"]]
    gold_named = [g for _, g in pairs if g is not None and g["actor"]]
    return {
        "step_p": _ratio(len(matched), n_model), "step_r": _ratio(len(matched), n_gold),
        "actor_p": _ratio(len(right), len(named)), "actor_r": _ratio(len(right), len(gold_named)),
        "side": _ratio(sum(m.get("side") == g["side"] for m, g in matched), len(matched)),
        "branch": _ratio(sum(m.get("branch") == g["branch"] for m, g in matched), len(matched)),
        "document": _ratio(sum(m.get("document") == g["document"] for m, g in matched), len(matched)),
    }


def score_duties(model: dict[str, Any], gold: dict[str, Any]) -> dict[str, float]:
    """``{duty_p, duty_r, kedudukan_as_duty}`` against a hand-read duty gold (``tests/gold/duties/*.json``).

    A gold duty ``{role, text}`` is found when the model's role of that id has a duty whose words start with the
    gold words (each model duty matched at most once); ``duty_r`` is found over all; ``duty_p`` found over the
    model's duties cited in the places the gold read (``read``: cites, each with what lies under it; default
    ``["Lampiran"]``: the gold reads the Lampiran's duty lists, body duties are not in it).
    ``kedudukan_as_duty``: model duties opening a kedudukan (``not_duty_verbs`` of the gold, after the role's
    name), which must be 0."""
    duties = {r["id"]: [_norm(d["text"]) for d in r["duties"]] for r in model["roles"]}
    used: set[tuple[str, int]] = set()
    found = 0
    for g in gold["duties"]:
        words = _norm(g["text"])
        hit = next((i for i, t in enumerate(duties.get(g["role"], []))
                    if (g["role"], i) not in used and t.startswith(words)), None)
        if hit is not None:
            used.add((g["role"], hit))
            found += 1
    bad = sum(1 for ts in duties.values() for t in ts if any(v in t for v in gold.get("not_duty_verbs", [])))
    read = tuple(gold.get("read") or ["Lampiran"])
    placed = sum(1 for r in model["roles"] for d in r["duties"]
                 if any(d["cite"] == c or d["cite"].startswith(c + " ") for c in read))
    return {"duty_p": _ratio(found, placed), "duty_r": _ratio(found, len(gold["duties"])),
            "kedudukan_as_duty": float(bad)}


def _line(x: dict[str, Any]) -> tuple[str, tuple[str, ...], str, frozenset[str]]:
    return x["from"], tuple(x["jenjang"]), x["to"], frozenset(x["as"])


def score_lines(model: dict[str, Any], gold: dict[str, Any]) -> dict[str, float]:
    """``{lines_p, lines_r}``: the model's distinct kedudukan lines (from, jenjang, to, the roles the superior acts
    as) against a hand-read line gold (``tests/gold/lines/*.json``); a line matches only when all four agree."""
    got = {_line(x) for x in model.get("kedudukan_lines") or []}
    want = {_line(x) for x in gold["lines"]}
    return {"lines_p": _ratio(len(got & want), len(got)), "lines_r": _ratio(len(got & want), len(want))}


def score_reporting(model: dict[str, Any], gold: dict[str, Any]) -> dict[str, float]:
    """``{report_p, report_r}``: the model's distinct reporting lines (from, to) against a hand-read reporting gold
    (``tests/gold/reporting/*.json``)."""
    got = {(x["from"], x["to"]) for x in model.get("reporting_lines") or []}
    want = {(x["from"], x["to"]) for x in gold["lines"]}
    return {"report_p": _ratio(len(got & want), len(got)), "report_r": _ratio(len(got & want), len(want))}

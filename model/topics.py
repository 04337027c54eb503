"""Where each sistem-kerja topic is regulated, and the lists the act states there.

A candidate is a Pasal without ayat or one ayat (with its list items), outside the Ketentuan Umum definitions.
It qualifies for a topic when each ``require`` group of the topic's ``find`` cues (the catalogue
``rancang/data/topics.json``) has a hit in its text, or, by meaning, when each group of its ``meaning`` cues has a
hit among the text's word stems (spaCy's PhraseMatcher over Sastrawi stems, :class:`rancang.meaning.Phrases`):
"melaporkan" finds "menyampaikan laporan", "pengelolaan kinerja" finds "mengelola kinerja", whatever words the
Permen used. Only the cues listed under ``meaning`` are read by stems: "pelaksanaan tugas" (a topic's name) is
not "melaksanakan tugas" (any clause's verb), so it stays exact. The best scoring
candidate wins (``prefer`` hits, the topic named in the enclosing BAB/Bagian heading, the text opening with the
topic). The whole Pasal is cited when every ayat of it qualifies, else the ayat - the gold convention.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from rancang import topics
from rancang.kinds import LIST_TYPES
from rancang.meaning import Phrases
from rancang.model.clauses import Unit, clean, strip_item
from rancang.model.pipeline import cues


def candidates(us: list[Unit]) -> list[Unit]:
    """Pasal without ayat and every ayat of the body, definitions and amendment instructions excluded (a Pasal
    "Beberapa ketentuan ... diubah sebagai berikut: 1. Ketentuan Pasal 8 diubah ..." regulates no topic itself;
    the Pasal it amends, printed under it, may)."""
    out = []
    for u in us:
        if u.source != "body" or u.definition:
            continue
        if u.type == "pasal":
            if not any(us[c].type == "ayat" for c in u.children):
                out.append(u)
        elif u.type == "ayat":
            out.append(u)
    return [u for u in out if not _is_definitions(u, us) and not _amends(u, us)]


def _amends(u: Unit, us: list[Unit]) -> bool:
    rules = [re.compile(r) for r in cues()["amendment_instruction"]]

    def instruction(text: str) -> bool:
        return any(r.search(text) for r in rules)

    return instruction(u.low) or any(instruction(us[c].low) for c in u.children)


def _is_definitions(u: Unit, us: list[Unit]) -> bool:
    return any(us[c].definition for c in u.children)


def _qualifies(text: str, rule: dict[str, Any], meant: frozenset[int] = frozenset()) -> bool:
    """No ``avoid`` phrase in ``text``, and every ``require`` group hit by its words or every ``meaning`` group hit
    by its stems (``meant``: the indexes of the ``meaning`` groups :class:`Phrases` found in the text)."""
    if any(a in text for a in rule.get("avoid", [])):
        return False
    groups = rule.get("meaning") or []
    if groups and all(i in meant for i in range(len(groups))):
        return True
    return all(any(p in text for p in group) for group in rule["require"])


@lru_cache(maxsize=8)
def _matcher(rules_json: str) -> Phrases:
    rules = json.loads(rules_json)
    return Phrases({f"{key}|{i}": group for key, rule in rules.items()
                    for i, group in enumerate(rule.get("meaning") or [])})


class _Meaning:
    """The ``meaning`` groups each text hits by stems, per topic: ``meant(text, key)`` -> group indexes."""

    def __init__(self, rules: dict[str, dict[str, Any]]):
        self.phrases = _matcher(json.dumps(rules, sort_keys=True, ensure_ascii=False))
        self.seen: dict[str, dict[str, frozenset[int]]] = {}

    def meant(self, text: str, key: str) -> frozenset[int]:
        if text not in self.seen:
            by: dict[str, set[int]] = {}
            for label in self.phrases.hits(text):
                k, _, i = label.rpartition("|")
                by.setdefault(k, set()).add(int(i))
            self.seen[text] = {k: frozenset(v) for k, v in by.items()}
        return self.seen[text].get(key, frozenset())


def _headed(u: Unit, rule: dict[str, Any]) -> bool:
    """The clause opens with the topic's word under a BAB/Bagian heading that names the topic ("Bagian Kedua
    Kedudukan" / "(1) Kedudukan sebagaimana dimaksud ..."), whatever words the Permen used."""
    heads = " ".join(h.lower() for h in u.headings[-2:])
    return any(u.low.startswith(w) for w in rule.get("headed", [])) and any(h in heads for h in rule.get("heading", []))


def _score(u: Unit, rule: dict[str, Any]) -> int:
    text = u.full_low
    score = sum(1 for p in rule.get("prefer", []) if p in text)
    heads = " ".join(h.lower() for h in u.headings[-2:])
    score += 3 * any(h in heads for h in rule.get("heading", []))
    score += 2 * any(u.low.startswith(s) for s in rule.get("start", []))
    return score


def find_topics(us: list[Unit], rules: dict[str, dict[str, Any]] | None = None) -> dict[str, Unit | None]:
    """Topic key -> the unit that states it (an ayat, or a Pasal), or None, for every topic of the catalogue
    (``rancang/data/topics.json``) in its order; ``rules`` (key -> cues) default to the catalogue's ``find``."""
    cands = candidates(us)
    by_id = {u.id: u for u in us}
    out: dict[str, Unit | None] = {}
    rules = rules if rules is not None else topics.find_cues()
    meaning = _Meaning(rules)
    for key in topics.keys():
        rule = rules[key]
        best = None
        for u in cands:
            if _qualifies(u.full_low, rule, meaning.meant(u.full_low, key)) or _headed(u, rule):
                s = _score(u, rule)
                if best is None or s > best[0]:
                    best = (s, u)
        unit = best[1] if best else None
        if unit is not None and unit.type == "ayat":
            pasal = by_id.get(unit.pasal)
            ayats = [us[c] for c in pasal.children if us[c].type == "ayat"] if pasal else []
            if ayats and all(_qualifies(a.full_low, rule, meaning.meant(a.full_low, key)) or _headed(a, rule)
                             for a in ayats):
                unit = pasal
        out[key] = unit
    return out


def topic_cite(u: Unit | None) -> dict[str, str] | None:
    return None if u is None else {"cite": u.cite, "id": u.id}


def _split_inline(text: str) -> list[str]:
    parts = re.split(r",\s*(?:dan/atau|dan|atau|serta)\s+|,\s*|\s+(?:dan/atau|dan|atau|serta)\s+", text)
    return [p for p in (strip_item(x) for x in parts) if p]


def _strip_prefix(text: str, prefixes: list[str]) -> str:
    for p in sorted(prefixes, key=len, reverse=True):
        if text.lower().startswith(p + " ") or text.lower() == p:
            return text[len(p):].strip(" :")
    return text


def stated_list(u: Unit | None, us: list[Unit], intros: list[str],
                prefixes: list[str]) -> list[dict[str, str]]:
    """The items the clause lists (its huruf/angka), or the enumeration after its list intro when inline.

    Scope prefixes such as "pelaksanaan tugas yang bersifat" are dropped, so an item reads as the act lists
    the
    kind itself ("lintas Unit Organisasi").
    """
    if u is None:
        return []
    items = [us[c] for c in u.children if us[c].type in LIST_TYPES]
    if items:
        out = []
        for it in items:
            text = _strip_prefix(strip_item(it.text), prefixes)
            if text:
                out.append({"text": text, "cite": it.cite, "id": it.id})
        return out
    lead = clean(u.text)
    lower = lead.lower()
    cut = -1
    for intro in sorted(intros, key=len, reverse=True):
        pos = lower.rfind(intro)
        if pos >= 0 and pos + len(intro) > cut:
            cut = pos + len(intro)
    if cut < 0:
        return []
    rest = lead[cut:].strip(" :")
    rest = re.split(r"\.\s|\.$|;", rest)[0]
    rest = _strip_prefix(rest, prefixes)
    return [{"text": _strip_prefix(t, prefixes), "cite": u.cite, "id": u.id} for t in _split_inline(rest)]

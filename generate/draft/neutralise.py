"""Neutralise base-region specifics in a draft: the rules of ``data/neutralise.yaml`` (issue 13, item 1).

A base regulation is enacted text of one region; much of it is that region's own policy. The rules say what can be
neutralised safely (dropped at the grain of the clause, or replaced by a neutral or current form) and what needs a
human decision (kept as written and listed). Every application is recorded in the draft's :class:`Notes`, so
``catatan.md`` lists each base-region specific the draft keeps, with its clause and why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from rancang.generate.draft.notes import Notes
from rancang.generate.shared import resources
from rancang.parts import Block
from rancang.tree import Node


@dataclass(frozen=True)
class Rule:
    """One compiled rule of ``data/neutralise.yaml``."""

    id: str
    scope: str
    action: str
    pattern: re.Pattern
    why: str
    replace: str = ""
    expired: str = ""
    grain: str = ""
    #: a replacement the drafter must still confirm (a national act put in for the base's): listed as a decision
    ask: bool = False

    def applies_to(self, scope: str) -> bool:
        return self.scope in (scope, "both")


@cache
def rules() -> tuple[Rule, ...]:
    """The rules in file order (a rule's order matters: a replacement runs before the keeps that follow it)."""
    out = []
    for r in resources.read_yaml("draft/data/neutralise.yaml")["rules"]:
        if r["action"] not in ("drop", "replace", "keep") or r["scope"] not in ("body", "lampiran", "both"):
            raise ValueError(f"draft/data/neutralise.yaml: aturan {r['id']} tidak sah")
        out.append(Rule(r["id"], r["scope"], r["action"], re.compile(r["pattern"], re.IGNORECASE), r["why"],
                        r.get("replace", ""), r.get("expired", ""), r.get("grain", ""), bool(r.get("ask"))))
    return tuple(out)


def drop_rules(scope: str) -> list[Rule]:
    """The ``drop`` rules that apply to ``scope`` ("body" or "lampiran")."""
    return [r for r in rules() if r.action == "drop" and r.applies_to(scope)]


def _substitute(rule: Rule, text: str, values: dict[str, Any]) -> tuple[str, list[str]]:
    """``text`` with ``rule``'s replacement applied; the replaced spans, for the notes."""
    done: list[str] = []

    def sub(m: re.Match) -> str:
        if rule.expired and int(m.group(rule.expired)) >= int(values["tahun"]):
            return m.group(0)
        done.append(m.group(0))
        return rule.replace.format(**values)

    return rule.pattern.sub(sub, text), done


def apply_text(text: str, scope: str, values: dict[str, Any], notes: Notes, node: Node | None = None,
               block: Block | None = None) -> str:
    """Apply the ``replace`` and ``keep`` rules of ``scope`` to one clause's (or block's) own text.

    ``values`` fills replacements ({jenis_peraturan}, {kepala}, {daerah}, {tahun}). Replacements are listed as
    repairs, keeps as decisions -- once per rule and clause -- against ``node`` or ``block``."""
    for rule in rules():
        if rule.action == "drop" or not rule.applies_to(scope) or not text:
            continue
        if rule.action == "replace":
            text, done = _substitute(rule, text, values)
            if done:
                text = _tidy(text)
                notes.add("putusan" if rule.ask else "perbaikan", rule.id, rule.why,
                          f"{done[0]} \u2192 {rule.replace.format(**values)}".strip(), node=node, block=block)
        elif (m := rule.pattern.search(text)) is not None:
            if rule.expired and int(m.group(rule.expired)) >= int(values["tahun"]):
                continue
            notes.add("putusan", rule.id, rule.why, _around(text, m), node=node, block=block)
    return text


def body(nodes: list[Node], values: dict[str, Any], notes: Notes) -> None:
    """Apply :func:`apply_text` to the text of every node of the batang tubuh (in place)."""
    for top in nodes:
        for n in top.walk():
            if n.text:
                n.text = apply_text(n.text, "body", values, notes, node=n)


def lampiran(blocks: list[Block], values: dict[str, Any], notes: Notes) -> list[Block]:
    """Lampiran blocks without those a drop rule matches (each listed), the others' text neutralised."""
    out = []
    drops = drop_rules("lampiran")
    for block in blocks:
        hit = next((r for r in drops if r.pattern.search(block.text)), None)
        if hit is not None:
            notes.add("dihapus", hit.id, hit.why, block.text, cite=block.cite or "Lampiran")
            continue
        block.text = apply_text(block.text, "lampiran", values, notes, block=block)  # (the draft's own block)
        out.append(block)
    return out


def _around(text: str, m: re.Match, width: int = 70) -> str:
    """The words around a match, for a note: whole words (a cut never falls inside one)."""
    a, b = max(0, m.start() - width), min(len(text), m.end() + width)
    if a > 0 and not text[a - 1].isspace():
        a = next((i + 1 for i in range(a, m.start()) if text[i].isspace()), m.start())
    if b < len(text) and not text[b].isspace():
        b = next((i for i in range(b, m.end() - 1, -1) if text[i].isspace()), m.end())
    return ("... " if a else "") + text[a:b].strip() + (" ..." if b < len(text) else "")


def _tidy(text: str) -> str:
    """Spaces a removal may leave: doubled, or before punctuation."""
    return re.sub(r"\s+([.,;:)])", r"\1", re.sub(r"[ \t]{2,}", " ", text)).strip()

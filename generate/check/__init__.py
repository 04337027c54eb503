"""``rancang check``: lint a regulation against the drafting rules, one module per rule family.

Families (DRAFTING.md ids): references (X1-X5), definitions (U1-U5), konsiderans (K1-K4, M1-M3, D1), legal
bases as knowledge (L1-L3), structure (J1, B1, B3, T1, T2), consistency (T3, C1) and sistem-kerja coverage (S1).
Each rule is a row of ``data/rules.yaml`` (id, source, severity, message, fix); ``rancang.generate.check.fix`` applies
the mechanical fixes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from rancang.generate.check import (
    coherence,
    consistency,
    coverage,
    definitions,
    konsiderans,
    legal_bases,
    pembukaan,
    reading,
    references,
    structure,
    tail,
)
from rancang.generate.check.base import ORDER, Finding, finding, rules
from rancang.tree import Regulation

CHECKS: list[Callable[[Regulation], Iterator[Finding]]] = [
    *structure.CHECKS, *konsiderans.CHECKS, *pembukaan.CHECKS, *legal_bases.CHECKS, *definitions.CHECKS,
    *references.CHECKS, *consistency.CHECKS, *coherence.CHECKS, *coverage.CHECKS,
]

__all__ = ["CHECKS", "Finding", "check", "finding", "format_text", "rules"]


def check(reg: Regulation, topics: dict[str, Any] | None = None, fix_ocr: bool = False) -> list[Finding]:
    """Every finding for ``reg``: errors first, then warnings, then info; in rule-family order within a
    severity. Each finding is ``{severity, code, rule, source, message, cite[, fix][, doubt][, fix_ocr]}``.
    ``topics``: the model's topics of ``reg`` when the caller knows them (a draft does), so S1 need not run the
    model. Each rule applies only where its row says (kind of act, jenis read, OCR confidence) and a finding on
    doubtful text says why and is no GALAT (:mod:`rancang.generate.check.reading`); on OCR'd text a fix is kept
    as ``fix_ocr`` unless ``fix_ocr`` is True (``--fix-ocr``). The penutup and Penjelasan a copy ran into the last
    Pasal are set apart first (:mod:`rancang.generate.check.tail`): the Penjelasan is no batang tubuh."""
    reg = tail.cut(reg)
    out: list[Finding] = []
    for fn in CHECKS:
        out.extend(fn(reg, topics) if fn is coverage.check_topics else fn(reg))
    out = reading.qualify(reg, out, fix_ocr)
    return sorted(out, key=lambda f: ORDER.get(f["severity"], 3))


def format_text(findings: list[Finding], name: str = "") -> str:
    """Findings one per line ("GALAT X1 Pasal 4 ayat (3): ...") and a count line; a fixable one is marked "[fix]",
    one whose fix changes what the provision says (rules.yaml ``decides``) "[fix: perlu keputusan]"."""
    counts = {s: sum(f["severity"] == s for f in findings) for s in ("error", "warning", "info")}
    words = {"error": "GALAT", "warning": "PERINGATAN", "info": "INFO"}
    table = rules()
    lines = [f"{words[f['severity']]:<10} {f['code']:<3} {f['cite']}: {f['message']}"
             + ((" [fix: perlu keputusan]" if table.get(f["rule"], {}).get("decides") else " [fix]")
                if f.get("fix") else "") for f in findings]
    lines.append(f"{name + ': ' if name else ''}{counts['error']} galat, {counts['warning']} peringatan, "
                 f"{counts['info']} info.")
    return "\n".join(lines)

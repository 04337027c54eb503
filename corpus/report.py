"""Write a diff report (the dict of :func:`rancang.corpus.diff.compare`) as HTML, JSON, DOCX or plain text.

The HTML is one self-contained file (inline CSS, no scripts, no external resources) that a drafter can open
offline and print: the topic table first, then the aligned clauses side by side with the redline (deleted
words red and struck through on A's side, inserted words green and underlined on B's side), then what only one
side has.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rancang import atomic
from rancang.corpus import templating
from rancang.corpus.rows import region_name
from rancang.errors import InputError, os_reason

#: a topic's status in words; ``{a}`` / ``{b}`` name the sides ("A", "B" in files, the regions on the web)
STATUS_WORDS = {"both": "diatur keduanya", "only_a": "hanya {a}", "only_b": "hanya {b}", "none": "tidak diatur"}


def statuses(a: str = "A", b: str = "B") -> dict[str, str]:
    """Status key -> words, the sides named ``a`` and ``b``: ``statuses()["only_a"] == "hanya A"``."""
    return {k: v.format(a=a, b=b) for k, v in STATUS_WORDS.items()}


STATUS = statuses()


def write(report: dict[str, Any], path: str | Path) -> Path:
    """Write ``report`` to ``path``; the format follows the suffix (.html, .json, .docx)."""
    p = Path(path)
    suffix = p.suffix.lower()
    writers = {".html": _write_html, ".htm": _write_html, ".json": _write_json, ".docx": _write_docx}
    if suffix not in writers:
        raise InputError(f"{p.name}: format laporan tidak dikenal; gunakan .html, .json atau .docx.")
    try:
        writers[suffix](report, p)
    except OSError as exc:
        raise InputError(f"{p}: laporan tidak dapat ditulis ({os_reason(exc)}).") from exc
    return p


def _write_json(report: dict[str, Any], p: Path) -> None:
    atomic.write_text(p, json.dumps(report, ensure_ascii=False, indent=2) + "\n")


def _title(side: dict[str, Any]) -> str:
    # "Peraturan Wali Kota Bogor", never "... Kota Kota Bogor"
    parts = [side.get("jenis"), region_name(side.get("daerah"))]
    nomor = f"Nomor {side['nomor']} Tahun {side['tahun']}" if side.get("nomor") else None
    return " ".join(str(x) for x in (*parts, nomor) if x) or str(side.get("id") or "")


def _full_title(side: dict[str, Any]) -> str:
    tentang = side.get("tentang")
    return _title(side) + (f" tentang {tentang.title()}" if tentang else "")


def html(report: dict[str, Any]) -> str:
    """The whole report as one HTML document (``templates/report.html``): the topic table, the aligned clauses
    side by side with the redline, then what only one side has."""
    a, b = report["a"], report["b"]
    return templating.render("report.html", rep=report, title_a=_title(a), title_b=_title(b),
                             full_a=_full_title(a), full_b=_full_title(b), statuses=STATUS,
                             labels={k: t["label"] for k, t in report["topics"].items()})


def _write_html(report: dict[str, Any], p: Path) -> None:
    atomic.write_text(p, html(report))


def _write_docx(report: dict[str, Any], p: Path) -> None:
    """A Word version of the same report (``templates/report.docx``, filled by docxtpl: the document is the
    layout; landscape, the redline as coloured struck-through / underlined runs)."""
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(templating.path("report.docx")))
    tpl.render({"rep": report, "title_a": _title(report["a"]), "title_b": _title(report["b"]), "statuses": STATUS},
               autoescape=True)
    atomic.write_with(p, tpl.save)


def text(report: dict[str, Any]) -> str:
    """A terminal summary: the topic table and the counts."""
    lines = [f"A: {_title(report['a'])}", f"B: {_title(report['b'])}", ""]
    w = max(len(t["label"]) for t in report["topics"].values())
    for t in report["topics"].values():
        extra = ""
        if t["actors"]["only_a"] or t["actors"]["only_b"]:
            extra = f"  pelaku A saja: {', '.join(t['actors']['only_a']) or '-'}; " \
                    f"B saja: {', '.join(t['actors']['only_b']) or '-'}"
        cites = f"{t['a'] or '-':<18} {t['b'] or '-':<18}"
        lines.append(f"{t['label']:<{w}}  {cites} {STATUS[t['status']]}{extra}")
    lines.append("")
    lines.append(f"{len(report['pairs'])} pasangan klausul, {len(report['only_a'])} hanya di A, "
                 f"{len(report['only_b'])} hanya di B.")
    return "\n".join(lines)

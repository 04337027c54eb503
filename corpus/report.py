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


def side_names(report: dict[str, Any]) -> tuple[str, str]:
    """The column heads of a report: each side's region ("Jepara", "Bogor"); where both sides are of one region
    (an act and its amendment), the region with the year or number; the id where an act names no region."""
    a, b = report["a"], report["b"]
    na = region_name(a.get("daerah")) or str(a.get("id") or "A")
    nb = region_name(b.get("daerah")) or str(b.get("id") or "B")
    for key in ("tahun", "nomor"):
        if na == nb and a.get(key) != b.get(key):
            na, nb = f"{na} {a.get(key) or '-'}", f"{nb} {b.get(key) or '-'}"
    if na == nb:
        na, nb = f"{na} (A)", f"{nb} (B)"
    return na, nb


def _full_title(side: dict[str, Any]) -> str:
    tentang, origin = side.get("tentang"), side.get("provenance")
    return _title(side) + (f" tentang {tentang.title()}" if tentang else "") + (f" (asal: {origin})" if origin else "")


def html(report: dict[str, Any]) -> str:
    """The whole report as one HTML document (``templates/report.html``): the topic table, the aligned clauses
    side by side with the redline, then what only one side has."""
    a, b = report["a"], report["b"]
    name_a, name_b = side_names(report)
    return templating.render("report.html", rep=report, title_a=_title(a), title_b=_title(b),
                             full_a=_full_title(a), full_b=_full_title(b), statuses=statuses(name_a, name_b),
                             name_a=name_a, name_b=name_b,
                             labels={k: t["label"] for k, t in report["topics"].items()})


def _write_html(report: dict[str, Any], p: Path) -> None:
    atomic.write_text(p, html(report))


def _write_docx(report: dict[str, Any], p: Path) -> None:
    """A Word version of the same report (``templates/report.docx``, filled by docxtpl: the document is the
    layout; landscape, the redline as coloured struck-through / underlined runs)."""
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(templating.path("report.docx")))
    name_a, name_b = side_names(report)
    same, differ = fold_same(report)
    tpl.render({"rep": report, "title_a": _title(report["a"]), "title_b": _title(report["b"]),
                "line_a": side_line(report, "a"), "line_b": side_line(report, "b"), "counts": counts(report),
                "differ": differ, "same": "; ".join(f"{name_a} {x['a']} / {name_b} {x['b']}" for x in same),
                "statuses": statuses(name_a, name_b), "name_a": name_a, "name_b": name_b}, autoescape=True)
    atomic.write_with(p, tpl.save)


def fold_same(report: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The pairs split into (identical, differing): identical when every word is equal (folded, the redline has
    nothing but "equal"), in report order."""
    same = [p for p in report["pairs"] if all(x["op"] == "equal" for x in p["redline"])]
    return same, [p for p in report["pairs"] if p not in same]


def side_line(report: dict[str, Any], key: str) -> str:
    """One side's head line in the text and Word reports: "Jepara: Peraturan Bupati Jepara Nomor 17 Tahun 2024
    [<where its text comes from>] — status: berlaku" (status only for a stored act, :func:`rancang.corpus.standing`)."""
    side, name = report[key], side_names(report)[0 if key == "a" else 1]
    line = f"{name}: {_title(side)}" + (f" [{side['provenance']}]" if side.get("provenance") else "")
    return line + (f" — status: {side['status']}" if side.get("status") else "")


def counts(report: dict[str, Any]) -> str:
    """"N pasangan klausul (M sama bunyinya), X hanya di <A>, Y hanya di <B>." as the text and Word reports say."""
    a, b = side_names(report)
    return (f"{len(report['pairs'])} pasangan klausul ({len(fold_same(report)[0])} sama bunyinya), "
            f"{len(report['only_a'])} hanya di {a}, {len(report['only_b'])} hanya di {b}.")


def text(report: dict[str, Any]) -> str:
    """A terminal summary: the topic table (columns headed by the regions), the counts, and the pairs whose
    wording differs (identical pairs folded into one count), in the acts' own words."""
    a, b = side_names(report)
    status = statuses(a, b)
    lines = [side_line(report, "a"), side_line(report, "b"), ""]
    w = max(len(t["label"]) for t in report["topics"].values())
    cw = max(18, len(a), len(b))
    lines.append(f"{'Topik':<{w}}  {a:<{cw}} {b:<{cw}} Status")
    for t in report["topics"].values():
        extra = ""
        if t["actors"]["only_a"] or t["actors"]["only_b"]:
            extra = f"  pelaku {a} saja: {', '.join(t['actors']['only_a']) or '-'}; " \
                    f"{b} saja: {', '.join(t['actors']['only_b']) or '-'}"
        cites = f"{t['a'] or '-':<{cw}} {t['b'] or '-':<{cw}}"
        lines.append(f"{t['label']:<{w}}  {cites} {status[t['status']]}{extra}")
    lines += ["", counts(report)]
    differ = fold_same(report)[1]
    if differ:
        lines += ["", "Pasangan yang bunyinya berbeda:"]
        for p in differ:
            lines.append(f"  {a} {p['a']} / {b} {p['b']} (kemiripan {p['score']:.2f})")
    return "\n".join(lines)

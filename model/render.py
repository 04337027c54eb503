"""The model as a memo a drafter can paste (Markdown, Indonesian) and as a Mermaid diagram.

The diagram is one ``flowchart``: a subgraph of reporting lines (who reports to whom, each edge labelled
with its
cite) and one subgraph per procedure, its steps chained in order. Labels are quoted and escaped
(``#quot;``), node
ids are plain ``[A-Za-z0-9_]`` so the output parses in Mermaid.
"""

from __future__ import annotations

import re
from typing import Any

from rancang import topics
from rancang.model.shapes import SistemKerja, Step

LISTS = (("principles", "Prinsip"), ("mechanism_components", "Komponen mekanisme kerja"),
         ("assignment_forms", "Bentuk penugasan"), ("task_scopes", "Lingkup pelaksanaan tugas"))


def _short(text: str, n: int = 160) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _step_md(s: Step, names: dict[str, str], docs: dict[str, str]) -> str:
    """One procedure step as a memo line: actor, words, [document; to; cc; stage; side; branch] (cite)."""
    extra = []
    if s["document"]:
        extra.append(f"dokumen: {docs.get(s['document'], s['document'])}")
    hops = s.get("hops") or []
    if len(hops) > 1 or any(x["side"] for h in hops for x in h["to"] + h["cc"]):
        extra.append("alur: " + "; ".join(_hop_md(h, names) for h in hops))  # each move, sides printed
    else:
        if s["to"]:
            extra.append("kepada: " + ", ".join(names.get(t, t) for t in s["to"]))
        if s["cc"]:
            extra.append("tembusan: " + ", ".join(names.get(t, t) for t in s["cc"]))
    for key, word in (("stage", "tahap"), ("side", "pihak"), ("branch", "jika")):
        value = s.get(key)
        if value:
            extra.append(f"{word}: {value}")
    actor = names.get(s["actor"], "—") if s["actor"] else "—"
    if hops and hops[0]["co_actors"]:  # "X bersama Y", "X dan Y", "X atau Y": each named, as the step's words tell
        actor = ", ".join([actor, *(names.get(r, r) for r in hops[0]["co_actors"])])
    tail = f" [{'; '.join(extra)}]" if extra else ""
    return f"{s['n']}. **{actor}**: {_short(s['action'])}{tail} ({s['cite']})"


def _party_md(x: Any, names: dict[str, str]) -> str:
    return names.get(x["role"], x["role"]) + (f" ({x['side']})" if x.get("side") else "")


def _hop_md(h: Any, names: dict[str, str]) -> str:
    """One move of a step's letter: "Pimpinan Unit Organisasi (tujuan) → Pejabat yang Berwenang, tembusan ..."."""
    who = _party_md({"role": h["actor"] or "—", "side": h["side"]}, names)
    if h.get("signer"):
        who += f", ditandatangani {_party_md(h['signer'], names)}"
    out = who + (" → " + ", ".join(_party_md(x, names) for x in h["to"]) if h["to"] else "")
    if h["cc"]:
        out += ", tembusan " + ", ".join(_party_md(x, names) for x in h["cc"])
    return out


def _kedudukan_md(model: SistemKerja, names: dict[str, str]) -> list[str]:
    """The kedudukan lines ("Pejabat Fungsional (ahli madya) di bawah Pejabat Pimpinan Tinggi, selaku Pemilik
    Kinerja") and the positions that act as a role."""
    lines = model.get("kedudukan_lines") or []
    positions = {p["id"]: p["name"] for p in model.get("positions") or []}
    every = {**names, **positions}
    if not lines:
        return []
    out = ["", "## Kedudukan", ""]
    for x in lines:
        level = f" ({', '.join(x['jenjang'])})" if x["jenjang"] else ""
        acting = f", selaku {' dan '.join(every.get(a, a) for a in x['as'])}" if x["as"] else ""
        out.append(f"- {every.get(x['from'], x['from'])}{level} di bawah {every.get(x['to'], x['to'])}{acting} "
                   f"({x['cite']})")
    for r in model["roles"]:
        if r.get("held_by"):
            holders = ", ".join(dict.fromkeys(every.get(h["role"], h["role"]) for h in r["held_by"]))
            out.append(f"- {r['name']} dijabat oleh: {holders}.")
    return out


def to_markdown(model: SistemKerja) -> str:
    names = {r["id"]: r["name"] for r in model["roles"]}
    docs = {d["id"]: d["name"] for d in model["documents"]}
    reg = model["regulation"]
    out = [f"# Model sistem kerja: {reg['citation']}", ""]
    out += ["## Letak pengaturan", "", "| Materi | Diatur dalam |", "|---|---|"]
    for key, label in topics.labels().items():
        t = model["topics"].get(key)
        out.append(f"| {label} | {t['cite'] if t else 'tidak diatur'} |")
    for key, label in LISTS:
        items: Any = model.get(key) or []  # a list of the model named in LISTS
        if items:
            out += ["", f"## {label}", ""]
            out += [f"- {it['text']} ({it['cite']})" for it in items]
    if model["stages"]:
        out += ["", "## Tahapan mekanisme kerja", ""]
        for s in model["stages"]:
            out.append(f"- **{s['name'].capitalize()}** ({s['cite']}): {len(s['steps'])} langkah")
    out += _kedudukan_md(model, names)
    out += ["", "## Peran", ""]
    for r in model["roles"]:
        if not (r["definition"] or r["duties"] or r["reports_to"]):
            continue
        out.append(f"### {r['name']}")
        if len(r["aliases"]) > 1:
            out.append(f"Juga disebut: {', '.join(a for a in r['aliases'] if a != r['name'])}.")
        if r["definition"]:
            out.append(f"Definisi ({r['definition']['cite']}): {_short(r['definition']['text'], 240)}")
        if r["reports_to"]:
            lines = "; ".join(f"{names.get(x['role'], x['role'])} ({x['cite']})" for x in r["reports_to"])
            out.append(f"Melapor/bertanggung jawab kepada: {lines}.")
        if r["appointed_by"]:
            lines = "; ".join(f"{names.get(x['role'], x['role'])} ({x['cite']})" for x in r["appointed_by"])
            out.append(f"Ditunjuk oleh: {lines}.")
        if r["duties"]:
            out.append("Tugas dan tanggung jawab:")
            out += [f"- {_short(d['text'])} ({d['cite']})" for d in r["duties"]]
        out.append("")
    out += ["## Prosedur", ""]
    for p in model["procedures"]:
        out.append(f"### {p['name']} ({p['cite']})")
        out += [_step_md(s, names, docs) for s in p["steps"]]
        out.append("")
    out += ["## Dokumen yang diperlukan", ""]
    for d in model["documents"]:
        out.append(f"- **{d['name']}** (pertama disebut di {d['cite']}; {d['mentions']} kali)")
        for c in d["contents"]:
            out.append(f"  - memuat: {_short(c['text'])} ({c['cite']})")
    return "\n".join(out).rstrip() + "\n"


def label(text: str, n: int = 70) -> str:
    """A Mermaid label: shortened, quotes and markup characters escaped as entity codes."""
    text = _short(text, n)
    for ch, code in (('"', "#quot;"), ("<", "#lt;"), (">", "#gt;"), ("|", "#124;"), ("[", "#91;"),
                     ("]", "#93;"), ("{", "#123;"), ("}", "#125;"), ("`", "#96;")):
        text = text.replace(ch, code)
    return f'"{text}"'


def node_id(*parts: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", "_".join(parts))


def to_mermaid(model: SistemKerja) -> str:
    names = {r["id"]: r["name"] for r in model["roles"]}
    lines = ["flowchart TD"]
    lines.append(f'  subgraph pelaporan[{label("Garis pelaporan dan kedudukan")}]')
    lines.append("    direction BT")
    declared: set[str] = set()
    for r in model["roles"]:
        for rep in r["reports_to"]:
            a, b = node_id("r", r["id"]), node_id("r", rep["role"])
            for nid, rid in ((a, r["id"]), (b, rep["role"])):
                if nid not in declared:
                    lines.append(f"    {nid}[{label(names.get(rid, rid))}]")
                    declared.add(nid)
            lines.append(f"    {a} -->|{label(rep['cite'], 40)}| {b}")
    lines.append("  end")
    for p in model["procedures"]:
        pid = node_id("p", p["id"])
        lines.append(f"  subgraph {pid}[{label(p['name'] + ' (' + p['cite'] + ')', 90)}]")
        lines.append("    direction TB")
        prev = None
        for s in p["steps"]:
            sid = node_id(pid, "s", str(s["n"]))
            who = names.get(s["actor"], s["actor"]) if s["actor"] else "—"
            text = f"{s['n']}. {who}: {s['action']}"
            lines.append(f"    {sid}[{label(text, 90)}]")
            if prev:
                branch = f"|{label(s['branch'] or '', 20)}|" if s.get("branch") else ""
                lines.append(f"    {prev} -->{branch} {sid}")
            prev = sid
        lines.append("  end")
    return "\n".join(lines) + "\n"

"""Pictures of the model drawn by Graphviz: the reporting lines, and each procedure as swimlanes per party.

Each procedure is drawn as the seeds' own Gambar draw it: one lane per party that acts (grouped under "Unit
asal" / "Unit tujuan" for a cross-unit procedure), the steps in order from left to right, an edge from each step
to the next, labelled "setuju" / "tolak" where the step is taken only on that branch, and the letter a step
sends as a note beside it. The reporting lines are one graph: an edge from each role to the role it reports to,
labelled with its cite. Needs the ``graphviz`` Python package and Graphviz's ``dot`` (Debian ``graphviz``);
both are imported or called only here.
"""

from __future__ import annotations

import re
import textwrap

from rancang.errors import InputError, install_extra
from rancang.model.shapes import Procedure, SistemKerja, Step

_SIDE_LABEL = {"asal": "Unit asal (pemohon)", "tujuan": "Unit tujuan (yang dituju)", None: ""}


def _wrap(text: str, width: int = 28, lines: int = 5) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    out = textwrap.wrap(text, width)[:lines]
    if len(out) == lines and len(text) > sum(len(x) for x in out) + lines:
        out[-1] = out[-1].rstrip(" ,.;") + " …"
    return "\n".join(out)


def _names(model: SistemKerja) -> tuple[dict[str, str], dict[str, str]]:
    return {r["id"]: r["name"] for r in model["roles"]}, {d["id"]: d["name"] for d in model["documents"]}


def _graph(name: str):
    try:
        import graphviz
    except ImportError as exc:  # pragma: no cover - the extra is installed wherever pictures are wanted
        raise InputError("gambar memerlukan paket Python 'graphviz'; " + install_extra("picture") + ".") from exc
    g = graphviz.Digraph(name, graph_attr={"fontname": "Helvetica", "fontsize": "11", "compound": "true"},
                         node_attr={"fontname": "Helvetica", "fontsize": "10"},
                         edge_attr={"fontname": "Helvetica", "fontsize": "9"})
    return g


def reporting_graph(model: SistemKerja):
    """The reporting lines as a ``graphviz.Digraph`` (bottom to top: who reports to whom)."""
    names, _ = _names(model)
    g = _graph("pelaporan")
    g.attr(rankdir="BT", label="Garis pelaporan", labelloc="t")
    for line in model.get("reporting_lines", []):
        for rid in (line["from"], line["to"]):
            g.node(f"r_{rid}", _wrap(names.get(rid, rid), 22), shape="box", style="rounded")
        g.edge(f"r_{line['from']}", f"r_{line['to']}", label=_wrap(line["cite"], 24, 3))
    return g


def procedure_graph(model: SistemKerja, procedure: Procedure):
    """One procedure as swimlanes: a cluster per party (within its side), steps chained in order."""
    names, docs = _names(model)
    pid = re.sub(r"[^a-z0-9_]", "_", procedure["id"])
    g = _graph(pid)
    g.attr(rankdir="LR", label=_wrap(f"{procedure['name']} ({procedure['cite']})", 90, 2), labelloc="t")
    lanes: dict[tuple[str | None, str], list[Step]] = {}
    for s in procedure["steps"]:
        lanes.setdefault((s.get("side"), s["actor"] or "—"), []).append(s)
    for side in ("asal", "tujuan", None):
        keys = [k for k in lanes if k[0] == side]
        if not keys:
            continue
        with g.subgraph(name=f"cluster_{pid}_{side or 'unit'}") as outer:
            outer.attr(label=_SIDE_LABEL[side], style="dashed" if side else "invis")
            for key in keys:
                with outer.subgraph(name=f"cluster_{pid}_{side or 'unit'}_{re.sub(r'[^a-z0-9_]', '_', key[1])}") \
                        as lane:
                    who = names.get(key[1], "pihak tidak disebut") if key[1] != "—" else "pihak tidak disebut"
                    lane.attr(label=who, style="filled", fillcolor="#f3f5f8", color="#9aa5b1")
                    for s in lanes[key]:
                        stage = f"[{s['stage']}] " if s.get("stage") else ""
                        lane.node(f"{pid}_s{s['n']}", f"{s['n']}. {_wrap(stage + s['action'])}", shape="box",
                                  style="rounded,filled", fillcolor="white")
    for s in procedure["steps"]:
        if s["document"]:
            g.node(f"{pid}_d{s['n']}", _wrap(docs.get(s["document"], s["document"]), 20, 3), shape="note",
                   fontsize="9")
            g.edge(f"{pid}_s{s['n']}", f"{pid}_d{s['n']}", style="dotted", arrowhead="none")
    steps = procedure["steps"]
    for a, b in zip(steps, steps[1:], strict=False):
        g.edge(f"{pid}_s{a['n']}", f"{pid}_s{b['n']}", label=b.get("branch") or "",
               color="#b42318" if b.get("branch") == "tolak" else "black")
    return g


def render(model: SistemKerja, fmt: str, procedure: str | None = None) -> bytes:
    """The reporting lines and every procedure (or only ``procedure``, an id) as one SVG or PNG document.

    Raises InputError when the procedure id is unknown or Graphviz's ``dot`` is missing."""
    procs = [p for p in model["procedures"] if procedure is None or p["id"] == procedure]
    if procedure is not None and not procs:
        known = ", ".join(p["id"] for p in model["procedures"]) or "tidak ada"
        raise InputError(f"prosedur '{procedure}' tidak ada dalam model (yang ada: {known}).")
    graphs = ([] if procedure else [reporting_graph(model)]) + [procedure_graph(model, p) for p in procs]
    whole = _graph("model")
    whole.attr(label=model["regulation"].get("citation") or "", labelloc="t", rankdir="TB")
    for i, g in enumerate(graphs):
        sub = g.copy()
        sub.name = f"cluster_part_{i}"
        whole.subgraph(sub)
    try:
        return whole.pipe(format=fmt)
    except Exception as exc:  # graphviz.ExecutableNotFound, CalledProcessError
        raise InputError("gambar tidak dapat dibuat: program Graphviz (dot) tidak terpasang atau gagal menggambar; "
                         "pasang paket Debian graphviz atau pilih --format mermaid.") from exc

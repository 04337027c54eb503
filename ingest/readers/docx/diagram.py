"""SmartArt in a Word file (a Lampiran's "Bagan Susunan Organisasi", an "Alur" of steps): the text of its boxes.

A SmartArt drawing (``a:graphicData`` of the diagram namespace) names its data part (``dgm:relIds r:dm``); the data
model lists points (``dgm:pt``) whose text is DrawingML (``dgm:t/a:p/a:r/a:t``) and connections (``dgm:cxn``, type
``parOf`` by default) from a parent to its children in order (``srcOrd``) (ECMA-376 Part 1, 21.4). Each box's
paragraphs are read as lines, parent before children, siblings in order, as a person reads the chart top down;
boxes no connection reaches follow in the order of the list.
"""

from __future__ import annotations

from typing import Any

DGM = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R_DM = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}dm"
#: connection types that are not the parent-of relation (a presentation's own links)
_NOT_PARENT = ("presOf", "presParOf")


def data_rid(el: Any) -> str | None:
    """The relationship id of the data part of the SmartArt drawn in ``el`` (None when it holds none)."""
    rel = next(el.iter(DGM + "relIds"), None)
    return rel.get(R_DM) if rel is not None else None


def point_lines(pt: Any) -> list[str]:
    """The lines of one point's text: one per ``a:p``, blank ones left out."""
    body = pt.find(DGM + "t")
    if body is None:
        return []
    lines = (" ".join("".join(t.text or "" for t in p.iter(A + "t")).split()) for p in body.iter(A + "p"))
    return [ln for ln in lines if ln]


def diagram_lines(root: Any) -> list[str]:
    """The lines of a SmartArt data model, parent before children, siblings by ``srcOrd``."""
    points = [pt for pt in root.iter(DGM + "pt")]
    by_id = {pt.get("modelId"): pt for pt in points}
    children: dict[str, list[tuple[int, str]]] = {}
    for cxn in root.iter(DGM + "cxn"):
        if cxn.get("type") in _NOT_PARENT:
            continue
        try:
            order = int(cxn.get("srcOrd") or 0)
        except ValueError:
            order = 0
        children.setdefault(cxn.get("srcId") or "", []).append((order, cxn.get("destId") or ""))
    out: list[str] = []
    seen: set[str] = set()
    stack = [pt.get("modelId") or "" for pt in points if pt.get("type") == "doc"][::-1]
    while stack:
        pid = stack.pop()
        if pid in seen or pid not in by_id:
            continue
        seen.add(pid)
        out.extend(point_lines(by_id[pid]))
        stack.extend(dest for _, dest in sorted(children.get(pid, []), reverse=True))
    for pt in points:  # boxes no connection reaches
        if (pt.get("modelId") or "") not in seen:
            out.extend(point_lines(pt))
    return out


def diagram_strings(root: Any) -> list[str]:
    """Every ``a:t`` text of a data model's points (the package side of conservation)."""
    bodies = (pt.find(DGM + "t") for pt in root.iter(DGM + "pt"))
    return [t.text or "" for body in bodies if body is not None for t in body.iter(A + "t")]

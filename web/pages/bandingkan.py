"""Bandingkan: two regulations of the corpus side by side, as the diff report: the topic table first (each
topic links to its clauses), then the paired clauses with a redline under the regions' names, identical pairs
folded, then what only one side has; the report as HTML, DOCX and JSON for download."""

from __future__ import annotations

from typing import Any

from fastapi import Form, Request

from rancang.corpus.report import statuses
from rancang.web import services
from rancang.web.views import RESULTS, render, show_job


def side_name(side: dict[str, Any]) -> str:
    """A column head: the region's name ("Kota Bogor"), else the id or file."""
    return side.get("daerah") or side.get("id") or side.get("file") or "?"


def sections(rep: dict[str, Any]) -> list[dict[str, Any]]:
    """Paired clauses grouped by topic in report order (pairs matched by text alone last), each group split into
    pairs that differ and pairs whose wording is identical (those are shown folded)."""
    groups: dict[str, dict[str, Any]] = {}
    for key, t in rep["topics"].items():
        groups[key] = {"key": key, "label": t["label"], "differ": [], "same": []}
    rest = {"key": "lainnya", "label": "Dipasangkan menurut kemiripan teks", "differ": [], "same": []}
    for p in rep["pairs"]:
        g = groups.get(p.get("topic") or "", rest)
        same = all(seg["op"] == "equal" for seg in p["redline"])
        g["same" if same else "differ"].append(p)
    return [g for g in [*groups.values(), rest] if g["differ"] or g["same"]]


def _compare_job(db: str | None, a: str, b: str):  # noqa: ANN202
    def run(job: Any) -> dict[str, Any]:
        return services.compare(db, a, b, job)

    return run


def register(app: Any) -> None:
    @app.get("/bandingkan")
    def page(request: Request, a: str = "", b: str = ""):  # noqa: ANN202
        regs = services.regulations(request.app.state.cfg.db)
        ids = [r["id"] for r in regs]
        a = a or (ids[0] if ids else "")
        b = b or next((i for i in ids if i != a), "")
        return render(request, "bandingkan.html", regs=regs, a=a, b=b, job=None)

    @app.post("/bandingkan")
    def submit(request: Request, a: str = Form(""), b: str = Form("")):  # noqa: ANN202, B008
        db = request.app.state.cfg.db
        job = request.app.state.jobs.submit("bandingkan", f"Membandingkan {a} dan {b}", _compare_job(db, a, b))
        if request.headers.get("hx-request"):
            return show_job(request, job)
        return render(request, "bandingkan.html", regs=services.regulations(db), a=a, b=b, job=job)

    def result(request: Any, job: Any) -> Any:
        rep = job.result
        names = {"a": side_name(rep["a"]), "b": side_name(rep["b"])}
        return render(request, "_diff.html", job=job, rep=rep, names=names, statuses=statuses(**names),
                      sections=sections(rep))

    RESULTS["bandingkan"] = result

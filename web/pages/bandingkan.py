"""Bandingkan: two regulations of the corpus side by side, as the diff report: the topic table first (each
topic links to its clauses), then the paired clauses with a redline under the regions' names, identical pairs
folded, then what only one side has; the report as HTML, DOCX and JSON for download. The comparison of ``a`` and
``b`` has the address ``/bandingkan?a=…&b=…``: opening it again shows the same job (or its result) while kept."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import Form, Request
from fastapi.responses import RedirectResponse

from rancang.corpus.report import statuses
from rancang.web import services
from rancang.web.views import RESULTS, fragment_wanted, job_html, render, show_job


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


def compare(job: Any, db: str | None, a: str, b: str) -> dict[str, Any]:
    """The job: the diff report of corpus regulations ``a`` and ``b``."""
    return services.compare(db, a, b, job)


def register(app: Any) -> None:
    def show(request: Any, a: str, b: str) -> Any:
        db = request.app.state.cfg.db
        work = request.app.state.jobs
        job = None
        if a and b:
            job = work.find("bandingkan", (a, b)) or work.submit(
                "bandingkan", f"Membandingkan {a} dan {b}", compare, db, a, b,
                address="/bandingkan?" + urlencode({"a": a, "b": b}), key=(a, b))
            if fragment_wanted(request):
                response = show_job(request, job)
                response.headers["HX-Push-Url"] = job.address
                return response
        regs = services.regulations(db)
        ids = [r["id"] for r in regs]
        a = a or (ids[0] if ids else "")
        b = b or next((i for i in ids if i != a), "")
        return render(request, "bandingkan.html", regs=regs, a=a, b=b, job=job, job_html=job_html(request, job))

    @app.get("/bandingkan")
    def page(request: Request, a: str = "", b: str = ""):  # noqa: ANN202
        return show(request, a, b)

    @app.post("/bandingkan")
    def submit(request: Request, a: str = Form(""), b: str = Form("")):  # noqa: ANN202, B008
        if fragment_wanted(request):
            return show(request, a or "?", b or "?")
        return RedirectResponse("/bandingkan?" + urlencode({"a": a or "?", "b": b or "?"}), status_code=303)

    def result(request: Any, job: Any) -> Any:
        rep = job.result
        names = {"a": side_name(rep["a"]), "b": side_name(rep["b"])}
        return render(request, "_diff.html", job=job, rep=rep, names=names, statuses=statuses(**names),
                      sections=sections(rep))

    RESULTS["bandingkan"] = result

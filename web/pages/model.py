"""Model: the sistem-kerja model of a stored regulation: roles with their duties and reporting lines,
procedures as ordered steps, the documents they require, and pictures of them where the model stage draws
them. Every item links to the clause it comes from."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import Form, Request
from fastapi.responses import RedirectResponse

from rancang.web import services
from rancang.web.views import RESULTS, fragment_wanted, job_html, render, show_job


def build_model(job: Any, db: str | None, rid: str) -> dict[str, Any]:
    """The job: the sistem-kerja model of stored regulation ``rid`` and its pictures."""
    job.progress("Membuka peraturan…", 0.1)
    rid_, reg = services.stored(db, rid)
    job.progress("Menyusun model sistem kerja…", 0.3)
    data = services.model(reg)
    job.progress("Menggambar peran dan prosedur…", 0.8)
    return {"rid": rid_, "model": data, "pictures": services.pictures(data), "title": services.title(reg.meta)}


def register(app: Any) -> None:
    def show(request: Any, reg: str) -> Any:
        db = request.app.state.cfg.db
        work = request.app.state.jobs
        job = None
        if reg:
            job = work.find("model", (reg,)) or work.submit("model", f"Model sistem kerja {reg}", build_model, db,
                                                            reg, address=f"/model?reg={quote(reg)}", key=(reg,))
            if fragment_wanted(request):
                response = show_job(request, job)
                response.headers["HX-Push-Url"] = job.address
                return response
        regs = services.regulations(db)
        return render(request, "model.html", regs=regs, reg=reg or (regs[0]["id"] if regs else ""), job=job,
                      job_html=job_html(request, job))

    @app.get("/model")
    def page(request: Request, reg: str = ""):  # noqa: ANN202
        return show(request, reg)

    @app.post("/model")
    def submit(request: Request, reg: str = Form("")):  # noqa: ANN202, B008
        if fragment_wanted(request):
            return show(request, reg or "?")
        return RedirectResponse(f"/model?reg={quote(reg or '?')}", status_code=303)

    def result(request: Any, job: Any) -> Any:
        r = job.result
        names = {role["id"]: role["name"] for role in r["model"].get("roles") or []}
        return render(request, "_model.html", job=job, m=r["model"], rid=r["rid"], names=names,
                      pictures=r["pictures"], title=r["title"])

    RESULTS["model"] = result

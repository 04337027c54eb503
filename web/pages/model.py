"""Model: the sistem-kerja model of a stored regulation: roles with their duties and reporting lines,
procedures as ordered steps, the documents they require, and pictures of them where the model stage draws
them. Every item links to the clause it comes from."""

from __future__ import annotations

from typing import Any

from fastapi import Form, Request

from rancang.web import services
from rancang.web.views import RESULTS, render, show_job


def _model_job(db: str | None, rid: str):  # noqa: ANN202
    def run(job: Any) -> dict[str, Any]:
        job.progress("Membuka peraturan…", 0.1)
        rid_, reg = services.stored(db, rid)
        job.progress("Menyusun model sistem kerja…", 0.3)
        data = services.model(reg)
        job.progress("Menggambar peran dan prosedur…", 0.8)
        return {"rid": rid_, "model": data, "pictures": services.pictures(data), "title": services.title(reg.meta)}

    return run


def register(app: Any) -> None:
    @app.get("/model")
    def page(request: Request, reg: str = ""):  # noqa: ANN202
        regs = services.regulations(request.app.state.cfg.db)
        return render(request, "model.html", regs=regs, reg=reg or (regs[0]["id"] if regs else ""), job=None)

    @app.post("/model")
    def submit(request: Request, reg: str = Form("")):  # noqa: ANN202, B008
        db = request.app.state.cfg.db
        job = request.app.state.jobs.submit("model", f"Model sistem kerja {reg}", _model_job(db, reg))
        if request.headers.get("hx-request"):
            return show_job(request, job)
        return render(request, "model.html", regs=services.regulations(db), reg=reg, job=job)

    def result(request: Any, job: Any) -> Any:
        r = job.result
        names = {role["id"]: role["name"] for role in r["model"].get("roles") or []}
        return render(request, "_model.html", job=job, m=r["model"], rid=r["rid"], names=names,
                      pictures=r["pictures"], title=r["title"])

    RESULTS["model"] = result

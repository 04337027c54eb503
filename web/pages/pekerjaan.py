"""Pekerjaan: every job the app keeps (readings, comparisons, models, drafts, letters), newest first, with its
state, its place in the queue, its address, and buttons to cancel or remove it; ``/pekerjaan/<id>`` shows one job
(progress, or its result) at an address that survives a reload."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse

from rancang.web import jobs, security
from rancang.web.views import fragment_wanted, job_html, problem, render, show_job

MSG_GONE = "Pekerjaan tidak ditemukan atau sudah kedaluwarsa; ulangi permintaan."


def _job(request: Any, jid: str) -> Any:
    return request.app.state.jobs.get(jid) if security.JOB_ID.match(jid) else None


def register(app: Any) -> None:
    @app.get("/pekerjaan")
    def listing(request: Request):  # noqa: ANN202
        work = request.app.state.jobs
        rows = [(j, work.queue(j)[0] if j.state == "antre" else None) for j in work.all()]
        return render(request, "pekerjaan.html", rows=rows, lanes=jobs.LANES, workers=work.workers, keep=work.keep,
                      keep_days=max(1, round(work.keep_seconds / 86400)) if work.keep_seconds else 0)

    @app.get("/pekerjaan/{jid}")
    def one(request: Request, jid: str):  # noqa: ANN202
        job = _job(request, jid)
        if job is None:
            return problem(request, MSG_GONE, 404)
        if fragment_wanted(request):
            return show_job(request, job)
        return render(request, "pekerjaan_job.html", job=job, job_html=job_html(request, job))

    @app.get("/tugas/{jid}")
    def status(request: Request, jid: str):  # noqa: ANN202
        job = _job(request, jid)
        if job is None:
            return problem(request, MSG_GONE, 404)
        return show_job(request, job)

    @app.post("/pekerjaan/{jid}/batal")
    def cancel(request: Request, jid: str):  # noqa: ANN202
        job = request.app.state.jobs.cancel(jid) if security.JOB_ID.match(jid) else None
        if job is None:
            return problem(request, MSG_GONE, 404)
        if request.headers.get("hx-request"):
            return show_job(request, job)
        return RedirectResponse("/pekerjaan", status_code=303)

    @app.post("/pekerjaan/{jid}/hapus")
    def remove(request: Request, jid: str):  # noqa: ANN202
        if not (security.JOB_ID.match(jid) and request.app.state.jobs.remove(jid)):
            return problem(request, MSG_GONE, 404)
        return RedirectResponse("/pekerjaan", status_code=303)

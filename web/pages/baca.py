"""Baca: upload a regulation (PDF, DOCX, TXT, MD) or pick a stored one, and read it with its outline, linked
cross-references, Penjelasan and check findings beside the Pasal; "Simpan ke korpus" stores an upload. A stored act
shows its status (berlaku / diubah dengan / dicabut dengan, linked), the acts it changes and where its text comes
from; "Hapus dari korpus" removes it after a confirm page (issue 30 items 3-4).

An upload is read by a background job in a worker process (:mod:`rancang.web.jobs`): text files in the quick lane,
PDF and DOCX (layout, OCR) in the heavy lane. The reading has an address, ``/baca/<job id>``, that a reload, the
Back button or a colleague's browser opens again until the job is removed or expires."""

from __future__ import annotations

from typing import Any

from fastapi import File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse

from rancang.web import consolidated as consolidated_view
from rancang.web import reader, security, services
from rancang.web.views import RESULTS, fragment_wanted, job_html, problem, render, show_job

#: text files up to this size are read in the quick lane (a 67 KB TXT takes about a second)
SMALL_TEXT = 2 * 1024 * 1024


def read_upload(job: Any, data: bytes, name: str, ocr: str) -> dict[str, Any]:
    """The job: read ``data`` (file ``name``) into a tree and check it -> {reg, findings, name, saved}."""
    reg = services.read(data, name, job, ocr)
    return {"reg": reg, "findings": services.findings(reg), "name": name, "saved": None}


def lane(name: str, size: int) -> str:
    """'kecil' for a plain-text file of at most :data:`SMALL_TEXT` bytes, else 'besar' (PDF, DOCX: layout, OCR)."""
    return "kecil" if name.lower().endswith((".txt", ".md")) and size <= SMALL_TEXT else "besar"


def _page(request: Any, job: Any = None) -> Any:
    regs = services.regulations(request.app.state.cfg.db)
    return render(request, "baca.html", regs=regs, job=job, job_html=job_html(request, job),
                  ocr_modes=services.OCR_MODES)


def _removal(app: Any) -> None:
    """``/baca/<id>/hapus``: GET a confirm page (what goes: the act, its clauses, its links), POST (same-origin,
    guarded by the app like every POST) removes that stored act alone."""

    @app.get("/baca/{rid}/hapus")
    def confirm_remove(request: Request, rid: str):  # noqa: ANN202
        # a confirm step: what goes (the act, its clauses, its links) before the POST that removes it
        return render(request, "baca_hapus.html", act=services.removal(request.app.state.cfg.db, rid), done=False)

    @app.post("/baca/{rid}/hapus")
    def remove(request: Request, rid: str):  # noqa: ANN202
        db = request.app.state.cfg.db
        act = services.removal(db, rid)
        services.remove(db, rid)
        return render(request, "baca_hapus.html", act=act, done=True)


def _consolidation(app: Any) -> None:
    """``/baca/<id>/konsolidasi``: the consolidated reading of a stored act, its amendments applied in the order
    enacted, each changed Pasal marked with the act that changed it (issue 30 item 3)."""

    @app.get("/baca/{rid}/konsolidasi")
    def consolidated(request: Request, rid: str):  # noqa: ANN202
        db = request.app.state.cfg.db
        reading = services.consolidated(db, rid)
        return render(request, "baca_konsolidasi.html", c=reading,
                      view=consolidated_view.View(acts=services.acts(db)))


def register(app: Any) -> None:
    @app.get("/baca")
    def page(request: Request):  # noqa: ANN202
        return _page(request)

    @app.post("/baca/unggah")
    async def upload(request: Request, berkas: UploadFile | None = File(None),  # noqa: B008
                     ocr: str = Form("auto")):  # noqa: ANN202, B008
        cfg = request.app.state.cfg
        name, data = await security.read_upload(berkas, cfg.max_upload)
        job = request.app.state.jobs.submit("baca", f"Membaca {name}", read_upload, data, name, ocr,
                                            lane=lane(name, len(data)), address="/baca/{id}")
        if fragment_wanted(request):
            response = show_job(request, job)
            response.headers["HX-Push-Url"] = job.address
            return response
        return RedirectResponse(job.address, status_code=303)

    @app.get("/baca/{rid}")
    def stored(request: Request, rid: str):  # noqa: ANN202
        job = request.app.state.jobs.get(rid) if security.JOB_ID.match(rid) else None
        if job is not None and job.kind == "baca":
            return show_job(request, job) if fragment_wanted(request) else _page(request, job)
        rid, reg = services.stored(request.app.state.cfg.db, rid)
        found = services.findings(reg)
        acts = services.acts(request.app.state.cfg.db)
        return render(request, "baca_stored.html", rid=rid, view=reader.view(reg, found, acts),
                      outline=reader.outline(reg), title=services.title(reg.meta),
                      standing=services.standing(request.app.state.cfg.db, rid))

    @app.post("/baca/simpan/{jid}")
    def save(request: Request, jid: str):  # noqa: ANN202
        job = request.app.state.jobs.get(jid)
        if job is None or job.kind != "baca" or job.state != "selesai":
            return problem(request, "Hasil bacaan tidak ditemukan atau sudah kedaluwarsa; unggah ulang berkasnya.",
                           404)
        rid, new = services.save(request.app.state.cfg.db, job.result["reg"])
        job.result["saved"] = rid
        request.app.state.jobs.record(job)
        return render(request, "_saved.html", rid=rid, new=new, oob=True)  # the Status line above says it too

    def result(request: Any, job: Any) -> Any:
        reg = job.result["reg"]
        acts = services.acts(request.app.state.cfg.db)
        return render(request, "_reader.html", view=reader.view(reg, job.result["findings"], acts),
                      outline=reader.outline(reg), title=services.title(reg.meta), job=job,
                      standing=services.origin(reg),
                      name=job.result["name"], saved=job.result["saved"])

    RESULTS["baca"] = result
    _removal(app)
    _consolidation(app)

"""Baca: upload a regulation (PDF, DOCX, TXT, MD) or pick a stored one, and read it with its outline, linked
cross-references, Penjelasan and check findings beside the Pasal; "Simpan ke korpus" stores an upload."""

from __future__ import annotations

from typing import Any

from fastapi import File, Form, Request, UploadFile

from rancang.web import reader, security, services
from rancang.web.views import RESULTS, problem, render, show_job


def _read_job(data: bytes, name: str, ocr: str):  # noqa: ANN202
    def run(job: Any) -> dict[str, Any]:
        reg = services.read(data, name, job, ocr)
        found = services.findings(reg)
        return {"reg": reg, "findings": found, "name": name, "saved": None}

    return run


def register(app: Any) -> None:
    @app.get("/baca")
    def page(request: Request):  # noqa: ANN202
        regs = services.regulations(request.app.state.cfg.db)
        return render(request, "baca.html", regs=regs, job=None, ocr_modes=services.OCR_MODES)

    @app.post("/baca/unggah")
    async def upload(request: Request, berkas: UploadFile | None = File(None),  # noqa: B008
                     ocr: str = Form("auto")):  # noqa: ANN202, B008
        cfg = request.app.state.cfg
        name, data = await security.read_upload(berkas, cfg.max_upload)
        job = request.app.state.jobs.submit("baca", f"Membaca {name}", _read_job(data, name, ocr))
        if request.headers.get("hx-request"):
            return show_job(request, job)
        return render(request, "baca.html", regs=services.regulations(cfg.db), job=job, ocr_modes=services.OCR_MODES)

    @app.get("/baca/{rid}")
    def stored(request: Request, rid: str):  # noqa: ANN202
        rid, reg = services.stored(request.app.state.cfg.db, rid)
        found = services.findings(reg)
        return render(request, "baca_stored.html", rid=rid, view=reader.view(reg, found),
                      outline=reader.outline(reg), title=services.title(reg.meta))

    @app.post("/baca/simpan/{jid}")
    def save(request: Request, jid: str):  # noqa: ANN202
        job = request.app.state.jobs.get(jid)
        if job is None or job.kind != "baca" or job.state != "selesai":
            return problem(request, "Hasil bacaan tidak ditemukan atau sudah kedaluwarsa; unggah ulang berkasnya.",
                           404)
        rid, new = services.save(request.app.state.cfg.db, job.result["reg"])
        job.result["saved"] = rid
        return render(request, "_saved.html", rid=rid, new=new)

    def result(request: Any, job: Any) -> Any:
        reg = job.result["reg"]
        return render(request, "_reader.html", view=reader.view(reg, job.result["findings"]),
                      outline=reader.outline(reg), title=services.title(reg.meta), job=job,
                      name=job.result["name"], saved=job.result["saved"])

    RESULTS["baca"] = result

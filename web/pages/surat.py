"""Surat: a procedure's whole set of letters (a scenario: its data as a form shaped like its example, every
letter as DOCX, ``skenario.md`` and one ZIP), and one form per letter type, generated from
``schema/letter.schema.json`` (the keys the type reads, its mandatory contents marked and checked beside the
fields), prefilled with sample values; the letter as DOCX."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse

from rancang.web import drafting, forms, uploads
from rancang.web.views import RESULTS, job_html, render, show_job


def _context(jenis: str, data: dict[str, Any], errs: dict[str, list[str]]) -> dict[str, Any]:
    tree = forms.fields(drafting.letter_schema(jenis), data, errs)
    return {"jenis": jenis, "judul": drafting.letter_title(jenis), "fields": tree,
            "general": forms.unplaced(errs, tree), "error_count": sum(map(len, errs.values()))}


def write_letter(job: Any, jenis: str, data: dict[str, Any]) -> dict[str, Any]:
    """The job: the letter of type ``jenis`` from ``data``, offered as DOCX."""
    job.progress("Menulis surat…", 0.5)
    job.offer(f"{jenis}.docx", drafting.letter(jenis, data))
    return {"jenis": jenis, "judul": drafting.letter_title(jenis)}


def write_scenario(job: Any, name: str, data: dict[str, Any], peraturan: str, db: str | None = None) -> dict[str, Any]:
    """The job: every letter of scenario ``name`` (:func:`rancang.web.drafting.scenario`)."""
    return drafting.scenario(name, data, peraturan, job, db)


def _submitted(request: Any, job: Any, full: str, ctx: dict[str, Any]) -> Any:
    """The answer to a posted form: the job (and the form again, without old messages) in an htmx swap, else
    the job's own address."""
    if not request.headers.get("hx-request"):
        return RedirectResponse(job.address, status_code=303)
    response = render(request, "_submitted.html", job=job, form=full, job_html=job_html(request, job), **ctx)
    response.headers["HX-Push-Url"] = job.address
    return response


def register(app: Any) -> None:
    @app.get("/surat")
    def page(request: Request):  # noqa: ANN202
        return render(request, "surat.html", types=drafting.letter_types(), scenarios=drafting.scenarios())

    @app.get("/surat/skenario/{name}")
    def scenario_form(request: Request, name: str):  # noqa: ANN202
        return render(request, "skenario_form.html", **_scenario_context(name, drafting.scenario_example(name), "",
                                                                          request.app.state.cfg.db))

    @app.post("/surat/skenario/{name}")
    async def scenario_submit(request: Request, name: str):  # noqa: ANN202
        flat, _ = await uploads.posted(request)
        data = forms.parse(drafting.scenario_schema(name), flat)
        peraturan = (flat.get("_peraturan") or [""])[-1]
        job = request.app.state.jobs.submit("skenario", drafting.scenario_title(name), write_scenario, name, data,
                                            peraturan, request.app.state.cfg.db)
        if not request.headers.get("hx-request"):
            return RedirectResponse(job.address, status_code=303)
        response = show_job(request, job)
        response.headers["HX-Push-Url"] = job.address
        return response

    @app.get("/surat/{jenis}")
    def form(request: Request, jenis: str):  # noqa: ANN202
        return render(request, "surat_form.html", **_context(jenis, drafting.letter_example(jenis), {}))

    @app.post("/surat/{jenis}")
    async def submit(request: Request, jenis: str):  # noqa: ANN202
        schema = drafting.letter_schema(jenis)
        posted, image_errs = await uploads.posted(request)
        data = forms.parse(schema, posted)
        errs = {**forms.errors(schema, data), **image_errs}
        if errs:
            ctx = _context(jenis, data, errs)
            hx = request.headers.get("hx-request")
            response = render(request, "_surat_form.html" if hx else "surat_form.html", **ctx)
            response.headers["HX-Retarget"] = "#surat-form"
            response.headers["HX-Reswap"] = "outerHTML"
            return response
        job = request.app.state.jobs.submit("surat", drafting.letter_title(jenis), write_letter, jenis, data)
        return _submitted(request, job, "_surat_form.html", _context(jenis, data, {}))

    def result(request: Any, job: Any) -> Any:
        return render(request, "_letter.html", job=job, **job.result)

    RESULTS["surat"] = result

    def scenario_result(request: Any, job: Any) -> Any:
        return render(request, "_skenario.html", job=job, **job.result)

    RESULTS["skenario"] = scenario_result


def _scenario_context(name: str, data: dict[str, Any], peraturan: str, db: str | None) -> dict[str, Any]:
    return {"name": name, "judul": drafting.scenario_title(name),
            "fields": forms.fields(drafting.scenario_schema(name), data), "peraturan": peraturan,
            "choices": drafting.peraturan_choices(db)}

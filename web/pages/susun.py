"""Susun: the region profile as a form (generated from ``schema/region.schema.json``, errors beside the fields),
the base and the topics to take from other regions, then the draft: summary, downloads (DOCX, MD, JSON),
the drafter's checklist (``catatan.md``) when the stage writes one, the findings and a preview."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse

from rancang.web import drafting, forms, reader, services, uploads
from rancang.web.views import RESULTS, job_html, render


def _context(db: str | None, data: dict[str, Any], errs: dict[str, list[str]], base: str,
             takes: dict[str, str], contoh: str) -> dict[str, Any]:
    schema = drafting.profile_schema()
    tree = forms.fields(schema, data, errs)
    bases = drafting.bases(db)
    regions = drafting.take_regions(db)
    return {"fields": tree, "general": forms.unplaced(errs, tree), "error_count": sum(map(len, errs.values())),
            "bases": bases, "base": base,
            "topics": [(k, label) for k, label in services.topics() if k in regions], "takes": takes,
            "examples": list(drafting.examples()), "contoh": contoh, "regions": regions}


def make_draft(job: Any, db: str | None, data: dict[str, Any], base: str, takes: list[tuple[str, str]]) -> Any:
    """The job: the draft of profile ``data`` on ``base`` with ``takes`` (:func:`rancang.web.drafting.draft`)."""
    return drafting.draft(db, data, base, takes, job)


def register(app: Any) -> None:
    @app.get("/susun")
    def page(request: Request, contoh: str = "sleman"):  # noqa: ANN202
        data = drafting.example(contoh)
        db = request.app.state.cfg.db
        return render(request, "susun.html", **_context(db, data, {}, drafting.default_base(), {}, contoh))

    @app.post("/susun")
    async def submit(request: Request):  # noqa: ANN202
        db = request.app.state.cfg.db
        posted, image_errs = await uploads.posted(request)
        data = forms.parse(drafting.profile_schema(), posted)
        base = (posted.get("_base") or [""])[-1] or drafting.default_base()
        takes = {k[len("_take."):]: v[-1] for k, v in posted.items() if k.startswith("_take.") and v[-1]}
        errs = {**forms.errors(drafting.profile_schema(), data), **image_errs}
        if errs:
            ctx = _context(db, data, errs, base, takes, "")
            response = render(request, "_susun_form.html", **ctx) if request.headers.get("hx-request") else \
                render(request, "susun.html", **ctx)
            response.headers["HX-Retarget"] = "#susun-form"
            response.headers["HX-Reswap"] = "outerHTML"
            return response
        title = f"Menyusun rancangan {data.get('daerah', {}).get('nama', '')}".strip()
        job = request.app.state.jobs.submit("susun", title, make_draft, db, data, base, sorted(takes.items()))
        if request.headers.get("hx-request"):  # the result, and the form again without the old messages
            response = render(request, "_submitted.html", job=job, form="_susun_form.html",
                              job_html=job_html(request, job), **_context(db, data, {}, base, takes, ""))
            response.headers["HX-Push-Url"] = job.address
            return response
        return RedirectResponse(job.address, status_code=303)

    def result(request: Any, job: Any) -> Any:
        r = job.result
        cites = {n.cite: reader.anchor(n.id) for n in r["reg"].walk() if n.cite}
        return render(request, "_draft.html", job=job, summary=r["summary"], findings=r["findings"],
                      checklist=drafting.checklist(r["catatan"], cites), view=reader.view(r["reg"], r["findings"]),
                      outline=reader.outline(r["reg"]), title=services.title(r["reg"].meta), base=r["base"])

    RESULTS["susun"] = result

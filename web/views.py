"""What every page of the web app shares: the template environment, :func:`render` and :func:`problem`, and the
background jobs' result renderers (:data:`RESULTS`, filled by the pages) with :func:`show_job`.

:mod:`rancang.web.app` builds the app from these and registers the pages; the pages import them from here, so
the app and its pages import in one direction.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi.templating import Jinja2Templates

from rancang.web import jobs, reader, security

#: result renderers of background jobs: kind -> function(request, job) -> response
RESULTS: dict[str, Callable[[Any, jobs.Job], Any]] = {}
NAV = [("/", "Beranda"), ("/baca", "Baca"), ("/cari", "Cari"), ("/bandingkan", "Bandingkan"), ("/susun", "Susun"),
       ("/surat", "Surat"), ("/model", "Model")]


def package_dir(name: str) -> Path:
    """A folder shipped inside the package (templates, static)."""
    return Path(str(resources.files("rancang.web").joinpath(name)))


def templates() -> Any:
    """The Jinja2 environment (autoescaped) with the reader's helpers as globals."""
    t = Jinja2Templates(directory=str(package_dir("templates")))
    t.env.globals.update(anchor=reader.anchor, linked=reader.linked_text, nav=NAV,
                         human_size=security.human_size)
    t.env.trim_blocks = t.env.lstrip_blocks = True
    return t


def render(request: Any, template: str, status: int = 200, **ctx: Any) -> Any:
    """Render ``template`` with ``ctx``: a whole page, or a fragment when its name starts with '_'."""
    tpl = request.app.state.templates
    return tpl.TemplateResponse(request, template, {"cfg": request.app.state.cfg, **ctx}, status_code=status)


def problem(request: Any, message: str, status: int = 400) -> Any:
    """One Indonesian sentence in the page (a fragment for htmx, a whole page otherwise)."""
    template = "_error.html" if request.headers.get("hx-request") else "error.html"
    return render(request, template, status=status, message=message)


def show_job(request: Any, job: jobs.Job) -> Any:
    """A job as the page shows it: progress while it runs, its sentence when it failed, its result when done."""
    if not job.done:
        return render(request, "_job.html", job=job)
    if job.state == "gagal":
        return render(request, "_error.html", message=job.error, job=job)
    return RESULTS[job.kind](request, job)

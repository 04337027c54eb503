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
from markupsafe import Markup

from rancang.web import jobs, reader, security

#: result renderers of background jobs: kind -> function(request, job) -> response
RESULTS: dict[str, Callable[[Any, jobs.Job], Any]] = {}
NAV = [("/", "Beranda"), ("/baca", "Baca"), ("/cari", "Cari"), ("/bandingkan", "Bandingkan"), ("/susun", "Susun"),
       ("/surat", "Surat"), ("/model", "Model"), ("/pekerjaan", "Pekerjaan")]


def package_dir(name: str) -> Path:
    """A folder shipped inside the package (templates, static)."""
    return Path(str(resources.files("rancang.web").joinpath(name)))


def templates() -> Any:
    """The Jinja2 environment (autoescaped) with the reader's helpers as globals."""
    t = Jinja2Templates(directory=str(package_dir("templates")))
    t.env.globals.update(anchor=reader.anchor, linked=reader.linked_text, nav=NAV,
                         human_size=security.human_size)
    t.env.trim_blocks = t.env.lstrip_blocks = True
    t.env.finalize = _blank_none  # a value the reading lacks shows as nothing, never as "None"
    return t


def _blank_none(value: Any) -> Any:
    return "" if value is None else value


def render(request: Any, template: str, status: int = 200, **ctx: Any) -> Any:
    """Render ``template`` with ``ctx``: a whole page, or a fragment when its name starts with '_'."""
    tpl = request.app.state.templates
    return tpl.TemplateResponse(request, template, {"cfg": request.app.state.cfg, **ctx}, status_code=status)


def problem(request: Any, message: str, status: int = 400) -> Any:
    """One Indonesian sentence in the page (a fragment for htmx, a whole page otherwise)."""
    template = "_error.html" if request.headers.get("hx-request") else "error.html"
    return render(request, template, status=status, message=message)


def fragment_wanted(request: Any) -> bool:
    """Whether to answer with a fragment (an htmx swap) rather than a whole page (a visit, a reload, or htmx
    restoring an address from history)."""
    return bool(request.headers.get("hx-request")) and not request.headers.get("hx-history-restore-request")


def show_job(request: Any, job: jobs.Job) -> Any:
    """A job as the page shows it: its place in the queue or its progress while it has not ended, its sentence
    when it failed or was cancelled, its result when done."""
    if not job.done:
        ahead, running = request.app.state.jobs.queue(job)
        return render(request, "_job.html", job=job, ahead=ahead, running=running, lanes=jobs.LANES)
    if job.state in ("gagal", "dibatalkan"):
        message = job.error if job.state == "gagal" else "pekerjaan ini dibatalkan."
        return render(request, "_error.html", message=message, job=job)
    return RESULTS[job.kind](request, job)


def job_html(request: Any, job: jobs.Job | None) -> Markup:
    """What :func:`show_job` answers, as markup to place inside a whole page (the job's own address)."""
    if job is None:
        return Markup("")
    return Markup(bytes(show_job(request, job).body).decode("utf-8"))

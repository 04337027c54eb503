"""The FastAPI application: templates, static files, the guards of :mod:`rancang.web.security`, the pages.

``create_app(Config(...))`` returns a ready app; ``rancang serve`` runs it with uvicorn. Pages live in
:mod:`rancang.web.pages` (one module per page) and share :mod:`rancang.web.views` and the job routes defined here.
"""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from rancang.errors import RancangError
from rancang.web import hardening, jobs, pages, security, services
from rancang.web.config import Config
from rancang.web.views import package_dir, problem, templates


def create_app(cfg: Config | None = None) -> Any:
    """The web app for ``cfg`` (see :class:`rancang.web.config.Config`); the corpus is opened once here so the
    bundled regulations are in place before the first page."""
    cfg = cfg or Config()
    work = jobs.Jobs(cfg.outdir, keep=cfg.keep_jobs, inline=cfg.inline_jobs, memory=cfg.job_memory,
                     seconds=cfg.job_seconds, workers={"kecil": cfg.small_workers, "besar": cfg.large_workers},
                     keep_seconds=cfg.keep_days * 86400)

    @asynccontextmanager
    async def lifespan(_app: Any) -> AsyncIterator[None]:
        work.warm()
        yield
        work.shutdown()
        if cfg.temporary and cfg.workdir is not None:
            shutil.rmtree(cfg.workdir, ignore_errors=True)

    app = FastAPI(title="rancang", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    app.state.cfg = cfg
    app.state.templates = templates()
    app.state.jobs = work
    app.mount("/static", StaticFiles(directory=str(package_dir("static"))), name="static")
    _guards(app, cfg)
    _job_routes(app)
    pages.register(app)
    app.add_middleware(hardening.Guard, hosts=cfg.allowed_hosts, limit=cfg.max_upload)  # outermost
    with services.store(cfg.db):
        pass
    return app


#: Indonesian sentences for the HTTP errors the framework itself raises (unknown address, wrong method)
HTTP_MESSAGES = {404: "Halaman tidak ditemukan. Periksa alamatnya, atau mulai dari Beranda.",
                 405: "Alamat ini tidak menerima permintaan seperti itu; buka halamannya lewat menu.",
                 413: "Permintaan terlalu besar."}
HTTP_OTHER = "Permintaan tidak dapat dilayani (kode {code})."


def _guards(app: Any, cfg: Config) -> None:
    @app.exception_handler(RancangError)
    async def user_error(request, exc: RancangError):  # noqa: ANN001, ANN202
        return problem(request, exc.format_message(), 400)

    @app.exception_handler(HTTPException)
    async def http_error(request, exc: HTTPException):  # noqa: ANN001, ANN202
        return problem(request, HTTP_MESSAGES.get(exc.status_code, HTTP_OTHER).format(code=exc.status_code),
                       exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request, exc: RequestValidationError):  # noqa: ANN001, ANN202
        names = sorted({str(e.get("loc", ["", "?"])[-1]) for e in exc.errors()})
        return problem(request, f"isian permintaan tidak sah: {', '.join(names)}.", 400)

    @app.exception_handler(Exception)
    async def internal_error(request, exc: Exception):  # noqa: ANN001, ANN202
        return problem(request, f"galat internal ({type(exc).__name__}); mohon laporkan ke pengembang.", 500)

    throttle = security.Throttle()
    app.state.throttle = throttle

    @app.middleware("http")
    async def guard(request, call_next):  # noqa: ANN001, ANN202
        path = request.url.path
        if cfg.token and not path.startswith("/static/") and path != "/favicon.ico":
            query = dict(request.query_params)
            given, in_query = security.presented_token(request.headers, request.cookies, query)
            client = request.client.host if request.client else "?"
            wait = throttle.wait(client)
            if wait:
                response = problem(request, security.MSG_THROTTLED.format(wait=wait), 429)
                response.headers["retry-after"] = str(wait)
                return response
            if not security.token_ok(given, cfg.token):
                if given:
                    throttle.failed(client)
                return problem(request, security.MSG_TOKEN, 401)
            if in_query:
                response = RedirectResponse(security.clean_url(path, query), status_code=303)
                response.set_cookie(security.COOKIE, cfg.token, httponly=True, samesite="strict")
                return response
        if request.method == "POST":
            if not security.same_origin(request.headers):
                return problem(request, security.MSG_ORIGIN, 403)
            if security.too_big(request.headers, cfg.max_upload):
                limit = security.human_size(cfg.max_upload)
                return problem(request, security.MSG_TOO_BIG.format(limit=limit), 413)
        return await call_next(request)


def _job_routes(app: Any) -> None:
    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:  # the browser asks on every page; "no icon" is an answer, not a missing page
        return Response(status_code=204)

    @app.get("/unduh/{jid}/{name}")
    def download(request: Request, jid: str, name: str):  # noqa: ANN202
        job = request.app.state.jobs.get(jid) if security.JOB_ID.match(jid) else None
        try:
            path = security.safe_file(request.app.state.cfg.outdir, jid, name, job.files if job else [])
        except RancangError as exc:
            return problem(request, exc.format_message(), 404)
        return FileResponse(path, filename=name)

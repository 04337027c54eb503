"""Cari: full-text search over every clause of the corpus, with the matched words highlighted and filters by
daerah and topic; each hit links to its clause in the reader."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from rancang.errors import RancangError
from rancang.web import services
from rancang.web.views import render


def _results(db: str | None, q: str, daerah: str, topik: str) -> dict[str, Any]:
    if not q.strip():
        return {"hits": None, "message": None}
    try:
        return {"hits": services.search(db, q, daerah, topik), "message": None}
    except RancangError as exc:
        return {"hits": None, "message": exc.format_message()}


def register(app: Any) -> None:
    @app.get("/cari")
    def page(request: Request, q: str = "", daerah: str = "", topik: str = ""):  # noqa: ANN202
        db = request.app.state.cfg.db
        ctx = _results(db, q, daerah, topik)
        return render(request, "cari.html", q=q, daerah=daerah, topik=topik, regs=services.regulations(db),
                      topics=services.topics(), **ctx)

    @app.get("/cari/hasil")
    def results(request: Request, q: str = "", daerah: str = "", topik: str = ""):  # noqa: ANN202
        ctx = _results(request.app.state.cfg.db, q, daerah, topik)
        return render(request, "_hits.html", q=q, **ctx)

"""Cari: full-text search over every clause of the corpus, with the matched words highlighted and filters by
daerah and topic; each hit links to its clause in the reader. Results come :data:`PAGE` at a time (``mulai``: hits
skipped), with links to the previous and next page; a page is a stable, shareable address."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import Request

from rancang.errors import RancangError
from rancang.web import services
from rancang.web.views import render

#: hits on one page
PAGE = 30


def _results(db: str | None, q: str, daerah: str, topik: str, mulai: int) -> dict[str, Any]:
    mulai = max(mulai, 0)
    page = {"mulai": mulai, "page": PAGE, "more": False, "filters": {"q": q, "daerah": daerah, "topik": topik}}
    if not q.strip():
        return {"hits": None, "message": None, **page}
    corrected: dict[str, str] = {}
    try:
        hits = services.search(db, q, daerah, topik, limit=PAGE + 1, offset=mulai, corrected=corrected)
    except RancangError as exc:
        return {"hits": None, "message": exc.format_message(), **page}
    return {"hits": hits[:PAGE], "message": None, **page, "more": len(hits) > PAGE, "corrected": corrected}


def register(app: Any) -> None:
    @app.get("/cari")
    def page(request: Request, q: str = "", daerah: str = "", topik: str = "", mulai: int = 0):  # noqa: ANN202
        db = request.app.state.cfg.db
        ctx = _results(db, q, daerah, topik, mulai)
        return render(request, "cari.html", q=q, daerah=daerah, topik=topik, regs=services.regulations(db),
                      topics=services.topics(), **ctx)

    @app.get("/cari/hasil")
    def results(request: Request, q: str = "", daerah: str = "", topik: str = "", mulai: int = 0):  # noqa: ANN202
        ctx = _results(request.app.state.cfg.db, q, daerah, topik, mulai)
        response = render(request, "_hits.html", q=q, **ctx)
        # the address follows the search, so Reload, Back from a hit and a shared link show the same hits
        query = urlencode({k: v for k, v in (("q", q), ("daerah", daerah), ("topik", topik)) if v}
                          | ({"mulai": str(mulai)} if mulai else {}))
        response.headers["HX-Replace-Url"] = "/cari" + ("?" + query if query else "")
        return response

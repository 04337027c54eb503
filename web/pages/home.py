"""Beranda: what each page does, and the corpus at a glance."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from rancang.web import services
from rancang.web.views import render


def register(app: Any) -> None:
    @app.get("/")
    def home(request: Request):  # noqa: ANN202
        regs = services.regulations(request.app.state.cfg.db)
        return render(request, "home.html", regs=regs)

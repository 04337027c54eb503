"""The pages of the web app, one module each; :func:`register` adds all their routes to an app."""

from __future__ import annotations

from typing import Any

from rancang.web.pages import baca, bandingkan, cari, home, model, pekerjaan, surat, susun


def register(app: Any) -> None:
    """Add every page's routes (and its job-result renderer) to ``app``."""
    for page in (home, baca, cari, bandingkan, susun, surat, model, pekerjaan):
        page.register(app)

"""``rancang serve``: a local web app for the legal bureau (Baca, Cari, Bandingkan, Susun, Surat, Model).

Layers, each a short module:

- :mod:`rancang.web.app` builds the FastAPI application (pages are registered from :mod:`rancang.web.pages`);
- :mod:`rancang.web.services` is the one place that calls the stages (ingest, corpus, generate, model), so a change
  of a stage's API is absorbed there;
- :mod:`rancang.web.reader` and :mod:`rancang.web.forms` turn trees and JSON Schemas into what templates show;
- :mod:`rancang.web.jobs` runs long work in the background, polled by htmx;
- :mod:`rancang.web.security` holds the access-token rule, the upload limit and safe download paths.

Everything is served from this package (templates, CSS, a vendored htmx): no CDN, no network at run time.
"""

"""rancang: read, model, draft, check and compare Indonesian regional regulations on sistem kerja ASN.

The pipeline reads as the folders: ``rancang.ingest`` (text/PDF/DOCX -> clause tree), ``rancang.schema``
(the JSON contracts between stages), ``rancang.model`` (the sistem-kerja model), ``rancang.generate``
(drafts, letters, check) and ``rancang.corpus`` (bundled regulations, store, search, diff).
The one data model every stage shares lives in :mod:`rancang.tree`.
"""

__version__ = "0.1.0"

"""``rancang draft``: a region's regulation composed from the topic's clauses, its profile and the knowledge base,
numbered, repaired, checked (:mod:`rancang.generate.check`) and written (:mod:`rancang.ingest.writers`).

Entry point: :mod:`rancang.generate.draft.build` (``build``, ``write``)."""

"""The writers of a regulation tree, one place for every stage: canonical Markdown (:mod:`markdown`), Akoma Ntoso
XML (:mod:`akn`) and DOCX through the docxtpl template (:mod:`docx`). They live in ``ingest`` -- the lowest stage,
which already owns the tree they write -- so that ``ingest``'s CLI (``--format md/akn``), the drafts and ``check
--fix`` all write with the same code, and no import runs back up (see docs/architecture.md)."""

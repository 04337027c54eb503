"""Abbreviations an act defines for a role: "Pejabat yang Berwenang yang selanjutnya disingkat PyB adalah ...",
"Pejabat Penilai Kinerja yang selanjutnya disingkat PPK ...". Within that act the abbreviation is the role (a term
the Ketentuan Umum defines, with its abbreviation, is used as defined throughout the act: UU 12/2011 Lampiran II
angka 107-109), so "PyB menginstruksikan PUO yang dituju ..." is a step of the Pejabat yang Berwenang.

The abbreviations hold for one act only ("PPK" is the Pejabat Penilai Kinerja in one act, the Pejabat Pembina
Kepegawaian in another): :func:`using` sets them while the model of that act is built, and the pipeline component
``rancang_abbreviations`` (after the EntityRuler, :mod:`rancang.model.pipeline`) marks each token spelled exactly
as one (case kept) that no entity covers as a ``ROLE`` of the role's id.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

_CURRENT: ContextVar[dict[str, str]] = ContextVar("rancang_abbreviations", default={})  # noqa: B039 (read only)
_DEFINED = re.compile(r"\s+yang\s+selanjutnya\s+(?:disingkat|disebut)(?:\s+dengan)?\s+(?P<abbr>[A-Z][A-Za-z]{1,9})\b")


def defined(texts: list[str], nlp: Any) -> dict[str, str]:
    """Abbreviation -> role id for every definition in ``texts`` (the Ketentuan Umum's items) whose term is a whole
    catalogue role and whose abbreviation has two capitals or more ("PyB", "PUO", "PF"; not "Bupati")."""
    out: dict[str, str] = {}
    for text in texts:
        m = _DEFINED.search(text)
        if m is None or sum(ch.isupper() for ch in m.group("abbr")) < 2:
            continue
        doc = nlp(text[:m.start()].strip())
        whole = [e for e in doc.ents if e.label_ == "ROLE" and e.start == 0 and e.end == len(doc)]
        if whole:
            out.setdefault(m.group("abbr"), whole[0].ent_id_)
    return out


@contextmanager
def using(abbreviations: dict[str, str]) -> Iterator[None]:
    """Within the block, the pipeline reads ``abbreviations`` (abbreviation -> role id) as roles."""
    token = _CURRENT.set(dict(abbreviations))
    try:
        yield
    finally:
        _CURRENT.reset(token)


def mark(doc: Any) -> Any:
    """The pipeline component: each token spelled as a current abbreviation, outside every entity, a ROLE."""
    current = _CURRENT.get()
    if not current:
        return doc
    from spacy.tokens import Span

    taken = {i for e in doc.ents for i in range(e.start, e.end)}
    new = [Span(doc, t.i, t.i + 1, label="ROLE", span_id=current[t.text]) for t in doc
           if t.text in current and t.i not in taken]
    if new:
        doc.ents = sorted([*doc.ents, *new], key=lambda e: e.start)
    return doc


def add_to(nlp: Any) -> None:
    """Add the component ``rancang_abbreviations`` to ``nlp`` (after its EntityRuler)."""
    from spacy.language import Language

    if not Language.has_factory("rancang_abbreviations"):
        Language.component("rancang_abbreviations", func=mark)
    nlp.add_pipe("rancang_abbreviations", after="entity_ruler")

"""Body and Lampiran made to say one thing (issue 27 item 3), in the order the steps need: heads and terms written
whole, one name per perangkat daerah, pointers to dropped charts removed, a paragraph said twice removed, blanks
listed, then the scopes the Lampiran regulates held against the body's (:mod:`scopes`) and against each item's own
heading (:mod:`item_scopes`), both as decisions; the base's own organisation and local concepts in the Lampiran
listed as decisions (:mod:`peta`)."""

from __future__ import annotations

from typing import Any

from rancang.generate.draft import ellipsis, item_scopes, model_perbup, peta, repeats, scope_body, scopes, terms, units
from rancang.generate.draft import lampiran as lampiran_mod
from rancang.generate.draft.notes import Notes
from rancang.parts import Block
from rancang.tree import Node


def apply(body: list[Node], lampiran: list[Block], perangkat_daerah: list[str], notes: Notes,
          local: list[str] | None = None, model: dict[str, Any] | None = None) -> None:
    """Run every consistency step on the composed ``body`` and ``lampiran`` (in place), each noted in ``notes``;
    ``perangkat_daerah``: the profile's list (the names a unit is written with); ``local``: the terms only the base
    defines (:func:`terms.local`), whose part of the Lampiran is the base's policy; ``model``: the model Perbup, whose
    regions' wording decides whether a scope only the Lampiran names joins the body's lists (:mod:`scope_body`)."""
    terms.heads(body, lampiran, notes)
    ellipsis.restore(body, lampiran, notes)
    units.align(body, lampiran, perangkat_daerah, notes)
    lampiran_mod.figure_leads(lampiran, any(b.type in ("table", "figure", "image", "caption") for b in lampiran), notes)
    repeats.remove(lampiran, notes)
    lampiran_mod.blanks(lampiran, notes)
    scope_body.widen(body, lampiran, model or model_perbup.load(), notes)
    scopes.check(body, lampiran, notes)
    scopes.by_matter(body, lampiran, notes)  # each Bagian's scopes against the Lampiran's part on its matter
    item_scopes.check(body, lampiran, notes)
    peta.peta_jabatan(lampiran, perangkat_daerah, notes)
    peta.local_concepts(lampiran, local or [], notes)

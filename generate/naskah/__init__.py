"""Naskah dinas for the sistem-kerja procedures (Permendagri 1/2023), as DOCX: one letter, or a procedure's set.

The Python API (the CLI ``rancang letter`` and the web app use only these):

- :func:`types` / :func:`get_type`: the letter types (``data/letters.yaml``), :func:`example_data` a valid
  mapping for one, :func:`render` its DOCX bytes (validated first: every missing mandatory content in one error).
- :func:`scenarios` and :func:`scenario_example`: the procedures as letter sets (``data/letter_scenarios.yaml``);
  :func:`build_scenario` turns a scenario's data into its numbered, dated, addressed letters; :func:`write_scenario`
  and :func:`scenario_zip` write them (``01-….docx`` …, ``skenario.md``).
"""

from __future__ import annotations

from typing import Any, cast

from rancang.generate.naskah.catalogue import (
    example,
    example_data,
    form_schema,
    get_type,
    keys,
    required,
    types,
    validate,
)
from rancang.generate.naskah.layouts import LAYOUTS, kop_jabatan
from rancang.generate.naskah.letter_data import LetterData
from rancang.generate.naskah.render import render as _render_layout

__all__ = ["types", "get_type", "keys", "required", "validate", "example", "example_data", "form_schema", "render",
           "context"]


def context(name: str, data: dict[str, Any], layout: str | None = None) -> dict[str, Any]:
    """The template context of letter ``name`` (validated); ``layout`` picks an allowed alternative form."""
    t = get_type(name)
    validate(name, data, layout)
    ctx = LAYOUTS[layout or t["layout"]](t, cast(LetterData, data))  # validated against the letter schema
    ctx["kop_jabatan"] = kop_jabatan(cast(LetterData, data))  # the kepala daerah's own: replaces the kop dinas
    return ctx


def render(name: str, data: dict[str, Any], layout: str | None = None) -> bytes:
    """The DOCX bytes of letter ``name`` filled with ``data``; raises InputError before anything is produced."""
    t = get_type(name)
    return _render_layout(layout or t["layout"], context(name, data, layout), title=t["judul"])

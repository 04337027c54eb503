"""``rancang letter``: kept as the stable import path; the letters live in :mod:`rancang.generate.naskah`."""

from __future__ import annotations

from rancang.generate.naskah import example, example_data, get_type, render, types, validate
from rancang.generate.naskah.catalogue import catalogue, examples, form_schema
from rancang.generate.naskah.catalogue import keys as example_keys

__all__ = ["types", "get_type", "example", "example_data", "examples", "example_keys", "validate", "render",
           "catalogue", "form_schema"]

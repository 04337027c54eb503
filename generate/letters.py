"""``rancang letter``: kept as the stable import path; the letters live in :mod:`rancang.generate.naskah`."""

from __future__ import annotations

from rancang.generate.naskah import example, example_data, get_type, render, types, validate

__all__ = ["types", "get_type", "example", "example_data", "validate", "render"]

"""Access to the data files and templates shipped inside ``rancang.generate`` (works from a wheel or a checkout)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


def path(rel: str) -> Path:
    """Filesystem path of a packaged file of ``rancang.generate``, such as ``naskah/templates/surat.docx`` (each
    product keeps its data in its own folder: ``check/data/rules.yaml``, ``draft/data/compose.yaml`` ...)."""
    return Path(str(resources.files("rancang.generate").joinpath(rel)))


def read_text(rel: str) -> str:
    return resources.files("rancang.generate").joinpath(rel).read_text(encoding="utf-8")


def read_yaml(rel: str):
    """A packaged YAML data file (our own data, not user input): parsed with libyaml when present."""
    return yaml.load(read_text(rel), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@cache
def compose_rules() -> dict[str, Any]:
    """``draft/data/compose.yaml``, the rules of composing a draft (the default base, clauses dropped, terms known, the
    Lampiran's perangkat-daerah table ...): read by the composer and by the Lampiran it composes."""
    return read_yaml("draft/data/compose.yaml")

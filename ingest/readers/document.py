"""What every reader returns: a source file's text as lines, and what the reader removed by rule.

Its own module, below the readers and the dispatch in :mod:`rancang.ingest.readers`, so that each reader and the
dispatch that imports them import in one direction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Document:
    """A source file's text as lines, plus what the reader removed by rule (page numbers, headers ...)."""

    lines: list[str]
    format: str
    removed: list[dict[str, Any]] = field(default_factory=list)
    #: lines found at the end of a table row etc. that the reader wants kept apart (optional, format-specific)
    extra: dict[str, Any] = field(default_factory=dict)
    #: what the reader read in a way the user should know of ({"kind", "line" or "pages", "message"}, Indonesian)
    warnings: list[dict[str, Any]] = field(default_factory=list)

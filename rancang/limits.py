"""Bounds on the work any input may cause, read from ``data/limits.json`` (issue 19: every input ends quickly).

``data_nodes`` / ``data_depth``: a YAML or JSON mapping once aliases are expanded / its nesting;
``reference_range``: the most targets the ranges of one reference ("Pasal a sampai dengan Pasal b") expand to;
``list_depth``: list items nested under one another; ``docx_part_bytes`` / ``docx_total_bytes``: the inflated size
of one part / all parts read from a DOCX; ``docx_list_start`` / ``docx_list_levels``: Word list numbering;
``pdf_stream_bytes`` / ``pdf_total_bytes``: the inflated size of one PDF stream / of all its streams but images;
``pdf_page_content_bytes``: the inflated content streams of one PDF page; ``pdf_image_pixels``: one PDF image;
``pdf_pages`` / ``pdf_page_tree_refs``: the pages of one PDF / the references of its page tree (``/Kids``);
``document_lines``: the lines of one document as read (4,000 pages of 50 lines);
``line_chars`` / ``line_enumerators``: one line of a document as read / the enumerators run together in it;
``output_ratio`` / ``output_floor_bytes``: an ingest output may be at most this many times its input's size, or
this many bytes when that is more (a small input).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


@cache
def _all() -> dict[str, int]:
    raw = json.loads(resources.files("rancang").joinpath("data/limits.json").read_text(encoding="utf-8"))
    return {k: int(v) for k, v in raw.items() if not k.startswith("_")}


def limit(name: str) -> int:
    """The bound called ``name`` in ``data/limits.json`` (KeyError for an unknown name)."""
    return _all()[name]

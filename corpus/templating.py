"""The reports of the corpus (diff report, coverage matrix) are templates in ``corpus/templates/``: Jinja2 for
HTML, a DOCX document that docxtpl fills for Word.

The template is the layout; code only gathers the values. Autoescaping is on, so a text from a regulation
(``<``, ``&``, quotes) can never become markup. jinja2 is imported when a report is first rendered.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any


@cache
def _env() -> Any:
    import jinja2

    return jinja2.Environment(loader=jinja2.PackageLoader("rancang.corpus", "templates"), autoescape=True,
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                              undefined=jinja2.StrictUndefined)


def path(name: str) -> Path:
    """The file ``templates/<name>`` shipped in the package (a DOCX template for docxtpl)."""
    return Path(str(resources.files("rancang.corpus").joinpath("templates", name)))


def render(name: str, **ctx: Any) -> str:
    """``templates/<name>`` rendered with ``ctx`` (a str; raises jinja2.UndefinedError for a missing value)."""
    return _env().get_template(name).render(**ctx)

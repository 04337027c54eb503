"""The JSON Schemas that are the contract between rancang's stages, and one way to check data against them.

Schemas are data files beside this module (``regulation``, ``sistemkerja``, ``region``, ``letter``); they are
loaded once and their validators cached, so validating every ingest output stays cheap.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from importlib import resources
from typing import Any

from rancang.dates import FORMATS
from rancang.errors import ValidationError


@cache
def load(name: str) -> dict[str, Any]:
    """The schema ``<name>.schema.json`` as a dict."""
    text = resources.files(__name__).joinpath(f"{name}.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


@cache
def validator(name: str):
    import jsonschema

    schema = load(name)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    checker = copy.deepcopy(cls.FORMAT_CHECKER)
    for name, check in FORMATS.items():  # rancang's own formats ("tanggal": ISO or "2 Maret 2026")
        checker.checks(name)(check)
    return cls(schema, format_checker=checker)


def errors(name: str, data: Any) -> list[str]:
    """Every violation of schema ``name`` by ``data``, as "path: message" lines (empty when valid)."""
    out = []
    for err in sorted(validator(name).iter_errors(data), key=lambda e: list(e.absolute_path)):
        path = "/".join(str(p) for p in err.absolute_path) or "(akar)"
        out.append(f"{path}: {err.message}")
    return out


@cache
def fast_check(name: str):
    """A compiled yes/no check of schema ``name`` (jsonschema-rs, written in Rust): about 10x faster than a
    generated Python validator on a whole regulation tree, so every ingest can afford it.

    jsonschema (Python) stays the reference: it explains any failure in messages, and tests check that both
    agree on the same documents."""
    import jsonschema_rs

    return jsonschema_rs.validator_for(load(name), validate_formats=True, formats=FORMATS)


def is_valid(name: str, data: Any) -> bool:
    """Whether ``data`` satisfies schema ``name`` (the fast check; see :func:`errors` for why it does not)."""
    return fast_check(name).is_valid(data)


def validate(name: str, data: Any) -> None:
    """Raise :class:`ValidationError` (Indonesian message) unless ``data`` satisfies schema ``name``."""
    if is_valid(name, data):
        return
    problems = errors(name, data) or ["(ditolak oleh pemeriksa cepat)"]
    if problems:
        shown = "; ".join(problems[:5]) + (f"; dan {len(problems) - 5} lainnya" if len(problems) > 5 else "")
        raise ValidationError(f"data tidak sesuai skema {name}: {shown}")

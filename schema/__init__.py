"""The JSON Schemas that are the contract between rancang's stages, and one way to check data against them.

Schemas are data files beside this module (``regulation``, ``sistemkerja``, ``region``, ``letter``); they are
loaded once and their validators cached, so validating every ingest output stays cheap.

One validator does every job: jsonschema-rs (compiled, Rust). It answers yes/no about 100x faster than the Python
``jsonschema`` on a whole regulation tree (1.5 ms against 174 ms for a seed Perbup, whose ingest itself takes
~50 ms), so every ingest can afford it; and its errors name the failing keyword, its place in the schema and the
data, which :func:`problems` turns into what the Indonesian messages of profiles, letters and web forms need.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Problem:
    """One violation of a schema, named as JSON Schema names it (the attribute names of ``jsonschema``'s
    ValidationError, which the message writers read): ``absolute_path`` in the data, the failing keyword
    (``validator``: "required", "enum", "type", "additionalProperties" ...), that keyword's value in the schema
    (``validator_value``: the required keys, the options, the type names ...), the subschema holding it
    (``schema``), the failing value (``instance``) and the validator's English ``message``."""

    absolute_path: tuple[str | int, ...]
    validator: str
    validator_value: Any
    schema: dict[str, Any]
    instance: Any
    message: str


def _compile(schema: dict[str, Any], formats: bool) -> Any:
    import jsonschema_rs

    return jsonschema_rs.validator_for(schema, validate_formats=formats, formats=FORMATS)


@cache
def fast_check(name: str) -> Any:
    """The compiled validator of schema ``name`` (jsonschema-rs; formats checked, rancang's own ``tanggal``
    included: ISO or "2 Maret 2026"), built once per process."""
    return _compile(load(name), True)


def problems(name: str | dict[str, Any], data: Any, formats: bool = True) -> list[Problem]:
    """Every violation of schema ``name`` (or of the schema given as a dict) by ``data``, ordered by their place in
    the data; the missing keys of one object are one ``required`` problem, as JSON Schema states the keyword."""
    root = load(name) if isinstance(name, str) else name
    check = fast_check(name) if isinstance(name, str) and formats else _compile(root, formats)
    out: list[Problem] = []
    seen_required: set[tuple[tuple[str | int, ...], tuple[str | int, ...]]] = set()
    for err in check.iter_errors(data):
        path, keyword = tuple(err.instance_path), err.schema_path[-1] if err.schema_path else ""
        if keyword == "required":
            # one problem per "required" keyword and object (a conditional "then: required" is a keyword of its own)
            where = (path, tuple(err.schema_path))
            if where in seen_required:
                continue
            seen_required.add(where)
        subschema = _at(root, err.schema_path[:-1])
        out.append(Problem(path, keyword, subschema.get(keyword), subschema, err.instance, err.message))
    return sorted(out, key=lambda p: list(p.absolute_path))


def _at(root: dict[str, Any], path: Any) -> dict[str, Any]:
    """The subschema at ``path`` (a jsonschema-rs schema path: absolute, a ``$ref`` already followed); {} when the
    path leads elsewhere."""
    node: Any = root
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return {}
    return node if isinstance(node, dict) else {}


def errors(name: str, data: Any) -> list[str]:
    """Every violation of schema ``name`` by ``data``, as "path: message" lines (empty when valid)."""
    return [f"{'/'.join(str(p) for p in e.absolute_path) or '(akar)'}: {e.message}" for e in problems(name, data)]


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

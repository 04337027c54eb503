"""HTML forms generated from the JSON Schemas that are the stages' contracts (region profile, letter data).

One schema gives three things, so the form can never drift from what the stage accepts:

- :func:`fields`: a tree of :class:`Field` for the template (objects become fieldsets, arrays of objects a
  repeated group with one blank item to add another, arrays of strings a textarea with one entry per line,
  enums a select, booleans a checkbox, integers a number input);
- :func:`parse`: the posted form (flat names such as ``dasar_hukum_daerah.0.tahun``) back into nested data;
- :func:`errors`: every schema violation as a short Indonesian message keyed by the field's name, shown beside it.

Labels and messages are data (``data/form.json``).
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from rancang import schema as schemas
from rancang.web import uploads

MISSING = object()
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


@cache
def texts() -> dict[str, Any]:
    """Labels, option names and messages (``data/form.json``)."""
    return json.loads(resources.files("rancang.web").joinpath("data/form.json").read_text(encoding="utf-8"))


def label(key: str, path: str = "") -> str:
    """The Indonesian label of ``key`` (at dotted ``path`` without list indices, when the data names one there);
    a code in capitals stays as it is ("DISKOMINFO")."""
    labels = texts()["labels"]
    if path in labels:
        return labels[path]
    if key.isupper():
        return key
    return labels.get(key) or key.replace("_", " ").capitalize()


@dataclass
class Field:
    """One form control or group. ``name`` is the dotted path of the value ("daerah.nama", "pegawai.0.nip")."""

    name: str
    label: str
    kind: str  # group | list | text | lines | number | date | select | checkbox | image
    value: Any = ""
    required: bool = False
    help: str = ""
    options: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    children: list[Field] = field(default_factory=list)
    blank: bool = False

    @property
    def html_id(self) -> str:
        return "f-" + self.name.replace(".", "-")


def resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with a local ``$ref`` ("#/$defs/dasar", "#/$defs/citation/properties/jenis") followed."""
    while "$ref" in schema:
        node: Any = root
        for part in schema["$ref"].lstrip("#/").split("/"):
            node = node[part]
        schema = {**node, **{k: v for k, v in schema.items() if k != "$ref"}}
    return schema


def _kind(s: dict[str, Any]) -> str:
    t = s.get("type")
    types = [x for x in (t if isinstance(t, list) else [t]) if x not in ("null", None)]
    return types[0] if types else ("string" if "enum" in s else "object" if "properties" in s else "string")


def fields(schema: dict[str, Any], data: Any, errs: dict[str, list[str]] | None = None,
           root: dict[str, Any] | None = None, name: str = "", skip: tuple[str, ...] = ()) -> list[Field]:
    """The controls of an object ``schema`` filled with ``data``; ``errs`` maps names to messages; keys in
    ``skip`` are left out (set by the page itself, e.g. a letter's ``jenis``)."""
    root = root or schema
    errs = errs or {}
    s = resolve(schema, root)
    data = data if isinstance(data, dict) else {}
    req = set(s.get("required") or [])
    return [_field(sub, data.get(key, MISSING), errs, root, f"{name}.{key}" if name else key, key, key in req)
            for key, sub in (s.get("properties") or {}).items() if key not in skip]


def _field(schema: dict[str, Any], value: Any, errs: dict[str, list[str]], root: dict[str, Any], name: str,
           key: str, required: bool) -> Field:
    s = resolve(schema, root)
    kind = _kind(s)
    generic = re.sub(r"\.\d+(?=\.|$)", "", name)
    f = Field(name=name, label=label(key, generic), kind="text", required=required,
              help=_help(root, generic, s), errors=errs.get(name, []))
    if kind == "object":
        f.kind, f.children = "group", fields(s, value, errs, root, name)
    elif kind == "array":
        items = resolve(s.get("items") or {}, root)
        if _kind(items) == "object":
            f.kind = "list"
            values = value if isinstance(value, list) else []
            f.children = [_item(items, v, errs, root, f"{name}.{i}", key, i) for i, v in enumerate(values)]
            blank = _item(items, MISSING, errs, root, f"{name}.{len(values)}", key, len(values))
            blank.blank = True
            f.children.append(blank)
        else:
            f.kind, f.help = "lines", f.help or texts()["hints"]["lines"]
            f.value = "\n".join(str(v) for v in value) if isinstance(value, list) else ""
    elif "enum" in s:
        names = texts()["options"]
        f.kind = "select"
        f.options = [("", names[""])] + [(str(v), names.get(str(v), str(v))) for v in s["enum"] if v is not None]
        f.value = "" if value in (MISSING, None) else str(value)
    elif kind == "boolean":
        f.kind, f.value = "checkbox", value is True
    else:
        f.kind = "number" if kind in ("integer", "number") else "text"
        f.value = "" if value in (MISSING, None) else str(value)
        if s.get("pattern") == DATE_PATTERN:
            f.kind = "date"
        if uploads.is_image_field(name):  # an image uploaded, never a path on the server
            f.kind, f.value = "image", uploads.shown(f.value)
            f.help = texts()["hints"].get("image", f.help)
    return f


def _help(root: dict[str, Any], generic: str, s: dict[str, Any]) -> str:
    """A field's help: for this schema ("letter:nomor"), else for its name in any form ("nomor"), else the
    schema's own description."""
    helps = texts().get("help", {})
    own = str(root.get("$id", "")).rsplit("/", 1)[-1].removesuffix(".schema.json")
    return helps.get(f"{own}:{generic}") or helps.get(generic) or s.get("description", "")


def _item(items: dict[str, Any], value: Any, errs: dict[str, list[str]], root: dict[str, Any], name: str,
          key: str, i: int) -> Field:
    return Field(name=name, label=f"{label(key)} {i + 1}", kind="group", errors=errs.get(name, []),
                 children=fields(items, value, errs, root, name))


def parse(schema: dict[str, Any], form: dict[str, list[str]], root: dict[str, Any] | None = None,
          name: str = "") -> Any:
    """Nested data from a posted form (``{name: [values]}``); empty inputs are left out, so the schema reports
    a missing required value as missing rather than as an empty string."""
    root = root or schema
    s = resolve(schema, root)
    kind = _kind(s)
    if kind == "object":
        out = {}
        for key, sub in (s.get("properties") or {}).items():
            value = parse(sub, form, root, f"{name}.{key}" if name else key)
            if value is not MISSING:
                out[key] = value
        return out if out or not name else MISSING
    if kind == "array":
        items = resolve(s.get("items") or {}, root)
        if _kind(items) == "object":
            prefix = name + "."
            idx = sorted({int(k[len(prefix):].split(".", 1)[0]) for k in form
                          if k.startswith(prefix) and k[len(prefix):].split(".", 1)[0].isdigit()})
            values = [parse(items, form, root, f"{name}.{i}") for i in idx]
            values = [v for v in values if v is not MISSING]
            return values or MISSING
        lines = [ln.strip() for ln in _one(form, name).splitlines() if ln.strip()]
        return lines or MISSING
    if kind == "boolean":
        # a box left unticked is "no" -- or, where the schema allows null ("not said"), nothing said
        on = _one(form, name) in ("on", "true", "1", "ya")
        return True if on else (MISSING if "null" in (s.get("type") or []) else False)
    raw = _one(form, name).strip()
    if not raw:
        return MISSING
    if kind == "integer":
        try:
            return int(raw)
        except ValueError:
            return raw  # the schema reports it as not a number, beside the field
    return raw


def _one(form: dict[str, list[str]], name: str) -> str:
    values = form.get(name) or [""]
    return values[-1]


def errors(schema: dict[str, Any], data: Any) -> dict[str, list[str]]:
    """Every violation of ``schema`` by ``data`` as {field name: [Indonesian messages]} ("" for the whole).

    A required group left wholly empty puts "wajib diisi" on each of its required inputs (where the drafter
    types), not on the group's heading; a date of the right shape that no calendar has (2026-02-30) is refused
    here, as the browser's own date check cannot be relied on."""
    out: dict[str, list[str]] = {}

    def add(where: str, message: str) -> None:
        messages = out.setdefault(where, [])
        if message not in messages:
            messages.append(message)

    for err in schemas.problems(schema, data, formats=False):
        path = [str(p) for p in err.absolute_path]
        for where, message in _messages(err, path):  # one "required" error per missing key names them all
            for leaf in _required_leaves(schema, where) if message == texts()["messages"]["required"] else [where]:
                add(".".join(leaf), message)
    for name, value in _dates(schema, data):
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            add(name, texts()["messages"]["no_such_date"].format(value=value))
    return out


def _required_leaves(root: dict[str, Any], path: list[str]) -> list[list[str]]:
    """The inputs of a missing required value at ``path``: itself when it is an input, else (an object) its
    required inputs, recursively."""
    s: dict[str, Any] = root
    for part in path:
        s = resolve(s, root)
        if part.isdigit():
            s = s.get("items") or {}
        else:
            s = (s.get("properties") or {}).get(part) or {}
    s = resolve(s, root)
    if _kind(s) != "object" or not s.get("required"):
        return [path]
    return [leaf for key in s["required"] for leaf in _required_leaves(root, [*path, key])]


def _dates(schema: dict[str, Any], data: Any, root: dict[str, Any] | None = None,
           name: str = "") -> list[tuple[str, str]]:
    """(field name, value) of every date field of ``data`` whose value has the date shape."""
    root = root or schema
    s = resolve(schema, root)
    if isinstance(data, dict):
        props = s.get("properties") or {}
        return [d for k, v in data.items() if k in props
                for d in _dates(props[k], v, root, f"{name}.{k}" if name else k)]
    if isinstance(data, list):
        return [d for i, v in enumerate(data) for d in _dates(s.get("items") or {}, v, root, f"{name}.{i}")]
    dated = s.get("pattern") == DATE_PATTERN or s.get("format") == "tanggal"  # ISO, or written out (stage checks)
    if isinstance(data, str) and dated and re.match(DATE_PATTERN, data):
        return [(name, data)]
    return []


def _messages(err: schemas.Problem, path: list[str]) -> list[tuple[list[str], str]]:
    m = texts()["messages"]
    v, value = err.validator, err.validator_value
    if v == "required":
        return [(path + [k], m["required"]) for k in value if k not in (err.instance or {})]
    if v == "type":
        kinds = value if isinstance(value, list) else [value]
        kind = " atau ".join(texts()["kinds"].get(k, k) for k in kinds if k != "null")
        return [(path, m["type"].format(kind=kind))]
    if v == "pattern":
        return [(path, m["date"] if value == DATE_PATTERN else m["pattern"])]
    if v in ("minLength", "minItems"):
        return [(path, m["empty"] if value <= 1 else m[v].format(n=value))]
    if v in ("minimum", "maximum", "enum"):
        return [(path, m[v].format(n=value))]
    if v == "additionalProperties":
        extra = sorted(k for k in err.instance if k not in (err.schema.get("properties") or {}))
        return [(path, m["additionalProperties"].format(keys=", ".join(extra)))]
    return [(path, m["other"].format(detail=err.message))]


def unplaced(errs: dict[str, list[str]], tree: list[Field]) -> list[str]:
    """Messages whose name has no control in ``tree`` (shown above the form, so none is lost)."""
    names: set[str] = set()

    def visit(fs: list[Field]) -> None:
        for f in fs:
            names.add(f.name)
            visit(f.children)

    visit(tree)
    return [f"{k or 'formulir'}: {msg}" for k, msgs in errs.items() if k not in names for msg in msgs]


def infer(value: Any) -> dict[str, Any]:
    """A JSON Schema for data shaped like ``value`` (an example), for inputs that have no schema of their own:
    mappings become objects, lists of mappings arrays of objects (the union of their keys), other lists arrays
    of strings, ISO dates date fields.

    >>> infer({"n": 1, "tanggal": "2026-03-02", "xs": [{"a": "b"}]})["properties"]["xs"]["items"]["type"]
    'object'
    """
    if isinstance(value, dict):
        return {"type": "object", "properties": {k: infer(v) for k, v in value.items()}}
    if isinstance(value, list):
        objects = [v for v in value if isinstance(v, dict)]
        if not objects:
            return {"type": "array", "items": {"type": "string"}}
        merged: dict[str, Any] = {}
        for obj in objects:
            for k, v in obj.items():
                merged.setdefault(k, v)
        return {"type": "array", "items": infer(merged)}
    if isinstance(value, bool):
        return {"type": "boolean"}
    if isinstance(value, int):
        return {"type": "integer"}
    if isinstance(value, float):
        return {"type": "number"}
    if isinstance(value, str) and re.match(DATE_PATTERN, value):
        return {"type": "string", "pattern": DATE_PATTERN}
    return {"type": "string"}

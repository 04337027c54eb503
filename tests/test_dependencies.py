"""Every library rancang imports is declared in pyproject.toml (issue 24 item 5).

A module on the core path (reading a PDF or DOCX, modelling, drafting, checking, the corpus) may import only what
``[project] dependencies`` names itself: a library that merely arrives with another one (pypdfium2 with pdfplumber,
lxml with python-docx) leaves the day that one stops needing it. The modules of an optional feature (OCR, Akoma
Ntoso, the picture, the Dask cluster, the web app) may import their extra's libraries, or what the declared ones
bring along. An import under ``try: ... except ImportError`` asks whether a library is there; it needs none.
"""

from __future__ import annotations

import ast
import importlib.metadata as md
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PACKAGE_DIRS: dict[str, str] = PYPROJECT["tool"]["setuptools"]["package-dir"]

#: modules of optional features, by the start of their path (their extra in pyproject): everything else is the core
#: path ("ingest/readers/ocr" is the ocr/ sub-package)
OPTIONAL = {"ingest/readers/ocr": "ocr", "ingest/writers/akn.py": "akn", "model/picture.py": "picture",
            "corpus/cluster.py": "cluster", "web/": "web"}


def _name(requirement: str) -> str:
    """The normalised distribution name of a requirement ("python-docx>=1.1,<2" -> "python-docx")."""
    m = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
    assert m, requirement
    return re.sub(r"[-_.]+", "-", m.group(1)).lower()


def declared(extra: str | None = None) -> set[str]:
    """Distributions named in ``dependencies`` (and in ``extra``'s list when given)."""
    names = {_name(r) for r in PYPROJECT["project"]["dependencies"]}
    if extra:
        names |= {_name(r) for r in PYPROJECT["project"]["optional-dependencies"][extra]}
    return names


def brought_along(names: set[str]) -> set[str]:
    """``names`` and every distribution they require, transitively (as installed here)."""
    seen, todo = set(), list(names)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            todo += [_name(r) for r in md.requires(name) or [] if "extra ==" not in r]
        except md.PackageNotFoundError:
            pass
    return seen


def _guarded(tree: ast.AST) -> set[int]:
    """ids of the import statements inside a ``try`` that catches ImportError (or ModuleNotFoundError)."""
    out: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Try) and any(
                isinstance(h.type, ast.Name) and h.type.id in ("ImportError", "ModuleNotFoundError")
                for h in node.handlers):
            out |= {id(n) for stmt in node.body for n in ast.walk(stmt) if isinstance(n, ast.Import | ast.ImportFrom)}
    return out


def imports() -> dict[str, set[str]]:
    """Module path (relative to the checkout) -> the third-party top-level modules it imports (guarded ones
    excepted)."""
    out: dict[str, set[str]] = {}
    for folder in sorted(set(PACKAGE_DIRS.values())):
        for path in sorted((ROOT / folder).glob("*.py")):
            names = set()
            tree = ast.parse(path.read_text(encoding="utf-8"))
            guarded = _guarded(tree)
            for node in ast.walk(tree):
                if id(node) in guarded:
                    continue
                if isinstance(node, ast.Import):
                    names |= {a.name.split(".")[0] for a in node.names}
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names.add(node.module.split(".")[0])
            out[path.relative_to(ROOT).as_posix()] = {
                n for n in names if n not in sys.stdlib_module_names and n not in ("rancang", "__future__")}
    return out


def _extra(rel: str) -> str | None:
    return next((extra for prefix, extra in OPTIONAL.items() if rel.startswith(prefix)), None)


def test_every_import_is_declared_and_the_core_path_declares_its_own():
    dists = md.packages_distributions()
    missing = []
    for rel, names in imports().items():
        extra = _extra(rel)
        allowed = declared() if extra is None else brought_along(declared(extra))
        for name in sorted(names):
            if not {_name(d) for d in dists.get(name, [name])} & allowed:
                missing.append(f"{rel}: {name} ({'dependencies' if extra is None else f'extra {extra}'})")
    assert not missing, "imported but not declared in pyproject.toml:\n" + "\n".join(missing)


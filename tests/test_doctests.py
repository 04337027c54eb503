"""The examples in the modules' docstrings are true, in every module of rancang.

The modules are found by walking the folders that pyproject's ``package-dir`` maps (``ingest/`` is
``rancang.ingest``), never from a list kept by hand: a new module's examples run the day it is added. (pytest's
``--doctest-modules`` would import ``ingest/units.py`` as ``ingest.units``, a second copy beside
``rancang.ingest.units``, so the walk names each module as the installed package does.)
"""

from __future__ import annotations

import ast
import doctest
import importlib
import sys
import tomllib
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIRS: dict[str, str] = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
    "tool"]["setuptools"]["package-dir"]


def module_names() -> list[str]:
    """Dotted name of every module of the installed packages, as pyproject maps their folders."""
    names = []
    for package, folder in sorted(PACKAGE_DIRS.items()):
        for f in sorted((ROOT / folder).glob("*.py")):
            names.append(package if f.stem == "__init__" else f"{package}.{f.stem}")
    return names


def examples_fail(module: types.ModuleType) -> doctest.TestResults:
    """Run the docstring examples of ``module`` (``...`` matches anything); the failures are printed."""
    return doctest.testmod(module, optionflags=doctest.ELLIPSIS)


@pytest.mark.parametrize("name", module_names())
def test_docstring_examples_hold(name):
    result = examples_fail(importlib.import_module(name))
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples of {name} fail"


def test_every_module_of_the_stage_folders_is_walked():
    """Every .py file under a stage folder lies in a folder that package-dir maps: else the walk (and the wheel)
    would miss it."""
    mapped = {(ROOT / folder).resolve() for folder in PACKAGE_DIRS.values()}
    top = {folder.split("/")[0] for folder in PACKAGE_DIRS.values()}
    stray = [p.relative_to(ROOT).as_posix() for t in sorted(top) for p in sorted((ROOT / t).rglob("*.py"))
             if p.parent.resolve() not in mapped]
    assert not stray, f"modules outside every package-dir folder: {stray}"


def test_a_false_example_fails(monkeypatch):
    """The runner is not blind: a module whose example is wrong is reported as failing."""
    module = types.ModuleType("rancang_false_example", "Two and two:\n\n>>> 2 + 2\n5\n")
    monkeypatch.setitem(sys.modules, module.__name__, module)
    result = examples_fail(module)
    assert (result.failed, result.attempted) == (1, 1)


def test_no_test_skips_when_rancang_itself_fails_to_import():
    """``pytest.importorskip`` is for optional third-party extras: a broken ``rancang.model`` must fail its tests,
    not show up as skips."""
    found = []
    for path in sorted((ROOT / "tests").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "importorskip" and node.args and isinstance(node.args[0], ast.Constant)
                    and str(node.args[0].value).split(".")[0] == "rancang"):
                found.append(f"{path.name}:{node.lineno}")
    assert not found, f"importorskip of rancang's own modules: {found}"

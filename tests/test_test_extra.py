"""Every package a test imports is declared by the extras the README installs (issue 23): `pip install -e '.[test]'`
in a clean venv must give the tests all they import, not the machine's own Python by luck.

The imports are read from the test files (``import x``, ``from x import y``, ``pytest.importorskip("x")``, at any
depth) and compared with the installed metadata of rancang: its own dependencies and the ``test`` extra, with
the extras ``test`` names (``rancang[web]`` ...) followed. A package that only arrives as a dependency of another
package does not count: it could leave with that package's next release."""

from __future__ import annotations

import ast
import sys
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

sys.path.insert(0, str(Path(__file__).parent))
from checkout import tracked  # noqa: E402

TESTS = Path(__file__).parent


def imported_modules(path: Path) -> set[str]:
    """Top-level names of the absolute imports of one Python file."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr == "importorskip" and node.args and isinstance(node.args[0], ast.Constant)):
            found.add(node.args[0].value)
    return {name.split(".")[0] for name in found}


def declared(extras: set[str]) -> set[str]:
    """Canonical names of the distributions rancang's installed metadata requires with ``extras`` (followed
    through rancang's own extras)."""
    reqs = [Requirement(r) for r in metadata.requires("rancang") or []]
    wanted, names = set(extras), set()
    while True:
        more = {x for r in reqs if canonicalize_name(r.name) == "rancang" and _applies(r, wanted) for x in r.extras}
        if more <= wanted:
            break
        wanted |= more
    for r in reqs:
        if canonicalize_name(r.name) != "rancang" and _applies(r, wanted):
            names.add(canonicalize_name(r.name))
    return names


def _applies(req: Requirement, extras: set[str]) -> bool:
    if req.marker is None:
        return True
    return any(req.marker.evaluate({"extra": e}) for e in extras)


def test_every_package_the_tests_import_is_declared_by_the_test_extra() -> None:
    local = {p.stem for p in TESTS.rglob("*.py")}
    third_party: dict[str, set[str]] = {}
    for path in tracked("tests/**/*.py"):
        for name in imported_modules(path) - local - set(sys.stdlib_module_names) - {"rancang", "__future__"}:
            third_party.setdefault(name, set()).add(path.name)
    assert {"pytest", "hypothesis", "playwright"} <= set(third_party)  # the reading finds what is there
    provides = metadata.packages_distributions()
    wanted = declared({"test"})
    missing = {name: sorted(files) for name, files in third_party.items()
               if not {canonicalize_name(d) for d in provides.get(name, [])} & wanted}
    assert not missing, f"imported by tests but not declared in rancang[test]: {missing}"


def test_the_reading_of_declarations_follows_rancangs_own_extras() -> None:
    assert "pytest" in declared({"test"}) and "pytest" not in declared(set())
    assert "fastapi" in declared({"test"})  # through rancang[web]
    assert "click" in declared(set()) and "fastapi" not in declared(set())


#: the Debian package that provides each program a test looks up with shutil.which (fontconfig comes with them)
PROGRAMS = {"chromium": "chromium", "soffice": "libreoffice-writer-nogui", "libreoffice": "libreoffice-writer-nogui",
            "pdftotext": "poppler-utils", "dot": "graphviz", "fc-match": "libreoffice-writer-nogui",
            "fc-list": "libreoffice-writer-nogui", "tesseract": "tesseract-ocr"}


def test_ci_installs_every_program_the_tests_look_for() -> None:
    """A test that needs a program skips without it, so CI must install it or the skip hides the test."""
    import re

    run = (TESTS.parent / ".ci" / "run").read_text(encoding="utf-8")
    listed = re.search(r"DEBS=\(([^)]*)\)", run)
    assert listed, ".ci/run names its Debian packages in DEBS=(...)"
    debs = set(listed.group(1).split())
    looked_up = set()
    for path in tracked("tests/**/*.py"):
        text = path.read_text(encoding="utf-8")
        looked_up |= set(re.findall(r'shutil\.which\("([^"]+)"\)', text))
        looked_up |= set(re.findall(r'\["(fc-match|fc-list)"', text))
    assert {"chromium", "pdftotext", "dot"} <= looked_up
    unknown = looked_up - set(PROGRAMS)
    assert not unknown, f"name the Debian package of {unknown} in PROGRAMS and install it in .ci/run"
    assert {PROGRAMS[p] for p in looked_up} | {"tesseract-ocr-ind", "fonts-texgyre"} <= debs

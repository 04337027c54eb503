"""The import graph (issue 10, item 7), visible and one-directional:

- the contracts of ``[tool.importlinter]`` in pyproject.toml hold (the stages form layers: web, generate, corpus,
  model, ingest, schema, the core; ingest imports nothing from model, generate or corpus; model nothing from
  generate or corpus; schema and the core none of the stages);
- no module of rancang imports another in a cycle;
- every internal import sits at module top, where tools and readers see it: none inside a function, and no
  internal module named by a string (``importlib.import_module``), except in the CLI's lazy command group;
- ``rancang --help`` imports none of the stages and none of the heavy libraries (only those may be imported lazily,
  inside the functions that need them).
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PACKAGE_DIRS: dict[str, str] = PYPROJECT["tool"]["setuptools"]["package-dir"]

#: Internal modules named by a string, and why that is unavoidable. click's documented lazy-loading group
#: (click docs, "Lazily Loading Subcommands") imports a command's module by name when that command runs, so that
#: ``rancang --help`` needs none of the stages.
DYNAMIC_ALLOWED = {"rancang/cli.py"}

#: Third-party libraries that are slow to import or optional extras: imported lazily, never by ``rancang --help``
#: (``python -X importtime``: spaCy ~1 s, distributed ~1 s, fastapi 0.7 s, pytesseract / docx / pdfplumber /
#: docxtpl / uvicorn 0.1-0.2 s, jsonschema 80 ms, cobalt / graphviz / jsonschema-rs 40-50 ms, rapidfuzz 20-30 ms).
HEAVY = ("spacy", "pdfplumber", "pypdfium2", "docx", "docxtpl", "pytesseract", "PIL", "numpy", "dask",
         "distributed", "fastapi", "uvicorn", "starlette", "jinja2", "lxml", "cobalt", "graphviz", "rapidfuzz",
         "jsonschema", "jsonschema_rs")


def module_files() -> list[tuple[str, Path]]:
    """(path relative to the checkout, file) of every module of the installed packages, as pyproject maps them."""
    files = []
    for folder in sorted(set(PACKAGE_DIRS.values())):
        files += [(f.relative_to(ROOT).as_posix(), f) for f in sorted((ROOT / folder).glob("*.py"))]
    return files


def _internal(node: ast.Import | ast.ImportFrom) -> bool:
    if isinstance(node, ast.ImportFrom):
        return node.level > 0 or (node.module or "").split(".")[0] == "rancang"
    return any(alias.name.split(".")[0] == "rancang" for alias in node.names)


def _dynamic(node: ast.Call) -> bool:
    """``importlib.import_module(...)``, ``import_module(...)`` or ``__import__(...)`` of a module that may be
    rancang's own: any name not spelled out as another package's ("click.core", f"click.{name}")."""
    fn = node.func
    name = fn.attr if isinstance(fn, ast.Attribute) else fn.id if isinstance(fn, ast.Name) else ""
    if name not in ("import_module", "__import__") or not node.args:
        return False
    arg = node.args[0]
    head = arg.values[0] if isinstance(arg, ast.JoinedStr) and arg.values else arg
    spelled = isinstance(head, ast.Constant) and isinstance(head.value, str) and "." in head.value
    return not spelled or head.value.split(".")[0] in ("rancang", "")


def hidden_imports(source: str, name: str = "<source>", dynamic_allowed: bool = False) -> list[str]:
    """Internal imports hidden from the module's top, as "name:line: what (inside f)" lines: an ``import`` of
    rancang inside a function, or an import by string anywhere (unless ``dynamic_allowed``). Imports at module
    level, also under ``if TYPE_CHECKING:`` or ``try:``, are visible and pass; third-party imports are not judged.

    >>> hidden_imports("import json\\nfrom rancang.tree import Node\\ndef f():\\n    from rancang import schema\\n")
    ['<source>:4: from rancang import schema (inside f)']
    """
    found: list[str] = []

    def walk(node: ast.AST, function: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            inside = child.name if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef) else function
            if isinstance(child, ast.Import | ast.ImportFrom) and function and _internal(child):
                what = ast.unparse(child)
                found.append(f"{name}:{child.lineno}: {what} (inside {function})")
            elif isinstance(child, ast.Call) and _dynamic(child) and not dynamic_allowed:
                found.append(f"{name}:{child.lineno}: {ast.unparse(child)} (a module named by a string)")
            walk(child, inside)

    walk(ast.parse(source), None)
    return found


def test_the_checker_finds_hidden_imports_and_passes_visible_ones():
    source = (
        "from __future__ import annotations\n"
        "from typing import TYPE_CHECKING\n"
        "from rancang.tree import Node\n"
        "if TYPE_CHECKING:\n    from rancang.ingest import readers\n"
        "try:\n    from rancang.web import app\nexcept ImportError:\n    app = None\n"
        "def f():\n    import spacy\n    from . import sibling\n    return spacy, sibling\n"
        "class C:\n    async def g(self):\n        import rancang.model.build\n"
        "        def h():\n            importlib.import_module('rancang.corpus')\n"
    )
    assert hidden_imports(source, "m.py") == [
        "m.py:12: from . import sibling (inside f)",
        "m.py:16: import rancang.model.build (inside g)",
        "m.py:18: importlib.import_module('rancang.corpus') (a module named by a string)",
    ]
    assert hidden_imports("import importlib\ndef f(n):\n    return importlib.import_module(n)\n",
                          dynamic_allowed=True) == []
    others = "def f(n):\n    importlib.import_module(f'click.{n}')\n    importlib.import_module('yaml.cyaml')\n"
    assert hidden_imports(others) == []
    ours = "def f(n):\n    importlib.import_module(f'{__name__}.{n}')\n    import_module(f'rancang.{n}')\n"
    assert [line.split(":")[1] for line in hidden_imports(ours)] == ["2", "3"]


def test_every_internal_import_is_at_module_top():
    files = module_files()
    assert len(files) > 100 and any(rel.startswith("ingest/readers/") for rel, _ in files)
    found = [line for rel, path in files
             for line in hidden_imports(path.read_text(encoding="utf-8"), rel, rel in DYNAMIC_ALLOWED)]
    assert not found, "internal imports hidden from the module top:\n" + "\n".join(found)


def _layout(tmp: Path) -> Path:
    """The packages as one tree under ``tmp`` (symlinks), as pyproject's package-dir maps them: import-linter
    finds subpackages on disk below their parent, and rancang.ingest lives in ingest/, not rancang/ingest/."""
    for name in sorted(PACKAGE_DIRS, key=lambda n: n.count(".")):
        src, dest = ROOT / PACKAGE_DIRS[name], tmp.joinpath(*name.split("."))
        dest.mkdir(parents=True, exist_ok=True)
        for f in src.glob("*.py"):
            (dest / f.name).symlink_to(f)
    return tmp


def _run_in_layout(tmp_path: Path, script: str, *args: str) -> subprocess.CompletedProcess:
    pytest.importorskip("importlinter")
    tree = _layout(tmp_path / "src")
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run([sys.executable, "-c", script, *args], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=600)


def test_the_import_contracts_hold(tmp_path):
    script = ("import sys; from importlinter.cli import lint_imports; "
              "sys.exit(lint_imports(config_filename=sys.argv[1]))")
    done = _run_in_layout(tmp_path, script, str(ROOT / "pyproject.toml"))
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    contracts = PYPROJECT["tool"]["importlinter"]["contracts"]
    assert any(c["type"] == "layers" for c in contracts)
    assert f"{len(contracts)} kept, 0 broken" in done.stdout


def test_each_job_keeps_its_folder():
    """Issue 24: ``generate/`` holds its products (draft/, check/, naskah/) and what they share (shared/), with only
    the CLI beside them; the reference, heading and per-format reader modules stay in their sub-packages
    (docs/architecture.md). A module added at an old place fails here, naming where it goes."""
    misplaced = [f"generate/{p.name}: in draft/, check/, naskah/ or shared/" for p in (ROOT / "generate").glob("*.py")
                 if p.name not in {"__init__.py", "cli.py"}]
    misplaced += [f"ingest/{p.name}: in ingest/refs/ or ingest/headings/" for p in (ROOT / "ingest").glob("*.py")
                  if p.name.startswith(("ref_", "refs", "heading", "run_in"))]
    readers = ROOT / "ingest" / "readers"
    misplaced += [f"ingest/readers/{p.name}: in readers/pdf/, docx/ or ocr/" for p in readers.glob("*")
                  if p.is_file() and p.name.startswith(("pdf", "docx", "ocr"))]
    assert not misplaced, misplaced


def test_the_letters_take_the_regulations_model_as_an_argument():
    """Issue 24: the caller (``rancang letter``, the web app) resolves the regulation once through
    ``rancang.corpus.regulations``; no module of ``generate/naskah`` builds a model (``rancang.model.build``), reads a
    file (``rancang.ingest.ingest_path``) or the store. Type and text helpers of lower layers stay allowed."""
    forbidden = {"rancang.model", "rancang.ingest", "rancang.corpus"}
    found = []
    for rel, path in module_files():
        if not rel.startswith("generate/naskah/"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module in forbidden
                                                     or (node.module or "").startswith("rancang.corpus.")):
                found.append(f"{rel}:{node.lineno} from {node.module} import ...")
            elif isinstance(node, ast.Import) and any(a.name in forbidden for a in node.names):
                found.append(f"{rel}:{node.lineno} import ...")
            elif isinstance(node, ast.ImportFrom) and node.module == "rancang" and any(
                    a.name in {"corpus", "model", "ingest"} for a in node.names):
                found.append(f"{rel}:{node.lineno} from rancang import ...")
    assert not found, found


#: Prints each cycle of the module graph as "a -> b -> a". grimp sees every import, at any depth; importing
#: ``a.b.c`` also runs the ``__init__`` of ``a.b`` first, so a module depends on the packages above what it
#: imports (those that are not its own ancestors, which are already being imported when it runs).
CYCLES = """
import sys, grimp
g = grimp.build_graph("rancang", cache_dir=None)
def ancestors(m):
    parts = m.split(".")
    return {".".join(parts[:i]) for i in range(1, len(parts))}
def deps(v):
    out = set()
    for w in g.find_modules_directly_imported_by(v):
        out |= {w} | (ancestors(w) - ancestors(v) - {v})
    return out
index, low, stack, on, count = {}, {}, [], set(), [0]
sys.setrecursionlimit(10000)
def visit(v):
    index[v] = low[v] = count[0]; count[0] += 1; stack.append(v); on.add(v)
    for w in sorted(deps(v)):
        if w not in index:
            visit(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = set()
        while True:
            w = stack.pop(); on.discard(w); comp.add(w)
            if w == v: break
        if len(comp) > 1:
            print(" -> ".join(cycle(min(comp), comp)))
def cycle(a, comp):
    # breadth-first from a back to a inside the component: the shortest cycle through a
    paths, seen = [[a]], {a}
    while paths:
        path = paths.pop(0)
        for w in sorted(deps(path[-1]) & comp):
            if w == a:
                return path + [a]
            if w not in seen:
                seen.add(w); paths.append(path + [w])
for m in sorted(g.modules):
    if m not in index: visit(m)
print(len(g.modules), "modules")
"""


def test_no_module_imports_another_in_a_cycle(tmp_path):
    done = _run_in_layout(tmp_path, CYCLES)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.strip().splitlines()
    assert lines[-1].endswith(" modules") and int(lines[-1].split()[0]) > 100
    assert lines[:-1] == [], "import cycles:\n" + "\n".join(lines[:-1])


def _modules_after(args: list[str], tmp_path: Path) -> list[str]:
    code = ("import json, sys\nfrom rancang.cli import main\ncode = main(sys.argv[1:])\n"
            "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\nsys.exit(code)")
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=tmp_path,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stderr.strip().splitlines()[-1])


def test_help_imports_no_stage_and_no_heavy_library(tmp_path):
    loaded = _modules_after(["--help"], tmp_path)
    assert "rancang.cli" in loaded and "click" in loaded
    heavy = sorted({m.split(".")[0] for m in loaded} & set(HEAVY))
    assert heavy == [], f"rancang --help imports {heavy}"
    stages = [m for m in loaded if m.split(".")[:2][-1] in ("ingest", "schema", "model", "generate", "corpus", "web")]
    assert stages == [], f"rancang --help imports {stages}"


def test_a_command_imports_its_stage_and_the_heavy_library_it_needs(tmp_path):
    # the other side of the lazy command group: running a command does load its stage (the help test above
    # would pass vacuously if the command table named modules that are never imported)
    source = tmp_path / "p.txt"
    source.write_text("PERATURAN BUPATI CONTOH\nNOMOR 1 TAHUN 2024\n\nPasal 1\nKetentuan ini berlaku.\n",
                      encoding="utf-8")
    loaded = _modules_after(["ingest", str(source), "-o", str(tmp_path / "p.json")], tmp_path)
    assert "rancang.ingest.cli" in loaded and "rancang.ingest.parser" in loaded
    assert "jsonschema_rs" in loaded  # every ingest validates its tree (the fast check)

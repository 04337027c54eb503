"""The import graph: the contracts of ``[tool.importlinter]`` in pyproject.toml hold (ingest imports nothing from
model, generate or corpus; model nothing from generate or corpus; schema and the core none of the stages)."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytest.importorskip("importlinter")


def _layout(tmp: Path) -> Path:
    """The packages as one tree under ``tmp`` (symlinks), as pyproject's package-dir maps them: import-linter
    finds subpackages on disk below their parent, and rancang.ingest lives in ingest/, not rancang/ingest/."""
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    dirs = conf["tool"]["setuptools"]["package-dir"]
    for name in sorted(dirs, key=lambda n: n.count(".")):
        src, dest = ROOT / dirs[name], tmp.joinpath(*name.split("."))
        dest.mkdir(parents=True, exist_ok=True)
        for f in src.glob("*.py"):
            (dest / f.name).symlink_to(f)
    return tmp


def test_the_import_contracts_hold(tmp_path):
    tree = _layout(tmp_path / "src")
    env = {**os.environ, "PYTHONPATH": str(tree)}
    script = ("import sys; from importlinter.cli import lint_imports; "
              "sys.exit(lint_imports(config_filename=sys.argv[1]))")
    done = subprocess.run([sys.executable, "-c", script, str(ROOT / "pyproject.toml")], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert " 0 broken" in done.stdout and "kept" in done.stdout

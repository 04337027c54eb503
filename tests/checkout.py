"""The files of the checkout that tests may read: those git tracks, never a `.venv/`, `build/`, `keluaran/` or any
other folder a user or a tool left in the working tree (issue 23)."""

from __future__ import annotations

import re
import subprocess
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@cache
def _tracked() -> tuple[str, ...]:
    """Every path git tracks in the checkout, relative to its root, "/"-separated."""
    proc = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True, timeout=60)
    return tuple(p for p in proc.stdout.decode("utf-8").split("\0") if p)


def _regex(pattern: str) -> re.Pattern[str]:
    """A glob as a regex over a whole "/"-separated path: "*" and "?" stay within one folder, "**/" spans any
    number of folders (none included)."""
    out = ""
    for part in re.split(r"(\*\*/|\*|\?)", pattern):
        out += {"**/": "(?:[^/]+/)*", "*": "[^/]*", "?": "[^/]"}.get(part, re.escape(part))
    return re.compile(out)


def tracked(*patterns: str) -> list[Path]:
    """Tracked files (absolute paths, sorted) whose root-relative path matches one of the glob ``patterns``
    (``"*/data/*.json"``: a data folder one level down; ``"*/**/*.py"``: any module below the root). Files
    deleted from the working tree but not yet from git are left out."""
    regexes = [_regex(p) for p in patterns]
    return sorted(ROOT / p for p in _tracked()
                  if any(r.fullmatch(p) for r in regexes) and (ROOT / p).is_file())

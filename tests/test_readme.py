"""Every command output shown in README.md and docs/*.md is what the command prints today (issue 23).

A fenced block whose lines start with ``$ `` is a terminal session: each ``$ command`` is run (bash, the
installed ``rancang`` and ``python`` first on the PATH) and what it prints, stdout and stderr as a terminal
interleaves them, must equal the lines shown under it. The commands of one document run in order in one folder
of their own (with ``corpus/``, ``tests/`` and ``benchmarks/`` of the checkout beside them and a corpus database
of its own), so a later command may use what an earlier one wrote. The only tolerance is for what must vary or
is left out on purpose:

- the session folder's path is printed as if it were the current folder (``keluaran/x``, not ``/tmp/.../x``);
- a line ``...`` stands for any number of lines, and a line ending in `` ...`` for any line that begins so.

Blocks of ``>>>`` lines are doctests, run from the checkout. A block that only tells what to type (no ``$``)
is not run: the README's install commands are run by ``.ci/run`` instead."""

from __future__ import annotations

import doctest
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from checkout import ROOT, tracked  # noqa: E402

DOCUMENTS = [p.relative_to(ROOT).as_posix() for p in tracked("README.md", "docs/*.md")]
LINKED = ("corpus", "tests", "benchmarks")
FENCE = re.compile(r"^(\s*)(```|~~~)(.*)$")


@dataclass
class Command:
    line: int  # where the "$ " line is in the document (1-based)
    text: str
    expected: list[str] = field(default_factory=list)


def blocks(text: str) -> list[tuple[int, list[str]]]:
    """(first line number, dedented lines) of each fenced block."""
    out: list[tuple[int, list[str]]] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, fence, start = len(m.group(1)), m.group(2), i + 1
        body: list[str] = []
        i += 1
        while i < len(lines) and not lines[i].strip().startswith(fence):
            body.append(lines[i][indent:] if lines[i][:indent].strip() == "" else lines[i])
            i += 1
        out.append((start + 1, body))
        i += 1
    return out


def sessions(text: str) -> list[Command]:
    """The ``$ command`` lines of every terminal block, each with the lines shown under it."""
    commands: list[Command] = []
    for first, body in blocks(text):
        if not any(line.startswith("$ ") for line in body):
            continue
        assert body[0].startswith("$ "), f"line {first}: a terminal block starts with a '$ ' command"
        for n, line in enumerate(body):
            if line.startswith("$ "):
                commands.append(Command(first + n, line[2:]))
            else:
                commands[-1].expected.append(line.rstrip())
    return commands


def matches(expected: list[str], actual: list[str]) -> bool:
    """Line by line; "..." alone is any number of lines, a line ending in " ..." any line that begins so."""
    states, seen = [(0, 0)], set()
    while states:
        i, j = states.pop()
        if (i, j) in seen:
            continue
        seen.add((i, j))
        if i == len(expected):
            if j == len(actual):
                return True
            continue
        head = expected[i]
        if head.strip() == "...":
            states.append((i + 1, j))
            if j < len(actual):
                states.append((i, j + 1))
        elif j < len(actual) and (actual[j] == head or head.endswith(" ...")
                                  and actual[j].startswith(head[:-4].rstrip())):
            states.append((i + 1, j + 1))
    return False


def _trim(lines: list[str]) -> list[str]:
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return lines


def run_session(document: str, tmp_path: Path) -> list[str]:
    """Run every command of ``document`` in ``tmp_path``; the list of mismatches, each with its line."""
    for name in LINKED:
        (tmp_path / name).symlink_to(ROOT / name, target_is_directory=True)
    env = {**os.environ, "RANCANG_DB": str(tmp_path / "korpus.sqlite"), "PYTHONUNBUFFERED": "1",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}", "COLUMNS": "80",
           "PYTHONPATH": ""}
    env.pop("RANCANG_SCHEDULER", None)
    problems = []
    for cmd in sessions((ROOT / document).read_text(encoding="utf-8")):
        proc = subprocess.run(["bash", "-c", cmd.text], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, timeout=600)
        out = proc.stdout
        for prefix in {str(tmp_path.resolve()), str(tmp_path)}:
            out = out.replace(prefix + "/", "").replace(prefix, ".")
        actual = _trim([line.rstrip() for line in out.splitlines()])
        expected = _trim(cmd.expected)
        if not matches(expected, actual):
            problems.append(f"{document}:{cmd.line}: $ {cmd.text}\n--- shown:\n" + "\n".join(expected)
                            + "\n--- printed:\n" + "\n".join(actual))
    return problems


@pytest.mark.parametrize("document", [d for d in DOCUMENTS if sessions((ROOT / d).read_text(encoding="utf-8"))])
def test_every_command_shown_prints_what_is_shown(document: str, tmp_path: Path) -> None:
    problems = run_session(document, tmp_path)
    assert not problems, "\n\n".join(problems)


@pytest.mark.parametrize("document", [d for d in DOCUMENTS if ">>> " in (ROOT / d).read_text(encoding="utf-8")])
def test_every_python_example_shown_holds(document: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    text = re.sub(r"^\s*(```|~~~).*$", "", (ROOT / document).read_text(encoding="utf-8"), flags=re.M)
    test = doctest.DocTestParser().get_doctest(text, {}, document, document, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert test.examples and runner.failures == 0, f"{document}: {runner.failures} example(s) differ (see above)"


def test_the_readme_is_for_bureau_staff_and_short() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) <= 15 * 1024
    for heading in ("## Pasang", "## Rancangan untuk daerah sendiri", "## Surat dinas", "## Periksa",
                    "## Bandingkan", "## Cari", "## Aplikasi web", "## Jika ada masalah"):
        assert heading in text, heading


def test_ci_runs_exactly_the_readmes_two_commands() -> None:
    """.ci/run reads the block after ``<!-- .ci/run -->``: two commands, the install-and-draft and the tests."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- \.ci/run -->\s*```bash\n(.*?)```", text, re.S)
    assert m, "README.md has no block after <!-- .ci/run -->"
    commands = [ln for ln in m.group(1).splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    assert len(commands) == 2
    assert commands[0].startswith("pip install . && rancang draft ")
    assert commands[1].startswith("pip install -e '.[test]' && python -m pytest")
    assert "<!-- .ci/run -->" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_session_rules_tolerate_only_what_they_say() -> None:
    assert matches(["a", "...", "d"], ["a", "b", "c", "d"]) and matches(["a", "...", "d"], ["a", "d"])
    assert not matches(["a", "...", "d"], ["a", "b", "c"])
    assert matches(["Pasal 1 ..."], ["Pasal 1 ayat (2)"]) and not matches(["Pasal 1 ..."], ["Pasal 2"])
    assert not matches(["NOMOR .... TAHUN 2026"], ["NOMOR 7 TAHUN 2026"])
    text = "x\n\n```console\n$ echo a\na\n$ echo b\n```\n\n```bash\npip install .\n```\n"
    assert [(c.line, c.text, c.expected) for c in sessions(text)] == [(4, "echo a", ["a"]), (6, "echo b", [])]


def test_every_page_of_docs_is_listed_in_its_index() -> None:
    index = (ROOT / "docs" / "README.md").read_text(encoding="utf-8")
    pages = [p.name for p in tracked("docs/*.md") if p.name != "README.md"]
    assert pages and not [p for p in pages if f"]({p})" not in index]

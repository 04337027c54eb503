"""Run every hostile input of ``tests/cases/abuse`` (a copy of the shared ``cases/abuse``) through the command its
README names, each in a child process, and print its exit status, CPU seconds, peak memory and first line.

    python benchmarks/abuse_cases.py [--cases tests/cases/abuse]

What is right for each (the README): a correct result, or one Indonesian sentence and exit 1, within seconds and
modest memory; never "Galat internal", never a traceback, never a hang. The script flags a line "BAD" when the
output holds "Galat internal" or "Traceback", when the command runs past 10 s of CPU or is killed after 120 s, or
when it exits with a status other than 0 or 1. Whether the *content* is right is what each file's test checks
(``tests/test_abuse.py``, ``test_bounds.py``, ``test_docx_cases.py``, ``test_docx_fix.py``,
``test_reader_hazards.py``, ``test_corpus_file.py``, ``test_model_lampiran.py``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RANCANG = [sys.executable, "-m", "rancang.cli"]


def command(case: Path, work: Path) -> list[list[str]]:
    """The commands the README names for ``case`` (run in order; the last one is measured)."""
    name, f = case.name, str(case)
    if name == "check_fix_corrupts_docx.docx":
        return [["check", "--fix", "-o", str(work / "out.docx"), f]]
    if name == "db_old_schema.db":
        copy = work / "lama.db"
        shutil.copyfile(case, copy)
        return [["search", "--db", str(copy), "pegawai"]]
    if name == "bogor_copy.txt":
        db = str(work / "k.sqlite")
        return [["corpus", "add", "--no-seed", "--db", db, f], ["corpus", "list", "--db", db]]
    if name in ("profile_alias_bomb.yaml", "profile_ufffe.json"):
        return [["draft", f, "-o", str(work / "draft")]]
    if name == "letter_surrogate.yaml":
        return [["letter", "jawaban-penolakan", f, "-o", str(work / "surat.docx")]]
    if name == "stray_open_quote_swallows_pasal.txt":
        return [["ingest", f, "--format", "md"]]
    return [["ingest", f, "-o", str(work / "x.json")]]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cases", type=Path, default=ROOT / "tests" / "cases" / "abuse")
    args = ap.parse_args()
    bad = 0
    print("| file | command | exit | CPU s | peak MB | first line |")
    print("|---|---|---|---|---|---|")
    for case in sorted(p for p in args.cases.iterdir() if p.is_file()):
        with tempfile.TemporaryDirectory(prefix="abuse-") as work:
            env = {**os.environ, "RANCANG_DB": str(Path(work) / "korpus.sqlite")}
            for argv in command(case, Path(work)):
                code, cpu, rss, text = _measured(argv, env)
            first = next((ln for ln in text.splitlines() if ln.strip()), "")
            wrong = ("Galat internal" in text or "Traceback" in text or code not in (0, 1) or cpu > 10)
            bad += wrong
            print(f"| {case.name} | {argv[0]} | {code} | {cpu:.2f} | {rss // 1024} | "
                  f"{'BAD ' if wrong else ''}{first[:100]} |", flush=True)
    return 1 if bad else 0


def _measured(argv: list[str], env: dict[str, str]) -> tuple[int, float, int, str]:
    """(exit status, CPU seconds, peak RSS KB, stdout + stderr) of ``rancang ARGV`` in a child process, from the
    child's own rusage (``wait4``, before ``Popen`` could reap it); killed after 120 s."""
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen([*RANCANG, *argv], stdout=out, stderr=subprocess.STDOUT, env=env)
        try:
            _, status, usage = _wait4(proc.pid, 120)
        except TimeoutError:
            proc.kill()
            _, status, usage = os.wait4(proc.pid, 0)
            out.seek(0)
            return -9, 120.0, usage.ru_maxrss, "killed after 120 s " + out.read().decode("utf-8", "replace")
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        return proc.returncode, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, out.read().decode("utf-8",
                                                                                                      "replace")


def _wait4(pid: int, timeout: float) -> tuple[int, int, Any]:
    """``os.wait4(pid)`` polled until ``timeout`` seconds (TimeoutError then)."""
    end = time.monotonic() + timeout
    while True:
        got, status, usage = os.wait4(pid, os.WNOHANG)
        if got:
            return got, status, usage
        if time.monotonic() > end:
            raise TimeoutError
        time.sleep(0.05)


if __name__ == "__main__":
    sys.exit(main())

"""Packaging (issue 19): the example profiles ship inside the package, and `rancang` works from anywhere.

The wheel itself is built, installed into a fresh venv and run from outside the checkout by ``.ci/wheel-smoke``
(part of ``.ci/run``); these tests cover what that script relies on."""

from __future__ import annotations

import os
import subprocess
import sys

from click.testing import CliRunner

from rancang.cli import cli


def test_draft_from_a_bundled_example_profile_outside_the_checkout(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["draft", "--contoh", "kota-magelang", "-o", "keluaran"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "keluaran" / "draft.docx").stat().st_size > 0
    assert "Peraturan Wali Kota Magelang" in result.output


def test_an_unknown_example_profile_names_the_ones_there_are(tmp_path):
    result = CliRunner().invoke(cli, ["draft", "--contoh", "atlantis", "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.strip() == "Galat: profil contoh 'atlantis' tidak ada (yang tersedia: kota-magelang, sleman)."


def test_draft_needs_exactly_one_profile(tmp_path):
    for args in (["draft", "-o", str(tmp_path)], ["draft", "p.yaml", "--contoh", "sleman", "-o", str(tmp_path)]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 1 and "salah satu saja" in result.stderr


def test_the_command_line_starts_without_the_checkout_on_the_path(tmp_path):
    # a non-editable install runs rancang.cli with only the installed package: importlib.util must be imported
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    code = "import sys; from rancang.cli import main; sys.exit(main(['--help']))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env,
                          timeout=120)
    assert proc.returncode == 0 and "Perintah:" in proc.stdout and "draft" in proc.stdout

"""What a user reads when something goes wrong is Indonesian, all of it.

No English from the operating system, the JSON/XML parsers or SQLite in parentheses; click's usage line in
Indonesian; a subcommand typed under the wrong group points at the right command; ``corpus add --no-seed`` is kept
by later commands; SIGTERM ends a command with one sentence, like Ctrl-C. Inputs are made here.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from rancang.cli import cli, main
from rancang.errors import json_reason, os_reason

ROOT = Path(__file__).resolve().parent.parent
#: English an error path used to pass through (OS strerror, json, lxml, sqlite, urllib)
ENGLISH = re.compile(r"Expecting|line \d|column|Permission|denied|No such|refused|not a database|Errno|"
                     r"Connection|Premature|Opening and ending|Usage:|Try '|\[OPTIONS\]|COMMAND \[ARGS\]")


def _sentence(err: str, *words: str) -> str:
    line = err.strip().splitlines()[-1]
    assert line.startswith("Galat: ") and not ENGLISH.search(err), err
    for w in words:
        assert w in line, (w, line)
    return line


def test_error_paths_never_pass_english_reasons_through():
    """Source rule: an InputError never carries ``exc.strerror``, ``exc.msg`` or a bare ``{exc}``."""
    bad = re.compile(r"\(\{exc(?:\.strerror|\.msg)?\}\)")
    offenders = []
    for folder in ("rancang", "ingest", "generate", "corpus", "model", "web"):
        for path in (ROOT / folder).rglob("*.py"):
            for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if bad.search(line):
                    offenders.append(f"{path.relative_to(ROOT)}:{i}")
    assert not offenders, offenders


def test_os_and_json_reasons_are_indonesian():
    assert os_reason(PermissionError(13, "Permission denied", "x")) == "tidak diizinkan"
    assert os_reason(ConnectionRefusedError(111, "Connection refused")) == "sambungan ditolak"
    try:
        import json

        json.loads('{"a": [1, 2,\n}')
    except ValueError as exc:
        assert json_reason(exc) == "baris 2, kolom 1"


def test_bad_json_tree_names_line_and_column(tmp_path, capsys):
    f = tmp_path / "pohon.json"
    f.write_text('{"meta": {"jenis": "Peraturan Bupati",}}', encoding="utf-8")
    assert main(["ingest", str(f)]) == 1
    _sentence(capsys.readouterr().err, "JSON tidak sah", "baris 1, kolom")


def test_broken_akoma_ntoso_names_the_line(tmp_path, capsys):
    f = tmp_path / "akn.xml"
    f.write_text('<?xml version="1.0"?>\n<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">\n'
                 "<act><body></act>\n", encoding="utf-8")
    assert main(["ingest", str(f)]) == 1
    _sentence(capsys.readouterr().err, "tidak sah", "baris")


def test_a_file_that_is_not_a_database(tmp_path, capsys):
    db = tmp_path / "korpus.sqlite"
    db.write_bytes(b"bukan sqlite " * 200)
    assert main(["corpus", "list", "--db", str(db)]) == 1
    _sentence(capsys.readouterr().err, "bukan basis data korpus rancang", "tidak diubah")


def test_jdih_feed_errors(tmp_path, capsys):
    feed = tmp_path / "umpan.json"
    feed.write_text("[{\"judul\": 1,,}]", encoding="utf-8")
    assert main(["corpus", "add", "--db", str(tmp_path / "k.db"), "--no-seed", "--jdih", str(feed)]) == 1
    _sentence(capsys.readouterr().err, "bukan JSON yang sah", "baris 1")
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/umpan.json"
    assert main(["corpus", "add", "--db", str(tmp_path / "k.db"), "--no-seed", "--jdih", url]) == 1
    _sentence(capsys.readouterr().err, "tidak dapat diunduh (sambungan ditolak)")


@pytest.mark.parametrize("args", [["corpus", "bogus"], ["ingest", "--format", "zz", "x"], ["draft"], ["--bogus"]])
def test_click_usage_errors_are_indonesian_throughout(args, capsys):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("Penggunaan: rancang") and "[OPSI]" in err and "Lihat '" in err
    assert not ENGLISH.search(err), err


def test_help_usage_line_is_indonesian():
    out = CliRunner().invoke(cli, ["corpus", "--help"], prog_name="rancang").output
    assert out.startswith("Penggunaan: rancang corpus [OPSI] PERINTAH [ARGUMEN]...")


@pytest.mark.parametrize("word", ["search", "diff"])
def test_a_top_level_command_typed_under_corpus_is_pointed_at(word, capsys):
    assert main(["corpus", word, "kerja"]) == 2
    line = capsys.readouterr().err.strip().splitlines()[-1]
    assert f"'rancang {word}'" in line and line.startswith("Galat: ")


def test_an_unknown_subcommand_that_is_nowhere_keeps_the_plain_message(capsys):
    assert main(["corpus", "cari", "kerja"]) == 2
    assert "Perintah 'cari' tidak dikenal." in capsys.readouterr().err


def test_no_seed_is_kept_by_later_commands_until_seed(tmp_path, capsys):
    db = str(tmp_path / "sendiri.db")
    src = tmp_path / "perbup.txt"
    src.write_text("PERATURAN BUPATI CONTOH\nNOMOR 3 TAHUN 2030\nTENTANG\nCONTOH\n\nMEMUTUSKAN:\n\nPasal 1\n\n"
                   "Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.\n", encoding="utf-8")
    assert main(["corpus", "add", "--no-seed", "--db", db, str(src)]) == 0
    assert main(["corpus", "list", "--db", db]) == 0
    assert main(["search", "kerja", "--db", db]) in (0, 1)
    assert main(["corpus", "list", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "[bawaan]" not in out and "Kabupaten Contoh" in out
    assert main(["corpus", "add", "--seed", "--db", db]) == 0
    assert main(["corpus", "list", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "Kabupaten Jepara" in out and "Kabupaten Contoh" in out
    assert main(["corpus", "add", "--no-seed", "--db", db, str(src)]) == 0  # already seeded: said, not undone
    assert "--no-seed hanya berlaku untuk basis data baru" in capsys.readouterr().err


def test_sigterm_ends_a_long_command_with_one_sentence(tmp_path):
    code = ("import sys, time\n"
            "from rancang.generate.draft import build as draft\n"
            "def slow(*a, **k):\n"
            "    print('siap', flush=True)\n"
            "    time.sleep(120)\n"
            "draft.build = slow\n"
            "from rancang.cli import main\n"
            f"sys.exit(main(['draft', '--contoh', 'sleman', '-o', {str(tmp_path / 'out')!r}]))\n")
    env = {**os.environ, "RANCANG_DB": str(tmp_path / "k.db")}
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)
    try:
        assert proc.stdout.readline().strip() == "siap"
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 143
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Dihentikan:") and "SIGTERM" in lines[0], err

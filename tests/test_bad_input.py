"""Bad input gets one clear Indonesian sentence and a non-zero exit, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from rancang.errors import InputError
from rancang.ingest import ingest_bytes, ingest_path


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="berkas tidak ditemukan"):
        ingest_path(tmp_path / "tidak-ada.txt")


def test_empty_file(tmp_path):
    p = tmp_path / "kosong.txt"
    p.write_text("  \n\n", encoding="utf-8")
    with pytest.raises(InputError, match="berkas kosong"):
        ingest_path(p)


def test_text_that_is_not_a_regulation():
    with pytest.raises(InputError, match="bukan teks peraturan"):
        ingest_bytes(b"Resep nasi goreng:\n1. Panaskan minyak.\n2. Masukkan nasi.\n", "resep.txt")


def test_text_in_an_unknown_encoding():
    data = b"Pasal 1\n" + bytes([0x81, 0x8D, 0x90, 0x9D]) * 40  # bytes no text encoding we accept can hold
    with pytest.raises(InputError, match="pengodean teks tidak dikenali"):
        ingest_bytes(data, "aneh.txt")


def test_binary_data_is_not_text():
    with pytest.raises(InputError, match="bukan berkas teks"):
        ingest_bytes(bytes(range(256)) * 8, "gambar.bin")


def test_utf16_without_bom_is_read():
    reg = ingest_bytes("BUPATI CONTOH\n\nPasal 1\n\nPeraturan ini berlaku.\n".encode("utf-16-le"), "u16.txt")
    assert reg.pasals()[0].text == "Peraturan ini berlaku."


def test_windows_ansi_text_is_read():
    text = "BUPATI CONTOH\n\nPasal 1\n\nPeraturan ini berlaku sejak diundangkan – “segera”.\n"
    reg = ingest_bytes(text.encode("cp1252"), "ansi.txt")
    assert reg.pasals()[0].text.endswith("“segera”.")


def test_an_output_path_through_an_existing_file_is_one_sentence_for_every_command(tmp_path):
    """-o inside a path whose folder is a file (a user's slip) ends in one Indonesian sentence, exit 1, for the
    commands that write: letter, check --fix, corpus export."""
    import subprocess
    import sys

    blocker = tmp_path / "kosong.txt"
    blocker.write_text("", encoding="utf-8")
    seed = Path(__file__).parent.parent / "corpus" / "seeds" / "002_a9b194b47a12baf0.txt"
    for args in (["check", str(seed), "--fix", "-o", str(blocker / "f.txt")],
                 ["corpus", "export", "--jdih", "-o", str(blocker / "f.json")]):
        proc = subprocess.run([sys.executable, "-m", "rancang.cli", *args], capture_output=True, text=True,
                              timeout=300)
        assert proc.returncode == 1, (args, proc.stderr)
        assert proc.stderr.startswith("Galat: ") and "Traceback" not in proc.stderr
        assert "Galat internal" not in proc.stderr and proc.stderr.strip().count("\n") == 0

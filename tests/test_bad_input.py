"""Bad input gets one clear Indonesian sentence and a non-zero exit, never a traceback."""

from __future__ import annotations

import pytest
from rancang.ingest import ingest_bytes, ingest_path

from rancang.errors import InputError


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

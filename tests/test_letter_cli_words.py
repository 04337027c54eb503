"""``rancang letter`` does what its options say: ``--example -o y.yaml`` writes the sample (never over an existing
file), a missing part of "DATA -o BERKAS" is named alone, and ``--check`` reads the ZIP that ``-o set.zip`` wrote."""

from __future__ import annotations

import zipfile
from pathlib import Path

from rancang.cli import main

JENIS = "surat-perintah-tugas"
SCENARIO = "penunjukan-dalam-unit"


def test_example_with_o_writes_the_file_and_keeps_an_existing_one(tmp_path: Path, capsys) -> None:
    target = tmp_path / "y.yaml"
    assert main(["letter", JENIS, "--example", "-o", str(target)]) == 0
    assert f"ditulis: {target}" in capsys.readouterr().out
    sample = target.read_text(encoding="utf-8")
    assert sample.strip()
    target.write_text("# isian saya\n", encoding="utf-8")
    assert main(["letter", JENIS, "--example", "-o", str(target)]) == 1
    assert "sudah ada" in capsys.readouterr().err and target.read_text(encoding="utf-8") == "# isian saya\n"
    scen = tmp_path / "skenario.yaml"
    assert main(["letter", "--scenario", SCENARIO, "--example", "-o", str(scen)]) == 0
    assert "profil:" in scen.read_text(encoding="utf-8")


def test_only_the_missing_part_is_named(tmp_path: Path, capsys) -> None:
    data = tmp_path / "y.yaml"
    assert main(["letter", JENIS, "--example", "-o", str(data)]) == 0
    capsys.readouterr()
    assert main(["letter", JENIS, str(data)]) == 1
    err = capsys.readouterr().err
    assert "perlu -o BERKAS.docx" in err and "DATA" not in err
    assert main(["letter", JENIS, "-o", str(tmp_path / "s.docx")]) == 1
    err = capsys.readouterr().err
    assert "perlu berkas DATA" in err and "-o BERKAS" not in err


def test_check_reads_the_zip_rancang_wrote(tmp_path: Path, capsys) -> None:
    data = tmp_path / "d.yaml"
    assert main(["letter", "--scenario", SCENARIO, "--example", "-o", str(data)]) == 0
    archive = tmp_path / "surat.zip"
    assert main(["letter", "--scenario", SCENARIO, str(data), "-o", str(archive)]) == 0
    capsys.readouterr()
    assert main(["letter", "--check", str(archive)]) == 0
    with zipfile.ZipFile(archive) as z:
        count = sum(n.endswith(".docx") for n in z.namelist())
    assert f"konsisten: {count} naskah dalam {archive}" in capsys.readouterr().out
    broken = tmp_path / "rusak.zip"
    broken.write_bytes(b"bukan zip")
    assert main(["letter", "--check", str(broken)]) == 1
    assert "bukan arsip ZIP" in capsys.readouterr().err

"""Every class of bad input gets one clear Indonesian sentence, a non-zero exit and no traceback; a batch with
one bad file still writes the good ones."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
from conftest import SEED_IDS, SEEDS  # noqa: E402
from fixtures import build_docx, build_pdf  # noqa: E402

SMALL_REG = """PERATURAN BUPATI CONTOH
NOMOR 1 TAHUN 2024
TENTANG
CONTOH

Pasal 1

Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
"""


def _scanned_pdf() -> bytes:
    from fpdf import FPDF
    from PIL import Image

    img = Image.new("L", (200, 280), 255)
    for x in range(20, 180):  # a "line of print" in pixels, as a scanner sees it
        img.putpixel((x, 40), 0)
    pdf = FPDF()
    pdf.add_page()
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    pdf.image(buf, x=10, y=10, w=190)
    return bytes(pdf.output())


def _encrypted_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(text="Pasal 1")
    pdf.set_encryption(owner_password="pemilik", user_password="rahasia")
    return bytes(pdf.output())


@pytest.fixture(scope="session")
def bad_files(tmp_path_factory) -> dict[str, Path]:
    """name -> path of one bad file of each class (and good ones for the batch)."""
    d = tmp_path_factory.mktemp("bad")
    seed = (SEEDS / f"{SEED_IDS['pasaman_barat']}.txt").read_text(encoding="utf-8")
    pdf = build_pdf(SMALL_REG, header="")
    docx = build_docx(seed)
    zip_buf = io.BytesIO()
    with zipfile.ZipFile(zip_buf, "w") as z:
        z.writestr("isi.txt", "bukan dokumen Word")
    files = {
        "empty.txt": b"",
        "surat.txt": b"Yth. Kepala Dinas,\nmohon hadir pada rapat besok.\n",
        "scanned.pdf": _scanned_pdf(),
        "encrypted.pdf": _encrypted_pdf(),
        "truncated.pdf": pdf[: len(pdf) // 2],
        "corrupt.pdf": b"%PDF-1.7\n" + b"\x00\x17sampah" * 300,
        "truncated.docx": docx[: len(docx) // 2],
        "zip_not_docx.docx": zip_buf.getvalue(),
        "neither.bin": bytes(range(256)) * 16,
        "old_word.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024,
        "good.txt": SMALL_REG.encode(),
        "good.pdf": pdf,
    }
    for name, data in files.items():
        (d / name).write_bytes(data)
    return {name: d / name for name in files} | {"missing.pdf": d / "tidak-ada.pdf"}


def run(*args: str):
    from rancang.cli import cli

    return CliRunner().invoke(cli, ["ingest", *args])


@pytest.mark.parametrize(
    "name, words",
    [
        ("missing.pdf", "berkas tidak ditemukan"),
        ("empty.txt", "berkas kosong"),
        ("surat.txt", "bukan teks peraturan"),
        ("scanned.pdf", "tidak memiliki lapisan teks (hasil pindaian)"),  # OCR finds no text, or is absent
        ("encrypted.pdf", "terkunci kata sandi"),
        ("truncated.pdf", "PDF rusak atau terpotong"),
        ("corrupt.pdf", "PDF rusak"),
        ("truncated.docx", "DOCX rusak atau terpotong"),
        ("zip_not_docx.docx", "bukan dokumen Word"),
        ("neither.bin", "bukan berkas teks, PDF, atau DOCX"),
        ("old_word.doc", "dokumen Word lama (.doc)"),
    ],
)
def test_each_bad_file_gets_one_indonesian_sentence_and_a_nonzero_exit(bad_files, name, words):
    result = run(str(bad_files[name]))
    assert result.exit_code != 0
    assert words in result.stderr
    assert result.stderr.strip().count("\n") == 0, "one sentence, one line"
    assert result.stderr.startswith("Galat: ")
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)


def test_the_installed_command_prints_no_traceback_for_a_scanned_pdf(bad_files):
    proc = subprocess.run([sys.executable, "-m", "rancang.cli", "ingest", str(bad_files["scanned.pdf"])],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert "lapisan teks (hasil pindaian)" in proc.stderr and "Traceback" not in proc.stderr + proc.stdout
    assert proc.stdout == ""


def test_a_batch_with_bad_files_writes_the_good_ones_and_lists_the_failures(bad_files, tmp_path):
    good = [bad_files["good.txt"], bad_files["good.pdf"]]
    bad = [bad_files["scanned.pdf"], bad_files["truncated.docx"], bad_files["missing.pdf"]]
    order = [good[0], bad[0], good[1], bad[1], bad[2]]
    result = run(*map(str, order), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["good.pdf.json", "good.txt.json"]
    assert "Selesai: 2 dari 5 berkas" in result.stderr
    assert "Gagal (3 berkas):" in result.stderr
    listed = result.stderr.split("Gagal (3 berkas):")[1]
    assert [p.name in listed for p in bad] == [True, True, True]
    assert "Traceback" not in result.output


def test_a_batch_over_two_processes_still_writes_the_good_files(bad_files, tmp_path):
    folder = bad_files["good.txt"].parent
    result = run(str(folder), "-o", str(tmp_path / "out"), "-j", "2")
    assert result.exit_code == 1
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == ["good.pdf.json", "good.txt.json"]
    assert "lapisan teks (hasil pindaian)" in result.stderr and "terkunci kata sandi" in result.stderr

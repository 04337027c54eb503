"""The PDF guard runs in linear time on any bytes, a page tree is bounded, and padding after "%%EOF" is accepted
(issue 32 item 5, issue 33 item 2).

The guard's old pattern ``(\\d+)\\s+\\d+\\s+obj\\b`` gave back a run of digits one digit at a time at every start, a
pass per split: a 1 MB file of digit runs before its streams took a minute (benchmarks/bench_pdf_guard.py measures
it). Tests never time: the crafted file is guarded in a child process that is killed after 10 s, a bound a linear
scan of 1 MB meets a hundred times over and the quadratic one missed six times over.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from rancang.errors import InputError
from rancang.ingest import ingest_bytes
from rancang.ingest.readers.pdf import guard as pdf_guard

sys.path.insert(0, str(Path(__file__).parent))
from fixtures import build_pdf, pdf_of  # noqa: E402
from texts import perbup  # noqa: E402

TEXT = perbup("Pasal 1\nPegawai wajib hadir.\nPasal 2\n(1) Pegawai wajib pulang.\n(2) Pegawai wajib melapor.\n")


def digit_runs(streams: int = 120, run: int = 8000) -> bytes:
    """A valid one-page PDF followed by ``streams`` streams, each dictionary after a run of ``run`` digits."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            b"<< /Length 4 >>\nstream\nq Q\n\nendstream"]
    objs += [b"%" + b"7" * run + b"\n<< /Length 4 >>\nstream\nq Q\n\nendstream"] * streams
    return pdf_of(objs)


GUARD = "import sys\nfrom rancang.ingest.readers.pdf import guard\nguard.check(sys.stdin.buffer.read(), 'x.pdf')\n"


def test_a_megabyte_of_digit_runs_is_guarded_in_one_linear_pass():
    data = digit_runs()
    assert len(data) > 900_000
    done = subprocess.run([sys.executable, "-c", GUARD], input=data, capture_output=True, timeout=10)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("run", [b"1" * 5000 + b" 0 obj", b"1 " * 3000 + b"obj", b"/Length " + b"9" * 5000,
                                 b"/Contents [" + b"1 0 R " * 2000, b"/Kids [" + b"12 " * 3000,
                                 b"/Filter [" + b"/A " * 3000],
                         ids=["header", "spaced-header", "length", "contents", "kids", "filter"])
def test_no_pattern_backtracks_over_a_run_it_cannot_match(run):
    data = b"%PDF-1.4\n" + (run + b"\nstream\nx\nendstream\n") * 200 + b"%%EOF\n"
    done = subprocess.run([sys.executable, "-c", GUARD], input=data, capture_output=True, timeout=10)
    assert b"Traceback" not in done.stderr


def test_a_length_that_is_a_reference_is_not_read_as_a_shorter_number():
    assert pdf_guard._LENGTH.search(b"/Length 12345 0 R") is None
    assert pdf_guard._LENGTH.search(b"/Length 12345 ").group(1) == b"12345"


def test_the_stream_of_an_object_is_still_attributed_to_it():
    scan_sizes = {}
    data = digit_runs(streams=2, run=10)
    real = pdf_guard._stream

    def spy(raw, info, number, scan, label):
        scan_sizes[number] = raw
        return real(raw, info, number, scan, label)

    pdf_guard._stream = spy
    try:
        pdf_guard.check(data, "x.pdf")
    finally:
        pdf_guard._stream = real
    assert sorted(scan_sizes) == [4, 5, 6] and scan_sizes[4] == b"q Q\n"


def test_a_page_tree_listing_one_page_250000_times_is_refused_with_a_sentence():
    kids = b"3 0 R " * 250_000
    data = pdf_of([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count 250000 >>",
                   b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                   b"<< /Length 4 >>\nstream\nq Q\n\nendstream"])
    with pytest.raises(InputError) as caught:
        ingest_bytes(data, "pohon.pdf")
    assert caught.value.message == ("pohon.pdf: pohon halaman PDF memuat 250000 rujukan halaman, melebihi batas "
                                    "20000; simpan ulang atau cetak ulang PDF-nya.")


def test_more_pages_than_the_bound_are_refused(monkeypatch):
    monkeypatch.setitem(pdf_guard.limit.__globals__["_all"](), "pdf_pages", 2)
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 6 0 R >>"
    data = pdf_of([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >>",
                   page, page, page, b"<< /Length 4 >>\nstream\nq Q\n\nendstream"])
    with pytest.raises(InputError, match="PDF memuat 3 halaman, melebihi batas 2 halaman"):
        ingest_bytes(data, "panjang.pdf")


@pytest.mark.parametrize("tail", [bytes(10_000), b"\r\n" * 3000, b"\n-- \nDikirim dari ponsel saya\n"],
                         ids=["zeros", "newlines", "mail-footer"])
def test_a_valid_pdf_followed_by_padding_reads_as_without_it(tail):
    data = build_pdf(TEXT)
    want = ingest_bytes(data, "perbup.pdf")
    got = ingest_bytes(data + tail, "perbup.pdf")
    assert [p.label for p in got.pasals()] == [p.label for p in want.pasals()] == ["Pasal 1", "Pasal 2"]
    assert got.to_dict()["body"] == want.to_dict()["body"]


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_a_pdf_cut_short_is_still_refused(cut):
    data = build_pdf(TEXT)
    with pytest.raises(InputError, match="terpotong"):
        ingest_bytes(data[:int(len(data) * cut)], "potong.pdf")


def test_an_update_cut_short_after_a_complete_pdf_is_refused():
    data = build_pdf(TEXT) + b"7 0 obj\n<< /Type /Page /Contents 8 0 R >>\nendobj\nxref\n0 1\n"
    with pytest.raises(InputError, match="terpotong"):
        ingest_bytes(data, "potong.pdf")


def test_a_page_listing_one_content_stream_thousands_of_times_is_refused():
    # each listing is parsed again: 1 KB of text drawn 5,000 times is 5 MB of operators for one page
    content = b"BT /F1 12 Tf 72 720 Td (Pasal 1 Pegawai wajib hadir.) Tj ET\n" * 20
    data = pdf_of([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                   b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [" + b"4 0 R " * 5000 + b"] >>",
                   b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"])
    with pytest.raises(InputError, match="isi satu halaman PDF mengembang"):
        pdf_guard.check(data, "ulang.pdf")


def test_junk_inside_a_contents_array_does_not_hide_its_references():
    # (the fuzz campaign: "/Filter [/FlateDecode /FlateDecode]" pasted into the array; PDFium still read the 5,000
    # references around it, 63 s)
    content = b"BT /F1 12 Tf 72 720 Td (Pasal 1 Pegawai wajib hadir.) Tj ET\n" * 40
    refs = b"4 0 R " * 2500 + b"/Filter [/FlateDecode /FlateDecode]" + b"4 0 R " * 2500
    data = pdf_of([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                   b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [" + refs + b"] >>",
                   b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"])
    with pytest.raises(InputError, match="isi satu halaman PDF mengembang"):
        pdf_guard.check(data, "sisipan.pdf")

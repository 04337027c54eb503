"""PDF streams are inflated within bounds before any PDF library reads them (issue 19: flate bombs).

The bombs are built here, small on disk: a stream of a few kilobytes that inflates to a gibibyte of spaces, as a
page's content (nested Flate, ASCII85 around Flate), a page whose content is millions of drawing operators, and an
image that declares more pixels than any scan. Each ends in one Indonesian sentence and exit 1; a real PDF reads
as before."""

from __future__ import annotations

import base64
import sys
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from rancang.errors import InputError
from rancang.ingest import ingest_bytes
from rancang.ingest.readers.pdf import guard as pdf_guard

sys.path.insert(0, str(Path(__file__).parent))
from fixtures import build_pdf, pdf_of  # noqa: E402
from texts import perbup  # noqa: E402

CHUNK = 1 << 22  # 4 MiB of spaces a deflate block


def _adler_combine(a1: int, a2: int, len2: int) -> int:
    """zlib's adler32_combine: the checksum of data1 + data2 from theirs."""
    base = 65521
    rem = len2 % base
    s1 = a1 & 0xFFFF
    s2 = (rem * s1) % base
    s1 += (a2 & 0xFFFF) + base - 1
    s2 += ((a1 >> 16) & 0xFFFF) + ((a2 >> 16) & 0xFFFF) + base - rem
    return (s1 % base) | ((s2 % base) << 16)


def inflating_to(chunks: int) -> bytes:
    """A valid zlib stream of ``chunks`` x 4 MiB of spaces, built without compressing them: one deflate block
    ending in a full flush repeats byte for byte, and the checksum is combined."""
    c = zlib.compressobj(9)
    chunk = b" " * CHUNK
    first = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    tail = c.flush()[:-4]
    total, power, plen, k = 1, zlib.adler32(chunk), CHUNK, chunks
    while k:
        if k & 1:
            total = _adler_combine(total, power, plen)
        power, plen, k = _adler_combine(power, power, plen), plen * 2, k >> 1
    return first + block * (chunks - 1) + tail + total.to_bytes(4, "big")


def one_page_pdf(stream: bytes, filters: str, extra: str = "", image: bool = False) -> bytes:
    """A one-page PDF whose page content (or, with ``image``, an image XObject) is ``stream``."""
    xobject = "/XObject << /Im0 5 0 R >>" if image else ""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << {xobject} >> >>"
            .encode()]
    content = b"q 100 0 0 100 0 0 cm /Im0 Do Q" if image else stream
    content_filters = "" if image else f"/Filter {filters} {extra}"
    objs.append(f"<< /Length {len(content)} {content_filters} >>\nstream\n".encode() + content + b"\nendstream")
    if image:
        objs.append(f"<< /Type /XObject /Subtype /Image {extra} /ColorSpace /DeviceGray /BitsPerComponent 8 "
                    f"/Length {len(stream)} /Filter {filters} >>\nstream\n".encode() + stream + b"\nendstream")
    return pdf_of(objs)


def test_the_bomb_builder_makes_a_valid_stream():
    assert zlib.decompress(inflating_to(3)) == b" " * (3 * CHUNK)


@pytest.fixture(scope="module")
def gibibyte() -> bytes:
    return inflating_to(256)  # 1 GiB of spaces, about 1 MB deflated


def test_a_nested_flate_bomb_is_refused_with_a_sentence(gibibyte):
    data = one_page_pdf(zlib.compress(gibibyte, 9), "[/FlateDecode /FlateDecode]")
    assert len(data) < 4096
    with pytest.raises(InputError, match="bom kompresi") as exc:
        ingest_bytes(data, "bom.pdf")
    assert exc.value.message.startswith("bom.pdf: ") and "\n" not in exc.value.message


def test_a_flate_bomb_inside_ascii85_is_refused(gibibyte):
    data = one_page_pdf(base64.a85encode(zlib.compress(gibibyte, 9)) + b"~>", "[/ASCII85Decode /FlateDecode "
                        "/FlateDecode]")
    with pytest.raises(InputError, match="bom kompresi"):
        pdf_guard.check(data, "bom.pdf")


def test_a_page_of_millions_of_drawing_operators_is_refused():
    content = b"10 10 m 20 20 l S\n" * 300_000  # 5.4 MB of operators: seconds of parsing for one page
    data = one_page_pdf(zlib.compress(content, 9), "/FlateDecode")
    with pytest.raises(InputError, match="isi satu halaman"):
        pdf_guard.check(data, "berat.pdf")


def test_an_image_of_absurd_size_is_refused():
    data = one_page_pdf(zlib.compress(b"\x00" * 1000), "/FlateDecode", "/Width 100000 /Height 100000", image=True)
    with pytest.raises(InputError, match="piksel"):
        pdf_guard.check(data, "gambar.pdf")


def test_an_lzw_stream_is_read_and_bounded():
    # "-----A---B" in the LZW example of the PDF reference (EarlyChange 1)
    assert pdf_guard._lzw(bytes.fromhex("800B6050220C0C8501"), 1000) == b"-----A---B"
    assert 4 <= len(pdf_guard._lzw(bytes.fromhex("800B6050220C0C8501"), 4)) < 10  # stops once past the bound


def test_the_cli_says_one_sentence_and_exits_1(tmp_path, gibibyte):
    from rancang.cli import cli

    path = tmp_path / "bom.pdf"
    path.write_bytes(one_page_pdf(zlib.compress(gibibyte, 9), "[/FlateDecode /FlateDecode]"))
    result = CliRunner().invoke(cli, ["ingest", "--no-ocr", str(path)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "bom kompresi" in result.output and "galat internal" not in result.output.lower()


def test_a_real_pdf_passes_the_guard():
    data = build_pdf(perbup("Pasal 1\nPegawai wajib hadir.\nPasal 2\n(1) Pegawai wajib pulang.\n"
                            "(2) Pegawai wajib melapor.\n"))
    pdf_guard.check(data, "perbup.pdf")
    assert len(ingest_bytes(data, "perbup.pdf").pasals()) == 2

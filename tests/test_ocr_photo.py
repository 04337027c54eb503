"""A page photographed to a JPEG and saved with a ``.pdf`` name (a bureau receives many) is read by rancang's own
OCR, not refused with "jalankan OCR dahulu"; with OCR switched off the sentence says it is a JPEG, not a PDF, and
how to let rancang read it."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from rancang.errors import InputError
from rancang.ingest import ingest_bytes
from rancang.ingest.readers.ocr import photo
from rancang.ingest.readers.ocr import reader as ocr

sys.path.insert(0, str(Path(__file__).parent))
from fixtures import build_pdf  # noqa: E402
from phone_scan import photograph  # noqa: E402
from test_ocr import SMALL  # noqa: E402

needs_tesseract = pytest.mark.skipif(not ocr.engine_available(),
                                     reason="Tesseract with Indonesian data (tesseract-ocr-ind) is not installed")


def _jpeg() -> bytes:
    import pypdfium2

    doc = pypdfium2.PdfDocument(build_pdf(SMALL, max_pages=1))
    image = doc[0].render(scale=150 / 72).to_pil()
    out = io.BytesIO()
    photograph(image).save(out, format="JPEG")
    return out.getvalue()


def test_the_kind_of_an_image_is_known_by_its_first_bytes() -> None:
    assert photo.kind(_jpeg()) == "JPEG" and photo.kind(b"%PDF-1.7") is None


@needs_tesseract
def test_a_jpeg_named_pdf_is_read_by_ocr(monkeypatch) -> None:
    monkeypatch.setenv(ocr.MODE_ENV, "always")
    reg = ingest_bytes(_jpeg(), "perbup-difoto.pdf")
    assert reg.pasals() and reg.meta.jenis == "Peraturan Bupati"


def test_with_ocr_off_the_sentence_says_what_the_file_is(monkeypatch) -> None:
    monkeypatch.setenv(ocr.MODE_ENV, "never")
    with pytest.raises(InputError) as caught:
        ingest_bytes(_jpeg(), "perbup-difoto.pdf")
    said = str(caught.value)
    assert "berkas ini gambar JPEG, bukan PDF" in said and "tanpa --no-ocr" in said and "ocrmypdf" not in said

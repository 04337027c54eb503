"""A page photographed or scanned to an image file (PNG, JPEG, TIFF) -- often saved with a ``.pdf`` name -- read by
rancang's own OCR: the image becomes a one-page (a TIFF: many-page) PDF without a text layer, which the PDF reader
then reads by OCR like any scan (:mod:`rancang.ingest.readers.ocr.reader`)."""

from __future__ import annotations

import io

from rancang.errors import InputError
from rancang.limits import limit

#: (magic bytes at offset 0, the image format's name)
KINDS: tuple[tuple[bytes, str], ...] = ((b"\x89PNG", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"II*\x00", "TIFF"),
                                       (b"MM\x00*", "TIFF"))
#: the resolution the page is taken to have when the file does not say (a phone photo of an A4 page)
DPI = 200


def kind(data: bytes) -> str | None:
    """"PNG", "JPEG" or "TIFF" when ``data`` is such an image, else None."""
    return next((name for magic, name in KINDS if data.startswith(magic)), None)


def to_pdf(data: bytes, name: str = "") -> bytes:
    """The image ``data`` as a PDF of its frames, for the OCR reader. Raises InputError when the image cannot be
    decoded or has more pixels than a PDF image may (``pdf_image_pixels``, a decompression bomb)."""
    from PIL import Image, ImageSequence

    most = limit("pdf_image_pixels")
    label = name or "berkas"
    try:
        with Image.open(io.BytesIO(data)) as image:
            frames = []
            for frame in ImageSequence.Iterator(image):
                if frame.width * frame.height > most:
                    raise InputError(f"{label}: gambar terlalu besar untuk dibaca ({frame.width} x {frame.height} "
                                     "piksel).")
                frames.append(frame.convert("RGB") if frame.mode not in ("RGB", "L", "1") else frame.copy())
                if len(frames) > limit("pdf_pages"):
                    raise InputError(f"{label}: gambar memuat terlalu banyak halaman.")
            dpi = image.info.get("dpi", (DPI, DPI))[0] or DPI
    except InputError:
        raise
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise InputError(f"{label}: berkas gambar rusak atau tidak dapat dibaca.") from exc
    out = io.BytesIO()
    frames[0].save(out, format="PDF", save_all=True, append_images=frames[1:], resolution=float(dpi))
    return out.getvalue()

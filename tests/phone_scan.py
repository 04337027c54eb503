"""A page as a phone photographs it: the printed page, lit unevenly, low in contrast, on a grey ground, a little
askew, saved as JPEG — the kind of scan a bureau receives from a region (a Perwali photographed page by page).

:func:`photograph` turns one rendered page (PIL, grayscale) into such a photo; :func:`phone_scan` does it to every
page of a PDF and wraps the JPEGs into an image-only PDF, as phone scanner apps do. Deterministic: the same input
gives the same bytes.
"""

from __future__ import annotations

import io

#: the photo's look: paper at most this bright, ink at least this dark (low contrast), the light falling off by
#: ``GRADIENT`` of the paper's brightness from one corner to the opposite, the page ``TILT`` degrees askew on a
#: grey ground, JPEG quality ``QUALITY``
PAPER, INK, GRADIENT, GROUND, TILT, QUALITY = 200, 95, 0.45, 120, 2.0, 55


def photograph(page, tilt: float = TILT):
    """A grayscale PIL page image as a phone photo of it (see module constants)."""
    import numpy as np
    from PIL import Image

    page = page.convert("L")
    ink = np.asarray(page, dtype=np.float32) / 255.0  # 1 paper, 0 ink
    h, w = ink.shape
    contrast = INK + (PAPER - INK) * ink  # paper 200, ink 95
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    light = 1.0 - GRADIENT * (0.6 * xx / w + 0.4 * yy / h)  # darker towards the lower right corner
    photo = Image.fromarray(np.clip(contrast * light, 0, 255).astype("uint8"))
    photo = photo.rotate(tilt, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=GROUND)
    ground = Image.new("L", (photo.width + 80, photo.height + 80), GROUND)
    ground.paste(photo, (40, 40))
    buf = io.BytesIO()
    ground.save(buf, format="JPEG", quality=QUALITY)
    return Image.open(io.BytesIO(buf.getvalue()))


def phone_scan(pdf: bytes, dpi: int = 150, tilt: float = TILT) -> bytes:
    """Every page of ``pdf`` photographed (:func:`photograph`) at ``dpi``, as an image-only PDF of JPEG pages."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    photos = [photograph(doc[i].render(scale=dpi / 72, grayscale=True).to_pil(), tilt if i % 2 == 0 else -tilt)
              for i in range(len(doc))]
    buf = io.BytesIO()
    photos[0].save(buf, format="PDF", save_all=True, append_images=photos[1:], resolution=float(dpi))
    return buf.getvalue()

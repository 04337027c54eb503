"""Page images made readable before Tesseract: a phone photo or a grey scan becomes black ink on white paper.

Tesseract binarises a page with one global (Otsu) threshold. A phone photo defeats it: the light falls off across
the sheet (the lower corner is darker than the ink near the lamp), the contrast is low, the page lies on a grey
table and a little askew, and JPEG blurs the strokes. The global threshold then turns a whole region black or
white and Tesseract finds no words at all. Each step here is one named job, all in Pillow and NumPy (no OpenCV:
the box filter is all the adaptive threshold needs, and pypdfium2 + Pillow are already installed with the reader):

1. :func:`flatten` — the paper's own brightness (a large median/box estimate of the background) divides the
   page, so uneven light becomes a flat white and the ink keeps its contrast against it;
2. :func:`binarise` — an adaptive threshold: a pixel is ink when darker than its neighbourhood's mean by
   :data:`INK_MARGIN` (Sauvola-like, window :data:`WINDOW` of the text size);
3. :func:`deskew_angle` — the rotation that makes the text lines horizontal (projection profiles), on the
   binary page;
4. :func:`text_scale` — text too small or too large for Tesseract (which reads best with capitals 20-40 px
   high) is scaled to :data:`TARGET_LINE_PX` per text line, whatever the scan's resolution.

:func:`prepare` runs them in order and says what it did. Tesseract is given the flattened grey page with its
contrast stretched (:func:`stretch`), not the hard binary one: measured, the binary page read "Pasal" as "Pasai"
on a clean 200 dpi render, the grey one did not; the binary page serves the measurements (skew, line pitch).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: largest skew (degrees) looked for, and the step of the search
MAX_SKEW = 5.0
SKEW_STEP = 0.25
#: the adaptive threshold's window, as a share of the page width (about two text lines at 10 pt)
WINDOW = 0.02
#: a pixel is ink when darker than its neighbourhood mean by this share of the paper's brightness
INK_MARGIN = 0.12
#: Tesseract reads best when a text line is about this many pixels high (capitals ~25 px); a page whose
#: lines are smaller than half or larger than twice this is rescaled
TARGET_LINE_PX = 42.0
#: never scaled by more than this factor either way (a page of one big heading is not text to shrink)
MAX_SCALE = 3.0
#: a page with less ink than this share of its pixels holds no text to orient (a blank or nearly blank page)
MIN_INK = 0.002


@dataclass
class Prepared:
    """A page image ready for Tesseract and what was done to it: ``scale`` (new pixels per old pixel),
    ``deskewed`` (degrees, counter-clockwise), ``flattened`` (the light was uneven or the contrast low)."""

    image: Any
    scale: float = 1.0
    deskewed: float = 0.0
    flattened: bool = False
    #: share of the page's pixels that are ink (a blank page: below :data:`MIN_INK`)
    ink: float = 0.0


def _box(a: Any, radius: int) -> Any:
    """Mean of ``a`` (2-D float array) over a (2r+1)² window, via an integral image (edges clamped)."""
    import numpy as np

    p = np.pad(a, radius + 1, mode="edge").cumsum(0).cumsum(1)
    k = 2 * radius + 1
    s = p[k:, k:] - p[:-k, k:] - p[k:, :-k] + p[:-k, :-k]
    return s[: a.shape[0], : a.shape[1]] / (k * k)


def flatten(gray: Any) -> tuple[Any, bool]:
    """The page divided by its background light (a float array, paper ≈ 1.0, ink darker), and whether the light
    was uneven or the paper dark (False for a clean render: paper already white everywhere)."""
    import numpy as np
    from PIL import Image, ImageFilter

    arr = np.asarray(gray, dtype=np.float32)
    small = gray.resize((max(1, gray.width // 8), max(1, gray.height // 8)), Image.Resampling.BILINEAR)
    # the background: the brightest values around each point (ink is thin, paper is everywhere)
    back = small.filter(ImageFilter.MaxFilter(9)).filter(ImageFilter.BoxBlur(6))
    back = np.asarray(back.resize(gray.size, Image.Resampling.BILINEAR), dtype=np.float32)
    back = np.maximum(back, 1.0)
    uneven = float(np.percentile(back, 5)) < 235.0
    return np.clip(arr / back, 0.0, 1.0), uneven


def binarise(flat: Any) -> Any:
    """Ink (True) where a pixel of the flattened page is darker than its neighbourhood mean by
    :data:`INK_MARGIN`, and darker than the paper by as much (a flat paper region has no ink)."""
    radius = max(4, int(flat.shape[1] * WINDOW))
    mean = _box(flat, radius)
    return (flat < mean - INK_MARGIN * 0.5) & (flat < 1.0 - INK_MARGIN)


def deskew_angle(ink: Any) -> float:
    """The small rotation (degrees, counter-clockwise positive, within ±:data:`MAX_SKEW`) that makes a page's
    text lines horizontal: the angle whose row profile of ink is sharpest (largest variance of differences),
    searched on a reduced copy. 0.0 for a blank page."""
    import numpy as np
    from PIL import Image

    mask = Image.fromarray((ink * 255).astype("uint8"))
    mask.thumbnail((800, 800))
    if np.asarray(mask).sum() < 50 * 255:
        return 0.0
    best, best_score = 0.0, -1.0
    steps = int(MAX_SKEW / SKEW_STEP)
    for k in range(-steps, steps + 1):
        angle = k * SKEW_STEP
        turned = mask.rotate(angle, resample=Image.Resampling.NEAREST, expand=False)
        rows = np.asarray(turned).sum(axis=1, dtype=np.float64)
        score = float(np.square(np.diff(rows)).sum())
        if score > best_score:
            best, best_score = angle, score
    return best


def line_height(ink: Any) -> float:
    """The usual pitch of text lines (pixels): the median distance between the starts of consecutive runs of
    inked rows, read in the middle half of the page's width (the sheet's edges and the table around it are no
    text). 0.0 when the page has fewer than three lines."""
    import numpy as np

    width = ink.shape[1]
    band = ink[:, width // 4: 3 * width // 4]
    rows = band.sum(axis=1) > max(2, band.shape[1] // 100)
    starts = np.flatnonzero(rows[1:] & ~rows[:-1])
    if len(starts) < 3:
        return 0.0
    gaps = np.diff(starts)
    gaps = gaps[gaps > 4]
    return float(np.median(gaps)) if len(gaps) else 0.0


def stretch(flat: Any) -> Any:
    """The flattened page as an 8-bit image whose darkest ink is black and whose paper is white (the contrast a
    low-contrast photo lost, given back); antialiased edges keep their grey, which Tesseract reads better than
    a hard threshold."""
    import numpy as np
    from PIL import Image

    ink = float(np.percentile(flat, 0.5))
    span = max(1e-3, 1.0 - ink)
    return Image.fromarray((np.clip((flat - ink) / span, 0.0, 1.0) * 255).astype("uint8"))


def text_scale(ink: Any) -> float:
    """The factor that brings the page's text lines to about :data:`TARGET_LINE_PX` (1.0 when they already are
    within a factor two, or when no lines are found), bounded by :data:`MAX_SCALE`."""
    pitch = line_height(ink)
    if not pitch or TARGET_LINE_PX / 2 <= pitch <= TARGET_LINE_PX * 2:
        return 1.0
    return min(MAX_SCALE, max(1 / MAX_SCALE, TARGET_LINE_PX / pitch))


def prepare(image: Any, rescale: bool = True) -> Prepared:
    """A page image (PIL, any mode) made readable (see module docstring): a photo flattened and its contrast
    stretched, a clean render kept as it is; then straightened and brought to Tesseract's text size. The
    binary page (:func:`binarise`) measures skew and line height; Tesseract gets the grey page, whose
    antialiased strokes it reads better than hard black and white. The returned image is mode "L"; ``scale`` maps
    its pixels back to the input's (always 1.0 when not ``rescale``: a page read sideways has no line pitch yet)."""
    from PIL import Image

    gray = image.convert("L")
    flat, uneven = flatten(gray)
    ink = binarise(flat)
    angle = deskew_angle(ink)
    if angle:  # lines measured level: a tilted page's lines overlap in the row profile
        import numpy as np

        level = Image.fromarray((ink * 255).astype("uint8")).rotate(angle, resample=Image.Resampling.NEAREST)
        ink = np.asarray(level) > 127
    scale = text_scale(ink) if rescale else 1.0
    out = stretch(flat) if uneven else gray
    if angle:
        out = out.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    if scale != 1.0:
        out = out.resize((max(1, round(out.width * scale)), max(1, round(out.height * scale))),
                         Image.Resampling.LANCZOS)
    return Prepared(image=out, scale=scale, deskewed=angle, flattened=uneven, ink=float(ink.mean()))

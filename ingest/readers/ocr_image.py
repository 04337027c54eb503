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
4. :func:`normalise_dpi` — text too small or too large for Tesseract (which reads best with capitals 20-40 px
   high) is scaled to :data:`TARGET_LINE_PX` per text line, whatever the scan's resolution.

:func:`prepare` runs them in order and says what it did. A clean render (white paper, black ink) passes through
binarisation unchanged in substance: the steps only ever remove light, never ink.
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


@dataclass
class Prepared:
    """A page image ready for Tesseract and what was done to it: ``scale`` (new pixels per old pixel),
    ``deskewed`` (degrees, counter-clockwise), ``flattened`` (the light was uneven or the contrast low)."""

    image: Any
    scale: float = 1.0
    deskewed: float = 0.0
    flattened: bool = False


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


def normalise_dpi(ink: Any) -> tuple[Any, float]:
    """The binary page scaled so that its text lines are about :data:`TARGET_LINE_PX` high (scale 1.0 when they
    already are within a factor two, or when no lines are found)."""
    from PIL import Image

    pitch = line_height(ink)
    image = Image.fromarray(((~ink) * 255).astype("uint8"))
    if not pitch or TARGET_LINE_PX / 2 <= pitch <= TARGET_LINE_PX * 2:
        return image, 1.0
    scale = min(MAX_SCALE, max(1 / MAX_SCALE, TARGET_LINE_PX / pitch))
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS), scale


def prepare(image: Any) -> Prepared:
    """A page image (PIL, any mode) as black ink on white, upright and at Tesseract's text size (see module
    docstring). The returned image is mode "L"; ``scale`` maps its pixels back to the input's."""
    from PIL import Image

    gray = image.convert("L")
    flat, uneven = flatten(gray)
    ink = binarise(flat)
    angle = deskew_angle(ink)
    if angle:
        turned = Image.fromarray((ink * 255).astype("uint8")).rotate(angle, resample=Image.Resampling.NEAREST,
                                                                    expand=True, fillcolor=0)
        import numpy as np

        ink = np.asarray(turned) > 127
    out, scale = normalise_dpi(ink)
    return Prepared(image=out, scale=scale, deskewed=angle, flattened=uneven)

"""The OCR confidence of each clause: how sure Tesseract was of the words a Pasal, ayat or item is made of.

A scan is rarely read equally well throughout: a stamp over one ayat, a fold across one page, a signature page
photographed askew. The linter (``check``) quiets rules of form (punctuation, typography) on text read with low
confidence; with only the weakest page's mean to go by, one bad page silenced every clause of the act, and a
clean text-layer page beside an OCR'd signature page counted as OCR'd. So each clause gets its own figure.

Method (:func:`clause_confidence`): the OCR'd words of every page (``Document.extra["ocr_words"]``, in reading
order, each with its Tesseract confidence 0-100; words of pages read from their text layer carry None) are laid
out as one stream of lower-case letters and digits. Each node's own text, reduced the same way, is found in the
stream from where the previous node was found (document order; a node not found there is searched from the
start, and a node of fewer than :data:`MIN_CHARS` characters is skipped). The words the match covers give the
clause's mean and lowest confidence and its pages. Label repairs and joined hyphenation change a few characters
only; the match is on the node's first :data:`PROBE` characters, and its span is the node's length.

The result, recorded as ``stats.ocr.clauses``: ``{node id: {"confidence": mean, "min": lowest, "pages": [n]}}``
for every node with OCR'd words (nodes read wholly from a text layer are absent: their text is as printed).
"""

from __future__ import annotations

import re
from typing import Any

from rancang.tree import Regulation

#: characters of a node's text used to find it in the stream
PROBE = 40
#: nodes with less own text than this are too short to place (a bare label)
MIN_CHARS = 6
_KEEP = re.compile(r"[^0-9a-z]+")


def _norm(text: str) -> str:
    return _KEEP.sub("", text.lower())


def clause_confidence(reg: Regulation, words: dict[int, list[tuple[str, float | None]]]) -> dict[str, Any]:
    """Node id -> ``{"confidence", "min", "pages"}`` for the nodes of ``reg`` read by OCR (module docstring);
    ``words``: page number -> [(word, confidence or None for a text-layer word)] in reading order."""
    chars: list[str] = []
    owner: list[int] = []  # stream position -> word index
    confs: list[float | None] = []
    pages: list[int] = []
    for number in sorted(words):
        for word, conf in words[number]:
            norm = _norm(word)
            if not norm:
                continue
            chars.append(norm)
            owner.extend([len(confs)] * len(norm))
            confs.append(conf)
            pages.append(number)
    stream = "".join(chars)
    out: dict[str, Any] = {}
    cursor = 0
    for node in reg.walk():
        text = _norm(node.text or "")
        if len(text) < MIN_CHARS or not node.id:
            continue
        probe = text[:PROBE]
        pos = stream.find(probe, cursor)
        if pos < 0:
            pos = stream.find(probe)
        if pos < 0:
            continue
        cursor = pos + len(probe)
        covered = sorted(set(owner[pos:min(len(owner), pos + len(text))]))
        read = [c for i in covered if (c := confs[i]) is not None]
        if read:
            out[node.id] = {"confidence": round(sum(read) / len(read), 1), "min": round(min(read), 1),
                            "pages": sorted({pages[i] for i in covered})}
    return out

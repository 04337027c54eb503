"""The Penjelasan of an act: "I. UMUM" kept apart, "II. PASAL DEMI PASAL" linked to each Pasal it explains.

The Penjelasan comes as blocks like the Lampiran's (:class:`~rancang.parts.PenjelasanBlock`: type, id, cite,
label, level, text), each with two more fields: ``part`` ("judul", "umum" or "pasal") and, in the Pasal-by-Pasal
part, ``pasal``: the id of the node it explains ("pasal-5", "pasal-5/ayat-2", "pasal-5/ayat-2/huruf-a"). A Pasal
heading of the Penjelasan is one only in sequence (its number above the last one), so "Pasal 5" cited inside an
explanation never opens a section::

    >>> blocks = parse(["PENJELASAN", "I. UMUM", "Undang-Undang ini mengatur.", "II. PASAL DEMI PASAL",
    ...                 "Pasal 1", "Cukup jelas.", "Pasal 2", "Ayat (1)", "Yang dimaksud dengan", "“tim” adalah tim.",
    ...                 "Ayat (2)", "Cukup jelas."])
    >>> [(b.part, b.pasal, b.text) for b in blocks if b.type == "paragraph"]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('umum', None, 'Undang-Undang ini mengatur.'), ('pasal', 'pasal-1', 'Cukup jelas.'),
     ('pasal', 'pasal-2/ayat-1', 'Yang dimaksud dengan “tim” adalah tim.'), ('pasal', 'pasal-2/ayat-2', 'Cukup jelas.')]
"""

from __future__ import annotations

import re

from rancang.ingest import grammar as g
from rancang.ingest.headings.lines import pasal_value
from rancang.ingest.units import join_more
from rancang.kinds import PASAL_NUMBER
from rancang.parts import PenjelasanBlock

#: "I. UMUM", "UMUM", "A. UMUM", "I. PENJELASAN UMUM"; "II. PASAL DEMI PASAL", "B. PASAL DEMI PASAL",
#: "II. PENJELASAN PASAL DEMI PASAL" (as regional bureaus head them), with or without a closing "." or ":"
_UMUM = re.compile(r"^(?:(?:I|A|1)\s*\.\s*)?(?:PENJELASAN\s+)?UMUM\s*[.:]?\s*$", re.I)
_PASAL_DEMI_PASAL = re.compile(r"^(?:(?:II|B|2)\s*\.\s*)?(?:PENJELASAN\s+)?PASAL\s+DEMI\s+PASAL\s*[.:]?\s*$", re.I)
#: the heading of an explained Pasal, with the explanation perhaps on the same line ("Pasal 1 Cukup jelas.")
_PASAL = re.compile(rf"^Pasal\s+(?P<num>{PASAL_NUMBER})\b\s*[.:]?\s*(?P<rest>.*)$")
#: "Ayat (2)", "Huruf a", "Angka 3" opening the explanation of a part of the Pasal
_PART = re.compile(r"^(?P<word>Ayat|Huruf|Angka)\s+(?:\((?P<ayat>\d+[a-z]?)\)|(?P<num>[a-z]{1,2}|\d{1,3}))"
                   r"(?=[\s.]|$)\.?\s*(?P<rest>.*)$")
_CLAUSE_ENDS = (".", ":", ";", "?", "!")
#: the gazette supplement printed under the Penjelasan: "TAMBAHAN LEMBARAN DAERAH KABUPATEN X NOMOR 97"
_SUPPLEMENT = re.compile(r"^TAMBAHAN\s+(?:LEMBARAN|BERITA)\s+(?:DAERAH|NEGARA)\b", re.I)


class _State:
    def __init__(self) -> None:
        self.blocks: list[PenjelasanBlock] = []
        self.part = "judul"
        self.pasal: str | None = None        # the id of the Pasal explained now
        self.last = 0.0                      # the number of the last Pasal heading
        self.target: str | None = None       # the id the next paragraph explains
        self.cite = "Penjelasan"
        self.open: PenjelasanBlock | None = None

    def add(self, kind: str, text: str, label: str | None = None) -> PenjelasanBlock:
        block = PenjelasanBlock(type=kind, text=text, id=f"penjelasan-{len(self.blocks) + 1}", cite=self.cite,
                                label=label, level=0, part=self.part, pasal=self.target)
        self.blocks.append(block)
        self.open = block if kind == "paragraph" else None
        return block


def parse(lines: list[str]) -> list[PenjelasanBlock]:
    """Blocks of a Penjelasan (see the module doc); wrapped lines of one paragraph are joined."""
    st = _State()
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if st.part != "pasal" and _UMUM.match(line):
            st.part, st.cite, st.target = "umum", "Penjelasan Umum", None
            st.add("heading", line)
            continue
        if _PASAL_DEMI_PASAL.match(line):
            st.part, st.cite, st.target = "pasal", "Penjelasan Pasal demi Pasal", None
            st.add("heading", line)
            continue
        if st.part == "pasal" and line[:1] in "PA H" and _section(st, line):
            continue
        if _SUPPLEMENT.match(line):
            # "TAMBAHAN LEMBARAN DAERAH ... NOMOR 97" closes the Penjelasan: it explains no Pasal
            st.target, st.cite = None, "Penjelasan"
            st.add("heading", line)
            continue
        if st.open is not None and not st.open.text.rstrip().endswith(_CLAUSE_ENDS) \
                and not (st.part == "judul" and line.isupper()):
            st.open.text = join_more(st.open.text, line)
            continue
        if st.part == "judul" and (line.isupper() or g.PENJELASAN.match(line)):
            st.add("heading", line)
            continue
        st.add("paragraph", line)
    return st.blocks


def _section(st: _State, line: str) -> bool:
    """Open the explanation of a Pasal ("Pasal 5") or of its part ("Ayat (2)", "Huruf a"); False when ``line``
    is no such heading."""
    m = _PASAL.match(line)
    if m is not None:
        value = pasal_value(m.group("num"))
        if value <= st.last:
            return False  # a Pasal cited inside an explanation, not a new section
        st.last, st.pasal = value, f"pasal-{m.group('num')}"
        st.target, st.cite = st.pasal, cite_of(st.pasal)
        st.add("heading", line[:m.start("rest")].strip())
        if m.group("rest"):
            st.add("paragraph", m.group("rest"))
        return True
    m = _PART.match(line)
    if m is None or st.pasal is None:
        return False
    word = m.group("word").lower()
    number = m.group("ayat") or m.group("num")
    # an ayat hangs under the Pasal, a huruf under the ayat explained last, an angka under the huruf
    current = st.target or st.pasal
    parent = {"ayat": st.pasal, "huruf": current.split("/huruf-")[0].split("/angka-")[0],
              "angka": current.split("/angka-")[0]}[word]
    st.target = f"{parent}/{word}-{number}"
    st.cite = cite_of(st.target)
    st.add("heading", line[:m.start("rest")].strip())
    if m.group("rest"):
        st.add("paragraph", m.group("rest"))
    return True


def cite_of(node_id: str) -> str:
    """The cite of the explanation of a node: "pasal-6/ayat-3/huruf-a" -> "Penjelasan Pasal 6 ayat (3) huruf a"."""
    words = []
    for part in node_id.split("/"):
        word, _, number = part.partition("-")
        words.append(f"ayat ({number})" if word == "ayat" else f"{'Pasal' if word == 'pasal' else word} {number}")
    return "Penjelasan " + " ".join(words)


def for_node(penjelasan: list[PenjelasanBlock], node_id: str) -> list[PenjelasanBlock]:
    """The Penjelasan blocks that explain node ``node_id`` or a part of it ("pasal-5" gets those of
    "pasal-5/ayat-2" too), in order."""
    return [b for b in penjelasan if b.pasal and (b.pasal == node_id or b.pasal.startswith(node_id + "/"))]

"""The body of a Keputusan or an Instruksi: diktum KESATU, KEDUA ... instead of Pasal.

After "MEMUTUSKAN:" / "Menetapkan : KEPUTUSAN BUPATI ... TENTANG ..." a Keputusan states its decisions as dikta
numbered in upper-case ordinal words (Permendagri 80/2015 Lampiran, bentuk Keputusan Kepala Daerah)::

    KESATU  : Membentuk Tim Kerja ...
    KEDUA   : Tim Kerja sebagaimana dimaksud dalam Diktum KESATU bertugas:
              a. ...;
    KETIGA  : Keputusan ini mulai berlaku pada tanggal ditetapkan.

A line is the next diktum's heading when its ordinal is the next one of the sequence (or, once KESATU is read, is
printed with its colon: "KELIMA :") and the line before it does not end in "Diktum" (a reference wrapped onto a
new line: "... dimaksud dalam Diktum" / "KESATU huruf a ..."), as :mod:`rancang.ingest.headings.read` does for Pasal.
Each diktum becomes a ``diktum`` node whose text and lists are built by the same rules as a Pasal's
(:func:`rancang.ingest.body.build_pasal`); lines before the first diktum stay as flagged text nodes, never lost.

    >>> top, drafts, orphans = read_dikta([(1, "KESATU : Membentuk Tim."), (2, "KEDUA : Tim bertugas:"),
    ...                                    (3, "a. menyusun rencana."), (4, "KETIGA : Keputusan ini mulai berlaku.")])
    >>> [(n.number, n.label) for n in top]
    [('KESATU', 'KESATU :'), ('KEDUA', 'KEDUA :'), ('KETIGA', 'KETIGA :')]
    >>> drafts[1].lines
    [(2, 'Tim bertugas:'), (3, 'a. menyusun rencana.')]
"""

from __future__ import annotations

import re
from functools import cache

from rancang.ingest import grammar as g
from rancang.ingest.headings.lines import UNPLACED, PasalDraft
from rancang.ingest.units import join_more
from rancang.kinds import DIKTUM_NUMBER, NodeType, diktum_value
from rancang.tree import Node


@cache
def _title_case() -> re.Pattern[str]:
    """A diktum printed in title case, "Kedua : ...": a heading only with its colon (a sentence may start "Kedua").
    Compiled on first use, as :func:`rancang.kinds.diktum_heading` (issue 33)."""
    return re.compile(rf"^(?P<num>(?i:{DIKTUM_NUMBER}))(?![\w-])\s*(?P<colon>:)\s*(?P<rest>.*)$")


#: a line that ends in the word before a diktum's number: the number on the next line is a reference
_WRAPPED_REFERENCE = re.compile(r"\bDiktum\s*$", re.I)


def heading(line: str, expected: int, before: str = "") -> re.Match[str] | None:
    """The match of ``line`` as the heading of the next diktum, number ``expected`` (1 for KESATU), or None.

    A diktum printed with its colon ("KELIMA : ...") is a heading whatever its number, so that a gap or a repeat
    in the numbering stays visible to the checker (B3); a bare ordinal word must be the next of the sequence."""
    if line[:1] not in ("K", "P"):
        return None
    # upper case as the forms print it; "Kesatu :" in title case only with its colon
    m = g.diktum_heading().match(line) or _title_case().match(line)
    if m is None or _WRAPPED_REFERENCE.search(before):
        return None
    if diktum_value(m.group("num")) != expected and not (m.group("colon") == ":" and expected > 1):
        return None
    return m


def read_dikta(lines: list[tuple[int, str]]) -> tuple[list[Node], list[PasalDraft], list[tuple[int, str]]]:
    """One pass over the body lines ``[(line number, text)]`` of a Keputusan: (the diktum nodes, their drafts in
    order, the lines before the first diktum), shaped as :func:`rancang.ingest.headings.read.read_headings` returns a
    Pasal body, so the body builder fills both alike. Lines before the first diktum are kept as text nodes labelled
    :data:`~rancang.ingest.headings.lines.UNPLACED`."""
    top: list[Node] = []
    drafts: list[PasalDraft] = []
    orphans: list[tuple[int, str]] = []
    current: PasalDraft | None = None
    unplaced: Node | None = None
    before = ""
    for no, line in lines:
        m = heading(line, len(drafts) + 1, before) if line else None
        if m is None and current is not None and not current.lines and line.startswith(":") \
                and current.node is not None and not current.label.endswith((":", ".")):
            # the colon of the heading column set on the next line ("KESATU" / ": Membentuk ..."): the label's
            current.node.label = current.label = f"{current.label} :"
            line = line[1:].strip()
            if not line:
                continue
        if m is not None:
            number = " ".join(m.group("num").split()).upper()   # the label keeps it as printed
            label = line[: m.start("rest")].strip() if m.group("rest") else line.strip()
            node = Node(NodeType.DIKTUM.value, number=number, label=label)
            current = PasalDraft(number, label, no, node=node)
            if m.group("rest"):
                current.lines.append((no, m.group("rest")))
            drafts.append(current)
            top.append(node)
        elif current is not None:
            current.lines.append((no, line))
        elif line.strip():
            if unplaced is not None:
                unplaced.text = join_more(unplaced.text, line)
            else:
                unplaced = Node(NodeType.TEXT.value, label=UNPLACED, text=line.strip())
                top.append(unplaced)
            orphans.append((no, line))
        if line.strip():
            before = line
    return top, drafts, orphans

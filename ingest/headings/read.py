"""The headings of the batang tubuh (BAB, Bagian, Paragraf, Pasal), found wherever real layouts put them.

The numbering sequence is the evidence. A line that reads as the next Pasal heading is one, whether it stands on
its own line ("Pasal 5"), was glued to the end of the line before it ("... kepada Pihak yang Berhak. Pasal 41",
"BAB II PELAKSANAAN TUGAS Pasal 2"), or was damaged by OCR ("Pasal2", "PasaI 3", "Pasal 1 0", "Pasal 1l",
"Pasar 18"). A damaged or glued heading is accepted only when its number is exactly the next one of the
sequence, and each corrected heading is recorded (``corrections``: ``{line, from, to}``), so that nothing is
guessed silently. Lines that belong to no Pasal stay in the tree as flagged text nodes (``label`` is
:data:`UNPLACED`): clause text is never an artefact.

The shapes of single heading lines are in :mod:`rancang.ingest.headings.lines`.
"""

from __future__ import annotations

import re
from typing import Any

from rancang.ingest import grammar as g
from rancang.ingest.headings.lines import (
    CONTAINER_WORDS,
    HEADING_INITIALS,
    UNPLACED,
    PasalDraft,
    amends,
    amends_with_new_text,
    container_heading,
    container_number,
    ends_open_quote,
    glued_pasal,
    is_heading,
    leading_pasal,
    ocr_pasal_number,
    pasal_value,
    title_line,
    upper_line,
    wrapped_reference,
)
from rancang.ingest.quotes import has_quote, opens_quoted_text, quote_depth, starts_with_open
from rancang.ingest.units import join_more
from rancang.kinds import BODY_UNITS
from rancang.numbering import roman_value
from rancang.tree import Node


class _Reader:
    """The state of one pass over the body lines (see :func:`read_headings`)."""

    def __init__(self, lines: list[tuple[int, str]], keep_unplaced: bool, corrections: list[dict[str, Any]] | None):
        self.lines = list(lines)
        self.keep_unplaced = keep_unplaced
        self.corrections = corrections if corrections is not None else []
        self.top: list[Node] = []
        self.drafts: list[PasalDraft] = []
        self.orphans: list[tuple[int, str]] = []
        self.bab: Node | None = None
        self.bagian: Node | None = None
        self.paragraf: Node | None = None
        self.current: PasalDraft | None = None
        self.last_pasal = 0.0
        self.amending: bool | None = None   # decided when the first Roman Pasal is seen
        self.quote_ends: set[int] = set()   # lines where a quote that never closed ends
        self.unplaced: Node | None = None   # the flagged text node the last unplaced line went to

    def container(self) -> list[Node]:
        for node in (self.paragraf, self.bagian, self.bab):
            if node is not None:
                return node.children
        return self.top

    def split_glued(self, i: int, in_title: bool = False) -> None:
        """Split line ``i`` in two when it ends with the next Pasal heading glued on."""
        no, line = self.lines[i]
        if self.amending:
            return
        parts = glued_pasal(line, int(self.last_pasal) + 1, in_title)
        if parts is not None:
            self.lines[i:i + 1] = [(no, parts[0]), (no, parts[1])]

    def split_leading(self, i: int) -> None:
        """Split line ``i`` in two when it starts with the next Pasal heading and runs on with its text."""
        no, line = self.lines[i]
        if self.amending or line[:1] != "P" or g.PASAL.match(line):
            return
        before = next((ln for _, ln in reversed(self.lines[max(0, i - 3):i]) if ln.strip()), "")
        parts = leading_pasal(line, int(self.last_pasal) + 1, before)
        if parts is not None:
            self.lines[i:i + 1] = [(no, parts[0]), (no, parts[1])]

    def title_after(self, i: int, upper: bool, started: bool = False) -> tuple[str, int]:
        """The title lines after a heading: upper-case lines for a BAB; for Bagian/Paragraf the first line, and
        further lines while they read as a wrapped title. ``started``: the title began on the heading's own
        line, so every line taken must read as its continuation, and the next line must be a heading."""
        parts: list[str] = []
        j = i + 1
        while j < len(self.lines):
            if not self.lines[j][1].strip():
                j += 1
                continue
            self.split_glued(j, in_title=not upper)
            text = self.lines[j][1]
            if is_heading(text) or g.BARE_MARKER.match(text) or g.MARKER.match(text) or self.pasal_at(j):
                break
            if upper and not upper_line(text):
                break
            if not upper and (parts or started) and not title_line(text):
                break
            parts.append(text.strip())
            j += 1
        if started and parts and j < len(self.lines) and not is_heading(self.lines[j][1]):
            return "", i + 1  # not followed by a heading: the lines were text, not title
        return " ".join(parts), j

    def pasal_at(self, i: int) -> tuple[str, bool] | None:
        """(number, corrected) when line ``i`` is the heading of a Pasal of this act, by the sequence."""
        line = self.lines[i][1]
        if line[:1] not in "Pp":
            return None
        m = g.PASAL.match(line) if line[:1] == "P" else None
        if m is None:
            num = ocr_pasal_number(line)
            if num is None or int(num) != self.last_pasal + 1 or (self.amending and self.drafts):
                return None
            return num, True
        num = m.group("num")
        corrected = False
        if not num[0].isdigit():
            if self.amending is None:
                self.amending = amends(self.lines[i:])
            if not self.amending and roman_value(num) == self.last_pasal + 1:
                num, corrected = str(roman_value(num)), True   # "Pasal I" of an ordinary act is Pasal 1
        elif self.amending and self.drafts:
            return None  # an arabic Pasal after the act's Pasal I is the new text of an amendment
        value = pasal_value(num)
        if value <= self.last_pasal or (self.last_pasal and value > self.last_pasal + 10) \
                or wrapped_reference(self.lines, i) or (num[0].isdigit() and self.new_text(i, value)):
            return None
        return num, corrected

    def new_text(self, i: int, value: float) -> bool:
        """Is the Pasal heading at line ``i`` new text of another act, printed without quote marks, inside a Pasal
        of this act that amends it ("Beberapa ketentuan dalam Peraturan Bupati ... diubah sebagai berikut:" /
        "1. Ketentuan Pasal 6 diubah sehingga berbunyi sebagai berikut:" / "Pasal 6")? Once such an instruction is
        read, only this act's next Pasal is a heading, and never right after an instruction's ":"."""
        current = self.current
        if current is None or not amends_with_new_text(current.lines):
            return False
        before = next((ln for _, ln in reversed(self.lines[max(0, i - 3):i]) if ln.strip()), "")
        return value != self.last_pasal + 1 or before.rstrip().endswith(":")

    def unplaced_line(self, no: int, line: str, after_unplaced: bool) -> None:
        """A line before any Pasal: kept as flagged text where it stands (or returned as an orphan)."""
        if not self.keep_unplaced:
            self.orphans.append((no, line))
            return
        if after_unplaced and self.unplaced is not None:
            self.unplaced.text = join_more(self.unplaced.text, line)
            return
        self.unplaced = Node("text", label=UNPLACED, text=line.strip())
        self.container().append(self.unplaced)
        self.orphans.append((no, line))

    def container_node(self, i: int, kind: str, m: re.Match[str]) -> int:
        """Open a BAB, Bagian or Paragraf at line ``i``; returns the index of the line after its title."""
        title = m.group("title")
        if title is None:
            title, i = self.title_after(i, upper=kind == "bab")
        else:
            # a title printed beside the heading may wrap: "Bagian Ketujuh Pemanfaatan Teknologi Informasi dan"
            more, i = self.title_after(i, upper=kind == "bab", started=True)
            title = f"{title.strip()} {more}" if more else title
        num = container_number(kind, m.group("num"))
        # the label as printed, with its own punctuation ("BAB I.", "BAB II -"): nothing of the line is lost
        label = f"{CONTAINER_WORDS[kind]} {m.group('num')}"
        printed = (m.string[:m.start("title")] if m.group("title") is not None else m.string).strip()
        node = Node(kind, number=num, label=printed if printed.lower() != label.lower() else label,
                    heading=title or None)
        if kind == "bab":
            self.bab, self.bagian, self.paragraf = node, None, None
            self.top.append(node)
        elif kind == "bagian":
            (self.bab.children if self.bab is not None else self.top).append(node)
            self.bagian, self.paragraf = node, None
        else:
            holder = self.bagian or self.bab
            (holder.children if holder is not None else self.top).append(node)
            self.paragraf = node
        self.current = None
        return i

    def pasal_node(self, i: int, num: str, corrected: bool) -> None:
        no, line = self.lines[i]
        if corrected:
            self.corrections.append({"line": no, "from": line.strip(), "to": f"Pasal {num}"})
        self.last_pasal = pasal_value(num)
        node = Node("pasal", number=num, label=line.strip())
        self.current = PasalDraft(num, line.strip(), no, node=node)
        self.drafts.append(self.current)
        self.container().append(node)

    def run(self) -> tuple[list[Node], list[PasalDraft], list[tuple[int, str]]]:
        i = 0
        depth = 0
        after_unplaced = False
        while i < len(self.lines):
            no, line = self.lines[i]
            if depth > 0 and (no in self.quote_ends or ends_open_quote(line, self.last_pasal, self.drafts)):
                depth = 0
            current = self.current
            if depth > 0 or (has_quote(line) and starts_with_open(line) and opens_quoted_text(
                    line, current.lines[-1][1] if current is not None and current.lines else "")):
                # quoted new text of an amending act: never a heading of this act
                depth = max(0, (0 if depth == 0 and starts_with_open(line) else depth) + quote_depth(line))
                if current is not None:
                    current.lines.append((no, line))
                elif line.strip():
                    self.unplaced_line(no, line, after_unplaced)
                    after_unplaced = True
                i += 1
                continue
            depth = max(0, quote_depth(line)) if has_quote(line) and opens_quoted_text(line, "") else 0
            last = line[-1:]
            if last.isdigit() or "A" <= last <= "Z":
                self.split_glued(i)  # (only a line ending in a number, "Pasal 41" / "Pasal 7A", can hold one)
                no, line = self.lines[i]
            elif line[:1] not in HEADING_INITIALS:
                # the common case, a line of text: no heading starts with another letter
                if current is not None:
                    current.lines.append((no, line))
                elif line:
                    self.unplaced_line(no, line, after_unplaced)
                    after_unplaced = True
                i += 1
                continue
            # an amending act numbers its own Pasal I, II ...: a BAB, Bagian or arabic Pasal after its first
            # Pasal is the new text of an amendment (printed without quote marks), never a heading of the act
            amending = bool(self.drafts) and not self.drafts[0].number[0].isdigit()
            kind, m = (None, None) if amending else container_heading(line)
            if m is not None and kind is not None:
                i = self.container_node(i, kind, m)
                after_unplaced = False
                continue
            self.split_leading(i)
            no, line = self.lines[i]
            found = self.pasal_at(i)
            if found is not None:
                self.pasal_node(i, *found)
                after_unplaced = False
                i += 1
                continue
            if self.current is not None:
                self.current.lines.append((no, line))
            elif line.strip():
                self.unplaced_line(no, line, after_unplaced)
                after_unplaced = True
            i += 1
        return self.top, self.drafts, self.orphans


def read_headings(lines: list[tuple[int, str]], keep_unplaced: bool = False,
                  corrections: list[dict[str, Any]] | None = None, quote_ends: set[int] | None = None
                  ) -> tuple[list[Node], list[PasalDraft], list[tuple[int, str]]]:
    """One pass over the body lines ``[(line number, text)]``: the heading tree (BAB/Bagian/Paragraf holding
    Pasal drafts).

    Returns the top-level nodes, the Pasal drafts in order (each already placed as a ``pasal`` node, its
    ``node``), and the lines that belong to no Pasal. With ``keep_unplaced`` those lines also stay in the tree,
    as text nodes labelled :data:`UNPLACED` where they stand. Headings corrected by the sequence (OCR damage,
    "Pasal I" of an ordinary act) are appended to ``corrections`` as ``{line, from, to}``. ``quote_ends``: line
    numbers where a quote that never closed ends (this act's next Pasal after the quote's holder)."""
    reader = _Reader(lines, keep_unplaced, corrections)
    reader.quote_ends = quote_ends or set()
    return reader.run()


def drafts_by_node(drafts: list[PasalDraft]) -> dict[int, PasalDraft]:
    """id(Pasal node) -> the draft of its lines: the side table that pairs each Pasal of a heading tree with its
    draft (never an attribute stuck on the node)."""
    return {id(d.node): d for d in drafts if d.node is not None}


def pasal_nodes(nodes: list[Node]) -> list[Node]:
    """Every body unit (a Pasal; the diktum of a Keputusan) under these BAB/Bagian/Paragraf nodes, in order."""
    out: list[Node] = []
    for n in nodes:
        out.extend([n] if n.type in BODY_UNITS else pasal_nodes(n.children))
    return out

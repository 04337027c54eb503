"""The Lampiran (and a national act's Penjelasan) as structured text: headings, enumerated items, paragraphs,
figure captions and tables, flat and in order, each with an id, a nesting level and a cite a reader can follow.

Levels come from the printed enumerators (``BAB II``, ``A.``, ``1.``, ``a.``, ``1)``, ``a)``, ``(1)``, ``(a)``),
read the way a reader reads them (:class:`Outline`):

- an enumerator that continues the sequence of an open level ("b." after "a.") returns to that level;
- one that starts a sequence ("a.", "1)") right after an item that introduces a list ("1) Tahapan Perencanaan:")
  opens a deeper level under that item, whatever the bureau's convention of styles;
- otherwise a list that restarts a style already open ("1. Penunjukan" after a paragraph, under a new heading) is
  a sibling branch at that style's level, not a child of the last item; a style the document has printed above
  an open one ("1." over "a.") takes that level back;
- the Lampiran's own ``BAB`` opens the path ("Lampiran BAB II huruf A angka 1");
- a list that restarts under the same parent (a second "1. 2. 3." under "huruf B", after the first) is named by
  its place among that parent's lists, "Lampiran huruf B daftar kedua angka 2", so that every item's cite is its
  own and a reader following it lands on that item, not on the first list's "angka 2" (issue 29 item 5; the
  first list keeps the plain cite, the gold convention).

Nesting is capped at :data:`MAX_DEPTH` levels, so cites stay short and the whole pass stays linear in the
number of lines whatever the input (2,000 lines of "a." read as 2,000 siblings). Wrapped lines are joined by the
same clause rule as the body.
"""

from __future__ import annotations

import re
from typing import Any

from rancang.ingest.units import join_more, parse_marker
from rancang.numbering import huruf_value, ordinal, roman_value
from rancang.parts import Block

_UPPER_ITEM = re.compile(r"^(?P<label>[A-Z])\.\s+(?P<rest>\S.*)$")
_ROMAN_ITEM = re.compile(r"^(?P<label>[IVX]{1,4})\.\s+(?P<rest>\S.*)$")
_BAB = re.compile(r"^BAB\s+(?P<label>[IVXLC]+)\b")
#: "(a)" — the deepest printed level of a Lampiran (the body's grammar has no such enumerator)
_PAREN_HURUF = re.compile(r"^\((?P<label>[a-z]{1,2})\)\s+(?P<rest>\S.*)$")
#: the closing signature of a Lampiran: "BUPATI MALANG, ttd.", "Pj. WALI KOTA BOGOR" (or in capitals, "PJ. WALI
#: KOTA BOGOR", "PENJABAT BUPATI ..."), then "Ttd." and the name
_SIGNER = re.compile(r"^(?:(?i:pj|plt|plh)\.\s*|PENJABAT\s+)?(?:BUPATI|WALI\s*KOTA|WALIKOTA|GUBERNUR)"
                     r"\s+[A-Z][A-Z .'-]*?,?(?:\s+[Tt][Tt][Dd]\.?)?\s*$")
_SIGNATURE_TAIL = re.compile(r"^(?:[Tt][Tt][Dd]\.?|NIP\.?\s*[\d ]+|[A-Z][A-Z.,' -]{2,60})$")
_CAPTION = re.compile(r"^(?:Gambar|Tabel|Bagan|Diagram)\s+\d+(?:\.\d+)*\b", re.I)
_WORD = {"roman": "angka", "upper": "huruf", "angka": "angka", "huruf": "huruf", "angkap": "angka",
         "hurufp": "huruf", "ayat": "angka", "hurufpp": "huruf"}
#: styles that head a whole part: a new "A." never nests under an item, it restarts its level
_TOP_STYLES = ("roman", "upper")
#: the deepest list level kept; deeper enumerators become siblings at this level
MAX_DEPTH = 8


def _is_heading(line: str) -> bool:
    return line.isupper() and len(line) >= 3 and not line.rstrip().endswith((";", ","))


_CLAUSE_ENDS = (".", ":", ";", "?", "!")
#: a list item closed by its conjunction ("...; dan", "...; dan/atau"): the next line is the next item
_ITEM_END = re.compile(r";\s*(?:dan|atau|dan/atau|serta)\s*$")


def _ended(text: str) -> bool:
    text = text.rstrip()
    return text.endswith(_CLAUSE_ENDS) or (text.endswith(("dan", "atau", "serta")) and _ITEM_END.search(text)
                                          is not None)


def _is_title(line: str) -> bool:
    """A line that can be the title of an item: capitalised, short, no closing punctuation."""
    return line[0].isupper() and len(line) <= 120 and not line.endswith(_CLAUSE_ENDS + (",",))


def _is_intro(line: str) -> bool:
    """A capitalised sentence that introduces a list ("Adapun rincian ... sebagai berikut:"): it opens a
    paragraph of its own, never the wrapped tail of the item above it (whose last line lost its stop)."""
    return line[0].isupper() and line.endswith(":") and line.count(" ") >= 3
_CLOSERS = frozenset(".)")


class Outline:
    """The open levels of a Lampiran's outline, outermost first, each ``[style, value, cite]``.

    >>> o = Outline("Lampiran")
    >>> o.bab("II"); o.place("upper", 1, "A", False); o.place("angka", 1, "1", False)
    'Lampiran BAB II'
    'Lampiran BAB II huruf A'
    'Lampiran BAB II huruf A angka 1'
    >>> o.place("huruf", 1, "a", True)           # under an intro item ("1. Tahapan Perencanaan:")
    'Lampiran BAB II huruf A angka 1 huruf a'
    >>> o.place("angka", 2, "2", False)
    'Lampiran BAB II huruf A angka 2'
    >>> o.place("angka", 1, "1", False)          # a restart after a paragraph: a sibling branch, a second list
    'Lampiran BAB II huruf A daftar kedua angka 1'
    >>> o.place("huruf", 1, "a", True)
    'Lampiran BAB II huruf A daftar kedua angka 1 huruf a'
    """

    def __init__(self, root: str):
        self.root = root
        self.stack: list[list[Any]] = []
        self.parents: set[tuple[str, str]] = set()  # (parent style, child style) pairs printed so far
        self.lists: dict[tuple[str, str], int] = {}  # (parent cite, style) -> the ordinal of its current list
        self.cites: set[str] = set()  # the item cites given so far

    @property
    def cite(self) -> str:
        return self.stack[-1][2] if self.stack else self.root

    @property
    def depth(self) -> int:
        return len(self.stack)

    def bab(self, label: str) -> str:
        """A Lampiran BAB: the path starts again from it."""
        self.stack = [["bab", 0, f"{self.root} BAB {label}"]]
        return self.cite

    def place(self, style: str, value: int, label: str, intro: bool) -> str:
        """Open, keep or close levels for an enumerator of ``style`` at ``value``; the new item's cite.

        ``intro``: the block before it is an item that introduces a list (ends with ":")."""
        stack = self.stack
        same = [d for d, lv in enumerate(stack) if lv[0] == style]
        for d in reversed(same):  # continues an open sequence: back to that level
            last = stack[d][1]
            if value == last + 1 or (value > last > 0 and value != 1):
                return self._set(d, style, value, label)
        if value > 1 and same:
            return self._set(same[-1], style, value, label)
        if same and (not intro or style in _TOP_STYLES):
            return self._set(same[-1], style, value, label)  # a restart: a sibling branch
        if not intro:
            # a style printed above an open one takes its level back ("1. Kedudukan" after "c. ...")
            above = [d for d, lv in enumerate(stack) if lv[0] != "bab" and (style, lv[0]) in self.parents
                     and (lv[0], style) not in self.parents]
            if above:
                return self._set(above[0], style, value, label)
        return self._set(min(len(stack), MAX_DEPTH - 1) if stack else 0, style, value, label)

    def _set(self, depth: int, style: str, value: int, label: str) -> str:
        del self.stack[depth:]
        parent = self.stack[-1] if self.stack else None
        if parent is not None:
            self.parents.add((parent[0], style))
        base = parent[2] if parent else self.root
        key = (base, style)
        cite = self._cite(base, style, label, self.lists.get(key, 1))
        if cite in self.cites:  # this parent's list of this style has had this label: a new list begins
            self.lists[key] = self.lists.get(key, 1) + 1
            cite = self._cite(base, style, label, self.lists[key])
        self.cites.add(cite)
        self.stack.append([style, value, cite])
        return cite

    @staticmethod
    def _cite(base: str, style: str, label: str, n: int) -> str:
        """The cite of item ``label`` of the ``n``-th list of ``style`` under ``base`` ("daftar kedua" from the
        second on)."""
        which = f" daftar {ordinal(n).lower()}" if 1 < n <= 99 else f" daftar {n}" if n > 99 else ""
        return f"{base}{which} {_WORD[style]} {label}"


def _enumerator(line: str, c: str) -> tuple[str, int, str, str] | None:
    """(style, value, label, rest) of the enumerator opening ``line`` (first character ``c``), or None."""
    if c in "IVX" and (m := _ROMAN_ITEM.match(line)) is not None and (value := roman_value(m.group("label"))):
        return "roman", value, f"{m.group('label')}.", m.group("rest")
    if line[1:2] == "." and "A" <= c <= "Z" and (m2 := _UPPER_ITEM.match(line)) is not None:
        return "upper", huruf_value(c), f"{m2.group('label')}.", m2.group("rest")
    if c == "(" and (m3 := _PAREN_HURUF.match(line)) is not None and (value := huruf_value(m3.group("label"))):
        return "hurufpp", value, f"({m3.group('label')})", m3.group("rest")
    if c == "(" or (c.isdigit() or c.islower()) and (
            line[1:2] in _CLOSERS or line[2:3] in _CLOSERS or line[3:4] in _CLOSERS):
        parsed = parse_marker(line)  # (called only where an enumerator can stand: "a." "12)" "(3)")
        if parsed is not None:
            mk, rest = parsed
            return mk.style, mk.value, mk.label, rest
    return None


def _pipe_row(line: str) -> bool:
    """A text table row "| No | Nama |": its cells go to the table's rows, its pipes to ``stats.removed``."""
    return line[:1] == "|" and line.endswith("|") and len(line) > 2


def table_rules(lines: list[str], offset: int) -> list[dict[str, Any]]:
    """One ``{"kind": "table_rule", "line", "text"}`` record per text table row of ``lines`` (the part starting at
    0-based line ``offset``): the pipes that :func:`parse` drops when it splits the row into cells."""
    return [{"kind": "table_rule", "line": offset + i + 1, "text": "|" * line.count("|")}
            for i, raw in enumerate(lines) if _pipe_row(line := raw.strip())]


class _Reader:
    """The state of one pass over a Lampiran: the blocks so far, the outline, the open block."""

    def __init__(self, prefix: str, canonical: bool):
        self.prefix, self.canonical = prefix, canonical
        self.blocks: list[Block | None] = []
        self.outline = Outline("Lampiran" if prefix == "lampiran" else "Penjelasan")
        self.open = Block(type="", text="")  # (no block is open yet)
        self.otype = ""  # the open block's type ("" when none is open)
        self.signing = 0  # lines of a signature block still expected (Ttd., the name)
        self.detached: list[tuple[int, list[list[Any]]]] = []  # items printed without text: position, path

    def add(self, kind: str, text: str, label: str | None = None, level: int = 0) -> None:
        self.open = Block(type=kind, text=text, id=f"{self.prefix}-{len(self.blocks) + 1}", cite=self.outline.cite,
                          label=label, level=level)
        self.otype = kind
        self.blocks.append(self.open)

    def feed(self, line: str) -> None:
        """Read one non-empty, stripped line."""
        c = line[0]
        signer = c in "PBWG" and _SIGNER.match(line) is not None
        if signer or (self.signing and _SIGNATURE_TAIL.match(line)):
            self.signing = 3 if signer else self.signing - 1
            self.add("signature", line)
            return
        self.signing = 0
        if c == "|" and _pipe_row(line):
            line = "\t".join(c.strip() for c in line.strip("|").split("|"))
        if "\t" in line:
            self.table([c.strip() for c in line.split("\t")])
        elif not self.item(line, c) and not self.detached_title(line):
            self.prose(line, c)

    def table(self, cells: list[str]) -> None:
        if self.otype == "table" and self.open.rows is not None:
            self.open.rows.append(cells)
            self.open.text += " | " + " ".join(cells)
        else:
            self.add("table", " ".join(cells))
            self.open.rows = [cells]

    def item(self, line: str, c: str) -> bool:
        enum = _enumerator(line, c)
        if enum is None:
            return False
        style, value, label, rest = enum
        intro = self.otype == "item" and self.open.text.rstrip().endswith(":")
        self.outline.place(style, value, label.strip(".()"), intro)
        self.add("item", rest, label, self.outline.depth)
        if rest:  # the column of detached labels ends at an item beside or above them
            self.detached[:] = [d for d in self.detached if len(d[1]) < self.outline.depth]
        elif len(self.detached) < MAX_DEPTH:
            self.detached.append((len(self.blocks) - 1, list(self.outline.stack)))
        return True

    def detached_title(self, line: str) -> bool:
        """A column of labels printed apart from their titles ("1)" "2)" then "Mekanisme ..."): each title, in
        order, is the text of the next label that has none; the label moves to where its title is printed."""
        while self.detached and self.blocks[self.detached[0][0]].text:  # type: ignore[union-attr]
            self.detached.pop(0)  # a label whose text followed it after all
        if not (self.detached and _is_title(line) and (self.otype not in ("item", "paragraph")
                                                       or not self.open.text or _ended(self.open.text))):
            return False
        at, self.outline.stack = self.detached.pop(0)
        self.open, self.blocks[at] = self.blocks[at], None  # type: ignore[assignment]
        self.open.text, self.otype = line, "item"
        self.blocks.append(self.open)
        return True

    def prose(self, line: str, c: str) -> None:
        """A caption, a wrapped line of the open block, a heading (a Lampiran BAB opens the path) or a
        paragraph."""
        if c in "GTBDgtbd" and _CAPTION.match(line):
            self.add("caption", line)
            return
        if self.canonical:
            self.otype = ""
        heading = line.isupper() and len(line) >= 3 and not line.endswith((";", ","))  # _is_heading, inline
        text = self.open.text
        if (self.otype == "item" or self.otype == "paragraph") and not heading and not _ended(text) \
                and not _is_heading(text) and not (self.otype == "item" and _is_intro(line)):
            self.open.text = join_more(text, line)
            return
        if not heading:
            self.add("paragraph", line)
            return
        self.detached.clear()
        bab = _BAB.match(line)
        if self.otype == "heading" and (bab is None and not _BAB.match(text) or _BAB.fullmatch(text.strip())):
            self.open.text = join_more(text, line)
            return
        if bab is not None:
            self.outline.bab(bab.group("label"))
        self.add("heading", line)

    def result(self) -> list[Block]:
        out = [b for b in self.blocks if b is not None]
        if len(out) != len(self.blocks):
            for n, b in enumerate(out, 1):  # a detached label moved to where its title is printed: ids in order
                b.id = f"{self.prefix}-{n}"
        return out


def parse(lines: list[str], prefix: str = "lampiran", canonical: bool = False) -> list[Block]:
    """Blocks of a Lampiran (:class:`~rancang.parts.Block`: type, id, cite, label, level, text, and ``rows`` for a
    table), in order.

    ``type`` is heading | item | paragraph | caption | table | signature; ``level`` the item's depth in the
    outline (0 for other blocks, which take the cite of the list position they stand in). One pass; each
    pattern is tried only on lines whose first character it can match: a Lampiran is most of a regulation's
    lines, so per-line work here is most of the reader's time. Never raises on any list of strings."""
    reader = _Reader(prefix, canonical)
    for raw in lines:
        line = raw.strip()
        if line:
            reader.feed(line)
    return reader.result()

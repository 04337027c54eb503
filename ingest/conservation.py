"""Conservation of characters: every non-blank character of the source is in the tree or in ``stats.removed``.

Used by the tests and available to users (``rancang ingest --check-lossless`` style checks), because "lossless"
should be something one can prove on any file, not only on the seeds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from rancang.ingest.headings.lines import UNPLACED
from rancang.ingest.readers.docx import reader as docx
from rancang.tree import Node, Regulation


def _node_strings(node: Node) -> Iterator[str]:
    if node.type in ("bab", "bagian", "paragraf", "pasal"):
        yield node.label or ""
    elif node.label and node.label != UNPLACED:  # the flag of text no Pasal holds is the reader's, not the source's
        yield node.label
    if node.heading and node.type != "perubahan":  # "dihapus" names what an instruction does; its words are kept
        yield node.heading
    yield node.text
    for child in node.children:
        yield from _node_strings(child)


def tree_strings(reg: Regulation) -> Iterator[str]:
    """Every string of the tree that came from the source text."""
    yield from reg.preamble
    for item in reg.menimbang + reg.mengingat:
        if item.label:
            yield item.label
        yield item.text
    yield from reg.diktum
    for node in reg.body:
        yield from _node_strings(node)
    yield from reg.penutup.lines
    for block in reg.lampiran + reg.penjelasan:
        if block.label:
            yield block.label
        if block.type == "table":
            for row in block.rows or []:
                yield from row
        else:
            yield block.text
    for r in reg.stats.removed if reg.stats is not None else []:
        yield r["text"]


def chars(strings) -> Counter:
    out: Counter = Counter()
    for s in strings:
        out.update(ch for ch in s if not ch.isspace())
    return out


def difference(source_text: str, reg: Regulation) -> tuple[Counter, Counter]:
    """(characters of the source missing from the tree, characters in the tree not in the source). A character
    the reader put in place of another (a record of ``stats.removed`` with ``"to"``: the Latin "a" for a
    Cyrillic look-alike in a heading word) is not invented: the record names it."""
    src, got = chars([source_text]), chars(tree_strings(reg))
    got -= chars(r["to"] for r in (reg.stats.removed if reg.stats is not None else []) if r.get("to"))
    return src - got, got - src


def folded(strings) -> Counter:
    """The non-blank characters of ``strings`` case-folded (All Caps changes the case Word shows, not the text)."""
    out: Counter = Counter()
    for s in strings:
        out.update(ch for ch in s.casefold() if not ch.isspace())
    return out


def difference_docx(data: bytes, reg: Regulation) -> tuple[Counter, Counter]:
    """Conservation of a Word file measured against its package, not against the reader's own extraction:
    (characters of the package -- every ``w:t``, ``w:sym``, ``m:t``, note, comment, header and imported chunk text,
    :func:`~rancang.ingest.readers.docx.reader.package_strings` -- missing from the tree and ``stats.removed``,
    characters of the tree that the package does not hold). Case is folded (All Caps); the list labels Word draws
    from numbering.xml and the cell rules of tables are the reader's own and are not counted as invented."""
    src = folded(docx.package_strings(data))
    got = folded(tree_strings(reg))
    generated = folded(docx.read(data).extra.get("generated", []))
    return src - got, got - src - generated

"""Bounds on the lines a reader hands to the parser (issue 32 item 5: bounded work, ``data/limits.json``).

A document of more than ``limits.document_lines`` lines (3 MB of one-line list items that each nest one level
deeper: 21 s of parsing before the output bound refuses it), a line longer than ``limits.line_chars`` characters,
or one line holding more than ``limits.line_enumerators``
enumerators run together ("a. x; a. x; ..." 40,000 times: each becomes a list item nested under the one before,
seconds of work and fifty megabytes of tree for 240 KB of text), is no regulation as printed or copied: it is
refused with one sentence before any parsing. Both checks are one linear pass; the count runs only on a line long
enough to hold that many enumerators.

After parsing, :func:`tree` bounds the tree by the same rule as an output (``limits.output_ratio`` times the
input's size, at least ``limits.output_floor_bytes``): 190,000 "a. x;" lines, each a list item one level deeper
up to ``limits.list_depth``, are 1.1 MB of text and a tree whose ids and cites alone are 57 MB; it is refused
before the schema validation and any JSON double it.
"""

from __future__ import annotations

import re

from rancang.errors import InputError
from rancang.limits import limit
from rancang.tree import Regulation

#: an enumerator after a clause end, as copy-paste runs them together: "...; b. ", "... : (2) ", ". 3. "
_ENUMERATOR = re.compile(r"[.;:] ++(?:\(\d{1,3}\)|[a-z]{1,2}\.|\d{1,3}\.)(?= )")
#: the shortest an enumerator run together can be ("; a. ")
_SHORTEST = 4


def check(lines: list[str], name: str = "") -> None:
    """Refuse ``lines`` (a document's lines as read) with InputError when there are more than
    ``limits.document_lines``, or naming the line when one is longer than ``limits.line_chars`` or holds more than
    ``limits.line_enumerators`` enumerators; None otherwise.

    >>> check(["Pasal 1", "Pegawai wajib: a. hadir; b. pulang."])
    >>> try:
    ...     check(["Pasal 1", "Pegawai wajib: " + "a. x; " * 5000], "x.txt")
    ... except InputError as exc:
    ...     print(exc.message[:64])
    x.txt: baris 2 memuat 5000 butir bernomor yang menyatu dalam sat
    """
    most_chars, most_items = limit("line_chars"), limit("line_enumerators")
    label = name or "berkas"
    if len(lines) > limit("document_lines"):
        raise InputError(f"{label}: {len(lines)} baris, melebihi batas {limit('document_lines')} baris satu dokumen; "
                         "pecah dokumennya lalu baca per bagian.")
    for no, line in enumerate(lines, 1):
        if len(line) > most_chars:
            raise InputError(f"{label}: baris {no} panjangnya {len(line)} karakter, melebihi batas {most_chars}; "
                             "berkas ini tidak tampak seperti teks peraturan.")
        if len(line) > most_items * _SHORTEST:
            items = sum(1 for _ in _ENUMERATOR.finditer(line))
            if items > most_items:
                raise InputError(f"{label}: baris {no} memuat {items} butir bernomor yang menyatu dalam satu baris, "
                                 f"melebihi batas {most_items}; pisahkan butirnya per baris.")


def tree(reg: Regulation, size: int, name: str = "") -> None:
    """Refuse ``reg``, read from ``size`` bytes, when the characters of its nodes' ids, cites, texts and headings
    (a lower bound of its JSON, counted in one pass without allocating) pass ``limits.output_ratio`` times ``size``
    and ``limits.output_floor_bytes``; InputError, one sentence. A real regulation's tree is a few times its text
    (``tests/test_bounds.py``); the tree of a list nested a level deeper on every line repeats its ancestors'
    addresses in each node."""
    most = max(limit("output_floor_bytes"), limit("output_ratio") * size)
    least = 0
    for node in reg.walk():
        least += len(node.id) + len(node.cite) + len(node.text) + len(node.heading or "")
        if least > most:
            raise InputError(f"{name or 'berkas'}: hasilnya lebih dari {least // 1_000_000} MB, lebih dari "
                             f"{limit('output_ratio')} kali ukuran berkasnya ({size // 1000} KB); berkas ini tidak "
                             "tampak seperti teks peraturan.")

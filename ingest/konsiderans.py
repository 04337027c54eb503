"""Menimbang and Mengingat: the lettered or numbered entries of the konsiderans and the dasar hukum, and the
citation of each act a Mengingat entry names (jenis, nomor, tahun, tentang, and the acts that amended it).

UU 12/2011 Lampiran II angka 19-27 (konsiderans) and 28-50 (dasar hukum).
"""

from __future__ import annotations

import re
from typing import Any

from rancang.ingest.units import bare_marker, continues_reference, join_lines, parse_marker
from rancang.kinds import heads_pattern
from rancang.parts import Citation, Dasar, Konsiderans

_ACT_START = re.compile(r"^(?:Pasal\s+\d+.*?)?(?:Undang-Undang|Peraturan|Keputusan|Instruksi|Qanun)\b")


def split_items(lines: list[str], canonical: bool = False) -> list[Konsiderans]:
    """Lettered or numbered entries of Menimbang/Mengingat. An entry ends with ";" (or "." for the last);
    an entry without its label (lost in extraction) is still an entry when the previous one has ended."""
    items: list[dict[str, Any]] = []
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        # (the colon after "Menimbang" / "Mengingat", also on a line of its own, is taken off and recorded by the
        # parser; any later colon is text: nothing is dropped here)
        if not canonical and items and items[-1]["lines"] and continues_reference(items[-1]["lines"][-1]):
            items[-1]["lines"].append(line)  # "... Undang-Undang Nomor" / "12": the number, not a label
            continue
        bm = None if canonical else bare_marker(line)
        if bm is not None and not _ACT_START.match(line) and not (bm.style == "ayat" and _open_item(items)):
            items.append({"label": line, "lines": []})
            continue
        parsed = parse_marker(line)
        if parsed is not None and parsed[0].style in ("huruf", "angka"):
            marker, rest = parsed
            # (after a bare label whose text never came, "b." / "c. bahwa ...": both labels are kept)
            items.append({"label": marker.label, "lines": [rest]})
            continue
        if items and not canonical and (
            not items[-1]["lines"] or _open_item(items) or (items[-1]["label"] and _in_brackets(items[-1]["lines"]))
        ):
            # a wrapped line; also after a stray ";" typed inside a citation's brackets ("(Lembaran Negara ...
            # Nomor 141;" / "Tambahan Lembaran Negara ...)"), which ends no entry
            items[-1]["lines"].append(line)
        else:
            items.append({"label": None, "lines": [line]})
    return _labelled_entries(items)


def _labelled_entries(items: list[dict[str, Any]]) -> list[Konsiderans]:
    """The entries with their texts. Enumerators printed as a column of their own ("1." / "2." / "3." and then
    the three texts, as a two-column PDF gives them) label the texts that follow, in order; an enumerator that no
    text follows is still an entry (its text empty), so nothing printed is lost."""
    out: list[Konsiderans] = []
    pending: list[str | None] = []
    for it in items:
        if not it["lines"]:
            pending.append(it["label"])
            continue
        label = it["label"]
        if pending:
            if label is not None:
                pending.append(label)
            label = pending.pop(0)
        out.append(Konsiderans(label=label, text=join_lines(it["lines"])))
    out.extend(Konsiderans(label=label, text="") for label in pending)
    return out


def _open_item(items: list[dict[str, Any]]) -> bool:
    """Does the last entry still go on (its text does not end with ";" or ".")?"""
    return bool(items) and bool(items[-1]["lines"]) and not join_lines(items[-1]["lines"]).rstrip().endswith(
        (";", "."))


def _in_brackets(lines: list[str]) -> bool:
    """Is a bracket of these lines still open (more "(" than ")")?"""
    opened = sum(ln.count("(") for ln in lines)
    return opened > 0 and opened > sum(ln.count(")") for ln in lines)


_CITATION = re.compile(rf"""
    (?P<jenis>Undang-Undang\s+Dasar[^,;(]*?Tahun\s+1945
      |Undang-Undang(?:\s+Darurat)?
      |Peraturan\s+Pemerintah\s+Pengganti\s+Undang-Undang
      |Peraturan\s+Pemerintah
      |Peraturan\s+Presiden
      |Keputusan\s+Presiden
      |Peraturan\s+Menteri[^,;()]*?(?=\s+Nomor)
      |Peraturan\s+Badan[^,;()]*?(?=\s+Nomor)
      |Peraturan\s+Daerah(?:\s+(?:Provinsi|Kabupaten|Kota)[^,;()]*?)?(?=\s+Nomor)
      |(?:Peraturan|Keputusan|Instruksi)\s+(?:{heads_pattern()})[^,;()]*?(?=\s+Nomor))
    (?:\s+Nomor\s+(?P<nomor>[\w./-]+))?
    (?:\s+Tahun\s+(?P<tahun>\d{{4}}))?
    (?:\s+tentang\s+(?P<tentang>.+?))?
    (?=\s*[(,;]|\s*$|\s+(?:sebagaimana|dengan\s+mengubah))""", re.X | re.I)


def citation(text: str) -> Citation:
    """The first act cited in ``text`` (jenis, nomor, tahun, tentang; all None when none is)."""
    return _citation_of(next(_citations(text), None))


#: every citation starts with one of these words (in any case)
_CITATION_WORDS = ("undang-undang", "peraturan", "keputusan")


def _citations(text: str):
    """``_CITATION.finditer(text)``, tried only where an act's name starts.

    The pattern ignores case, which keeps the regex engine from skipping ahead to candidates: it would try every
    position of the text. In ASCII text (lower-casing keeps offsets) the candidates are found with ``str.find``."""
    if not text.isascii():
        yield from _CITATION.finditer(text)
        return
    low = text.lower()
    starts = []
    for word in _CITATION_WORDS:
        i = low.find(word)
        while i >= 0:
            starts.append(i)
            i = low.find(word, i + 1)
    end = 0
    for start in sorted(starts):
        if start < end:
            continue
        m = _CITATION.match(text, start)
        if m is not None:
            yield m
            end = max(m.end(), start + 1)


def _citation_of(m: re.Match[str] | None) -> Citation:
    if not m:
        return Citation()
    return Citation(jenis=" ".join(m.group("jenis").split()), nomor=m.group("nomor"),
                    tahun=int(m.group("tahun")) if m.group("tahun") else None,
                    tentang=m.group("tentang").strip() if m.group("tentang") else None)


def mengingat_entry(item: Konsiderans) -> Dasar:
    """A Mengingat entry with its citation and, for amended acts, every amending act listed."""
    text = item.text
    entry = Dasar(label=item.label, text=text, citation=citation(text))
    m = re.search(r"sebagaimana\s+telah", text, re.I)
    if m:
        tail = text[m.end():]
        for cm in _citations(tail):
            cit = _citation_of(cm)
            if cit.nomor and cit != entry.citation:
                entry.amendments.append(cit)
    return entry


def citations_in(text: str) -> list[tuple[Citation, int, int]]:
    """Every act ``text`` cites in its own right, in order, with the span of its name: ``[(citation, start,
    end)]``. An act named inside another act's title ("... tentang Perubahan atas Undang-Undang Nomor 23 Tahun
    2014 ...") lies inside the span of the act whose title holds it and is not listed on its own."""
    return [(_citation_of(m), m.start(), m.end()) for m in _citations(text)]

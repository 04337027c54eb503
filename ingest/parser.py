"""The parser: cleaned lines -> a :class:`~rancang.tree.Regulation`, in one pass per part.

1. :func:`split_parts` finds where each part of the act begins (Menimbang, Mengingat, MEMUTUSKAN, the first
   heading of the batang tubuh, "Ditetapkan di", LAMPIRAN, PENJELASAN) — one forward scan;
2. each part goes to the module that knows it (:mod:`meta`, :mod:`body`, :mod:`lampiran`);
3. ids and cites are assigned, then cross-references resolved (:mod:`refs`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rancang.address import number_tree
from rancang.errors import InputError
from rancang.ingest import body as body_mod
from rancang.ingest import canonical as canonical_mod
from rancang.ingest import dikta as dikta_mod
from rancang.ingest import grammar as g
from rancang.ingest import hazards, konsiderans, ocr_clauses
from rancang.ingest import lampiran as lampiran_mod
from rancang.ingest import meta as meta_mod
from rancang.ingest import penjelasan as penjelasan_mod
from rancang.ingest.clean import clean_lines, counts
from rancang.ingest.headings import read as headings
from rancang.ingest.headings import run_in, run_in_parts
from rancang.ingest.readers import Document
from rancang.ingest.refs import resolve as refs_mod
from rancang.ingest.units import bare_marker
from rancang.ingest.writers.markdown import CANONICAL_MARK
from rancang.kinds import NodeType
from rancang.kinds import body_unit as kind_body_unit
from rancang.parts import BeritaDaerah, Dasar, Konsiderans, Meta, Penutup, Source, Stats
from rancang.tree import Node, Regulation

#: the first letters of every line :func:`split_parts` looks for (Menimbang, Mengingat, MEMUTUSKAN, Dengan
#: Persetujuan, BAB, Pasal, KESATU, Ditetapkan, Disahkan, LAMPIRAN, PENJELASAN): other lines are passed over unread
_PART_INITIALS = frozenset("MmDdBPLK")
#: how far into the text the judul's jenis is looked for (kop lines, a gazette head, "SALINAN" stand before it)
_JENIS_LINES = 40


def body_unit_of(lines: list[str]) -> str:
    """The body unit the judul's jenis announces ("KEPUTUSAN BUPATI ..." -> "diktum"; "pasal" for a regulation,
    or when no jenis is found before Menimbang): :func:`rancang.kinds.body_unit`."""
    for ln in lines[:_JENIS_LINES]:
        if g.MENIMBANG.match(ln):
            break
        m = g.JENIS.match(ln)
        if m:
            return kind_body_unit(m.group("jenis"))
    return NodeType.PASAL.value


def _unit_heading(unit: str, ln: str, i: int, lines: list[str]) -> bool:
    """Does line ``i`` (``ln``) open a batang tubuh built of ``unit``: a BAB or Pasal heading, or diktum KESATU?"""
    c = ln[:1]
    if unit == NodeType.DIKTUM:
        return c in "KP" and dikta_mod.heading(ln, 1) is not None
    return (c == "B" and g.BAB.match(ln) is not None) or (c == "P" and (
        g.PASAL.match(ln) is not None or headings.ocr_pasal_number(ln) == "1"
        or headings.leading_pasal(ln, 1, lines[i - 1] if i else "") is not None))


def split_parts(lines: list[str], body_at: int | None = None, unit: str = "pasal",
                marked: set[int] | None = None) -> dict[str, tuple[int, int]]:
    """Line ranges [start, end) of each part present. The body starts at the first heading of its ``unit`` after
    the diktum (BAB or Pasal; KESATU for a Keputusan) (or after Mengingat when MEMUTUSKAN is missing), or at line
    ``body_at`` when a canonical text marks where it starts, and ends at "Ditetapkan di" / "Disahkan di".
    ``marked``: in a canonical text, the (1-based) lines written with heading marks: only those are headings (a
    Menimbang item "Pasal 1 angka 5 ... mengamanatkan ..." is text there, whatever its words)."""
    n = len(lines)
    marks: dict[str, int] = {}
    # each pattern is tried only on lines with its initial (the lines are cleaned, so stripped)
    candidates = [i for i, ln in enumerate(lines) if ln[:1] in _PART_INITIALS]
    if body_at is not None:
        candidates = sorted({*candidates, body_at})
    # the batang tubuh never starts before MEMUTUSKAN: a "Pasal 18" that a narrow line leaves alone in the
    # Mengingat ("1. Pasal 18" / "ayat (6) Undang-Undang Dasar ...") is not its first heading
    diktum_at = next((i for i in candidates if lines[i][:1] in ("M", "m") and g.MEMUTUSKAN.match(lines[i])), -1)
    for i in candidates:
        ln = lines[i]
        if i == body_at and "body" not in marks:
            marks["body"] = i
            continue
        c = ln[0]
        if "menimbang" not in marks and c in "Mm" and g.MENIMBANG.match(ln):
            marks["menimbang"] = i
        elif "mengingat" not in marks and "body" not in marks and c in "Mm" and g.MENGINGAT.match(ln):
            marks["mengingat"] = i
        elif "diktum" not in marks and "body" not in marks and (
                (c in "Mm" and (g.MEMUTUSKAN.match(ln) or "mengingat" in marks and g.MEMPERHATIKAN.match(ln)))
                or (c in "Dd" and g.PERSETUJUAN.match(ln))):
            # "Memperhatikan :" is no legal basis: it opens the diktum part, so Mengingat ends before it
            marks["diktum"] = i
        elif "body" not in marks and body_at is None and i > diktum_at and (marked is None or i + 1 in marked) \
                and _unit_heading(unit, ln, i, lines):
            # a text may begin with its batang tubuh ("Pasal 1" on the first line): that is the body too
            marks["body"] = i
        elif "body" in marks and "penutup" not in marks and c in "Dd" and (
                g.DITETAPKAN.match(ln) or g.DISAHKAN.match(ln)):
            marks["penutup"] = i
        elif "penutup" in marks and "lampiran" not in marks and ln[:1] == "L" and g.LAMPIRAN.match(ln):
            marks["lampiran"] = i
        elif "body" in marks and "penjelasan" not in marks and ln.startswith("PENJELASAN") \
                and g.PENJELASAN.match(ln):
            marks["penjelasan"] = i
    order = sorted(marks.items(), key=lambda kv: kv[1])
    ranges: dict[str, tuple[int, int]] = {}
    first = order[0][1] if order else n
    ranges["preamble"] = (0, first)
    for idx, (name, start) in enumerate(order):
        end = order[idx + 1][1] if idx + 1 < len(order) else n
        ranges[name] = (start, end)
    return ranges


def _strip_keyword(lines: list[str], pattern, removed: list[dict[str, Any]], offset: int) -> list[str]:
    """Drop the part's keyword ("Menimbang :") from its first line, recording it, and keep the rest."""
    if not lines:
        return lines
    m = pattern.match(lines[0])
    if m:
        rest = m.group("rest")
        keyword = lines[0][: m.start("rest")] if rest else lines[0]
        removed.append({"kind": "label", "line": offset + 1, "text": keyword.strip()})
        lines = ([rest] if rest else []) + lines[1:]
    # a colon printed on the next line, apart from its keyword (": 1.")
    for i, ln in enumerate(lines):
        if ln.strip():
            if ln.lstrip().startswith(":"):
                removed.append({"kind": "label", "line": offset + i + 1, "text": ":"})
                lines = lines[:i] + [ln.lstrip()[1:].strip()] + lines[i + 1:]
            break
    return lines


def parse_document(doc: Document, source: Source) -> Regulation:
    """Build the tree of one document: clean the lines, find the parts, read each part, number the tree, resolve
    its references. Raises :class:`~rancang.errors.InputError` when the text holds no Pasal."""
    removed: list[dict[str, Any]] = list(doc.removed)
    canonical = next((ln.strip() for ln in doc.lines if ln.strip()), "") == CANONICAL_MARK
    # the canonical text (Markdown, or Akoma Ntoso turned into it) is read as written: no artefact cleaning,
    # structure by its marks and indentation; a DOCX written by rancang carries the mark but no Markdown
    if canonical and doc.format != "docx":
        lines, layout = canonical_mod.prepare(doc.lines, removed)
    else:
        lines, layout = run_in_parts.split_closing(run_in.split_run_in(clean_lines(doc.lines, removed))), None
    unit = body_unit_of(lines)
    body_at, marked = (layout.body_at, layout.marked) if layout is not None else (None, None)
    parts = split_parts(lines, body_at, unit, marked)
    if "body" not in parts and unit != NodeType.PASAL:
        # a Keputusan of the years when they were built of Pasal ("KEPUTUSAN BUPATI ... NOMOR 5 TAHUN 2001")
        unit = NodeType.PASAL.value
        parts = split_parts(lines, body_at, unit, marked)
    if "body" not in parts:
        raise InputError(f"{source.file or 'berkas'}: bukan teks peraturan (tidak ditemukan satu Pasal pun).")

    def part(name: str) -> list[str]:
        a, b = parts.get(name, (0, 0))
        if layout is not None and name in canonical_mod.ESCAPED_PARTS:
            return [canonical_mod.unescape(ln) for ln in lines[a:b]]
        return lines[a:b]

    if layout is None:
        lines = _drop_copy_stamps(lines, parts, removed)
    meta = meta_mod.parse_judul(part("preamble"))
    menimbang, mengingat = _konsiderans(part, parts, removed, canonical, layout is not None)
    diktum = [ln for ln in part("diktum") if ln.strip()]
    if not meta.tentang:
        meta.tentang = _tentang_from_diktum(diktum)
    corrections: list[dict[str, Any]] = []
    lines, taken, warnings = hazards.inert_unmatched_quotes(lines, parts["body"])
    body_records = len(removed)
    top, flow, orphans = _body(lines, parts["body"], canonical, removed, corrections, source, layout, unit,
                               {w["ends_at"] for w in warnings if "ends_at" in w})
    penutup, berita_daerah = meta_mod.parse_penutup(part("penutup"))
    _meta_from_penutup(meta, penutup, berita_daerah)
    # (the Lampiran reader splits a text table's rows into cells and drops their pipes; the Penjelasan keeps them)
    removed.extend(lampiran_mod.table_rules(part("lampiran"), parts.get("lampiran", (0, 0))[0]))
    lampiran = lampiran_mod.parse(part("lampiran"), canonical=canonical)
    penjelasan = penjelasan_mod.parse(part("penjelasan")) if "penjelasan" in parts else []
    number_tree(top)
    reg = Regulation(source=source, meta=meta, preamble=_preamble(part("preamble"), parts, removed),
                     menimbang=menimbang, mengingat=mengingat, diktum=diktum, body=top, penutup=penutup,
                     lampiran=lampiran, penjelasan=penjelasan)
    refs_mod.resolve(reg)
    reg.stats = Stats(lines=len(doc.lines), pasal=len(reg.pasals()), flow_layout=flow, artefacts=counts(removed),
                      removed=removed, corrections=corrections,
                      # lines no Pasal holds: kept in the tree as text nodes labelled headings.UNPLACED
                      unplaced=[{"line": no, "text": ln.strip()} for no, ln in orphans],
                      # the text came from OCR: engine, resolution, per-page confidence, its corrections
                      ocr=doc.extra.get("ocr"), warnings=doc.warnings + warnings)
    hazards.put_back_quotes(reg, taken, body_records)
    if reg.stats.ocr is not None and doc.extra.get("ocr_words"):
        reg.stats.ocr["clauses"] = ocr_clauses.clause_confidence(reg, doc.extra["ocr_words"])
    return reg


def _preamble(lines: list[str], parts: dict[str, tuple[int, int]], removed: list[dict[str, Any]]) -> list[str]:
    """The pembukaan's lines as printed, without the copy stamp: "SALINAN" on a line of its own above the judul is
    the JDIH's mark that this is an authenticated copy (Perpres 33/2012 on JDIHN), not words of the act, so it is
    recorded in ``removed`` as ``stempel`` — the same tree as the act's original, whatever the reader."""
    start = parts.get("preamble", (0, 0))[0]
    kept: list[str] = []
    for i, ln in enumerate(lines):
        if not ln.strip():
            continue
        if g.COPY_STAMP.match(ln):
            removed.append({"kind": "stempel", "line": start + i + 1, "text": ln.strip()})
            continue
        kept.append(ln)
    return kept


#: the parts in which a line that is only the copy stamp is the stamp of a page, not words of the act
_STAMPED_PARTS = ("menimbang", "mengingat", "diktum", "body", "penutup")


def _drop_copy_stamps(lines: list[str], parts: dict[str, tuple[int, int]], removed: list[dict[str, Any]]
                      ) -> list[str]:
    """``lines`` with each line that is only the copy stamp ("SALINAN", "S A L I N A N") inside the konsiderans,
    the diktum, the body or the penutup made blank and recorded as ``stempel``: a JDIH copy stamps every page, and
    the stamp at the top of a page (read by OCR from a scanned signature page, or printed) is no word of the Pasal
    or the item it falls after. The Lampiran keeps its lines (a form may be headed so)."""
    out = lines
    for name in _STAMPED_PARTS:
        a, b = parts.get(name, (0, 0))
        for i in range(a, b):
            ln = out[i]
            if ln and len(ln) <= 20 and ln.lstrip()[:1] in "Ss" and g.COPY_STAMP.match(ln):
                if out is lines:
                    out = list(lines)
                removed.append({"kind": "stempel", "line": i + 1, "text": ln.strip()})
                out[i] = ""
    return out


def _konsiderans(part: Callable[[str], list[str]], parts: dict[str, tuple[int, int]], removed: list[dict[str, Any]],
                 canonical: bool, escaped: bool) -> tuple[list[Konsiderans], list[Dasar]]:
    """The Menimbang items and the Mengingat entries (each with its parsed citation), their keywords recorded
    (``escaped``: a Markdown canonical text, whose escapes are removed)."""
    menimbang_lines = _strip_keyword(part("menimbang"), g.MENIMBANG, removed, parts.get("menimbang", (0, 0))[0])
    mengingat_lines = _strip_keyword(part("mengingat"), g.MENGINGAT, removed, parts.get("mengingat", (0, 0))[0])
    menimbang = _items(menimbang_lines, canonical, escaped)
    mengingat = [konsiderans.mengingat_entry(it) for it in _items(mengingat_lines, canonical, escaped)]
    return menimbang, mengingat


def _body(lines: list[str], span: tuple[int, int], canonical: bool, removed: list[dict[str, Any]],
          corrections: list[dict[str, Any]], source: Source, layout: canonical_mod.Layout | None = None,
          unit: str = "pasal", quote_ends: set[int] | None = None) -> tuple[list[Node], bool, list[tuple[int, str]]]:
    """The batang tubuh of lines ``span`` [start, end): (the top nodes, whether the flow layout was read, the
    lines no Pasal holds). ``layout``: the marks and indentation of a Markdown canonical text, which place its
    headings and units. ``unit``: "pasal", or "diktum" for a Keputusan (:mod:`rancang.ingest.dikta`).
    ``quote_ends``: the lines where a quote that never closed must end (:func:`hazards.inert_unmatched_quotes`).
    Detached enumerators are recorded in ``removed``, the reader's corrections in ``corrections``. Raises
    InputError when no Pasal (or diktum) is found."""
    a, b = span
    numbered = [(no + 1, lines[no]) for no in range(a, b)]
    if layout is not None:
        top, drafts, orphans = canonical_mod.read_headings(numbered, layout.marked)
    elif unit == NodeType.DIKTUM:
        top, drafts, orphans = dikta_mod.read_dikta(numbered)
    else:
        top, drafts, orphans = headings.read_headings(numbered, keep_unplaced=True, corrections=corrections,
                                                      quote_ends=quote_ends)
    if not drafts:
        raise InputError(f"{source.file or 'berkas'}: bukan teks peraturan (tidak ditemukan satu Pasal pun).")
    # (cleaned lines are stripped, and no bare enumerator is longer than "(123).")
    bare_total = sum(1 for _, ln in numbered if ln and len(ln) <= 6 and bare_marker(ln) is not None)
    flow = bare_total >= body_mod.FLOW_DOCUMENT_THRESHOLD
    draft_of = headings.drafts_by_node(drafts)
    for node in headings.pasal_nodes(top):
        bare = body_mod.build_pasal(node, draft_of[id(node)], flow, canonical, corrections,
                                    depth=layout.depth if layout is not None else None)
        for no, mk in bare:
            removed.append({"kind": "detached_marker", "line": no, "text": mk.label})
    return top, flow, orphans


def _meta_from_penutup(meta: Meta, penutup: Penutup, berita_daerah: BeritaDaerah | None) -> None:
    """The dates, places, Berita Daerah and signer the penutup states, copied into ``meta``."""
    meta.ditetapkan_di, meta.tanggal_ditetapkan = penutup.ditetapkan_di, penutup.tanggal_ditetapkan
    meta.diundangkan_di, meta.tanggal_diundangkan = penutup.diundangkan_di, penutup.tanggal_diundangkan
    # the penutup's gazette; else the one printed above the judul ("BERITA DAERAH PROVINSI ..." / "NOMOR 78 ...")
    meta.berita_daerah = berita_daerah or meta.berita_daerah
    meta.penandatangan = penutup.penandatangan
    if meta.pejabat is None and penutup.penandatangan:
        meta.pejabat = penutup.penandatangan


def _items(lines: list[str], canonical: bool, escaped: bool) -> list[Konsiderans]:
    """The Menimbang / Mengingat entries of ``lines`` (in Markdown canonical text, their escapes removed)."""
    items = konsiderans.split_items(lines, canonical)
    if escaped:
        for item in items:
            item.text = canonical_mod.unescape(item.text)
    return items


def _tentang_from_diktum(diktum: list[str]) -> str | None:
    """The title from "Menetapkan: PERATURAN BUPATI TENTANG ...", for a judul printed without TENTANG."""
    m = g.TENTANG_IN_DIKTUM.search(" ".join(diktum))
    return " ".join(m.group(1).split()).upper() if m else None



"""The model's Lampiran provisions the spine lacks, composed into the draft's Lampiran at the model's place (issue
27 item 1: the Lampiran composed from the model's units in model order, not one act's outline).

A run of provisions the spine has none of (consecutive in the model's order, one source act, the first an item
headed like a part and the others under it in that act: a part with its list, never a step put into another
act's list) goes in after the provision before it in the model, when that one is in the
draft and its member in the run's act sits under the same part as the run's first item: the run's first item is
then placed at the level that part gives it ("d. Pelaksanaan tugas yang bersifat lintas Instansi Pemerintah" after
"b. ... lintas unit organisasi ... 6." in the source: after the draft's "2. Pelaksanaan tugas yang bersifat lintas
unit organisasi" with everything under it, as "3."). Each run inserted is one note naming its provisions, support
and source; a run that cannot be placed stays a decision (:func:`lampiran_model.missing`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from rancang.fold import fold
from rancang.generate.draft import struktur
from rancang.generate.draft.notes import Notes
from rancang.generate.draft.sources import Sources
from rancang.parts import Block

#: a step of a Lampiran cite; "daftar kedua" names a list, not a level
_STEP = re.compile(r"BAB\s+[IVXLC]+|daftar\s+\w+|huruf\s+\w+|angka\s+\w+")


#: a heading has at most this many words
_HEAD = 12


def _steps(cite: str) -> list[str]:
    return _STEP.findall(cite)


def _depth(steps: list[str]) -> int:
    return sum(not s.startswith("daftar") for s in steps)


def _runs(model: dict[str, Any], spine: str) -> list[tuple[dict[str, Any] | None, list[dict[str, Any]]]]:
    """(the provision before the run, the run) for every run of Lampiran provisions the spine lacks."""
    out: list[tuple[dict[str, Any] | None, list[dict[str, Any]]]] = []
    before = None
    for p in (p for p in model["ketentuan"] if p["bagian"] == "lampiran"):
        if spine in {m["daerah"] for m in p["dukungan"]}:
            before = p
            continue
        if out and out[-1][1] and out[-1][0] is before and out[-1][1][-1]["sumber"]["daerah"] == \
                p["sumber"]["daerah"]:
            out[-1][1].append(p)
        else:
            out.append((before, [p]))
    return out


def _heading(text: str) -> bool:
    """A part's heading ("Pelaksanaan tugas yang bersifat lintas Instansi Pemerintah"): a few words, no closing
    punctuation; a step of a procedure ("Penyusunan rencana ...;") is not one, and a part is what is put in."""
    return 0 < len(text.split()) <= _HEAD and text.rstrip()[-1:] not in ".;,:"


def _their_case(new: list[Block], beside: list[Block]) -> None:
    """The items put in open as the items of the part beside them do: in small letters where those do ("jika
    terdapat ...", Lampiran II: an item continuing its lead's sentence), a capitalised term kept ("Tim Kerja ...")."""
    theirs = [b.text for b in beside[1:] if b.type == "item" and b.level > beside[0].level and b.text[:1].isalpha()]
    if not theirs or not all(t[:1].islower() for t in theirs):
        return
    for b in new:
        words = b.text.split(maxsplit=2)
        if b.type == "item" and len(words) > 1 and words[0][:1].isupper() and words[1][:1].islower() and \
                not words[0][1:2].isupper():
            b.text = b.text[:1].lower() + b.text[1:]


def unit_blocks(blocks: list[Block], uid: str) -> list[Block]:
    """The blocks of the unit ``uid`` of a Lampiran: its first block and the paragraphs after it of the same cite
    (:func:`rancang.corpus.align.lampiran_units`); empty when there is none."""
    at = next((k for k, b in enumerate(blocks) if b.id == uid), None)
    if at is None:
        return []
    out = [blocks[at]]
    for b in blocks[at + 1:]:
        if b.cite != blocks[at].cite or b.type != "paragraph":
            break
        out.append(b)
    return out


def _end(blocks: list[Block], k: int) -> int:
    level = blocks[k].level
    for j in range(k + 1, len(blocks)):
        b = blocks[j]
        if b.type in ("heading", "signature") or (b.type == "item" and b.level <= level):
            return j
    return len(blocks)


def insert(blocks: list[Block], heads: dict[str, Block], model: dict[str, Any], spine: str, src: Sources,
           notes: Notes, provisions: dict[int, tuple[dict[str, Any], str]] | None = None,
           ) -> tuple[list[Block], set[str]]:
    """``blocks`` (the composed Lampiran) with the runs that can be placed put in (see the module docstring), and
    the ids of the provisions put in. ``heads``: provision id -> the block heading it in ``blocks``;
    ``provisions`` (filled, as :func:`lampiran_model.compose` fills it): id() of each unit's first block put in ->
    (its provision, its source act and cite)."""
    done: set[str] = set()
    for before, run in _runs(model, spine):
        first = run[0]
        region = first["sumber"]["daerah"]
        if len(run) < 2 or before is None or before["id"] not in heads or \
                any(struktur.only_names(p["rumusan"]) for p in run):
            continue
        member = next((m for m in before["dukungan"] if m["daerah"] == region), None)
        mine = _steps(first["sumber"]["cite"])
        if member is None or any(not p["sumber"]["cite"].startswith(first["sumber"]["cite"]) for p in run[1:]):
            continue
        theirs = _steps(member["cite"])
        if theirs[:len(mine) - 1] != mine[:-1] or len(theirs) < len(mine):
            continue  # the provision before is not under the run's part in the run's act
        donor = src.regulation(src.entry(region, "--base")["id"])
        units = [unit_blocks(donor.lampiran, p["sumber"]["klausul"]) for p in run]
        said = fold(" ".join(b.text for u in units for b in u))
        if not all(units) or units[0][0].type != "item" or not _heading(units[0][0].text) or \
                fold(region.replace("-", " ")) in said:
            continue
        while len(units[-1]) > 1 and units[-1][-1].text.rstrip().endswith(":"):
            units[-1].pop()  # what announces the act's next list, not carried
        anchor = heads[before["id"]]
        at = next((k for k, b in enumerate(blocks) if b is anchor), None)
        if at is None or anchor.type != "item":
            continue
        level = anchor.level - (_depth(theirs) - _depth(mine))
        holder = next((k for k in range(at, -1, -1) if blocks[k].type == "item" and blocks[k].level <= level), None)
        if holder is None or blocks[holder].level != level or level < 1:
            continue
        shift = level - units[0][0].level
        new = [replace(b, level=b.level + shift if b.type == "item" else b.level, id=b.id, cite=b.cite)
               for u in units for b in u]
        where = _end(blocks, holder)
        _their_case(new[1:], blocks[holder:where])
        blocks = blocks[:where] + new + blocks[where:]
        if provisions is not None:  # each unit's head carries its provision into the harmonisation matrix
            at_new = 0
            for p, u in zip(run, units, strict=True):
                provisions[id(new[at_new])] = (p, f"{p['sumber']['peraturan']} {p['sumber']['cite']}")
                at_new += len(u)
        done.update(p["id"] for p in run)
        support = sorted({m["peraturan"] for p in run for m in p["dukungan"]})
        notes.add("perbaikan", "model-ketentuan", f"ketentuan Lampiran model ({', '.join(p['id'] for p in run)}), "
                  f"dimuat {len(support)} peraturan daerah ({'; '.join(support)}), tidak dimuat peraturan dasar "
                  f"rancangan: dirumuskan dari {first['sumber']['peraturan']} {first['sumber']['cite']} dan "
                  f"ditempatkan sesuai urutan model, setelah \u201c{' '.join(blocks[holder].text.split()[:8])}\u201d.",
                  " ".join(b.text for b in new), cite="Lampiran")
    return blocks, done


#: a part of an act, for grouping: its cite's first steps ("Lampiran BAB II huruf B angka 1")
_PART = 3


def _groups(items: list[dict[str, Any]], region: Callable[[dict[str, Any]], str],
            cite: Callable[[dict[str, Any]], str]) -> list[list[dict[str, Any]]]:
    """The entries of one region under one part of its act (the first :data:`_PART` steps of their cite), as one
    group, in the order of their first entry: one decision per part, not per item."""
    out: dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]] = {}
    for it in items:
        out.setdefault((region(it), tuple(_STEP.findall(cite(it))[:_PART])), []).append(it)
    return list(out.values())


def missing(model: dict[str, Any], spine: str, notes: Notes, inserted: set[str] | frozenset = frozenset()) -> None:
    """The model's Lampiran provisions the spine's Lampiran lacks, and the other regions' Lampiran options, as
    decisions: one per part of the act they come from. Lists of units (a region's structure) are not offered."""
    def structural(text: str) -> bool:
        return struktur.only_names(text) is not None

    lacking = [p for p in model["ketentuan"] if p["bagian"] == "lampiran" and p["id"] not in inserted and
               spine not in {m["daerah"] for m in p["dukungan"]} and not structural(p["rumusan"])]
    for g in _groups(lacking, lambda p: p["sumber"]["daerah"], lambda p: p["sumber"]["cite"]):
        p = g[0]
        ids = ", ".join(q["id"] for q in g)
        regions = sorted({m["peraturan"] for q in g for m in q["dukungan"]})
        notes.add("putusan", "model-ketentuan", f"ketentuan Lampiran model ({ids}) dimuat {len(regions)} "
                  f"peraturan daerah ({'; '.join(regions)}), mis. {p['sumber']['peraturan']} {p['sumber']['cite']}, "
                  "tetapi tidak dimuat Lampiran rancangan ini (susunan Lampirannya berbeda); putuskan apakah "
                  "dirumuskan.", " ".join(q["rumusan"] for q in g), cite="Lampiran")
    others = [o for o in model["opsi"] if o["bagian"] == "lampiran" and o["daerah"] != spine
              and not structural(o["rumusan"])]
    for g in _groups(others, lambda o: o["daerah"], lambda o: o["cite"]):
        o = g[0]
        notes.add("opsi", "model-opsi", f"bagian Lampiran {o['peraturan']} ({o['cite']}"
                  f"{f', {len(g)} butir' if len(g) > 1 else ''}) hanya dimuat peraturan itu, tidak oleh peraturan "
                  "daerah lain dalam korpus, jadi tidak termasuk model; bila daerah ini memerlukannya, putuskan dan "
                  "rumuskan sebagai kebijakan daerah sendiri.", " ".join(x["rumusan"] for x in g), cite="Lampiran")

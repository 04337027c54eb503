"""Capitalised terms Pasal 1 does not define, written in small letters (UU 12/2011 Lampiran II angka 107-109: a term
of the regulation is defined in its Ketentuan Umum and written so throughout; DRAFTING.md U4).

What is left undefined once the draft has taken the definitions its sources give (:mod:`definitions`,
:mod:`national_terms`) is an ordinary phrase, not a term: "Jabatan Pimpinan Tinggi" is written "jabatan pimpinan
tinggi". Words belonging to a defined term, abbreviations and known names keep their capitals ("Pejabat Pimpinan
Tinggi Pratama" -> "Pejabat Pimpinan Tinggi pratama" where "Pejabat Pimpinan Tinggi" is defined; "Pengguna SPBE"
-> "pengguna SPBE"), and so does a sentence's first word. The batang tubuh's undefined terms are rewritten in the
body and the Lampiran alike (one term, one way); in the Lampiran, which names the region's units and offices ("Kepala
Dinas", "Sekretariat Daerah"), only a run made of the generic words of ASN positions (``compose.yaml``
``generic_term_words``: "Pimpinan UPT", "Pejabat Administrasi", "Kelompok Jabatan Fungsional") is rewritten. Each
term is listed once as a repair, with the definition a region of the corpus gives where one does.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rancang.generate.draft import terms
from rancang.generate.draft.notes import Notes
from rancang.generate.shared import resources
from rancang.parts import Block
from rancang.tree import Regulation

_RUN = terms.CAPITALISED


def _defined(reg: Regulation) -> list[list[str]]:
    """The words of each defined term and abbreviation, lower case, longest first."""
    pasal1 = next(iter(reg.pasals()), None)
    found = terms.definitions(pasal1)
    out = {t for _, t, _ in found} | {s for _, _, s in found if s}
    return sorted((t.lower().split() for t in out), key=len, reverse=True)


def _kept(words: list[str], defined: list[list[str]]) -> list[bool]:
    """Which words keep their capitals: those of a defined term found in the run (longest first) and acronyms."""
    low = [w.lower() for w in words]
    keep = [w.isupper() and len(w) > 1 for w in words]
    i = 0
    while i < len(words):
        hit = next((t for t in defined if low[i:i + len(t)] == t), None)
        if hit:
            keep[i:i + len(hit)] = [True] * len(hit)
            i += len(hit)
        else:
            i += 1
    return keep


def _lowered(term: str, defined: list[list[str]]) -> str:
    words = term.split()
    return " ".join(w if k else w.lower() for w, k in zip(words, _kept(words, defined), strict=True))


def _rewrite(text: str, old: str, new: str) -> str:
    """``old`` (whole words) written ``new`` in ``text``, except that a sentence's first word keeps its capital."""
    def one(m: re.Match) -> str:
        before = text[:m.start()].rstrip()
        opens = not before or before.endswith((".", ":", ";")) and not before.endswith("...")
        return new[0].upper() + new[1:] if opens else new
    return re.sub(r"(?<![\w-])" + re.escape(old) + r"(?![\w-])", one, text)


def lower_undefined(reg: Regulation, found: list[str], notes: Notes,
                    offered: Callable[[str], str] | None = None) -> int:
    """Write each undefined term of the body (``found``: :func:`terms.undefined` on the final text) and each
    generic capitalised run of the Lampiran in small letters but for its defined words and acronyms. Case only:
    references' spans stay valid. Returns the number of terms rewritten."""
    defined = _defined(reg)
    generic = {w.lower() for w in resources.compose_rules().get("generic_term_words", [])}
    heading = re.compile(r"^[^.;:,]+$")
    changes: dict[str, str] = {t: _lowered(" ".join(t.split()), defined) for t in found}
    for b in reg.lampiran:
        if b.type == "signature" or not b.text or (heading.match(b.text.strip()) and len(b.text.split()) <= 10):
            continue
        for m in _RUN.finditer(b.text):
            words = m.group(0).split()
            keep = _kept(words, defined)
            if all(keep) or not all(k or w.lower() in generic for w, k in zip(words, keep, strict=True)):
                continue
            changes.setdefault(m.group(0), _lowered(m.group(0), defined))
    count = 0
    for old, new in changes.items():
        if old == new:
            continue
        places: list[str] = []
        for owner in [n for top in reg.body for n in top.walk() if n.text] + [b for b in reg.lampiran if b.text]:
            if isinstance(owner, Block) and (owner.type == "signature" or (  # (a heading too: one term, one way)
                    old not in found and heading.match(owner.text.strip()) and len(owner.text.split()) <= 10)):
                continue
            text = _rewrite(owner.text, old, new)
            if text != owner.text:
                owner.text = text
                places.append(owner.cite or "")
        if not places:
            continue
        count += 1
        there = offered(old) if offered is not None else ""
        notes.add("perbaikan", "istilah-huruf-kecil",
                  f'"{old}" tidak didefinisikan dalam Pasal 1, jadi bukan istilah peraturan ini: ditulis dengan '
                  f"huruf kecil kecuali kata istilah yang didefinisikan dan singkatan (UU 12/2011 Lampiran II angka "
                  f"107-109), di {len(places)} tempat ({', '.join(dict.fromkeys(places[:4]))}"
                  f"{' dan lainnya' if len(places) > 4 else ''}). Bila daerah ini memakainya sebagai istilah, "
                  "definisikan dalam Pasal 1" + (f"; definisi dalam korpus: {there}." if there else "."),
                  f"{old} \u2192 {new}", cite=places[0] or "Rancangan")
    return count

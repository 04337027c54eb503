"""Pasal 1 of a draft composed from several acts: each term defined once and differently, in the order most
regions define them, and written one way throughout (UU 12/2011 Lampiran II angka 107-109; DRAFTING.md U1-U2).

- **Two terms, one definition.** A base that gave "Unit Kerja" the words of "Unit Organisasi" defines two terms as
  the same thing. The term whose model provision has another region's definition saying something else takes that
  one (its source named, a repair); where no region words it otherwise, it is a decision.
- **Order.** The definitions follow the order the regions of the model share: for every two definitions, the
  regions defining both vote which comes first (the draft's own order breaks a tie), and the definitions are put
  by the number of others they come before (a Copeland order), never against an order all the regions defining
  two of them share.
- **Written one way.** A defined term of two or more words written in small letters in the batang tubuh
  ("pejabat pimpinan tinggi pratama, pejabat administrator" where Pasal 1 defines "Pejabat Administrator") is
  written as defined; where the draft writes a longer capitalised phrase starting with it ("Pejabat Pimpinan Tinggi
  Pratama"), the longer phrase is written so.
"""

from __future__ import annotations

import re
from typing import Any

from rapidfuzz import fuzz

from rancang.fold import fold
from rancang.generate.draft import model_perbup
from rancang.generate.draft.notes import Notes
from rancang.generate.draft.provenance import alias, origin, set_origin
from rancang.generate.draft.sources import Sources
from rancang.generate.draft.terms import _CAPITALISED, definitions
from rancang.tree import Node

#: two definitions whose words (after "adalah", folded, token-sort ratio 0-100) are at least this alike say the same
SAME = 90
_ADALAH = re.compile(r"\badalah\b")
_ANGKA = re.compile(r"^Pasal 1 angka (\d+)$")


def pasal1(body: list[Node]) -> Node | None:
    """The draft's Pasal 1 (its first Pasal), or None."""
    return next((n for top in body for n in top.walk() if n.type == "pasal"), None)


def _meaning(text: str) -> str:
    m = _ADALAH.search(text)
    return fold(text[m.end():] if m else "").lower().strip(" .;")


def _key(node: Node) -> tuple[str, str]:
    return alias(node) or origin(node)


def distinct(body: list[Node], src: Sources, notes: Notes) -> int:
    """Give one of every two terms defined alike another region's different definition of it (see the module
    docstring); returns the number of pairs found. Run on the composed body, before the region words are
    rewritten (a definition taken in is rewritten like the rest)."""
    defs = definitions(pasal1(body))
    members = model_perbup.provision_of(model_perbup.load())
    found = 0
    for i, (a, term_a, _) in enumerate(defs):
        for b, term_b, _ in defs[i + 1:]:
            if term_a.lower() == term_b.lower() or fuzz.token_sort_ratio(_meaning(a.text), _meaning(b.text)) < SAME:
                continue
            found += 1
            if not (_other(b, term_b, a, members, src, notes) or _other(a, term_a, b, members, src, notes)):
                notes.add("putusan", "definisi-ganda", f"\u201c{term_a}\u201d dan \u201c{term_b}\u201d didefinisikan "
                          "dengan rumusan yang sama, jadi dua istilah berarti satu hal; tidak ada peraturan daerah "
                          "lain dalam korpus yang merumuskannya berbeda. Bedakan definisinya atau pakai satu istilah.",
                          a.text, node=a)
    return found


def _other(node: Node, term: str, twin: Node, members: dict[tuple[str, str], dict[str, Any]], src: Sources,
           notes: Notes) -> bool:
    """Give ``node`` (defining ``term`` like ``twin``) the definition of its model provision in another region
    that says something else; False when there is none."""
    p = members.get(_key(node))
    here = _key(node)
    for m in (p or {}).get("dukungan", []):
        if (m["daerah"], m["klausul"]) == here:
            continue
        donor = src.regulation(m["daerah"]).index().get(m["klausul"])
        if donor is None or donor.children or donor.refs or not donor.text.lower().startswith(term.lower()):
            continue
        if fuzz.token_sort_ratio(_meaning(donor.text), _meaning(twin.text)) >= SAME:
            continue
        old = node.text
        node.text = donor.text
        set_origin(node, (m["daerah"], m["klausul"]), here)
        notes.add("perbaikan", "definisi-ganda", f"\u201c{term}\u201d didefinisikan sama dengan istilah lain dalam "
                  f"Pasal 1 (semula: \u201c{' '.join(old.split())[:200]}\u201d); definisinya diambil dari "
                  f"{m['peraturan']} {m['cite']}, yang merumuskannya berbeda.", node=node)
        return True
    return False


def order(body: list[Node], src: Sources, notes: Notes) -> bool:
    """Put Pasal 1's definitions in the order the model's regions share (module docstring); True when moved.
    Run before the draft is renumbered."""
    p1 = pasal1(body)
    defs = definitions(p1)
    if p1 is None or len(defs) < 2 or len(defs) != len(p1.children):
        return False
    members = model_perbup.provision_of(model_perbup.load())
    # each definition's angka in each region of its model provision
    where: list[dict[str, int]] = []
    for item in p1.children:
        prov = members.get(_key(item)) or {"dukungan": []}
        where.append({m["daerah"]: int(a.group(1)) for m in prov["dukungan"] if (a := _ANGKA.match(m["cite"]))})
    n = len(where)

    def beats(i: int, j: int) -> float:
        """Regions defining i before j, less those defining j before i; the draft's own order breaks a tie."""
        shared = where[i].keys() & where[j].keys()
        votes = sum((where[i][r] < where[j][r]) - (where[i][r] > where[j][r]) for r in shared)
        return votes + (0.5 if i < j else -0.5)

    score = [sum(beats(i, j) > 0 for j in range(n) if j != i) for i in range(n)]
    # every two definitions all the regions defining both put in one order stay in it: a topological order of
    # those unanimous pairs, the Copeland score choosing among the definitions free to come next
    after = {i: {j for j in range(n) if j != i and where[i].keys() & where[j].keys()
                 and all(where[j][r] < where[i][r] for r in where[i].keys() & where[j].keys())} for i in range(n)}
    placed: list[int] = []
    left = set(range(n))
    while left:
        free = [i for i in left if not (after[i] & left)] or list(left)  # (a cycle of unanimous pairs: best first)
        best = min(free, key=lambda i: (-score[i], i))
        placed.append(best)
        left.remove(best)
    moved = [p1.children[i] for i in placed]
    if moved == p1.children:
        return False
    shifted = sum(a is not b for a, b in zip(moved, p1.children, strict=True))
    p1.children = moved
    notes.add("perbaikan", "urutan-definisi", "definisi Pasal 1 diurutkan menurut urutan yang dipakai sebagian besar "
              "peraturan daerah dalam korpus (untuk setiap dua definisi, daerah yang memuat keduanya menentukan mana "
              f"yang lebih dahulu); {shifted} definisi berpindah tempat.", node=p1)
    return True


#: words after a term that never make it part of a longer name
_STOP = frozenset("dan atau yang untuk dalam di pada sesuai berdasarkan dengan serta secara sebagai kepada oleh dari "
                  "ke bagi adalah merupakan melalui terhadap tersebut ini itu".split())


def one_way(body: list[Node], notes: Notes) -> int:
    """Write the defined terms of two or more words that the batang tubuh has in small letters as Pasal 1 defines
    them (or as the longer capitalised phrase the draft writes: module docstring). Case only: every text keeps its
    length, so resolved references keep their spans. Returns the number of places changed."""
    p1 = pasal1(body)
    terms = sorted({t for _, t, _ in definitions(p1) if len(t.split()) >= 2}, key=len, reverse=True)
    if not terms:
        return 0
    written = {" ".join(m.group(0).split()).lower(): " ".join(m.group(0).split())
               for top in body for n in top.walk() if n.text for m in _CAPITALISED.finditer(n.text)}
    count = 0
    for top in body:
        for n in top.walk():
            if not n.text:
                continue
            text = n.text
            for term in terms:
                rx = re.compile(r"(?<![\w-])" + r"\s+".join(map(re.escape, term.lower().split())) + r"(?![\w-])")
                for m in list(rx.finditer(text)):
                    start, end = m.span()
                    if n in (p1.children if p1 is not None else []) and start == 0:
                        continue
                    longer = _longer(text, end, m.group(0), written)
                    new = longer or term
                    span = text[start:start + len(new)]
                    if span.lower() != new.lower() or span == new:
                        continue
                    text = text[:start] + new + text[start + len(new):]
                    notes.add("perbaikan", "istilah-kecil", "istilah yang didefinisikan dalam Pasal 1 ditulis "
                              "sebagaimana didefinisikan, juga bila semula ditulis dengan huruf kecil.",
                              f"{span} \u2192 {new}", node=n)
                    count += 1
            n.text = text
    return count


def _longer(text: str, end: int, found: str, written: dict[str, str]) -> str | None:
    """The longer capitalised phrase the draft writes that ``found`` (ending at ``end``) opens, if the words after
    it complete it: "pejabat pimpinan tinggi" + " pratama" -> "Pejabat Pimpinan Tinggi Pratama"."""
    best = None
    phrase = " ".join(found.split())
    for w in re.findall(r"\s+([a-z]+)", text[end:end + 60])[:3]:
        if w in _STOP:
            break
        phrase = f"{phrase} {w}"
        best = written.get(phrase, best)
    return best


def from_variants(body: list[Node], undefined: list[str], src: Sources, notes: Notes) -> int:
    """Where a clause uses a term Pasal 1 does not define and another region's wording of the same model provision
    says the same with a term it does define instead ("... ditetapkan oleh Pejabat Penilai Kinerja atau Pimpinan
    Unit Kerja" where another region writes "... atau Pimpinan Unit Organisasi"), write that term (its source
    named, a repair). Word for word otherwise: any other difference leaves the clause (and its decision) as it is.
    Returns the number of clauses changed; the caller resolves the references again (spans move)."""
    wanted = {t.lower() for t in undefined}
    members = model_perbup.provision_of(model_perbup.load())
    count = 0
    for top in body:
        for n in top.walk():
            prov = members.get(_key(n))
            if prov is None or not n.text or not any(t in n.text.lower() for t in wanted):
                continue
            terms = [t for _, t, _ in definitions(pasal1(body))]
            for m in prov["dukungan"]:
                donor = src.regulation(m["daerah"]).index().get(m["klausul"])
                if donor is None or (m["daerah"], m["klausul"]) == _key(n):
                    continue
                theirs = fold(donor.text).lower().split()
                found = next(((hit, term) for t in wanted for hit in re.finditer(re.escape(t), n.text.lower())
                              for term in terms
                              if fold(n.text[:hit.start()] + term + n.text[hit.end():]).lower().split() == theirs),
                             None)
                if found is None:
                    continue
                hit, term = found
                old = n.text[hit.start():hit.end()]
                n.text = n.text[:hit.start()] + term + n.text[hit.end():]
                notes.add("perbaikan", "istilah-varian", f"istilah \u201c{old}\u201d tidak didefinisikan dalam Pasal "
                          f"1; {m['peraturan']} {m['cite']} merumuskan ketentuan yang sama dengan \u201c{term}\u201d, "
                          "istilah yang didefinisikan, jadi istilah itu yang dipakai.", f"{old} \u2192 {term}", node=n)
                count += 1
                break
    return count


def offered(term: str) -> str:
    """Where the corpus defines ``term`` (a model provision or one region's option: "Peraturan Wali Kota Bogor Nomor
    93 Tahun 2022 Pasal 1 angka 12: “Jabatan Pimpinan Tinggi adalah ...”"), for the decision on a term the draft
    uses undefined; "" when no act of the corpus defines it."""
    model = model_perbup.load()
    rx = re.compile(r"^" + r"\s+".join(map(re.escape, term.split())) + r"\s+(?:yang\s+selanjutnya\b.*?)?adalah\b",
                    re.IGNORECASE)
    found = [(p["sumber"]["peraturan"], p["sumber"]["cite"], p["rumusan"], len(p["dukungan"]))
             for p in model["ketentuan"] if rx.match(p["rumusan"])]
    found += [(o["peraturan"], o["cite"], o["rumusan"], 1) for o in model["opsi"] if rx.match(o["rumusan"])]
    return "; ".join(f"{act} {cite} ({n} daerah): \u201c{' '.join(text.split())[:160]}\u201d"
                     for act, cite, text, n in found[:2])

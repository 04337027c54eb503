"""Defined terms of a draft: written as Pasal 1 defines them, and every term used in the body defined or listed.

U2/U4 of the drafting summary: a term defined in Pasal 1 is written the same way wherever it is used, and a
capitalised term used in the body is defined. A draft composed from another region's act repairs the first (each
repair listed) and lists the terms it uses without a definition, and the terms only the base region defines (a
local concept, such as Jepara's "Satuan Kerja / Squad"), as decisions for the drafter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from rancang import kinds
from rancang.generate.check.definitions import unused
from rancang.generate.draft.notes import Notes
from rancang.numbering import huruf
from rancang.parts import Block
from rancang.tree import LIST_TYPES, Node, Regulation

#: "Unit Kerja adalah ...", "Aparatur Sipil Negara yang selanjutnya disingkat ASN adalah ..."
_DEFINITION = re.compile(r"\s*(?P<term>[A-Z][^,;:]{1,80}?)\s+(?:yang\s+selanjutnya\s+(?:disingkat|disebut)\s+"
                         r"(?P<short>[^,;]{1,40}?)\s+)?(?:adalah|merupakan)\b")
#: words written in lower case inside a capitalised term
CONNECTORS = frozenset("yang dan atau dengan dalam di ke dari pada untuk bagi atas serta oleh / antar".split())
#: a run of capitalised words (connectors allowed inside): a candidate term of the body
#: (an acronym after the first word belongs to the run: "Pengguna SPBE", "Proses Bisnis Pegawai ASN")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:(?:yang|dengan)\s+)?(?:[A-Z][a-z]+|[A-Z]{2,}\b))+\b")
#: a run of capitalised words (a term unless Pasal 1 defines it), as U4 reads it
CAPITALISED = _CAPITALISED
#: function words that open a sentence in capitals but are never part of a term
LEADING = frozenset("dalam pada untuk bagi dengan setiap dan atau oleh apabila jika selain adapun".split())


def definitions(pasal1: Node | None) -> list[tuple[Node, str, str | None]]:
    """(item, term, abbreviation) of each definition of Pasal 1, in order."""
    if pasal1 is None:
        return []
    out = []
    for item in pasal1.children:
        m = _DEFINITION.match(item.text)
        if m and len(m.group("term").split()) <= 10:
            out.append((item, m.group("term").strip(), (m.group("short") or "").strip() or None))
    return out


def title_case(term: str) -> str:
    """"Unit kerja mandiri" -> "Unit Kerja Mandiri" (connectors stay lower case; acronyms stay)."""
    words = term.split(" ")
    return " ".join(w if (i and w.lower() in CONNECTORS) or w.isupper() or not w[:1].isalpha()
                    else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _pattern(term: str) -> re.Pattern:
    """The term written with any spacing: "Satuan Kerja / Squad" also as "Satuan Kerja/squad", "Satuan Kerja/ squad"."""
    body = r"\s+".join(map(re.escape, term.split())).replace(r"\s+/\s+", r"\s*/\s*")
    return re.compile(r"(?<![\w-])" + body + r"(?![\w-])", re.IGNORECASE)


def normalise(body: list[Node], notes: Notes) -> list[tuple[str, re.Pattern]]:
    """U2: Pasal 1 terms in title case, and every capitalised use of a term written as defined (in place); U4: a
    definition with "merupakan" takes "adalah". Returns (term, pattern) of each defined term, for the Lampiran."""
    pasal1 = next((n for top in body for n in top.walk() if n.type == "pasal"), None)
    defs = definitions(pasal1)
    fixed: list[str] = []
    for item, term, _ in defs:
        good = title_case(term)
        if good != term:
            item.text = item.text.replace(term, good, 1)
            notes.add("perbaikan", "istilah", "istilah dalam Pasal 1 ditulis dengan huruf awal kapital.",
                      f"{term} \u2192 {good}", node=item)
        fixed.append(good)
    for item in pasal1.children if pasal1 is not None else []:
        if item.text and " adalah " not in item.text and (m := _MERUPAKAN.match(item.text)):
            new = f"{m.group(1)} adalah {item.text[m.end():]}"
            notes.add("perbaikan", "definisi-adalah", 'batasan pengertian dirumuskan dengan kata "adalah" '
                      "(UU 12/2011 Lampiran II angka 107).", f"{item.text[:m.end()]} \u2192 {m.group(1)} adalah",
                      node=item)
            item.text = new
    patterns = [(t, _pattern(t)) for t in sorted(fixed, key=len, reverse=True)]
    for top in body:
        for n in top.walk():
            if n is pasal1 or not n.text or (pasal1 is not None and n in pasal1.children):
                continue
            n.text = _as_defined(n.text, patterns, notes, node=n)
    return patterns


#: a definition that says "merupakan" where Lampiran II angka 107 says "adalah": "Kedudukan merupakan ..."
_MERUPAKAN = re.compile(r"^([A-Z][\w/()\- ]{0,80}?)\s+merupakan\s+")


def _as_defined(text: str, patterns: list[tuple[str, re.Pattern]], notes: Notes, node: Node | None = None,
                block: Block | None = None) -> str:
    """``text`` with every capitalised use of a defined term written as Pasal 1 defines it, each change noted."""
    for term, pat in patterns:
        def sub(m: re.Match, term: str = term) -> str:
            found = m.group(0)
            # all in small letters is ordinary words, all in capitals a heading; "unit Kerja", "pimpinan Unit
            # Organisasi", "Satuan Kerja/squad" are the term written another way
            if found == term or found.islower() or found.isupper():
                return found
            notes.add("perbaikan", "istilah", "istilah ditulis sebagaimana didefinisikan dalam Pasal 1.",
                      f"{' '.join(found.split())} \u2192 {term}", node=node, block=block)
            return term

        text = pat.sub(sub, text)
    return text


def normalise_lampiran(blocks: list[Block], patterns: list[tuple[str, re.Pattern]], notes: Notes) -> None:
    """U2 in the Lampiran: every capitalised use of a Pasal 1 term written as defined ("Pimpinan Unit kerja" ->
    "Pimpinan Unit Kerja"), as :func:`normalise` does in the batang tubuh (UU 12/2011 Lampiran II angka 109)."""
    for b in blocks:
        if b.text:
            b.text = _as_defined(b.text, patterns, notes, block=b)


def _covered(words: list[str], terms: list[list[str]], known: tuple[str, ...]) -> list[bool]:
    """Which words of a capitalised run belong to a defined term (longest first), a connector, or a known name
    (that name and everything after it)."""
    low = [w.lower() for w in words]
    out = [False] * len(words)
    i = 0
    while i < len(words):
        if low[i] in CONNECTORS:
            out[i] = True
            i += 1
            continue
        if " ".join(low[i:]).startswith(known):
            out[i:] = [True] * (len(words) - i)
            break
        size = max((len(t) for t in terms if low[i:i + len(t)] == t), default=0)
        out[i:i + max(size, 1)] = [bool(size)] * max(size, 1)
        i += max(size, 1)
    return out


#: a slash between two capitalised words of one term ("Satuan Kerja / Squad")
_UNSLASH = re.compile(r"(?<=[a-z])\s*/\s*(?=[A-Z])")


def _opens_sentence(text: str, start: int) -> bool:
    return start == 0 or text[:start].rstrip().endswith((".", ":", ";", ")"))


def undefined(body: list[Node], notes: Notes, known: Iterable[str] = (),
              offered: Callable[[str], str] | None = None) -> list[str]:
    """U4: capitalised terms of the body (and of Pasal 1's own definitions) that Pasal 1 does not define, each
    listed once with the clauses that use it (UU 12/2011 Lampiran II angka 107-109: a term of the regulation is
    defined in its Ketentuan Umum and written so throughout).

    A run of capitalised words is a term unless every word of it belongs to a defined term (or its abbreviation),
    a connector or a name in ``known`` (matched from where it starts: acts "Peraturan ...", the region, national
    institutions). So "Pejabat Fungsional dan Pejabat Pelaksana" is two defined terms, while "Tim Kerja" and
    "Ketua Tim Kerja" are new terms although "Tim" is defined. Leading function words ("Dalam", "Setiap") and a
    sentence's capitalised first word before defined terms ("Kedudukan Pejabat Fungsional") are no terms."""
    pasal1 = next((n for top in body for n in top.walk() if n.type == "pasal"), None)
    defs = definitions(pasal1)
    terms = [_UNSLASH.sub(" ", t).lower().split() for t in {t for _, t, _ in defs} | {s for _, _, s in defs if s}]
    skip = tuple(k.lower() for k in known)
    seen: dict[str, list[Node]] = {}
    for top in body:
        for n in top.walk():
            if n is pasal1 or not n.text:
                continue
            text = _UNSLASH.sub(" ", n.text)  # "Satuan Kerja / Squad": one run of words
            if pasal1 is not None and n in pasal1.children:
                m = re.search(r"\b(?:adalah|merupakan)\b", text)
                text = " " * m.end() + text[m.end():] if m else ""  # the definition's words, not its term
            for m in _CAPITALISED.finditer(text):
                words, start = m.group(0).split(), m.start()
                while words and words[0].lower() in LEADING:
                    start = text.index(words[1], start + len(words[0])) if len(words) > 1 else start
                    words = words[1:]
                covered = _covered(words, terms, skip)
                if len(words) < 2 or all(covered) or " ".join(words).lower().startswith(skip):
                    continue
                if not covered[0] and all(covered[1:]) and _opens_sentence(text, start):
                    continue
                written = re.search(r"\s*/?\s*".join(map(re.escape, words)), n.text)
                seen.setdefault(written.group(0) if written else " ".join(words), []).append(n)
    for term, nodes in seen.items():
        where = list(dict.fromkeys(x.cite for x in nodes if x.cite))
        also = f" (juga {', '.join(where[1:4])}{' dan lainnya' if len(where) > 4 else ''})" if len(where) > 1 else ""
        there = offered(term) if offered is not None else ""
        there = (f" Definisi dalam korpus: {there}." if there
                 else " Tidak ada peraturan dalam korpus yang mendefinisikannya.")
        notes.add("putusan", "istilah-tanpa-definisi",
                  f'istilah "{term}" dipakai {len(nodes)} kali{also} tetapi tidak didefinisikan dalam Pasal 1; '
                  f"definisikan dalam Pasal 1 atau tulis dengan huruf kecil.{there}", node=nodes[0])
    return list(seen)


def local(body: list[Node], elsewhere: Callable[[str], bool], notes: Notes) -> list[str]:
    """Terms defined in Pasal 1 that no other regulation of the corpus uses (``elsewhere(term)`` is False for the
    term and for its short form): the base region's own concepts, listed as decisions. The head's title ("Wali
    Kota", "Bupati", "Gubernur") is no concept of a region: UU 23/2014 Pasal 59 ayat (2) names it for every Daerah
    of its kind, so a kota's draft defining "Wali Kota" from the one kota of the corpus is not a decision."""
    pasal1 = next((n for top in body for n in top.walk() if n.type == "pasal"), None)
    out = []
    head = re.compile(rf"(?:{kinds.heads_pattern()})", re.IGNORECASE)
    for item, term, short in definitions(pasal1):
        if head.fullmatch(term):
            continue
        if not elsewhere(term) and not (short and elsewhere(short)):
            notes.add("putusan", "istilah-lokal",
                      f'"{term}" hanya didefinisikan oleh peraturan daerah dasar (konsep daerah itu sendiri); '
                      "putuskan apakah daerah ini memakainya.", node=item)
            out.append(term)
    return out


def drop_unused(reg: Regulation, notes: Notes) -> bool:
    """U5 in a draft: remove each definition of Pasal 1 whose term the draft never uses (the base's text used it
    in clauses the draft does not carry, or only in ordinary lower-case words), and number the rest of Pasal 1
    again; each removal is listed (``dihapus``). Nothing is removed while a reference of the act points into Pasal
    1's list, whose numbers would move (then each is a decision for the drafter). Returns whether Pasal 1 changed:
    the caller numbers the tree and resolves its references again."""
    gone = unused(reg)
    pasal1 = reg.find("Pasal 1")
    if not gone or pasal1 is None:
        return False
    pointed = [n for n in reg.walk() for r in n.refs for t in (r.target or []) if t.startswith(f"{pasal1.id}/")]
    for d in gone:
        term = d["alias"] or d["term"]
        if pointed:
            notes.add("putusan", "U5", f'istilah "{term}" didefinisikan tetapi tidak dipakai; tidak dihapus karena '
                      f"{pointed[0].cite} merujuk butir Pasal 1.", node=d["node"])
            continue
        notes.add("dihapus", "U5", f'istilah "{term}" didefinisikan tetapi tidak dipakai dalam rancangan (check U5).',
                  d["node"].text, cite=d["node"].cite)
        pasal1.children.remove(d["node"])
    if pointed:
        return False
    items = [c for c in pasal1.children if c.type in LIST_TYPES]
    for k, c in enumerate(items, 1):
        c.number = huruf(k) if c.type == "huruf" else str(k)
        c.label = re.sub(r"[0-9]+|[a-z]+", c.number, c.label or f"{c.number}.", count=1)
    return True


def _head_both(text: str, rx: re.Pattern, head: str, unit: str, notes: Notes, node: Node | None = None,
               block: Block | None = None) -> str:
    new = rx.sub(lambda m: f"{head} {m.group('a')} {m.group('j')} {head} ", text)
    if new != text:
        notes.add("perbaikan", "pimpinan-unit", f'"{head}" ditulis juga di depan "{unit}": yang dimaksud pimpinannya, '
                  f"bukan unitnya ({head} {unit} didefinisikan dalam Pasal 1).", text, node=node, block=block)
    return new


def heads(body: list[Node], blocks: list[Block], notes: Notes) -> int:
    """A head of a unit written before two units ("kepada Pimpinan Unit Kerja dan/atau Unit Organisasi pemilik
    kinerja") reports to a unit, not to its head, for the second one: where Pasal 1 defines both "Pimpinan Unit
    Kerja" and "Pimpinan Unit Organisasi" (a head word before a defined unit), the second unit takes its head too
    ("Pimpinan Unit Kerja dan/atau Pimpinan Unit Organisasi"), each change listed. Body and Lampiran; returns the
    number of clauses and blocks changed."""
    pasal1 = next((n for top in body for n in top.walk() if n.type == "pasal"), None)
    terms = [t for _, t, _ in definitions(pasal1)]
    pairs = [(t[: -len(u)].strip(), u) for t in terms for u in terms if t != u and t.endswith(" " + u)]
    count = 0
    for head, unit in pairs:
        others = [u for h, u in pairs if h == head and u != unit]
        if not others:
            continue
        rx = re.compile(rf"\b{re.escape(head)}\s+(?P<a>{'|'.join(map(re.escape, others))})\s+(?P<j>dan/atau|dan|atau)"
                        rf"\s+(?={re.escape(unit)}\b)")
        for top in body:
            for n in top.walk():
                if n.text and pasal1 is not None and n not in pasal1.children:
                    new = _head_both(n.text, rx, head, unit, notes, node=n)
                    count, n.text = count + (new != n.text), new
        for b in blocks:
            if b.text and b.type != "heading":
                new = _head_both(b.text, rx, head, unit, notes, block=b)
                count, b.text = count + (new != b.text), new
    return count

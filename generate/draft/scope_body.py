"""The batang tubuh made to name every scope its Lampiran regulates (issue 27 item 3: "Body and Lampiran disagree").

The Lampiran only explains the act (UU 12/2011 Lampiran II angka 192): a Lampiran that sets out a mechanism
"lintas Instansi Pemerintah" under a body whose Pasal lists pelaksanaan tugas "dalam Unit Organisasi dan lintas
Unit Organisasi" regulates what the act does not. Where the model's regions word the body's list with that scope
("... dalam unit organisasi; b. lintas unit organisasi; dan c. lintas instansi pemerintah", "d. pelaksanaan tugas
yang bersifat lintas Instansi Pemerintah"), at least :data:`SUPPORT` regions, each list of scopes of the body gets
the scope, in the order those lists give (narrower first), joined with the list's own conjunction; one repair note
names the regions and their clauses. A scope fewer regions list stays a decision (:mod:`scopes`).

A list of scopes is two or more "dalam [satu] <unit>" / "lintas <unit>" phrases joined by commas and a last
"dan", "atau" or "dan/atau" (the unit a term Pasal 1 defines, or Instansi Pemerintah: :func:`scopes.scope_terms`);
a single "lintas <unit>" ("tim kerja yang anggotanya berasal dari lintas Unit Organisasi") is no list and is left.
"""

from __future__ import annotations

import re
from typing import Any

from rancang.generate.draft.notes import Notes
from rancang.generate.draft.scopes import scope_terms
from rancang.parts import Block
from rancang.tree import Node

#: regions whose batang tubuh lists a scope before the draft's body takes it (the model's own threshold)
SUPPORT = 2


def _phrase(terms: list[str]) -> str:
    units = "|".join(r"\s+".join(map(re.escape, t.split())) for t in terms)
    return rf"(?:(?:dalam(?:\s+satu)?|lintas)\s+(?i:{units}))"


#: one scope of a list as a region writes it: "lintas" and its words up to a mark or a joining word
_ANY_SCOPE = re.compile(r"\blintas\s+((?:(?!dan\b|atau\b|yang\b|dalam\b)[A-Za-z]+\s*){1,3})", re.IGNORECASE)


def _scopes_of_list(text: str, terms: list[str]) -> list[str]:
    """The scopes a region's clause lists "lintas", in order (lower case, each cut to the draft's term it opens
    with, else as written), when it lists two scopes or more ("dalam satu unit organisasi, lintas unit organisasi,
    dan/atau lintas Instansi Pemerintah"); else []. The region's own unit words count for the order and the list
    even where the draft defines other units."""
    if len(re.findall(r"\b(?:dalam\s+satu|lintas)\s+\w+", text, re.IGNORECASE)) < 2:
        return []
    out = []
    for m in _ANY_SCOPE.finditer(text):
        words = " ".join(m.group(1).lower().split())
        out.append(next((t for t in terms if words == t or words.startswith(t + " ")), words))
    return list(dict.fromkeys(out))


def _region_lists(model: dict[str, Any], terms: list[str]) -> list[tuple[str, str, list[str]]]:
    """(region's act, cite, scopes in order) for each body clause of the model's regions that lists scopes: the
    provisions' wordings (the source's and each variant's) and the options."""
    out = []
    for p in model.get("ketentuan", []):
        if p.get("bagian") != "batang tubuh":
            continue
        src = p.get("sumber") or {}
        texts = [(src.get("peraturan", ""), src.get("cite", ""), p.get("rumusan", ""))]
        texts += [(v.get("peraturan", ""), v.get("cite", ""), v.get("rumusan", "")) for v in p.get("varian", [])]
        for act, cite, text in texts:
            if (found := _scopes_of_list(text or "", terms)):
                out.append((act, cite, found))
    for o in model.get("opsi", []):
        if o.get("bagian") == "batang tubuh" and (found := _scopes_of_list(o.get("rumusan") or "", terms)):
            out.append((o.get("peraturan", ""), o.get("cite", ""), found))
    return out


def _rank(lists: list[list[str]]) -> dict[str, float]:
    """Each scope's mean position in the regions' lists (0 first): "lintas Unit Organisasi" before "lintas
    Instansi Pemerintah"."""
    pos: dict[str, list[float]] = {}
    for scopes in lists:
        for i, s in enumerate(scopes):
            pos.setdefault(s, []).append(i / max(1, len(scopes) - 1))
    return {s: sum(v) / len(v) for s, v in pos.items()}


def widen(body: list[Node], blocks: list[Block], model: dict[str, Any] | None, notes: Notes) -> list[str]:
    """Add to each list of scopes of the batang tubuh (Pasal 1 aside) the "lintas" scopes the Lampiran ``blocks``
    regulate and the body never names, where :data:`SUPPORT` regions or more of ``model`` list that scope in
    their batang tubuh; in place, one repair note per scope. Returns the scopes added (lower case)."""
    if not model:
        return []
    terms, defined = scope_terms(body)
    if not terms:
        return []
    lintas = re.compile(r"\blintas\s+(" + "|".join(r"\s+".join(map(re.escape, t.split())) for t in terms) + r")\b",
                        re.IGNORECASE)

    def named(text: str) -> set[str]:
        return {" ".join(m.group(1).lower().split()) for m in lintas.finditer(text or "")}

    pasal1 = next((n for top in body for n in top.walk() if n.type == "pasal"), None)
    nodes = [n for top in body for n in top.walk() if n.text and not (pasal1 is not None and n in pasal1.children)]
    in_body = set().union(*(named(n.text) for n in nodes)) if nodes else set()
    in_lampiran = set().union(*(named(b.text) for b in blocks)) if blocks else set()
    missing = sorted(in_lampiran - in_body)
    if not missing or not in_body:
        return []
    lists = _region_lists(model, terms)
    rank = _rank([s for _, _, s in lists])
    added = []
    list_rx = re.compile(rf"(?P<list>{_phrase(terms)}(?:\s*,\s*{_phrase(terms)})*\s*,?\s+"
                         rf"(?P<conj>dan/atau|dan|atau)\s+{_phrase(terms)})")
    for scope in missing:
        regions = {act: cite for act, cite, s in reversed(lists) if scope in s}
        if len(regions) < SUPPORT:
            continue
        places: list[tuple[Node, str]] = []
        for n in nodes:
            changed: list[str] = []

            def extend(m: re.Match[str], changed: list[str] = changed, scope: str = scope) -> str:
                new = _extended(m, scope, defined, rank, terms)
                if new != m.group(0):
                    changed.append(f"{' '.join(m.group(0).split())} \u2192 {new}")
                return new

            n.text = list_rx.sub(extend, n.text)
            if changed:
                places.append((n, changed[0]))
        if not places:
            continue
        added.append(scope)
        where = ", ".join(f"{act} {cite}" for act, cite in sorted(regions.items()))
        cites = ", ".join(dict.fromkeys(n.cite for n, _ in places if n.cite))
        notes.add("perbaikan", "lingkup-batang-tubuh", f"Lampiran mengatur pelaksanaan tugas lintas "
                  f"{defined[scope]}; batang tubuh menyebutnya dalam daftar ruang lingkupnya ({cites}) sebagaimana "
                  f"dirumuskan {len(regions)} peraturan daerah dalam korpus ({where}) (UU 12/2011 Lampiran II angka "
                  "192: lampiran merupakan bagian yang tidak terpisahkan dari peraturan).",
                  places[0][1], node=places[0][0])
    return added


def _extended(m: re.Match[str], scope: str, defined: dict[str, str], rank: dict[str, float],
              terms: list[str]) -> str:
    """The list ``m`` with "lintas <scope>" put in its place by ``rank``, items joined by commas and the list's
    own conjunction before the last."""
    text, conj = m.group("list"), m.group("conj")
    items = [" ".join(i.split()) for i in re.findall(_phrase(terms), text)]
    if any(i.lower().split(None, 1)[-1] == scope for i in items if i.lower().startswith("lintas")):
        return text
    rx = re.compile(r"^lintas\s+(.+)$", re.IGNORECASE)
    new = f"lintas {defined[scope]}"
    where = len(items)
    for k, it in enumerate(items):
        mm = rx.match(it)
        if mm and rank.get(" ".join(mm.group(1).lower().split()), 0.0) > rank.get(scope, 1.0):
            where = k
            break
    items.insert(where, new)
    return ", ".join(items[:-1]) + f", {conj} {items[-1]}"

"""Align the clauses of two regulations by meaning, not by number.

Pasal numbers differ between regions (the principles are Pasal 13 in one text, Pasal 4 ayat (1) in another),
so clauses are paired in two passes:

1. **Topics.** Where the sistem-kerja model locates the same topic in both texts, those two clauses are paired
   (and every unit inside them is taken) when they are one matter: at or above the threshold, slots agreeing.
2. **Text.** The remaining units are paired greedily, best first, by rapidfuzz similarity of their folded
   text, above a threshold, within one mechanism (:mod:`.mechanism`) and slots agreeing (:mod:`.slots`); what is
   left over is "only in A" / "only in B". No pair is under the threshold, whichever pass made it.

A *unit* is the level drafters compare: an ayat, or a whole Pasal that has no ayat; a long list directly under
a Pasal or ayat (the definitions of Ketentuan Umum) is split into its items so that definitions pair term by
term. The Lampiran is compared too (where regions differ most: the mechanisms, the peta jabatan): its blocks
are grouped by cite (a numbered item with the paragraphs, captions and tables under it is one unit), the title
block and the signature left out, and a Lampiran unit pairs only with a Lampiran unit.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from rancang.address import covers
from rancang.corpus import slots
from rancang.corpus.evidence import SURE, Evidence, name_one_act, one_liner, one_through_other, terms_agree, words
from rancang.corpus.mechanism import Mechanisms, same_mechanism, scopes_agree
from rancang.corpus.scope import own_units, scope, units_named
from rancang.fold import fold
from rancang.tree import LIST_TYPES, Node, Regulation

#: a unit whose own list has more items than this is compared item by item
SPLIT_LIST = 8
#: the lead of a list of definitions (UU 12/2011 Lampiran II angka 98: "Dalam Peraturan ... ini yang dimaksud dengan:")
_DEFINES = re.compile(r"yang\s+dimaksud\s+dengan\s*:?\s*$", re.I)
#: minimum text similarity (0-100) for a pair found in the text pass
THRESHOLD = 65.0
#: characters of a unit compared in the text pass: a clause's meaning is in its opening words, and the cost
#: of the similarity matrix grows with text length
HEAD = 320


@dataclass
class Unit:
    """A comparable piece of a regulation: its node id, cite and full text (own text and all descendants)."""

    id: str
    cite: str
    text: str
    node: Node | None = field(repr=False, default=None)
    item: bool = False  # an item split out of a long list (a definition): pairs only with other items
    lampiran: bool = False  # a group of Lampiran blocks: pairs only with other Lampiran units
    compared: str | None = None  # the words compared, where not the whole text (a chart label left out)

    @property
    def words(self) -> str:
        """What the text pass compares: :attr:`compared`, else the whole text."""
        return self.text if self.compared is None else self.compared


@dataclass
class Pair:
    """Two aligned units: cites on both sides, the topic key that joined them (or None) and a 0-1 score."""

    a: Unit
    b: Unit
    topic: str | None
    score: float


@dataclass
class Alignment:
    pairs: list[Pair]
    only_a: list[Unit]
    only_b: list[Unit]


def full_text(node: Node) -> str:
    """A node's words with those of all its descendants, labels included ("a. penunjukan; dan b. ...")."""
    parts = []
    for n in node.walk():
        label = n.label if n is not node and n.type != "text" else None
        own = " ".join(x for x in (label, n.heading, n.text) if x)
        if own:
            parts.append(own)
    return " ".join(parts)


def units(reg: Regulation) -> list[Unit]:
    """The units of ``reg`` in document order (see the module docstring)."""
    out: list[Unit] = []
    for pasal in reg.pasals():
        ayats = pasal.child_list("ayat")
        if not ayats:
            out.extend(_split(pasal))
            continue
        if pasal.text:  # a lead sentence before the first ayat
            out.append(Unit(pasal.id, pasal.cite, pasal.text, pasal))
        for child in pasal.children:
            if child.type == "ayat":
                out.extend(_split(child))
    return out + lampiran_units(reg)


def lampiran_units(reg: Regulation) -> list[Unit]:
    """The Lampiran of ``reg`` as units: consecutive blocks under one cite ("Lampiran huruf A angka 1") form one
    unit, id that of its first block; the title block ("LAMPIRAN PERATURAN ... NOMOR ...") and signature blocks
    are not compared (they name the act, not its content). A heading block under the cite of the unit before it
    heads nothing the tree knows of (the labels of an OCR'd chart inside an item: "PEJABAT ADMINISTRATOR", "o"):
    it starts a unit, so what follows it stays apart, but its own words are not compared (:attr:`Unit.compared`);
    alone, a chart label paired with any item naming that jabatan."""
    out: list[Unit] = []
    for k, b in enumerate(reg.lampiran):
        if b.type == "signature" or not b.id or (k == 0 and b.type == "heading"):
            continue
        words = " ".join([b.text or ""] + [" | ".join(str(c or "") for c in r) for r in b.rows or []]).strip()
        if not words:
            continue
        cite = b.cite or "Lampiran"
        if out and out[-1].cite == cite and b.type != "heading":
            out[-1].text += " " + words
            if out[-1].compared is not None:
                out[-1].compared = (out[-1].compared + " " + words).strip()
            continue
        label = bool(out) and out[-1].cite == cite  # a heading the tree gave no address of its own
        out.append(Unit(b.id, cite, words, None, lampiran=True, compared="" if label else None))
    return out


def _split(node: Node) -> list[Unit]:
    """``node`` whole, or its list items one by one: a long list, or the definitions of Ketentuan Umum however few
    ("Dalam Peraturan ... ini yang dimaksud dengan: 1. ..."), which pair term by term."""
    items = [c for c in node.children if c.type in LIST_TYPES]
    if len(items) <= SPLIT_LIST and not (items and _DEFINES.search(node.text or "")):
        return [Unit(node.id, node.cite, full_text(node), node)]
    return [Unit(c.id, c.cite, full_text(c), c, item=True) for c in items]


def align(reg_a: Regulation, reg_b: Regulation, topics_a: dict[str, Any] | None = None,
          topics_b: dict[str, Any] | None = None, threshold: float = THRESHOLD) -> Alignment:
    """Pair the units of two regulations: model topics first, then text similarity.

    ``topics_a``/``topics_b`` are ``rancang.model`` topics ({key: {"cite", "id"} | None}); without them the
    alignment is by text alone.
    """
    ua, ub = units(reg_a), units(reg_b)
    pairs, used_a, used_b = _topic_pairs(reg_a, reg_b, ua, ub, topics_a or {}, topics_b or {}, threshold)

    rest_a = [i for i in range(len(ua)) if i not in used_a and _WORD.search(ua[i].words)]
    rest_b = [j for j in range(len(ub)) if j not in used_b and _WORD.search(ub[j].words)]
    if rest_a and rest_b:
        fa = [fold(term(ua[i].text))[:HEAD] if ua[i].item else essence(ua[i].words) for i in rest_a]
        fb = [fold(term(ub[j].text))[:HEAD] if ub[j].item else essence(ub[j].words) for j in rest_b]
        ev = Evidence([_words(u.words, u.item) for u in ua], [_words(u.words, u.item) for u in ub],
                      [one_liner(u.words) for u in ua], [one_liner(u.words) for u in ub])
        scoped = units_named([*(term(u.text) for u in (*ua, *ub) if u.item and term(u.text) != u.text),
                              *own_units()])
        ma, mb = Mechanisms(ua, scoped), Mechanisms(ub, scoped)
        cands = [(score, x, y) for score, x, y in _candidates(fa, fb, [(ua[i].item, ua[i].lampiran) for i in rest_a],
                                                              [(ub[j].item, ub[j].lampiran) for j in rest_b], threshold)
                 if same_mechanism(ma, rest_a[x], mb, rest_b[y])
                 and (ua[rest_a[x]].item or slots.agree(ua[rest_a[x]].words, ub[rest_b[y]].words))
                 and _evident(ua[rest_a[x]], ub[rest_b[y]], score, lambda x=x, y=y: ev.holds(rest_a[x], rest_b[y]))]
        for score, x, y in cands:
            i, j = rest_a[x], rest_b[y]
            if i in used_a or j in used_b:
                continue
            used_a.add(i)
            used_b.add(j)
            pairs.append(Pair(ua[i], ub[j], None, round(score / 100, 3)))

    order_a = {u.id: k for k, u in enumerate(ua)}
    pairs.sort(key=lambda p: _order(p.a.id, order_a))
    return Alignment(pairs, [u for i, u in enumerate(ua) if i not in used_a],
                     [u for j, u in enumerate(ub) if j not in used_b])


def _topic_pairs(reg_a: Regulation, reg_b: Regulation, ua: list[Unit], ub: list[Unit], topics_a: dict[str, Any],
                 topics_b: dict[str, Any], threshold: float) -> tuple[list[Pair], set[int], set[int]]:
    """Pass 1: the clauses the model locates for one topic in both acts, paired when they are one matter: their
    text pass score reaches ``threshold`` and their slots and scopes agree (:func:`.slots.agree`,
    :func:`.mechanism.scopes_agree`). A topic is where a matter is regulated, not what is said of it: Bogor's Pasal 15
    ayat (1) (whom Pejabat Fungsional sit under) and Jepara's Pasal 6 ayat (1) (what kedudukan means) are both
    "kedudukan" at 0.42; such clauses go to the text pass (the topic table still says both regulate it). Returns the
    pairs and the indexes of ``ua`` / ``ub`` they cover."""
    idx_a, idx_b = reg_a.index(), reg_b.index()
    own = units_named(own_units())
    pairs: list[Pair] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for key, loc_a in topics_a.items():
        loc_b = topics_b.get(key)
        na = idx_a.get(loc_a.get("id", "")) if loc_a else None
        nb = idx_b.get(loc_b.get("id", "")) if loc_b else None
        if na is None or nb is None:
            continue
        a, b = Unit(na.id, na.cite, full_text(na), na), Unit(nb.id, nb.cite, full_text(nb), nb)
        score = float(similarity_matrix([essence(a.text)], [essence(b.text)])[0][0])
        if score < threshold or not slots.agree(a.text, b.text) or not scopes_agree(
                scope(a.text, own), scope(b.text, own), True, a.text, b.text):
            continue
        pairs.append(Pair(a, b, key, round(score / 100, 3)))
        used_a.update(i for i, u in enumerate(ua) if covers(na.id, u.id) or covers(u.id, na.id))
        used_b.update(j for j, u in enumerate(ub) if covers(nb.id, u.id) or covers(u.id, nb.id))
    return pairs, used_a, used_b


@lru_cache(maxsize=50_000)
def _words(text: str, item: bool) -> frozenset[str]:
    """The stems the evidence rule (:mod:`.evidence`) weighs: the content words of the unit (of the defined term
    for a definition item); cached by text, as one act is aligned with many."""
    return words(essence(term(text) if item else text))


def _evident(a: Unit, b: Unit, score: float, holds: Any) -> bool:
    """May two units above the threshold be a pair (:mod:`.evidence`): not when they name different acts; two
    definitions when their terms agree; any other two when they score :data:`.evidence.SURE` or share evidence
    beyond the words common to the two acts (``holds()``)."""
    if not name_one_act(a.text, b.text):
        return False
    ta, tb = term(a.text), term(b.text)
    if a.item and ta != a.text and tb != b.text:
        return terms_agree(ta, tb) and not one_through_other(ta, _body(a.text, ta), tb, _body(b.text, tb))
    return score >= SURE or holds()


def _body(text: str, defined: str) -> str:
    """What a definition item says its term is: the text after the term and "adalah" / "yang selanjutnya ..."."""
    return text[text.find(defined) + len(defined):]


def function_words() -> frozenset[str]:
    """The words :func:`essence` leaves out (``corpus/data/align.json``): the fixed phrases of every act (UU 12/2011
    Lampiran II) and Indonesian function words; with them unrelated clauses look alike."""
    global _FUNCTION
    if _FUNCTION is None:
        data = json.loads(resources.files("rancang.corpus").joinpath("data/align.json").read_text(encoding="utf-8"))
        _FUNCTION = frozenset(data["function_words"])
    return _FUNCTION


_FUNCTION: frozenset[str] | None = None
_NUMBER = re.compile(r"\d")
#: a word of two letters or more: a unit without one (what is left of a chart: "o", "—— — —", "1") is not compared
_WORD = re.compile(r"[^\W\d_]{2}")


def essence(text: str) -> str:
    """What the text pass compares: the folded text without function words and numbers (cross-references,
    fixed phrases), cut to :data:`HEAD` characters.

    >>> essence("Kedudukan sebagaimana dimaksud pada ayat (1), ayat (2), dan ayat (3) ditetapkan oleh PPK.")
    'kedudukan ppk'
    """
    stop = function_words()
    words = [w for w in fold(text[: HEAD * 3]).split() if w not in stop and not _NUMBER.search(w)]
    return " ".join(words)[:HEAD]


_DEFINED = re.compile(r"^(?:\S{1,3}\s+)?(.{2,200}?)\s+(?:adalah|yang\s+selanjutnya)\b", re.I | re.S)


def term(text: str) -> str:
    """What a definition item ("5. Pegawai ASN adalah ...") is compared by: the term it defines; definitions of
    different terms share their pattern ("... adalah Pegawai ASN yang menduduki Jabatan ...") and looked alike.
    Compared folded but whole ("Daerah", "Pemerintah Daerah": no word is left out). Any other item is compared
    whole.

    >>> term("6. Pejabat Pimpinan Tinggi adalah Pegawai ASN yang menduduki Jabatan Pimpinan Tinggi.")
    'Pejabat Pimpinan Tinggi'
    """
    m = _DEFINED.match(text)
    return m.group(1) if m else text


def similarity_matrix(fa: list[str], fb: list[str], threshold: float | None = None) -> Any:
    """0-100 similarity of every folded text of ``fa`` with every one of ``fb`` (a float32 matrix).

    The mean of rapidfuzz ``ratio`` (order-aware), ``token_set_ratio`` (tolerates words inserted by one region,
    but scores a short text high against any longer one holding its few words) and ``token_sort_ratio`` (which
    does not), all computed natively. Measured in docs/search.md ("The diff covers the whole act").

    With ``threshold``, only the scores that can reach it are exact: ``token_set_ratio``, the costliest of the three
    (two thirds of the time), is computed only for the pairs whose other two scores leave the mean able to reach
    ``threshold`` (it is at most 100; a point of margin covers float32 rounding); the other pairs score below
    ``threshold`` (their ``token_set_ratio`` taken as 0). So every score at or above ``threshold`` is the one of the
    whole computation, to the bit (issue 33: a first draft spent a fifth of its time here)."""
    import numpy
    from rapidfuzz import fuzz, process

    ratio = process.cdist(fa, fb, scorer=fuzz.ratio)
    token_sort = process.cdist(fa, fb, scorer=fuzz.token_sort_ratio)
    if threshold is None:
        return (ratio + process.cdist(fa, fb, scorer=fuzz.token_set_ratio) + token_sort) / 3
    token_set = numpy.zeros_like(ratio)
    may = (ratio + token_sort) >= 3 * threshold - 100 - 1
    for x in numpy.flatnonzero(may.any(axis=1)):
        ys = numpy.flatnonzero(may[x])
        token_set[x, ys] = process.cdist([fa[x]], [fb[y] for y in ys], scorer=fuzz.token_set_ratio)[0]
    return (ratio + token_set + token_sort) / 3


def _candidates(fa: list[str], fb: list[str], kind_a: list[tuple[bool, bool]], kind_b: list[tuple[bool, bool]],
                threshold: float) -> list[tuple[float, int, int]]:
    """(score 0-100, x, y) of every pair of ``fa[x]`` and ``fb[y]`` of the same kind (a list item, a Lampiran
    group, another unit: only like pairs with like) whose :func:`similarity_matrix` score reaches ``threshold``,
    best first (ties by x, then y). Scored one kind at a time: a pair's score depends on its two texts only, so the
    scores are the ones of the whole matrix, without the pairs of different kinds that were thrown away (about
    half of a draft's three matrices, the Lampiran groups against the Pasal: issue 33)."""
    rows: dict[tuple[bool, bool], list[int]] = {}
    cols: dict[tuple[bool, bool], list[int]] = {}
    for x, kind in enumerate(kind_a):
        rows.setdefault(kind, []).append(x)
    for y, kind in enumerate(kind_b):
        cols.setdefault(kind, []).append(y)
    cands: list[tuple[float, int, int]] = []
    for kind, xs in rows.items():
        ys = cols.get(kind)
        if not ys:
            continue
        matrix = similarity_matrix([fa[x] for x in xs], [fb[y] for y in ys], threshold)
        cands += [(float(matrix[p][q]), xs[p], ys[q]) for p, q in zip(*(matrix >= threshold).nonzero(), strict=True)]
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    return cands


def _order(node_id: str, order: dict[str, int]) -> int:
    """Document position of a node id: its own unit's, else that of the first unit inside it."""
    if node_id in order:
        return order[node_id]
    inside = [k for uid, k in order.items() if covers(node_id, uid) or covers(uid, node_id)]
    return min(inside) if inside else len(order)

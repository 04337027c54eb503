"""Repairs of carried text: reference formulas, doubled and glued words, list punctuation (issue 13, item 1).

Enacted texts carry typos ("Ketua Tim Kerja Kerja", "timkoordinasi"), informal reference formulas ("dimaksud pada
Pasal 7", "pada pasal 7 dan pasal 8") and lost punctuation. A draft repairs them by the rules of
``data/repair.yaml`` and lists every repair in the drafting notes, so nothing changes silently.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from rancang.generate.check.coherence import check_referents
from rancang.generate.check.references import wrong_subjects
from rancang.generate.draft.notes import Notes
from rancang.generate.shared import resources
from rancang.parts import Block
from rancang.tree import LIST_TYPES, Node, Regulation

_WORD = re.compile(r"[A-Za-z]+")
#: the same word twice ("Kerja Kerja"): a typo in Indonesian, whose reduplication is hyphenated ("masing-masing")
_DOUBLED = re.compile(r"(?<![\w-])([A-Za-z]{3,})\s+(\1)(?![\w-])", re.IGNORECASE)
_ENDS = (".", ";", ":", ",")


@cache
def data() -> dict[str, Any]:
    return resources.read_yaml("draft/data/repair.yaml")


@cache
def _formulas() -> tuple[tuple[str, re.Pattern, str, str], ...]:
    return tuple((f["id"], re.compile(f["pattern"], 0 if f.get("case") else re.IGNORECASE), f["replace"], f["why"])
                 for f in data()["formulas"])


@cache
def _decisions() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(d["pattern"], re.IGNORECASE), d["why"]) for d in data().get("decide", []))


@dataclass
class Vocabulary:
    """Word and word-pair counts of the corpus, to tell a glued pair ("timkoordinasi") from a word."""

    words: Counter
    pairs: Counter

    @classmethod
    def of(cls, texts: Iterable[str]) -> Vocabulary:
        words: Counter = Counter()
        pairs: Counter = Counter()
        for text in texts:
            toks = [t.lower() for t in _WORD.findall(text)]
            words.update(toks)
            pairs.update(zip(toks, toks[1:], strict=False))
        return cls(words, pairs)

    def split(self, word: str) -> tuple[str, str] | None:
        """("tim", "koordinasi") for "timkoordinasi" when the glued form is rare and both halves and the pair are
        attested in the corpus; None otherwise."""
        g = data()["glued"]
        w = word.lower()
        if not 2 * g["min_half"] <= len(w) <= g["max_chars"] or w in g["never"] or self.words[w] > g["max_word_count"]:
            return None
        best = None
        for k in range(g["min_half"], len(w) - g["min_half"] + 1):
            a, b = w[:k], w[k:]
            if (self.words[a] >= g["min_half_count"] and self.words[b] >= g["min_half_count"]
                    and self.pairs[(a, b)] >= g["min_pair_count"]):
                score = self.pairs[(a, b)]
                if best is None or score > best[0]:
                    best = (score, word[:k], word[k:])
        return None if best is None else (best[1], best[2])


def text(s: str, values: dict[str, Any], vocab: Vocabulary | None, notes: Notes, node: Node | None = None,
         block: Block | None = None) -> str:
    """One clause's text repaired: formulas, doubled words, glued words; each repair noted against ``node`` (or
    the Lampiran ``block``)."""
    for rule_id, pattern, repl, why in _formulas():
        new = pattern.sub(repl.replace("{jenis_peraturan}", values["jenis_peraturan"]).replace(
            "{kepala}", values["kepala"]), s)
        if new != s:
            notes.add("perbaikan", rule_id, why, _diff(s, new), node=node, block=block)
            s = new
    for rx, why in _decisions():
        if rx.search(s):
            notes.add("putusan", "kata-baku", why, s, node=node, block=block)
    new = _DOUBLED.sub(lambda m: m.group(1), s)
    if new != s:
        notes.add("perbaikan", "kata-ganda", "kata yang tertulis dua kali dihapus satu.", _diff(s, new), node=node,
                  block=block)
        s = new
    if vocab is not None:
        def unglue(m: re.Match) -> str:
            parts = vocab.split(m.group(0))
            return m.group(0) if parts is None else f"{parts[0]} {parts[1]}"

        new = re.sub(r"\b[a-z]{6,}\b", unglue, s)
        if new != s:
            notes.add("perbaikan", "kata-rangkai", "dua kata yang tertulis menyatu dipisahkan.", _diff(s, new),
                      node=node, block=block)
            s = new
    return s


def body(nodes: list[Node], values: dict[str, Any], vocab: Vocabulary | None, notes: Notes) -> None:
    """Repair every text of the batang tubuh, then the punctuation of every clause and list (in place)."""
    for top in nodes:
        for n in top.walk():
            if n.text:
                n.text = text(n.text, values, vocab, notes, n)
            if n.heading:
                n.heading = _DOUBLED.sub(lambda m: m.group(1), n.heading)
    for top in nodes:
        for n in top.walk():
            if n.type in ("pasal", "ayat"):
                punctuate(n, notes)


def lampiran(blocks: list[Block], values: dict[str, Any], vocab: Vocabulary | None, notes: Notes) -> None:
    """Repair the text of every Lampiran block but the signature (in place)."""
    for b in blocks:
        if b.type != "signature" and b.text:
            b.text = text(b.text, values, vocab, notes, block=b)


def punctuate(parent: Node, notes: Notes) -> None:
    """R1 for one Pasal or ayat: a sentence ends with "."; a list's items end like the majority of its items
    (definitions each with ".", other lists with ";"), and the last item of a ";" list ends with "." -- unless
    text follows the list (the sentence goes on). A clause without ending punctuation gets one."""
    items = [c for c in parent.children if c.type in LIST_TYPES]
    if not parent.children:
        _end(parent, ".", notes)
        return
    if not items or parent.children[-1].type == "text":
        return
    ends = Counter(i.text.rstrip()[-1:] for i in items if i.text.rstrip())
    style = "." if ends["."] > ends[";"] else ";"
    for i, item in enumerate(items):
        if item.children:
            continue
        last = i == len(items) - 1
        want = "." if (style == "." or last) else ";"
        body = item.text.rstrip()
        if last and style == ";" and body.endswith(";"):
            _set(item, body[:-1] + ".", notes, "tanda baca penutup butir terakhir daftar adalah titik.")
        elif style == "." and body.endswith(";"):
            _set(item, body[:-1] + ".", notes, "butir daftar definisi masing-masing diakhiri titik.")
        else:
            _end(item, want, notes)


def _end(n: Node, mark: str, notes: Notes) -> None:
    body = n.text.rstrip()
    if body and not body.endswith(_ENDS) and not body.endswith(("dan", "atau", "dan/atau")):
        _set(n, body + mark, notes, "tanda baca penutup yang hilang ditambahkan.")


def _set(n: Node, new: str, notes: Notes, why: str) -> None:
    notes.add("perbaikan", "tanda-baca", why, _diff(n.text, new), node=n)
    n.text = new


def _diff(old: str, new: str) -> str:
    """The changed stretch of ``old`` -> ``new`` with a few words of context."""
    a = 0
    while a < min(len(old), len(new)) and old[a] == new[a]:
        a += 1
    b = 0
    while b < min(len(old), len(new)) - a and old[-1 - b] == new[-1 - b]:
        b += 1
    lo = max(0, old.rfind(" ", 0, max(0, a - 25)) + 1)
    return f"{old[lo:len(old) - b + 15].strip()} \u2192 {new[lo:len(new) - b + 15].strip()}"


#: what may follow a reference that continues its chain ("ayat (1) dan ayat (2)", "ayat (1), huruf a"): the repair
#: leaves such a chain to the drafter
_CHAIN_GOES_ON = re.compile(r"""^\s*,?\s*(?:
    (?:dan|atau|serta)(?:/atau)?\s+(?:dalam\s+|pada\s+)?(?:huruf|angka|ayat|Pasal)   # ", dan (dalam) Pasal 2"
    | sampai\b | s\.d\. | s/d | huruf\b | angka\b | ayat\b | Pasal\b)""", re.IGNORECASE | re.X)


def subjects(reg: Regulation, notes: Notes) -> bool:
    """X5 repair: "<Term> sebagaimana dimaksud pada ayat (1)" where the cited provision never names <Term> loses the
    reference ("<Term> dapat merupakan ..."): a wrong reference says less than none. Every such sentence of the act
    (:func:`rancang.generate.check.references.wrong_subjects`), each listed as a repair; a reference that
    continues a chain ("ayat (1) dan ayat (2)") stays and is listed as a decision. ``reg``'s references must be
    resolved; returns whether any text changed (resolve them again then)."""
    changed = False
    found = sorted(wrong_subjects(reg), key=lambda x: x[3], reverse=True)  # right to left: offsets stay valid
    found += _wrong_referents(reg, {id(x[2]) for x in found})
    for node, term, ref, start in found:
        cut = node.text[start:ref.end]
        if _CHAIN_GOES_ON.match(node.text[ref.end:]):
            notes.add("putusan", "X5", f'rujukan "{" ".join(cut.split())}" tidak menyebut {term}; periksa '
                      "ketentuan yang dimaksud.", node=node)
            continue
        before, after = node.text[:start].rstrip(), node.text[ref.end:]
        node.text = before + ("" if not after or after[:1] in ",.;:)" or after[:1].isspace() else " ") + after
        notes.add("perbaikan", "X5", f"ketentuan yang dirujuk tidak menyebut {term} (check X5); rujukan dihapus.",
                  f"{term} {' '.join(cut.split())} \u2192 {term}", node=node)
        changed = True
    return changed


_FORMULA_BEFORE = re.compile(r"sebagaimana\s+dimaksud\s+(?:(?:dalam|pada)\s+)?$", re.IGNORECASE)


def _wrong_referents(reg: Regulation, seen: set[int]) -> list[tuple[Node, str, Any, int]]:
    """The X5_subject findings of ``check`` (:func:`rancang.generate.check.coherence.check_referents`: "Reviu dan
    evaluasi sebagaimana dimaksud pada ayat (3)" where ayat (3) speaks of monitoring) as (node, subject, reference,
    offset of the formula), right to left within each node; references in ``seen`` are already listed."""
    by_cite = {n.cite: n for n in reg.walk() if n.cite}
    out: list[tuple[Node, str, Any, int]] = []
    for f in check_referents(reg):
        node = by_cite.get(f["cite"])
        if node is None or f["rule"] != "X5_subject":
            continue
        for ref in sorted(node.refs, key=lambda r: r.start, reverse=True):
            m = _FORMULA_BEFORE.search(node.text[:ref.start])
            if m is None or id(ref) in seen or f'"{ref.text}"' not in f["message"] and ref.text not in f["message"]:
                continue
            seen.add(id(ref))
            words = node.text[:m.start()].split()
            out.append((node, " ".join(words[-3:]) if words else "hal itu", ref, m.start()))
    return out

"""Cross-references: find every "Pasal 5 ayat (2) huruf a", "pada ayat (1)", "Pasal 6 sampai dengan Pasal 18",
"huruf a, huruf b, dan huruf c" in the body's text and resolve it to node ids.

A reference chain is a run of reference tokens joined only by connectors (",", "dan", "atau", "serta",
"sampai dengan"). A chain followed by the name of another act ("... Pasal 27 Peraturan Bupati Malang Nomor 27
Tahun 2022") is *external*: it keeps that act's citation and never points into this tree.

Targets are :class:`~rancang.address.Address` values (a ref's JSON keeps their ids):

    >>> [t.id for t, _ in targets_of("Pasal 5 ayat (2) huruf a", "pasal-9", None)]
    ['pasal-5/ayat-2/huruf-a']
    >>> [t.id for t, _ in targets_of("huruf b dan huruf c", "pasal-9", "pasal-9/ayat-2")]
    ['pasal-9/ayat-2/huruf-b', 'pasal-9/ayat-2/huruf-c']
    >>> [t.cite for t, _ in targets_of("ayat (1) dan ayat (2)", "pasal-9", None)]
    ['Pasal 9 ayat (1)', 'Pasal 9 ayat (2)']
    >>> [t.id for t, _ in targets_of("Pasal 6 sampai dengan Pasal 8", "pasal-9", None)]
    ['pasal-6', 'pasal-7', 'pasal-8']
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from rancang.address import Address, Step
from rancang.ingest.meta import citation
from rancang.limits import limit
from rancang.numbering import huruf, huruf_value
from rancang.tree import Node, Ref, Regulation

#: Reference tokens. Every branch starts with a literal word, so the regex engine can skip ahead to the
#: candidates; the word boundary before the token is checked in :func:`_tokens` (a leading ``\b`` would make the
#: engine try every position of the text, several times slower).
TOKEN = re.compile(r"""
      Pasal \s+ (?P<pasal>\d+[A-Z]?)\b               # Pasal 5, Pasal 7A
    | pasal \s+ (?P<pasal_>\d+[A-Z]?)\b              # "pasal 5" in running text
    | ayat \s* \( (?P<ayat>\d+[a-z]?|[lI]) \)        # ayat (2); "ayat (l)": OCR's "1"
    | huruf \s+ (?P<huruf>[a-z]{1,2})\b               # huruf a
    | angka \s+ (?P<angka>\d+)\b                     # angka 3
""", re.X)
CONNECTOR = re.compile(r"""^(?:\s*,\s*|\s+|\s*,?\s*(?:dan|atau|serta|dan/atau)\s+
    |\s*,?\s*(?:sampai\s+dengan|s\.\s?d\.?|s/d\.?)\s+)$""", re.X)   # a range: "sampai dengan", "s.d.", "s/d"
#: the connector of a range, in any of its printed forms
_RANGE = re.compile(r"sampai|s\.\s?d|s/d")
EXTERNAL = re.compile(r"^\s*,?\s*(?:Undang-Undang|Peraturan|Keputusan|Instruksi|Qanun|Surat\s+Edaran|UUD)\b"
                      r"(?!(?:\s+[A-Z][\w/-]*){0,3}\s+ini\b)")
#: an explicit citation of another act: its name and number ("Peraturan Bupati Jepara Nomor 67 Tahun 2021")
ACT_CITATION = re.compile(r"(?:Undang-Undang|Peraturan|Keputusan|Instruksi|Qanun)\b[^;]{0,120}?\bNomor\s+\d+")
#: what may stand between a reference chain and the act it belongs to, inside one list of references
#: ("..., dan ayat (5), Pasal 42 ayat (1), Lampiran I dan Lampiran II huruf A nomor 1, 2 dan 3, ...")
#: Possessive (``*+``): "dan/atau" is tried before "dan", so each word is taken whole by exactly one branch and
#: backtracking could never find another reading, only cost time on the long prefixes that fail.
REFERENCE_FILLER = re.compile(r"""^(?:[\s,]+|\((?:\d+|[a-z])\)
    |\b(?:dan/atau|dan|atau|serta|sampai|dengan|huruf|angka|ayat|Pasal|Lampiran|nomor|[A-Za-z]|[IVXLC]+|\d+[A-Z]?)\b
    )*+$""", re.X | re.I)
#: "huruf a, b, dan c": letters after a huruf token without the word "huruf" again
BARE_HURUF_LIST = re.compile(r"""^\s*(?:,\s*|\s*dan\s+|\s*atau\s+)
    (?P<letters>[a-z](?:\s*,\s*[a-z])*(?:,?\s*(?:dan|atau)\s+[a-z])?)\b""", re.X)
LEVELS = ("pasal", "ayat", "huruf", "angka")


def _word_start(text: str, pos: int) -> bool:
    """Is ``pos`` at the start of a word (the ``\b`` the patterns leave out)?"""
    return pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] == "_")


#: the keywords that start a token, with how far before the keyword the token starts ("Pasal" from "asal")
_TOKEN_KEYWORDS = (("asal", 1), ("ayat", 0), ("huruf", 0), ("angka", 0))


def _tokens(text: str) -> list[re.Match[str]]:
    """The reference tokens of ``text``, as ``TOKEN.finditer`` with a word boundary before each would give them,
    but tried only where a keyword stands (found by ``str.find``): scanning every position of every clause with
    the regex engine cost more than the rest of resolving."""
    starts = []
    for keyword, back in _TOKEN_KEYWORDS:
        i = text.find(keyword)
        while i >= 0:
            if i >= back:
                starts.append(i - back)
            i = text.find(keyword, i + 1)
    starts.sort()
    out: list[re.Match[str]] = []
    end = 0
    for start in starts:
        if start < end or not _word_start(text, start):
            continue
        m = TOKEN.match(text, start)
        if m is not None:
            out.append(m)
            end = m.end()
    return out


def _search_word(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match of ``pattern`` that starts a word (``\b`` + ``pattern``, but fast)."""
    m = pattern.search(text)
    while m is not None and not _word_start(text, m.start()):
        m = pattern.search(text, m.start() + 1)
    return m


@lru_cache(maxsize=512)
def _connects(between: str) -> bool:
    """Is the text between two tokens only a connector (", ", " dan ", " sampai dengan ")? Few distinct
    strings occur, so the answer is cached."""
    return CONNECTOR.match(between) is not None


def _level(m: re.Match[str]) -> str:
    level = m.lastgroup or ""
    return "pasal" if level == "pasal_" else level


def _chains(text: str):
    """Yield (start, end, tokens) for each chain; tokens are (level, value, connector_before)."""
    tokens = _tokens(text)
    i = 0
    while i < len(tokens):
        chain = [tokens[i]]
        j = i + 1
        while j < len(tokens) and _connects(text[chain[-1].end():tokens[j].start()]):
            chain.append(tokens[j])
            j += 1
        items = []
        for k, m in enumerate(chain):
            conn = text[chain[k - 1].end():m.start()] if k else ""
            value = m.group(m.lastgroup)
            items.append((_level(m), "1" if value in ("l", "I") else value, bool(conn) and _is_range(conn),
                          bool(conn) and not conn.strip()))
        yield chain[0].start(), chain[-1].end(), _outer_first(items)
        i = j


def _is_range(connector: str) -> bool:
    return "sampai" in connector or ("s" in connector and _RANGE.search(connector) is not None)


def _outer_first(items: list[tuple[str, str, bool, bool]]) -> list[tuple[str, str, bool]]:
    """(level, value, is_range) tokens with every inverted run read outermost first.

    Tokens joined by a space only, each a level above the one before ("huruf b ayat (2)", "ayat (2) Pasal 3"),
    name one provision from the inside out: they are read as "ayat (2) huruf b", "Pasal 3 ayat (2)"."""
    out: list[tuple[str, str, bool]] = []
    k = 0
    while k < len(items):
        run = [items[k]]
        while k + len(run) < len(items):
            nxt = items[k + len(run)]
            if not nxt[3] or LEVELS.index(nxt[0]) >= LEVELS.index(run[-1][0]):
                break
            run.append(nxt)
        if len(run) > 1:
            # the run takes the connector of its first token; inside it, tokens are joined by spaces
            out.append((run[-1][0], run[-1][1], run[0][2]))
            out.extend((level, value, False) for level, value, _, _ in reversed(run[:-1]))
        else:
            out.append(run[0][:3])
        k += len(run)
    return out


def targets_of(ref_text: str, pasal_id: str, ayat_id: str | None) -> list[tuple[Address, str]]:
    """(Address, level) targeted by the chains of ``ref_text``, relative to the node's own Pasal and ayat (ids)."""
    out = []
    here = Address.parse(pasal_id), Address.parse(ayat_id) if ayat_id else None
    for _, _, items in _chains(ref_text):
        out.extend(_expand(items, *here))
    return out


def _expand(items, pasal: Address, ayat: Address | None) -> list[tuple[Address, str]]:
    """Turn tokens into (Address, level) targets. A token sets its level and clears the deeper ones; a target is
    emitted when the next token is not deeper (a sibling or an outer level) and at the end of the chain. A chain
    that starts below Pasal ("ayat (2)", "huruf a") is read inside the node's own Pasal (and ayat)."""
    state: dict[str, Step | None] = {lv: None for lv in LEVELS}
    first = items[0][0]
    if first != "pasal":
        state["pasal"] = pasal.steps[0]
        if first in ("huruf", "angka") and ayat is not None:
            state["ayat"] = ayat.find("ayat")
    out: list[tuple[Address, str]] = []
    prev_level = None
    pending = False
    for level, value, is_range in items:
        depth = LEVELS.index(level)
        if pending and prev_level is not None and depth <= LEVELS.index(prev_level) and not is_range:
            out.append((_id(state), prev_level))
        if is_range and prev_level == level and (step := state[level]) is not None:
            out.append((_id(state), level))
            for mid in _between(step.number, value, level):
                state[level] = Step(level, mid)
                out.append((_id(state), level))
        state[level] = Step(level, value)
        for deeper in LEVELS[depth + 1:]:
            state[deeper] = None
        prev_level, pending = level, True
    if pending:
        out.append((_id(state), prev_level))
    seen, uniq = set(), []
    for t in out:
        if t[0].id not in seen:
            seen.add(t[0].id)
            uniq.append(t)
    return uniq


def _span(a: str, b: str, level: str) -> range | None:
    """The values strictly between range ends ``a`` and ``b``; None for a range wider than
    ``limits.reference_range`` ("Pasal 1 sampai dengan Pasal 9999999999"), which is kept unexpanded."""
    if level == "huruf":
        lo, hi = huruf_value(a), huruf_value(b)
    elif a.isdigit() and b.isdigit() and len(a) <= 9 and len(b) <= 9:
        lo, hi = int(a), int(b)
    elif a.isdigit() and b.isdigit():
        return None
    else:
        return range(0)
    return range(lo + 1, hi) if hi - lo <= limit("reference_range") else None


def _between(a: str, b: str, level: str) -> list[str]:
    span = _span(a, b, level) or range(0)
    return [huruf(v) for v in span] if level == "huruf" else [str(v) for v in span]


def _too_wide(items) -> bool:
    """Does the chain hold a range too wide to expand? (Then only its ends are targets, and it is unresolved.)"""
    return any(item[2] and items[k - 1][0] == item[0] and _span(items[k - 1][1], item[1], item[0]) is None
               for k, item in enumerate(items) if k)


def _id(state: dict[str, Step | None]) -> Address:
    """The address the levels set so far name: Pasal, then ayat, huruf and angka where given."""
    return Address.of(s for s in state.values() if s is not None)


def _refs_in(node: Node, pasal: Address, ayat: Address | None, ids: set[str]) -> list[Ref]:
    text = node.text or ""
    refs: list[Ref] = []
    if not _may_refer(text):
        return refs
    chains = list(_chains(text))
    acts = _Acts(text)
    external = _external_chains(text, chains, acts)
    cited: dict[int, dict] = {}  # act offset -> its citation: a list of chains often cites one act
    for k, (start, end, items) in enumerate(chains):
        act = external[k]
        if act is not None:
            if act not in cited:
                cited[act] = citation(text[act:act + 300].lstrip(" ,"))
            refs.append(Ref(text=text[start:end], kind="external", start=start, end=end, citation=dict(cited[act])))
            continue
        # "huruf a, b, dan c": letters after the last huruf token belong to the chain
        m = BARE_HURUF_LIST.match(text[end:]) if items[-1][0] == "huruf" else None
        if m:
            for letter in re.findall(r"\b[a-z]\b", m.group("letters")):
                items.append(("huruf", letter, False))
            end += m.end()
        targets = [t.id for t, _ in _expand(items, pasal, ayat)]
        resolved = all(_exists(t, ids) for t in targets) and not _too_wide(items)
        if not resolved:
            # a provision this act lacks, cited in a clause that names another act, belongs to that act
            at = acts.first_after(end)
            if at is not None:
                refs.append(Ref(text=text[start:end], kind="external", start=start, end=end,
                                citation=citation(text[at:at + 300])))
                continue
        refs.append(Ref(text=text[start:end], kind="internal", target=[_canonical(t, ids) for t in targets],
                        resolved=resolved, start=start, end=end))
    return refs


def _may_refer(text: str) -> bool:
    """Could ``text`` hold a reference token at all? (Plain substring tests: most clauses cite nothing, and
    a regex scan of every clause would cost more than the rest of resolving.)"""
    return "asal" in text or "ayat" in text or "huruf" in text or "angka" in text


class _Acts:
    """Where other acts are cited in one text ("Peraturan Bupati Jepara Nomor 67"), found once: the first one after
    any offset and before the clause ends (";") in O(log n), so a long list of references stays linear (searching
    the rest of the clause again for every reference made a 750 KB clause take 16 s)."""

    def __init__(self, text: str) -> None:
        self.semicolons = [i for i, ch in enumerate(text) if ch == ";"] if ";" in text else []
        self.length = len(text)
        starts: list[int] = []
        if "Nomor" in text:
            for m in _KEYWORD.finditer(text):
                if _word_start(text, m.start()) and ACT_CITATION.match(text, m.start()):
                    starts.append(m.start())
        self.starts = starts

    def first_after(self, end: int) -> int | None:
        """The offset of the first act cited at or after ``end`` in the same clause, or None."""
        if not self.starts:
            return None
        k = bisect_left(self.starts, end)
        if k == len(self.starts):
            return None
        s = bisect_left(self.semicolons, end)
        clause_end = self.semicolons[s] if s < len(self.semicolons) else self.length
        return self.starts[k] if self.starts[k] < clause_end else None


#: the words an act's name starts with (where :data:`ACT_CITATION` can match)
_KEYWORD = re.compile(r"Undang-Undang|Peraturan|Keputusan|Instruksi|Qanun")


def _external_chains(text: str, chains, acts: _Acts | None = None) -> list[int | None]:
    """For each chain, the offset of the other act it belongs to, or None when it points into this act.

    A chain directly followed by an act's name is external; so is every chain before it in the same list
    ("Pasal 11 ayat (2), ..., dan ayat (5), Pasal 14 ayat (2) ... Peraturan Bupati Jepara Nomor 67 ...").

    The lists are read right to left: what stands between chain k and the act is the gap to chain k+1, chain
    k+1 itself and what stands after it, so each stretch of text is checked against the filler pattern once
    (checking every chain's whole stretch made a long list quadratic). Splitting at a chain's start and end is
    safe because both are word boundaries, where the filler pattern never takes a word in two parts."""
    acts = acts or _Acts(text)
    n = len(chains)
    out: list[int | None] = [None] * n
    found: list[int | None] = [None] * n   # the act cited after each chain, before the clause ends
    for k, (_start, end, _) in enumerate(chains):
        if EXTERNAL.match(text[end:end + 80]):
            out[k] = end
            continue
        found[k] = acts.first_after(end)
    filler = [False] * n  # is text[end of chain k : its act] filler only?
    for k in range(n - 1, -1, -1):
        act = found[k]
        if act is None:
            continue
        end = chains[k][1]
        if k + 1 < n and found[k + 1] == act:
            nxt_start = chains[k + 1][0]
            filler[k] = filler[k + 1] and _chain_fills(chains[k + 1][2]) and _is_filler(text[end:nxt_start])
        else:
            filler[k] = _is_filler(text[end:act])
        if filler[k]:
            out[k] = act
    return out


def _is_filler(stretch: str) -> bool:
    return REFERENCE_FILLER.match(stretch) is not None


def _chain_fills(items) -> bool:
    """Would :data:`REFERENCE_FILLER` take a chain's own text? Read from its tokens: its connectors always
    fill, as do "Pasal 7A" and "angka 3"; "ayat (2a)" and "huruf bb" do not ("ii" does, as a Roman number)."""
    for level, value, _ in items:
        if level == "ayat" and not value[-1].isdigit():
            return False
        if level == "huruf" and len(value) > 1 and value.strip("ivxlc"):
            return False
    return True


def _exists(target: str, ids: set[str]) -> bool:
    return _canonical(target, ids) in ids


def _canonical(target: str, ids: set[str]) -> str:
    """"Pasal 1 huruf 3" style mismatches: a huruf/angka target may be numbered the other way in the tree."""
    if target in ids:
        return target
    alt = re.sub(r"/huruf-(\d+)$", r"/angka-\1", target)
    return alt if alt in ids else target


def resolve(reg: Regulation) -> None:
    """Fill ``refs`` of every node of the body.

    In an amending act, the references of an amendment instruction ("1. Ketentuan ayat (2) Pasal 3 diubah ...",
    "4. Pasal 8 dihapus.") name provisions of the amended act: they are refs of kind ``amendment``, with the
    amended act's citation (from the lead of Pasal I) and targets read as ids of that act, never dangling
    internal references of this one."""
    ids = {n.id for n in reg.walk() if n.id}
    for pasal in reg.pasals():
        amended = _amended_act(pasal)
        _walk(pasal, Address.parse(pasal.id), None, ids, amended)


#: the words of an amendment instruction
_INSTRUCTION = re.compile(r"\b(?:diubah|disisipkan|dihapus|ditambahkan|ditambah|berbunyi)\b")


def _amended_act(pasal: Node) -> dict | None:
    """The citation of the act that a Pasal of an amending act changes (its Roman Pasal I holds amendment
    instructions), or None for an ordinary Pasal."""
    if (pasal.number or "1")[0].isdigit():
        return None
    if not any(n.type == "perubahan" or _INSTRUCTION.search(n.text or "") for n in pasal.children) \
            and not _INSTRUCTION.search(pasal.text or ""):
        return None
    return citation(pasal.text or "")


def _walk(node: Node, pasal: Address, ayat: Address | None, ids: set[str], amended: dict | None = None) -> None:
    if node.type == "perubahan":
        return  # quoted text of an amendment refers to the amended act, not to this one
    if node.type == "ayat":
        ayat = Address.parse(node.id)
    node.refs = _refs_in(node, pasal, ayat, ids)
    if amended is not None and (node.type == "pasal" or _INSTRUCTION.search(node.text or "")):
        node.refs = [_instruction_ref(r, amended) for r in node.refs]
    for child in node.children:
        _walk(child, pasal, ayat, ids, amended)


#: where an amendment instruction's references are read: a chain always names its Pasal, this only fills the slot
_PASAL_1 = Address.parse("pasal-1")


def _instruction_ref(ref: Ref, amended: dict) -> Ref:
    """An internal reference of an amendment instruction, turned to the amended act (kind ``amendment``)."""
    if ref.kind != "internal":
        return ref
    items = [item for _, _, item in _chains(ref.text)]
    targets = [t.id for chain in items for t, _ in _expand(chain, _PASAL_1, None)] if items else []
    return Ref(text=ref.text, kind="amendment", target=targets, resolved=False, start=ref.start, end=ref.end,
               citation=dict(amended))

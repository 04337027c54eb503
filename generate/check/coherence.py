"""Coherence of the text with itself (UU 12/2011 Lampiran II angka 277 and the rincian rules; issue 27's checks that
hold for any act): a reference names what the cited provision regulates; two items of one list do not give the same
act to two authorities; no paragraph printed twice; no sentence pointing at a figure or structure the act does not
have; no list announced ("sebagai berikut:") and left empty; alternatives ("salah satu") joined with "atau".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rancang.fold import fold
from rancang.generate.check.base import Finding, finding, norm, settings
from rancang.generate.check.definitions import definitions
from rancang.generate.check.references import lead_in
from rancang.numbering import huruf_value
from rancang.tree import LIST_TYPES, Node, Regulation

#: where the subject of "... sebagaimana dimaksud" begins: after punctuation or a preposition
_BOUNDARY = re.compile(r"(?:^|[,;:()]|\b(?:mengenai|tentang|terhadap|kepada|oleh|melalui|dan\s+tata\s+cara)\b)\s*",
                       re.I)


def _content(words: list[str]) -> list[str]:
    stop = set(settings("coherence").get("generic_words") or [])
    return [w for w in words if len(w) >= 4 and w not in stop and not re.match(r"^(?:di|me|ber|ter)\w+kan$", w)]


def subject_words(before: str) -> list[list[str]]:
    """The content words of the subject standing right before "sebagaimana dimaksud", one list per conjunct ("Reviu
    dan evaluasi" is two): at most eight words after the last punctuation or clause preposition, generic words
    ("ketentuan", "hal", "pelaksanaan" ...) and verbs left out.

    >>> subject_words("(4) Reviu dan evaluasi")
    [['reviu'], ['evaluasi']]
    """
    tail = before[max((m.end() for m in _BOUNDARY.finditer(before)), default=0):]
    words = re.findall(r"[a-z/]+", fold(tail))[-8:]
    conjuncts: list[list[str]] = [[]]
    for w in words:
        if w in ("dan", "atau", "serta", "dan/atau"):
            conjuncts.append([])
        else:
            conjuncts[-1].append(w)
    return [c for c in (_content(x) for x in conjuncts) if c]


def _shares_root(word: str, have: set[str]) -> bool:
    """Whether ``word`` shares a root with the cited provision's words: an affix stripped (:func:`roots`), or a
    root of five letters or more held whole in it ("wewenang" holds "wenang" of "berwenang": reduplication and
    affixes :func:`roots` does not strip)."""
    return bool(roots(word) & have) or any(len(h) >= 5 and h in word for h in have)


def _generic_heads(before: str) -> list[str]:
    """The first word of each conjunct of the subject when it is a generic word ("informasi", "data", "kegiatan"):
    its other words qualify it, and a cited provision that names the head names the subject."""
    stop = set(settings("coherence").get("generic_words") or [])
    tail = before[max((m.end() for m in _BOUNDARY.finditer(before)), default=0):]
    words = re.findall(r"[a-z/]+", fold(tail))[-8:]
    heads, start = [], True
    for w in words:
        if w in ("dan", "atau", "serta", "dan/atau"):
            start = True
            continue
        if start and w in stop and len(w) >= 4:
            heads.append(w)
        start = False
    return heads


_PREFIXES = (("penge", ""), ("menge", ""), ("peng", "k"), ("peny", "s"), ("pem", "p"), ("pen", "t"), ("per", ""),
             ("pe", ""), ("meng", "k"), ("meny", "s"), ("mem", "p"), ("men", "t"), ("me", ""), ("di", ""), ("ber", ""),
             ("ter", ""), ("ke", ""))


def roots(word: str) -> set[str]:
    """The candidate roots of an Indonesian word, affixes stripped (nasal prefixes with their dropped consonant
    restored), for telling whether two words share a root: "pelindungan" and "melindungi" share "lindung".

    >>> "lindung" in roots("pelindungan") and "lindung" in roots("melindungi")
    True
    >>> bool(roots("penetapan") & roots("ditetapkan"))
    True
    """
    stems = {word}
    for prefix, restore in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            rest = word[len(prefix):]
            stems.add(rest)
            if restore and rest[:1] in "aeiou":
                stems.add(restore + rest)
    out = set()
    for stem in stems:
        out.add(stem)
        for suffix in ("kan", "an", "i", "nya"):
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
                out.add(stem[:-len(suffix)])
    return out


def _text_roots(text: str) -> set[str]:
    return {r for w in re.findall(r"[a-z]+", text) for r in roots(w)}


#: an ayat label inside a clause's text: the reading ran two ayat together
_GLUED = re.compile(r"[.;:]\s+\(\d+[a-z]?\)\s+[A-Z]")


def check_referents(reg: Regulation) -> Iterator[Finding]:
    """X5_subject: "<subject> sebagaimana dimaksud pada ayat (3)" where the cited provision names none of the words
    of the subject (or of one of its conjuncts: "Reviu dan evaluasi" where ayat (3) speaks of monitoring and
    evaluation): the reference points at a provision about something else (Lampiran II angka 277: the reference
    names the matter it cites). Defined terms are X5's; ranges and references to several units are left out (a
    summary need not repeat each word)."""
    defined = {fold(d["term"]) for d in definitions(reg)} | {fold(d["alias"]) for d in definitions(reg) if d["alias"]}
    index = reg.index()
    for node in reg.walk():
        if node.type == "perubahan":
            continue
        for ref in node.refs:
            if ref.kind != "internal" or not ref.resolved or len(ref.target) != 1 or "sampai" in ref.text:
                continue
            m = re.search(r"sebagaimana\s+dimaksud\s+(?:(?:dalam|pada)\s+)?$", node.text[:ref.start], re.I)
            if not m:
                continue
            before = node.text[:m.start()].rstrip()
            if any(fold(before).endswith(t) for t in defined if t):
                continue
            last = re.findall(r"[a-z]+", fold(before))[-1:]
            if not last or last[0] in set(settings("coherence").get("generic_words") or []):
                continue  # "yang melanggar ketentuan sebagaimana dimaksud": the subject is the provision itself
            conjuncts = subject_words(before)
            target = index.get(ref.target[0])
            if not conjuncts or target is None or _GLUED.search(node.text) or _GLUED.search(target.text):
                continue  # (an ayat run into another by the reading: what is cited is not what was read)
            have = _text_roots(fold(target.full_text() + " " + (target.heading or "") + " "
                                    + lead_in(index, ref.target[0])))
            # the cited provision names the subject in some form; when the subject joins single nouns ("Reviu dan
            # evaluasi"), it names each of them (with longer conjuncts a shared modifier may be what it names:
            # "Gaji dan tunjangan pegawai negeri sipil sebagaimana dimaksud pada ayat (4)")
            named = [any(_shares_root(w, have) for w in words) for words in conjuncts]
            if any(roots(h) & have for h in _generic_heads(before)):
                continue  # "Informasi publik ... ayat (1)" where ayat (1) gives "informasi": the head noun is named
            single = len(conjuncts) > 1 and all(len(words) == 1 for words in conjuncts)
            if not any(named) or (single and not all(named)):
                size = sum(len(w) for w in conjuncts) + len(conjuncts) - 1
                yield finding("X5_subject", node.cite, subject=" ".join(before.split()[-size:]), ref=ref.text)


#: an item that gives a decision to an authority: "penetapan Tim Kerja oleh Bupati;", "Tim Kerja ditetapkan oleh
#: Bupati;" (a decision by two authorities conflicts; "dilakukan oleh" lists who may act and does not)
_BY = re.compile(r"^(?P<act>(?:(?:penetapan|pengangkatan|penunjukan|pemberhentian|persetujuan|pembentukan|pengesahan)"
                 r"\s+.+?|.+?\s+(?:ditetapkan|diangkat|ditunjuk|diberhentikan|disetujui|dibentuk|disahkan)))\s+"
                 r"oleh\s+(?P<who>.+?)\s*(?:[;.]|;\s*(?:dan|atau|dan/atau))?\s*$", re.I)


def check_parallel(reg: Regulation) -> Iterator[Finding]:
    """C2: two items of one list give the same act to different authorities ("b. penetapan Tim Kerja oleh Bupati;"
    and "c. penetapan Tim Kerja oleh Sekretaris Daerah;"): the provisions conflict."""
    for node in reg.walk():
        items = [c for c in node.children if c.type in LIST_TYPES]
        seen: dict[str, Node] = {}
        for item in items:
            m = _BY.match(norm(item.text))
            if not m or len(m.group("act").split()) < 2:
                continue
            act, who = fold(m.group("act")), fold(m.group("who"))
            other = seen.get(act)
            if other is not None:
                om = _BY.match(norm(other.text))
                if om and fold(om.group("who")) != who:
                    yield finding("C2", item.cite, other=other.cite, act=m.group("act"), who=m.group("who"),
                                  other_who=om.group("who"))
            else:
                seen[act] = item


def check_duplicates(reg: Regulation) -> Iterator[Finding]:
    """C3: the same paragraph printed twice in a row (twelve words or more, case and spacing aside), in the Lampiran
    or among the units of one provision. (The same wording in different sections of a Lampiran -- one procedure per
    kind of unit -- is the act's choice, not a misprint.)"""
    previous = ("", "")
    for block in reg.lampiran:
        key = " ".join(fold(block.text or "").split())
        if len(key.split()) >= 12 and key == previous[0]:
            yield finding("C3", block.cite or "Lampiran", other=previous[1],
                          start=" ".join((block.text or "").split()[:6]))
        previous = (key, block.cite or "Lampiran")
    for node in reg.walk():
        kids = [c for c in node.children if c.type != "perubahan"]
        for a, b in zip(kids, kids[1:], strict=False):
            key = " ".join(fold(b.text).split())
            if len(key.split()) >= 12 and key == " ".join(fold(a.text).split()):
                yield finding("C3", b.cite, other=a.cite, start=" ".join(b.text.split()[:6]))


_POINTER = re.compile(r"\b(?:pada|dalam|seperti(?:\s+pada)?)\s+(?P<what>gambar|bagan|struktur|diagram|skema|tabel)"
                      r"\s+(?:di\s+atas|di\s+bawah(?:\s+ini)?|berikut(?:\s+ini)?)", re.I)


def check_figures(reg: Regulation) -> Iterator[Finding]:
    """C4: a sentence points at a figure, chart or table ("Pada struktur di atas", "dalam tabel berikut") that the
    Lampiran does not hold: no caption, table or figure block anywhere."""
    has = {b.type for b in reg.lampiran} & {"caption", "table", "figure", "image"}
    if has:
        return
    places = [(b.cite or "Lampiran", b.text or "") for b in reg.lampiran]
    places += [(n.cite, n.text) for n in reg.walk() if n.type != "perubahan"]
    reported = set()
    for cite, text in places:
        m = _POINTER.search(text)
        if m and cite not in reported:
            reported.add(cite)
            yield finding("C4", cite, found=m.group(0))


#: a sentence that announces a list: "... sebagai berikut:", "... meliputi:", "... terdiri atas:" (an amending
#: instruction "... berbunyi sebagai berikut:" announces quoted text, not a list)
_ANNOUNCES = re.compile(r"\b(?:sebagai\s+berikut|berikut\s+ini|meliputi|terdiri\s+(?:atas|dari)|yaitu|antara\s+lain|"
                        r"mencakup|berupa)\s*:$", re.I)
_QUOTES = re.compile(r"\b(?:berbunyi|diubah|disisipkan|ditambahkan|dihapus)\b", re.I)


def _announces(text: str) -> bool:
    return bool(_ANNOUNCES.search(text)) and not _QUOTES.search(text)


def check_empty_lists(reg: Regulation) -> Iterator[Finding]:
    """R1_empty: a sentence announcing a list ("... sebagai berikut:", "... meliputi:") with no item after it: in
    the batang tubuh, a clause ending ":" with no list below; in the Lampiran, a block ending ":" followed by a
    heading or by nothing."""
    for pasal in reg.pasals():
        for node in pasal.walk():
            for i, child in enumerate(node.children):
                if child.type == "perubahan" or not _announces(norm(child.text)) or child.children:
                    continue
                nxt = node.children[i + 1] if i + 1 < len(node.children) else None
                if nxt is None or nxt.type not in LIST_TYPES:
                    yield finding("R1_empty", child.cite, start=" ".join(child.text.split()[-5:]))
        if _announces(norm(pasal.text)) and not pasal.children:
            yield finding("R1_empty", pasal.cite, start=" ".join(pasal.text.split()[-5:]))
    blocks = reg.lampiran
    for i, block in enumerate(blocks):
        text = norm(block.text)
        if not _announces(text) or block.type == "heading":
            continue
        after = blocks[i + 1] if i + 1 < len(blocks) else None
        if after is None or after.type in ("heading", "signature"):
            yield finding("R1_empty", block.cite or "Lampiran", start=" ".join(text.split()[-5:]))


def check_alternatives(reg: Regulation) -> Iterator[Finding]:
    """R1_alt: a list introduced as a choice ("salah satu", "salah satu dari", "... dapat merupakan:": the rule
    table's ``alternative_leads``) whose items are joined with "dan" (cumulative): the items are alternatives and
    take "atau" (UU 12/2011 Lampiran II angka 89)."""
    leads = [re.compile(p, re.I) for p in settings("coherence").get("alternative_leads") or []]
    for node in reg.walk():
        items = [c for c in node.children if c.type in LIST_TYPES]
        if len(items) < 2:
            continue
        lead = next((m for p in leads if (m := p.search(norm(node.text)))), None)
        if lead is None:
            continue
        if re.search(r";\s+dan$", norm(items[-2].text)):
            yield finding("R1_alt", items[-2].cite, lead=lead.group(0).rstrip(" :"),
                          fix={"old": "; dan", "new": "; atau", "after": " ".join(items[-2].text.split()[:6])})


def _style(label: str) -> tuple[str, int] | None:
    """A Lampiran item label's style and value: "3." -> ("9.", 3), "c)" -> ("a)", 3), "B." -> ("A.", 2)."""
    m = re.fullmatch(r"\(?(\d{1,3}|[a-z]{1,2}|[A-Z]{1,2}|[IVXL]{1,6})([.)])", label.strip())
    if not m:
        return None
    body, mark = m.groups()
    if body.isdigit():
        return "9" + mark, int(body)
    if body.islower():
        return "a" + mark, huruf_value(body)
    if re.fullmatch(r"[IVXL]+", body):
        return None  # Roman numerals and single capitals collide ("I.", "V."): not judged
    return "A" + mark, huruf_value(body.lower())


def check_lampiran_numbering(reg: Regulation) -> Iterator[Finding]:
    """B3_lampiran: the items of one list in the Lampiran run without gaps ("1. 2. 3." then "5.") and do not start
    again ("1. Individu 2. Tim Kerja" then "1. Penunjukan"), judged only between two items with nothing between them
    but sub-items. A heading or an item of an outer level closes the lists below it; a paragraph between two items
    may open a new list or be an item whose label the reading lost, so neither is reported across a paragraph."""
    last: dict[tuple[int, str], tuple[int, bool]] = {}  # (level, style) -> (value, only sub-items since)
    for block in reg.lampiran:
        if block.type == "heading":
            last.clear()
            continue
        if block.type != "item":
            last = {k: (v, False) for k, (v, _) in last.items()}
            continue
        style = _style(block.label or "")
        if style is None:
            continue
        key, value = (block.level, style[0]), style[1]
        last = {k: v for k, v in last.items() if k[0] <= block.level}
        prev = last.get(key)
        # only between two items with nothing but sub-items between them: a paragraph between may be an item
        # whose label the reading lost (a gap) or the opening of a new list (a restart)
        if prev is not None and prev[1] and value and (value > prev[0] + 1 or value == 1):
            yield finding("B3_lampiran", block.cite or "Lampiran", found=block.label,
                          expected=_shown(key[1], prev[0] + 1))
        if value:
            last[key] = (value, True)


def _shown(style: str, value: int) -> str:
    body = str(value) if style[0] == "9" else chr(96 + value) if value <= 26 else "?"
    return (body.upper() if style[0] == "A" else body) + style[1]


CHECKS = [check_lampiran_numbering, check_referents, check_parallel, check_duplicates, check_figures,
          check_empty_lists, check_alternatives]

"""Structure (DRAFTING.md J1, B1, B3, T1, T2): the judul's lines, BAB I and the last BAB, numbering without
gaps at every level, the penutup formulas per jenis, the signer's name without titles, and placeholders.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from rancang import kinds
from rancang.generate.check import era
from rancang.generate.check.base import (
    Finding,
    clause,
    ending,
    finding,
    is_amending,
    is_perda,
    item_cite,
    jenis_of,
    jenis_pattern,
    norm,
)
from rancang.generate.check.copies import copy_kind
from rancang.generate.check.definitions import definitions
from rancang.kinds import BODY_UNITS, NodeType
from rancang.numbering import huruf_value, ordinal_value, roman_value
from rancang.tree import LIST_TYPES, Node, Regulation


def letter_value(s: str) -> int | None:
    """"c" -> 3, "aa" -> 27 (a list's lower-case letters); None otherwise."""
    s = s.strip()
    return (s.islower() and huruf_value(s)) or None


def _value(node: Node) -> int | None:
    """The position a node's number stands for: "IV" -> 4, "Kedua" -> 2, "KETIGA" -> 3, "c" -> 3, "7" -> 7,
    "7A" -> None."""
    n = (node.number or "").strip()
    if node.type == "bab":
        return roman_value(n) or None
    if node.type in ("bagian", NodeType.DIKTUM):
        return ordinal_value(n) or None
    if n.isdigit():
        return int(n)
    return letter_value(n)


def _sequence(nodes: list[Node], what: str, cite_of: Callable[[Node], str]) -> Iterator[Finding]:
    expected = 1
    prev = None
    for n in nodes:
        v = _value(n)
        if v is None:
            continue
        # (a diktum is named by its ordinal alone, "KETIGA", not by its printed "KETIGA :")
        diktum = n.type == NodeType.DIKTUM
        label = n.number if diktum else n.label or n.number
        if v != expected:
            f = finding("B3", cite_of(n), what=what, prev=prev or "awal", found=label,
                        expected=kinds.diktum_word(expected) if diktum else expected)
            if v == 1 and expected > 1:
                f["restart"] = True  # a list that starts again: more often a lost label above it than a misprint
            yield f
        expected, prev = v + 1, label


def check_numbering(reg: Regulation) -> Iterator[Finding]:
    """B3: BAB, Bagian, Pasal, ayat and list items run without gaps or repeats."""
    babs = [n for n in reg.body if n.type == "bab"]
    yield from _sequence(babs, "BAB", lambda n: n.cite)
    for bab in babs:
        yield from _sequence(bab.child_list("bagian"), f"Bagian dalam {bab.cite}", lambda n: n.cite)
    yield from _sequence(reg.pasals(), "Pasal", lambda n: n.cite)
    yield from _sequence(reg.dikta(), "Diktum", lambda n: n.cite)   # KESATU, KEDUA ... of a Keputusan
    for node in reg.walk():
        if node.type in ("pasal", "diktum", "ayat", "huruf", "angka", "item"):
            yield from _sequence(node.child_list("ayat"), f"ayat dalam {node.cite}", lambda n: n.cite)
            for kind in ("huruf", "angka"):
                yield from _sequence(node.child_list(kind), f"{kind} dalam {node.cite}", lambda n: n.cite)


def check_babs(reg: Regulation) -> Iterator[Finding]:
    """B1: BAB I is Ketentuan Umum and the last BAB Ketentuan Penutup."""
    babs = [n for n in reg.body if n.type == "bab"]
    if not babs or is_amending(reg) or any(_inserted(b.number) for b in babs):
        return  # a BAB inserted ("BAB IVA") is amending text quoted in the act (a Perppu ratified with its text)
    if (babs[0].number or "").strip() == "I" and not _heading(babs[0]).startswith("KETENTUAN UMUM") \
            and definitions(reg):
        # (an act that defines nothing has no ketentuan umum to put in BAB I: angka 96 presumes one)
        yield finding("B1_first", babs[0].cite, found=babs[0].heading or "")
    # the last BAB read is the act's last only when it holds the Pasal that says when the act comes into force
    last = " ".join(n.text for n in babs[-1].walk())
    if re.search(r"mulai\s+berlaku", last) and not _heading(babs[-1]).startswith("KETENTUAN PENUTUP"):
        f = finding("B1_last", babs[-1].cite, found=babs[-1].heading or "")
        if _despaced(_heading(babs[-1])).startswith("KETENTUANPENUTUP"):
            f["reading_doubt"] = SPACED_NOTE.format(found=babs[-1].heading or "")
        yield f


#: the doubt of a formula or heading whose letters are all there, one word split by a space ("KETENTUAN PEN UTUP",
#: "Lembaran Negara Repu blik Indonesia"): a letter-spaced or OCR'd copy read apart, a typo of form at most
SPACED_NOTE = 'kata terbaca terpisah spasi ("{found}"): naskah tampak rusak, rumusannya sendiri lengkap'


def _despaced(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _inserted(number: str | None) -> bool:
    """Whether a BAB number is an inserted one ("IVA": BAB IV then a letter), which only amending text has."""
    n = (number or "").strip().upper()
    return len(n) > 1 and n[-1].isalpha() and not roman_value(n) and bool(roman_value(n[:-1]))


def _heading(bab: Node) -> str:
    """A BAB's title in capitals, without its own label printed again ("BAB VIII KETENTUAN PERALIHAN") -- the text a
    reader may run into it after the title is left to follow it."""
    return re.sub(r"^BAB\s+[IVXLC]+[A-Z]?\s+", "", norm(bab.heading).upper())


def check_judul(reg: Regulation) -> Iterator[Finding]:
    """J1: the judul reads "<JENIS> <DAERAH> / NOMOR n TAHUN yyyy / TENTANG / <NAMA>"."""
    lines = [norm(x).upper() for x in reg.preamble]
    nomors = [i for i, x in enumerate(lines) if re.match(r"NOMOR\b.*\bTAHUN\b", x)]
    if not nomors or not reg.meta.tentang:
        return
    # a "BERITA DAERAH ... / NOMOR ..." line printed above the title is not the judul's: any NOMOR line followed by
    # TENTANG is the judul's own
    if not any("TENTANG" in lines[i].split() or any(x == "TENTANG" or x.startswith("TENTANG ")
                                                   for x in lines[i + 1:i + 3]) for i in nomors):
        yield finding("J1", "Judul")


_TITLES = re.compile(r"""
      ^(?:H|Hj|K\.?H)\.\s                                        # Haji / Kyai Haji before the name
    | (?<![\w.])(?i:dr|drs|dra|ir|prof|drg)\.                     # academic titles before it
    | (?<![\w.])[SMD]\.\s?[A-Z][A-Za-z]{0,4}\.(?:\s?[A-Z][a-z]*\.)?  # degrees after it: S.H., M.Si., S.Sos.
    | ,\s*(?:MM|MH|MT|MBA|MPA|MSi|Ph\.D)\b                        # degrees written without points
""", re.X)
#: markup or template syntax printed as a name: "<b>BUDI</b>", "{{ nama }}", "{% if %}"
_MARKUP = re.compile(r"</?[A-Za-z][^>]*>|\{\{|\}\}|\{%|%\}|&[a-z]+;")
_RANK = re.compile(r"\b(?:Pembina|Penata|Pengatur|Juru)(?:\s+(?:Utama|Tingkat\s+I|Muda|Madya))*\b|\bNIP\b", re.I)


def _signers(lines: list[str]) -> Iterator[str]:
    """The name lines of the penutup: the line after an office ending with "," (skipping "ttd.")."""
    office = False
    for line in (norm(x) for x in lines):
        if not line:
            continue
        if line.lower().startswith("salinan sesuai"):
            return  # the certification of the copy follows: its officer is not the act's signer
        if line.endswith(",") and line.upper() == line:
            office = True
            continue
        if office and line.lower().rstrip(".") in ("ttd", "dto", "cap/ttd"):
            continue
        if office:
            yield line
        office = False


def _takes_effect(event: str) -> re.Pattern[str]:
    """"... ini mulai berlaku pada tanggal <event>" (ditetapkan, or dikeluarkan for an Instruksi), or on a date
    named ("1 Januari 2027")."""
    return re.compile(rf"\bini\s+(?:mulai\s+)?berlaku\s+(?:pada|sejak)\s+tanggal\s+"
                      rf"(?:{event}(?:nya)?|\d{{1,2}}\s+[A-Za-z]+\s+\d{{4}})", re.I)


def check_keputusan(reg: Regulation) -> Iterator[Finding]:
    """T1 of a Keputusan or Instruksi (body of diktum): its last diktum says it takes effect on the day it is
    ditetapkan ("Keputusan ini mulai berlaku pada tanggal ditetapkan."), never on promulgation: a Keputusan is not
    diundangkan (UU 12/2011 Pasal 81-86 list what is; Permendagri 80/2015 Lampiran, bentuk Keputusan), so no
    pengundangan formula is asked of it."""
    dikta = reg.dikta()
    if not dikta or reg.pasals():
        return
    last = norm(dikta[-1].full_text())
    kind = kinds.of(jenis_of(reg))
    event = kind.berlaku if kind is not None and not kind.promulgated else "ditetapkan"
    if not _takes_effect(event).search(last) or re.search(r"\bdiundangkan\b", last, re.I):
        word = (jenis_of(reg).split() or ["Keputusan"])[0]
        yield finding("T1_ditetapkan", dikta[-1].cite, jenis=jenis_of(reg), word=word, event=event)


def check_penutup(reg: Regulation) -> Iterator[Finding]:
    """T1: the penutup formulas per jenis: the act's gazette is its kind's (``rancang.kinds``: Lembaran or Berita
    Negara for national acts, Lembaran or Berita Daerah for regional ones; UU 12/2011 Pasal 81-86); T2: the
    signer's name in capitals without titles or rank."""
    jenis = jenis_of(reg)
    pasals = reg.pasals()
    last = " ".join(n.text for n in pasals[-1].walk()) if pasals else ""
    text = norm(last + " " + " ".join(reg.penutup.lines))
    spelled = jenis_pattern(reg)
    despaced = re.sub(r"\s+", "", text).lower()  # "mulai berl aku": a PDF's spacing is no drafting defect
    if pasals and not re.search(re.sub(r"\\s[+*?]", "", spelled) + r"inimulaiberlaku", despaced) \
            and not era.has_earlier_formula(reg, "T1_berlaku", text):
        yield finding("T1_berlaku", pasals[-1].cite, jenis=jenis)
    kind = kinds.of(jenis)
    # (a Keputusan of the years when it was built of Pasal is not promulgated either: no formula asked)
    place = kind.gazette if kind is not None else ("Lembaran Daerah" if is_perda(reg) else "Berita Daerah")
    spelled_place = r"\s+".join(map(re.escape, (place or "").split()))
    # (a comma added or lost between its words in a copy is no other formula: "Agar setiap orang, mengetahuinya")
    formula = (rf"Agar[\s,]+setiap[\s,]+orang[\s,]+mengetahuinya\s*,?\s+memerintahkan[\s,]+pengundangan\s+"
               rf"(?i:{spelled})\s+(?P<ini>[^\s,]+)\s*,?\s+dengan\s+penempatannya\s+dalam\s+{spelled_place}\b")
    m = re.search(formula, text) if pasals and place else None
    if pasals and place and (m is None or m["ini"] != "ini") and not era.has_earlier_formula(reg, "T1_undang", text):
        f = finding("T1_undang", pasals[-1].cite, jenis=jenis, place=place)
        if m is not None and re.search(r"\d", m["ini"]):
            # "... Peraturan Pemerintah m1 dengan ...": "ini" misread (a digit for a letter), the formula is there
            f["reading_doubt"] = f'kata "{m["ini"]}" dalam rumusan kemungkinan salah baca "ini"'
        elif m is None and (split := _spaced_formula(text, spelled, place)):
            f["reading_doubt"] = SPACED_NOTE.format(found=split)
        elif m is None and (case := re.search(formula, text, re.I)) and case["ini"].lower() == "ini":
            # "... dalam lembaran Negara Republik Indonesia": every word there, one capital letter differs
            f["reading_doubt"] = f'rumusan lengkap, hanya huruf kapitalnya berbeda ("{_tail(case.group(0))}")'
        elif m is None and not _HEAD.search(text) and copy_kind(reg) == "diundangkan":
            # a promulgated act had its formula (UU 12/2011 Pasal 81): a copy without its opening words lost them at
            # a page join (PP 78/2011: "... mulai berlaku pada tanggal diundangkan. pengundangan Peraturan ...")
            f["reading_doubt"] = ("naskah ini salinan peraturan yang telah diundangkan, tetapi awal rumusan "
                                  "pengundangannya tidak terbaca: kemungkinan hilang dari salinan; periksa naskah "
                                  "resminya")
        yield f
    for name in _signers(reg.penutup.lines):
        if _MARKUP.search(name):
            yield finding("T2_markup", "Penutup", name=name)
        elif _TITLES.search(name) or _RANK.search(name):
            yield finding("T2_title", "Penutup", name=name)


#: the opening words of the pengundangan formula (of any era: "Agar supaja setiap orang dapat mengetahuinja")
_HEAD = re.compile(r"Agar[\s,]+(?:supa[yj]a\s+)?setiap[\s,]+orang[\s,]+(?:dapat\s+)?mengetahui", re.I)


def _tail(words: str, n: int = 8) -> str:
    return " ".join(words.split()[-n:])


def _spaced_formula(text: str, spelled: str, place: str) -> str:
    """The words of the pengundangan formula as printed when every letter of it is there but a word is split by a
    space ("... dalam Lembaran Negara Repu blik Indonesia"), else "". Read without spaces and commas."""
    flat = re.sub(r"[\s,]+", "", text).lower()
    want = ("agarsetiaporangmengetahuinyamemerintahkanpengundangan" + re.sub(r"\\s[+*?]", "", spelled)
            + "inidenganpenempatannyadalam" + _despaced(place).lower())
    if not re.search(want, flat):
        return ""
    words = re.search(r"Agar\s+setiap.{0,400}?" + r"\s*".join(map(re.escape, _despaced(place))), text, re.S | re.I)
    if words is None:
        return place
    printed = words.group(0).split()
    # the split words and their neighbours: a fragment that is no word of the formula as it should read
    jenis = re.sub(r"\\s[+*?]", " ", spelled).replace("\\", "")
    words_of = set(f"agar setiap orang mengetahuinya memerintahkan pengundangan {jenis} ini dengan penempatannya "
                   f"dalam {place}".lower().split())
    odd = [i for i, w in enumerate(printed) if w.strip(",.").lower() not in words_of]
    # (no fragment: the words differ only in their capitals, which is another doubt)
    return " ".join(printed[max(0, odd[0] - 2):odd[-1] + 3]) if odd else ""


#: a blank left to fill: dots (an ellipsis "…" counts three) worth four or more, after a word that asks for a
#: value ("NOMOR ....", "pada tanggal ……", "Tahun ....", "Nomor …."), a colon or a bracket, or alone on its line; a
#: square bracket with dots or an "XX" left in (a word before the dots is apart from them: "satu tahun......" is a
#: dot leader, "[]" a scan's speck). Dots after other words are no blank: a paraf line ("Kabag Bankum ……"), the
#: form of an oath an act prescribes ("... menjadi Kepala Desa ........"), a dot leader or a scan's specks.
_DOTS = r"(?:[.…]\s?){2,}"
_PLACEHOLDER = re.compile(rf"""(?:\b(?i:nomor|no\.|tahun|tanggal|bulan|pukul|sebesar|rp\.?)\s+|[:(/]\s*)(?P<d1>{_DOTS})
                              | ^\s*(?P<d2>{_DOTS})\s*$
                              | \[\s*(?:\.\s*){{3,}}\] | \[\s*…\s*\] | \bXX+\b""", re.X | re.M)


def _blank(text: str) -> str:
    """The words around the first blank to fill in ``text`` (``_PLACEHOLDER``, its dots worth four or more):
    the whole text when short, else up to 50 characters before the blank and the blank; "" when none."""
    text = norm(text)
    for m in _PLACEHOLDER.finditer(text):
        dots = m.group("d1") or m.group("d2")
        if dots is None or dots.count(".") + 3 * dots.count("…") >= 4:
            if len(text) <= 60:
                return text
            head = text[max(0, m.start() - 50):m.end()]
            return ("… " if m.start() > 50 else "") + (head.split(" ", 1)[-1] if m.start() > 50 else head)
    return ""


def check_placeholders(reg: Regulation) -> Iterator[Finding]:
    """T2: blanks left to fill ("NOMOR .... TAHUN 2026", "pada tanggal ……", a Mengingat entry's "Nomor ....") in the
    judul, the pembukaan, the batang tubuh and the penutup, and a gazette line whose number is left out (info: a
    draft has them by design)."""
    places = [("Judul", x) for x in reg.preamble] + [("Penutup", x) for x in reg.penutup.lines]
    places += [(item_cite("Menimbang", reg.menimbang, k), k.text) for k in reg.menimbang]
    places += [(item_cite("Mengingat", reg.mengingat, d), d.text) for d in reg.mengingat]
    places += [("Diktum", x) for x in reg.diktum]
    places += [(n.cite, n.text) for n in reg.walk() if n.text]
    seen = set()
    for cite, text in places:
        if cite not in seen and (blank := _blank(text or "")):
            seen.add(cite)
            yield finding("T2_placeholder", cite, text=blank)
    bd = reg.meta.berita_daerah
    lines = [norm(x) for x in reg.penutup.lines]
    if bd is not None and bd.nama and not bd.nomor and any(re.search(r"\bNOMOR\s*$", x, re.I) for x in lines):
        yield finding("T2_placeholder", "Penutup", text=next(x for x in lines if re.search(r"NOMOR\s*$", x, re.I)))


_ITEM_END = re.compile(r";(?:\s+(?:dan/atau|dan|atau|serta))?$")
LIST_KINDS = LIST_TYPES


def _end_fix(node: Node, mark: str) -> dict[str, str]:
    tail = " ".join(node.text.split()[-3:])
    return {"old": tail, "new": tail.rstrip(",;:. ") + mark, "after": " ".join(node.text.split()[:6])}


def _parents(reg: Regulation) -> dict[int, Node]:
    out: dict[int, Node] = {}
    for node in reg.walk():
        for c in node.children:
            out[id(c)] = node
    return out


def _closes_sentence(holder: Node, parents: dict[int, Node]) -> bool:
    """Whether the last item of ``holder``'s list ends the sentence ("."), or carries the punctuation of
    ``holder`` itself: in a nested list the last sub-item of an item that is not the last one ends as that item
    would, ";" or "; dan" (UU 12/2011 Lampiran II angka 88-95: the rincian of a rincian stand in its place)."""
    node = holder
    while node.type in LIST_KINDS:
        parent = parents.get(id(node))
        if parent is None:
            return True
        siblings = [c for c in parent.children if c.type in LIST_KINDS]
        if siblings and node is not siblings[-1]:
            return False
        if parent.children and parent.children[-1] is not node:
            return False  # the parent's sentence goes on after its list
        node = parent
    return True


def _outside_definitions(unit: Node) -> Iterator[Node]:
    """``unit`` and its descendants in document order, without the subtree of a Pasal 1 printed inside it: the
    ketentuan umum of an amended act, quoted in full by its amending act ("Ketentuan Pasal 1 ... diubah sehingga
    Pasal 1 berbunyi sebagai berikut:", UU 1/2014 Pasal I angka 1), whose definitions each end with "." (UU 12/2011
    Lampiran II angka 109) and are U1's, as the act's own Pasal 1 is."""
    yield unit
    for child in unit.children:
        if child.type == "pasal" and child.number == "1":
            continue
        yield from _outside_definitions(child)


def check_punctuation(reg: Regulation) -> Iterator[Finding]:
    """R1: an ayat (or a Pasal without ayat) ends with "." -- or ":" before its list; list items end with ";"
    (with "dan", "atau", "dan/atau" before the last) and the last one with "." unless the sentence goes on after
    the list. In a nested list the last sub-item carries its parent item's punctuation (";" or "; dan" when the
    parent is not the last item). Pasal 1's definitions are U1's. A Keputusan's diktum is read as a Pasal is."""
    parents = _parents(reg)
    for pasal in reg.units():  # (the Pasal, or the diktum of a Keputusan)
        if pasal.number == "1":
            continue
        for node in _outside_definitions(pasal):
            if node.type == "perubahan" or not node.text.strip():
                continue
            items = [c for c in node.children if c.type in LIST_KINDS]
            if any(g.type == "perubahan" for it in items for g in it.children):
                # the numbered points of an amending Pasal I are instructions, each a sentence of its own ("12.
                # Ketentuan Pasal 72 tetap, Penjelasan Pasal 72 diubah ...", UU 15/2019; Lampiran II angka 231-235),
                # not the items of one sentence
                items = []
            text = clause(node.text)
            if node.type in ("ayat", *BODY_UNITS) and not items and not node.child_list("ayat") and \
                    not text.endswith((".", ":")) and (node.type == "ayat" or not node.children):
                yield finding("R1_end", node.cite, fix=_end_fix(node, "."), found=ending(text))
            if not items or all(clause(i.text)[:1].isupper() and clause(i.text).endswith(".") for i in items):
                continue  # (a list of whole sentences, each capitalised and closed: "a. Dalam hal ... ." UU 7/2014)
            after_list = node.children.index(items[-1]) < len(node.children) - 1
            closes = _closes_sentence(node, parents)
            for item in items:
                itext = clause(item.text)
                if not itext or any(c.type in LIST_KINDS for c in item.children):
                    continue
                if item is items[-1] and closes:
                    if not after_list and not itext.endswith((".", ":")):
                        yield finding("R1_last", item.cite, fix=_end_fix(item, "."), found=ending(itext))
                elif item is items[-1]:
                    if not _ITEM_END.search(itext) and not itext.endswith(":"):
                        yield finding("R1_item", item.cite, fix=None, found=ending(itext))
                elif not _ITEM_END.search(itext) and not itext.endswith(":"):
                    fix = _end_fix(item, ";") if itext.endswith((",", ".")) else None
                    yield finding("R1_item", item.cite, fix=fix, found=ending(itext))


CHECKS = [check_judul, check_babs, check_numbering, check_penutup, check_keputusan, check_placeholders,
          check_punctuation]

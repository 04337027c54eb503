"""Definitions of Pasal 1 (DRAFTING.md U1-U4): "X adalah ...", one "adalah", "yang selanjutnya disingkat Y"
before it, a final "."; each defined term used as a term (U5), and written with the same capitals wherever it is
used (U2); a capitalised term-of-art used in the body is defined.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from rancang import kinds
from rancang.fold import fold
from rancang.generate.check.base import (
    Finding,
    ending,
    finding,
    jenis_of,
    jenis_pattern,
    node_start,
    norm,
    rules,
    word_pattern,
)
from rancang.tree import LIST_TYPES, Node, Regulation

_TERM = re.compile(r"""
    ^\s*(?P<term>.+?)                                   # the defined term
    (?:,?\s+(?:yang\s+)?(?:untuk\s+)?selanjutnya\s+(?:dalam\s+\S+(?:\s+\S+)?\s+ini\s+)?(?:disingkat|disebut)
       (?:\s+(?:dengan|sebagai))?
       \s+(?P<alias>.+?),?)?                          # its short form ("ASN", "Pegawai ASN")
    \s+(?P<verb>adalah|merupakan|sebagai|yaitu|ialah)\s  # the copula (only "adalah" is right)
""", re.X)
_LEAD = re.compile(r"^\s*((?:[A-Z][\w/-]*\s+)*?[A-Z][\w/-]*)\s")


def _definition_items(reg: Regulation) -> list[Node]:
    p1 = reg.find("Pasal 1")
    if p1 is None or "dimaksud dengan" not in p1.text:
        return []
    return [c for c in p1.children if c.type in LIST_TYPES and c.text.strip()]


def _bare(phrase: str | None) -> str:
    """A term or short form without the punctuation and quotes around it: '"ASN",' -> "ASN"."""
    return norm(phrase).strip(" ,;:\"'“”‘’")


def definitions(reg: Regulation) -> list[dict[str, Any]]:
    """Pasal 1's definitions: [{term, alias, verb, node}], in order. A term is 1-8 words, capitalised."""
    out = []
    for item in _definition_items(reg):
        m = _TERM.match(item.text)
        term, alias, verb = (m.group("term"), m.group("alias"), m.group("verb")) if m else (None, None, None)
        if not m:
            lead = _LEAD.match(item.text)
            term = lead.group(1) if lead else None
        term = _bare(term)
        if term and term[:1].isupper() and 1 <= len(term.split()) <= 8:
            out.append({"term": term, "alias": _bare(alias) or None, "verb": verb, "node": item})
    return out


#: a short form introduced after "adalah", with the capitalised words before it ("... antara Pimpinan ... atau Dewan
#: Perwakilan Rakyat Republik Indonesia yang selanjutnya disebut Dewan Perwakilan Rakyat (DPR) dengan ...")
_LATER = re.compile(r"(?P<before>(?:\b[A-Z][\w/.-]*\s+){0,8})yang\s+selanjutnya\s+(?:disingkat|disebut)\s+"
                    r"(?:(?:dengan|sebagai)\s+)?(?P<short>\S+)")


def _another_short_form(later: re.Match[str], term: str) -> bool:
    """Whether the short form a definition introduces after "adalah" abbreviates another name inside the definition
    (the capitalised name right before it: PP 3/2015 Pasal 1 angka 20 defines "Konsultasi" and abbreviates "Dewan
    Perwakilan Rakyat Republik Indonesia" on the way), not the defined term -- whose initials an acronym short form
    spells ("... yang selanjutnya disingkat SPBE" after "Sistem Pemerintahan Berbasis Elektronik adalah")."""
    short = later.group("short").strip("(),.;:")
    initials = "".join(w[0] for w in term.split() if w[:1].isupper())
    if short.isupper() and len(short) > 1 and short == initials:
        return False
    return len(later.group("before").split()) >= 2


def check_form(reg: Regulation) -> Iterator[Finding]:
    """U1/U4: the opening sentence, one "adalah" per definition, the short form before it, a final "."."""
    p1 = reg.find("Pasal 1")
    items = _definition_items(reg)
    if p1 is None or not items:
        return
    expected = f"Dalam {jenis_of(reg)} ini yang dimaksud dengan:"
    spelled = rf"Dalam\s+(?i:{jenis_pattern(reg)})\s+ini\s+yang\s+dimaksud\s+dengan:"
    if not re.fullmatch(spelled, norm(p1.text)) and norm(p1.text).startswith("Dalam "):
        yield finding("U1_intro", "Pasal 1", fix={"old": norm(p1.text), "new": expected}, expected=expected)
    for k, item in enumerate(items):
        cite, text = item.cite, norm(item.text)
        count = len(re.findall(r"\badalah\b", text))
        m = _TERM.match(text)
        if count == 0:
            f = finding("U4_adalah", cite, found=(m.group("verb") if m else "") or "tanpa kata penghubung")
            after = items[k + 1] if k + 1 < len(items) else None
            if after is not None and after.number == item.number and text.rstrip(".… ") \
                    and norm(after.text).startswith(text.rstrip(".… ")):
                # "9. Penggunaan..." then "9. Penggunaan adalah ...": the copy printed the item's first line twice
                f["reading_doubt"] = (f"butir {item.number} tercetak dua kali, yang pertama terpotong: naskah tampak "
                                      "rusak, batasan pengertiannya sendiri memakai \"adalah\"")
            yield f
        elif count > 1:
            yield finding("U4_twice", cite, count=count)
        pos = text.find(" adalah ")
        later = _LATER.search(text[pos:]) if pos >= 0 else None
        if later and count == 1 and not _another_short_form(later, m.group("term") if m else ""):
            # (with two "adalah" the item may hold two definitions run together)
            yield finding("U4_order", cite)
        if not item.children and not text.endswith((".", ":")):
            tail = " ".join(text.split()[-4:])
            new = tail.rstrip(";,:") + "."
            yield finding("U1_end", cite, fix={"old": tail, "new": new, "after": node_start(item)},
                          found=ending(text))


def _texts_outside(reg: Regulation, skip: Node | None) -> list[tuple[Node | None, str]]:
    out: list[tuple[Node | None, str]] = []
    for n in reg.walk():
        if n is not skip and n.type != "perubahan" and n.text:
            out.append((n, n.text))
    out.extend((None, b.text or "") for b in reg.lampiran)
    return out


def written_as_term(found: str) -> bool:
    """Whether an occurrence of a defined term is written as the term: not in ordinary lower-case words.

    "jabatan pelaksana" is ordinary usage (it neither uses the term "Jabatan Pelaksana" nor misspells it);
    "Jabatan Pelaksana" uses it, and "pegawai ASN" or "Unit kerja" use it with the wrong capitals (U2).

    >>> written_as_term("jabatan pelaksana"), written_as_term("pegawai ASN"), written_as_term("Jabatan Pelaksana")
    (False, True, True)
    """
    return found.lower() != found


def unused(reg: Regulation) -> list[dict[str, Any]]:
    """U5: the definitions of Pasal 1 (as :func:`definitions` gives them) whose term and short form are never
    used, written as a term (:func:`written_as_term`), outside their own definition: in a Pasal, another
    definition or the Lampiran. A term met only in ordinary lower-case words ("uraian tugas jabatan pelaksana") is
    defined but never used."""
    out = []
    for d in definitions(reg):
        pats = [word_pattern(d["term"])] + ([word_pattern(d["alias"])] if d["alias"] else [])
        texts = _texts_outside(reg, d["node"])
        if not any(written_as_term(m.group(0)) for p in pats for _, t in texts for m in p.finditer(t)):
            out.append(d)
    return out


def check_usage(reg: Regulation) -> Iterator[Finding]:
    """U5: a defined term that is never used (see :func:`unused`); one used only in lower-case words is not
    "never used" but written without its capitals (U2_lower, UU 12/2011 Lampiran II angka 108)."""
    for d in unused(reg):
        forms = [d["term"]] + ([d["alias"]] if d["alias"] else [])
        if _lower_term(d["alias"] or d["term"]):
            continue  # "Kawasan hutan adalah ...": the term is defined in lower case (its capital is the sentence's)
        lower = next(((form, norm(m.group(0))) for form in forms for _, t in _texts_outside(reg, d["node"])
                      for m in word_pattern(form).finditer(t)), None)
        if lower is not None:
            yield finding("U2_lower", d["node"].cite, term=lower[0], found=lower[1])
        else:
            yield finding("U5", d["node"].cite, term=d["alias"] or d["term"])


def _lower_term(term: str) -> bool:
    """Whether a definition writes its term in lower case: a word after the first begins with a small letter
    ("Kawasan hutan", "desa"); the first word's capital is the item's, not the term's. Acts before UU 12/2011
    defined terms so, and use them in lower case: that use is the term's."""
    words = [w for w in term.split() if w[:1].isalpha()]
    return bool(words) and (words[0][:1].islower()
                            or any(w[:1].islower() for w in words[1:] if w.lower() not in _JOINERS))


#: small words a Title Case term keeps in lower case ("Pegawai Pemerintah dengan Perjanjian Kerja")
_JOINERS = {"dan", "atau", "dan/atau", "yang", "dengan", "pada", "dalam", "untuk", "bagi", "di", "ke", "dari", "serta",
            "oleh", "atas", "terhadap", "antara", "tentang", "mengenai", "sebagai", "se", "per"}


def check_capitals(reg: Regulation) -> Iterator[Finding]:
    """U2: a defined term is written with the definition's capitals wherever it is used, the other definitions of
    Pasal 1 included (once per term and Pasal; in Pasal 1, once per definition). All lower-case words are ordinary
    usage ("pejabat fungsional"); any other spelling is the term with the wrong capitals ("Pejabat fungsional",
    "pegawai ASN" for "Pegawai ASN")."""
    defs = definitions(reg)
    terms = [d["term"] for d in defs if len(d["term"].split()) > 1]
    terms += [d["alias"] for d in defs if d["alias"] and len(d["alias"].split()) > 1]
    own = {id(d["node"]): {d["term"], d["alias"]} for d in defs}  # a definition does not "use" its own term
    patterns = [(t, word_pattern(t), _longest_word(t)) for t in terms]
    for pasal in reg.pasals():
        reported: set[str] = set()
        for node in pasal.walk():
            if pasal.number == "1":
                reported = set()
            low = node.text.lower() if node.text.isascii() else None
            for term, pat, word in patterns:
                if term in own.get(id(node), ()):
                    continue
                if low is not None and word is not None and word not in low:
                    continue  # the term cannot stand in this text (see _longest_word)
                for m in pat.finditer(node.text):
                    found = norm(m.group(0))
                    if term in reported or found == term or not written_as_term(found):
                        continue
                    if (found.isupper() and not term.isupper()) \
                            or (found[1:] == term[1:] and found[:1].isupper() and term[:1].islower()):
                        continue  # a heading or title in capitals; a sentence's capital on a lower-case term
                    if any(t != term and len(t) > len(term) and t.lower().find(term.lower()) >= 0
                           and word_pattern(t).search(node.text[max(0, m.start() - 40):m.end() + 40])
                           for t in terms):
                        continue  # part of a longer defined term ("Pimpinan Unit Kerja" holds "Unit Kerja")
                    if _tail_of_other(node.text, m, term, terms):
                        continue  # "instansi Pemerintah Daerah": the capitals are "Pemerintah Daerah"'s
                    reported.add(term)
                    # the definition's own capitals are the norm only when it writes a term (Title Case)
                    titled = all(w[:1].isupper() or not w[:1].isalpha() for w in term.split())
                    fix = {"old": m.group(0), "new": term, "after": node_start(node)} if titled else None
                    yield finding("U2", node.cite if pasal.number == "1" else pasal.cite, fix=fix, term=term,
                                  found=found)
                    break


def _tail_of_other(text: str, m: re.Match[str], term: str, terms: list[str]) -> bool:
    """Whether the capitalised words of the match ``m`` of ``term`` begin another defined term written exactly as
    defined and running past the match: "pada instansi Pemerintah Daerah" where Pasal 1 defines both "Instansi
    Pemerintah" and "Pemerintah Daerah" is the ordinary word "instansi" before "Pemerintah Daerah", not "Instansi
    Pemerintah" miswritten."""
    for t in terms:
        if t == term:
            continue
        for o in re.finditer(rf"(?<![\w-]){re.escape(t)}(?![\w-])", text[m.start():m.end() + len(t)]):
            if 0 < o.start() and m.start() + o.end() > m.end():
                return True
    return False


def check_lampiran_capitals(reg: Regulation) -> Iterator[Finding]:
    """U2_lampiran: a defined term is written with its capitals in the Lampiran too (UU 12/2011 Lampiran II angka
    108: "... dalam norma yang diatur, penjelasan maupun dalam lampiran"). Reported once per term, with the count,
    for the spellings that begin with the term's capital and then drop one ("Mekanisme kerja", "Pimpinan Unit
    kerja"); a lower-case first word ("pimpinan Unit Organisasi") may be an ordinary word before another term, a
    sentence that opens with ordinary words ("Sistem kerja setelah ...") is capitalised anyway, and a heading in
    capitals is no misspelling."""
    defs = definitions(reg)
    terms = [d["term"] for d in defs if len(d["term"].split()) > 1]
    terms += [d["alias"] for d in defs if d["alias"] and len(d["alias"].split()) > 1]
    # a definition that writes its term in lower case sets no capitals to follow (decided once per term, not once
    # per term and block: issue 33, a draft's Lampiran has some 170 blocks)
    titled = [(term, word_pattern(term), _longest_word(term)) for term in terms
              if all(w[:1].isupper() or not w[:1].isalpha() for w in term.split())]
    found: dict[str, tuple[str, str, int]] = {}
    for block in reg.lampiran:
        text = block.text or ""
        if not text:
            continue
        low = text.lower() if text.isascii() else None
        for term, pattern, word in titled:
            if low is not None and word is not None and word not in low:
                continue  # the term's longest word is not in the block in any case: no match (see _longest_word)
            for m in pattern.finditer(text):
                written = norm(m.group(0))
                if written == term or written.isupper() or not written[:1].isupper():
                    continue
                opens = m.start() == 0 or text[:m.start()].rstrip().endswith((".", ":", ";", ")"))
                if opens and written[:1] + written[1:].lower() == written:
                    continue  # "Sistem kerja setelah ...": a sentence's first word, the rest ordinary words
                if any(t != term and len(t) > len(term) and term.lower() in t.lower()
                       and word_pattern(t).search(text[max(0, m.start() - 40):m.end() + 40]) for t in terms):
                    continue  # part of a longer defined term
                cite, first, count = found.get(term, (block.cite or "Lampiran", written, 0))
                found[term] = (cite, first, count + 1)
    for term, (cite, first, count) in found.items():
        yield finding("U2_lampiran", cite, term=term, found=first, count=count)


def _longest_word(term: str) -> str | None:
    """The longest word of ``term`` in small letters, for a quick test that a block cannot hold ``term`` (issue 33:
    the check ran every term's pattern over every block of a Lampiran); None for a term that is not ASCII. The test
    is exact only on ASCII: :func:`word_pattern` matches without regard to case, and on ASCII text and an ASCII term
    that is ``str.lower`` (Unicode case-insensitive matching also pairs "k" with the Kelvin sign, "s" with the long
    s, which ASCII text does not hold); every word of a match stands in the text whole."""
    return max(term.lower().split(), key=len) if term.isascii() else None


@cache
def _known_names() -> tuple[str, ...]:
    return tuple(n.lower() for n in rules()["U4_undefined"].get("known_names", []))


#: a run of capitalised words (lower-case joiners allowed inside): a candidate term of art
_CAPS = re.compile(r"(?<![\w-])(?:[A-Z][a-z]+(?:-[A-Za-z]+)?)(?:\s+(?:(?:yang|dengan)\s+)?"
                   r"[A-Z][a-z]+(?:-[A-Za-z]+)?)+")


def check_undefined(reg: Regulation) -> Iterator[Finding]:
    """U4_undefined: a capitalised term of art with a lower-case joiner ("Pejabat yang Berwenang") used in the body
    but never defined; office and institution names of the rule table's ``known_names`` are proper names."""
    defs = definitions(reg)
    if not defs:
        return
    known = [d["term"].lower() for d in defs] + [(d["alias"] or "").lower() for d in defs if d["alias"]]
    reported: set[str] = set()
    for pasal in reg.pasals():
        if pasal.number == "1":
            continue
        for node in pasal.walk():
            for m in _CAPS.finditer(node.text):
                phrase = m.group(0)
                if not re.search(r"\s(?:yang|dengan)\s", phrase) or phrase in reported:
                    continue
                low = phrase.lower()
                if any(k in low for k in known) or any(n in low for n in _known_names()):
                    continue
                if re.search(r"\btentang\s[^;]*$", node.text[max(0, m.start() - 200):m.start()]):
                    continue  # part of another act's title
                if m.start() == 0 or node.text[:m.start()].rstrip().endswith((".", ":", ";")):
                    continue  # a sentence's first word is capitalised anyway
                reported.add(phrase)
                yield finding("U4_undefined", node.cite, term=phrase)


def check_region_terms(reg: Regulation) -> Iterator[Finding]:
    """U3: the head of the region ("Gubernur", "Bupati", "Wali Kota": :func:`rancang.kinds.head`) used in the body
    as an office (not in the name of an instrument such as "Peraturan Bupati" or "Keputusan Bupati") is defined in
    Pasal 1."""
    defs = {fold(d["term"]).replace(" ", "") for d in definitions(reg)}
    office = kinds.head(reg.meta.daerah_jenis)
    if not defs or office is None or fold(office).replace(" ", "") in defs:
        return
    use = re.compile(r"(?<!Peraturan )(?<!Keputusan )(?<!Instruksi )(?<!Surat Edaran )\b"
                     + office.replace(" ", r"\s?") + r"\b(?!\s+[A-Z])")
    for pasal in reg.pasals():
        if pasal.number == "1":
            continue
        hit = next((n for n in pasal.walk() if use.search(n.text)), None)
        if hit is not None:
            yield finding("U3", hit.cite, office=office)
            return


CHECKS = [check_form, check_usage, check_capitals, check_lampiran_capitals, check_undefined, check_region_terms]

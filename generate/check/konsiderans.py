"""Konsiderans (DRAFTING.md K1-K4, M1-M3, D1): Menimbang items "bahwa ...;", lettered without gaps, the last one
"perlu menetapkan <jenis> tentang <judul>;" ("perlu membentuk" for a Perda); Mengingat numbered, ordered by
hierarchy then year and number, each act with its Lembaran Negara / Berita Negara / Lembaran Daerah.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from rancang.fold import fold
from rancang.generate.check import citations
from rancang.generate.check.base import (
    Finding,
    clause,
    ending,
    finding,
    is_perda,
    item_cite,
    jenis_of,
    lost_words,
    norm,
)
from rancang.generate.check.citations import hierarchy_level
from rancang.generate.check.structure import letter_value
from rancang.kb import evidence as kb_evidence
from rancang.kb import store as kb_store
from rancang.parts import Konsiderans
from rancang.tree import Regulation


def _cite(kind: str, item: Konsiderans, items: Sequence[Konsiderans] | None = None) -> str:
    return item_cite(kind, items if items is not None else [item], item)


def _first_words(text: str, n: int = 5) -> str:
    return " ".join(text.split()[:n])


def _labels(items: Sequence[Konsiderans], kind: str, numeric: bool) -> Iterator[Finding]:
    """K1/M1: labels a., b., c. (1., 2., 3.) without gaps; a gap is relabelled when the rest follows on."""
    expected = 1
    for item in items:
        label = (item.label or "").strip().rstrip(".")
        if not label:
            continue
        value = int(label) if numeric and label.isdigit() else (None if numeric else letter_value(label))
        if value is None:
            continue
        if value != expected:
            want = str(expected) if numeric else chr(96 + expected) if expected <= 26 else label
            text = norm(item.text)
            f = finding("K1_label" if kind == "Menimbang" else "M1_label", _cite(kind, item, items),
                        fix={"old": f"{label}. {_first_words(text, 3)}", "new": f"{want}. {_first_words(text, 3)}"},
                        found=label, expected=want)
            before = norm(items[items.index(item) - 1].text) if items.index(item) > 0 else ""
            if re.search(rf"(?:^|\s){re.escape(want)}\.\s+\S", before):
                f.pop("fix", None)  # the missing item is printed inside the previous one: the reading ran them together
                f["reading_doubt"] = (f'"{want}." terbaca di dalam teks butir sebelumnya: kemungkinan menyatu saat '
                                      "pembacaan")
            yield f
        expected = value + 1  # one slip is reported once: the numbering goes on from the label as printed


#: marks before the first word that are no word: "^", "_", "*", "•", quotes, a dash
_STRAY = re.compile(r"^(?:-\s*\d+\s*-|[\W_])+(?=\w)")  # (and a page number run in: "c. - 2 - bahwa ...")


def _label_again(label: str | None, text: str) -> str:
    """The item's own label when its text opens with it again before "bahwa" ("b. b . bahwa ..."), else ""."""
    own = (label or "").strip().rstrip(".").strip()
    if not own or not re.match(rf"{re.escape(own)}\s*[.)]\s*(?:[\W_]\s*)*bahwa\b", text, re.I):
        return ""
    return f"{own}."


def check_menimbang_items(reg: Regulation) -> Iterator[Finding]:
    """K1: each consideration begins with "bahwa" and ends with ";"."""
    for item in reg.menimbang:
        text = norm(item.text)
        if not text:
            continue
        cite = _cite("Menimbang", item, reg.menimbang)
        # a mark a copy put before the word ("^bahwa", "__ bahwa": a footnote sign, a page join) is no other word
        word = _STRAY.sub("", text)
        twice = _label_again(item.label, word)
        if text[:6].lower() == "bahwa " and not text.startswith("bahwa"):
            yield finding("K1_case", cite, fix={"old": text[:6], "new": "bahwa "}, found=text[:5])
        elif twice:
            # "b. b . bahwa ...": the copy printed the item's own label twice (a scan's margin label and its text
            # layer); the consideration does begin with "bahwa" -- a damaged copy, not a drafting error
            f = finding("K1_bahwa", cite, found=_first_words(text, 2))
            f["reading_doubt"] = f'label "{twice}" tertulis dua kali: naskah tampak rusak, bukan rumusan yang salah'
            yield f
        elif not word.lower().startswith("bahwa"):
            yield finding("K1_bahwa", cite, found=_first_words(text, 2))
        if not clause(text).endswith(";"):  # (a page-join mark after the ";" is the copy's: "... Undang; __ __")
            tail = _first_words(" ".join(text.split()[-4:]), 4)
            yield finding("K1_end", cite, fix={"old": tail, "new": tail.rstrip(".,:") + ";",
                                               "after": _first_words(text)}, found=ending(text))
    yield from _labels(reg.menimbang, "Menimbang", numeric=False)


_LAST = re.compile(r"perlu\s+(?P<verb>menetapkan|membentuk)\s+(?P<jenis>.+?)\s+tentang\s+(?P<judul>.+?);?\s*$",
                   re.I | re.S)


#: the maker's office (and the frasa before it) read into the judul from the copy's next line: "... PELEBURAN
#: ALUMUNIUM Presiden Republik Indonesia," (PP 27/1975's copy). A title never ends with a comma; an office line does.
_FRASA = r"DENGAN\s+RAHMAT\s+TUHAN\s+YANG\s+MAHA\s+ESA"
_OFFICE_AFTER = re.compile(rf"\s+(?:{_FRASA}\s*)?(?:PRESIDEN|GUBERNUR|BUPATI|WALI\s*KOTA|MENTERI|KEPALA)\b"
                           rf"[^,]{{0,80}},\s*$|\s+{_FRASA}\s*$", re.I)


def check_menimbang_last(reg: Regulation) -> Iterator[Finding]:
    """K2/K4: the last consideration's formula, its verb by jenis, its title, and that it cites every earlier
    consideration ("sebagaimana dimaksud dalam huruf a, huruf b, dan huruf c")."""
    if not reg.menimbang:
        return
    last = reg.menimbang[-1]
    cite = _cite("Menimbang", last, reg.menimbang)
    jenis, judul = jenis_of(reg), _OFFICE_AFTER.sub("", norm(reg.meta.tentang))
    verb = "membentuk" if is_perda(reg) else "menetapkan"
    text = norm(last.text)
    m = _LAST.search(text)
    if not m:
        if re.search(r"\bperlu\s+mengesahkan\b.*\bdengan\s+Undang-\s*Undang\b", text, re.I):
            return  # a UU ratifying a treaty: "... perlu mengesahkan <treaty> dengan Undang-Undang;" (angka 240)
        rule = "K2_wording" if re.search(r"\bperlu\b", text) else "K2"
        yield finding(rule, cite, verb=verb, jenis=jenis, judul=judul.title())
        return
    penetapan = re.match(r"\s*penetapan\s+peraturan\s+pemerintah\s+pengganti", judul, re.I)
    if m.group("verb").lower() != verb and not penetapan:  # (a UU that sets a Perppu as law "menetapkan" it)
        old = text[m.start():m.start("jenis")].rstrip()
        yield finding("K4", cite, fix={"old": old, "new": f"perlu {verb}", "after": _first_words(text)},
                      found=m.group("verb"), expected=verb, jenis=jenis)
    if judul and fold(m.group("judul") or "") != fold(judul):
        f = finding("K2_title", cite, found=m.group("judul").strip(), judul=judul)
        if lost_words(fold(judul).split(), fold(m.group("judul")).split()):
            f["reading_doubt"] = "judul peraturan terbaca kehilangan kata-kata dalam salinan"
        yield f
    earlier = [(i.label or "").strip().rstrip(".") for i in reg.menimbang[:-1]]
    ref = re.search(r"dimaksud\s+(?:dalam|pada)?\s*(huruf.+?)(?:,\s*)?(?:maka\s+)?perlu\b", text)
    if len(earlier) >= 1 and all(earlier) and ref:
        cited = set(re.findall(r"(?:huruf\s+|,\s*|dan\s+)([a-z])\b", ref.group(1)))
        rng = re.search(r"huruf\s+([a-z])\s+sampai\s+dengan\s+huruf\s+([a-z])", ref.group(1))
        if rng:
            cited |= {chr(c) for c in range(ord(rng.group(1)), ord(rng.group(2)) + 1)}
        missing = [x for x in earlier if x not in _rests_on(cited, reg.menimbang[:-1])]
        if missing:
            yield finding("K2_refs", cite, missing=", ".join(f"huruf {x}" for x in missing))


def _rests_on(cited: set[str], items: Sequence[Konsiderans]) -> set[str]:
    """The considerations the conclusion rests on: those it cites and, in turn, those they cite ("b. bahwa untuk
    ... sebagaimana dimaksud dalam huruf a, ...": huruf a is summed up in huruf b, PP 63/2011)."""
    by_label = {(i.label or "").strip().rstrip("."): norm(i.text) for i in items}
    out, todo = set(cited), list(cited)
    while todo:
        text = by_label.get(todo.pop(), "")
        for x in re.findall(r"dimaksud\s+(?:dalam|pada)\s+huruf\s+([a-z])\b", text):
            if x not in out:
                out.add(x)
                todo.append(x)
    return out


def check_mengingat(reg: Regulation) -> Iterator[Finding]:
    """M1/M2/M3: numbering, each entry ending ";", order by hierarchy then year and number, and each act cited
    with its publication (UU/Perppu/PP: Lembaran Negara and Tambahan; Perpres: Lembaran Negara; Peraturan
    Menteri: Berita Negara; Perda: Lembaran Daerah) -- for acts of 1970 or later."""
    yield from _labels(reg.mengingat, "Mengingat", numeric=True)
    previous: tuple[int, int, int] | None = None
    for item in reg.mengingat:
        text = norm(item.text)
        cite = _cite("Mengingat", item, reg.mengingat)
        if re.fullmatch(r"Mengingat\s*:?", text, re.I):
            continue  # the heading printed again by the copy ("Mengingat:" / "Mengingat :", PP 75/2015): no entry
        if text and not text.endswith(";") and item is not reg.mengingat[-1]:
            tail = " ".join(text.split()[-3:])
            yield finding("M1_end", cite, fix={"old": tail, "new": tail.rstrip(".,:") + ";",
                                               "after": _first_words(text)}, found=ending(text))
        acts = citations.parse(text)
        jenis = "Undang-Undang Dasar" if ("Undang-Undang Dasar" in text[:80] and not acts) else \
            (acts[0]["jenis"] if acts else None)
        level = hierarchy_level(jenis)
        if level is not None:
            key = (level, acts[0]["tahun"] if acts else 0, _num(acts[0]["nomor"]) if acts else 0)
            if previous is not None and key[0] < previous[0]:
                yield finding("M2", cite, label=cite.split()[-1], found=jenis)
            elif previous is not None and key[0] == previous[0] and key[1:] < previous[1:]:
                yield finding("M2_year", cite, label=cite.split()[-1], found=f"{jenis} Nomor {acts[0]['nomor']} "
                              f"Tahun {acts[0]['tahun']}")
            previous = max(previous, key) if previous else key
        for act in acts:
            yield from _publication(act, cite, text)
        yield from _publication_form(text, cite)


def _num(nomor: str) -> int:
    digits = "".join(ch for ch in nomor if ch.isdigit())
    return int(digits) if digits else 0


_NEEDS = {"uu": ("Lembaran Negara", True), "perppu": ("Lembaran Negara", True), "pp": ("Lembaran Negara", True),
          "perpres": ("Lembaran Negara", False), "permendagri": ("Berita Negara", False),
          "permenpanrb": ("Berita Negara", False), "permen": ("Berita Negara", False),
          "perda": ("Lembaran Daerah", False)}


#: a publication whose number is a blank to fill ("Lembaran Daerah Kabupaten Sleman Tahun 2019 Nomor ....")
_BLANK_PUB = re.compile(r"\((?:Lembaran|Berita)\s+(?:Negara|Daerah)[^()]*Nomor\s*\.{3,}")


def known_publication(key: str, what: str) -> str:
    """What the knowledge base holds for the missing publication, with its evidence, as the tail of an M3
    message ("; basis pengetahuan: Tahun 2022 Nomor 181 menurut ..."), or "" when it holds nothing verified."""
    base = kb_store.load()
    name = {"Lembaran Negara": "ln", "Berita Negara": "bn", "Tambahan Lembaran Negara": "tln"}.get(what)
    fact = base.fact(key, name) if name else None
    if fact is None or fact["status"] != "verified":
        return ""
    value = f"Tahun {fact['value'][0]} Nomor {fact['value'][1]}" if isinstance(fact["value"], list) \
        else f"Nomor {fact['value']}"
    return f"; basis pengetahuan: {what} {value} menurut {kb_evidence.sources_phrase(base, fact['sources'])}"


def _publication(act: dict[str, Any], cite: str, segment: str) -> Iterator[Finding]:
    """M3: the act cited with its publication; a Tambahan whose "Nomor" is missing is named as such (M3_nomor),
    not as a missing Tambahan."""
    need = _NEEDS.get(act["kind"])
    if need is None or act["tahun"] < 1970:
        return
    name = f"{act['jenis']} Nomor {act['nomor']} Tahun {act['tahun']}"
    pub = act["pub"]
    if pub is None and _BLANK_PUB.search(segment):
        yield finding("M3_isian", cite, act=name)  # left blank on purpose: the number must still be filled in
    elif pub is None or pub["kind"] != need[0]:
        yield finding("M3", cite, act=name, expected=need[0], known=known_publication(act["key"], need[0]))
    elif need[1] and pub["tln"] is None and act["kind"] != "perda":
        # (the act's own bracket: "PP 29/2001 (..., Tambahan ... Nomor 4094) ... terakhir dengan PP 32/2015
        # (Lembaran Negara ... Tahun 2015 Nomor 125)" names no Tambahan for PP 32/2015)
        own = re.search(rf"\([^()]*Tahun\s+{pub['tahun']}\s+Nomor\s+{pub['nomor']}\b[^()]*\)", segment)
        if re.search(r"Tambahan\s+" + need[0].replace(" ", r"\s+"), own.group(0) if own else segment):
            yield finding("M3_nomor", cite, act=name, expected="Tambahan " + need[0])
        else:
            yield finding("M3", cite, act=name, expected="Tambahan " + need[0],
                          known=known_publication(act["key"], "Tambahan " + need[0]))


#: "No. 12" / "Nomor: 12" for "Nomor 12"; "Lembaran Negara Tahun" without "Republik Indonesia"
_NO = re.compile(r"\b(?:No\.|Nomor\s*:|Nomor\.)\s*(?P<num>\d+)")
_LN_RI = re.compile(r"\b(?:Tambahan\s+)?(?:Lembaran|Berita)\s+Negara(?!\s+Republik\s+Indonesia)\s+"
                    r"(?P<tail>(?:Tahun|Nomor)\s+\d+)")


def _publication_form(text: str, cite: str) -> Iterator[Finding]:
    """M3_form: the publication written out: "Lembaran Negara Republik Indonesia Tahun 2014 Nomor 244"."""
    anchor = _first_words(text)
    for m in _NO.finditer(text):
        yield finding("M3_form", cite, fix={"old": m.group(0), "new": f"Nomor {m.group('num')}", "after": anchor},
                      found=m.group(0))
    for m in _LN_RI.finditer(text):
        head = m.group(0)[:m.start("tail") - m.start()].strip()
        yield finding("M3_form", cite, fix={"old": m.group(0), "new": f"{head} Republik Indonesia {m.group('tail')}",
                                            "after": anchor}, found=head)


def check_diktum(reg: Regulation) -> Iterator[Finding]:
    """D1: "Menetapkan: <JENIS> TENTANG <NAMA>." ends with a full stop."""
    lines = [norm(x) for x in reg.diktum if norm(x)]
    idx = next((i for i, x in enumerate(lines) if x.lower().startswith("menetapkan")), None)
    if idx is None:
        return
    text = " ".join(lines[idx:])
    # (a Markdown copy's hard line break "\\" or emphasis marks after the full stop are no words of the act)
    if not text.rstrip("\\_* ").endswith("."):
        tail = " ".join(text.split()[-3:])
        yield finding("D1", "Diktum", fix={"old": tail, "new": tail + ".", "after": "Menetapkan"})


CHECKS = [check_menimbang_items, check_menimbang_last, check_mengingat, check_diktum]

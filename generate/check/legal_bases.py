"""Legal bases checked against the knowledge base of acts (:mod:`rancang.kb`, DRAFTING.md M3/M4), with the
evidence named in every finding:

* L1 - an act cited as a base that another had repealed before this act was made;
* L2 - an amendment chain ("sebagaimana telah diubah ... terakhir dengan X") that stops short of the last
  amendment made before this act;
* L3 - a Lembaran Negara / Berita Negara (year, number) or Tambahan number that differs from the knowledge base,
  naming its sources ("Nomor 5887 menurut naskah PP 18/2016 sendiri dan 1 peraturan yang mengutipnya; tertulis
  5888"); L3_region - a regional act cited with another region's Lembaran/Berita Daerah (UU 12/2011 Pasal 86);
* L4 - currency: a base repealed or amended (verified) after this act was made, named with the act that did it.

An error (or warning) only on a *verified* fact or relation; a disputed or unverified one gives at most an INFO
(``*_info`` rules). The act being checked is never evidence for itself: its own votes are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from rancang.generate.check.base import Finding, finding, item_cite, norm, rules
from rancang.generate.check.coverage import is_sistem_kerja
from rancang.kb import evidence, store
from rancang.kb.compile import GAZETTES
from rancang.kb.observe import cited_acts
from rancang.tree import Regulation

_WHAT = {"ln": "Lembaran Negara", "bn": "Berita Negara", "ld": "Lembaran Daerah", "bd": "Berita Daerah",
         "tln": "Tambahan Lembaran Negara", "tld": "Tambahan Lembaran Daerah"}


def _date_of(reg: Regulation) -> tuple[str | None, int | None]:
    date = reg.meta.tanggal_ditetapkan or reg.meta.tanggal_diundangkan
    year = reg.meta.tahun
    return (str(date) if date else None), (int(str(year)) if str(year or "").isdigit() else None)


def _entries(reg: Regulation) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    for item in reg.mengingat:
        yield item_cite("Mengingat", reg.mengingat, item), cited_acts(norm(item.text))


def _value(name: str, value: Any) -> str:
    return f"Tahun {value[0]} Nomor {value[1]}" if isinstance(value, list) else f"Nomor {value}"


def _rule(rule: str, verified: bool) -> str:
    return rule if verified else f"{rule}_info"


def check_numbers(reg: Regulation) -> Iterator[Finding]:
    """L3: the publication printed for a cited act against the knowledge base's fact, with its sources."""
    base, own = store.load(), evidence.own_key(reg.meta)
    # (a bracket inside a ratifying title, before "menjadi/sebagai Undang-Undang", is the ratified act's: "UU
    # 70/1958 tentang Penetapan Undang-undang Darurat No. 2 Tahun 1958 ... (Lembaran Negara ... Nomor 41), sebagai
    # Undang-undang" - cited_acts gives it to that act, never to the act cited)
    texts = {item_cite("Mengingat", reg.mengingat, item): norm(item.text) for item in reg.mengingat}
    for cite, acts in _entries(reg):
        for cited in acts:
            pub, key = cited["pub"], cited["act"]["key"]
            if pub is None or key == "uud-1945" or base.get(key) is None:
                continue
            name = base.name(key)
            field = GAZETTES[pub["kind"]]
            # a bracket dated years away from the act is more likely another act's (a name the parser missed)
            # than a wrong number: never an error then
            own_year = cited["act"]["tahun"] in (pub["tahun"], pub["tahun"] - 1)
            checks = [(field, [pub["tahun"], pub["nomor"]])]
            if pub.get("tln"):
                checks.append(("tld" if field in ("ld", "bd") else "tln", pub["tln"]))
            for fact_name, written in checks:
                fact = evidence.fact(base, key, fact_name, exclude=own)
                if fact is None or fact["value"] == written:
                    continue
                others = [o for o in fact["others"] if o["value"] == written]
                also = (f"; {_value(fact_name, written)} juga tertulis dalam "
                        f"{evidence.sources_phrase(base, others[0]['sources'])}") if others else ""
                f = finding(_rule("L3", fact["status"] == "verified" and own_year), cite, act=name,
                            what=_WHAT[fact_name],
                            found=_value(fact_name, written), expected=_value(fact_name, fact["value"]),
                            evidence=evidence.sources_phrase(base, fact["sources"]) + also)
                records = any(x.startswith(("bpk:", "naskah:", "catatan:")) for x in fact["sources"])
                if f["severity"] == "error" and _printed_too(texts.get(cite, ""), fact_name, fact["value"]):
                    # "(Lembaran Negara Tahun 1969 Nomor 21, Tambahan Lembaran Negara Nomor 21, Tambahan Lembaran
                    # Negara Nomor 2894)" (PP 5/1997's copy): the right number is printed too, beside a fragment
                    # the copy printed twice
                    f["reading_doubt"] = (f"entri ini juga mencantumkan {_WHAT[fact_name]} "
                                          f"{_value(fact_name, fact['value'])}: nomor yang tertulis lebih mungkin "
                                          "bagian naskah yang tercetak dua kali atau milik peraturan lain dalam "
                                          "entri ini")
                elif others and len(others[0]["sources"]) >= 2 and not records:
                    # the base's value only citers give, and other citers print this one too (UU 13/1964: its
                    # citers copy the Perppu's "Nomor 7" printed inside its title; its own is Nomor 94)
                    f["reading_doubt"] = ("nilai basis pengetahuan hanya bersumber dari peraturan yang mengutip, dan "
                                          "nilai yang tertulis juga dikutip peraturan lain: periksa naskah resminya")
                elif not records and len(fact["sources"]) < _CITERS_FOR_ERROR:
                    # two citers against this one (PP 12/1967's Tambahan: 2833 in PP 41/1974 and PP 7/1976, 2832
                    # here): "verified" for the knowledge base, too few to tell this text it is wrong
                    f["reading_doubt"] = (f"nilai basis pengetahuan hanya bersumber dari {len(fact['sources'])} "
                                          "peraturan yang mengutip: periksa naskah resminya")
                yield f


def _printed_too(entry: str, name: str, value: Any) -> bool:
    """Whether the Mengingat entry also prints the knowledge base's ``value`` of fact ``name`` (a Tambahan number,
    or a gazette's year and number): Tambahan numbers and gazette year-and-number pairs name one act each."""
    # (a stray number may stand before the right one: "Lembaran Negara Tahun 1969 Nomor 2 16", PP 10/1990's copy)
    if isinstance(value, list):
        return bool(re.search(rf"\bTahun\s+{value[0]}\s*,?\s+Nomor\s+(?:\d+\s+)?{value[1]}\b", entry))
    if name in ("tln", "tld"):
        return bool(re.search(rf"\bTambahan\s+Lembaran\s+(?:Negara|Daerah)\b[^();]{{0,60}}?\bNomor\s+(?:\d+\s+)?"
                              rf"{value}\b", entry))
    return False


#: independent citing acts that must agree (with no metadata record, nor the act's own text) before a number that
#: differs from theirs is a GALAT: fewer is a warning
_CITERS_FOR_ERROR = 3


_REGION = re.compile(r"\b(Provinsi|Kabupaten|Kota)\s+(.+)$")


def check_region_gazette(reg: Regulation) -> Iterator[Finding]:
    """L3_region: a regional act is published in its own region's Lembaran/Berita Daerah (UU 12/2011 Pasal 86):
    "Peraturan Daerah Kabupaten Bantul ... (Lembaran Daerah Kabupaten Sleman ...)" is an error. An act named
    without its region ("Peraturan Daerah Nomor 9 Tahun 2016") is the checked act's own region's."""
    own_region = reg.meta.daerah
    for cite, acts in _entries(reg):
        for cited in acts:
            pub = cited["pub"]
            if pub is None or pub["kind"] not in ("Lembaran Daerah", "Berita Daerah"):
                continue
            m = _REGION.search(cited["act"]["jenis"])
            region = f"{m[1]} {m[2]}" if m else own_region
            if not region or _fold(region) in _fold(pub["nama"]):
                continue
            if not _REGION.search(pub["nama"]):
                continue  # "Lembaran Daerah Tahun 2016 Nomor 5": no region printed, nothing to compare
            yield finding("L3_region", cite, act=f"{cited['act']['jenis']} Nomor {cited['act']['nomor']} Tahun "
                          f"{cited['act']['tahun']}", found=pub["nama"], region=region)


def _fold(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", text.casefold())


def check_replaced(reg: Regulation) -> Iterator[Finding]:
    """L1: a base repealed before this act was made; L4: repealed after it (currency), with the repealing act.
    L1_mk: the repealing act was struck by the Mahkamah Konstitusi, perhaps whole, by a decision of this act's year
    or before (UU 24/2003 Pasal 57: what the Court strikes has no binding force, and a repeal it made with it - MK
    28/PUU-XI/2013 annulled UU 17/2012, and UU 25/1992 applies again): an INFO naming the decision, never an error.
    L1_mk_act: the base itself so struck (an INFO)."""
    base, own = store.load(), evidence.own_key(reg.meta)
    date, year = _date_of(reg)
    for cite, acts in _entries(reg):
        for cited in acts[:1]:
            key = cited["act"]["key"]
            if key != own and (struck := evidence.annulments(base, key, year)):
                yield finding("L1_mk_act", cite, act=base.name(key), **_decision_words(struck, key))
            for rel in evidence.relations(base, key, "repealed_by", exclude=own):
                before = evidence.made_before(base, rel["act"], date, year)
                verified = rel["status"] == "verified"
                src = evidence.sources_phrase(base, rel["sources"])
                if rel["act"] == own:
                    continue  # (the act being checked repeals it: it says so itself)
                if struck := evidence.annulments(base, rel["act"], year):
                    words = _decision_words(struck, rel["act"])
                    revived = any((str(cited["act"]["nomor"]), cited["act"]["tahun"]) in map(tuple, d["revives"])
                                  for d in struck)
                    yield finding("L1_mk", cite, act=base.name(key), new=base.name(rel["act"]), evidence=src,
                                  akibat=(f"{base.short(key)} berlaku kembali" if revived else
                                          f"bila putusan itu membatalkan {base.short(rel['act'])} seluruhnya, "
                                          f"pencabutan itu tidak berlaku dan {base.short(key)} berlaku kembali"),
                                  **words)
                    continue
                if before:
                    f = finding(_rule("L1", verified), cite, act=base.name(key), new=base.name(rel["act"]),
                                evidence=src)
                    if all(s.startswith("bpk:") for s in rel["sources"]):
                        # BPK's status "Dicabut" also stands for a repeal of some Pasal (UU 41/1999 "Dicabut UU
                        # 18/2013", which repealed its Pasal 50 ayat (1)-(3) and others): no act's own words say so
                        f["reading_doubt"] = ("hanya menurut metadata BPK, yang juga mencatat pencabutan sebagian "
                                              "pasal sebagai \"Dicabut\"; periksa ketentuan penutup peraturan yang "
                                              "mencabutnya")
                    yield f
                elif before is False and verified:
                    yield finding("L4", cite, act=base.name(key), what="dicabut", new=base.name(rel["act"]),
                                  evidence=src)


def _decision_words(decisions: list[dict[str, Any]], key: str) -> dict[str, Any]:
    """The message words of the Mahkamah Konstitusi's decisions against act ``key``: {putusan, keadaan}."""
    whole = [d for d in decisions if d["lingkup"] == "seluruh"]
    numbers = ", ".join(dict.fromkeys(f"Nomor {d['putusan']}" if d["putusan"] else f"\"{d['bunyi']}\""
                                      for d in (whole or decisions)))
    state = ("dinyatakan tidak mempunyai kekuatan hukum mengikat" if whole else
             "diputus bertentangan dengan UUD 1945 (metadata tidak menyebut seluruhnya atau sebagian)")
    return {"putusan": numbers, "keadaan": state}


def check_chain(reg: Regulation) -> Iterator[Finding]:
    """L2: "sebagaimana telah ... diubah terakhir dengan X" names the last amendment made before this act (only
    amendments the knowledge base holds as verified are demanded); L4: an amendment made after this act."""
    base, own = store.load(), evidence.own_key(reg.meta)
    date, year = _date_of(reg)
    # (an amendment the Mengingat cites as an entry of its own is cited: UU 18/1992 angka 3 and 4 cite UU 1/1989
    # and its amendment UU 2/1990 one after the other)
    everywhere = {a["act"]["key"] for _, acts in _entries(reg) for a in acts}
    for cite, acts in _entries(reg):
        if not acts or base.get(acts[0]["act"]["key"]) is None:
            continue
        key = acts[0]["act"]["key"]
        cited_chain = [a["act"]["key"] for a in acts[1:] if a["role"] == "amendment"]
        made, later = [], []
        for rel in evidence.relations(base, key, "amended_by", exclude=own):
            if rel["act"] == own:
                continue  # (the act being checked is the amendment)
            before = evidence.made_before(base, rel["act"], date, year)
            if before and rel["status"] == "verified" and not _replaced_before(base, rel["act"], date, year, own):
                made.append(rel)
            elif before is False and rel["status"] == "verified" and rel["act"] not in cited_chain:
                later.append(rel)
        made.sort(key=lambda r: (evidence.date_of(base, r["act"]) or str((base.get(r["act"]) or {}).get("tahun"))))
        if made:
            latest = made[-1]["act"]
            last = cited_chain[-1] if cited_chain else None
            known = {r["act"] for r in made}
            if last != latest and (last is None or last in known) and not _same_content(base, last, latest) \
                    and latest not in everywhere:
                rule = "L2" if evidence.covers(base, latest, reg.meta.daerah) else "L2_info"
                yield finding(rule, cite, act=base.name(key), found=base.name(last) if last else "tanpa perubahan",
                              latest=base.name(latest), evidence=evidence.sources_phrase(base, made[-1]["sources"]))
        for rel in later:
            yield finding("L4", cite, act=base.name(key), what="diubah", new=base.name(rel["act"]),
                          evidence=evidence.sources_phrase(base, rel["sources"]))


def _replaced_before(base: store.KnowledgeBase, key: str, date: str | None, year: int | None,
                     own: str | None) -> bool:
    """Was amending act ``key`` itself repealed before the date (UU 11/2020 by Perppu 2/2022 and UU 6/2023)?"""
    return any(r["status"] == "verified" and evidence.made_before(base, r["act"], date, year)
               for r in evidence.relations(base, key, "repealed_by", exclude=own))


def _same_content(base: store.KnowledgeBase, last: str | None, latest: str) -> bool:
    """A Perppu and the UU that enacted it ("Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun
    2014 ... menjadi Undang-Undang") are one amendment: naming either is the chain's end."""
    if last is None:
        return False
    for a, b in ((last, latest), (latest, last)):
        title = str((base.fact(b, "tentang") or {}).get("value") or "")
        rec = base.get(a)
        if rec and a.startswith("perppu-") and re.search(
                rf"Penetapan\s+Peraturan\s+Pemerintah\s+Pengganti\s+Undang-Undang\s+Nomor\s+{re.escape(str(rec['nomor']))}"
                rf"\s+Tahun\s+{rec['tahun']}\b", title, re.I):
            return True
    return False


def check_required_bases(reg: Regulation) -> Iterator[Finding]:
    """M4: a sistem-kerja act cites the law that formed its region (or its province) and each group of national
    bases of rules.yaml ``M4_base.required`` (UU ASN, UU 23/2014, PermenPAN-RB 7/2022) by one of its members."""
    if not reg.mengingat or not is_sistem_kerja(reg):
        return
    texts = [norm(i.text) for i in reg.mengingat]
    if not any(_FORMING.search(t) for t in texts):
        yield finding("M4_region", "Mengingat")
    cited = {a["act"]["key"] for t in texts for a in cited_acts(t)}
    base = store.load()
    date, year = _date_of(reg)
    for group in rules()["M4_base"]["required"]:
        made = [k for k in group if (row := base.get(k)) and (evidence.made_before(base, k, date, year)
                                                              or row["tahun"] == year)]
        if made and not set(group) & cited:
            yield finding("M4_base", "Mengingat", act=base.name(made[-1]))


#: the act that formed a region: "Undang-Undang Nomor 38 Tahun 2003 tentang Pembentukan Kabupaten ...", or the
#: act on its province ("Undang-Undang Nomor 11 Tahun 2023 tentang Provinsi Jawa Tengah")
_FORMING = re.compile(r"Undang-Undang\s+(?:Darurat\s+)?Nomor\s+\S+\s+Tahun\s+\d{4}\s+tentang\s+"
                      r"(?:Pembentukan|Provinsi|Kabupaten|Kota)\b")

def check_gazette_kind(reg: Regulation) -> Iterator[Finding]:
    """M3_gazette: a Mengingat entry that prints, or leaves blank, a Lembaran Negara or a Tambahan for an act the
    knowledge base knows only in the Berita Negara (the UU of 1950 made at Yogyakarta before the unitary state: UU
    12/1950 "Berita Negara Tahun 1950 Nomor 41"): the drafter is not asked for numbers the act does not have. A
    warning on a verified fact, an INFO otherwise."""
    base = store.load()
    for item in reg.mengingat:
        text = norm(item.text)
        for cited in cited_acts(text):
            key, act = cited["act"]["key"], cited["act"]
            bn = base.fact(key, "bn")
            if bn is None or base.fact(key, "ln") is not None or base.fact(key, "tln") is not None:
                continue
            m = re.search(rf"Nomor\s+{re.escape(str(act['nomor']))}\s+Tahun\s+{act['tahun']}\b[^();]*?\(([^()]*)\)",
                          text)
            printed = m.group(1) if m else ""
            if not re.search(r"\b(?:Lembaran\s+Negara|Tambahan)\b", printed):
                continue
            f = finding("M3_gazette", item_cite("Mengingat", reg.mengingat, item), act=base.name(key),
                        value=_value("bn", bn["value"]), evidence=evidence.sources_phrase(base, bn["sources"]),
                        found=printed.strip())
            if bn["status"] != "verified":
                f["severity"] = "info"
            yield f


CHECKS = [check_replaced, check_chain, check_numbers, check_region_gazette, check_required_bases, check_gazette_kind]

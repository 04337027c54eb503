"""Legal bases as knowledge (DRAFTING.md M3/M4; ``data/legal_bases.yaml``): a base replaced before the act
(L1), an amendment chain that stops short of the last amendment in force (L2), a wrong Lembaran Negara /
Tambahan / Berita Negara number (L3).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from rancang.generate import citations
from rancang.generate.checks.base import Finding, finding, item_cite, norm, rules
from rancang.generate.checks.coverage import is_sistem_kerja
from rancang.tree import Regulation


def _name(act: dict[str, Any]) -> str:
    return f"{act['jenis']} Nomor {act['nomor']} Tahun {act['tahun']}"


def _date_of(reg: Regulation) -> tuple[str | None, int | None]:
    date = reg.meta.tanggal_ditetapkan
    year = reg.meta.tahun
    return (str(date) if date else None), (int(str(year)) if str(year or "").isdigit() else None)


def check_replaced(reg: Regulation) -> Iterator[Finding]:
    """L1: an act cited as a base although another had replaced it before this act was made."""
    acts, (date, year) = citations.knowledge(), _date_of(reg)
    for item in reg.mengingat:
        for cited in citations.parse(norm(item.text)):
            known = acts.get(cited["key"])
            new_key = known.get("replaced_by") if known else None
            if new_key and citations.in_force_by(acts[new_key], date, year):
                cite = item_cite("Mengingat", reg.mengingat, item)
                yield finding("L1", cite, act=_name(cited), new=_name(acts[new_key]))


def check_chain(reg: Regulation) -> Iterator[Finding]:
    """L2: "sebagaimana telah ... diubah terakhir dengan X" names the last amendment in force at the act's date."""
    acts, (date, year) = citations.knowledge(), _date_of(reg)
    for item in reg.mengingat:
        cited = citations.parse(norm(item.text))
        if not cited or cited[0]["key"] not in acts:
            continue
        base = acts[cited[0]["key"]]
        in_force = [k for k in base["amended_by"] if citations.in_force_by(acts[k], date, year)]
        in_force = [k for k in in_force if not (acts[k].get("replaced_by") and
                                                 citations.in_force_by(acts[acts[k]["replaced_by"]], date, year))]
        if not in_force:
            continue
        latest = acts[in_force[-1]]
        last_cited = cited[-1]["key"] if len(cited) > 1 else None
        if last_cited == latest["key"] or (last_cited is not None and last_cited not in in_force):
            continue  # the latest, or an act we do not know (perhaps newer than our record): no claim
        cite = item_cite("Mengingat", reg.mengingat, item)
        found = _name(cited[-1]) if last_cited else "tanpa perubahan"
        yield finding("L2", cite, act=_name(cited[0]), found=found, latest=_name(latest))


def check_numbers(reg: Regulation) -> Iterator[Finding]:
    """L3: the Lembaran Negara (year, number), Tambahan, or Berita Negara of a known act differ from the record."""
    acts = citations.knowledge()
    for item in reg.mengingat:
        for cited in citations.parse(norm(item.text)):
            known, pub = acts.get(cited["key"]), cited["pub"]
            if not known or not pub or not citations.verified(known, "ln"):
                continue
            cite = item_cite("Mengingat", reg.mengingat, item)
            rec = known.get("ln") or known.get("bn")
            if rec and (pub["tahun"], pub["nomor"]) != (rec["tahun"], rec["nomor"]):
                yield finding("L3", cite, act=_name(cited), what=pub["kind"],
                              found=f"Tahun {pub['tahun']} Nomor {pub['nomor']}",
                              expected=f"Tahun {rec['tahun']} Nomor {rec['nomor']}")
            if known.get("tln") and pub["tln"] and pub["tln"] != known["tln"]:
                yield finding("L3", cite, act=_name(cited), what="Tambahan Lembaran Negara",
                              found=f"Nomor {pub['tln']}", expected=f"Nomor {known['tln']}")


def check_required_bases(reg: Regulation) -> Iterator[Finding]:
    """M4: a sistem-kerja act cites the law that formed its region (or its province) and each group of national
    bases of rules.yaml ``M4_base.required`` (UU ASN, UU 23/2014, PermenPAN-RB 7/2022) by one of its members."""
    if not reg.mengingat or not is_sistem_kerja(reg):
        return
    texts = [norm(i.text) for i in reg.mengingat]
    if not any(_FORMING.search(t) for t in texts):
        yield finding("M4_region", "Mengingat")
    cited = {c["key"] for t in texts for c in citations.parse(t)}
    acts, (date, year) = citations.knowledge(), _date_of(reg)
    for group in rules()["M4_base"]["required"]:
        made = [k for k in group if k in acts and (citations.in_force_by(acts[k], date, year)
                                                   or acts[k]["tahun"] == year)]
        if made and not set(group) & cited:
            yield finding("M4_base", "Mengingat", act=_name(acts[made[-1]]))


#: the act that formed a region: "Undang-Undang Nomor 38 Tahun 2003 tentang Pembentukan Kabupaten ...", or the
#: act on its province ("Undang-Undang Nomor 11 Tahun 2023 tentang Provinsi Jawa Tengah")
_FORMING = re.compile(r"Undang-Undang\s+(?:Darurat\s+)?Nomor\s+\S+\s+Tahun\s+\d{4}\s+tentang\s+"
                      r"(?:Pembentukan|Provinsi|Kabupaten|Kota)\b")

CHECKS = [check_replaced, check_chain, check_numbers, check_required_bases]

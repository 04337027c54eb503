"""The knowledge base beside each Mengingat entry of the reader: for every act the entry cites, what the knowledge
base of acts (:mod:`rancang.kb`) holds about it, with each fact's status and its number of sources."""

from __future__ import annotations

from typing import Any

from rancang.kb import store
from rancang.kb.observe import cited_acts
from rancang.parts import Dasar

_STATUS = {"verified": "terverifikasi", "disputed": "diperselisihkan", "unverified": "belum terverifikasi"}
_LABEL = {"ln": "LN", "bn": "BN", "tln": "TLN", "ld": "LD", "bd": "BD"}


def facts_of(entry: Dasar) -> list[dict[str, Any]]:
    """[{name, key, facts: ["LN 2014/244 (terverifikasi, 29 sumber)", ...], relations: ["diubah dengan ..."]}] for
    the acts ``entry`` cites that the knowledge base holds."""
    base = store.load()
    out = []
    for cited in cited_acts(" ".join(entry.text.split())):
        key = cited["act"]["key"]
        rec = base.get(key)
        if rec is None:
            continue
        facts = []
        for name, label in _LABEL.items():
            f = rec["facts"].get(name)
            if f is None:
                continue
            value = f"{f['value'][0]}/{f['value'][1]}" if isinstance(f["value"], list) else str(f["value"])
            facts.append(f"{label} {value} ({_STATUS[f['status']]}, {f['agree']} sumber"
                         + (f", {f['disagree']} berbeda" if f["disagree"] else "") + ")")
        relations = [f"{'dicabut' if rel == 'repealed_by' else 'diubah'} dengan {base.short(r['act'])}"
                     f" ({_STATUS[r['status']]})" + (f"; {base.short(r['act'])} diputus Mahkamah Konstitusi"
                                                      if r.get("mk") else "")
                     for rel in ("repealed_by", "amended_by") for r in rec[rel]]
        relations += [f"Putusan Mahkamah Konstitusi {d['putusan'] or ''} ({d['lingkup']})".replace("  ", " ")
                      for d in rec.get("mk") or []]
        out.append({"name": base.short(key), "key": key, "facts": facts, "relations": relations})
    return out

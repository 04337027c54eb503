"""Mengingat of a draft: the current national bases (data) plus the region's own, ordered by hierarchy (M2).

The national bases a draft cites are listed in ``data/mengingat.yaml`` and printed from the legal-bases record
``data/legal_bases.yaml`` (numbers, amendments) that ``rancang check`` also reads, so that a bureau (or a later
amendment of UU ASN) changes data, not code. The region's bases come from its profile; a Perda is printed with
the region's name ("Peraturan Daerah Kabupaten Sleman Nomor 12 ...").
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from rancang.generate import resources
from rancang.generate.citations import knowledge
from rancang.generate.profile import Profile
from rancang.parts import Citation, Dasar


@cache
def data() -> dict[str, Any]:
    """{levels, bases}: the hierarchy levels and the national bases as Mengingat entries {jenis, nomor, tahun,
    tentang, text, amendments}, built from the legal-bases record ``data/legal_bases.yaml``."""
    raw = resources.read_yaml("data/mengingat.yaml")
    return {"levels": raw["levels"], "bases": [national_entry(b["act"], b.get("pasal")) for b in raw["bases"]]}


def _publication(act: dict[str, Any]) -> str:
    if act.get("ln"):
        text = f"Lembaran Negara Republik Indonesia Tahun {act['ln']['tahun']} Nomor {act['ln']['nomor']}"
        return text + (f", Tambahan Lembaran Negara Republik Indonesia Nomor {act['tln']}" if act.get("tln") else "")
    if act.get("bn"):
        return f"Berita Negara Republik Indonesia Tahun {act['bn']['tahun']} Nomor {act['bn']['nomor']}"
    return ""


def _national_cite(act: dict[str, Any]) -> str:
    pub = _publication(act)
    return f"{act['jenis']} Nomor {act['nomor']} Tahun {act['tahun']} tentang {act['tentang']}" + \
        (f" ({pub})" if pub else "")


def national_entry(key: str, pasal: str | None = None) -> dict[str, Any]:
    """The Mengingat entry of the act ``key`` of the legal-bases record, cited with its publication and its
    latest amendment in force (an amendment replaced by a later one is skipped). Raises KeyError for an unknown
    key."""
    acts = knowledge()
    act = acts[key]
    if act["jenis"] == "Undang-Undang Dasar":
        text = f"{pasal + ' ' if pasal else ''}{act['tentang']}"
        return {"jenis": act["jenis"], "nomor": None, "tahun": act["tahun"], "tentang": act["tentang"],
                "text": text}
    amendments = [acts[k] for k in act["amended_by"] if not acts[k].get("replaced_by")]
    text = _national_cite(act)
    if amendments:
        verb = "sebagaimana telah diubah dengan" if len(amendments) == 1 else \
            "sebagaimana telah beberapa kali diubah terakhir dengan"
        text += f" {verb} {_national_cite(amendments[-1])}"
    level_jenis = "Peraturan Menteri" if act["jenis"].startswith("Peraturan Menteri") else act["jenis"]
    return {"jenis": level_jenis, "nomor": act["nomor"], "tahun": act["tahun"], "tentang": act["tentang"],
            "text": (f"{pasal} " if pasal else "") + text,
            "amendments": [{k: a[k] for k in ("jenis", "nomor", "tahun", "tentang")} for a in amendments[-1:]]}


def _jenis_printed(jenis: str, profile: Profile, printed: str | None = None) -> str:
    if printed and jenis not in ("Peraturan Daerah", "Peraturan Daerah Provinsi"):
        return printed
    if jenis == "Peraturan Daerah":
        return f"Peraturan Daerah {profile.daerah}"
    if jenis == "Peraturan Daerah Provinsi":
        return f"Peraturan Daerah Provinsi {profile.provinsi}"
    return jenis


def _cite_text(c: Mapping[str, Any], profile: Profile) -> str:
    jenis = _jenis_printed(c["jenis"], profile, c.get("cetak"))
    text = f"{jenis} Nomor {c['nomor']} Tahun {c['tahun']} tentang {c['tentang']}"
    if c.get("lembaran"):
        text += f" ({c['lembaran']})"
    return text


def region_entry(base: Mapping[str, Any], profile: Profile) -> dict[str, Any]:
    """A profile's ``dasar_hukum_daerah`` item as a Mengingat entry (text, citation, amendments)."""
    text = _cite_text(base, profile)
    amendments = base.get("perubahan") or []
    if amendments:
        verb = "sebagaimana telah diubah dengan" if len(amendments) == 1 else \
            "sebagaimana telah beberapa kali diubah terakhir dengan"
        text += f" {verb} {_cite_text(amendments[-1], profile)}"
    return {
        "jenis": base["jenis"], "cetak": base.get("cetak"), "nomor": base["nomor"], "tahun": base["tahun"],
        "tentang": base["tentang"],
        "text": text,
        "amendments": [{k: a[k] for k in ("jenis", "nomor", "tahun", "tentang")} for a in amendments],
    }


def _number_key(nomor: str | None) -> tuple[int, str]:
    digits = "".join(ch for ch in (nomor or "") if ch.isdigit())
    return (int(digits) if digits else 0, nomor or "")


def entries(profile: Profile) -> list[Dasar]:
    """Mengingat entries {label, text, citation, amendments} in hierarchical order, each ending with ";"."""
    d = data()
    levels = d["levels"]
    items = [dict(b) for b in d["bases"]] + [region_entry(b, profile) for b in profile.data["dasar_hukum_daerah"]]
    items.sort(key=lambda c: (levels.get(c["jenis"], 9), c["tahun"], _number_key(c.get("nomor"))))
    out = []
    for i, c in enumerate(items, 1):
        text = " ".join(c["text"].split()).rstrip(";. ")
        out.append(Dasar(
            label=f"{i}.",
            text=text + (";" if i < len(items) else ";"),
            citation=Citation(jenis=_jenis_printed(c["jenis"], profile, c.get("cetak")), nomor=c.get("nomor"),
                              tahun=c["tahun"], tentang=c["tentang"]),
            amendments=[Citation.from_dict(dict(a, jenis=_jenis_printed(a["jenis"], profile)))
                        for a in c.get("amendments") or []],
        ))
    return out


def hierarchy_level(jenis: str | None) -> int | None:
    """The M2 level of a cited jenis (as printed: "Peraturan Daerah Kabupaten X" counts as Perda), or None."""
    if not jenis:
        return None
    levels = data()["levels"]
    for name in sorted(levels, key=len, reverse=True):
        if jenis.startswith(name):
            return levels[name]
    if jenis.startswith("Peraturan Menteri"):
        return levels["Peraturan Menteri"]
    return None

"""Act citations inside a Mengingat entry, as ``rancang check``'s form rules (M2, M3) read them; the facts about
the acts (numbers, amendments, repeals) are the knowledge base's (:mod:`rancang.kb`).

>>> [c["key"] for c in parse("Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara "
...  "Republik Indonesia Tahun 2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587) sebagaimana "
...  "telah diubah dengan Undang-Undang Nomor 9 Tahun 2015 tentang Perubahan Kedua atas Undang-Undang Nomor 23 "
...  "Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2015 Nomor 58)")]
['uu-2014-23', 'uu-2015-9']
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from rancang.generate.shared import resources
from rancang.kinds import heads_pattern

ACT = re.compile(rf"""
    (?P<jenis>
        Undang-Undang\s+Darurat | Peraturan\s+Pemerintah\s+Pengganti\s+Undang-Undang | Undang-Undang
      | Peraturan\s+Pemerintah | Peraturan\s+Presiden
      | Peraturan\s+Menteri(?:\s+[A-Z][\w,]*(?:\s+(?:dan\s+)?[A-Z][\w,]*)*)?   # "Peraturan Menteri Dalam Negeri"
      | Peraturan\s+Daerah(?:\s+(?:Provinsi|Kabupaten|Kota)(?:\s+[A-Z][\w-]*)+)?
      | Peraturan\s+(?i:{heads_pattern()})(?:\s+[A-Z][\w-]*)*   # Peraturan Gubernur/Bupati/Wali Kota
      | Keputusan\s+Presiden )
    \s+Nomor\s+(?P<nomor>[\w/.-]+?)\s+Tahun\s+(?P<tahun>\d{{4}})
""", re.X)
#: what precedes an act that the entry cites in its own right (not one named inside another act's title)
_TOP = re.compile(r"(?:^|(?:diubah|terakhir|dengan)[\s,]+(?:beberapa\s+kali\s*,?\s*)?(?:terakhir\s+)?"
                  r"(?:dengan\s+)?)$")
_PUB = re.compile(r"""\(\s*
    (?P<kind>Lembaran\s+Negara|Berita\s+Negara|Lembaran\s+Daerah|Berita\s+Daerah)[^()]*?
    Tahun\s+(?P<tahun>\d{4})\s+Nomor\s+(?P<nomor>\d+)
    (?:[^()]*?Tambahan\s+(?:Lembaran\s+Negara|Lembaran\s+Daerah)[^()]*?Nomor\s+(?P<tln>\d+))?
    [^()]*\)""", re.X | re.S)

_KIND_PREFIX = [("Peraturan Pemerintah Pengganti", "perppu"), ("Undang-Undang Dasar", "uud"),
                ("Undang-Undang", "uu"), ("Peraturan Pemerintah", "pp"), ("Peraturan Presiden", "perpres"),
                ("Peraturan Menteri Dalam Negeri", "permendagri"),
                ("Peraturan Menteri Pendayagunaan Aparatur Negara", "permenpanrb"),
                ("Peraturan Menteri", "permen"), ("Peraturan Daerah", "perda")]


def kind_of(jenis: str) -> str:
    """Short kind of a printed jenis: "uu", "pp", "perpres", "permendagri", "permen", "perda", ... or "lain"."""
    j = " ".join(jenis.split())
    return next((k for p, k in _KIND_PREFIX if j.startswith(p)), "lain")


def parse(text: str) -> list[dict[str, Any]]:
    """The acts an entry cites in its own right, in order: [{jenis, kind, nomor, tahun, key, start, end,
    pub: {kind, tahun, nomor, tln} | None}]; the segment of each act runs to the next act."""
    text = " ".join(text.split())
    found = [m for m in ACT.finditer(text) if _TOP.search(text[:m.start()].rstrip() + " " if m.start() else "")]
    out = []
    for i, m in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(text)
        segment = text[m.end():end]
        pub = _PUB.search(segment)
        kind = kind_of(m.group("jenis"))
        out.append({
            "jenis": " ".join(m.group("jenis").split()), "kind": kind, "nomor": m.group("nomor"),
            "tahun": int(m.group("tahun")), "key": f"{kind}-{m.group('tahun')}-{m.group('nomor')}",
            "start": m.start(), "end": end, "segment": text[m.start():end],
            "pub": None if pub is None else {
                "kind": " ".join(pub.group("kind").split()), "tahun": int(pub.group("tahun")),
                "nomor": int(pub.group("nomor")), "tln": int(pub.group("tln")) if pub.group("tln") else None},
        })
    return out


@cache
def _levels() -> dict[str, int]:
    """The hierarchy levels of ``shared/data/mengingat.yaml`` (M2)."""
    return dict(resources.read_yaml("shared/data/mengingat.yaml")["levels"])


def hierarchy_level(jenis: str | None) -> int | None:
    """The M2 level of a cited jenis (as printed: "Peraturan Daerah Kabupaten X" counts as Perda), or None."""
    if not jenis:
        return None
    levels = _levels()
    for name in sorted(levels, key=len, reverse=True):
        if jenis.startswith(name):
            return levels[name]
    if jenis.startswith("Peraturan Menteri"):
        return levels["Peraturan Menteri"]
    return None

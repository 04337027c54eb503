"""Profiles and small acts of other regions for tests. A profile moved to another region, written the way a bureau
writes one: the example's region, capital and province replaced, its own Perda cited in the natural jenis form
("Peraturan Daerah Kabupaten X")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

EXAMPLES = Path(__file__).resolve().parents[1] / "corpus" / "examples"

#: the opening of a small Peraturan Bupati on sistem kerja written for a test, up to its batang tubuh
#: ({DAERAH}: the region's name in capitals)
ACT_HEAD = """PERATURAN BUPATI {DAERAH}
NOMOR 5 TAHUN 2024
TENTANG
SISTEM KERJA
BUPATI {DAERAH},
Menimbang : a. bahwa sistem kerja perlu disesuaikan;
Mengingat : Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara;
MEMUTUSKAN:
Menetapkan : PERATURAN BUPATI TENTANG SISTEM KERJA.
"""

#: ACT_HEAD with a one-Pasal batang tubuh, its penutup and the opening of its Lampiran, up to the Lampiran's first
#: heading (add it, e.g. "A. Mekanisme Kerja\n", then the Lampiran's items)
LAMPIRAN_HEAD = ACT_HEAD + """Pasal 1
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
Ditetapkan di {DAERAH}
pada tanggal 2 Januari 2024
BUPATI {DAERAH},
ttd.
ANI
LAMPIRAN
PERATURAN BUPATI {DAERAH} NOMOR 5 TAHUN 2024 TENTANG SISTEM KERJA
"""


def example(name: str) -> dict[str, Any]:
    """The bundled example profile ``corpus/examples/<name>.yaml``, loaded fresh (a test may change it)."""
    return yaml.safe_load((EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))


def moved(d: dict[str, Any], nama: str, provinsi: str, **extra: Any) -> dict[str, Any]:
    """``d`` (a loaded example profile, changed in place and returned) as the profile of region ``nama`` in
    ``provinsi``; ``ibu_kota`` defaults to ``nama``, every other keyword replaces a top-level key."""
    old = d["daerah"]["nama"]
    d["daerah"]["nama"], d["ibu_kota"], d["provinsi"] = nama, extra.pop("ibu_kota", nama), provinsi
    for base in d["dasar_hukum_daerah"]:
        base["lembaran"] = (base.get("lembaran") or "").replace(old, nama) or None
        if base["jenis"] == "Peraturan Daerah":
            base["jenis"] = f"Peraturan Daerah {'Kabupaten' if d['daerah']['jenis'] == 'kabupaten' else 'Kota'} {nama}"
    d.update(extra)
    return d


def write_drafts(profiles: dict[str, dict[str, Any]], folders: Any, sources: Any,
                 base: str | None = None) -> dict[str, tuple[Any, Path]]:
    """key -> (Draft, folder): each profile drafted (on ``base``, or the model Perbup) and written by ``draft.write``
    into its own folder from ``folders`` (pytest's tmp_path_factory)."""
    from rancang.generate.draft import build as draft
    from rancang.generate.shared import profile

    out = {}
    for key, data in profiles.items():
        d = draft.build(profile.from_dict(data), *([base] if base else []), sources=sources)
        folder = folders.mktemp(key)
        draft.write(d, folder)
        out[key] = (d, folder)
    return out

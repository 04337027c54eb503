"""A profile moved to another region, written the way a bureau writes one: the example's region, capital and
province replaced, its own Perda cited in the natural jenis form ("Peraturan Daerah Kabupaten X")."""

from __future__ import annotations

from typing import Any


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

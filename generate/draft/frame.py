"""The frame of a draft built from the profile, never copied: judul, pembukaan, konsiderans, diktum, penutup, meta.

Only the Menimbang's considerations come from the base (rewritten for the region); the last one (K2) is written
from ``data/compose.yaml`` with the draft's own title. User data (names, titles) goes into the tree as it is:
nothing here is re-read from text, so "<b>" or "**" in a name survive in every output.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from rancang.dates import MONTHS
from rancang.generate.draft import signers
from rancang.generate.shared import resources
from rancang.generate.shared.profile import Profile
from rancang.numbering import huruf
from rancang.parts import BeritaDaerah, Konsiderans, Meta, Penutup
from rancang.tree import Regulation

BLANK_DATE = "...................."


def tanggal(iso: str | None) -> str:
    """"2026-03-01" -> "1 Maret 2026"; None -> a blank to fill in."""
    if not iso:
        return BLANK_DATE
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{d} {MONTHS[m - 1]} {y}"


def title_of(base: Regulation) -> str | None:
    """The title as written in the base's last Menimbang ("... tentang Sistem Kerja ...;")."""
    if not base.menimbang:
        return None
    last = base.menimbang[-1].text
    decides = re.search(r"perlu\s+menetapkan\s+.*$", last, re.IGNORECASE | re.DOTALL)  # a reason before it names acts
    m = re.search(r"\btentang\s+(.+?);?\s*$", decides.group(0) if decides else last)
    return m.group(1).rstrip(";. ") if m else None


#: the decision that closes a consideration: "perlu menetapkan Peraturan Wali Kota tentang ...;"
_DECIDES = re.compile(r"perlu\s+menetapkan\s+.+$", re.IGNORECASE | re.DOTALL)


def _huruf_list(n: int) -> str:
    hs = [f"huruf {huruf(i)}" for i in range(1, n + 1)]
    if len(hs) == 1:
        return hs[0]
    return ", ".join(hs[:-1]) + (", dan " if len(hs) > 2 else " dan ") + hs[-1]


#: "di Lingkungan Pemerintah Daerah" closing a title that names no region
_GENERIC_GOVERNMENT = re.compile(r"\bPemerintah\s+Daerah\b(?!\s+(?:Kabupaten|Kota|Provinsi)\b)", re.IGNORECASE)


def names_region(title: str, daerah: str) -> str:
    """``title`` naming the region whose government it speaks of: "Sistem Kerja di Lingkungan Pemerintah Daerah"
    -> "Sistem Kerja di Lingkungan Pemerintah Kabupaten Sleman" (``daerah`` "Kabupaten Sleman"). A Perbup's name
    says whose act it is (UU 12/2011 Lampiran II angka 2-3: the judul names the regulation); 3 of the 4 bundled
    sistem-kerja acts write "Pemerintah Kabupaten/Kota X" (or "Pemerintah Daerah Kota X") in their judul, the fourth
    "Pemerintah Daerah" alone. A title already naming the region, or naming no government, is returned as is."""
    if re.search(r"\b" + r"\s+".join(map(re.escape, daerah.split())) + r"\b", title, re.IGNORECASE):
        return title
    return _GENERIC_GOVERNMENT.sub(lambda m: f"Pemerintah {daerah}", title, count=1)


def judul(profile: Profile, base: Regulation, rw: Callable[[str], str]) -> str:
    """The draft's title in title case: the profile's ``tentang`` as given, else the base's, rewritten for the
    region and naming it (:func:`names_region`)."""
    given = profile.data.get("tentang")
    if given:
        return " ".join(str(given).split())
    text = rw(title_of(base) or base.meta.tentang or "")
    return names_region(" ".join(text.split()), profile.daerah)


def menimbang(profile: Profile, base: Regulation, rw: Callable[[str], str], title: str,
              delegation: str | None = None) -> list[Konsiderans]:
    """The base's considerations rewritten, then the K2 consideration with the draft's title (``compose.yaml``
    ``menimbang_last``). ``delegation``: the
    single consideration of an act that carries out a higher act's delegation, formatted ("bahwa untuk melaksanakan
    ketentuan Pasal 25 ... perlu menetapkan {jenis} tentang {judul};", DRAFTING.md K3, UU 12/2011 Lampiran II: a
    Peraturan that only carries out a delegation has one consideration); it replaces the base's reasons."""
    if delegation:
        return [Konsiderans(label=None, text=delegation.format(jenis=profile.jenis_peraturan, judul=title))]
    items = [Konsiderans(label=None, text=rw(c.text)) for c in base.menimbang[:-1]]
    only = rw(base.menimbang[0].text) if len(base.menimbang) == 1 else ""
    if _DECIDES.search(only):  # one consideration that is also the K2 one: its reason kept, the decision the draft's
        return [Konsiderans(label=None, text=_DECIDES.sub(
            f"perlu menetapkan {profile.jenis_peraturan} tentang {title};", only))]
    items.append(Konsiderans(label=None, text=resources.compose_rules()["menimbang_last"].format(
        huruf=_huruf_list(len(items)), jenis=profile.jenis_peraturan, judul=title)))
    if len(items) > 1:
        for i, c in enumerate(items, 1):
            c.label = f"{huruf(i)}."
    return items


def frame(profile: Profile, title: str) -> dict[str, Any]:
    """preamble, diktum, penutup and meta of the draft (everything but Menimbang, Mengingat, body, Lampiran)."""
    jenis, upper = profile.jenis_peraturan, title.upper()
    nomor = profile.nomor or "...."
    ditetapkan, diundangkan = profile.data.get("tanggal_ditetapkan"), profile.data.get("tanggal_diundangkan")
    bd_nomor = (profile.data.get("berita_daerah") or {}).get("nomor")
    # the kop: the head's office and, for a kabupaten or kota, its province ("BUPATI SLEMAN" / "PROVINSI DAERAH
    # ISTIMEWA YOGYAKARTA"); a provinsi's own kop is its Gubernur alone ("GUBERNUR JAWA TENGAH")
    kop = [profile.pejabat.upper()] + ([] if profile.provincial else [f"PROVINSI {profile.provinsi.upper()}"])
    preamble = [*kop, f"{jenis.upper()} {profile.nama.upper()}", f"NOMOR {nomor} TAHUN {profile.tahun}", "TENTANG",
                upper, "DENGAN RAHMAT TUHAN YANG MAHA ESA", f"{profile.penandatangan_jabatan},"]
    penutup_lines = [
        f"Ditetapkan di {profile.ibu_kota}", f"pada tanggal {tanggal(ditetapkan)}",
        f"{profile.penandatangan_jabatan},", signers.printed(profile, "kepala_daerah"),
        f"Diundangkan di {profile.ibu_kota}", f"pada tanggal {tanggal(diundangkan)}",
        f"{profile.sekda_jabatan},", signers.printed(profile, "sekretaris_daerah"),
        f"{profile.berita_daerah.upper()} TAHUN {profile.tahun} NOMOR {bd_nomor or '....'}",
    ]
    meta = Meta(
        jenis=jenis, pejabat=profile.penandatangan, daerah=profile.daerah, daerah_jenis=profile.jenis,
        provinsi=profile.provinsi, nomor=profile.nomor or "", tahun=profile.tahun, tentang=upper,
        ditetapkan_di=profile.ibu_kota, tanggal_ditetapkan=ditetapkan, diundangkan_di=profile.ibu_kota,
        tanggal_diundangkan=diundangkan,
        berita_daerah=BeritaDaerah(nama=profile.berita_daerah, tahun=profile.tahun, nomor=bd_nomor),
        penandatangan=profile.penandatangan,
    )
    penutup = Penutup(lines=penutup_lines, ditetapkan_di=profile.ibu_kota, tanggal_ditetapkan=ditetapkan,
                      diundangkan_di=profile.ibu_kota, tanggal_diundangkan=diundangkan,
                      penandatangan=profile.penandatangan)
    return {"preamble": preamble, "diktum": ["MEMUTUSKAN:", f"Menetapkan : {jenis.upper()} TENTANG {upper}."],
            "penutup": penutup, "meta": meta}


def to_fill(profile: Profile) -> list[tuple[str, str]]:
    """(where, what) of everything the bureau must still fill in: nomor, dates, Berita Daerah number."""
    out = []
    if not profile.nomor:
        out.append(("Judul", "nomor peraturan"))
    if not profile.data.get("tanggal_ditetapkan"):
        out.append(("Penutup", "tanggal ditetapkan"))
    if not profile.data.get("tanggal_diundangkan"):
        out.append(("Penutup", "tanggal diundangkan"))
    if not (profile.data.get("berita_daerah") or {}).get("nomor"):
        out.append(("Penutup", "nomor Berita Daerah"))
    return out

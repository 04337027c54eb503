"""Mengingat of a draft: the current national bases (data) plus the region's own, ordered by hierarchy (M2).

The national bases a draft cites are listed by key in ``shared/data/mengingat.yaml`` and printed from the knowledge base
of acts (:mod:`rancang.kb`, through :mod:`rancang.generate.shared.kbcite`) that ``rancang check`` also reads: title,
publication and latest amendment, each as the knowledge base holds it verified, else a visible blank ("Nomor
....") that the draft's ``catatan.md`` lists under what must be filled. The region's bases come from its profile;
a Perda is printed with the region's name ("Peraturan Daerah Kabupaten Sleman Nomor 12 ..."), and a publication the
profile does not give is taken from the knowledge base or left blank, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from rancang.generate.draft.notes import Notes
from rancang.generate.shared import givencite, kbcite, resources
from rancang.generate.shared.profile import Profile
from rancang.kb import store
from rancang.kb.acts import key as act_key
from rancang.parts import Citation, Dasar


def data(year: int | None = None) -> dict[str, Any]:
    """{levels, bases}: the hierarchy levels and the national bases as Mengingat entries {jenis, nomor, tahun,
    tentang, text, amendments, blanks} for a text of ``year`` (None: any year), printed from the knowledge base."""
    raw = resources.read_yaml("shared/data/mengingat.yaml")
    return {"levels": raw["levels"], "bases": [national_entry(b["act"], b.get("pasal"), year) for b in raw["bases"]]}


def national_entry(key: str, pasal: str | None = None, year: int | None = None) -> dict[str, Any]:
    """The Mengingat entry of act ``key``, cited with its publication and its latest amendment made before a text
    of ``year`` (an amendment repealed by then is skipped); ``blanks`` lists what the knowledge base could not give.
    Raises KeyError for an act the knowledge base does not know."""
    c = kbcite.mengingat(key, year if year is not None else 9999, pasal)
    level_jenis = "Peraturan Menteri" if c.jenis.startswith("Peraturan Menteri") else c.jenis
    return {"jenis": level_jenis, "nomor": c.nomor, "tahun": c.tahun, "tentang": c.tentang, "text": c.text,
            "amendments": c.amendments, "blanks": c.blanks, "cetak": None if level_jenis == c.jenis else c.jenis}


def _jenis_printed(jenis: str, profile: Profile, printed: str | None = None) -> str:
    if printed and jenis not in ("Peraturan Daerah", "Peraturan Daerah Provinsi"):
        return printed
    if jenis == "Peraturan Daerah":
        return f"Peraturan Daerah {profile.daerah}"
    if jenis == "Peraturan Daerah Provinsi":
        return f"Peraturan Daerah Provinsi {profile.provinsi}"
    return jenis


def _cite_text(c: Mapping[str, Any], profile: Profile, blanks: list[str] | None = None,
               unverified: list[str] | None = None, said: list[str] | None = None) -> str:
    """A profile's act as printed; its publication is the profile's, else the knowledge base's (verified), else
    a blank added to ``blanks``. A publication the profile gives that the knowledge base does not hold verified
    is printed as given and named in ``unverified`` (the user's data, to be checked against the official text).
    Its title is the profile's unless the knowledge base holds another verified that the act's own judul does not
    contradict (:func:`givencite.title`); each disagreement is a note added to ``said``."""
    jenis = _jenis_printed(c["jenis"], profile, c.get("cetak"))
    base = store.load()
    key = act_key(jenis, str(c["nomor"]), int(c["tahun"]))
    tentang, notes = (givencite.title(base, key, c["tentang"], f"{jenis} Nomor {c['nomor']} Tahun {c['tahun']}")
                      if base.get(key) is not None else (c["tentang"], []))
    if said is not None:
        said.extend(notes)
    text = f"{jenis} Nomor {c['nomor']} Tahun {c['tahun']} tentang {tentang}"
    if c.get("lembaran"):
        if unverified is not None and not profile_publication_verified(base, key, str(c["lembaran"])):
            unverified.append(f"{jenis} Nomor {c['nomor']} Tahun {c['tahun']} ({c['lembaran']})")
            if said is not None and base.get(key) is not None:
                said.extend(givencite.conflicts(base, key, str(c["lembaran"]),
                                                f"{jenis} Nomor {c['nomor']} Tahun {c['tahun']}"))
        return text + f" ({c['lembaran']})"
    if base.get(key) is not None:
        pub, missing = kbcite.publication(base, key)
    elif jenis.startswith("Peraturan Daerah"):
        region = jenis[len("Peraturan Daerah"):].strip() or profile.daerah
        pub, missing = (f"(Lembaran Daerah {region} Tahun {c['tahun']} Nomor {kbcite.BLANK})",
                        [f"Nomor Lembaran Daerah {jenis} Nomor {c['nomor']} Tahun {c['tahun']}"])
    else:
        pub, missing = (f"(Lembaran Negara/Berita Negara Republik Indonesia Tahun {c['tahun']} Nomor {kbcite.BLANK})",
                        [f"pengundangan {jenis} Nomor {c['nomor']} Tahun {c['tahun']}"])
    if blanks is not None:
        blanks.extend(missing)
    return f"{text} {pub}"


def profile_publication_verified(base: store.KnowledgeBase, key: str, lembaran: str) -> bool:
    """Whether every number of ``lembaran`` ("Berita Negara Republik Indonesia Tahun 1950 Nomor 44", as a profile
    gives it) is a fact the knowledge base holds verified for act ``key`` (:func:`givencite.verified_publication`).
    False when the act, the fact or the reading of ``lembaran`` is missing."""
    return givencite.verified_publication(base, key, lembaran)


_REGION = re.compile(r"\b(?:Lembaran|Berita)\s+Daerah\s+(?P<region>(?:Provinsi|Kabupaten|Kota)\s+.+?)\s+Tahun\b")


def foreign_gazette(c: Mapping[str, Any], profile: Profile) -> str | None:
    """The other region named by a regional act's Lembaran/Berita Daerah in the profile ("Kabupaten Sleman" for a
    Bantul Perda), or None when it names the act's own region (UU 12/2011 Pasal 86)."""
    jenis = _jenis_printed(c["jenis"], profile, c.get("cetak"))
    m = _REGION.search(str(c.get("lembaran") or ""))
    if not jenis.startswith("Peraturan Daerah") or m is None:
        return None
    own = jenis[len("Peraturan Daerah"):].strip() or profile.daerah
    fold = lambda t: re.sub(r"[^0-9a-z]+", "", t.casefold())  # noqa: E731
    return None if fold(own) == fold(m["region"]) else m["region"]


def region_entry(base: Mapping[str, Any], profile: Profile) -> dict[str, Any]:
    """A profile's ``dasar_hukum_daerah`` item as a Mengingat entry (text, citation, amendments, blanks, and the
    other regions its Lembaran Daerah wrongly names)."""
    blanks: list[str] = []
    unverified: list[str] = []
    said: list[str] = []
    text = _cite_text(base, profile, blanks, unverified, said)
    amendments = base.get("perubahan") or []
    if amendments:
        verb = "sebagaimana telah diubah dengan" if len(amendments) == 1 else \
            "sebagaimana telah beberapa kali diubah terakhir dengan"
        text += f" {verb} {_cite_text(amendments[-1], profile, blanks, unverified, said)}"
    foreign = [r for c in [base, *amendments[-1:]] if (r := foreign_gazette(c, profile))]
    return {
        "jenis": base["jenis"], "cetak": base.get("cetak"), "nomor": base["nomor"], "tahun": base["tahun"],
        "tentang": base["tentang"],
        "text": text,
        "amendments": [{k: a[k] for k in ("jenis", "nomor", "tahun", "tentang")} for a in amendments],
        "blanks": blanks, "unverified": unverified, "foreign": foreign, "notes": said,
    }


def _number_key(nomor: str | None) -> tuple[int, str]:
    digits = "".join(ch for ch in (nomor or "") if ch.isdigit())
    return (int(digits) if digits else 0, nomor or "")


def entries(profile: Profile, notes: Notes | None = None) -> list[Dasar]:
    """Mengingat entries {label, text, citation, amendments} in hierarchical order, each ending with ";". Each
    blank left (a fact the knowledge base does not hold verified) and each regional act cited with another
    region's Lembaran Daerah is added to ``notes`` (under what must be filled, and what must be decided)."""
    d = data(_year(profile))
    levels = d["levels"]
    items = [dict(b) for b in d["bases"]] + [region_entry(b, profile) for b in profile.data["dasar_hukum_daerah"]]
    items.sort(key=lambda c: (levels.get(c["jenis"], 9), c["tahun"], _number_key(c.get("nomor"))))
    out = []
    for i, c in enumerate(items, 1):
        if notes is not None:
            for blank in c.get("blanks") or []:
                notes.add("isian", "M3", f"{blank} tidak diketahui dengan pasti oleh basis pengetahuan rancang; "
                          f"isi dari naskah resminya (\"Nomor ....\").", cite=f"Mengingat angka {i}")
            for given in c.get("unverified") or []:
                notes.add("isian", "M3", f"pengundangan {given} dari profil, belum terverifikasi oleh basis "
                          f"pengetahuan rancang; periksa dengan naskah resminya.", cite=f"Mengingat angka {i}")
            for note in c.get("notes") or []:
                notes.add("isian", "M3", note, cite=f"Mengingat angka {i}")
            for region in c.get("foreign") or []:
                notes.add("putusan", "L3_region", f"profil mencantumkan Lembaran/Berita Daerah {region} untuk "
                          f"peraturan daerah lain; peraturan daerah diundangkan dalam Lembaran Daerah daerahnya "
                          f"sendiri (UU 12/2011 Pasal 86).", c["text"], cite=f"Mengingat angka {i}")
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


def _year(profile: Profile) -> int | None:
    """The year the draft is made for (the profile's ``tahun``), None when the profile has none."""
    try:
        return profile.tahun
    except (KeyError, TypeError, ValueError):
        return None

"""Region profiles: the few facts about a kabupaten or kota that a draft needs, written by hand in YAML or JSON.

A profile is validated against ``schema/region.schema.json`` with Indonesian messages that name the offending key,
so a bureau clerk can fix a typo without reading a JSON Schema. :class:`Profile` then derives every spelling the
draft uses ("Kabupaten Sleman", "BUPATI SLEMAN", "Peraturan Bupati", "Berita Daerah Kabupaten Sleman" ...) in one
place, so the rewriting rules never build names themselves.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, cast

from rancang import kinds, schema
from rancang.dataload import check_tree, load_mapping
from rancang.dates import parse as parse_date
from rancang.dates import written_like_a_date
from rancang.errors import InputError, os_reason
from rancang.generate.shared import resources
from rancang.generate.shared.profile_data import RegionData

#: kepala daerah titles allowed for each kind of region (T3: Provinsi <-> Gubernur, Kabupaten <-> Bupati, Kota <->
#: Wali Kota; UU 23/2014 Pasal 59 ayat (2)), from ``rancang/data/kinds.json``
JABATAN_BY_JENIS = {key: region.head for key, region in kinds.regions().items()}
_TYPE_NAMES = {"string": "teks", "integer": "bilangan bulat", "boolean": "true/false", "object": "pemetaan",
               "array": "daftar", "null": "null"}


def _where(path: list[Any], root: str = "profil") -> str:
    """A key's place as a clerk counts it: ``["dasar_hukum_daerah", 0, "nomor"]`` -> "dasar_hukum_daerah butir
    ke-1: nomor" (list items from 1, not from 0); ``[]`` -> ``root``."""
    out = ""
    for i, part in enumerate(path):
        if isinstance(part, int):
            out += f" butir ke-{part + 1}"
        else:
            out += (": " if i and isinstance(path[i - 1], int) else "." if i else "") + str(part)
    return out or root


#: what each date format of the schemas accepts, as told to the user
_DATE_FORMS = {"date": "TTTT-BB-HH, mis. 2026-03-02", "tanggal": "TTTT-BB-HH seperti 2026-03-02, atau 2 Maret 2026"}


def _message(err: schema.Problem, root: str = "profil") -> str:
    """One Indonesian clause for one schema violation, naming the key involved (``root`` names the document
    itself: "profil", "data surat")."""
    where = _where(list(err.absolute_path), root)
    if err.validator == "additionalProperties":
        allowed = set((err.schema.get("properties") or {}).keys())
        extra = sorted(k for k in err.instance if k not in allowed)
        names = ", ".join(f"'{k}'" for k in extra)
        return f"kunci tidak dikenal {names} di {where} (yang dikenal: {', '.join(sorted(allowed))})"
    if err.validator == "required":
        missing = [k for k in err.validator_value if k not in err.instance]
        return f"kunci wajib {', '.join(repr(k) for k in missing)} tidak ada di {where}"
    if err.instance is None and err.validator in ("type", "enum"):  # a template's null not filled in yet
        return f"{where}: belum diisi"
    if err.validator == "enum":
        options = ", ".join(repr(v) for v in err.validator_value)
        return f"{where}: nilai {err.instance!r} tidak diizinkan (pilihan: {options})"
    if err.validator == "type":
        kinds = err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
        return f"{where}: harus berupa {' atau '.join(_TYPE_NAMES.get(str(k), str(k)) for k in kinds)}"
    if err.validator == "pattern":
        return f"{where}: {err.instance!r} bukan tanggal berformat TTTT-BB-HH"
    if err.validator == "format" and err.validator_value in _DATE_FORMS:
        what = "tanggal yang ada dalam kalender" if written_like_a_date(err.instance) else "tanggal"
        return f"{where}: {err.instance!r} bukan {what} (tulis {_DATE_FORMS[err.validator_value]})"
    if err.validator in ("minLength", "minItems"):
        return f"{where}: tidak boleh kosong"
    if err.validator in ("minimum", "maximum"):
        return f"{where}: nilai {err.instance!r} di luar rentang yang wajar"
    return f"{where}: {err.message}"


#: dates of a profile that follow each other: (earlier, later, why) -- an act is promulgated on or after the day it
#: is enacted (UU 12/2011 Pasal 81-87: penetapan, then pengundangan), and takes effect no earlier than promulgation
_DATE_ORDER = (("tanggal_ditetapkan", "tanggal_diundangkan", "peraturan diundangkan pada atau sesudah tanggal "
                "penetapannya"),
               ("tanggal_diundangkan", "opsi.mulai_berlaku", "peraturan mulai berlaku pada atau sesudah tanggal "
                "pengundangannya"))


def _at(data: dict[str, Any], dotted: str) -> Any:
    node: Any = data
    for part in dotted.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    return node


def dates_in_order(data: dict[str, Any], order: tuple[tuple[str, str, str], ...], label: str) -> None:
    """Raise InputError when a pair of ``order`` (dotted keys of ``data``, both given) runs backwards: one sentence
    naming both fields and why. Dates must already be valid (the schema checked them)."""
    for first, then, why in order:
        a, b = _at(data, first), _at(data, then)
        if a and b and parse_date(b) < parse_date(a):
            raise InputError(f"{label} tidak sah: {then} ({b}) lebih awal daripada {first} ({a}); {why}.")


def read_data(path: str | Path, what: str = "profil") -> dict[str, Any]:
    """Read a YAML or JSON mapping from ``path`` with the one safe loader (:func:`rancang.dataload.load_mapping`:
    alias bombs, duplicate keys, deep nesting and characters a DOCX cannot hold are refused with a sentence)."""
    return load_mapping(path, what)


def validate(data: dict[str, Any], schema_name: str = "region", label: str = "profil") -> None:
    """Raise InputError listing every schema violation of ``data``, each naming its key."""
    if schema.is_valid(schema_name, data):  # the compiled check; the explaining validator only on a failure
        return
    errs = schema.problems(schema_name, data)
    if errs:
        raise InputError(f"{label} tidak sah: " + "; ".join(messages(errs)) + ".")


def messages(errs: list[schema.Problem], root: str = "profil") -> list[str]:
    """One clause per key at fault (:func:`_message`): a date refused both by its pattern and by its format is
    said once, in the words of the format (which tell how to write it)."""
    dated = {tuple(e.absolute_path) for e in errs if e.validator == "format" and e.validator_value in _DATE_FORMS}
    kept = [e for e in errs if not (e.validator == "pattern" and tuple(e.absolute_path) in dated)]
    return list(dict.fromkeys(_message(e, root) for e in kept))


#: the words a clerk may put before a region's name, which the profile adds itself from ``daerah.jenis``
_REGION_WORDS = re.compile(r"^\s*(kabupaten|kab\.|kota|provinsi|prov\.|daerah istimewa)\s+", re.IGNORECASE)


def check_region_name(data: Mapping[str, Any], label: str) -> None:
    """Refuse ``daerah.nama`` written with its kind ("Kabupaten Sleman"): the profile prefixes the kind itself
    ("Peraturan Bupati Sleman"), so the word would be printed twice ("Peraturan Bupati Kabupaten Sleman")."""
    daerah = data.get("daerah")
    nama = daerah.get("nama") if isinstance(daerah, Mapping) else None
    if not isinstance(nama, str):
        return
    m = _REGION_WORDS.match(nama)
    if m:
        bare = nama[m.end():].strip()
        raise InputError(f"{label} tidak sah: daerah.nama '{nama.strip()}': tulis nama daerah tanpa kata "
                         f"{m.group(1).strip().capitalize()} (misalnya nama: {bare}); jenisnya sudah ditulis "
                         "di daerah.jenis.")


@dataclass(frozen=True)
class Profile:
    """A validated region profile plus the spellings derived from it."""

    data: RegionData

    # --- identity -------------------------------------------------------------------------------------------
    @property
    def nama(self) -> str:
        return self.data["daerah"]["nama"].strip()

    @property
    def jenis(self) -> str:
        """"provinsi", "kabupaten" or "kota"."""
        return self.data["daerah"]["jenis"]

    @property
    def jenis_title(self) -> str:
        """The word before the region's name: "Provinsi", "Kabupaten", "Kota"."""
        return kinds.regions()[self.jenis].word

    @property
    def provincial(self) -> bool:
        """Is the region a provinsi (its act a Peraturan Gubernur)?"""
        return self.jenis == "provinsi"

    @property
    def daerah(self) -> str:
        """"Kabupaten Sleman" / "Kota Magelang"."""
        return f"{self.jenis_title} {self.nama}"

    @property
    def kepala(self) -> str:
        """The office without acting prefix: "Gubernur" / "Bupati" / "Wali Kota"."""
        return JABATAN_BY_JENIS[self.jenis]

    @property
    def pejabat(self) -> str:
        """"Bupati Sleman" / "Wali Kota Magelang"."""
        return f"{self.kepala} {self.nama}"

    @property
    def jenis_peraturan(self) -> str:
        """"Peraturan Bupati" / "Peraturan Wali Kota"."""
        return f"Peraturan {self.kepala}"

    @property
    def penandatangan_jabatan(self) -> str:
        """The signer's office as printed above the name, in capitals with its acting mark as written: "BUPATI
        SLEMAN", "Pj. BUPATI SLEMAN", "Plt. BUPATI SLEMAN" (DRAFTING P1: "PENJABAT BUPATI ..." or "Pj. BUPATI ...";
        the mark is an abbreviation, its small letters kept, as the letters' Keputusan prints it too)."""
        jab = self.data["kepala_daerah"]["jabatan"]
        prefix = jab.split(" ", 1)[0] if jab.startswith(("Pj.", "Plt.")) else ""
        return f"{prefix} {self.pejabat.upper()}".strip()

    @property
    def penandatangan(self) -> str:
        """Who signs, as the reader names a signer: "Bupati Sleman", "Pj. Wali Kota Palu"."""
        jab = self.data["kepala_daerah"]["jabatan"]
        prefix = jab.split(" ", 1)[0] + " " if jab.startswith(("Pj.", "Plt.")) else ""
        return f"{prefix}{self.pejabat}"

    @property
    def sekda_jabatan(self) -> str:
        jab = (self.data.get("sekretaris_daerah") or {}).get("jabatan") or "Sekretaris Daerah"
        prefix, _, rest = jab.partition(" ") if jab.startswith(("Pj.", "Plt.", "Plh.")) else ("", "", jab)
        return (f"{prefix} " if prefix else "") + f"{rest} {self.daerah}".upper()

    @property
    def berita_daerah(self) -> str:
        return f"Berita Daerah {self.daerah}"

    @property
    def ibu_kota(self) -> str:
        return self.data["ibu_kota"].strip()

    @property
    def provinsi(self) -> str:
        return _provinsi(self.data)

    @property
    def tahun(self) -> int:
        return int(self.data["tahun"])

    @property
    def nomor(self) -> str | None:
        return self.data.get("nomor")

    def opsi(self, key: str, default: Any = None) -> Any:
        return (self.data.get("opsi") or {}).get(key, default)


@cache
def _jenis_forms() -> tuple[tuple[re.Pattern, str, str | None], ...]:
    return tuple((re.compile(p, re.IGNORECASE), f["jenis"], f.get("printed"))
                 for f in resources.read_yaml("shared/data/jenis.yaml")["forms"] for p in f["patterns"])


def jenis_of(value: str, daerah: str, provinsi: str, where: str) -> tuple[str, str]:
    """(hierarchy jenis, printed form) of a legal basis's jenis as a profile writes it.

    "Perda" -> ("Peraturan Daerah", "Peraturan Daerah"); "Peraturan Daerah Kabupaten Sleman" -> ("Peraturan
    Daerah", ...) when the profile is Kabupaten Sleman; "Permendagri" -> ("Peraturan Menteri", "Peraturan Menteri
    Dalam Negeri"). Raises InputError naming ``where`` for an unknown jenis or another region's Perda (rules:
    ``shared/data/jenis.yaml``)."""
    text = " ".join(value.split())
    for rx, jenis, printed in _jenis_forms():
        m = rx.fullmatch(text)
        if m is None:
            continue
        named = m.groupdict()
        if named.get("daerah") and named["daerah"].lower() != daerah.lower():
            raise InputError(f"{where}: '{value}' adalah peraturan daerah lain; dasar hukum daerah harus peraturan "
                             f"{daerah} sendiri.")
        if named.get("provinsi") and named["provinsi"].lower() != provinsi.lower():
            raise InputError(f"{where}: '{value}' adalah peraturan provinsi lain; {daerah} berada di Provinsi "
                             f"{provinsi}.")
        full = printed or (text if jenis == "Peraturan Menteri" else jenis)
        return jenis, full
    known = ", ".join(sorted({j for _, j, _ in _jenis_forms()}))
    raise InputError(f"{where}: jenis '{value}' tidak dikenal (yang dikenal: {known}, atau singkatannya).")


def _normalise_jenis(data: dict[str, Any], label: str) -> dict[str, Any]:
    """A copy of ``data`` whose legal bases carry the hierarchy ``jenis`` and its printed form ``cetak``."""
    data = copy.deepcopy(data)
    daerah = f"{kinds.regions()[data['daerah']['jenis']].word} {data['daerah']['nama'].strip()}"
    for i, base in enumerate(data.get("dasar_hukum_daerah") or []):
        items = [(_where(["dasar_hukum_daerah", i, "jenis"]), base)]
        items += [(_where(["dasar_hukum_daerah", i, "perubahan", k, "jenis"]), a)
                  for k, a in enumerate(base.get("perubahan") or [])]
        for where, item in items:
            item["jenis"], item["cetak"] = jenis_of(item["jenis"], daerah, _provinsi(data),
                                                    f"{label} tidak sah: {where}")
    return data


def _provinsi(data: Mapping[str, Any]) -> str:
    """The province of a profile: its ``provinsi``, or for a provinsi its own name (the key may be left out)."""
    own = data["daerah"]["nama"].strip() if data["daerah"]["jenis"] == "provinsi" else None
    return (data.get("provinsi") or own or "").strip()


def from_dict(data: dict[str, Any], label: str = "profil") -> Profile:
    """Validate ``data`` and check that its parts agree with each other (T3 for the signer); the jenis of each
    legal basis is normalised (:func:`jenis_of`)."""
    check_tree(data, label)
    validate(data, "region", label)
    check_region_name(data, label)
    dates_in_order(data, _DATE_ORDER, label)
    jenis = data["daerah"]["jenis"]
    own = data["daerah"]["nama"].strip()
    if jenis == "provinsi" and data.get("provinsi") and _provinsi(data).lower() != own.lower():
        raise InputError(f"{label} tidak sah: provinsi '{data['provinsi']}' tidak sama dengan daerah.nama '{own}' "
                         "(profil ini untuk provinsi itu sendiri).")
    data = _normalise_jenis(data, label)
    data["provinsi"] = _provinsi(data)
    jabatan = data["kepala_daerah"]["jabatan"]
    if not jabatan.endswith(JABATAN_BY_JENIS[jenis]):
        raise InputError(
            f"{label} tidak sah: kepala_daerah.jabatan '{jabatan}' tidak sesuai dengan daerah.jenis '{jenis}' "
            f"(seharusnya {JABATAN_BY_JENIS[jenis]})."
        )
    return Profile(cast(RegionData, data))  # validated against schema/region.schema.json above


def example_names() -> list[str]:
    """The example profiles shipped inside the package ("kota-magelang", "sleman")."""
    folder = files("rancang.corpus").joinpath("examples")
    return sorted(p.name.rsplit(".", 1)[0] for p in folder.iterdir() if p.name.endswith((".yaml", ".json")))


def example_path(name: str) -> Path:
    """The example profile shipped inside the package (``rancang/corpus/examples/NAME.yaml``); InputError naming
    the examples there are when ``name`` is none of them."""
    folder = files("rancang.corpus").joinpath("examples")
    names = example_names()
    key = name.strip().lower().removesuffix(".yaml")
    if key not in names:
        raise InputError(f"profil contoh '{name}' tidak ada (yang tersedia: {', '.join(names)}).")
    return Path(str(folder.joinpath(f"{key}.yaml")))


def load(path: str | Path) -> Profile:
    """Read, validate and wrap the profile at ``path``."""
    return from_dict(read_data(path), label=f"{Path(path).name}: profil")


#: the commented profile to fill in (``rancang draft --contoh-profil``): every key of region.schema.json, the
#: values a clerk must supply left null so that an unfilled copy is refused field by field ("belum diisi")
TEMPLATE = "shared/data/profil-kosong.yaml"


def write_template(path: str | Path) -> None:
    """Write the commented profile template to ``path``. Raises InputError when ``path`` already exists (a filled
    profile is never overwritten) or cannot be written."""
    p = Path(path)
    if p.exists():
        raise InputError(f"{p}: berkas sudah ada; pilih nama lain agar profil yang ada tidak tertimpa.")
    try:
        with p.open("x", encoding="utf-8") as f:
            f.write(resources.read_text(TEMPLATE))
    except OSError as exc:
        raise InputError(f"{p}: profil tidak dapat ditulis ({os_reason(exc)}).") from None

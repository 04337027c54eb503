"""The shape of a region profile (``schema/region.schema.json``) as types: what :class:`rancang.generate.shared.profile.
Profile` holds in ``data`` after validation, key for key, so mypy checks every reader of a profile.

TypedDicts, not dataclasses: a profile stays the mapping the bureau wrote (YAML or JSON) and is passed on as such
(the letters' scenario data embeds it); the types only name its keys. ``tests/test_contracts.py`` holds each of
them to its object in the schema (keys, and which are required). The one key the schema does not have is
``cetak`` of a legal basis: the printed form of its ``jenis``, added by the profile from ``shared/data/jenis.yaml``.

No ``from __future__ import annotations`` here: with string annotations Python 3.11 cannot tell a ``NotRequired``
key at run time (``__optional_keys__``), which the test reads.
"""

from typing import NotRequired, TypedDict


class Daerah(TypedDict):
    nama: str  # without "Kabupaten"/"Kota"/"Provinsi": "Sleman"
    jenis: str  # a region kind of rancang.kinds: "kabupaten", "kota", "provinsi"


class KepalaDaerah(TypedDict):
    nama: str
    jabatan: str  # "Bupati", "Pj. Wali Kota", "Plt. Gubernur" ...
    sapaan: NotRequired[str | None]  # "Bapak" | "Ibu": how letters to him address him (a kepala daerah has no NIP)


class SekretarisDaerah(TypedDict):
    nama: str
    jabatan: NotRequired[str]  # "Sekretaris Daerah" when absent; "Pj./Plt./Plh. Sekretaris Daerah"


class BeritaDaerah(TypedDict, total=False):
    nomor: str | None


class Opsi(TypedDict, total=False):
    pppk_dapat_menjadi_ketua_tim: bool | None  # None: as the model Perbup has it
    mulai_berlaku: str | None  # ISO date; None: on the day of promulgation


class Citation(TypedDict):
    """An act cited by a legal basis (an amendment of it)."""

    jenis: str
    nomor: str
    tahun: int
    tentang: str
    lembaran: NotRequired[str | None]
    cetak: NotRequired[str | None]  # derived: the printed jenis (see the module docstring)


class Dasar(Citation):
    """A legal basis of the region's own (Perda on the organisation of the Perangkat Daerah ...)."""

    perubahan: NotRequired[list[Citation]]


class NaskahDinas(TypedDict, total=False):
    """The region's naskah dinas: its lambang (a PNG/JPEG path) and the register of its kepala daerah's Keputusan
    (the number's form with {nomor} and {tahun}, and the next number; Permendagri 1/2023), and who its Pejabat yang
    Berwenang is when a regulation routes a letter to the "pejabat yang berwenang"."""

    lambang: str | None
    #: the Lambang Negara of the kepala daerah's kop surat jabatan (UU 24/2009 Pasal 54 ayat (1) huruf i)
    lambang_negara: str | None
    nomor_keputusan: str | None
    nomor_keputusan_berikut: int | None
    pejabat_berwenang: str | None


class RegionData(TypedDict):
    """A validated region profile."""

    daerah: Daerah
    provinsi: NotRequired[str]   # (required of a kabupaten/kota by the schema; a provinsi's own name otherwise)
    ibu_kota: str
    kepala_daerah: KepalaDaerah
    sekretaris_daerah: SekretarisDaerah
    tahun: int
    dasar_hukum_daerah: list[Dasar]
    nomor: NotRequired[str | None]
    tentang: NotRequired[str | None]
    tanggal_ditetapkan: NotRequired[str | None]
    tanggal_diundangkan: NotRequired[str | None]
    berita_daerah: NotRequired[BeritaDaerah]
    perangkat_daerah: NotRequired[list[str]]
    opsi: NotRequired[Opsi]
    naskah_dinas: NotRequired[NaskahDinas]

"""The data of one letter (naskah dinas) as a type: every key ``schema/letter.schema.json`` allows, so mypy checks
each key the layouts read (a misspelt key is an error, not a blank in a signed letter).

One TypedDict with every key optional (``total=False``): which keys a letter needs depends on its type
(``data/letters.yaml`` names the fields each type reads, :func:`rancang.generate.naskah.catalogue.validate` demands
them). Values are typed as the schema types them; objects (``tujuan``, ``penandatangan`` ...) stay ``Any``.
``tests/test_contracts.py`` holds the keys to the schema's properties.

No ``from __future__ import annotations`` here: the test reads the keys at run time.
"""

from typing import Any, TypedDict


class LetterData(TypedDict, total=False):
    jenis: Any
    instansi: Any
    kop_jabatan: Any
    tempat: str
    tanggal: str
    nomor: str
    sifat: str
    lampiran: str
    hal: str
    tujuan: Any
    dari: str
    penandatangan: Any
    tembusan: list[str]
    rujukan: Any
    rujukan_surat: Any
    rekomendasi: Any
    nomor_agenda: str
    unit_pemohon: str
    unit_dimohon: str
    unit_dituju: str
    sapaan: str
    nama_kegiatan: str
    instansi_tujuan: str
    pegawai: list[Any]
    pemohon: Any
    maksud_tujuan: str
    kompetensi: str
    target_kinerja: str
    durasi: str
    alasan: list[str]
    uraian_tugas: list[str]
    alasan_pengajuan: str
    dasar: list[str]
    untuk: list[str]
    bentuk_naskah: str
    penetapan: str
    periode: str
    dasar_pelaporan: str
    hasil: list[str]
    kendala: list[str]
    nama_tim: str
    anggota: list[Any]
    tentang: str
    menimbang: list[str]
    mengingat: list[str]
    tim: Any
    tugas_tim: list[str]
    masa_kerja: str
    melapor_kepada: str
    diteruskan: list[str]
    harap: list[str]
    catatan: str

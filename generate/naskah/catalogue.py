"""The letter catalogue (``data/letters.yaml``): types, what each needs, and their example data.

A type is data: its Permendagri 1/2023 class, its layout (a DOCX template), its kode klasifikasi, the roles that
sign it and receive it, its mandatory contents and its body blocks. This module answers what a type needs;
:func:`validate` reports every missing mandatory content of a letter in one error.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

import yaml

from rancang import schema
from rancang.dataload import check_tree
from rancang.errors import InputError, choose
from rancang.generate.naskah.fill import check_nips, placeholders
from rancang.generate.shared import kbcite, resources
from rancang.generate.shared.profile import dates_in_order, messages

#: body-block keys whose value names a data field
_FIELD_BLOCKS = ("daftar", "pegawai", "jika", "tanpa")


@cache
def catalogue() -> dict[str, Any]:
    """The whole catalogue: ``types``, ``layouts``, ``kelas``, ``klasifikasi``, ``nomor``, ``common_required``."""
    return resources.read_yaml("naskah/data/letters.yaml")


@cache
def examples() -> dict[str, Any]:
    """Sample values for every field (fictional people), from ``data/letter_examples.yaml``; an act named there by
    its key in the knowledge base ("uu-2023-20") is printed from the knowledge base, never typed."""
    data = resources.read_yaml("naskah/data/letter_examples.yaml")
    year = int(str(data.get("tanggal") or "2026")[:4])
    for field in ("mengingat", "dasar"):
        if isinstance(data.get(field), list):
            data[field] = [kbcite.mengingat(x, year).text if kbcite.is_key(x) else x for x in data[field]]
    return data


@cache
def scenarios_data() -> dict[str, Any]:
    """``data/letter_scenarios.yaml``: the scenarios and the legal bases their letters cite."""
    return resources.read_yaml("naskah/data/letter_scenarios.yaml")


def types() -> dict[str, dict[str, Any]]:
    """Letter types by name, in catalogue order: ``{name: {judul, kelas, layout, ...}}``."""
    return catalogue()["types"]


def get_type(name: str) -> dict[str, Any]:
    """The type ``name``; raises InputError naming the known types."""
    return choose(types(), name, "jenis surat")


def _dropped(t: dict[str, Any]) -> set[str]:
    return set((catalogue()["kelas"].get(t["kelas"]) or {}).get("tanpa") or [])


def _layout_of(t: dict[str, Any], layout: str | None) -> str:
    if layout is None or layout == t["layout"]:
        return t["layout"]
    if layout not in (t.get("layouts") or []):
        allowed = ", ".join(t.get("layouts") or [t["layout"]])
        raise InputError(f"jenis surat ini tidak dapat berbentuk '{layout}' (pilihan: {allowed}).")
    return layout


def required(name: str, layout: str | None = None) -> list[str]:
    """Every field a letter of type ``name`` must have: common, layout's, the type's mandatory contents, and the
    fields its unconditional sentences use."""
    t = get_type(name)
    lay = catalogue()["layouts"][_layout_of(t, layout)]
    out = [k for k in catalogue()["common_required"] + lay["wajib"] if k not in _dropped(t)]
    for k in t.get("wajib") or []:
        if k not in out:
            out.append(k)
    for block in t.get("isi") or []:
        if block.get("jika") or block.get("tanpa"):
            continue
        for k in _block_fields(block):
            if k not in out:
                out.append(k)
    return out


def _block_fields(block: dict[str, Any]) -> list[str]:
    out = []
    for key, value in block.items():
        if key == "teks":
            out += placeholders(value)
        elif key == "butir":
            for _, v in value:
                out += placeholders(v)
        elif key in ("daftar", "pegawai"):
            out.append(value)
    return out


def keys(name: str) -> list[str]:
    """Every field a type reads, in the order ``--example`` prints them."""
    t = get_type(name)
    lay = catalogue()["layouts"][t["layout"]]
    out = [k for k in lay["kunci"] if k not in _dropped(t)]
    for k in (t.get("wajib") or []) + [f for b in t.get("isi") or [] for f in _block_fields(b)] + \
            [b["jika"] for b in t.get("isi") or [] if b.get("jika")]:
        if k not in out:
            out.append(k)
    return out


def form_schema(name: str) -> dict[str, Any]:
    """The part of ``schema/letter.schema.json`` type ``name`` reads (in :func:`keys` order), its mandatory fields
    required: the contract of a form for one letter (the web app's Surat page)."""
    full = schema.load("letter")
    fields = [k for k in keys(name) if k in full["properties"]]
    return {**{k: v for k, v in full.items() if k not in ("properties", "required")},
            "properties": {k: full["properties"][k] for k in fields},
            "required": [k for k in required(name) if k in fields]}


#: a letter answers or cites only a letter written before it (N6)
_DATE_ORDER = (("rujukan.tanggal", "tanggal", "surat hanya dapat merujuk surat yang lebih dahulu"),
               ("rujukan_surat.tanggal", "tanggal", "surat hanya dapat merujuk surat yang lebih dahulu"))


def absent(data: dict[str, Any], key: str) -> bool:
    """Is field ``key`` of a letter's ``data`` missing? The kop of an instansi is not, where the letter carries the
    kepala daerah's own kop surat jabatan instead (``kop_jabatan``)."""
    if key == "instansi" and data.get("kop_jabatan"):
        return False
    return data.get(key) in (None, "", [], {})


def validate(name: str, data: dict[str, Any], layout: str | None = None) -> None:
    """Raise one InputError listing every missing mandatory content, else one listing every schema violation."""
    if not isinstance(data, dict):
        raise InputError(f"data surat '{name}' harus berupa pemetaan kunci: nilai.")
    check_tree(data, f"data surat '{name}'")
    missing = [k for k in required(name, layout) if absent(data, k)]
    if missing:
        raise InputError(f"data surat '{name}' belum lengkap; isian wajib yang belum ada: {', '.join(missing)}.")
    obj = {"jenis": name, **data}
    errs = schema.problems("letter", obj)
    if errs:
        raise InputError(f"data surat '{name}' tidak sah: " + "; ".join(messages(errs, "data surat")) + ".")
    dates_in_order(data, _DATE_ORDER, f"data surat '{name}'")
    check_nips(data, f"data surat '{name}'")


def example_data(name: str) -> dict[str, Any]:
    """A complete, valid data mapping for type ``name`` (the example values of the fields it reads); a fresh copy
    the caller may change."""
    ex = copy.deepcopy(examples())
    per_type = (ex.get("per_jenis") or {}).get(name) or {}
    out = {}
    for k in keys(name):
        if k in per_type:
            if per_type[k] not in (None, [], ""):
                out[k] = per_type[k]
        elif k in ex:
            out[k] = ex[k]
    return out


def example(name: str) -> str:
    """A fillable YAML document for type ``name``, headed by its title and the command that renders it."""
    t = get_type(name)
    head = (f"# {t['judul']}\n# Ditandatangani: {t['penandatangan']}; ditujukan kepada: {t['kepada']}.\n"
            f"# Isi nilai di bawah ini lalu jalankan: rancang letter {name} DATA.yaml -o surat.docx\n")
    return head + yaml.safe_dump(example_data(name), allow_unicode=True, sort_keys=False, width=110)

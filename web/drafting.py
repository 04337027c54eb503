"""The one place the web app calls the generate stage: region profiles, drafts and letters.

Like :mod:`rancang.web.services`, it hides the stage's API from the pages: when ``rancang.generate`` changes
(a ``catatan.md`` beside the draft, letter scenarios, ZIP sets), this module adapts and the pages stay as they are.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from rancang.web import services

from rancang.errors import InputError

CHECKBOX = re.compile(r"^\s*[-*]\s+(?:\[(?P<done>[ xX])\]\s+)?(?P<text>.+)$")


# ------------------------------------------------------------------------------------------------ profiles


def profile_schema() -> dict[str, Any]:
    """The region profile schema (``schema/region.schema.json``)."""
    from rancang import schema

    return schema.load("region")


def examples() -> dict[str, Path]:
    """Bundled example profiles: {name: path} ("sleman", "kota-magelang")."""
    from importlib import resources

    folder = Path(str(resources.files("rancang.corpus").joinpath("examples")))
    return {p.stem: p for p in sorted(folder.glob("*.yaml"))}


def example(name: str) -> dict[str, Any]:
    """The data of example profile ``name`` ({} for an unknown name: an empty form)."""
    from rancang.generate.profile import read_data

    path = examples().get(name)
    return read_data(path) if path else {}


def bases() -> list[tuple[str, str]]:
    """(value, label) of the regions a draft can be based on: the bundled corpus, and the consensus choice."""
    from rancang import corpus

    out = [(e["id"], e["daerah"]) for e in corpus.bundled()]
    return out + [("consensus", "Konsensus (paling sejalan dengan daerah lain)")]


def default_base() -> str:
    from rancang.generate import compose

    return compose.rules()["default_base"]


def draft(data: dict[str, Any], base: str, takes: list[tuple[str, str]], job: Any) -> dict[str, Any]:
    """Compose, write (DOCX, MD, JSON and any notes the stage writes) into ``job``'s folder, and check a draft.

    Returns {reg, findings, catatan (markdown or None), summary, base}. Raises :class:`InputError` for an
    invalid profile or an unknown region, in the CLI's words."""
    from rancang.generate import draft as drafting
    from rancang.generate import profile as profiles

    prof = profiles.from_dict(data)
    if base == "consensus":
        from rancang.generate import consensus

        job.progress("Mencari dasar konsensus…", 0.1)
        base = consensus.base_region()
    job.progress(f"Menyusun rancangan dari {base}…", 0.3)
    d = drafting.build(prof, base or None, takes)
    job.progress("Menulis DOCX, MD dan JSON…", 0.7)
    drafting.write(d, job.outdir)
    job.progress("Memeriksa rancangan…", 0.85)
    found = services.findings(d.reg)
    errors = sum(f["severity"] == "error" for f in found)
    summary = (f"{prof.jenis_peraturan} {prof.nama}: {len(d.reg.pasals())} pasal, "
               f"{sum(1 for n in d.reg.body if n.type == 'bab')} BAB, {len(d.reg.mengingat)} dasar hukum; "
               f"pemeriksaan: {errors} galat, {len(found) - errors} peringatan/info.")
    notes = job.outdir / "catatan.md"
    catatan = getattr(d, "catatan", None) or (notes.read_text(encoding="utf-8") if notes.is_file() else None)
    return {"reg": d.reg, "findings": found, "catatan": catatan, "summary": summary, "base": base}


def checklist(markdown: str | None) -> list[dict[str, Any]]:
    """A notes file as checklist rows: {kind: heading|item|text, text, level, done}."""
    rows: list[dict[str, Any]] = []
    for line in (markdown or "").splitlines():
        if not line.strip():
            continue
        if line.lstrip().startswith("#"):
            level = len(line.lstrip()) - len(line.lstrip().lstrip("#"))
            rows.append({"kind": "heading", "text": line.lstrip("# ").strip(), "level": level, "done": False})
            continue
        m = CHECKBOX.match(line)
        if m:
            indent = (len(line) - len(line.lstrip())) // 2
            rows.append({"kind": "item", "text": m["text"].strip(), "level": indent, "done": m["done"] in ("x", "X")})
        else:
            rows.append({"kind": "text", "text": line.strip(), "level": 0, "done": False})
    return rows


# ------------------------------------------------------------------------------------------------ letters


def letter_types() -> list[tuple[str, str]]:
    """(name, title) of every letter type."""
    from rancang.generate import letters

    return [(name, t["judul"]) for name, t in letters.types().items()]


def letter_schema(name: str) -> dict[str, Any]:
    """The part of ``schema/letter.schema.json`` letter type ``name`` uses, with its mandatory keys required.

    Raises :class:`InputError` for an unknown type."""
    from rancang.generate import letters

    from rancang import schema

    t = letters.get_type(name)
    full = schema.load("letter")
    keys = [k for k in letters.example_keys(name) if k in full["properties"]]
    required = [k for k in list(letters.catalogue()["common_required"]) + list(t["required"]) if k in keys]
    return {**{k: v for k, v in full.items() if k not in ("properties", "required")},
            "properties": {k: full["properties"][k] for k in keys}, "required": required}


def letter_example(name: str) -> dict[str, Any]:
    """Sample values for letter type ``name`` (fictional people), as ``rancang letter NAME --example`` prints."""
    import yaml
    from rancang.generate import letters

    return yaml.safe_load(letters.example(name)) or {}


def letter_title(name: str) -> str:
    from rancang.generate import letters

    return letters.get_type(name)["judul"]


def letter(name: str, data: dict[str, Any]) -> bytes:
    """The DOCX of letter ``name`` filled with ``data``; :class:`InputError` lists whatever is missing."""
    from rancang.generate import letters

    if not isinstance(data, dict):
        raise InputError("data surat harus berupa isian formulir.")
    return letters.render(name, data)

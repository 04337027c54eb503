"""The one place the web app calls the generate stage: region profiles, drafts and letters.

Like :mod:`rancang.web.services`, it hides the stage's API from the pages: when ``rancang.generate`` changes
(a ``catatan.md`` beside the draft, letter scenarios, ZIP sets), this module adapts and the pages stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path
from typing import Any, cast

from markupsafe import Markup, escape

from rancang import schema
from rancang.corpus import regulations
from rancang.corpus.store import default_path
from rancang.errors import InputError, RancangError
from rancang.generate import naskah
from rancang.generate.check.base import Finding
from rancang.generate.draft import build as drafting
from rancang.generate.draft import compose, consensus
from rancang.generate.draft.harmonisasi import summary as counted
from rancang.generate.draft.sources import Sources
from rancang.generate.naskah import scenario as scen
from rancang.generate.naskah.steps import Peraturan
from rancang.generate.shared import profile as profiles
from rancang.generate.shared import resources
from rancang.generate.shared.profile import read_data
from rancang.web import forms, services

CHECKBOX = re.compile(r"^\s*[-*]\s+(?:\[(?P<done>[ xX])\]\s+)?(?P<text>.+)$")
#: a checklist item that opens with the clause it concerns: "**Pasal 1 angka 17** [istilah-lokal]: ..."
LEAD_CITE = re.compile(r"^\*\*(?P<cite>(?:Pasal|Lampiran|Menimbang|Mengingat)[^*]*)\*\*")


# ------------------------------------------------------------------------------------------------ profiles


def profile_schema() -> dict[str, Any]:
    """The region profile schema (``schema/region.schema.json``)."""
    return schema.load("region")


def examples() -> dict[str, Path]:
    """Bundled example profiles: {name: path} ("sleman", "kota-magelang")."""
    folder = Path(str(files("rancang.corpus").joinpath("examples")))
    return {p.stem: p for p in sorted(folder.glob("*.yaml"))}


def example(name: str) -> dict[str, Any]:
    """The data of example profile ``name`` ({} for an unknown name: an empty form)."""
    path = examples().get(name)
    return read_data(path) if path else {}


def _store_key(db: str | None) -> tuple[str, float]:
    """What the cached choices of a store depend on: its path and when it last changed."""
    path = Path(db) if db else default_path()
    return str(path), path.stat().st_mtime if path.exists() else 0.0


_CHOICES: dict[tuple[str, float], tuple[list[str], dict[str, list[str]]]] = {}


def _choices(db: str | None) -> tuple[list[str], dict[str, list[str]]]:
    """(ids that can be a base, topic -> ids a clause can be taken from), composed once per state of the store."""
    key = _store_key(db)
    if key not in _CHOICES:
        src = Sources(db)
        try:
            _CHOICES[key] = ([b for b in src.ids() if compose.refuse_base(src, b) is None], compose.take_choices(src))
        finally:
            src.close()
    return _CHOICES[key]


def bases(db: str | None) -> list[tuple[str, str]]:
    """(value, label) of the regulations a draft can be based on: every regulation about sistem kerja in the corpus
    store (another act is refused as a base, so it is not offered), the model Perbup first (the default) and the
    consensus choice."""
    usable = set(_choices(db)[0])
    out = [(r["id"], f"{r['label']} — {r['title']}") for r in services.regulations(db) if r["id"] in usable]
    model = ("model", "Model Perbup (rumusan yang dimuat sebagian besar peraturan daerah di korpus)")
    return [model] + out + [("consensus", "Konsensus (paling sejalan dengan peraturan lain di korpus)")]


def take_regions(db: str | None) -> dict[str, list[tuple[str, str]]]:
    """Topic key -> (value, label) of the regions its clause can be taken from: only those whose clause composes
    with every base offered (:func:`rancang.generate.draft.compose.take_choices`); a topic none can give is absent."""
    labels = {r["id"]: f"{r['label']} — {r['title']}" for r in services.regulations(db)}
    return {k: [(r, labels.get(r, r)) for r in ids] for k, ids in _choices(db)[1].items() if ids}


#: the CLI options a stage's sentence may name, and the form fields the page calls them
OPTIONS_IN_PAGE = {"--base": "Peraturan dasar", "--take": "Ambil topik", "--peraturan": "Peraturan",
                   "--contoh": "Contoh", "--scenario": "Skenario"}


@contextmanager
def said_in_page() -> Iterator[None]:
    """Re-raise a stage's :class:`RancangError` with the CLI options it names replaced by the page's field names
    (:data:`OPTIONS_IN_PAGE`): staff fill a form, they type no options."""
    try:
        yield
    except RancangError as exc:
        message = exc.format_message()
        said = re.sub(r"--[a-z][a-z-]*", lambda m: OPTIONS_IN_PAGE.get(m.group(0), m.group(0)), message)
        if said == message:
            raise
        raise InputError(said) from exc


def default_base() -> str:
    return resources.compose_rules()["default_base"]


def draft(db: str | None, data: dict[str, Any], base: str, takes: list[tuple[str, str]], job: Any) -> dict[str, Any]:
    """Compose from corpus ``db``, write (DOCX, MD, JSON, catatan.md) into ``job``'s folder, and check a draft.

    Returns {reg, findings, catatan (markdown or None), summary, base}. Raises :class:`InputError` for an
    invalid profile or an unknown region, in the CLI's words."""
    prof = profiles.from_dict(data)
    src = Sources(db)
    try:
        if base == "consensus":
            job.progress("Mencari dasar konsensus…", 0.1)
            base = consensus.base_region(src)
        job.progress(f"Menyusun rancangan dari {base}…", 0.3)
        with said_in_page():
            d = drafting.build(prof, base or None, takes, sources=src)
    finally:
        src.close()
    job.progress("Menulis DOCX, MD, JSON dan catatan…", 0.7)
    drafting.write(d, job.outdir)
    job.progress("Memeriksa rancangan…", 0.85)
    found = services.findings(d.reg)
    summary = (f"{prof.jenis_peraturan} {prof.nama}: {len(d.reg.pasals())} pasal, "
               f"{sum(1 for n in d.reg.body if n.type == 'bab')} BAB, {len(d.reg.mengingat)} dasar hukum; "
               f"pemeriksaan: {counted(cast(list[Finding], found))}")  # the same words as `rancang check`
    notes = job.outdir / "catatan.md"
    catatan = notes.read_text(encoding="utf-8") if notes.is_file() else None
    return {"reg": d.reg, "findings": found, "catatan": catatan, "summary": summary, "base": base}


def checklist(markdown: str | None, cites: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """A notes file (``catatan.md``) as checklist rows {kind: heading|item|text, html, level, done, anchor}.

    ``html`` is the line with its inline Markdown (``**bold**``, `` `code` ``) as markup, everything else
    escaped; ``anchor`` links an item that opens with a cite ("**Pasal 1 angka 17** ...") to that clause, when
    ``cites`` (cite -> anchor) knows it."""
    rows: list[dict[str, Any]] = []
    for line in (markdown or "").splitlines():
        if not line.strip():
            continue
        row: dict[str, Any] = {"kind": "text", "level": 0, "done": False, "anchor": None}
        text = line.strip()
        if text.startswith("#"):
            row.update(kind="heading", level=len(text) - len(text.lstrip("#")))
            text = text.lstrip("# ").strip()
        elif m := CHECKBOX.match(line):
            row.update(kind="item", level=(len(line) - len(line.lstrip())) // 2, done=m["done"] in ("x", "X"))
            text = m["text"].strip()
            lead = LEAD_CITE.match(text)
            if lead and cites:
                row["anchor"] = cites.get(lead["cite"])
        text = for_page(text)
        row["text"], row["html"] = text, tagged(inline(text))
        rows.append(row)
    return rows


#: how the notes file names the tools, and what the page says instead (staff press no commands)
NOTES_IN_PAGE = [(re.compile(r"perbaikan mekanis `?rancang check --fix`?"),
                  "perbaikan mekanis oleh pemeriksaan kaidah"),
                 (re.compile(r"`?rancang check --fix`?"), "perbaikan otomatis pemeriksaan kaidah"),
                 (re.compile(r"\(check (\w+)((?: - [^)]*)?)\)"), r"(kaidah \1\2)"),
                 (re.compile(r"`?rancang check`?"), "pemeriksaan kaidah"),
                 (re.compile(r"Dibuat oleh `?rancang draft`?"), "Disusun oleh rancang")]


def for_page(text: str) -> str:
    """A line of the notes file as the page shows it: the commands it names said as what they do
    (:data:`NOTES_IN_PAGE`); the downloaded ``catatan.md`` keeps its own words."""
    for pattern, said in NOTES_IN_PAGE:
        text = pattern.sub(said, text)
    return text


#: a note's rule after its cite ("**Pasal 1 angka 13** [U5]: ...") and a check code it names ("(kaidah U5)",
#: "(kaidah U5 - istilah didefinisikan tetapi tidak dipakai)"), in the escaped line
LEAD_RULE = re.compile(r"^(<strong>[^<]*</strong>) \[([\w.-]+)\]:")
RULE_NOTE = re.compile(r" ?\(kaidah (\w+)(?: - ([^)]*))?\)")


def tagged(html: Markup) -> Markup:
    """A checklist line with its rule codes as small tags, as the findings show theirs: the note's rule after its
    cite, and a check code named in the text (dropped when it repeats the note's own rule; its explanation, if
    any, stays in brackets)."""
    out = str(html)
    code = None
    if lead := LEAD_RULE.match(out):
        code = lead.group(2)
        out = f'{lead.group(1)} <span class="code">{code}</span>' + out[lead.end():]

    def named(m: re.Match[str]) -> str:
        if m.group(1) == code and not m.group(2):
            return ""
        return f' <span class="code">{m.group(1)}</span>' + (f" ({m.group(2)})" if m.group(2) else "")

    return Markup(RULE_NOTE.sub(named, out))


def inline(text: str) -> Markup:
    """Escaped text with Markdown ``**bold**`` and `` `code` `` as tags."""
    out = str(escape(text))
    out = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", out)
    out = re.sub(r"`([^`]+)`", r"<code>\1</code>", out)
    return Markup(out)


# ------------------------------------------------------------------------------------------------ letters


def letter_types() -> list[tuple[str, str]]:
    """(name, title) of every letter type."""
    return [(name, t["judul"]) for name, t in naskah.types().items()]


def letter_schema(name: str) -> dict[str, Any]:
    """The part of ``schema/letter.schema.json`` letter type ``name`` reads, with its mandatory contents required.

    Raises :class:`InputError` for an unknown type."""
    return naskah.form_schema(name)


def letter_example(name: str) -> dict[str, Any]:
    """Sample values for letter type ``name`` (fictional people), as ``rancang letter NAME --example`` prints."""
    return naskah.example_data(name)


def letter_title(name: str) -> str:
    return naskah.get_type(name)["judul"]


def letter(name: str, data: dict[str, Any]) -> bytes:
    """The DOCX of letter ``name`` filled with ``data``; :class:`InputError` lists whatever is missing."""
    if not isinstance(data, dict):
        raise InputError("data surat harus berupa isian formulir.")
    return naskah.render(name, data)


# ------------------------------------------------------------------------------------------------ scenarios


def scenarios() -> list[tuple[str, str]]:
    """(name, title) of every letter scenario (a procedure's whole set of letters)."""
    return [(name, s["judul"]) for name, s in scen.scenarios().items()]


def scenario_title(name: str) -> str:
    return scen.get_scenario(name)["judul"]


def scenario_example(name: str) -> dict[str, Any]:
    """Complete sample data for scenario ``name`` (fictional officials and employees)."""
    scen.get_scenario(name)
    return scen.scenario_example(name)


def scenario_schema(name: str) -> dict[str, Any]:
    """The form's schema for scenario ``name``: the shape of its example, the profile one of the bundled ones
    (the web app never reads a path typed into a form)."""
    form = forms.infer(scenario_example(name))
    if "profil" in form["properties"]:
        form["properties"]["profil"] = {"enum": list(examples())}
    return form


def peraturan_choices(db: str | None = None) -> list[tuple[str, str]]:
    """(value, label) of the regulations whose procedures a scenario can follow: "" (none: no clause is cited),
    then every act stored in the corpus for the region of one of the profiles the form offers (a region's own
    draft saved with "Simpan ke korpus" too); another region's act would be refused for these profiles."""
    regions = {" ".join(profiles.from_dict(read_data(p)).daerah.lower().split()): name
               for name, p in examples().items()}
    own = [(r["id"], f"{r['title']} ({r['id']})") for r in services.regulations(db)
           if " ".join(str(r.get("daerah") or "").lower().split()) in regions]
    return [("", "tanpa peraturan daerah (kolom Pasal dibiarkan kosong)")] + own


def scenario(name: str, data: dict[str, Any], peraturan: str, job: Any, db: str | None = None) -> dict[str, Any]:
    """Build and render every letter of scenario ``name``, offered by ``job`` as DOCX files, ``skenario.md`` and
    one ZIP. Returns {judul, prosedur, steps: [{n, teks, cite, file}], zip}. Raises InputError (what is missing)."""
    if data.get("profil") not in examples():
        raise InputError(f"profil daerah '{data.get('profil')}' tidak dikenal (pilihan: {', '.join(examples())}).")
    if peraturan and peraturan not in dict(peraturan_choices(db)):
        raise InputError(f"peraturan '{peraturan}' tidak dikenal untuk skenario.")
    job.progress("Menyusun langkah dan surat…", 0.2)
    chosen = Peraturan(peraturan, regulations.model_of(peraturan, db)) if peraturan else None  # resolved once
    with said_in_page():
        built = scen.build(name, data, None, chosen)
    job.progress("Menulis surat…", 0.5)
    for filename, docx in scen.render_all(built):
        job.offer(filename, docx)
    job.offer("skenario.md", scen.skenario_md(built).encode("utf-8"))
    archive = job.offer(f"{name}.zip", scen.to_zip(built))
    steps = [{"n": s.n, "teks": s.teks, "cite": s.cite, "file": s.letter.filename if s.letter else None}
             for s in built.steps]
    return {"judul": built.judul, "prosedur": built.prosedur, "steps": steps, "zip": archive,
            "peraturan": peraturan}

"""The steps of a scenario as a regulation states them (``rancang letter --scenario NAME --peraturan ID|FILE``).

The regulation is the region's own: a stored regulation or a file (a draft's ``draft.json`` too), of the same
region as the letters; another region's act is refused, because a letter cites the act of its own region. Its
sistem-kerja model (:func:`rancang.model.build`), resolved once by the caller (:mod:`rancang.corpus.regulations`)
and given as :class:`Peraturan`, is read: the procedure of the scenario's form and scope, and in
it, for each step, the model step that matches the step's cues (``cocok``: actor roles, document keys, words),
searched in order. The matched step gives the clause cited in ``skenario.md`` and its own wording; a step that
names a nota dinas makes the letter a nota dinas where the type allows it. A better model therefore makes better
letters without any change here.

Without a regulation the steps are the scenario's own generic sentences and no clause is cited: no other
region's Pasal is ever put under this region's name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rancang.errors import InputError
from rancang.generate.naskah.catalogue import scenarios_data
from rancang.generate.naskah.fill import text
from rancang.ingest.meta import title_case
from rancang.model.shapes import Procedure, SistemKerja


@dataclass(frozen=True)
class Found:
    """One scenario step as the regulation states it: wording, clause, and the form it names (or None)."""

    teks: str
    cite: str
    layout: str | None = None
    #: each move of the step's letter as the regulation tells it (model hops: sender, addressees, tembusan)
    hops: tuple[Mapping[str, Any], ...] = ()
    #: the instruments the step's own words name, in order, as (words, kind): see :func:`instruments`
    naskah: tuple[tuple[str, str], ...] = ()
    #: the instruments the procedure's next step names ("... menerima surat penugasan ..."): the form of what this
    #: step issues when its own words name none
    naskah_lanjut: tuple[tuple[str, str], ...] = ()
    #: the addressee the regulation's reporting clause names where the scenario's is another level (a scenario
    #: role, "asal.pd" for "... melaporkan ... kepada Pimpinan Unit Organisasi"), else None
    kepada: str | None = None


@dataclass(frozen=True)
class Peraturan:
    """The regulation the letters follow, resolved once by the caller (the CLI, the web app: see
    :mod:`rancang.corpus.regulations`): ``name`` as the user named it (a stored id or a file, said in messages),
    ``model`` its sistem-kerja model, ``found`` True when it was not named but found as the region's own."""

    name: str
    model: SistemKerja
    found: bool = False


@dataclass
class Plan:
    """The steps of one scenario under one regulation; ``citation`` None: no regulation was given (the steps are
    the scenario's own, citing no clause)."""

    prosedur: str
    citation: str | None = None
    steps: list[Found] = field(default_factory=list)


#: the mark of a step the regulation does not detail (its letter is the scenario's own; the clause is the procedure's)
UNDETAILED = "(langkah ini tidak dirinci dalam peraturan)"
#: the number or year of the region's act when it is not known (a draft, or a text without its number)
BLANK = "...."


def act_citation(reg: Mapping[str, Any]) -> str:
    """How a letter cites the region's own act: "Peraturan Bupati Sleman Nomor 12 Tahun 2026 tentang Sistem Kerja
    ... untuk Penyederhanaan Birokrasi di Lingkungan ...", with "Nomor .... Tahun ...." where the act's number or
    year is not known (never left out: a citation without its number is no citation), and its title in its
    official case (connectors lower case, UU 12/2011 Lampiran II).

    >>> act_citation({"jenis": "Peraturan Bupati", "daerah": "Kabupaten Sleman", "tahun": 2026,
    ...               "tentang": "SISTEM KERJA UNTUK PENYEDERHANAAN BIROKRASI DI LINGKUNGAN PEMDA"})[46:]
    'tentang Sistem Kerja untuk Penyederhanaan Birokrasi di Lingkungan Pemda'
    """
    daerah = text(reg.get("daerah"))
    place = daerah.split(" ", 1)[1] if daerah.startswith(("Kabupaten ", "Kota ", "Provinsi ")) else daerah
    out = f"{text(reg.get('jenis')) or 'Peraturan'} {place}".strip()
    out += f" Nomor {text(reg.get('nomor')) or BLANK} Tahun {text(reg.get('tahun')) or BLANK}"
    tentang = text(reg.get("tentang"))
    return f"{out} tentang {title_case(tentang)}" if tentang else out


def _procedure(model: SistemKerja, form: str, scopes: list[str]) -> Procedure:
    for scope in scopes:
        for p in model["procedures"]:
            if p["form"] == form and p.get("scope") == scope:
                return p
    have = ", ".join(f"{p['form']}/{p.get('scope') or '-'}" for p in model["procedures"]) or "tidak ada"
    raise InputError(f"peraturan ini tidak mengatur prosedur {form} ({' atau '.join(scopes)}); prosedur yang "
                     f"diatur: {have}.")


def _score(step: Mapping[str, Any], cues: dict[str, Any]) -> int:
    """How many of the cues a model step meets; 0 for the refusal branch of a step ("tidak menyetujui") unless
    the cues ask for it."""
    action = text(step.get("action")).lower()
    refusal = scenarios_data()["penolakan"]
    if any(w in action for w in refusal) and not any(w in " ".join(cues.get("kata") or []) for w in refusal):
        return 0
    if cues.get("aktor") and step.get("actor") and step["actor"] not in cues["aktor"] and cues.get("hanya_aktor"):
        return 0  # the regulation's step is someone else's: the scenario's step is not detailed there
    score = int(step.get("actor") in (cues.get("aktor") or []))
    score += int(step.get("document") in (cues.get("dokumen") or []))
    score += sum(1 for w in cues.get("kata") or [] if w.lower() in action)
    return score


def _says(step: Mapping[str, Any], cues: dict[str, Any]) -> bool:
    """Does a model step say what the scenario's step does (its document or one of its words), beyond who acts?"""
    if not cues.get("dokumen") and not cues.get("kata"):
        return True  # the cues name only the actor (a report): the actor is what the step says
    if cues.get("dokumen") and not step.get("actor") and not step.get("document"):
        return False  # a statement no one acts in and no letter is ("... akan melalui proses permohonan ...")
    action = text(step.get("action")).lower()
    return step.get("document") in (cues.get("dokumen") or []) or \
        any(w.lower() in action for w in cues.get("kata") or [])


def _worded(step: Mapping[str, Any], cues: dict[str, Any]) -> bool:
    action = text(step.get("action")).lower()
    return any(w.lower() in action for w in cues.get("kata") or [])


def _match(candidates: Sequence[Mapping[str, Any]], start: int, cues: dict[str, Any],
           taken: set[int] | frozenset[int] = frozenset()) -> int | None:
    """Index of the best-scoring step at or after ``start`` (else anywhere, on its document or words: an earlier
    step of the same actor alone is not this one), None when nothing matches. A step whose cues name a document or
    words must meet one of them: the same actor doing something else ("Pejabat Penilai Kinerja merumuskan strategi
    ...") is not the clause of a proposal letter, which is then "not detailed" rather than cited wrongly. A step
    an earlier letter already cites (``taken``) is this one's again only by its words, never by its document
    alone (the PyB's answer to the PyB is not the clause in which a Pimpinan Unit Kerja answers availability)."""
    for lo in (start, 0):
        loose = {**cues, "aktor": []} if cues.get("dokumen") or cues.get("kata") else cues
        scored = [(_score(s, cues if i >= start else loose)
                   if _says(s, cues) and (i >= start or i not in taken or _worded(s, cues)) else 0, -i, i)
                  for i, s in enumerate(candidates) if i >= lo]
        best = max(scored, default=(0, 0, None))
        if best[0] > 0:
            return best[2]
    return None


def _form(action: str) -> str | None:
    low = action.lower()
    if "nota dinas" in low:
        return "nota"
    return None


def instruments(words: str) -> tuple[tuple[str, str], ...]:
    """The instruments a step's words name ("... menerbitkan surat keputusan atau surat tugas ..."), in order, each
    as (the words, its kind: ``keputusan`` | ``surat_tugas`` | ``surat_perintah``), from ``naskah_penetapan`` of
    ``data/letter_scenarios.yaml`` (longest words first, never counted twice: "surat keputusan" is not also a
    "keputusan"). Permendagri 1/2023 tells these forms apart; a letter takes the form its step names.

    >>> instruments("menerbitkan surat keputusan atau surat tugas untuk Pejabat Fungsional")
    (('surat keputusan', 'keputusan'), ('surat tugas', 'surat_tugas'))
    """
    low = " ".join(words.lower().split())
    found: list[tuple[int, str, str]] = []
    taken: list[tuple[int, int]] = []
    for phrase, kind in sorted(scenarios_data()["naskah_penetapan"].items(), key=lambda x: -len(x[0])):
        for m in re.finditer(rf"\b{re.escape(phrase)}\b", low):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                taken.append((m.start(), m.end()))
                found.append((m.start(), phrase, str(kind)))
    return tuple((phrase, kind) for _, phrase, kind in sorted(found))


def _reporting(model: SistemKerja) -> Mapping[str, Any] | None:
    """The reporting lines (who reports to whom, with the clause) as one procedure of steps. A body clause that
    places a role ("berkedudukan di bawah dan bertanggung jawab kepada ...": a kedudukan) draws a line too, but a
    report cites the clause in which someone reports: where the model's reporting procedure names such clauses,
    body lines from other clauses are left out."""
    reporting = {s["cite"] for p in model["procedures"] if p["form"] == "pelaporan" for s in p["steps"]}
    lines = [x for x in model.get("reporting_lines") or []
             if not reporting or not x["cite"].startswith("Pasal") or x["cite"] in reporting]
    if not lines:
        return next((p for p in model["procedures"] if p["form"] == "pelaporan"), None)
    steps: list[dict[str, Any]] = [
        {"actor": x["from"], "to": [x["to"]], "cite": x["cite"], "document": None,
         "action": f"{x['from']} melaporkan pelaksanaan tugas kepada {x['to']}".replace("_", " ")}
        for x in lines]
    steps.sort(key=lambda s: not s["cite"].startswith("Pasal"))  # the batang tubuh's own rule first
    return {"cite": steps[0]["cite"] if steps else "", "steps": steps, "lines": True}


def _same_region(model: SistemKerja, peraturan: str, daerah: str | None) -> None:
    """Refuse a regulation of another region than the letters' (``daerah``, e.g. "Kabupaten Sleman")."""
    reg = model["regulation"]
    theirs = " ".join(str(reg.get("daerah") or "").lower().split())
    if daerah and theirs != " ".join(daerah.lower().split()):
        raise InputError(f"--peraturan {peraturan}: {reg['citation']} adalah peraturan "
                         f"{reg.get('daerah') or 'daerah lain'}, bukan {daerah}; surat {daerah} merujuk peraturan "
                         f"daerahnya sendiri (misalnya draft.json dari rancang draft untuk {daerah}).")


def plan(scen: dict[str, Any], peraturan: Peraturan | None, daerah: str | None = None) -> Plan:
    """The steps of ``scen`` in regulation ``peraturan`` (its model, resolved by the caller) of region ``daerah``;
    without a regulation, the scenario's own steps with no clause (``citation`` None). Raises InputError for a
    regulation of another region, and for one that does not regulate the scenario's procedure."""
    if not peraturan:
        return Plan(text(scen["judul"]), None, [_own(step) for step in scen["langkah"]])
    model = peraturan.model
    _same_region(model, peraturan.name, daerah)
    proc = _procedure(model, scen["prosedur"]["form"], scen["prosedur"]["scope"])
    report = _reporting(model)
    out = Plan(f"{proc['name']} ({proc['cite']})", act_citation(model["regulation"]))
    pos = {id(proc): 0, id(report): 0}
    taken: set[int] = set()
    for step in scen["langkah"]:
        source = report if step.get("prosedur") == "pelaporan" else proc
        if source is None:
            raise InputError("peraturan ini tidak mengatur pelaporan pelaksanaan tugas.")
        i = _match(source["steps"], pos[id(source)], step.get("cocok") or {}, taken if source is proc else set())
        if i is None:
            out.steps.append(_own(step, f" {UNDETAILED}", source["cite"]))
            continue
        s = source["steps"][i]
        if source.get("lines"):  # a reporting line: the clause, in the scenario's own words, to its addressee
            s, kepada = _report_line(source["steps"], s, step)
            out.steps.append(_own(step, "", text(s["cite"]), kepada))
            continue
        pos[id(source)] = i + 1
        taken.add(i)
        action = text(s["action"])
        after = source["steps"][i + 1] if i + 1 < len(source["steps"]) else None
        out.steps.append(Found(action, text(s["cite"]), _form(action), tuple(s.get("hops") or ()),
                               instruments(action), instruments(text(after["action"])) if after else ()))
    return out


def _own(step: Mapping[str, Any], mark: str = "", cite: str = "", kepada: str | None = None) -> Found:
    """A scenario step in its own words (no regulation, or one that does not detail it)."""
    words = text(step["teks"])
    return Found(words + mark, cite, naskah=instruments(words), kepada=kepada)


def _level(role: str) -> str | None:
    """The level of a model role as the letters' parties know it (``peran_model``: pd, unit, pyb, ketua ...)."""
    return next((str(k) for k, roles in scenarios_data()["peran_model"].items() if role in roles), None)


def _report_line(lines: Sequence[Mapping[str, Any]], s: Mapping[str, Any],
                 step: Mapping[str, Any]) -> tuple[Mapping[str, Any], str | None]:
    """The reporting line a report follows and the addressee it gives: among the lines of the matched one's
    reporter, the first (the batang tubuh's first) whose addressee is the level the scenario addresses (a clause
    "kepada Pimpinan Unit Kerja dan/atau Unit Organisasi" allows either); where none is, the matched line and its
    addressee on the scenario's side ("Pasal 12: ... melaporkan ... secara langsung kepada Pimpinan Unit
    Organisasi": the report goes to the Kepala Dinas, not the Kepala Bidang)."""
    side, _, want = str(step.get("kepada") or "").rpartition(".")
    same = [x for x in lines if x["actor"] == s["actor"] and x["cite"].startswith("Pasal") == s["cite"].startswith(
        "Pasal") and any(_level(str(t)) == want for t in x.get("to") or [])]
    if same or not side:
        return (same[0] if same else s), None
    level = next((lv for t in s.get("to") or [] if (lv := _level(str(t))) in ("pd", "unit", "pyb")), None)
    return s, f"{side}.{level}" if level else None

"""A procedure's whole set of letters: numbered per issuing unit, dated in order, each reply citing its request.

:func:`build` walks a scenario's steps (``data/letter_scenarios.yaml``, or the steps of a regulation's own model,
see :mod:`steps`), resolves who issues, signs and receives each letter (:mod:`parties`), numbers it in the
regional form "kode klasifikasi/agenda/kode unit/tahun" with one running agenda per issuing unit (N6), dates it a
number of working days after the previous letter, and fills the letter data that :func:`rancang.generate.naskah.
render` validates and lays out. :func:`skenario_md` tells step → letter → clause.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from rancang import atomic, manifest, schema
from rancang.dataload import check_tree
from rancang.errors import InputError, choose
from rancang.generate import naskah
from rancang.generate.naskah import chain, consistency, dating, forms, isian, record, replies, steps
from rancang.generate.naskah.catalogue import absent, catalogue, get_type, scenarios_data
from rancang.generate.naskah.dating import workdays_after  # noqa: F401  (the API: sc.workdays_after)
from rancang.generate.naskah.fill import check_nips, text
from rancang.generate.naskah.parties import Parties, Party
from rancang.generate.naskah.summary import form_blanks, skenario_md
from rancang.generate.shared import resources
from rancang.generate.shared.profile import example_names as profile_examples
from rancang.generate.shared.profile import messages
from rancang.ingest.meta import title_case

#: letter classes that carry no agenda number of a unit
UNNUMBERED = ("surat_pribadi", "laporan", "disposisi")


def scenarios() -> dict[str, dict[str, Any]]:
    """Scenarios by name: ``{name: {judul, prosedur, cite, pihak, langkah: [...]}}``."""
    return scenarios_data()["scenarios"]


def get_scenario(name: str) -> dict[str, Any]:
    """The scenario ``name``; raises InputError naming the known ones."""
    return choose(scenarios(), name, "skenario")


@dataclass
class Letter:
    """One letter of a scenario: its type, layout, data (ready for ``naskah.render``) and parties."""

    n: int
    jenis: str
    layout: str
    data: dict[str, Any]
    dari: Party
    kepada: Party
    date: dt.date

    @property
    def filename(self) -> str:
        return f"{self.n:02d}-{self.jenis}.docx"

    @property
    def hal(self) -> str:
        t = get_type(self.jenis)
        return text(self.data.get("hal") or t.get("hal") or self.data.get("tentang")
                    or isian.form_name(t, self.data))


@dataclass
class Step:
    """One step of the procedure: what happens, the clause requiring it, and its letter (None: no letter)."""

    n: int
    teks: str
    cite: str
    letter: Letter | None = None


@dataclass
class Built:
    """A scenario built from its data: the steps with their letters, and the regulation they follow."""

    name: str
    judul: str
    peraturan: str
    prosedur: str
    steps: list[Step] = field(default_factory=list)
    #: facts of the acts the letters cite that the knowledge base does not hold (printed "Nomor ....")
    blanks: list[str] = field(default_factory=list)
    #: the regulation found for the region when none was given (its draft.json, or a corpus id), else None
    sumber: str | None = None
    #: the regulation the letters follow as the user named it or as it was found (a file or a corpus id), else None
    berkas: str | None = None

    @property
    def letters(self) -> list[Letter]:
        return [s.letter for s in self.steps if s.letter]


class _Numbers:
    """One running agenda number per issuing unit (per government), in the regional form (N6)."""

    def __init__(self, start: dict[str, int]) -> None:
        self.start = start
        self.used: dict[tuple[str, str], int] = {}

    def next(self, party: Party, klasifikasi: str, day: dt.date) -> str:
        key = (party.gov.key, party.kode or "")
        n = self.used.get(key, int(self.start.get(party.kode or "", 1)) - 1) + 1
        self.used[key] = n
        fmt = catalogue()["nomor"]["format"]
        return fmt.format(klasifikasi=klasifikasi, agenda=n, unit=party.kode, tahun=day.year)


#: the number of a Keputusan not yet in its register: filled in by the Bagian Hukum when it is set (ditetapkan)
BLANK_NUMBER = "...."


def keputusan_number(parties: Parties, day: dt.date) -> str:
    """The number of a Keputusan of the kepala daerah in its own register, never a Setda letter agenda (Permendagri
    1/2023): the profile's ``naskah_dinas.nomor_keputusan`` form ("{nomor} Tahun {tahun}" when absent) with its
    next number ``nomor_keputusan_berikut``, or "...." when the profile does not give it."""
    own = parties.profile.data.get("naskah_dinas") or {}
    form = text(own.get("nomor_keputusan")) or "{nomor} Tahun {tahun}"
    n = own.get("nomor_keputusan_berikut")
    try:
        return form.format(nomor=n if n else BLANK_NUMBER, tahun=day.year)
    except (KeyError, IndexError, ValueError) as exc:
        raise InputError(f"naskah_dinas.nomor_keputusan '{form}' dalam profil hanya boleh memuat {{nomor}} dan "
                         f"{{tahun}}.") from exc


def own_act(parties: Parties) -> str | None:
    """The region's own sistem-kerja act as its profile names it (``nomor``, ``tahun``, ``tentang``), cited in
    Dasar and Mengingat; None when the profile gives no number: an act not yet enacted is never cited, and no
    title is made up."""
    prof = parties.profile
    if not prof.nomor:
        return None
    tentang = f" tentang {title_case(text(prof.data['tentang']))}" if prof.data.get("tentang") else ""
    return f"{prof.jenis_peraturan} {prof.nama} Nomor {text(prof.nomor)} Tahun {prof.tahun}{tentang}"


def scenario_schema() -> dict[str, Any]:
    """The JSON Schema of a scenario's data (``$defs/skenario`` of ``schema/letter.schema.json``, self-contained)."""
    full = schema.load("letter")
    return {"$schema": full["$schema"], "$defs": full["$defs"], "$ref": "#/$defs/skenario"}


def _prepare(name: str, data: Any, base: Path | None) -> tuple[dict[str, Any], dict[str, Any], Parties]:
    """The scenario, its data completed and checked, and its parties; InputError for data that cannot make them."""
    scen = get_scenario(name)
    if not isinstance(data, dict):
        raise InputError("data skenario harus berupa pemetaan kunci: nilai.")
    check_tree(data, f"data skenario '{name}'")
    errs = schema.problems(scenario_schema(), data)  # dates too: the calendar's ("format": "date")
    if errs:
        raise InputError(f"data skenario '{name}' tidak sah: "
                         + "; ".join(messages(errs, "data skenario")) + ".")
    check_nips(data, f"data skenario '{name}'")
    data = record.complete(data)
    parties = Parties(data, base)
    record.check(name, scen, data, parties)
    return scen, data, parties


def region(name: str, data: Any, base: Path | None = None) -> str | None:
    """The region ("Kabupaten Sleman") of ``data``'s letters, to find its own regulation (raises as :func:`build`)."""
    return _prepare(name, data, base)[2].profile.daerah


def build(name: str, data: dict[str, Any], base: Path | None = None, peraturan: steps.Peraturan | None = None) -> Built:
    """The scenario ``name`` filled from ``data`` (see ``rancang letter --scenario NAME --example``).

    ``base``: the folder relative paths in the data are read from; ``peraturan``: the region's regulation as its
    model, resolved once by the caller (:mod:`rancang.corpus.regulations`), giving the steps and clauses (see
    :mod:`steps`; one found, not named, is said in ``Built.sumber``). Without it no clause is cited and the Dasar is
    the region's act only when the profile numbers it, else the national one. Raises InputError for data that cannot
    make the letters (each is validated when rendered) and for a regulation of another region."""
    scen, data, parties = _prepare(name, data, base)
    sumber = peraturan.name if peraturan is not None and peraturan.found else None
    plan = steps.plan(scen, peraturan, parties.profile.daerah)
    act = plan.citation or own_act(parties)
    built = Built(name, scen["judul"], act or scenarios_data()["tanpa_peraturan"], plan.prosedur, sumber=sumber,
                  berkas=peraturan.name if peraturan is not None else None)
    if act and steps.BLANK in act:
        built.blanks.append(f"{act} (tertulis \"....\" dalam Dasar dan Mengingat): isi nomor dan tahunnya dari "
                            f"naskah resminya setelah ditetapkan")
    run = _Run(parties, plan, act, built, _Numbers(data.get("agenda_awal") or {}), dating.start(data))
    run.penetapan = forms.penetapan(scen, plan)
    # a report goes to whom the regulation's reporting clause names; the assignment letter says the same
    langkah = [{**step, "kepada": found.kepada} if found.kepada else step
               for step, found in zip(scen["langkah"], plan.steps, strict=True)]
    report = next((x for x in langkah if x.get("prosedur") == "pelaporan" and x.get("dari") == "pegawai"), None)
    if report is not None:
        parties.lapor_kepada = parties.resolve(report["kepada"]).jabatan
    for i, (step, found) in enumerate(zip(langkah, plan.steps, strict=True), 1):
        if not step.get("surat"):
            built.steps.append(Step(i, found.teks, found.cite))
            continue
        unneeded = run.unneeded(step)
        if unneeded:
            built.steps.append(Step(i, f"{found.teks} {unneeded}", found.cite))
            continue
        moves = (chain.letters(step, found.hops, parties, scen["pihak"])
                 if found.hops and plan.citation and not step.get("peran_skenario") else [step])
        moves = [x for each in moves for x in chain.per_unit(each, parties)]
        for k, move in enumerate(moves):
            mark = FORWARDED_ONE if move.get("satu_pejabat") else FORWARDED
            moved = move is not step
            got, why = run.receiver(move)
            teks = found.teks if not k else f"{found.teks} {mark}"
            if got is not None and got.get("unit_kerja"):  # one proposal per Pejabat Penilai Kinerja
                teks = f"{found.teks} (usulan {parties.resolve(got['dari']).jabatan} bagi pegawai unit kerjanya)"
            st = Step(i, f"{teks} {why}" if why else teks, found.cite)
            built.steps.append(st)
            if got is not None:
                st.letter = run.letter(i, got, found, moved=moved)
    built.blanks += forms.notes(scen, plan, run.letters) + form_blanks(built.letters)
    missing = run.missing
    note = chain.pyb_note(built.letters, parties)
    if note:
        built.blanks.append(note)
    if missing:
        listed = "; ".join(f"{k} (untuk {', '.join(v)})" for k, v in missing.items())
        raise InputError(f"data skenario '{name}' belum lengkap; isian yang belum ada: {listed}.")
    return built


#: the mark of a later move of one step's letter (the regulation has it forwarded: "kemudian ... menyampaikan ...")
FORWARDED = "(diteruskan)"
#: the mark of a later move the regulation addresses to the sender's own office (within one region the pejabat yang
#: berwenang of both sides is one official): the answer goes on to the requester
FORWARDED_ONE = ("(diteruskan kepada pemohon: dalam satu daerah pejabat yang berwenang pemohon dan pejabat yang "
                 "berwenang yang dituju adalah pejabat yang sama)")


class _Run:
    """The letters of one scenario as they are made, in order: numbers per unit, dates, letters by step number
    (a step moved twice: its last letter, the one its addressee receives), the fields each still lacks."""

    def __init__(self, parties: Parties, plan: steps.Plan, act: str | None, built: Built, numbers: _Numbers,
                 start: dt.date) -> None:
        self.parties, self.plan, self.act, self.built, self.numbers = parties, plan, act, built, numbers
        self.day, self.made = start, 0
        self.letters: dict[int, Letter] = {}
        #: step number -> all its letters (a proposal per unit kerja: each cited in the Dasar)
        self.every: dict[int, list[Letter]] = {}
        self.missing: dict[str, list[str]] = {}
        #: step number -> the instrument its letter asks to be set in (see :func:`forms.penetapan`)
        self.penetapan: dict[int, str] = {}

    def letter(self, i: int, step: dict[str, Any], found: steps.Found, moved: bool) -> Letter:
        """The letter of scenario step ``i`` (``step``: its roles, the regulation's where ``moved``)."""
        parties, data = self.parties, self.parties.data
        self.day = workdays_after(self.day, 0 if not self.made else int(step.get("hari", 1)))
        self.made += 1
        t = get_type(step["surat"])
        day = self.day = dating.report_day(t, data, self.day)
        layout = (found.layout if found.layout and found.layout in (t.get("layouts") or [])
                  else step.get("bentuk") or t["layout"])
        dari, kepada = parties.resolve(step["dari"]), parties.resolve(step["kepada"])
        if moved and layout == "nota" and (dari.pd != kepada.pd or dari.gov is not kepada.gov) \
                and "surat" in (t.get("layouts") or []):
            layout = "surat"  # the regulation sends it outside the perangkat daerah: a surat dinas (N5)
        code = text((data.get("klasifikasi") or {}).get(t["klasifikasi"])) \
            or text(catalogue()["klasifikasi"][t["klasifikasi"]]) or BLANK_NUMBER  # the region's pola klasifikasi
        nomor = (None if t["kelas"] in UNNUMBERED else keputusan_number(parties, day) if t["kelas"] == "keputusan"
                 else self.numbers.next(dari, code, day))
        refs = {k: self.letters[k] for k in [step.get("rujukan"), step.get("rekomendasi"), *(step.get("dasar") or [])]
                if k in self.letters}
        lacking: list[str] = []
        src = refs.get(step["rujukan"]) if step.get("rujukan") else None
        dasar = [x for k in step.get("dasar") or [] for x in self.every.get(k, [])]
        fields = isian.letter_fields(step, t, layout, parties, dari, kepada, day, nomor, refs, self.act, lacking,
                                     self.built.blanks, via=self.disposed(src, dari), dasar=dasar)
        if t["kelas"] == "keputusan" and nomor and BLANK_NUMBER in nomor:
            self.built.blanks.append(f"nomor {t['judul']} ({text(fields.get('tentang'))}): nomor urut register "
                                     f"Keputusan, diisi saat penetapan (atau naskah_dinas.nomor_keputusan_berikut "
                                     f"dalam profil)")
        form = forms.assignment_form(t, found)
        if form:
            fields["bentuk_naskah"] = form  # the surat tugas or surat perintah the step names
        if "penetapan" in naskah.keys(step["surat"]) and i in self.penetapan:
            fields["penetapan"] = self.penetapan[i]
        plan = self.plan
        if t["kelas"] == "laporan" and plan.citation and found.cite and not found.teks.endswith(steps.UNDETAILED):
            fields["dasar_pelaporan"] = f"{found.cite} {plan.citation}"  # the regulation's own reporting clause
        dating.interim(t, data, fields, day)
        day = self.day = dating.keputusan(t, data, fields, day, self.built.blanks)
        out = self.letters[i] = Letter(self.made, step["surat"], layout, fields, dari, kepada, day)
        self.every.setdefault(i, []).append(out)
        lacking += [k for k in naskah.required(step["surat"], layout) if absent(fields, k)]
        for k in lacking:
            self.missing.setdefault(k, []).append(out.filename)
        return out


    def unneeded(self, step: dict[str, Any]) -> str:
        """Why ``step`` makes no letter ("(tidak diperlukan: ...)"), or "": its ``hanya_bila`` (step N's letter went
        to a role) does not hold."""
        cond = step.get("hanya_bila")
        if not cond:
            return ""
        src = self.letters.get(int(cond["langkah"]))
        if src is not None and src.kepada.role == cond["kepada"]:
            return ""
        to = src.kepada.jabatan if src is not None else "-"
        return f"(tidak diperlukan: surat langkah {cond['langkah']} ditujukan kepada {to})"

    def receiver(self, step: dict[str, Any]) -> tuple[dict[str, Any] | None, str]:
        """``step`` as the letter it rests on was received (see :func:`replies.receiver`)."""
        return replies.receiver(step, self.letters, self.parties)

    def disposed(self, src: Letter | None, sender: Party) -> Letter | None:
        """The lembar disposisi by which ``sender`` received ``src`` (see :func:`replies.disposed`)."""
        return replies.disposed(src, sender, self.letters)


def render_all(built: Built) -> list[tuple[str, bytes]]:
    """Every letter of ``built`` as (file name, DOCX bytes), in order; the first invalid one raises InputError,
    and so does a set whose letters contradict each other (:func:`consistency.check_set`)."""
    out = []
    for letter in built.letters:
        try:
            out.append((letter.filename, naskah.render(letter.jenis, letter.data, letter.layout)))
        except InputError as exc:
            raise InputError(f"{letter.filename}: {exc.message}") from exc
    consistency.check_set(out)
    return out


def write(built: Built, outdir: Path, overwrite: bool = False) -> list[Path]:
    """Write the letters and ``skenario.md`` into ``outdir`` as one set (rendered first; all written or, on a
    failure, none changed: :func:`rancang.atomic.write_set`). Raises OutputError naming a file not written, and
    InputError naming a letter edited since rancang wrote it unless ``overwrite`` (:mod:`rancang.manifest`)."""
    files: dict[str, bytes | str] = dict(render_all(built))
    files["skenario.md"] = skenario_md(built)
    count = len(files)
    # one set: all new letters or the old ones untouched
    return atomic.write_set(outdir, manifest.guarded(outdir, files, overwrite))[:count]


def to_zip(built: Built) -> bytes:
    """The letters and ``skenario.md`` as one ZIP archive (for a download)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in render_all(built):
            z.writestr(name, content)
        z.writestr("skenario.md", skenario_md(built))
    return buf.getvalue()


@cache
def _examples() -> dict[str, Any]:
    return resources.read_yaml("naskah/data/letter_scenario_examples.yaml")


#: task fields only some procedures use
_TEAM = ("nama_tim", "tugas_tim", "masa_kerja", "menimbang", "tentang")


def scenario_example(name: str) -> dict[str, Any]:
    """A complete data mapping for scenario ``name`` (the shared example plus the scenario's own sides,
    employees and task), with only the parts the scenario reads."""
    scen = get_scenario(name)
    ex = _examples()
    data = copy.deepcopy(ex["umum"])
    for key, value in copy.deepcopy(ex["per_skenario"].get(name) or {}).items():
        if key == "penugasan":
            data["penugasan"].update(value)
        else:
            data[key] = value
    if not scen.get("tim"):
        data["penugasan"] = {k: v for k, v in data["penugasan"].items() if k not in _TEAM}
    if scen["prosedur"]["form"] != "pengajuan_sukarela":
        data["penugasan"].pop("alasan_pengajuan", None)
    data["pihak"] = {k: v for k, v in (data.get("pihak") or {}).items() if k in scen["pihak"]}
    return data


def scenario_example_yaml(name: str) -> str:
    """:func:`scenario_example` as a commented YAML document to fill in."""
    import yaml

    scen = get_scenario(name)
    head = (f"# Skenario {name}: {scen['judul']}\n"
            f"# profil: nama profil bawaan ({', '.join(profile_examples())}) atau path berkas profil daerah.\n"
            "# Tambahkan --peraturan ID|BERKAS (peraturan atau draft.json daerah ini) agar langkah dan klausulnya\n"
            "# menurut peraturan daerah itu; tanpa itu tidak ada klausul yang dirujuk.\n"
            "# pihak.asal: unit pemilik kinerja (atau unit pegawai pada pengajuan sukarela);\n"
            "# pihak.tujuan: unit atau instansi yang dituju (pegawai yang dimohon berasal dari sana).\n"
            "# penugasan.mulai/selesai: masa penugasan; durasi, masa kerja Keputusan, dan periode laporan diturunkan\n"
            "# darinya, dan laporan bertanggal pada/sesudah selesai (kecuali laporan_sementara: true).\n"
            f"# Jalankan: rancang letter --scenario {name} DATA.yaml -o FOLDER\n")
    return head + yaml.safe_dump(scenario_example(name), allow_unicode=True, sort_keys=False, width=110)

"""The data of one letter in a scenario: the task, the parties, its number and date, and what it cites.

Everything a letter says about the procedure comes from the scenario's ``penugasan`` (the task), the employees
and the parties resolved for the step; sentences of a step (``isian``) are filled from the same names. The result
is plain letter data, the same a user writes for ``rancang letter TYPE DATA``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from rancang.generate.naskah import record
from rancang.generate.naskah.catalogue import get_type, scenarios_data
from rancang.generate.naskah.fill import fill, rujukan, text
from rancang.generate.naskah.layouts import FORM_TITLES
from rancang.generate.naskah.parties import Parties, Party
from rancang.generate.shared import givencite, kbcite
from rancang.kb import store

PERSON_KEYS = ("nama", "nip", "pangkat", "jabatan", "unit", "peran", "hasil")
#: a blank the Bagian Hukum or the reporter fills (a number not known, a member's result not given)
BLANK = "...."
#: a team task that is the duty to report: the Keputusan and the surat tugas state it in their own diktum / item
_REPORTING = re.compile(r"^\s*melaporkan\b", re.I)
_KIND = {"nota": "Nota Dinas", "keputusan": "Keputusan"}


def national() -> str:
    """The national sistem-kerja regulation: the Dasar of a letter of another instansi, whose own act we do not know
    (named with its title from the knowledge base of acts)."""
    return kbcite.plain(scenarios_data()["dasar_nasional"]).text


def formation_laws(profile: Any, blanks: list[str] | None = None) -> list[str]:
    """The laws forming the region (``dasar_hukum_daerah`` of its profile: an Undang-Undang whose title opens with
    "Pembentukan"), as a Mengingat cites them: as the profile writes them, each fact checked against the knowledge
    base of acts (:mod:`rancang.generate.shared.givencite`: a verified fact the profile contradicts replaces it, a
    disputed or unverified one never does), what the profile leaves out from the knowledge base (verified) or a
    blank, with the latest amendment the profile gives, else the knowledge base's; every blank, disagreement and
    unverified fact added to ``blanks``."""
    out = []
    base = store.load()
    for c in profile.data.get("dasar_hukum_daerah") or []:
        if not str(c.get("jenis", "")).startswith("Undang-Undang") or \
                not text(c.get("tentang")).lower().startswith("pembentukan"):
            continue
        words, notes = givencite.cite(c)
        amendments = c.get("perubahan") or []
        if amendments:
            verb = "sebagaimana telah diubah dengan" if len(amendments) == 1 else \
                "sebagaimana telah beberapa kali diubah terakhir dengan"
            more, more_notes = givencite.cite(amendments[-1])
            words, notes = f"{words} {verb} {more}", notes + more_notes
        elif kbcite.is_key(key := f"uu-{c.get('tahun')}-{text(c.get('nomor')).lower()}"):
            more, more_notes, _last = kbcite.chain(base, key, profile.tahun, region=profile.daerah)
            words, notes = words + more, notes + more_notes
        out.append(words)
        if blanks is not None:
            blanks += [b for b in notes if b not in blanks]
    return out


def mengingat(act: str | None, year: int, blanks: list[str] | None = None, profile: Any = None) -> list[str]:
    """A Keputusan's Mengingat: the acts of ``letter_scenarios.yaml`` in the order of their level and year (UU
    12/2011 Lampiran II angka 48-49): the laws forming the region (``{pembentukan}``, from ``profile``), the keys
    of the knowledge base (printed with their publication and latest amendment before ``year``; blanks added to
    ``blanks``) and the region's act (``{perbup}``)."""
    out: list[str] = []
    for x in scenarios_data()["mengingat"]:
        if "{perbup}" in x:
            if act:
                out.append(fill(x, {"perbup": gazetted(act, profile, blanks)}))
            continue
        if "{pembentukan}" in x:
            out += formation_laws(profile, blanks) if profile is not None else []
            continue
        cited = kbcite.mengingat(x, year)
        out.append(cited.text)
        if blanks is not None:
            blanks += [b for b in cited.blanks if b not in blanks]
    return out


#: the number and year of an act as its citation prints them ("Nomor 12 Tahun 2026", "Nomor .... Tahun 2026")
_NUMBERED = re.compile(r" Nomor (\S+) Tahun (\S+?)(?= tentang|$)")


def gazetted(act: str, profile: Any = None, blanks: list[str] | None = None) -> str:
    """The region's own act as a Mengingat cites it, with its Berita Daerah (UU 12/2011 Lampiran II angka 46: an
    act in Mengingat names where it is promulgated): "(Berita Daerah Kabupaten Sleman Tahun 2026 Nomor ....)". The
    number is the profile's ``berita_daerah.nomor`` when ``act`` is the profile's own numbered act, else a blank
    added to ``blanks`` (filled from the official text); the year is the act's."""
    m = _NUMBERED.search(act)
    year = m[2] if m else BLANK
    daerah = text(getattr(profile, "daerah", "")) if profile is not None else ""
    own = profile is not None and profile.nomor and m is not None and m[1] == text(profile.nomor)
    nomor = text(((profile.data.get("berita_daerah") or {}).get("nomor")) if own else "") or BLANK
    if nomor == BLANK and blanks is not None:
        note = (f"nomor Berita Daerah {daerah} {act} (dalam Mengingat Keputusan, tertulis \"Nomor ....\"): isi dari "
                f"naskah resminya setelah diundangkan")
        if note not in blanks:
            blanks.append(note)
    return f"{act} (Berita Daerah {daerah} Tahun {year} Nomor {nomor})".replace("  ", " ")


def _people(parties: Parties, only: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    return [{k: p[k] for k in PERSON_KEYS if p.get(k)} for p in (parties.people if only is None else only)]


def names(parties: Parties) -> dict[str, str]:
    """Names a step's sentences may use: ``{asal_pd_nama}``, ``{asal_unit_jabatan}``, ``{tujuan_daerah}`` ...,
    ``{lapor_kepada}`` (the office the employee's report goes to)."""
    out = {}
    if parties.lapor_kepada:
        out["lapor_kepada"] = parties.lapor_kepada
    for side in ("asal", "tujuan"):
        if side not in (parties.data.get("pihak") or {}):
            continue
        gov, pd, unit = parties.side(side)
        out[f"{side}_pd_nama"] = pd["nama"]
        out[f"{side}_pd_jabatan"] = pd["kepala"]["jabatan"]
        out[f"{side}_daerah"] = gov.daerah
        if unit:
            out[f"{side}_unit_nama"] = unit["nama"]
            out[f"{side}_unit_jabatan"] = unit["kepala"]["jabatan"]
    return out


def _task(parties: Parties) -> dict[str, Any]:
    task = team_tasks({k: v for k, v in (parties.data.get("penugasan") or {}).items() if k not in record.RECORD_ONLY})
    n = names(parties)
    if "asal_pd_nama" in n:
        task.setdefault("unit_pemohon", " ".join(x for x in (n.get("asal_unit_nama"), n["asal_pd_nama"]) if x))
    if "tujuan_daerah" in n:
        gov, _, _ = parties.side("tujuan")
        task.setdefault("instansi_tujuan", gov.pemerintah)
    return task


def _team(parties: Parties, task: dict[str, Any]) -> dict[str, Any]:
    people = _people(parties)
    out: dict[str, Any] = {}
    if task.get("nama_tim"):
        out["tim"] = {"nama": task["nama_tim"], "anggota": people}
        # a member's result is what the data records for him, else a blank the ketua fills (never an assessment
        # the data does not make)
        out["anggota"] = [{**p, "hasil": p.get("hasil") or BLANK} for p in people]
    return out


def team_tasks(task: dict[str, Any]) -> dict[str, Any]:
    """A team's record as every letter of the set tells it (one story): the tasks of the Keputusan or surat tugas
    (``tugas_tim``, without a duty to report, which their own diktum "Ketua ... melaporkan ..." states) are the
    tasks the proposal lists and the activities the reports account for (``uraian_tugas``)."""
    tugas = [x for x in task.get("tugas_tim") or [] if not _REPORTING.match(text(x))]
    if not tugas:
        return task
    return {**task, "tugas_tim": tugas, "uraian_tugas": [_capital(text(x)) for x in tugas]}


def _keputusan(parties: Parties, task: dict[str, Any], act: str | None, year: int,
               blanks: list[str] | None = None) -> dict[str, Any]:
    nama_tim = text(task.get("nama_tim"))
    gov, pd, _ = parties.side("asal")
    return {"tentang": task.get("tentang") or f"Pembentukan {nama_tim}",
            "menimbang": task.get("menimbang") or [f"bahwa untuk pencapaian target kinerja {pd['nama']} diperlukan "
                                                   f"kolaborasi Pejabat Fungsional dan Pelaksana lintas Perangkat "
                                                   f"Daerah dalam {nama_tim}"],
            "mengingat": task.get("mengingat") or mengingat(act, year, blanks, parties.profile),
            "melapor_kepada": f"{pd['kepala']['jabatan']} {gov.daerah}"}


def _step_fields(step: dict[str, Any], ctx: dict[str, Any], missing: list[str]) -> dict[str, Any]:
    out = {}
    for key, value in (step.get("isian") or {}).items():
        out[key] = [fill(v, ctx, missing) for v in value] if isinstance(value, list) else fill(value, ctx, missing)
    return out


def letter_fields(step: dict[str, Any], t: dict[str, Any], layout: str, parties: Parties, dari: Party,
                  kepada: Party, day: dt.date, nomor: str | None, refs: dict[int, Any],
                  act: str | None, missing: list[str], blanks: list[str] | None = None,
                  via: Any = None, dasar: list[Any] | None = None) -> dict[str, Any]:
    """The data of the letter of ``step`` (see the module docs); refs are the cited letters (``scenario.Letter``)
    by step number; ``act`` is the region's sistem-kerja act (None: not known, the national regulation is the
    Dasar); names of task fields its sentences need but the data lacks are added to ``missing``, facts of cited
    acts the knowledge base does not hold (printed "Nomor ....") to ``blanks``; ``via``: the lembar disposisi
    through which the sender received the letter it answers (see :func:`cite`), or None; ``dasar``: the letters
    of the steps the Dasar cites (a step with a proposal per unit kerja: each), else ``refs`` of ``step["dasar"]``."""
    task = _task(parties)
    ctx = {**task, **names(parties)}
    d: dict[str, Any] = {**task, **_team(parties, task)}
    d.update({"tempat": dari.gov.ibu_kota, "tanggal": day.isoformat(), "penandatangan": dari.pejabat,
              "pegawai": _listed(step, parties), "pemohon": _people(parties)[0] if parties.people else None})
    if step.get("unit_kerja"):  # a proposal of each unit kerja for the team of the unit organisasi: its target
        d["unit_pemohon"] = names(parties).get("asal_pd_nama") or d.get("unit_pemohon")
    if layout == "surat" and dari.role.endswith(".unit") and (kepada.pd != dari.pd or kepada.gov is not dari.gov) \
            and not dari.pejabat.get("atas_nama") and dari.pd:
        # a surat dinas out of the perangkat daerah is its head's: the head of a unit kerja the regulation has
        # answer signs it on his behalf ("a.n. Kepala Dinas ...", Permendagri 1/2023)
        d["penandatangan"] = {**dari.pejabat, "atas_nama": text(dari.gov.pds[dari.pd]["kepala"]["jabatan"])}
    if parties.own_hand(dari):  # the kepala daerah's own letter or Keputusan: his kop surat jabatan
        d["kop_jabatan"] = parties.kop_jabatan(dari.gov)
    elif dari.instansi:
        d["instansi"] = dari.instansi
    if nomor:
        d["nomor"] = nomor
    if kepada.role != "pegawai" or layout in ("surat",):
        to = {"jabatan": parties.address(kepada, dari)}
        if layout == "surat" and (kepada.pd != dari.pd or kepada.gov is not dari.gov):
            to["tempat"] = kepada.gov.ibu_kota
        d["tujuan"] = to
    if layout == "nota" and dari.unit:
        d["dari"] = dari.jabatan
    # a superior is "Bapak"/"Ibu" (a Gubernur to a bupati, a kepala daerah to his region), a peer or one below "Saudara"
    d["sapaan"] = parties.sapaan(kepada, dari)
    d.update(_asked(parties, dari, kepada, d["sapaan"]))
    d["tembusan"] = _copies(step, parties, dari)
    if step.get("rujukan"):
        src = refs[step["rujukan"]]
        # a report names the author of the letter it rests on ("Surat Tugas Kepala Dinas ..."), never "Saudara"
        d["rujukan"] = cite(src, dari, None if t["layout"] == "laporan" else kepada, parties, via, d["sapaan"])
        d["rujukan_surat"] = cite(src, dari, None, parties)
    if step.get("rekomendasi") in refs:  # the rekomendasi the answer is given with, by its author
        d["rekomendasi"] = cite(refs[step["rekomendasi"]], dari, None, parties)
    if t["layout"] == "perintah":
        basis = act if act and dari.gov is parties.own else national()
        cited = dasar if dasar else [refs[k] for k in step.get("dasar") or [] if k in refs]
        d["dasar"] = [basis] + [_capital(rujukan(cite(x, dari, None, parties))) for x in cited]
    if t["layout"] == "keputusan":
        d.update(_keputusan(parties, task, act, day.year, blanks))
        # its Salinan go to those it appoints too (they carry it out), after the offices
        d["tembusan"] = [*(d.get("tembusan") or []), f"Ketua dan anggota {text(task.get('nama_tim'))}"]
    if t["layout"] == "disposisi":
        d["diteruskan"] = [parties.address(kepada, dari)]
    if dari.role == "anggota" and t["layout"] == "laporan":
        d.update(_own_result(parties, dari))
    d.update(_step_fields(step, ctx, missing))
    return {k: v for k, v in d.items() if v not in (None, "", [], {})}


def _listed(step: dict[str, Any], parties: Parties) -> list[dict[str, Any]]:
    """The employees a letter lists: those lent (``dipinjam``), those of one unit kerja (a proposal per unit kerja),
    else all."""
    if step.get("dipinjam"):
        return _people(parties, record.lent(parties))
    if step.get("unit_kerja"):
        return _people(parties, [p for p in parties.people if p.get("unit_kerja") == step["unit_kerja"]])
    return _people(parties)


def _asked(parties: Parties, dari: Party, kepada: Party, sapaan: str) -> dict[str, Any]:
    """The unit asked (``pihak.tujuan``) as a letter names it: ``unit_dituju`` (its name, with its region when
    another instansi) and ``unit_dimohon`` ("unit organisasi Saudara" to its head, else its name and region)."""
    if "tujuan" not in (parties.data.get("pihak") or {}):
        return {}
    gov, pd, _ = parties.side("tujuan")
    return {"unit_dituju": pd["nama"] if gov is dari.gov else f"{pd['nama']} {gov.daerah}",
            "unit_dimohon": (f"unit organisasi {sapaan}" if kepada.pd == pd["kode"] and kepada.gov is gov
                             else f"{pd['nama']} {gov.daerah}")}


def _copies(step: dict[str, Any], parties: Parties, dari: Party) -> list[str]:
    """The tembusan of ``step``'s letter as ``dari`` names them; ``tembusan_unit_pegawai``: also the head of each
    unit kerja whose staff the letter assigns (each employee's Pejabat Penilai Kinerja)."""
    roles = list(step.get("tembusan") or [])
    if step.get("tembusan_unit_pegawai"):
        own = text((parties.data.get("pihak") or {}).get("asal", {}).get("unit_kerja"))
        roles += [r for u in parties.units_of_people("asal") if (r := "asal.unit" if u == own else f"asal.unit:{u}")
                  not in roles]
    return list(dict.fromkeys(parties.address(parties.resolve(r), dari) for r in roles))


def _own_result(parties: Parties, dari: Party) -> dict[str, Any]:
    """A member reports his own result, the one the ketua's report lists for him (``pegawai[].hasil``)."""
    member = next((p for p in parties.people if p.get("nama") == dari.pejabat.get("nama")), {})
    return {"hasil": [member["hasil"]]} if member.get("hasil") else {}


def cite(src: Any, sender: Party, to: Party | None, parties: Parties, via: Any = None,
         sapaan: str = "Saudara") -> dict[str, Any]:
    """How a letter from ``sender`` to ``to`` cites the earlier letter ``src`` (N6): kind, author, number, date
    and subject; "surat Saudara" / "Nota Dinas Saudara" when it answers the author himself (``sapaan``: "Bapak/Ibu"
    to a superior, as the letter addresses him); ``to`` None: by its author's office (a Dasar, a report).

    ``via``: the lembar disposisi (a ``scenario.Letter``) by which an official (the pejabat yang berwenang) sent
    ``src`` on to ``sender``: what the sender answers is that instruction, which has no number of its own, so the
    reply names both, "disposisi Bupati ... atas surat Kepala Dinas ... Nomor ... tanggal ..." (key ``disposisi``:
    the instructing official, "Bapak/Ibu" when the reply goes to him)."""
    if via is not None:
        same = to is not None and via.dari.pejabat.get("nama") == to.pejabat.get("nama")
        who = sapaan if same else parties.address(via.dari, sender).removeprefix("Saudara ")
        return {**cite(src, sender, to, parties, sapaan=sapaan), "disposisi": who}
    kind = _KIND.get(src.layout, "surat")
    if src.layout == "perintah":
        kind = _perintah_kind(src)
    # a Keputusan not yet set has no date of its own (its letters' schedule is only planned): cited without one
    ref: dict[str, Any] = {"tanggal": src.data.get("tanggal") if src.layout == "keputusan" else src.date.isoformat(),
                           "nomor": src.data.get("nomor")}
    if src.layout == "keputusan":
        return {k: v for k, v in {**ref, "jenis": "Keputusan", "dari": src.dari.jabatan,
                                  "tentang": src.data["tentang"]}.items() if v}
    if to is not None and src.dari.pejabat.get("nama") == to.pejabat.get("nama"):
        ref["jenis"] = f"{kind} {sapaan}"
    else:
        ref["jenis"] = kind
        # the author by name and office: "Saudara ..." addresses a person, it does not name an author
        ref["dari"] = parties.address(src.dari, sender).removeprefix("Saudara ")
    if src.layout != "perintah":
        ref["hal"] = src.hal
    return {k: v for k, v in ref.items() if v}


def form_title(t: dict[str, Any], d: dict[str, Any]) -> str:
    """The title printed on a letter of type ``t`` with data ``d``: the form the data names (``bentuk_naskah``,
    the surat tugas or surat perintah its step names), else the type's own ``judul_naskah``."""
    return FORM_TITLES.get(text(d.get("bentuk_naskah")), text(t.get("judul_naskah")))


def form_name(t: dict[str, Any], d: dict[str, Any]) -> str:
    """:func:`form_title` as a later letter names it ("Surat Tugas")."""
    return form_title(t, d).title()


def _capital(item: str) -> str:
    """An item of a Dasar opens with a capital ("Surat Kepala Dinas ...", not "surat ...")."""
    return item[:1].upper() + item[1:]


def _perintah_kind(src: Any) -> str:
    return form_name(get_type(src.jenis), src.data)

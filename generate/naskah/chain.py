"""Who sends a scenario's letter to whom, with tembusan to whom, as the region's regulation prescribes it.

The regulation's model gives each step its *hops* (:mod:`rancang.model.hops`): each move of the step's letter in
sequence, its sender (or the official who signs it), addressees and tembusan, each role with the side the text
prints after it. A hop becomes the scenario's roles (``asal.pd``, ``tujuan.unit``, ``asal.pyb``, ``pegawai`` ...)
through ``peran_model`` of ``data/letter_scenarios.yaml`` (which model roles are the head of a perangkat daerah, of
a unit kerja, the pejabat yang berwenang, the employee, the team's ketua or anggota). So where the regulation says
"Kepala Perangkat Daerah pemohon mengirimkan surat permohonan pelibatan kepada pejabat yang berwenang dengan
tembusan Pimpinan Unit Organisasi yang dituju", the letter goes to the pejabat yang berwenang (the region's, as the
data's ``delegasi`` or the profile's ``naskah_dinas.pejabat_berwenang`` names it: the kepala daerah or the
Sekretaris Daerah; :func:`pyb_note` lists the letters when neither does) with that tembusan, not to the head of the
unit asked; and a step whose answer the text moves twice (PUO dituju → pejabat yang berwenang → Kepala Perangkat
Daerah pemohon) is two letters.

Rules: the step is the scenario's from the hop its sender sends on (``pengirim_peraturan``: from the first, whoever
sends it); a sender without a side printed takes the side of the scenario's sender, an addressee without one the
other side when it is the sender's own kind ("Pimpinan Unit Kerja ... kepada Pimpinan Unit Kerja"), else the
sender's side; a side the scenario does not have is its first; the Keputusan's maker stays ``penetap`` (the region's
own decision of who sets it); a role the data cannot resolve, or none the model names, keeps the scenario's own;
the scenario's tembusan stay where the regulation names none (first move only); one official never writes to
himself (``asal.pyb`` and ``tujuan.pyb`` within one region): a later move the regulation addresses to the sender's
own office ("pejabat yang berwenang menyampaikan surat jawaban kepada pejabat yang berwenang pemohon" within one
region) goes to the scenario's own addressee, the requester, marked ``satu_pejabat`` (said in ``skenario.md``), so
the requester still receives the answer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rancang.errors import InputError
from rancang.generate.naskah.catalogue import scenarios_data
from rancang.generate.naskah.fill import text
from rancang.generate.naskah.parties import Parties

#: scenario roles that are one person whichever side names them
_PERSONS = ("pegawai", "ketua", "anggota")


def _kind(role: str) -> str | None:
    for kind, roles in scenarios_data()["peran_model"].items():
        if role in roles:
            return str(kind)
    return None


def _side_of(scenario_role: str | None) -> str | None:
    if scenario_role and "." in scenario_role:
        return scenario_role.split(".", 1)[0]
    return None


def scenario_role(party: Mapping[str, Any] | None, default_side: str | None, sides: Sequence[str]) -> str | None:
    """The scenario's role for a model party ``{role, side}`` (None: no role of a letter)."""
    if not party:
        return None
    kind = _kind(str(party["role"]))
    if kind is None:
        return None
    if kind in _PERSONS:
        return kind
    side = party.get("side") or default_side or "asal"
    return f"{side if side in sides else sides[0]}.{kind}"


def _resolves(role: str | None, parties: Parties) -> bool:
    if role is None:
        return False
    try:
        parties.resolve(role)
    except InputError:
        return False
    return True


def _same(a: str, b: str, parties: Parties) -> bool:
    """Two roles one official ("asal.pyb" and "tujuan.pyb" within one region)."""
    if a == b:
        return True
    if a == "penetap" or b == "penetap":
        return False
    x, y = parties.resolve(a), parties.resolve(b)
    return x.gov is y.gov and x.pejabat == y.pejabat


def _sender(hop: Mapping[str, Any], default_side: str | None, sides: Sequence[str]) -> str | None:
    who = hop.get("signer") or ({"role": hop["actor"], "side": hop.get("side")} if hop.get("actor") else None)
    return scenario_role(who, default_side, sides)


def _addressee_side(party: Mapping[str, Any], sender: str, sides: Sequence[str]) -> str | None:
    """An addressee printed without its side: the other side when it is the sender's own kind ("Pimpinan Unit
    Kerja ... kepada Pimpinan Unit Kerja"), else the sender's side ("kepada pejabat yang berwenang")."""
    side = _side_of(sender)
    if side is None or len(sides) < 2:
        return side
    if sender.endswith("." + str(_kind(str(party["role"])))):
        return next((s for s in sides if s != side), side)
    return side


def _from(hops: Sequence[Mapping[str, Any]], step: Mapping[str, Any], parties: Parties,
          sides: Sequence[str]) -> int | None:
    """The first hop the scenario's step sends (its sender the scenario's): the hops before it are earlier
    steps' letters told again; None when the regulation has someone else send it."""
    if step.get("pengirim_peraturan"):
        return 0
    for i, hop in enumerate(hops):
        sender = _sender(hop, _side_of(step["dari"]), sides)
        if sender and (sender == step["dari"] or step["dari"] == "penetap" and sender.endswith(".pyb")
                       or _resolves(sender, parties) and _same(sender, step["dari"], parties)):
            return i
    return None


def letters(step: Mapping[str, Any], hops: Sequence[Mapping[str, Any]], parties: Parties,
            sides: Sequence[str]) -> list[dict[str, Any]]:
    """The scenario ``step`` (``{surat, dari, kepada, tembusan, ...}``) as one step per hop of the regulation's
    own step, from the hop its sender sends on, each with its ``dari``, ``kepada`` and ``tembusan`` from that hop
    (see the module docs); the step alone, unchanged, when the regulation has someone else send it."""
    start = _from(hops, step, parties, sides)
    if start is None:
        return [dict(step)]
    out: list[dict[str, Any]] = []
    for hop in hops[start:]:
        own, first = dict(step), not out
        sender = _sender(hop, _side_of(step["dari"]) if first else None, sides)
        if step["dari"] == "penetap" and sender and sender.endswith(".pyb"):
            sender = "penetap"  # the Keputusan's maker as the region decides it (delegasi)
        if sender == "penetap" or _resolves(sender, parties):
            own["dari"] = sender
        named = [scenario_role(x, _addressee_side(x, own["dari"], sides), sides) for x in hop.get("to") or []]
        to = [r for r in named if not (r and _resolves(r, parties) and _same(r, own["dari"], parties))]
        if to and _resolves(to[0], parties):
            own["kepada"] = to[0]
        elif not first and named and not to and _resolves(step["kepada"], parties) \
                and not _same(step["kepada"], own["dari"], parties):
            # "pejabat yang berwenang ... kepada pejabat yang berwenang pemohon" within one region is one official:
            # the answer is his to give to the requester, the scenario's own addressee
            own["kepada"], own["satu_pejabat"] = step["kepada"], True
        elif not first:
            continue  # a later move names no one the data knows to send to: no letter of its own
        # else the first addressee is no party of the data (a unit kerja the data does not give): the scenario's
        cc = [scenario_role(x, _side_of(own["dari"]) or hop.get("side"), sides) for x in hop.get("cc") or []]
        cc = [r for r in dict.fromkeys(cc) if _resolves(r, parties) and r not in (own["dari"], own["kepada"])]
        kept = [r for r in step.get("tembusan") or [] if r not in (own["dari"], own["kepada"]) and first]
        own["tembusan"] = cc or kept
        if not _same(own["dari"], own["kepada"], parties):
            out.append(own)
    return out or [dict(step)]


def pyb_note(letters: Sequence[Any], parties: Parties) -> str | None:
    """The line of ``skenario.md`` listing the letters to or from the region's Pejabat yang Berwenang when neither
    the data (``delegasi.pejabat_berwenang``) nor the profile (``naskah_dinas.pejabat_berwenang``) names who that
    is: they go to / are signed by the kepala daerah, an assumption the Bagian Hukum checks before sending; None
    when it is named or no letter involves the PyB."""
    if parties.pyb_named:
        return None
    files = [x.filename for x in letters
             if any(p.role.endswith(".pyb") and p.gov is parties.own for p in (x.dari, x.kepada))]
    if not files:
        return None
    return (f"Pejabat yang Berwenang {parties.own.daerah} ({', '.join(files)}): ditujukan kepada/ditandatangani "
            f"{parties.own.kepala['jabatan']} karena profil tidak menyebutnya; tetapkan dalam profil "
            f"(naskah_dinas.pejabat_berwenang: kepala_daerah atau sekretaris_daerah) atau data "
            f"(delegasi.pejabat_berwenang)")


def per_unit(step: dict[str, Any], parties: Parties) -> list[dict[str, Any]]:
    """A proposal each Pejabat Penilai Kinerja makes for his own staff (``per_unit_kerja: true``: PermenPAN-RB
    7/2022, "Pejabat Penilai Kinerja mengusulkan ..."; the head of a unit kerja does not propose another unit's
    employee): one letter per unit kerja of the employees, from its head, listing its own (``unit_kerja``); the step
    alone when it is not such a step or all are of one unit kerja."""
    if not step.get("per_unit_kerja") or step.get("dari") != "asal.unit":
        return [step]
    units = parties.units_of_people("asal")
    if len(units) < 2:
        return [step]
    own = text((parties.data.get("pihak") or {}).get("asal", {}).get("unit_kerja"))
    units = sorted(units, key=lambda u: u != own)  # the owner's own unit kerja first
    return [{**step, "dari": "asal.unit" if u == own else f"asal.unit:{u}", "unit_kerja": u} for u in units]

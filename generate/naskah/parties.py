"""Who issues, signs and receives each letter of a scenario: roles resolved to officials of the region profile.

A scenario's data names the region profile (its kepala daerah and sekretaris daerah), the perangkat daerah with
their heads and unit kerja, other governments for a lintas-instansi procedure, the two sides of the procedure
(``pihak.asal``: the unit that owns the performance target or the employee's own unit; ``pihak.tujuan``: the unit
or instansi asked), and the employees. A step's role (``asal.pd``, ``tujuan.unit``, ``asal.pyb``, ``penetap``,
``pegawai``, ``ketua`` ...) becomes a :class:`Party`: the official who signs, the kop, the unit code of the letter's
number, and how the party is addressed from another unit (N5).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rancang.errors import InputError
from rancang.generate.naskah.fill import text
from rancang.generate.shared import profile as profiles

#: the address of a Sekretariat Daerah the data does not give, on its kop (listed in skenario.md)
BLANK_ADDRESS = "Alamat ...................."
#: roles that are an employee, not an office
PERSONS = ("pegawai", "ketua", "anggota")
#: the sex digit of a NIP (its 15th, Peraturan Kepala BKN 22/2007; see ``fill.nip_problem``) as the honorific
_SEX = {"1": "Bapak", "2": "Ibu"}


def honorific(pejabat: dict[str, Any]) -> str | None:
    """"Bapak" or "Ibu" for an official: the data's ``sapaan``, else the sex digit of the NIP (the 15th: 1 pria,
    2 wanita); None when neither tells (a kepala daerah has no NIP)."""
    own = text(pejabat.get("sapaan"))
    if own:
        return own
    digits = re.sub(r"\D", "", text(pejabat.get("nip")))
    return _SEX.get(digits[14]) if len(digits) == 18 else None


def provincial(gov: Gov) -> bool:
    """Is ``gov`` a province (its head a Gubernur)?"""
    office = text(gov.kepala.get("jabatan")).removeprefix(text(gov.kepala.get("status"))).strip()
    return office.startswith("Gubernur")


#: kode unit of the Sekretariat Daerah, which numbers the letters of the kepala daerah and the Sekretaris Daerah
SETDA = "SETDA"


@dataclass(frozen=True)
class Gov:
    """One government (pemerintah daerah) with its Pejabat yang Berwenang and perangkat daerah."""

    key: str
    pemerintah: str
    daerah: str
    ibu_kota: str
    kepala: dict[str, Any]
    sekda: dict[str, Any]
    pds: dict[str, dict[str, Any]]
    lambang: str = ""
    setda: str = SETDA
    #: the address of its Sekretariat Daerah on the kop of the letters its Sekretaris Daerah signs
    alamat_setda: str = ""


@dataclass(frozen=True)
class Party:
    """A role in one step: ``pejabat`` signs (jabatan, nama, pangkat, nip, atas_nama, status), ``instansi`` is the
    kop, ``kode`` the unit code of the number (None: the letter carries no agenda number)."""

    role: str
    pejabat: dict[str, Any]
    instansi: dict[str, Any] | None
    kode: str | None
    gov: Gov
    pd: str | None = None
    unit: str | None = None
    people: list[dict[str, Any]] = field(default_factory=list)

    @property
    def jabatan(self) -> str:
        return text(self.pejabat.get("jabatan"))


def _load_profile(value: Any, base: Path | None) -> tuple[profiles.Profile, Path | None]:
    """The profile the data names and the folder its relative paths (the lambang) are read from."""
    if isinstance(value, dict):
        return profiles.from_dict(value, "profil skenario"), base
    name = text(value)
    for candidate in ([base / name] if base else []) + [Path(name)]:
        if candidate.is_file():
            return profiles.load(candidate), candidate.resolve().parent
    if name.lower() in profiles.example_names():
        return profiles.load(profiles.example_path(name)), None
    raise InputError(f"profil daerah '{name}' tidak ditemukan (tulis path berkas profil, atau salah satu profil "
                     f"contoh: {', '.join(profiles.example_names())}).")


def _daerah(pemerintah: str) -> str:
    rest = pemerintah.removeprefix("Pemerintah ").strip()
    if rest.startswith("Daerah ") and rest.split(" ", 1)[1].startswith(("Provinsi", "Kabupaten", "Kota", "Daerah")):
        rest = rest.split(" ", 1)[1]
    return rest


def _pds(items: list[dict[str, Any]] | None, where: str) -> dict[str, dict[str, Any]]:
    out = {}
    for pd in items or []:
        if pd["kode"] in out:
            raise InputError(f"kode perangkat daerah '{pd['kode']}' dipakai dua kali di {where}.")
        out[pd["kode"]] = {**pd, "units": {u["kode"]: u for u in pd.get("unit_kerja") or []}}
    return out


def own_government(data: dict[str, Any], prof: profiles.Profile, folder: Path | None = None) -> Gov:
    """The region of the profile: kepala daerah and sekretaris daerah from the profile, its perangkat daerah from
    the scenario's data (``perangkat_daerah``) and the sekda's pangkat/NIP from ``sekretaris_daerah``; the lambang
    from the data, else the profile's ``naskah_dinas.lambang`` (relative to the profile's ``folder``)."""
    status = prof.data["kepala_daerah"]["jabatan"].split(" ", 1)[0] if prof.data["kepala_daerah"]["jabatan"].startswith(
        ("Pj.", "Plt.")) else None
    # how letters address him: the data's kepala_daerah.sapaan, else the profile's
    sapaan = (data.get("kepala_daerah") or {}).get("sapaan") or prof.data["kepala_daerah"].get("sapaan")
    kepala = {"jabatan": prof.pejabat, "nama": prof.data["kepala_daerah"]["nama"],
              **({"sapaan": sapaan} if sapaan else {})}
    if status:
        kepala["status"] = status
    sk = prof.data.get("sekretaris_daerah") or {}
    sekda = {"jabatan": f"Sekretaris Daerah {prof.daerah}", "nama": sk.get("nama", ""),
             **{k: v for k, v in (data.get("sekretaris_daerah") or {}).items() if k in ("pangkat", "nip")}}
    if (sk.get("jabatan") or "").startswith(("Pj.", "Plt.", "Plh.")):
        sekda["status"] = sk["jabatan"].split(" ", 1)[0]
    lambang = text(data.get("lambang")) or _lambang(prof, folder)
    return Gov("", f"Pemerintah {prof.daerah}", prof.daerah, prof.ibu_kota, kepala, sekda,
               _pds(data.get("perangkat_daerah"), "perangkat_daerah"), lambang, text(data.get("kode_setda")) or SETDA,
               text(data.get("alamat_setda")))


def _lambang(prof: profiles.Profile, folder: Path | None) -> str:
    raw = text((prof.data.get("naskah_dinas") or {}).get("lambang"))
    if not raw:
        return ""
    path = Path(raw)
    return str(path if path.is_absolute() or folder is None else folder / path)


def other_governments(data: dict[str, Any]) -> dict[str, Gov]:
    """The governments of ``instansi_lain`` by their kode."""
    out = {}
    for g in data.get("instansi_lain") or []:
        daerah = g.get("daerah") or _daerah(g["pemerintah"])
        sekda = dict(g.get("sekretaris_daerah") or {})
        if sekda.get("jabatan") and daerah not in sekda["jabatan"]:
            sekda["jabatan"] = f"{sekda['jabatan']} {daerah}"
        out[g["kode"]] = Gov(g["kode"], g["pemerintah"], daerah, g.get("ibu_kota") or daerah, dict(g["kepala"]),
                             sekda, _pds(g.get("perangkat_daerah"), f"instansi_lain {g['kode']}"),
                             text(g.get("lambang")), text(g.get("kode_setda")) or SETDA, text(g.get("alamat_setda")))
    return out


def _kop(pemerintah: str, nama: str, alamat: str | None, lambang: str) -> dict[str, str]:
    out = {"pemerintah": pemerintah, "nama": nama, "alamat": alamat, "lambang": lambang}
    return {k: v for k, v in out.items() if v}


class Parties:
    """Role resolution over one scenario's data (see the module docs)."""

    def __init__(self, data: dict[str, Any], base: Path | None = None) -> None:
        self.data = data
        self.profile, folder = _load_profile(data["profil"], base)
        self.folder = folder
        self.own = own_government(data, self.profile, folder)
        self.govs = {"": self.own, **other_governments(data)}
        own = self.profile.data.get("naskah_dinas") or {}
        #: who the region's Pejabat yang Berwenang is: the data's delegasi, else the profile's; None: not named
        self.pyb_named = (data.get("delegasi") or {}).get("pejabat_berwenang") or own.get("pejabat_berwenang")
        self.delegasi = {**(data.get("delegasi") or {}), "pejabat_berwenang": self.pyb_named}
        self.people = [self._person(p) for p in data.get("pegawai") or []]
        #: the office an employee's report goes to (the scenario's, or its regulation's reporting clause's)
        self.lapor_kepada: str | None = None

    # --- lookups -------------------------------------------------------------------------------------------
    def gov(self, key: str | None) -> Gov:
        g = self.govs.get(key or "")
        if g is None:
            known = ", ".join(k for k in self.govs if k) or "-"
            raise InputError(f"instansi '{key}' tidak ada di instansi_lain (yang ada: {known}).")
        return g

    def pd(self, gov: Gov, code: str | None) -> dict[str, Any]:
        pd = gov.pds.get(code or "")
        if pd is None:
            known = ", ".join(gov.pds) or "-"
            raise InputError(f"perangkat daerah '{code}' tidak ada di {gov.pemerintah} (yang ada: {known}).")
        return pd

    def unit(self, pd: dict[str, Any], code: str | None) -> dict[str, Any]:
        u = pd["units"].get(code or "")
        if u is None:
            known = ", ".join(pd["units"]) or "-"
            raise InputError(f"unit kerja '{code}' tidak ada di {pd['nama']} (yang ada: {known}).")
        return u

    def _person(self, p: dict[str, Any]) -> dict[str, Any]:
        gov = self.gov(p.get("instansi"))
        pd = self.pd(gov, p.get("perangkat_daerah"))
        where = pd["nama"] if not p.get("unit_kerja") else f"{self.unit(pd, p['unit_kerja'])['nama']}, {pd['nama']}"
        if gov is not self.own:
            where += f" {gov.daerah}"
        return {**p, "unit": where, "_gov": gov, "_pd": pd}

    def kop(self, gov: Gov, pd: dict[str, Any]) -> dict[str, Any]:
        return _kop(gov.pemerintah, pd["nama"], pd.get("alamat"), gov.lambang)

    def own_hand(self, party: Party) -> bool:
        """Does the kepala daerah sign ``party``'s letter himself (not a.n. by the Sekretaris Daerah)?"""
        return ((party.role.endswith(".pyb") or party.role == "penetap") and not party.pejabat.get("atas_nama")
                and text(party.pejabat.get("nama")) == text(party.gov.kepala.get("nama")))

    def kop_jabatan(self, gov: Gov) -> dict[str, Any]:
        """The kop surat jabatan of a kepala daerah's own letter and the head of his Keputusan: the Lambang Negara
        (UU 24/2009 Pasal 52 huruf a and Pasal 54 ayat (1) huruf i: used as "cap atau kop surat jabatan" by the
        "gubernur, bupati atau walikota"; the profile's ``naskah_dinas.lambang_negara``, else a box to paste it in)
        over his office, and for a kabupaten or kota its province as the region's draft Perbup heads it
        ("BUPATI SLEMAN" / "PROVINSI DAERAH ISTIMEWA YOGYAKARTA"); another government's by its head's office."""
        office = text(gov.kepala.get("jabatan")).removeprefix(text(gov.kepala.get("status"))).strip()
        lines = [office.upper()]
        if gov is self.own and not self.profile.provincial:
            lines.append(f"PROVINSI {self.profile.provinsi.upper()}")
        raw = text((self.profile.data.get("naskah_dinas") or {}).get("lambang_negara")) if gov is self.own else ""
        out: dict[str, Any] = {"baris": lines}
        if raw:
            path = Path(raw)
            out["lambang"] = str(path if path.is_absolute() or self.folder is None else self.folder / path)
        return out

    # --- roles ---------------------------------------------------------------------------------------------
    def side(self, name: str) -> tuple[Gov, dict[str, Any], dict[str, Any] | None]:
        s = (self.data.get("pihak") or {}).get(name)
        if not s:
            raise InputError(f"skenario ini memerlukan pihak.{name} (perangkat_daerah dan unit_kerja).")
        gov = self.gov(s.get("instansi"))
        pd = self.pd(gov, s.get("perangkat_daerah"))
        return gov, pd, self.unit(pd, s["unit_kerja"]) if s.get("unit_kerja") else None

    def resolve(self, role: str) -> Party:
        """The Party playing ``role``; raises InputError naming what the data lacks."""
        if role in ("pegawai", "ketua", "anggota"):
            return self._employee(role)
        if role == "penetap":
            return self._maker()
        side, _, level = role.partition(".")
        gov, pd, unit = self.side(side)
        if level.startswith("unit:"):  # another unit kerja of the side's perangkat daerah ("asal.unit:STATISTIK")
            level, unit = "unit", self.unit(pd, level.split(":", 1)[1])
        if level == "pd":
            return Party(role, dict(pd["kepala"]), self.kop(gov, pd), pd["kode"], gov, pd["kode"])
        if level == "unit":
            if unit is None:
                raise InputError(f"skenario ini memerlukan pihak.{side}.unit_kerja.")
            return Party(role, dict(unit["kepala"]), self.kop(gov, pd), unit["kode"], gov, pd["kode"], unit["kode"])
        if level == "pyb":
            return self._pyb(role, gov)
        raise InputError(f"peran '{role}' tidak dikenal dalam data skenario.")

    def _setda(self, gov: Gov) -> dict[str, Any]:
        """The kop of the Sekretariat Daerah with its address (Permendagri 1/2023: a kop names the instansi and its
        address), a blank of dots the Bagian Hukum fills when the data gives none (``alamat_setda``)."""
        return _kop(gov.pemerintah, "Sekretariat Daerah", gov.alamat_setda or BLANK_ADDRESS, gov.lambang)

    def _pyb(self, role: str, gov: Gov) -> Party:
        if self.delegasi.get("pejabat_berwenang") == "sekretaris_daerah" and gov.sekda.get("nama"):
            signer = {**gov.sekda, "atas_nama": gov.kepala["jabatan"]}
            signer["jabatan"] = "Sekretaris Daerah"
            return Party(role, signer, self._setda(gov), gov.setda, gov)
        return Party(role, dict(gov.kepala), self._setda(gov), gov.setda, gov)

    def _maker(self) -> Party:
        gov = self.own
        if self.delegasi.get("keputusan") == "sekretaris_daerah":
            return Party("penetap", dict(gov.sekda), None, gov.setda, gov)
        return Party("penetap", dict(gov.kepala), None, gov.setda, gov)

    def _employee(self, role: str) -> Party:
        if not self.people:
            raise InputError("skenario ini memerlukan daftar pegawai.")
        person = self.people[0]
        if role != "pegawai":
            want = "ketua" if role == "ketua" else "anggota"
            match = [p for p in self.people if text(p.get("peran")).lower().startswith(want)]
            if not match:
                raise InputError(f"skenario tim kerja memerlukan pegawai dengan peran '{want.title()}'.")
            person = match[0]
        signer = {k: person[k] for k in ("jabatan", "nama", "pangkat", "nip") if person.get(k)}
        if role == "ketua" and self.data.get("penugasan", {}).get("nama_tim"):
            signer["jabatan"] = f"Ketua {self.data['penugasan']['nama_tim']}"
        return Party(role, signer, self.kop(person["_gov"], person["_pd"]), None, person["_gov"],
                     person["_pd"]["kode"], person.get("unit_kerja"), self.people)

    def units_of_people(self, side: str = "asal") -> list[str]:
        """The unit kerja of the employees who are of ``side``'s perangkat daerah, in the order of the data: each
        is the unit of their Pejabat Penilai Kinerja (the head of the unit kerja, PermenPAN-RB 7/2022)."""
        gov, pd, _ = self.side(side)
        return list(dict.fromkeys(text(p.get("unit_kerja")) for p in self.people
                                  if p["_gov"] is gov and p["_pd"] is pd and p.get("unit_kerja")))

    # --- addressing ----------------------------------------------------------------------------------------
    def superior(self, to: Party, sender: Party) -> bool:
        """Is ``to`` above ``sender`` (addressed "Bapak"/"Ibu", not "Saudara")? The kepala daerah (or the pejabat
        yang berwenang acting for him) above everyone of his region, a Gubernur above a bupati or wali kota (and
        their officials); the head of a perangkat daerah above the heads of its unit kerja; every official above an
        employee writing in his own name. Peers and those below are "Saudara"."""
        if to.role in PERSONS:
            return False
        if sender.role in PERSONS:
            return True
        if to.role.endswith(".pyb") or to.role == "penetap":
            if to.gov is sender.gov:
                return not (sender.role.endswith(".pyb") or sender.role == "penetap")
            return provincial(to.gov) and not provincial(sender.gov)
        return to.role.endswith(".pd") and sender.unit is not None and to.gov is sender.gov and to.pd == sender.pd

    def sapaan(self, to: Party, sender: Party) -> str:
        """How a letter of ``sender`` addresses ``to`` in its sentences: "Saudara" to a peer or below, to a superior
        "Bapak" or "Ibu" (:func:`honorific` of the official addressed: the kepala daerah for the pejabat yang
        berwenang), "Bapak/Ibu" when the data does not tell which."""
        if not self.superior(to, sender):
            return "Saudara"
        person = to.gov.kepala if to.role.endswith(".pyb") or to.role == "penetap" else to.pejabat
        return honorific(person) or "Bapak/Ibu"

    def address(self, to: Party, sender: Party) -> str:
        """How ``to`` is named in a letter of ``sender``: the office alone within one perangkat daerah, with the
        perangkat daerah and the region outside it, "Saudara <nama>" for an employee."""
        if to.role == "pegawai":
            p = to.people[0]
            return f"Saudara {text(p['nama'])}, {text(p.get('jabatan'))} pada {text(p['unit'])}"
        office = to.jabatan
        if to.role.endswith(".pyb") or to.role == "penetap":
            return text(to.gov.kepala["jabatan"])
        if to.role == "ketua":
            return office
        if to.pd and to.unit and (to.pd != sender.pd or to.gov is not sender.gov):
            office = f"{office} {to.gov.pds[to.pd]['nama']}"
        if (to.pd != sender.pd or to.gov is not sender.gov) and not office.endswith(to.gov.daerah):
            office = f"{office} {to.gov.daerah}"
        return office

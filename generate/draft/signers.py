"""The names printed in a draft's signature block, as the profile gives them (issue 27: "a signatory name with
markup is printed into the signature block without a word").

A name carrying markup or template syntax ("<b>", "{{ 7*7 }}") is refused before anything is written; a name with
an academic title or a rank is printed without them (UU 12/2011 Lampiran II angka 164-169: names without titles
and rank) and the drafter is asked to confirm the name as printed. The patterns are check T2's
(:mod:`rancang.generate.check.structure`), so the draft and the check read a name the same way.
"""

from __future__ import annotations

import re
from typing import Any

from rancang.errors import InputError
from rancang.generate.check.structure import _MARKUP, _RANK, _TITLES
from rancang.generate.draft.notes import Notes
from rancang.generate.shared import resources
from rancang.generate.shared.profile import Profile

#: the profile fields whose ``nama`` is printed under a signature
SIGNERS = ("kepala_daerah", "sekretaris_daerah")


def _names(profile: Profile) -> list[tuple[str, str]]:
    data: dict[str, Any] = dict(profile.data)
    return [(who, (data.get(who) or {}).get("nama") or "") for who in SIGNERS]


#: a title or honorific before the name ("Dr.", "Drs.", "H.", "Hj.", "K.H.", "Prof.", "Ir."), one at a time
_BEFORE = re.compile(r"^(?:(?i:prof|dr|drs|dra|drg|ir)\.|H\.|Hj\.|K\.\s?H\.)\s*")
#: degrees after the name, each after a comma (", S.H.", ", M.Si.", ", MM", ", Ph.D.")
_AFTER = re.compile(r",\s*(?:[A-Z][A-Za-z]{0,4}\.(?:\s?[A-Z][A-Za-z]{0,4}\.?)*|MM|MH|MT|MBA|MPA|MSi|Ph\.\s?D\.?)\s*$")


def bare(name: str) -> str:
    """``name`` without academic titles, honorifics, degrees and rank, as a signature block prints it (UU 12/2011
    Lampiran II angka 164-169): "Dr. H. Budi Santoso, S.H., M.Si." -> "Budi Santoso"."""
    out = " ".join(name.split())
    while (m := _BEFORE.match(out)) is not None and m.end() < len(out):
        out = out[m.end():]
    while (m := _AFTER.search(out)) is not None and m.start() > 0:
        out = out[:m.start()].rstrip()
    out = _RANK.sub("", out)
    out = re.sub(r"\bNIP\b.*$", "", out)
    return " ".join(out.split()).strip(" ,")


def printed(profile: Profile, who: str) -> str:
    """The name of signer ``who`` (a key of :data:`SIGNERS`) as the draft prints it: :func:`bare`, in capitals."""
    entry: Any = dict(profile.data).get(who) or {}
    name = str(entry.get("nama") or "")
    return (bare(name) or name).upper()


def vet(profile: Profile, notes: Notes) -> None:
    """Raise InputError (one Indonesian sentence) for a signer's name with markup (check T2_markup: UU 12/2011
    Lampiran II angka 166); note a name with a title or rank as a decision (check T2_title), and what an acting
    head may not sign (:func:`acting`)."""
    acting(profile, notes)
    for who, name in _names(profile):
        if _MARKUP.search(name):
            raise InputError(f"profil tidak sah: {who}.nama '{name}' memuat kode atau markah; tulis nama saja, "
                             "karena nama itu dicetak pada tanda tangan (UU 12/2011 Lampiran II angka 166).")
        if _TITLES.search(name) or _RANK.search(name):
            if not bare(name):
                raise InputError(f"profil tidak sah: {who}.nama '{name}' hanya memuat gelar atau pangkat; tulis "
                                 "nama pejabatnya (UU 12/2011 Lampiran II angka 164-169).")
            notes.add("putusan", "T2_title", f'nama "{name}" ({who}.nama) memuat gelar atau pangkat; pada tanda '
                      f'tangan nama ditulis tanpa gelar dan pangkat (UU 12/2011 Lampiran II angka 164-169), jadi '
                      f'dicetak "{bare(name).upper()}". Periksa nama yang dicetak.', cite="Penutup")


def acting(profile: Profile, notes: Notes) -> bool:
    """A decision when an acting head signs (a "Pj." or "Plt." kepala daerah): what PP 6/2005 as amended by PP
    49/2008 Pasal 132A forbids one without the Minister of Home Affairs' written consent, quoted from the national
    text (``compose.yaml`` ``penjabat``). Returns whether noted."""
    rule = resources.compose_rules()["penjabat"]
    head: Any = dict(profile.data).get("kepala_daerah") or {}
    jabatan = str(head.get("jabatan") or "")
    if not jabatan.startswith(tuple(rule["acts"])):
        return False
    notes.add("putusan", "penjabat", rule["why"].format(jabatan=profile.penandatangan), cite="Penutup")
    return True

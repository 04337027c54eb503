"""The names printed in a draft's signature block, as the profile gives them (issue 27: "a signatory name with
markup is printed into the signature block without a word").

A name carrying markup or template syntax ("<b>", "{{ 7*7 }}") is refused before anything is written; a name with
an academic title or a rank is a decision for the drafter (UU 12/2011 Lampiran II angka 164-169: names without
titles and rank). The patterns are check T2's (:mod:`rancang.generate.check.structure`), so the draft and the
check read a name the same way.
"""

from __future__ import annotations

from typing import Any

from rancang.errors import InputError
from rancang.generate.check.structure import _MARKUP, _RANK, _TITLES
from rancang.generate.draft.notes import Notes
from rancang.generate.shared.profile import Profile

#: the profile fields whose ``nama`` is printed under a signature
SIGNERS = ("kepala_daerah", "sekretaris_daerah")


def _names(profile: Profile) -> list[tuple[str, str]]:
    data: dict[str, Any] = dict(profile.data)
    return [(who, (data.get(who) or {}).get("nama") or "") for who in SIGNERS]


def vet(profile: Profile, notes: Notes) -> None:
    """Raise InputError (one Indonesian sentence) for a signer's name with markup (check T2_markup: UU 12/2011
    Lampiran II angka 166); note a name with a title or rank as a decision (check T2_title)."""
    for who, name in _names(profile):
        if _MARKUP.search(name):
            raise InputError(f"profil tidak sah: {who}.nama '{name}' memuat kode atau markah; tulis nama saja, "
                             "karena nama itu dicetak pada tanda tangan (UU 12/2011 Lampiran II angka 166).")
        if _TITLES.search(name) or _RANK.search(name):
            notes.add("putusan", "T2_title", f'nama "{name}" ({who}.nama) memuat gelar atau pangkat; pada tanda '
                      "tangan nama ditulis tanpa gelar dan pangkat (UU 12/2011 Lampiran II angka 164-169).",
                      cite="Penutup")

"""Who received a letter, and so who acts on it (Permendagri 1/2023): the lembar disposisi by which an official sent a
letter on, the one a reply comes from, and whether a step's disposisi is needed at all. The letters are the
``scenario.Letter`` objects made so far, by step number."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rancang.generate.naskah.catalogue import get_type
from rancang.generate.naskah.fill import text
from rancang.generate.naskah.parties import Parties, Party


def one(a: Party, b: Party) -> bool:
    """Are two parties one official (the same person of the same government)?"""
    return a.gov is b.gov and text(a.pejabat.get("nama")) == text(b.pejabat.get("nama"))


def receiver(step: dict[str, Any], letters: Mapping[int, Any], parties: Parties) -> tuple[dict[str, Any] | None, str]:
    """``step`` as the letter it rests on was received (Permendagri 1/2023: a lembar disposisi is made by the
    official who received the letter; a reply comes from the one it was addressed to, or sent on to by a
    disposisi), with a note for skenario.md:

    - a lembar disposisi on a letter its maker did not receive: by the one who did; none (None) when that is
      its own addressee (the letter went straight to him: "tidak diperlukan");
    - a reply (to the author of the letter it cites) from someone the letter neither went nor was sent on to:
      from its addressee (the regulation sent the request to the Pimpinan Unit Kerja: he answers it)."""
    src = letters.get(step.get("rujukan") or 0)
    if src is None:
        return step, ""
    t = get_type(step["surat"])
    dari, kepada = parties.resolve(step["dari"]), parties.resolve(step["kepada"])
    if t["layout"] == "disposisi":
        if one(dari, src.kepada):
            return step, ""
        if one(kepada, src.kepada):
            return None, (f"(tidak diperlukan: surat {src.filename} ditujukan langsung kepada "
                          f"{src.kepada.jabatan}, tanpa disposisi)")
        return {**step, "dari": src.kepada.role}, f"(disposisi oleh penerima surat: {src.kepada.jabatan})"
    replies = t["layout"] in ("surat", "nota") and one(kepada, src.dari)
    if not replies or one(dari, src.kepada) or disposed(src, dari, letters) is not None:
        return step, ""
    cc = [r for r in step.get("tembusan") or [] if not one(parties.resolve(r), src.kepada)]
    return ({**step, "dari": src.kepada.role, "tembusan": cc},
            f"(dijawab oleh penerima surat permohonan: {src.kepada.jabatan})")


def disposed(src: Any, sender: Party, letters: Mapping[int, Any]) -> Any:
    """The lembar disposisi by which ``sender`` received ``src`` (an official, e.g. the pejabat yang berwenang,
    sent the letter addressed to him on to ``sender`` with an instruction), or None: the letter made after
    ``src`` in the disposisi layout, resting on ``src`` and going to ``sender``. A reply of ``sender`` answers
    that instruction (Permendagri 1/2023: a lembar disposisi carries no number of its own), see
    :func:`isian.cite`."""
    if src is None or not src.data.get("nomor"):
        return None
    found = [x for x in letters.values() if x.layout == "disposisi" and x.n > src.n
             and (x.data.get("rujukan_surat") or {}).get("nomor") == src.data["nomor"]
             and x.kepada.pejabat.get("nama") == sender.pejabat.get("nama")]
    return found[-1] if found else None

"""The form of each letter as the words of its step name it (Permendagri 1/2023 tells a surat tugas, a surat
perintah and a keputusan apart; the region's regulation says which one each step issues).

- :func:`assignment_form`: an assignment letter (``layout: perintah``) is the surat tugas or surat perintah its
  step names ("menerbitkan surat keputusan atau surat tugas": the surat tugas; "menugaskan" alone: what the next
  step receives, "menerima surat penugasan"), else its type's own.
- :func:`penetapan`: a proposal ("... mohon ... ditetapkan dalam {penetapan}") asks for what its own step names
  ("agar ... dapat ditetapkan dalam surat keputusan"), else for the assignment letter that rests on it.
- :func:`notes`: where the set parts from a step's words (a step naming only a keputusan; a proposal for a surat
  keputusan followed by a surat tugas its step allows), said in ``skenario.md``.

The steps' words are the regulation's where a step is matched, else the scenario's own (:mod:`steps`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rancang.generate.naskah import steps
from rancang.generate.naskah.catalogue import get_type

#: how a letter names an instrument of ``naskah_penetapan`` (data/letter_scenarios.yaml) by its kind
_WORDS = {"keputusan": "surat keputusan", "surat_tugas": "surat tugas", "surat_perintah": "surat perintah"}


def assignment_form(t: dict[str, Any], found: steps.Found) -> str | None:
    """The form of an assignment letter (a type of layout ``perintah``: ``surat_tugas`` or ``surat_perintah``) as
    its step's own words name it (the first of them where the step allows "surat keputusan atau surat tugas"; where
    they name none, as the procedure's next step names what is received: "menerima surat penugasan"), else the
    type's own; None for any other letter. Permendagri 1/2023: a surat tugas and a surat perintah are distinct
    naskah dinas, and the regulation's step says which one is issued."""
    if t["layout"] != "perintah" or t["kelas"] not in ("surat_tugas", "surat_perintah"):
        return None
    for named in (found.naskah, () if found.naskah else found.naskah_lanjut):
        kinds = [k for _, k in named if k in ("surat_tugas", "surat_perintah")]
        if kinds:
            return kinds[0]
    return str(t["kelas"])


def penetapan(scen: dict[str, Any], plan: steps.Plan) -> dict[int, str]:
    """Step number -> the instrument a letter asking for the assignment names ("... ditetapkan dalam {penetapan}"):
    the instrument(s) its own step's words name ("agar ... dapat ditetapkan dalam surat keputusan"), else the form
    of the assignment letter resting on it (its ``dasar``)."""
    forms: dict[int, str] = {}
    for step, found in zip(scen["langkah"], plan.steps, strict=True):
        form = assignment_form(get_type(step["surat"]), found) if step.get("surat") else None
        for k in step.get("dasar") or []:
            if form:
                forms.setdefault(int(k), _WORDS[form])
    out = {}
    for i, found in enumerate(plan.steps, 1):
        own = list(dict.fromkeys(words for words, _ in found.naskah))
        if own or i in forms:
            out[i] = " atau ".join(own) if own else forms[i]
    return out


def notes(scen: dict[str, Any], plan: steps.Plan, letters: Mapping[int, Any]) -> list[str]:
    """Lines of ``skenario.md`` where the set's forms part from the words of a step: an assignment letter whose
    step names no surat tugas or surat perintah (only a keputusan), and one that is not the instrument an earlier
    letter of the set asked for (the step allowing both)."""
    out = []
    for i, (step, found) in enumerate(zip(scen["langkah"], plan.steps, strict=True), 1):
        letter = letters.get(i)
        if letter is None or not letter.data.get("bentuk_naskah"):
            continue
        form = _WORDS[letter.data["bentuk_naskah"]]
        kinds = [k for _, k in found.naskah]
        if kinds and not any(k in ("surat_tugas", "surat_perintah") for k in kinds):
            out.append(f"{letter.filename}: {found.cite or 'langkah ' + str(i)} menyebut "
                       f"{' atau '.join(w for w, _ in found.naskah)}; naskah ini dibuat sebagai {form} karena jenis "
                       f"naskah keputusan Pimpinan Unit Organisasi belum tersedia: sesuaikan bentuknya")
        for k in step.get("dasar") or []:
            asked = letters.get(int(k))
            wanted = asked.data.get("penetapan") if asked else None
            if asked and wanted and form not in wanted:
                said = f" yang juga disebut {found.cite or 'langkahnya'}" if form in found.teks.lower() else ""
                out.append(f"{asked.filename} mengusulkan penetapan dalam {wanted} (sesuai klausulnya); "
                           f"{letter.filename} dibuat sebagai {form}{said}: bila Pimpinan Unit Organisasi "
                           f"menetapkannya dengan {wanted}, ganti naskah {letter.filename}")
    return out

"""Tables of a Lampiran read as the procedure or the kedudukan they print (a DOCX table, or a text table whose
cells are separated by tabs or pipes: :mod:`rancang.ingest.lampiran` keeps its rows).

A table of steps has a header naming its columns (``cues.json`` → ``tables.columns``: the activity "Kegiatan" /
"Uraian Kegiatan", the actor "Pelaksana" / "Pelaku", the output "Keluaran" / "Output" / "Dokumen"); each row after
it is one step: its words the activity cell, read as a clause with the actor cell as its subject ("Apabila
Pejabat Fungsional tidak tersedia, menyampaikan jawaban penolakan disertai alasan" by "Pimpinan Unit Kerja yang
dituju" is read "Apabila Pejabat Fungsional tidak tersedia, Pimpinan Unit Kerja yang dituju menyampaikan ..."), its
document the one its output cell names ("-": none).

A table of kedudukan has a header naming the position held ("Jabatan"), the superior ("Berkedudukan di bawah",
"Atasan Langsung") and, optionally, the role the superior acts as ("Pejabat Penilai Kinerja"): each row is read as
the sentence it stands for ("Pejabat Fungsional ahli madya berkedudukan di bawah Kepala Dinas sebagai Pejabat
Penilai Kinerja" where the last cell names the superior itself).
"""

from __future__ import annotations

import re
from typing import Any

_CONDITION = re.compile(r"^(?:apabila|jika|bila|dalam hal|manakala)\b[^,]{0,160},\s*", re.I)


def columns(header: list[str], kinds: dict[str, list[str]]) -> dict[str, int]:
    """Column kind -> index of the first header cell naming it (exact words, case-insensitive)."""
    out: dict[str, int] = {}
    for i, cell in enumerate(header):
        name = re.sub(r"\s+", " ", cell).strip(" .:").lower()
        for kind, words in kinds.items():
            if kind not in out and name in words:
                out[kind] = i
    return out


def _cell(row: list[str], i: int | None) -> str:
    return row[i].strip() if i is not None and i < len(row) else ""


def step_rows(rows: list[list[str]], cues: dict[str, Any]) -> list[tuple[str, str, str | None]]:
    """``(action, clause, output)`` per row of a table of steps: the activity cell as printed, the clause it is
    read as (the actor cell as subject), the output cell (None when the table has no output column); [] when the
    header does not name an activity and an actor column."""
    if not rows:
        return []
    col = columns(rows[0], cues["tables"]["columns"])
    if "activity" not in col or "actor" not in col:
        return []
    out = []
    for row in rows[1:]:
        action, actor = _cell(row, col["activity"]), _cell(row, col["actor"])
        if not action or not actor:
            continue
        cond = _CONDITION.match(action)
        rest = action[cond.end():] if cond else action
        clause = (cond.group(0) if cond else "") + actor + " " + rest[:1].lower() + rest[1:]
        out.append((action, clause, _cell(row, col.get("document")) if "document" in col else None))
    return out


def kedudukan_rows(rows: list[list[str]], cues: dict[str, Any]) -> list[str]:
    """The sentence each row of a table of kedudukan stands for; [] when the header names no position and
    superior column."""
    if not rows:
        return []
    col = columns(rows[0], cues["tables"]["columns"])
    if "position" not in col or "superior" not in col:
        return []
    out = []
    for row in rows[1:]:
        who, boss = _cell(row, col["position"]), _cell(row, col["superior"])
        if not who or not boss:
            continue
        acting = _cell(row, col.get("assessor"))
        header = _cell(rows[0], col.get("assessor"))
        tail = f" sebagai {header}" if acting and acting.lower() == boss.lower() else ""
        out.append(f"{who} berkedudukan di bawah {boss}{tail}.")
    return out

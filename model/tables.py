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
from functools import cache
from typing import Any

from rancang.model.pipeline import catalogue

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


@cache
def _opening(kind: str) -> re.Pattern[str]:
    """A cell that opens with a name of the catalogue's ``kind`` (roles, documents), longest names first."""
    names = sorted({p for e in catalogue(kind).values() for p in e.get("patterns", [])}, key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(n) for n in names) + r")\b")


def _share(rows: list[list[str]], i: int, test: Any) -> float:
    cells = [c for c in (_cell(r, i) for r in rows) if c]
    return sum(1 for c in cells if test(c)) / len(cells) if cells else 0.0


def infer_columns(rows: list[list[str]]) -> dict[str, int]:
    """The columns of a table of steps printed without its header row (or with one in words ``tables.columns``
    does not know, or lost by a PDF reader that ran its cells into one line): the actor column is the one whose
    cells mostly open with a role's name and stay short (up to 8 words); the activity column the longest of the
    others, its cells mostly holding a verb (me-/ber-/di-) and 4 words or more on average; the output column one
    whose cells mostly open with a document's name or are "-". {} when no actor or activity column is found."""
    width = max((len(r) for r in rows), default=0)
    role, doc = _opening("roles"), _opening("documents")
    actor = max(range(width), key=lambda i: _share(rows, i, lambda c: bool(role.match(c.lower()))
                                                                      and len(c.split()) <= 8), default=-1)
    if actor < 0 or _share(rows, actor, lambda c: bool(role.match(c.lower())) and len(c.split()) <= 8) < 0.5:
        return {}
    words = {i: sum(len(_cell(r, i).split()) for r in rows) / len(rows) for i in range(width) if i != actor}
    verbs = re.compile(r"\b(?:me|ber|di)[a-z]{3,}", re.I)
    acts = [i for i in sorted(words, key=lambda i: -words[i]) if words[i] >= 4 and _share(rows, i, verbs.search) >= .5]
    if not acts:
        return {}
    out = {"actor": actor, "activity": acts[0]}
    docs = [i for i in words if i not in out.values()
            and _share(rows, i, lambda c: c.strip(" -–") == "" or bool(doc.match(c.lower()))) >= .5]
    return out | ({"document": docs[0]} if docs else {})


def step_rows(rows: list[list[str]], cues: dict[str, Any]) -> list[tuple[str, str, str | None]]:
    """``(action, clause, output)`` per row of a table of steps: the activity cell as printed, the clause it is
    read as (the actor cell as subject), the output cell (None when the table has no output column); [] when
    neither the header (``tables.columns``) nor the cells (:func:`infer_columns`) show an activity and an actor
    column. Without a known header every row is read, and a row whose actor cell names no role is none."""
    if not rows:
        return []
    col, body = columns(rows[0], cues["tables"]["columns"]), rows[1:]
    if "activity" not in col or "actor" not in col:
        col, body = infer_columns(rows), rows
        if not col:
            return []
    out = []
    for row in body:
        action, actor = _cell(row, col["activity"]), _cell(row, col["actor"])
        if not action or not actor or body is rows and not _opening("roles").match(actor.lower()):
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

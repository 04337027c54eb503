"""Acts linked by amendment and repeal: what each stored act says it changes, and the status that follows.

An act declares the acts it changes in its own words (UU 12/2011 Lampiran II angka 221-235, 236-240):

* **ubah** — its title is "Perubahan [Kedua] atas <act>" or its instructions ("Ketentuan Pasal 3 diubah ...") carry
  amendment references (``Ref.kind == "amendment"``) naming ``<act>``;
* **cabut** — a clause says "<act> ... dicabut dan dinyatakan tidak berlaku".

The store keeps what an act declares (table ``acts_cited``, schema 3), not the link itself, so the link holds
whichever of the two acts was added first: a cited act is a stored regulation of the same jenis, nomor and tahun
and of the citing act's region (a Perbup amends a Perbup of its own kabupaten).
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from rancang.ingest.konsiderans import citation, citations_in
from rancang.parts import Citation
from rancang.tree import Regulation

#: what each act declares it changes (rows rebuilt with the act; deleted with it)
TABLE = """
CREATE TABLE IF NOT EXISTS acts_cited(
    reg TEXT NOT NULL REFERENCES regulations(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,                -- 'ubah' | 'cabut'
    jenis TEXT NOT NULL, nomor TEXT NOT NULL, tahun INTEGER NOT NULL,
    PRIMARY KEY (reg, kind, jenis, nomor, tahun)
);
"""
_AMENDING_TITLE = re.compile(r"^\s*perubahan\b", re.I)
_REPEAL = re.compile(r"\bdicabut\b", re.I)


def declared(reg: Regulation) -> list[tuple[str, Citation]]:
    """The acts ``reg`` amends ("ubah") or repeals ("cabut"), each once, in the order found: ``[(kind, citation)]``
    with jenis, nomor and tahun set."""
    out: list[tuple[str, Citation]] = []

    def take(kind: str, c: Citation | None) -> None:
        if c is not None and c.jenis and c.nomor and c.tahun and not any(
                k == kind and _key(x) == _key(c) for k, x in out):
            out.append((kind, c))

    if _AMENDING_TITLE.match(reg.meta.tentang or ""):
        take("ubah", citation(reg.meta.tentang or ""))
    for n in reg.walk():
        for ref in n.refs or []:
            if ref.kind == "amendment":
                take("ubah", ref.citation)
        if n.text and _REPEAL.search(n.text) and "tidak berlaku" in n.text.lower():
            for c, _, _ in citations_in(n.text):
                take("cabut", c)
    return out


def _key(c: Citation) -> tuple[str, str, int | None]:
    return (" ".join((c.jenis or "").lower().split()), str(c.nomor).lower(), c.tahun)


def record(con: sqlite3.Connection, rid: str, reg: Regulation) -> None:
    """Store what ``reg`` (stored as ``rid``) declares, replacing what was there (inside the caller's
    transaction)."""
    con.execute("DELETE FROM acts_cited WHERE reg=?", (rid,))
    con.executemany("INSERT OR IGNORE INTO acts_cited(reg, kind, jenis, nomor, tahun) VALUES (?,?,?,?,?)",
                    [(rid, kind, *_key(c)) for kind, c in declared(reg)])


def has_links(con: sqlite3.Connection) -> bool:
    """Does this corpus record declared links (schema 3)? A read-only corpus of schema 2 does not."""
    return con.execute("SELECT 1 FROM sqlite_master WHERE name='acts_cited'").fetchone() is not None


#: citing act (c) -> the stored act it cites (r): same jenis, nomor, tahun, and the citing act's region
_JOIN = """
SELECT a.reg AS citing, a.kind AS kind, r.id AS cited, c.tahun AS tahun, c.nomor AS nomor
FROM acts_cited a JOIN regulations c ON c.id = a.reg
JOIN regulations r ON lower(r.jenis) = a.jenis AND lower(r.nomor) = a.nomor AND r.tahun = a.tahun
     AND coalesce(lower(r.daerah), '') = coalesce(lower(c.daerah), '') AND r.id != a.reg
"""


def links(con: sqlite3.Connection, rid: str) -> dict[str, list[str]]:
    """The stored acts linked to ``rid`` (a stored id; ``Store.get_row`` resolves a region name):
    ``{"diubah_dengan": [...], "dicabut_dengan": [...], "mengubah": [...], "mencabut": [...]}``, ids; amending
    acts in the order they were enacted (tahun, then nomor)."""
    out: dict[str, list[str]] = {"diubah_dengan": [], "dicabut_dengan": [], "mengubah": [], "mencabut": []}
    if not has_links(con):
        return out
    rows = con.execute(f"SELECT * FROM ({_JOIN}) WHERE cited=? OR citing=?", (rid, rid)).fetchall()
    rows.sort(key=lambda r: (r[3] or 0, _number(r[4]), r[0]))
    for citing, kind, cited, _, _ in rows:
        if cited == rid:
            out["diubah_dengan" if kind == "ubah" else "dicabut_dengan"].append(citing)
        else:
            out["mengubah" if kind == "ubah" else "mencabut"].append(cited)
    return {k: list(dict.fromkeys(v)) for k, v in out.items()}


def _number(nomor: Any) -> tuple[int, str]:
    m = re.match(r"\d+", str(nomor or ""))
    return (int(m.group()) if m else 0, str(nomor or ""))


def status(linked: dict[str, list[str]]) -> str:
    """The status of an act in words: "berlaku", "diubah dengan X, Y" or "dicabut dengan Z" (a repeal wins)."""
    if linked["dicabut_dengan"]:
        return "dicabut dengan " + ", ".join(linked["dicabut_dengan"])
    if linked["diubah_dengan"]:
        return "berlaku, diubah dengan " + ", ".join(linked["diubah_dengan"])
    return "berlaku"

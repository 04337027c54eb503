"""One scenario, one story: the facts every letter of a set takes from the scenario's data, checked before writing.

A scenario's data is one record: the activity (``penugasan``), the persons with their units (``pegawai``), the sides
(``pihak.asal`` owns the performance target, ``pihak.tujuan`` is asked to lend its staff), the period of the task
(``penugasan.mulai`` .. ``penugasan.selesai``) and the first date. :func:`complete` derives every period sentence
the letters print (``durasi`` of the request and the approval, ``masa_kerja`` of the Keputusan, ``periode`` of the
reports) from the one period, so they cannot disagree; :func:`check` refuses a record whose own facts contradict
each other, naming both places (Permendagri 1/2023 on naskah dinas: a reply and an assignment rest on the letter
they answer; PermenPAN-RB 7/2022 Pasal 12-13: the employee lent is one of the unit asked).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from rancang.dates import MONTHS
from rancang.errors import InputError
from rancang.generate.naskah.fill import tanggal, text
from rancang.numbering import _cardinal

#: words of a team's or an activity's name that say nothing of its subject
_GENERIC = {"tim", "kerja", "dan", "untuk", "pada", "dalam", "di", "serta", "yang", "daerah", "kegiatan",
            "pelaksanaan", "penyelenggaraan", "pengembangan", "percepatan", "lingkungan", "pemerintah", "atau"}
#: keys of ``penugasan`` that are facts of the record, printed only through the sentences derived from them
RECORD_ONLY = ("mulai", "selesai", "laporan_sementara")
_MONTH = {m.lower(): i for i, m in enumerate(MONTHS, 1)}
#: the end of a period written in a sentence: "sampai dengan 31 Mei 2026" or "sampai dengan Mei 2026"
END = re.compile(r"sampai\s+dengan\s+(?:(\d{1,2})\s+)?(" + "|".join(MONTHS) + r")\s+(\d{4})", re.I)


def _date(task: dict[str, Any], key: str) -> dt.date | None:
    raw = text(task.get(key))
    return dt.date.fromisoformat(raw) if raw else None  # the schema has checked the calendar


def period(data: dict[str, Any]) -> tuple[dt.date, dt.date] | None:
    """The task's period (first day, last day) from ``penugasan.mulai``/``selesai``; None when not given."""
    task = data.get("penugasan") or {}
    start, end = _date(task, "mulai"), _date(task, "selesai")
    if start is None or end is None:
        return None
    return start, end


def months_between(start: dt.date, end: dt.date) -> int:
    """Calendar months the period spans, counting partial ones (1 Maret .. 31 Mei = 3).

    >>> months_between(dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    3
    """
    return (end.year - start.year) * 12 + end.month - start.month + 1


def span(start: dt.date, end: dt.date) -> str:
    """The months of a period as a letter names them: "April sampai dengan Juni 2026".

    >>> span(dt.date(2026, 11, 1), dt.date(2027, 1, 31))
    'November 2026 sampai dengan Januari 2027'
    """
    first = MONTHS[start.month - 1] + ("" if start.year == end.year else f" {start.year}")
    if (start.year, start.month) == (end.year, end.month):
        return f"{first} {end.year}"
    return f"{first} sampai dengan {MONTHS[end.month - 1]} {end.year}"


def complete(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with the period sentences derived from ``penugasan.mulai``/``selesai`` where the data gives the
    period as dates: ``periode`` ("April sampai dengan Juni 2026"), ``durasi`` ("3 (tiga) bulan, April sampai
    dengan Juni 2026") and ``masa_kerja`` ("terhitung mulai tanggal 1 April 2026 sampai dengan 30 Juni 2026").
    A sentence the data writes itself is kept (and checked by :func:`check`). Returns a new mapping."""
    p = period(data)
    if p is None:
        return data
    start, end = p
    task = dict(data["penugasan"])
    n = months_between(start, end)
    task.setdefault("periode", span(start, end))
    task.setdefault("durasi", f"{n} ({_cardinal(n).lower()}) bulan, {span(start, end)}")
    task.setdefault("masa_kerja", f"terhitung mulai tanggal {tanggal(start)} sampai dengan {tanggal(end)}")
    return {**data, "penugasan": task}


def ends(sentence: str) -> list[tuple[int, int, int | None]]:
    """The ends of the periods a sentence names, as (year, month, day or None).

    >>> ends("3 (tiga) bulan, Maret sampai dengan Mei 2026")
    [(2026, 5, None)]
    """
    return [(int(m[3]), _MONTH[m[2].lower()], int(m[1]) if m[1] else None) for m in END.finditer(sentence)]


def _where(key: str) -> str:
    return {"durasi": "durasi pelibatan yang dimohon dan disetujui (penugasan.durasi)",
            "masa_kerja": "masa kerja dalam Keputusan (penugasan.masa_kerja)",
            "periode": "periode laporan (penugasan.periode)",
            "selesai": "masa penugasan (penugasan.selesai)"}.get(key, f"penugasan.{key}")


def _check_periods(task: dict[str, Any], problems: list[str]) -> None:
    p = period({"penugasan": task})
    if p and p[1] < p[0]:
        problems.append(f"penugasan.selesai {tanggal(p[1])} mendahului penugasan.mulai {tanggal(p[0])}")
    stated = {k: ends(text(task.get(k))) for k in ("durasi", "masa_kerja", "periode") if task.get(k)}
    if p:
        stated = {"selesai": [(p[1].year, p[1].month, p[1].day)], **stated}
    keys = [k for k, v in stated.items() if v]
    for b in keys[1:]:  # each against the first: the period's last day, else the period requested
        a = keys[0]
        ya, ma, da = stated[a][-1]
        yb, mb, db = stated[b][-1]
        if (ya, ma) != (yb, mb) or (da and db and da != db):
            problems.append(f"{_where(b)} berakhir {_said(task, b)}, sedangkan {_where(a)} berakhir "
                            f"{_said(task, a)}")


def _said(task: dict[str, Any], key: str) -> str:
    if key == "selesai":
        return tanggal(task["selesai"])
    m = list(END.finditer(text(task[key])))[-1]
    return f"\"{m[0]}\""


def _words(name: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", name.lower()) if w not in _GENERIC and len(w) > 2}


def _check_activity(task: dict[str, Any], problems: list[str]) -> None:
    tim, kegiatan = text(task.get("nama_tim")), text(task.get("nama_kegiatan"))
    if tim and kegiatan and _words(tim) and not _words(tim) & _words(kegiatan):
        problems.append(f"nama tim \"{tim}\" (Keputusan/surat tugas tim) tidak menyebut kegiatan yang dilaporkan "
                        f"\"{kegiatan}\" (penugasan.nama_kegiatan, judul laporan): satu tim, satu kegiatan")


def lent(parties: Any) -> list[dict[str, Any]]:
    """The persons the side asked (``pihak.tujuan``) lends: those of its perangkat daerah (and its unit kerja when
    the side names one), in the order of the data."""
    gov, pd, unit = parties.side("tujuan")
    return [p for p in parties.people if p["_gov"] is gov and p["_pd"] is pd
            and (unit is None or p.get("unit_kerja") == unit["kode"])]


def _person_place(p: dict[str, Any]) -> str:
    return f"{text(p['nama'])} (pegawai pada {text(p['unit'])})"


def _check_units(scen: dict[str, Any], parties: Any, problems: list[str]) -> None:
    """Who lends whom: in a penunjukan across units the persons listed in the request to lend are of the unit
    asked; a team may add the owner's own staff, who are never asked for."""
    sides = scen.get("pihak") or []
    if "tujuan" not in sides:
        return
    gov, pd, unit = parties.side("tujuan")
    asked = f"{text(unit['nama']) + ', ' if unit else ''}{text(pd['nama'])}"
    if scen["prosedur"]["form"] == "pengajuan_sukarela":
        ogov, opd, _ = parties.side("asal")
        for p in parties.people:
            if p["_gov"] is not ogov or p["_pd"] is not opd:
                problems.append(f"pengajuan sukarela diajukan oleh pegawai unit asal {text(opd['nama'])} "
                                f"(pihak.asal), tetapi {_person_place(p)}")
        return
    lends = lent(parties)
    if not lends:
        problems.append(f"surat permohonan pelibatan ditujukan kepada {asked} (pihak.tujuan), tetapi tidak seorang "
                        f"pun pegawai yang dimohon berasal dari sana: "
                        + "; ".join(_person_place(p) for p in parties.people))
        return
    if scen.get("tim"):
        ogov, opd, _ = parties.side("asal")
        others = [p for p in parties.people if p not in lends and (p["_gov"] is not ogov or p["_pd"] is not opd)]
    else:
        others = [p for p in parties.people if p not in lends]
    for p in others:
        problems.append(f"surat permohonan pelibatan meminta {asked} (pihak.tujuan) meminjamkan pegawainya, "
                        f"tetapi {_person_place(p)}")


def check(name: str, scen: dict[str, Any], data: dict[str, Any], parties: Any) -> None:
    """Refuse a record whose facts contradict each other (period, units, activity, dates): one InputError listing
    each contradiction with both places named. ``data`` is the completed record (:func:`complete`)."""
    task = data.get("penugasan") or {}
    problems: list[str] = []
    _check_periods(task, problems)
    _check_activity(task, problems)
    _check_units(scen, parties, problems)
    p = period(data)
    start = text(data.get("tanggal_mulai"))
    if p and start and dt.date.fromisoformat(start) > p[1]:
        problems.append(f"surat pertama bertanggal {tanggal(start)} (tanggal_mulai), sesudah masa penugasan "
                        f"berakhir {tanggal(p[1])} (penugasan.selesai)")
    if problems:
        raise InputError(f"data skenario '{name}' bertentangan dengan dirinya sendiri: " + "; ".join(problems) + ".")

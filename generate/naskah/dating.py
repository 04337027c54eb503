"""The dates of a scenario's letters: working days from the first, a report on or after the period it accounts for
(or said to be interim), a Keputusan dated by the kepala daerah when he sets it (the data's date, else a blank)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rancang.errors import InputError
from rancang.generate.naskah import record
from rancang.generate.naskah.fill import tanggal, text


def workdays_after(day: dt.date, n: int) -> dt.date:
    """The ``n``-th working day (Monday to Friday) after ``day``; ``n == 0`` moves a weekend day to Monday.

    >>> workdays_after(dt.date(2026, 3, 6), 1)  # a Friday
    datetime.date(2026, 3, 9)
    >>> workdays_after(dt.date(2026, 3, 7), 0)
    datetime.date(2026, 3, 9)
    """
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    for _ in range(n):
        day += dt.timedelta(days=1)
        while day.weekday() >= 5:
            day += dt.timedelta(days=1)
    return day


def start(data: dict[str, Any]) -> dt.date:
    raw = text(data.get("tanggal_mulai"))
    try:
        return dt.date.fromisoformat(raw)
    except ValueError as exc:
        raise InputError(f"tanggal_mulai '{raw}' harus berformat TTTT-BB-HH, mis. 2026-03-02.") from exc


def report_day(t: dict[str, Any], data: dict[str, Any], day: dt.date) -> dt.date:
    """A report accounts for the whole period: dated on or after its last day (the next working day when that is
    a weekend), unless the data says the reports are interim (``penugasan.laporan_sementara``)."""
    p = record.period(data)
    if t["kelas"] != "laporan" or p is None or (data.get("penugasan") or {}).get("laporan_sementara"):
        return day
    return max(day, workdays_after(p[1], 0))


def interim(t: dict[str, Any], data: dict[str, Any], fields: dict[str, Any], day: dt.date) -> None:
    """An interim report says so in its period: "... (laporan sementara per tanggal 1 April 2026)"."""
    if t["kelas"] == "laporan" and (data.get("penugasan") or {}).get("laporan_sementara") and fields.get("periode"):
        fields["periode"] = f"{fields['periode']} (laporan sementara per tanggal {tanggal(day)})"


def keputusan(t: dict[str, Any], data: dict[str, Any], fields: dict[str, Any], day: dt.date,
              blanks: list[str]) -> dt.date:
    """The date of a Keputusan (``t``) and of the letters after it: a Keputusan is dated when the kepala daerah
    sets it, so its ``tanggal`` is the data's ``tanggal_keputusan`` (the schedule goes on from it) or left out of
    ``fields`` ("pada tanggal ....", added to ``blanks``) with ``day`` the planned one; other letters: ``day``."""
    if t["kelas"] != "keputusan":
        return day
    fields.pop("tanggal", None)
    if not data.get("tanggal_keputusan"):
        blanks.append(f"tanggal penetapan {t['judul']} (\"pada tanggal ....\"): diisi saat kepala daerah "
                      f"menetapkannya (atau tanggal_keputusan dalam data)")
        return day
    set_on = dt.date.fromisoformat(data["tanggal_keputusan"])
    fields["tanggal"] = set_on.isoformat()
    return set_on

"""Values into words: the text helpers every naskah dinas layout uses.

User values only ever reach a letter through :func:`text` (one line of XML-safe text, never a Python repr),
:func:`fill` (a sentence of the type catalogue with ``{field}`` placeholders; a list joins as "x, y, dan z") and
:func:`tanggal` (an ISO date or a written one, as "2 Maret 2026"). docxtpl escapes what they return.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Mapping
from typing import Any

from rancang.dates import MONTHS
from rancang.errors import InputError
from rancang.numbering import huruf as _huruf
from rancang.textsafe import XML_INVALID

_SPACES = re.compile(r"[ \t\r\n]+")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def text(value: Any) -> str:
    """One line of printable text for the document (characters XML cannot carry become spaces: loaders refuse
    them in user data, this is the last guard for every other value).

    >>> text("Ani\\x0b & <Budi>\\n ")
    'Ani & <Budi>'
    >>> text(None)
    ''
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, dict | list | tuple | set):
        raise InputError(f"nilai {_kind(value)} tidak dapat dicetak sebagai satu teks.")
    return _SPACES.sub(" ", XML_INVALID.sub(" ", str(value))).strip()


def _kind(value: Any) -> str:
    return "daftar" if isinstance(value, list | tuple | set) else "pemetaan"


def join(items: list[Any], conj: str = "dan") -> str:
    """Items as Indonesian prose.

    >>> join(["a", "b", "c"])
    'a, b, dan c'
    >>> join(["a", "b"], "atau")
    'a atau b'
    """
    xs = [text(x).rstrip(";.") for x in items if text(x)]
    if len(xs) <= 2:
        return f" {conj} ".join(xs)
    return ", ".join(xs[:-1]) + f", {conj} " + xs[-1]


def tanggal(value: Any) -> str:
    """An ISO date ("2026-03-02") or a date object as "2 Maret 2026"; any other text is kept as written.

    >>> tanggal("2026-03-02")
    '2 Maret 2026'
    >>> tanggal("awal Maret 2026")
    'awal Maret 2026'
    """
    if isinstance(value, dt.date):
        return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
    s = text(value)
    if _ISO.match(s):
        try:
            return tanggal(dt.date.fromisoformat(s))
        except ValueError as exc:
            raise InputError(f"tanggal '{s}' tidak ada dalam kalender.") from exc
    return s


def _nip_digits(s: str) -> str:
    return re.sub(r"[ .]", "", s)


def nip(value: Any) -> str:
    """An NIP of a civil servant as printed: its 18 digits in the four groups of its structure (date of birth,
    year and month of appointment, sex, serial number: Peraturan Kepala BKN Nomor 22 Tahun 2007), e.g.
    "19820304 200801 1 004"; a blank ("....") is kept as written (:func:`nip_problem` refuses anything else).

    >>> nip("198203042008011004")
    '19820304 200801 1 004'
    >>> nip("19660801.198803.1.001")
    '19660801 198803 1 001'
    """
    s = text(value)
    digits = _nip_digits(s)
    if len(digits) != 18 or not digits.isdigit():
        return s
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


def nip_problem(value: Any) -> str | None:
    """What is wrong with ``value`` as an NIP, as the end of an Indonesian sentence, else None (a blank of dots
    to fill in, "....", is no NIP yet and passes). The structure is Peraturan Kepala BKN Nomor 22 Tahun 2007
    tentang Nomor Identitas PNS: 18 digits, the first 8 the date of birth (yyyymmdd), the next 6 the year and month
    of the first appointment as CPNS (yyyymm), 1 digit for sex (1 pria, 2 wanita), 3 digits the serial number.
    Spaces and dots between the groups ("19660801.198803.1.001", the Peraturan's own example) are allowed.

    >>> nip_problem("19820304 200801 1 004") is None
    True
    >>> nip_problem("198202302008011004")
    'delapan angka pertamanya (tanggal lahir, tahun-bulan-tanggal) 19820230 bukan tanggal yang ada'
    """
    s = text(value)
    if not s.strip(". "):
        return None
    digits = _nip_digits(s)
    if len(digits) != 18 or not digits.isdigit():
        return f"NIP terdiri atas 18 angka, sedangkan '{s}' berisi {sum(c.isdigit() for c in s)} angka" + (
            "" if digits.isdigit() else " dan tanda lain")
    try:
        born = dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return f"delapan angka pertamanya (tanggal lahir, tahun-bulan-tanggal) {digits[:8]} bukan tanggal yang ada"
    year, month = int(digits[8:12]), int(digits[12:14])
    if not 1 <= month <= 12:
        return f"angka ke-9 sampai ke-14 (tahun dan bulan pengangkatan pertama) {digits[8:14]} bukan bulan yang ada"
    if (year, month) <= (born.year, born.month):
        return (f"tahun dan bulan pengangkatan pertamanya {digits[8:14]} tidak sesudah tanggal lahirnya "
                f"{digits[:8]}")
    if digits[14] not in "12":
        return f"angka ke-15 (jenis kelamin) harus 1 (pria) atau 2 (wanita), bukan {digits[14]}"
    return None


def check_nips(tree: Any, where: str, path: str = "") -> None:
    """Raise InputError for the first ``nip`` field of ``tree`` (a letter's or a scenario's data) that is no NIP
    (:func:`nip_problem`), one sentence naming the field and the person: "NIP pada pegawai[2].nip (Rudi Hartanto)
    tidak sah: ..." (lists counted from 1). ``where`` names the data ("data skenario 'x'")."""
    if isinstance(tree, dict):
        for k, v in tree.items():
            field = f"{path}.{k}" if path else str(k)
            if k == "nip" and (problem := nip_problem(v)):
                who = f" ({text(tree.get('nama'))})" if tree.get("nama") else ""
                raise InputError(f"{where}: NIP pada {field}{who} tidak sah: {problem} (Peraturan Kepala BKN Nomor "
                                 f"22 Tahun 2007).")
            check_nips(v, where, field)
    elif isinstance(tree, list):
        for i, v in enumerate(tree, 1):
            check_nips(v, where, f"{path}[{i}]")


def huruf(i: int) -> str:
    """The i-th letter label (1 -> "a.") of items and considerations."""
    return f"{_huruf(i)}."


class _Fill(string.Formatter):
    """str.format over nested mappings with dotted names; lists join as prose; nothing is ever evaluated."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data
        self.missing: list[str] = []

    def get_field(self, field_name: str, args: Any, kwargs: Any) -> tuple[Any, str]:
        value: Any = self.data
        for part in field_name.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if value in (None, "", [], {}):
            self.missing.append(field_name)
            return "", field_name
        return value, field_name

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, list):
            return join(value)
        if isinstance(value, dict):
            if {"nomor", "hal", "jenis"} & value.keys():
                return rujukan(value)
            if "nama" in value:
                return text(value["nama"])
            if "teks" in value:
                return text(value["teks"])
            raise InputError("isian berbentuk pemetaan tidak dapat disisipkan ke dalam kalimat surat.")
        return text(value)


def placeholders(template: str) -> list[str]:
    """The fields a catalogue sentence uses, in order (dotted names keep their first part).

    >>> placeholders("Menindaklanjuti {rujukan}, {pemohon.nama} selama {durasi}.")
    ['rujukan', 'pemohon', 'durasi']
    """
    out = []
    for _, name, _, _ in string.Formatter().parse(template):
        if name:
            base = name.split(".", 1)[0]
            if base not in out:
                out.append(base)
    return out


def fill(template: str, data: Mapping[str, Any], missing: list[str] | None = None) -> str:
    """A catalogue sentence with the data's values; raises InputError naming every missing field, or, given a
    ``missing`` list, adds their names to it and leaves them blank."""
    f = _Fill(data)
    out = f.format(template)
    if f.missing and missing is not None:
        missing += [m for m in f.missing if m not in missing]
    elif f.missing:
        raise InputError(f"isian {', '.join(f.missing)} diperlukan oleh kalimat surat tetapi tidak ada dalam data.")
    return text(out)


def rujukan(ref: Any) -> str:
    """The letter a reply answers, cited by its kind, sender, number, date and subject (N6).

    >>> rujukan({"jenis": "Nota Dinas", "dari": "Kepala Bidang Statistik", "nomor": "800.1.3/0001/STATISTIK/2026",
    ...          "tanggal": "2026-03-02", "hal": "Permohonan Pelibatan"})
    'Nota Dinas Kepala Bidang Statistik Nomor 800.1.3/0001/STATISTIK/2026 tanggal 2 Maret 2026 hal Permohonan Pelibatan'

    A letter received through a lembar disposisi (``disposisi``: the official who sent it on; a disposisi has no
    number to cite) is cited as that instruction on the letter:

    >>> rujukan({"disposisi": "Bupati Sleman", "jenis": "surat", "dari": "Kepala Dinas Kesehatan", "nomor": "1/2026",
    ...          "tanggal": "2026-03-02"})
    'disposisi Bupati Sleman atas surat Kepala Dinas Kesehatan Nomor 1/2026 tanggal 2 Maret 2026'
    """
    if not isinstance(ref, dict):
        return text(ref)
    subject = ("tentang", "tentang") if ref.get("tentang") else ("hal", "hal")
    parts = [(ref.get("disposisi"), "disposisi {} atas"),
             (ref.get("jenis") or "surat", "{}"), (ref.get("dari"), "{}"), (ref.get("nomor"), "Nomor {}"),
             (ref.get("tanggal") and tanggal(ref["tanggal"]), "tanggal {}"),
             (ref.get(subject[0]), subject[1] + " {}")]
    return " ".join(form.format(text(value)) for value, form in parts if value)

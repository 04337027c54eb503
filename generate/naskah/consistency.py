"""One set, one story, read back from the letters themselves: what a bureau checks across a procedure's set.

:func:`check_set` reads each letter's text (its own number and date, the letters it cites by number and date, the
ends of the periods it names, the activity a report accounts for) and refuses a set that contradicts itself:

- dates in the order of the procedure (request < answer < assignment <= report), and a letter cited by number
  dated as the letter of that number is dated (Permendagri 1/2023: a reply cites the number and date of the letter
  it answers);
- a reply (``Menindaklanjuti ...``, a ``Hal`` of Jawaban/Persetujuan/Balasan) cites the letter it answers with its
  number and date; a reply to an instruction received on a letter (``Menindaklanjuti disposisi Bupati ... atas
  surat ... Nomor ... tanggal ...``: a lembar disposisi has no number of its own) cites that letter so, and is
  dated on or after the lembar disposisi of the set resting on it;
- one period: every letter naming the end of the task's period names the same end; a report is dated on or after
  it unless it says it is an interim report (``sementara``);
- one activity: the activity a report accounts for (its ``TENTANG``) is named in another letter of the set;
- what a letter sends with it: a body saying "sebagai lampiran surat ini" / "terlampir" has a Lampiran line that
  counts it, not "-".

It runs on every scenario set before writing and as ``rancang letter --check FOLDER`` on written letters.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from rancang.dates import MONTHS
from rancang.errors import InputError
from rancang.generate.naskah.fill import tanggal
from rancang.generate.naskah.record import END, ends

_MONTH = {m.lower(): i for i, m in enumerate(MONTHS, 1)}
_DATE = r"(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})"
#: "Sleman, 2 Maret 2026" (the place and date of a letter), "pada tanggal 16 Maret 2026" (of a Keputusan or a
#: surat perintah) or "Tanggal : 2 Maret 2026" (of a nota dinas)
_OWN_DATE = re.compile(r"^(?:[A-Z][\w .'-]*,\s*|pada tanggal\s+|Tanggal\s*:\s*)" + _DATE + r"$", re.I)
#: a letter's own number, and a number cited: "800.1.3/0121/DISKOMINFO/2026", "12 Tahun 2026", ".... Tahun 2026"
_OWN_NUMBER = re.compile(r"^(?:Nomor\s*:\s*|NOMOR\s+)(\S+(?:\s+TAHUN\s+\d{4})?)$", re.I)
#: a cited letter: by its number and date, or (a surat pribadi, which has no number) by its author and date: "surat
#: Saudara tanggal ...", "Surat Rudi Hartanto, S.T., ... tanggal ..."
_CITED = re.compile(r"(?:Nomor\s+(\S+?(?:\s+Tahun\s+\d{4})?)|Saudara|\b[Ss]urat\s(?:(?!\bNomor\b)[^\n])*?)"
                    r"\s+tanggal\s+" + _DATE, re.I)
#: the words of a sentence that states the period of the task (durasi, selama, periode, masa kerja of a Keputusan)
_PERIOD_CUE = re.compile(r"\b(?:durasi|selama|periode|terhitung mulai|masa (?:kerja|penugasan)"
                         r"|melaksanakan tugas sampai)\b", re.I)
#: "disposisi Bupati Sleman atas surat Kepala Dinas ... Nomor 800/1/DINKES/2026 tanggal ...": the letter a reply
#: received through a lembar disposisi
_DISPOSED = re.compile(r"\bdisposisi\s(?:(?!\bNomor\b)[^\n])*?\satas\s(?:(?!\bNomor\b)[^\n])*?"
                       r"Nomor\s+(\S+?(?:\s+Tahun\s+\d{4})?)\s+tanggal\s", re.I)
_REPLY_HAL = re.compile(r"^Hal\s*:\s*(Jawaban|Persetujuan|Balasan)\b", re.I)
#: a body that sends something with the letter: "... kami sampaikan sebagai lampiran surat ini", "terlampir"
_ENCLOSES = re.compile(r"\b(?:sebagai lampiran|terlampir|kami lampirkan|bersama ini (?:kami|saya) lampirkan)\b", re.I)
#: the Lampiran line of a letter's head (surat dinas "Lampiran : -", nota dinas), "-" when nothing is sent with it
_LAMPIRAN = re.compile(r"^Lampiran\s*:\s*(.*)$", re.I)


@dataclass
class Facts:
    """What one letter says about itself and the set: file name, kind, own number and date, cited letters
    (number, date), period ends (year, month, day or None) and the activity a report accounts for."""

    name: str
    kind: str
    nomor: str = ""
    date: dt.date | None = None
    cited: list[tuple[str, dt.date]] = field(default_factory=list)
    ends: list[tuple[tuple[int, int, int | None], str]] = field(default_factory=list)
    tentang: str = ""
    interim: bool = False
    reply: bool = False
    text: str = ""
    #: numbers of the letters a reply cites as received through a disposisi ("disposisi ... atas surat ... Nomor N")
    disposed: list[str] = field(default_factory=list)
    #: the Lampiran line ("-" : nothing sent with it; None: the letter has no such line) and the body's words
    #: sending an attachment ("" when it sends none)
    lampiran: str | None = None
    encloses: str = ""


def _date(m: re.Match[str] | tuple[str, ...], at: int = 1) -> dt.date | None:
    g = m if isinstance(m, tuple) else m.groups()
    try:
        return dt.date(int(g[at + 1]), _MONTH[g[at].lower()], int(g[at - 1]))
    except ValueError:
        return None


def lines(content: bytes) -> list[str]:
    """Every non-empty paragraph of a DOCX body in reading order, table cells included (python-docx)."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out: list[str] = []

    def walk(parent: object) -> None:
        for child in parent.iter_inner_content():  # type: ignore[attr-defined]
            if isinstance(child, Paragraph):
                if child.text.strip():
                    out.append(" ".join(child.text.split()))
            elif isinstance(child, Table):
                for row in child.rows:
                    seen: set[int] = set()
                    for cell in row.cells:
                        if id(cell._tc) not in seen:
                            seen.add(id(cell._tc))
                            walk(cell)

    try:
        walk(docx.Document(io.BytesIO(content)))
    except Exception as exc:  # a damaged or foreign file: the user's input
        raise InputError(f"berkas bukan DOCX naskah dinas yang dapat dibaca ({type(exc).__name__}).") from exc
    return out


def _kind(ls: list[str]) -> str:
    head = " ".join(x for x in ls[:8] if x.isupper())  # the title of the naskah, never its Hal
    for word, kind in (("LEMBAR DISPOSISI", "disposisi"), ("LAPORAN", "laporan"), ("KEPUTUSAN", "keputusan"),
                       ("SURAT PERINTAH", "perintah"), ("SURAT TUGAS", "perintah")):
        if word in head:
            return kind
    return "surat"


def facts(name: str, content: bytes) -> Facts:
    """The :class:`Facts` of the letter ``name`` (DOCX bytes)."""
    try:
        ls = lines(content)
    except InputError as exc:
        raise InputError(f"{name}: {exc.message}") from exc
    f = Facts(name, _kind(ls), text="\n".join(ls))
    for i, line in enumerate(ls):
        if not f.nomor and (m := _OWN_NUMBER.match(line)):
            f.nomor = m[1].upper()
        if f.date is None and (m := _OWN_DATE.match(line)):
            f.date = _date(m)
        if f.kind == "disposisi" and line == "Diterima Tanggal" and (m := re.fullmatch(_DATE, _after(ls, line))):
            f.date = _date(m)
        if f.kind == "laporan" and line == "TENTANG" and i + 1 < len(ls) and not f.tentang:
            f.tentang = ls[i + 1]
        if _REPLY_HAL.match(line) or line.startswith("Menindaklanjuti"):
            f.reply = True
        if f.lampiran is None and (m := _LAMPIRAN.match(line)):
            f.lampiran = m[1].strip(" :\t") or _after(ls, "Lampiran")
        if not f.encloses and (m := _ENCLOSES.search(line)):
            f.encloses = m[0]
    if f.kind == "disposisi":
        f.nomor = ""
        number, when = _after(ls, "Nomor Surat"), _after(ls, "Tanggal Surat")
        if number and (m := re.fullmatch(_DATE, when)) and (d := _date(m)):
            f.cited.append((number.upper(), d))
    for m in _CITED.finditer(f.text):
        d = _date(m, 2)
        if d:
            f.cited.append(((m[1] or "").rstrip(",").upper(), d))
    for line in ls:
        if _PERIOD_CUE.search(line):  # a sentence about the task's period, not any date range a task names
            f.ends += [(e, line) for e in ends(line)]
    if f.kind != "disposisi":
        f.disposed = [m[1].rstrip(",").upper() for m in _DISPOSED.finditer(f.text)]
    f.interim = f.kind == "laporan" and "sementara" in f.text.lower()
    return f


def _after(ls: list[str], label: str) -> str:
    if label not in ls:
        return ""
    i = ls.index(label)
    return next((x for x in ls[i + 1:i + 3] if x != ":"), "")


def _last_day(end: tuple[int, int, int | None]) -> dt.date:
    y, m, d = end
    return dt.date(y, m, d or calendar.monthrange(y, m)[1])


def _check_dates(fs: list[Facts], problems: list[str]) -> None:
    dated = [f for f in fs if f.date]
    for prev, f in zip(dated, dated[1:], strict=False):
        if f.date and prev.date and f.date < prev.date:
            problems.append(f"{f.name} bertanggal {tanggal(f.date)}, mendahului {prev.name} bertanggal "
                            f"{tanggal(prev.date)} yang lebih dahulu dalam urutan prosedur")
    by_number = {f.nomor: f for f in fs if f.nomor}
    for f in fs:
        for nomor, when in f.cited:
            src = by_number.get(nomor) if nomor else _unnumbered(fs, f, when)
            if src is None or src is f:
                continue
            if src.date and src.date != when:
                problems.append(f"{f.name} mengutip nomor {nomor} tanggal {tanggal(when)}, sedangkan {src.name} "
                                f"bernomor itu bertanggal {tanggal(src.date)}")
            if f.date and src.date and (f.date < src.date or (f.date == src.date and f.kind == "surat")):
                problems.append(f"{f.name} bertanggal {tanggal(f.date)} menjawab atau merujuk {src.name} yang "
                                f"bertanggal {tanggal(src.date)}: naskah yang merujuk harus lebih kemudian")
        if f.reply and not f.cited:
            problems.append(f"{f.name} adalah balasan atau tindak lanjut, tetapi tidak menyebut nomor dan tanggal "
                            f"surat yang dijawabnya")
        _check_disposed(fs, f, problems)


def _check_disposed(fs: list[Facts], f: Facts, problems: list[str]) -> None:
    """A reply following up a disposisi on a letter is dated on or after the set's lembar disposisi on that letter
    (a set without one, e.g. a folder the disposisi was not put in, is not faulted)."""
    for nomor in f.disposed:
        held = [g for g in fs if g.kind == "disposisi" and g.date and any(n == nomor for n, _ in g.cited)]
        if f.date and held and all(g.date and g.date > f.date for g in held):
            g = held[0]
            problems.append(f"{f.name} bertanggal {tanggal(f.date)} menindaklanjuti disposisi atas surat nomor "
                            f"{nomor}, sedangkan {g.name} (lembar disposisi atas surat itu) bertanggal "
                            f"{tanggal(g.date) if g.date else ''}: tindak lanjut harus lebih kemudian")


def _unnumbered(fs: list[Facts], f: Facts, when: dt.date) -> Facts | None:
    """The letter without a number (a surat pribadi) cited by date alone ("surat Saudara tanggal ..."): the last
    such letter before ``f`` in the set."""
    before = [g for g in fs[:fs.index(f)] if not g.nomor and g.date and g.kind == "surat"]
    return before[-1] if before else None


def _check_period(fs: list[Facts], problems: list[str]) -> None:
    stated = [(f, e, line) for f in fs for e, line in f.ends]
    if not stated:
        return
    first, e0, line0 = stated[0]
    for f, e, line in stated[1:]:
        if e[:2] != e0[:2] or (e[2] and e0[2] and e[2] != e0[2]):
            problems.append(f"{f.name} menyebut masa penugasan berakhir \"{_quote(line)}\", sedangkan {first.name} "
                            f"menyebut \"{_quote(line0)}\"")
            return
    end = max((_last_day(e) for _, e, _ in stated if e[:2] == e0[:2]), default=None)
    for f in fs:
        if f.kind == "laporan" and f.date and end and f.date < end and not f.interim:
            problems.append(f"{f.name} (laporan) bertanggal {tanggal(f.date)}, sebelum masa penugasan berakhir "
                            f"{tanggal(end)} menurut {first.name}, dan tidak menyatakan dirinya laporan sementara")


def _quote(line: str) -> str:
    """The words of ``line`` that name the period's end, with up to 60 characters before them."""
    m = list(END.finditer(line))[-1]
    start = max(0, m.start() - 60)
    return ("..." if start else "") + line[start:m.end()]


def _check_activity(fs: list[Facts], problems: list[str]) -> None:
    for f in fs:
        if not f.tentang:
            continue
        named = [g for g in fs if g is not f and g.kind != "laporan" and f.tentang.lower() in g.text.lower()]
        others = [g for g in fs if g is not f and g.kind != "laporan"]
        if others and not named:
            problems.append(f"{f.name} melaporkan \"{f.tentang}\", tetapi tidak satu pun naskah lain dalam set "
                            f"({', '.join(g.name for g in others)}) menyebut kegiatan itu")


def _check_enclosures(fs: list[Facts], problems: list[str]) -> None:
    """A letter whose body sends something with it ("... sebagai lampiran surat ini") counts it on its Lampiran
    line (Permendagri 1/2023: the Lampiran of a naskah dinas states how many are attached), never "-"."""
    for f in fs:
        if f.encloses and f.lampiran is not None and f.lampiran.strip() in ("", "-"):
            problems.append(f"{f.name} menyatakan \"{f.encloses}\" dalam isinya, tetapi bagian Lampiran-nya "
                            f"berisi \"-\"")


def problems_of(letters: list[tuple[str, bytes]]) -> list[str]:
    """The contradictions of a set of letters (file name, DOCX bytes) in the order of the procedure, as Indonesian
    sentences naming both places; empty when the set tells one story."""
    fs = [facts(name, content) for name, content in letters]
    out: list[str] = []
    _check_dates(fs, out)
    _check_period(fs, out)
    _check_activity(fs, out)
    _check_enclosures(fs, out)
    return out


def check_set(letters: list[tuple[str, bytes]]) -> None:
    """Raise InputError listing every contradiction of the set (see :func:`problems_of`)."""
    found = problems_of(letters)
    if found:
        raise InputError("naskah dalam satu set saling bertentangan: " + "; ".join(found) + ".")


def check_folder(folder: Path) -> int:
    """Check the letters (``*.docx``, in file-name order) of ``folder``; returns how many were read. Raises
    InputError for a folder without letters or a set that contradicts itself."""
    if not folder.is_dir():
        raise InputError(f"folder '{folder}' tidak ditemukan.")
    files = sorted(p for p in folder.glob("*.docx") if not p.name.startswith("~$"))
    if not files:
        raise InputError(f"folder '{folder}' tidak berisi naskah DOCX.")
    letters = []
    for p in files:
        try:
            letters.append((p.name, p.read_bytes()))
        except OSError as exc:
            raise InputError(f"berkas '{p.name}' tidak dapat dibaca: {exc.strerror}.") from exc
    try:
        check_set(letters)
    except InputError as exc:
        raise InputError(f"{folder}: {exc.message}") from exc
    return len(files)

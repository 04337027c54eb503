"""Letter data into the context of its DOCX template (``naskah/templates/<layout>.docx``).

The templates hold the layout (kop and its rule line, the aligned Nomor/Sifat/Lampiran/Hal, "Yth.", hanging
indents, tables, the signature block that never splits, Tembusan); this module only decides the words that go in
each place: every value passes through :mod:`fill` (plain text, never a Python value) and docxtpl escapes it.
"""

from __future__ import annotations

import re
from typing import Any

from rancang import numbering
from rancang.generate.naskah.fill import fill, huruf, join, nip, rujukan, tanggal, text
from rancang.generate.naskah.letter_data import LetterData
from rancang.numbering import ordinal

Ctx = dict[str, Any]
#: the title of an assignment letter by its form (``bentuk_naskah``)
FORM_TITLES = {"surat_tugas": "SURAT TUGAS", "surat_perintah": "SURAT PERINTAH"}
#: last column of a people table: data key -> header
_KET = {"unit": "Unit Kerja", "peran": "Kedudukan dalam Tim", "hasil": "Hasil Kerja", "unsur": "Unsur"}


def kop_jabatan(d: LetterData) -> Ctx | None:
    """The kop surat jabatan of the kepala daerah (Lambang Negara over his office, UU 24/2009 Pasal 54 ayat (1)
    huruf i): its lines, and the lambang path resolved by the renderer ("" -> a box to paste it in)."""
    k = d.get("kop_jabatan")
    if not k:
        return None
    return {"baris": [text(x).upper() for x in k.get("baris") or []], "lambang": k.get("lambang") or ""}


def kop(d: LetterData) -> Ctx | None:
    """The letterhead: government, perangkat daerah, address; the lambang path is resolved by the renderer."""
    ins = d.get("instansi")
    if not ins or d.get("kop_jabatan"):
        return None
    return {"pemerintah": text(ins.get("pemerintah")).upper(), "nama": text(ins.get("nama")).upper(),
            "alamat": text(ins.get("alamat")), "lambang": ins.get("lambang") or ""}


_MARKS = re.compile(r"^((?:a\.n\.|u\.b\.|Pj\.|Plt\.|Plh\.)\s+)*", re.IGNORECASE)


def caps(line: str) -> str:
    """A signature line in capitals as a Keputusan prints it, its marks as written: "Pj. WALI KOTA SALATIGA,",
    "a.n. BUPATI SLEMAN," -- the marks are abbreviations, not words of the office, and the region's draft Perbup
    writes its signer "Pj. ..." the same way (before, the Keputusan printed "PJ. WALI KOTA ...").

    >>> caps("Pj. Wali Kota Salatiga,"), caps("a.n. Bupati Sleman"), caps("Sekretaris Daerah,")
    ('Pj. WALI KOTA SALATIGA,', 'a.n. BUPATI SLEMAN', 'SEKRETARIS DAERAH,')
    """
    marks = _MARKS.match(line)
    head = marks.group(0) if marks else ""
    return head + line[len(head):].upper()


def ttd(d: LetterData, *, upper: bool = False, opening: str | None = None,
        ditetapkan: tuple[str, str] | None = None) -> Ctx:
    """The signature block: "a.n." line, office (with Plt./Plh./Pj.), name, pangkat/golongan, NIP."""
    s = d["penandatangan"]
    office = text(s.get("jabatan"))
    if s.get("status"):
        office = f"{text(s['status'])} {office}"
    lines = []
    if opening:
        lines.append(opening)
    if s.get("atas_nama"):
        lines.append(f"a.n. {text(s['atas_nama'])}")
    lines.append(f"{office},")
    nama = text(s.get("nama"))
    return {"jabatan": [caps(x) if upper else x for x in lines], "nama": nama.upper() if upper else nama,
            "pangkat": text(s.get("pangkat")), "nip": nip(s.get("nip")),
            "ditetapkan": list(ditetapkan) if ditetapkan else None}


def people(value: Any, ket: str = "unit") -> Ctx:
    """People as table rows (No, Nama/NIP, Pangkat/Gol., Jabatan, and the ``ket`` column)."""
    rows = value.get("anggota") if isinstance(value, dict) and "anggota" in value else value
    if isinstance(rows, dict):
        rows = [rows]
    out = []
    for i, p in enumerate(rows or [], 1):
        out.append({"no": f"{i}.", "nama": text(p.get("nama")), "nip": nip(p.get("nip")),
                    "pangkat": text(p.get("pangkat")) or "-", "jabatan": text(p.get("jabatan")) or "-",
                    "ket": text(p.get(ket)) or "-"})
    return {"k": "tabel", "kepala": ["Nama / NIP", "Pangkat/Gol.", "Jabatan", _KET.get(ket, ket.title())],
            "baris": out}


def _items(values: Any, kind: str = "butir") -> list[Ctx]:
    if isinstance(values, str):
        return [{"k": "lanjut", "t": text(values), "l": ""}]
    return [{"k": kind, "l": f"{i}.", "t": text(x)} for i, x in enumerate(values or [], 1)]


def _butir(pairs: list[list[str]], d: LetterData) -> list[Ctx]:
    out = []
    for i, (label, template) in enumerate(pairs, 1):
        field = template[1:-1] if template.startswith("{") and template.endswith("}") else None
        value = d.get(field) if field and "." not in field else None
        if isinstance(value, list):
            out.append({"k": "butir", "l": huruf(i), "t": f"{label}:"})
            out += _items(value, "butir2")
        else:
            out.append({"k": "butir", "l": huruf(i), "t": f"{label}: {fill(template, d)}"})
    return out


def body(t: dict[str, Any], d: LetterData) -> list[Ctx]:
    """The body blocks of type ``t`` filled with ``d`` (see the block kinds in ``data/letters.yaml``)."""
    out: list[Ctx] = []
    section = 0
    for block in t.get("isi") or []:
        if block.get("jika") and d.get(block["jika"]) in (None, "", [], {}):
            continue
        if block.get("tanpa") and d.get(block["tanpa"]) not in (None, "", [], {}):
            continue
        if "bagian" in block:
            section += 1
            out.append({"k": "bagian", "l": f"{chr(64 + section)}.", "t": text(block["bagian"])})
        elif "teks" in block:
            out.append({"k": "lanjut" if section else "teks", "t": fill(block["teks"], d), "l": ""})
        elif "butir" in block:
            out += _butir(block["butir"], d)
        elif "daftar" in block:
            out += _items(d.get(block["daftar"]))
        elif "pegawai" in block:
            out.append(people(d.get(block["pegawai"]), block.get("ket", "unit")))
    return out


def _place_date(d: LetterData) -> str:
    return f"{text(d.get('tempat'))}, {tanggal(d.get('tanggal'))}"


def _hal(t: dict[str, Any], d: LetterData) -> str:
    return text(d.get("hal") or t.get("hal"))


def _tujuan(d: LetterData) -> Ctx | None:
    to = d.get("tujuan")
    if not to:
        return None
    return {"kepada": text(to.get("jabatan")), "di": text(to.get("tempat"))}


def surat(t: dict[str, Any], d: LetterData) -> Ctx:
    """Surat dinas (and a letter an employee writes in their own name, without kop and number)."""
    personal = t["kelas"] == "surat_pribadi"
    rows = [] if personal else [("Nomor", d.get("nomor")), ("Sifat", d.get("sifat") or "Biasa")]
    rows += [("Lampiran", d.get("lampiran") or t.get("lampiran") or "-"), ("Hal", _hal(t, d))]
    return {"kop": None if personal else kop(d), "tempat_tanggal": _place_date(d),
            "kepala": [{"h": h, "t": text(v)} for h, v in rows], "tujuan": _tujuan(d), "isi": body(t, d),
            "ttd": ttd(d, opening="Hormat saya," if personal else None),
            "tembusan": [text(x) for x in d.get("tembusan") or []]}


def nota(t: dict[str, Any], d: LetterData) -> Ctx:
    """Nota dinas: Kepada/Dari/Tembusan/Tanggal/Nomor/Sifat/Lampiran/Hal under the title, then the body."""
    sender = text(d.get("dari") or (d["penandatangan"].get("jabatan")))
    rows: list[tuple[str, Any]] = [("Kepada", f"Yth. {text(d['tujuan'].get('jabatan'))}"), ("Dari", sender)]
    if d.get("tembusan"):
        rows.append(("Tembusan", join(d["tembusan"])))
    rows += [("Tanggal", tanggal(d.get("tanggal"))), ("Nomor", d.get("nomor")), ("Sifat", d.get("sifat") or "Biasa"),
             ("Lampiran", d.get("lampiran") or t.get("lampiran") or "-"), ("Hal", _hal(t, d))]
    return {"kop": kop(d), "kepala": [{"h": h, "t": text(v)} for h, v in rows], "isi": body(t, d), "ttd": ttd(d)}


def _colon(head: str, items: list[Any], labels: str = "angka") -> Ctx:
    many = len(items) > 1
    butir = []
    for i, x in enumerate(items, 1):
        label = (huruf(i) if labels == "huruf" else f"{i}.") if many else ""
        butir.append({"l": label, "t": text(x)})
    return {"h": head, "c": ":", "butir": butir}


def perintah(t: dict[str, Any], d: LetterData) -> Ctx:
    """Surat perintah / surat tugas: Dasar, MEMERINTAHKAN/MENUGASKAN, Kepada (a table), Untuk."""
    team = d.get("tim")
    if team:
        who = f"{text(team.get('nama'))}, dengan susunan keanggotaan sebagai berikut:"
        table = people(team, "peran")
    else:
        who = "Pegawai sebagaimana tercantum di bawah ini:"
        table = people(d.get("pegawai"), "unit")
    untuk = list(d.get("untuk") or [])
    form = text(d.get("bentuk_naskah")) or t["kelas"]  # the form the step names (Permendagri 1/2023)
    return {"kop": kop(d), "judul": FORM_TITLES.get(form, text(t.get("judul_naskah"))), "nomor": text(d.get("nomor")),
            "dasar": [_colon("Dasar", d.get("dasar") or [])],
            "perintah": "MENUGASKAN:" if form == "surat_tugas" else "MEMERINTAHKAN:",
            "kepada": [_colon("Kepada", [who])], "pegawai": table, "untuk": [_colon("Untuk", untuk)],
            "ttd": ttd(d, ditetapkan=(f"Dikeluarkan di {text(d.get('tempat'))}",
                                      f"pada tanggal {tanggal(d.get('tanggal'))}")),
            "tembusan": [text(x) for x in d.get("tembusan") or []]}


#: the date of a Keputusan not yet set (filled in when the kepala daerah signs it)
DATE_BLANK = "...................."


def _menimbang(items: list[str], office: str, tentang: str) -> list[str]:
    """The considerations, closed by the K2 sentence naming the maker's own Keputusan (added when absent)."""
    xs = [text(x).rstrip(";. ") for x in items]
    if not xs or not xs[-1].startswith("bahwa berdasarkan pertimbangan"):
        refs = join([f"huruf {numbering.huruf(i)}" for i in range(1, len(xs) + 1)])
        xs.append(f"bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam {refs}, perlu menetapkan Keputusan "
                  f"{office} tentang {tentang}")
    return [x + ";" for x in xs]


def _maker(d: LetterData, office: str) -> str:
    """The maker named in a Keputusan's pembukaan: the office that signs it, an acting head with the mark ("Pj.
    Bupati Banyumas"; DRAFTING P1: "PENJABAT BUPATI ..." or "Pj. BUPATI ..."); the judul stays the act's kind
    ("KEPUTUSAN BUPATI BANYUMAS")."""
    status = text(d["penandatangan"].get("status"))
    return f"{status} {office}" if status in ("Pj.", "Plt.") else office


def keputusan(t: dict[str, Any], d: LetterData) -> Ctx:
    """Keputusan: title of the signer's own office, Menimbang/Mengingat/MEMUTUSKAN/Menetapkan/KESATU...,
    one colon column, and a Lampiran with the team's composition."""
    office = text(d["penandatangan"].get("jabatan"))
    tentang = text(d.get("tentang"))
    team = d.get("tim") or {}
    tim = text(team.get("nama"))
    konsiderans = [_colon("Menimbang", _menimbang(d.get("menimbang") or [], office, tentang), "huruf"),
                   {"h": "", "c": "", "butir": [{"l": "", "t": ""}]},
                   _colon("Mengingat", [text(x).rstrip(";. ") + ";" for x in d.get("mengingat") or []])]
    tugas = [text(x).rstrip(";. ") for x in d.get("tugas_tim") or []]
    dikta = [f"Membentuk {tim} dengan susunan keanggotaan sebagaimana tercantum dalam Lampiran yang merupakan "
             "bagian tidak terpisahkan dari Keputusan ini.",
             [f"{tim} sebagaimana dimaksud dalam Diktum KESATU bertugas:"] + tugas,
             f"{tim} melaksanakan tugas {text(d.get('masa_kerja'))}."]
    if d.get("melapor_kepada"):
        dikta.append(f"Ketua {tim} melaporkan pelaksanaan tugas kepada {text(d['melapor_kepada'])} secara berkala.")
    dikta.append("Keputusan ini mulai berlaku pada tanggal ditetapkan.")
    diktum = [{"h": "Menetapkan", "c": ":", "butir": [{"l": "", "t": f"KEPUTUSAN {office.upper()} TENTANG "
                                                                   f"{tentang.upper()}."}]}]
    for i, item in enumerate(dikta):
        if isinstance(item, list):
            sub = [{"l": huruf(j), "t": x + (";" if j < len(item) - 1 else ".")} for j, x in enumerate(item[1:], 1)]
            diktum.append({"h": ordinal(i + 1).upper(), "c": ":", "butir": [{"l": "", "t": item[0]}] + sub})
        else:
            diktum.append({"h": ordinal(i + 1).upper(), "c": ":", "butir": [{"l": "", "t": item}]})
    ins = d.get("instansi") or {}
    own_kop = kop(d) if t.get("kop", False) else None
    # dated when the kepala daerah sets it: without a date in the data, a blank to fill then (never a date made up)
    day = tanggal(d.get("tanggal")) or DATE_BLANK
    sign = ttd(d, upper=True, ditetapkan=(f"Ditetapkan di {text(d.get('tempat'))}", f"pada tanggal {day}"))
    lampiran = {"kepala": ["LAMPIRAN", f"KEPUTUSAN {office.upper()}", f"NOMOR {text(d.get('nomor')).upper()}",
                           f"TANGGAL {day.upper()}", f"TENTANG {tentang.upper()}"],
                "judul": f"SUSUNAN KEANGGOTAAN {tim.upper()}", "tabel": people(team, "peran")}
    return {"kop": own_kop, "lambang": "" if own_kop else ins.get("lambang") or "",
            "judul": f"KEPUTUSAN {office.upper()}", "nomor": text(d.get("nomor")).upper(), "tentang": tentang.upper(),
            "pembukaan": caps(f"{_maker(d, office)},"), "konsiderans": konsiderans, "diktum": diktum, "ttd": sign,
            "tembusan": [text(x) for x in d.get("tembusan") or []], "lampiran_keputusan": lampiran}


def laporan(t: dict[str, Any], d: LetterData) -> Ctx:
    """Laporan: title, Kepada/Dari/Periode, lettered sections, signed by the reporter."""
    s = d["penandatangan"]
    rows: list[tuple[str, Any]] = [("Kepada", f"Yth. {text(d['tujuan'].get('jabatan'))}"),
                                   ("Dari", f"{text(s.get('nama'))}, {text(s.get('jabatan'))}")]
    if d.get("nomor"):
        rows.append(("Nomor", d["nomor"]))
    rows.append(("Periode", d.get("periode")))
    subject = d.get("nama_kegiatan") or d.get("nama_tim")
    return {"kop": kop(d), "judul": text(t.get("judul_naskah")), "tentang": text(subject).upper(),
            "kepala": [{"h": h, "t": text(v)} for h, v in rows], "isi": body(t, d),
            "tempat_tanggal": _place_date(d), "ttd": ttd(d),
            "tembusan": [text(x) for x in d.get("tembusan") or []]}


def disposisi(t: dict[str, Any], d: LetterData) -> Ctx:
    """Lembar disposisi: the letter received, to whom it goes on, what is asked, the note."""
    ref = d["rujukan_surat"]
    rows = [("Surat dari", [ref.get("dari")]), ("Nomor Surat", [ref.get("nomor") or "-"]),
            ("Tanggal Surat", [tanggal(ref.get("tanggal"))]), ("Hal", [ref.get("hal")]),
            # the receiving office's register number of the letter: written when it is received, a blank to fill
            ("Diterima Tanggal", [tanggal(d.get("tanggal"))]), ("Nomor Agenda", [d.get("nomor_agenda") or "...."]),
            ("Sifat", [ref.get("sifat") or "Biasa"]),
            ("Diteruskan kepada", [f"{i}. {text(x)}" for i, x in enumerate(d.get("diteruskan") or [], 1)]),
            ("Dengan hormat harap", [f"\u2611 {text(x)}" for x in d.get("harap") or []]),
            ("Catatan", [d.get("catatan") or "-"])]
    return {"kop": kop(d), "lembar": [{"h": h, "butir": [text(x) for x in v]} for h, v in rows], "ttd": ttd(d),
            "rujukan": rujukan(ref)}


LAYOUTS = {"surat": surat, "nota": nota, "perintah": perintah, "keputusan": keputusan, "laporan": laporan,
           "disposisi": disposisi}

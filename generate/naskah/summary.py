"""``skenario.md``: a scenario's steps as a table, step -> letter -> clause, and what is still to be filled in."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rancang.generate.naskah.catalogue import get_type
from rancang.generate.naskah.fill import tanggal, text
from rancang.generate.naskah.isian import BLANK
from rancang.generate.naskah.parties import BLANK_ADDRESS


def _cell(value: str) -> str:
    """A table cell of ``skenario.md``: a "|" would end the cell, so it is escaped (inside a table only; in a
    paragraph the backslash would be printed as it is)."""
    return text(value).replace("|", "\\|")


def _day(x: Any) -> str:
    """A letter's date in the table; a Keputusan not yet set is dated by the kepala daerah, not by the schedule."""
    if x.layout == "keputusan" and not x.data.get("tanggal"):
        return f"(diisi saat penetapan; direncanakan {tanggal(x.date)})"
    return tanggal(x.data.get("tanggal") or x.date)


def skenario_md(built: Any) -> str:
    """step -> letter -> clause of ``built`` (a ``scenario.Built``), as a Markdown table for the file
    ``skenario.md``, then the facts still to be filled in."""
    out = [f"# {text(built.judul)}", "", f"Peraturan: {text(built.peraturan)}.", ""]
    if built.berkas:  # which file or stored act was read, so the reader can check the clauses against it
        how = "ditemukan otomatis; pilih yang lain dengan --peraturan" if built.sumber else "--peraturan"
        out += [f"Dibaca dari: {_cell(built.berkas)} ({how}).", ""]
    out += [f"Prosedur: {text(built.prosedur)}.", "",
           "| No | Langkah | Naskah | Nomor | Tanggal | Penandatangan → Kepada | Klausul |",
           "|---|---|---|---|---|---|---|"]
    for s in built.steps:
        x = s.letter
        if x is None:
            out.append(f"| {s.n} | {_cell(s.teks)} | (tanpa naskah) | | | | {_cell(s.cite or '-')} |")
            continue
        to = (x.data.get("tujuan") or {}).get("jabatan") or "pegawai yang ditugaskan"
        signer = " ".join(filter(None, [f"a.n. {x.dari.pejabat['atas_nama']}" if x.dari.pejabat.get("atas_nama")
                                        else "", x.dari.jabatan, f"({x.dari.pejabat.get('nama', '')})"]))
        who = f"{_cell(signer)} → {_cell(to)}"
        out.append(f"| {s.n} | {_cell(s.teks)} | {x.filename}: {_cell(get_type(x.jenis)['judul'])} | "
                   f"{_cell(x.data.get('nomor') or '-')} | {_day(x)} | {who} | {_cell(s.cite or '-')} |")
    if built.blanks:
        out += ["", "## Yang masih harus diisi", "",
                "Fakta peraturan yang dikutip yang tidak diketahui dengan pasti oleh basis pengetahuan rancang "
                "(tertulis \"Nomor ....\" dalam naskah); isi dari naskah resminya:", ""]
        out += [f"- {b}" for b in built.blanks]
    return "\n".join(out) + "\n"


def form_blanks(letters: Sequence[Any]) -> list[str]:
    """Lines of skenario.md for what the data did not give a letter's form: the address of a Sekretariat Daerah on
    its kop, and "Bapak/Ibu" for an official whose sex neither the data (``sapaan``) nor a NIP tells."""
    out = []
    kop = [x.filename for x in letters if (x.data.get("instansi") or {}).get("alamat") == BLANK_ADDRESS]
    if kop:
        out.append(f"alamat Sekretariat Daerah pada kop ({', '.join(kop)}): isi alamat_setda dalam data skenario "
                   f"(instansi_lain[].alamat_setda untuk instansi lain)")
    both = [x.filename for x in letters if x.data.get("sapaan") == "Bapak/Ibu"]
    if both:
        out.append(f"sapaan \"Bapak/Ibu\" ({', '.join(both)}): pilih \"Bapak\" atau \"Ibu\" dengan "
                   f"kepala_daerah.sapaan (atau kepala.sapaan instansi lain) dalam data skenario")
    codes = [x.filename for x in letters if text(x.data.get("nomor")).startswith("..../")]
    if codes:
        out.append(f"kode klasifikasi arsip pada nomor surat ({', '.join(codes)}): tertulis \"....\"; isi "
                   f"klasifikasi (penugasan, kinerja, tim) dalam data skenario menurut pola klasifikasi arsip daerah "
                   f"(Permendagri 83/2022)")
    agenda = [x.filename for x in letters if x.layout == "disposisi" and not x.data.get("nomor_agenda")]
    if agenda:
        out.append(f"Nomor Agenda lembar disposisi ({', '.join(agenda)}): nomor agenda surat masuk pada unit "
                   f"penerima, ditulis saat surat diterima")
    results = [x.filename for x in letters if any(text(p.get("hasil")) == BLANK
                                                  for p in x.data.get("anggota") or [])]
    if results:
        out.append(f"hasil kerja anggota tim ({', '.join(results)}): tertulis \"....\"; isi pegawai[].hasil dalam "
                   f"data skenario (hasil kerja setiap anggota, dicatat ketua tim)")
    return out

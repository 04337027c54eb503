"""``rancang letter``: the naskah dinas a sistem-kerja regulation requires, filled from YAML data.

Letter types are data (``data/letters.yaml``: title, layout, required fields, body sentences); the layouts here turn
type + data into the paragraph stream of ``templates/letter.docx`` (kop, tempat dan tanggal, Nomor/Sifat/Lampiran/
Hal, Yth., body, signature with jabatan/nama/pangkat/NIP, Tembusan). User values are inserted with ``str.format``
into sentences from the data file and handed to docxtpl as context: they are never evaluated as a template.
"""

from __future__ import annotations

import string
from functools import cache
from typing import Any

from rancang.generate.docx_render import para

from rancang.dataload import check_tree
from rancang.errors import InputError
from rancang.numbering import huruf

P = dict[str, str]


@cache
def catalogue() -> dict[str, Any]:
    from rancang.generate import resources

    return resources.read_yaml("data/letters.yaml")


@cache
def examples() -> dict[str, Any]:
    from rancang.generate import resources

    return resources.read_yaml("data/letter_examples.yaml")


def types() -> dict[str, dict[str, Any]]:
    return catalogue()["types"]


def get_type(name: str) -> dict[str, Any]:
    t = types().get(name)
    if t is None:
        raise InputError(f"jenis surat '{name}' tidak dikenal (pilihan: {', '.join(types())}).")
    return t


def _placeholders(t: dict[str, Any]) -> list[str]:
    texts = list(t.get("body") or []) + [p[1] for p in t.get("points") or []]
    names = []
    for text in texts:
        for _, field, _, _ in string.Formatter().parse(text):
            if field:
                base = field.split("[", 1)[0].split(".", 1)[0]
                if base not in names:
                    names.append(base)
    return names


def example_keys(name: str) -> list[str]:
    t = get_type(name)
    keys = list(catalogue()["common_required"]) + ["sifat", "lampiran"]
    if t["layout"] in ("surat", "laporan"):
        keys.append("tujuan")
    for k in t["required"] + _placeholders(t) + ["tembusan"]:
        if k not in keys:
            keys.append(k)
    return keys


def example(name: str) -> str:
    """A fillable YAML document for letter type ``name``."""
    import yaml

    t = get_type(name)
    ex = examples()
    data = {k: ex[k] for k in example_keys(name) if k in ex}
    head = f"# {t['judul']}\n# Isi nilai di bawah ini lalu jalankan: rancang letter {name} DATA.yaml -o surat.docx\n"
    return head + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110)


def validate(name: str, data: dict[str, Any]) -> None:
    """All missing mandatory fields in one error, then any other schema violation."""
    from rancang.generate.profile import _message

    from rancang import schema

    t = get_type(name)
    check_tree(data, f"data surat '{name}'")
    obj = {"jenis": name, **data}
    required = list(catalogue()["common_required"]) + list(t["required"])
    missing = [k for k in required if obj.get(k) in (None, "", [], {})]
    if missing:
        raise InputError(f"data surat '{name}' belum lengkap; isian wajib yang belum ada: {', '.join(missing)}.")
    errs = sorted(schema.validator("letter").iter_errors(obj), key=lambda e: list(e.absolute_path))
    if errs:
        raise InputError(f"data surat '{name}' tidak sah: " + "; ".join(_message(e) for e in errs) + ".")


# ----------------------------------------------------------------------------------------------- layouts


def _fmt(template: str, data: dict[str, Any]) -> str:
    try:
        return template.format(**data)
    except (KeyError, IndexError) as exc:
        raise InputError(f"isian {exc} diperlukan oleh kalimat surat tetapi tidak ada dalam data.") from exc


def _kop(d: dict[str, Any]) -> list[P]:
    ins = d["instansi"]
    out = [para("kop", ins["pemerintah"].upper()), para("kop_sub", ins["nama"].upper())]
    if ins.get("alamat"):
        out.append(para("kop_alamat", ins["alamat"]))
    return out


def _signature(d: dict[str, Any]) -> list[P]:
    s = d["penandatangan"]
    out = []
    if s.get("atas_nama"):
        out.append(para("ttd", f"a.n. {s['atas_nama']}"))
    out += [para("ttd", f"{s['jabatan']},"), para("kosong"), para("kosong"), para("ttd", s["nama"])]
    if s.get("pangkat"):
        out.append(para("ttd", s["pangkat"]))
    if s.get("nip"):
        out.append(para("ttd", f"NIP. {s['nip']}"))
    return out


def _tembusan(d: dict[str, Any]) -> list[P]:
    items = d.get("tembusan") or []
    if not items:
        return []
    return [para("kosong"), para("polos", "Tembusan:")] + [para("daftar", x, label=f"{i}.")
                                                           for i, x in enumerate(items, 1)]


def _people(people: list[dict[str, Any]], kind: str = "daftar") -> list[P]:
    out = []
    for i, p in enumerate(people, 1):
        parts = [p["nama"]] + [f"{lbl} {p[k]}" for k, lbl in (("nip", "NIP."), ("pangkat", ""), ("jabatan", ""),
                                                               ("peran", "sebagai"), ("hasil", "hasil:"))
                               if p.get(k)]
        out.append(para(kind, ", ".join(x.strip() for x in parts), label=f"{i}."))
    return out


def _head(d: dict[str, Any], hal: str) -> list[P]:
    out = _kop(d) + [para("kosong"), para("kanan", f"{d['tempat']}, {d['tanggal']}")]
    out += [para("kepala", d["nomor"], head="Nomor", colon=":"),
            para("kepala", d.get("sifat") or "Biasa", head="Sifat", colon=":"),
            para("kepala", d.get("lampiran") or "-", head="Lampiran", colon=":"),
            para("kepala", hal, head="Hal", colon=":"), para("kosong")]
    if d.get("tujuan"):
        out += [para("polos", f"Yth. {d['tujuan']['jabatan']}")]
        if d["tujuan"].get("tempat"):
            out += [para("polos", "di"), para("daftar", d["tujuan"]["tempat"])]
        out.append(para("kosong"))
    return out


def surat(t: dict[str, Any], d: dict[str, Any]) -> list[P]:
    out = _head(d, t["hal"])
    out += [para("teks", _fmt(s, d)) for s in t.get("body") or []]
    for i, (label, value) in enumerate(t.get("points") or []):
        out.append(para("daftar", f"{label}: {_fmt(value, d)}", label=f"{huruf(i + 1)}."))
    if t.get("reasons"):
        out += [para("daftar", x, label=f"{i}.") for i, x in enumerate(d[t["reasons"]], 1)]
    if d.get("pegawai"):
        out.append(para("teks", "Pegawai yang dimaksud:"))
        out += _people(d["pegawai"])
    if t.get("closing"):
        out.append(para("teks", _fmt(t["closing"], d)))
    return out + [para("kosong")] + _signature(d) + _tembusan(d)


def perintah(t: dict[str, Any], d: dict[str, Any]) -> list[P]:
    out = _kop(d) + [para("kosong"), para("judul", t["title"]), para("tengah", f"NOMOR {d['nomor']}"),
                     para("kosong")]
    for i, x in enumerate(d["dasar"]):
        out.append(para("isian", f"{i + 1}. {x}", head="Dasar" if i == 0 else "", colon=":" if i == 0 else ""))
    out += [para("kosong"), para("judul", "MEMERINTAHKAN:"), para("kosong")]
    for i, p in enumerate(d["pegawai"]):
        first = i == 0
        rows = [("Nama", p["nama"]), ("NIP", p.get("nip") or "-"), ("Pangkat/Gol.", p.get("pangkat") or "-"),
                ("Jabatan", p.get("jabatan") or "-")]
        for j, (k, v) in enumerate(rows):
            out.append(para("isian", f"{i + 1}. {k}: {v}" if j == 0 else f"    {k}: {v}",
                            head="Kepada" if first and j == 0 else "", colon=":" if first and j == 0 else ""))
    for i, x in enumerate(d["untuk"]):
        out.append(para("isian", f"{i + 1}. {x}", head="Untuk" if i == 0 else "", colon=":" if i == 0 else ""))
    out += [para("kosong"), para("kanan", f"Dikeluarkan di {d['tempat']}"),
            para("kanan", f"pada tanggal {d['tanggal']}"), para("kosong")]
    return out + _signature(d) + _tembusan(d)


def laporan(t: dict[str, Any], d: dict[str, Any]) -> list[P]:
    out = _head(d, t["title"].title())
    out.append(para("judul", t["title"]))
    if d.get("nama_tim"):
        out.append(para("teks", f"Bersama ini kami sampaikan laporan pelaksanaan tugas {d['nama_tim']} "
                                f"periode {d['periode']} sebagai berikut:"))
    else:
        out.append(para("teks", f"Bersama ini saya sampaikan laporan pelaksanaan tugas periode {d['periode']} "
                                "sebagai berikut:"))
    out.append(para("daftar", "Tugas yang dilaksanakan:", label="a."))
    out += [para("daftar2", x, label=f"{i}.") for i, x in enumerate(d["tugas"], 1)]
    out.append(para("daftar", "Hasil pelaksanaan tugas:", label="b."))
    out += [para("daftar2", x, label=f"{i}.") for i, x in enumerate(d["hasil"], 1)]
    if d.get("anggota"):
        out.append(para("daftar", "Kinerja anggota tim kerja:", label="c."))
        out += _people(d["anggota"], "daftar2")
    out.append(para("teks", "Demikian laporan ini disampaikan untuk menjadi bahan penilaian kinerja."))
    return out + [para("kosong")] + _signature(d) + _tembusan(d)


def keputusan(t: dict[str, Any], d: dict[str, Any]) -> list[P]:
    s = d["penandatangan"]
    office = s["jabatan"].upper()
    tentang = d["tentang"].upper()
    out = [para("judul", f"KEPUTUSAN {office}"), para("tengah", f"NOMOR {d['nomor']}"), para("kosong"),
           para("tengah", "TENTANG"), para("judul", tentang), para("kosong"),
           para("tengah", "DENGAN RAHMAT TUHAN YANG MAHA ESA"), para("kosong"), para("tengah", f"{office},"),
           para("kosong")]
    for i, x in enumerate(d["menimbang"]):
        out.append(para("isian", f"{huruf(i + 1)}. {x.rstrip(';')};", head="Menimbang" if i == 0 else "",
                        colon=":" if i == 0 else ""))
    for i, x in enumerate(d["mengingat"]):
        out.append(para("isian", f"{i + 1}. {x.rstrip(';')};", head="Mengingat" if i == 0 else "",
                        colon=":" if i == 0 else ""))
    tim = d["tim"]
    dikta = [
        ("Menetapkan", f"KEPUTUSAN {office} TENTANG {tentang}."),
        ("KESATU", f"Membentuk {tim['nama']} dengan susunan keanggotaan sebagaimana tercantum dalam Lampiran yang "
                   "merupakan bagian tidak terpisahkan dari Keputusan ini."),
        ("KEDUA", f"{tim['nama']} sebagaimana dimaksud dalam Diktum KESATU bertugas: "
                  + "; ".join(x.rstrip(";.") for x in d["tugas_tim"]) + "."),
        ("KETIGA", f"{tim['nama']} melaksanakan tugas {d['masa_kerja']}."),
        ("KEEMPAT", "Keputusan ini mulai berlaku pada tanggal ditetapkan."),
    ]
    out += [para("kosong"), para("judul", "MEMUTUSKAN:")]
    out += [para("diktum", text, head=h, colon=":") for h, text in dikta]
    out += [para("kosong"), para("kanan", f"Ditetapkan di {d['tempat']}"),
            para("kanan", f"pada tanggal {d['tanggal']}"), para("kosong")]
    out += _signature(d) + _tembusan(d)
    out += [para("lampiran_awal", f"LAMPIRAN KEPUTUSAN {office}"), para("ttd", f"NOMOR {d['nomor']}"),
            para("ttd", f"TENTANG {tentang}"), para("kosong"),
            para("judul", f"SUSUNAN KEANGGOTAAN {tim['nama'].upper()}"), para("kosong")]
    out += _people(tim["anggota"])
    return out + [para("kosong")] + _signature(d)


LAYOUTS = {"surat": surat, "perintah": perintah, "laporan": laporan, "keputusan": keputusan}


def paragraphs(name: str, data: dict[str, Any]) -> list[P]:
    t = get_type(name)
    validate(name, data)
    return LAYOUTS[t["layout"]](t, data)


def render(name: str, data: dict[str, Any]) -> bytes:
    """The DOCX bytes of letter ``name`` filled with ``data`` (validated first; nothing is written here)."""
    from rancang.generate.docx_render import render_paragraphs

    return render_paragraphs(paragraphs(name, data), template="templates/letter.docx",
                             title=get_type(name)["judul"])

"""The Lampiran read as the outline it is: printed numbering styles, restarts as sibling branches, its own BAB in
the path, bounded depth; and every cite of the model resolves to a block that holds the item."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rancang.ingest import ingest_text
from rancang.ingest.lampiran import MAX_DEPTH, parse

ROOT = Path(__file__).resolve().parent.parent
SEEDS = {"bogor": "000_ee7a6eaa64626c22", "jepara": "001_ced7971a61a5e85a",
         "pasaman-barat": "002_a9b194b47a12baf0", "malang": "003_b7684ddf9c3f1cea"}


def cites(lines: str) -> list[tuple[str, str]]:
    return [(b.cite, b.text) for b in parse(lines.strip("\n").split("\n")) if b.type == "item"]


def test_a_list_restarting_after_a_paragraph_is_a_sibling_branch():
    """The second "1. Penunjukan" under huruf A is the first item of A's second list: "daftar kedua", so a
    reader following "Lampiran huruf A daftar kedua angka 1 huruf a" lands on the mechanism, not on the
    overview list above it (issue 29 item 5)."""
    got = cites("""
A. PENUGASAN
1. Penunjukan
2. Pengajuan sukarela
Mekanisme tersebut diklasifikasikan ke dalam 2 (dua) jenis yaitu:
a. dalam unit organisasi;
b. lintas instansi pemerintah
Adapun rincian mekanisme kerja sesuai dengan jenis penugasan sebagai berikut:
1. Penunjukan
a. Mekanisme Penunjukan dalam Organisasi
1) Tahapan Perencanaan:
a. Pimpinan Unit Organisasi menyusun perjanjian kinerja;
b. Pejabat Penilai Kinerja merumuskan strategi;
2) Tahapan Pelaksanaan:
a. menguraikan kegiatan;
b. membagi peran;
c. melaksanakan kegiatan.
b. Mekanisme penunjukan lintas unit organisasi
2. Pengajuan Sukarela
B. PELAKSANAAN TUGAS
a. Pelaksanaan tugas dalam unit organisasi
""")
    assert got == [
        ("Lampiran huruf A", "PENUGASAN"),
        ("Lampiran huruf A angka 1", "Penunjukan"),
        ("Lampiran huruf A angka 2", "Pengajuan sukarela"),
        ("Lampiran huruf A angka 2 huruf a", "dalam unit organisasi;"),
        ("Lampiran huruf A angka 2 huruf b", "lintas instansi pemerintah"),
        ("Lampiran huruf A daftar kedua angka 1", "Penunjukan"),
        ("Lampiran huruf A daftar kedua angka 1 huruf a", "Mekanisme Penunjukan dalam Organisasi"),
        ("Lampiran huruf A daftar kedua angka 1 huruf a angka 1", "Tahapan Perencanaan:"),
        ("Lampiran huruf A daftar kedua angka 1 huruf a angka 1 huruf a",
         "Pimpinan Unit Organisasi menyusun perjanjian kinerja;"),
        ("Lampiran huruf A daftar kedua angka 1 huruf a angka 1 huruf b",
         "Pejabat Penilai Kinerja merumuskan strategi;"),
        ("Lampiran huruf A daftar kedua angka 1 huruf a angka 2", "Tahapan Pelaksanaan:"),
        ("Lampiran huruf A daftar kedua angka 1 huruf a angka 2 huruf a", "menguraikan kegiatan;"),
        ("Lampiran huruf A daftar kedua angka 1 huruf a angka 2 huruf b", "membagi peran;"),
        ("Lampiran huruf A daftar kedua angka 1 huruf a angka 2 huruf c", "melaksanakan kegiatan."),
        ("Lampiran huruf A daftar kedua angka 1 huruf b", "Mekanisme penunjukan lintas unit organisasi"),
        ("Lampiran huruf A daftar kedua angka 2", "Pengajuan Sukarela"),
        ("Lampiran huruf B", "PELAKSANAAN TUGAS"),
        ("Lampiran huruf B huruf a", "Pelaksanaan tugas dalam unit organisasi"),
    ]


def test_the_lampiran_bab_opens_the_path_and_a_style_printed_above_takes_its_level_back():
    got = cites("""
BAB I
PENDAHULUAN
A. Latar Belakang
BAB II
MEKANISME KERJA
A. Mekanisme Kerja
1. Tahapan Perencanaan
a. Penyusunan perjanjian kinerja.
B. Penyesuaian
a. Penentuan Kedudukan
b. Penugasan
Penjelasan terperinci mekanisme kerja adalah sebagai berikut:
1. Kedudukan
a) Pejabat Penilai Kinerja;
(1) arahan;
(a) arahan tertulis;
(b) arahan lisan;
(2) strategi.
""")
    assert [c for c, _ in got] == [
        "Lampiran BAB I huruf A", "Lampiran BAB II huruf A", "Lampiran BAB II huruf A angka 1",
        "Lampiran BAB II huruf A angka 1 huruf a", "Lampiran BAB II huruf B", "Lampiran BAB II huruf B huruf a",
        "Lampiran BAB II huruf B huruf b", "Lampiran BAB II huruf B angka 1",
        "Lampiran BAB II huruf B angka 1 huruf a", "Lampiran BAB II huruf B angka 1 huruf a angka 1",
        "Lampiran BAB II huruf B angka 1 huruf a angka 1 huruf a",
        "Lampiran BAB II huruf B angka 1 huruf a angka 1 huruf b", "Lampiran BAB II huruf B angka 1 huruf a angka 2"]


def _bounded(reg, n_items: int) -> None:
    items = [b for b in reg.lampiran if b.type == "item"]
    assert len(items) == n_items                       # no item lost
    assert max(b.level for b in items) <= MAX_DEPTH
    assert max(len(b.cite) for b in items) <= 20 * MAX_DEPTH
    size = len(json.dumps(reg.to_dict(), ensure_ascii=False))
    assert size < 400 * n_items                        # linear, not quadratic, in the number of items


def test_lampiran_a_2000_is_2000_siblings_with_short_cites():
    text = (ROOT / "tests" / "data" / "lampiran_a_2000.txt").read_text(encoding="utf-8")
    reg = ingest_text(text, "lampiran_a_2000.txt")
    _bounded(reg, text.count("\na."))
    got = [b.cite for b in reg.lampiran if b.type == "item"]
    # each "a." starts a list of its own: the first is "huruf a", the others name their list, every cite its own
    assert got[:3] == ["Lampiran huruf a", "Lampiran daftar kedua huruf a", "Lampiran daftar ketiga huruf a"]
    assert got[99] == "Lampiran daftar 100 huruf a"
    assert len(set(got)) == len(got) and max(len(c.split()) for c in got) <= 7  # "daftar kedua puluh satu"


@pytest.mark.parametrize("unit", ["a. Ketentuan:\n", "1) Tahapan:\na) x:\n", "(1) ayat:\nA. Bagian\n"])
def test_intro_items_nest_but_never_deeper_than_the_cap(unit):
    n = 1500 // unit.count("\n")
    body = "MEMUTUSKAN:\nPasal 1\nTeks.\nDitetapkan di Sleman\nLAMPIRAN\n" + unit * n
    reg = ingest_text(body, "deep.txt")
    _bounded(reg, n * unit.count("\n"))


@pytest.fixture(scope="module")
def seeds():
    import rancang.corpus as corpus
    from rancang.model import build

    regs = {k: corpus.load(k) for k in SEEDS}
    return {k: (r, build(r)) for k, r in regs.items()}


def _norm(text: str) -> str:
    from rancang.model.clauses import clean

    return clean(text).lower()


def cited_items(m: dict) -> list[tuple[str, str, str]]:
    """(id, cite, the item's own words) for everything the model cites."""
    out = []
    for r in m["roles"]:
        out.append((r["node"], r["cite"], ""))
        out += [(x["id"], x["cite"], x["text"]) for x in r["duties"]]
        out += [(x["id"], x["cite"], "") for x in r["reports_to"] + r["appointed_by"]]
        if r["definition"]:
            out.append((r["definition"]["id"], r["definition"]["cite"], r["definition"]["text"]))
    out += [(x["id"], x["cite"], "") for x in m["reporting_lines"]]
    for p in m["procedures"]:
        out.append((p["node"], p["cite"], ""))
        out += [(s["id"], s["cite"], s["action"]) for s in p["steps"]]
    for d in m["documents"]:
        out.append((d["node"], d["cite"], ""))
        out += [(c["id"], c["cite"], c["text"]) for c in d["contents"]]
    for st in m["stages"]:
        out.append((st["id"], st["cite"], ""))
        out += [(s["id"], s["cite"], s["text"]) for s in st["steps"]]
    for key in ("principles", "mechanism_components", "assignment_forms", "task_scopes"):
        out += [(x["id"], x["cite"], "") for x in m[key]]
    out += [(t["id"], t["cite"], "") for t in m["topics"].values() if t]
    return out


@pytest.mark.parametrize("key", SEEDS)
def test_every_cite_resolves_to_a_block_that_holds_its_item(seeds, key):
    reg, m = seeds[key]
    nodes = {n.id: (n.cite, " ".join(x.text for x in n.walk() if x.text)) for n in reg.walk()}
    nodes |= {b.id: (b.cite, b.text or "") for b in reg.lampiran}
    items = cited_items(m)
    assert len(items) > 50
    for node_id, cite, text in items:
        assert node_id in nodes, (node_id, cite)
        node_cite, node_text = nodes[node_id]
        assert node_cite == cite, (node_id, cite, node_cite)
        assert _norm(text) in _norm(node_text), (cite, text)
    lamp = [c for _, c, _ in items if c.startswith("Lampiran")]
    assert all(len(c.split()) <= 1 + 2 * MAX_DEPTH for c in lamp)


def test_labels_printed_apart_from_their_titles_get_them_in_order():
    blocks = parse("""a. Penunjukan
1)
2)
Mekanisme penunjukan dalam Unit Organisasi
Penunjukan dilakukan langsung oleh Pimpinan Unit Organisasi.
Mekanisme penunjukan yang bersifat lintas Unit Organisasi
dilakukan dengan tahapan sebagai berikut:
a) Pimpinan Unit Organisasi mengirimkan surat permohonan; dan
b) Pejabat Fungsional menerima surat penugasan.""".split("\n"))
    items = [(b.id, b.cite, b.text) for b in blocks]
    assert items == [
        ("lampiran-1", "Lampiran huruf a", "Penunjukan"),
        ("lampiran-2", "Lampiran huruf a angka 1",
         "Mekanisme penunjukan dalam Unit Organisasi Penunjukan dilakukan langsung oleh Pimpinan Unit Organisasi."),
        ("lampiran-3", "Lampiran huruf a angka 2",
         "Mekanisme penunjukan yang bersifat lintas Unit Organisasi dilakukan dengan tahapan sebagai berikut:"),
        ("lampiran-4", "Lampiran huruf a angka 2 huruf a",
         "Pimpinan Unit Organisasi mengirimkan surat permohonan; dan"),
        ("lampiran-5", "Lampiran huruf a angka 2 huruf b", "Pejabat Fungsional menerima surat penugasan."),
    ]


def test_the_model_of_an_amending_act_validates():
    from rancang import schema
    from rancang.model import build

    text = (ROOT / "tests" / "data" / "amend_perbup_5A_IIA.txt").read_text(encoding="utf-8")
    m = build(ingest_text(text, "amend.txt"))
    assert schema.errors("sistemkerja", m) == []
    cites = [t["cite"] for t in m["topics"].values() if t]
    assert any(c.startswith("BAB IIA Pasal") for c in cites)  # a topic the amendment inserts, cited as printed


@pytest.mark.parametrize("key", SEEDS)
def test_no_two_lampiran_items_share_a_cite_and_the_contract_says_so(seeds, key):
    """Every seed's Lampiran restarts a list under one parent (an overview "1. 2." then the detail "1. 2."): each
    item's cite is its own, the tree and the model still satisfy their schemas, and both schemas state the
    "daftar kedua" naming that readers of the JSON rely on (issue 29 item 5)."""
    from rancang import schema

    reg, m = seeds[key]
    items = [b.cite for b in reg.lampiran if b.type == "item"]
    assert len(items) == len(set(items))
    assert any(" daftar kedua " in c for c in items)
    assert schema.errors("regulation", reg.to_dict()) == [] and schema.errors("sistemkerja", m) == []
    for name in ("regulation", "sistemkerja"):
        assert "daftar kedua" in (ROOT / "schema" / f"{name}.schema.json").read_text(encoding="utf-8")


def test_a_content_list_after_the_steps_is_the_parent_s_second_list_not_more_steps():
    """"c. Mekanisme penunjukan lintas unit organisasi: 1) ... 4) ... surat permohonan paling sedikit memuat:
    1) maksud ... 2) kompetensi ...": the second 1) 2) names its list, and the procedure's steps stop where
    the first list ends."""
    got = cites("""
A. PENUGASAN
c. Mekanisme penunjukan lintas unit organisasi
1) Pimpinan Unit Organisasi mengajukan surat permohonan kepada Pimpinan Unit Organisasi tujuan;
2) Pimpinan Unit Organisasi tujuan menjawab surat permohonan.
Surat permohonan paling sedikit memuat:
1) maksud dan tujuan permohonan penugasan;
2) kompetensi yang dibutuhkan.
""")
    assert [c for c, _ in got] == [
        "Lampiran huruf A", "Lampiran huruf A huruf c", "Lampiran huruf A huruf c angka 1",
        "Lampiran huruf A huruf c angka 2", "Lampiran huruf A huruf c daftar kedua angka 1",
        "Lampiran huruf A huruf c daftar kedua angka 2"]

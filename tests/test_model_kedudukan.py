"""Kedudukan read as lines up the hierarchy, by jenjang, and the positions that act as Pejabat Penilai Kinerja or
Pimpinan Unit Organisasi (issue 29 item 3), on a Lampiran written for it in the words kedudukan Lampiran use."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from texts import perbup

from rancang import schema
from rancang.ingest import ingest_text
from rancang.model import build

GOLD = Path(__file__).resolve().parent / "gold" / "lines"
KEDUDUKAN = perbup("""Pasal 1
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
""", lampiran="""A. KEDUDUKAN
1. Perangkat Daerah yang dipimpin oleh Pejabat Pimpinan Tinggi Pratama
Pada struktur di atas, Pejabat fungsional dengan jenjang ahli madya berkedudukan di bawah Pejabat Pimpinan Tinggi \
Pratama sebagai Pemilik Kinerja sekaligus Pejabat Penilai Kinerja. Untuk Pejabat fungsional jenjang ahli muda dan \
ahli pertama berkedudukan di bawah Pejabat Administrator sebagai Pejabat Penilai Kinerja. Pejabat fungsional \
jenjang ahli pertama, terampil dan Pejabat Pelaksana berkedudukan di bawah Pejabat Pengawas yang berperan selaku \
Pejabat Penilai Kinerja.
2. Unit Pelaksana Teknis Daerah
Pada struktur di atas, Kelompok Jabatan Fungsional dan Pelaksana berkedudukan berada di bawah Pejabat Pengawas \
(Kepala Unit Pelaksana Teknis Daerah) sebagai pejabat level 1 yang berperan selaku Pejabat Penilai Kinerja.
3. Sekretariat DPRD
Kelompok Jabatan Fungsional dan Pelaksana berkedudukan berada di bawah Pejabat Administrator (Kepala \
Bagian/Sekretaris DPRD) yang berperan selaku Pimpinan Unit Organisasi.
B. PENUGASAN
""")


def _model():
    return build(ingest_text(KEDUDUKAN, "contoh.txt"))


def _lines(m):
    return [(x["from"], tuple(x["jenjang"]), x["to"], tuple(x["as"])) for x in m["kedudukan_lines"]]


def test_jenjang_lines_go_up_the_hierarchy():
    lines = _lines(_model())
    assert ("pejabat_fungsional", ("ahli madya",), "pejabat_pimpinan_tinggi",
            ("pemilik_kinerja", "pejabat_penilai_kinerja")) in lines
    assert ("pejabat_fungsional", ("ahli muda", "ahli pertama"), "pejabat_administrator",
            ("pejabat_penilai_kinerja",)) in lines
    # "Pejabat fungsional jenjang ahli pertama, terampil dan Pejabat Pelaksana": the jenjang are the Pejabat
    # Fungsional's; the Pejabat Pelaksana sits there with none
    assert ("pejabat_fungsional", ("ahli pertama", "terampil"), "pejabat_pengawas",
            ("pejabat_penilai_kinerja",)) in lines
    assert ("pejabat_pelaksana", (), "pejabat_pengawas", ("pejabat_penilai_kinerja",)) in lines


def test_positions_act_as_ppk_and_puo():
    m = _model()
    positions = {p["id"]: [r["role"] for r in p["acts_as"]] for p in m["positions"]}
    assert positions["kepala_uptd"] == ["pejabat_penilai_kinerja"]
    assert "kepala_bagian" not in positions  # a role of the catalogue, not a position of its own
    assert [p["name"] for p in m["positions"] if p["id"] == "sekretaris_dprd"] == ["Sekretaris DPRD"]
    assert positions["sekretaris_dprd"] == ["pimpinan_unit_organisasi"]
    roles = {r["id"]: r for r in m["roles"]}
    ppk = {h["role"] for h in roles["pejabat_penilai_kinerja"]["held_by"]}
    assert {"pejabat_pimpinan_tinggi", "pejabat_administrator", "pejabat_pengawas",
            "kepala_uptd"} <= ppk
    puo = {h["role"] for h in roles["pimpinan_unit_organisasi"]["held_by"]}
    assert {"pejabat_administrator", "kepala_bagian", "sekretaris_dprd"} <= puo


def test_unit_pelaksana_teknis_is_no_pejabat_pelaksana():
    """"Kepala Unit Pelaksana Teknis Daerah" is a position; its "Pelaksana" is not the Pejabat Pelaksana."""
    lines = _lines(_model())
    assert not any(x[2] == "pejabat_pelaksana" for x in lines)
    upt = [x for x in lines if x[2] == "kepala_uptd"]
    assert {x[0] for x in upt} == {"pejabat_fungsional", "pejabat_pelaksana"}


def test_the_model_with_kedudukan_is_valid_json_of_its_schema():
    m = json.loads(json.dumps(_model()))
    assert schema.problems(schema.load("sistemkerja"), m) == []


def test_the_memo_tells_the_kedudukan_and_who_holds_each_role():
    from rancang.model.render import to_markdown

    md = to_markdown(_model())
    assert "## Kedudukan" in md
    assert "- pejabat fungsional (ahli madya) di bawah pejabat pimpinan tinggi pratama, selaku pemilik kinerja dan " \
           "pejabat penilai kinerja (lampiran huruf a angka 1)" in md.lower()
    assert "Pejabat Penilai Kinerja dijabat oleh: " in md and "Kepala Unit Pelaksana Teknis Daerah" in md


@pytest.mark.parametrize("seed", ["bogor", "jepara", "pasaman-barat", "malang"])
def test_the_seeds_kedudukan_lines_meet_their_hand_read_gold(seed):
    """tests/gold/lines: every kedudukan sentence of the seed read by hand (from, jenjang, to, the role the superior
    acts as); malang's written after the rules and measured first (P 80.8%, R 80.8%), bogor's last (P 100%,
    R 94.3%: "Kepala Seksi/Subbagian" did not name the Kepala Subbagian for the model; now it does: 100%)."""
    import rancang.corpus as corpus
    from rancang.model.evaluate import score_lines

    entry = corpus.entry(seed)
    gold = json.loads((GOLD / f"{Path(entry['file']).stem}.json").read_text(encoding="utf-8"))
    s = score_lines(build(corpus.load(seed)), gold)
    assert s["lines_p"] >= 0.9 and s["lines_r"] >= 0.9, s


def test_a_slash_names_each_position_and_a_jenjang_its_own_role():
    """"Kepala Seksi/Subbagian" is the Kepala Seksi and the Kepala Subbagian (the head word "Kepala" left out after
    the slash); "Kepala Seksi/Sekretaris Lurah" the Kepala Seksi and the Sekretaris Lurah; one position printed
    under two names is one ("Kepala Unit Pelaksana Teknis Daerah" is the Kepala UPTD)."""
    text = perbup("Pasal 1\nPeraturan Bupati ini mulai berlaku pada tanggal diundangkan.\n", lampiran="""A. KEDUDUKAN
1. Pejabat Fungsional jenjang terampil dan Pejabat Pelaksana berada di bawah Kepala Seksi/Subbagian sebagai Pejabat \
Penilai Kinerja.
2. Pejabat Fungsional berada di bawah Kepala Seksi/Sekretaris Lurah sebagai Pejabat Penilai Kinerja.
3. Pejabat Pelaksana berkedudukan di bawah Kepala UPTD selaku Pimpinan Unit Organisasi.
4. Pejabat Fungsional berkedudukan di bawah Kepala Unit Pelaksana Teknis Daerah selaku Pimpinan Unit Organisasi.
B. PENUGASAN
""")
    m = build(ingest_text(text, "contoh.txt"))
    lines = {(x["from"], tuple(x["jenjang"]), x["to"]) for x in m["kedudukan_lines"]}
    assert lines == {("pejabat_fungsional", ("terampil",), "kepala_seksi"),
                     ("pejabat_fungsional", ("terampil",), "kepala_subbagian"),
                     ("pejabat_pelaksana", (), "kepala_seksi"), ("pejabat_pelaksana", (), "kepala_subbagian"),
                     ("pejabat_fungsional", (), "kepala_seksi"), ("pejabat_fungsional", (), "sekretaris_lurah"),
                     ("pejabat_pelaksana", (), "kepala_uptd"), ("pejabat_fungsional", (), "kepala_uptd")}
    assert [p["id"] for p in m["positions"]].count("kepala_uptd") == 1


def test_a_leading_setting_places_no_one():
    """"Pada Badan yang dipimpin oleh Pejabat Pimpinan Tinggi Pratama, kelompok Jabatan Fungsional ... berkedudukan
    di bawah ...": the phrase before the comma says where, the Pejabat Pimpinan Tinggi Pratama sits under no one."""
    text = perbup("Pasal 1\nPeraturan Bupati ini mulai berlaku pada tanggal diundangkan.\n", lampiran="""I. KEDUDUKAN
Pada Badan yang dipimpin oleh Pejabat Pimpinan Tinggi Pratama, kelompok Jabatan Fungsional jenjang ahli madya \
berkedudukan di bawah dan bertanggung jawab kepada Kepala Badan selaku Pejabat Penilai Kinerja.
II. PENUGASAN
""")
    lines = _lines(build(ingest_text(text, "contoh.txt")))
    assert lines == [("pejabat_fungsional", ("ahli madya",), "kepala_badan", ("pejabat_penilai_kinerja",))]


def test_pada_struktur_di_atas_keeps_the_roles_after_it():
    """"Pada struktur di atas pejabat Administrator, Kelompok Jabatan Fungsional dan pelaksana berkedudukan ...":
    the Pejabat Administrator is one of the subjects (only "Pada <a place>," is a setting)."""
    text = perbup("Pasal 1\nPeraturan Bupati ini mulai berlaku pada tanggal diundangkan.\n", lampiran="""A. KEDUDUKAN
Pada struktur di atas pejabat Administrator, Kelompok Jabatan Fungsional dan pelaksana berkedudukan berada di \
bawah Kepala Dinas yang berperan selaku Pejabat Penilai Kinerja.
B. PENUGASAN
""")
    froms = {x[0] for x in _lines(build(ingest_text(text, "contoh.txt")))}
    assert froms == {"pejabat_administrator", "pejabat_fungsional", "pejabat_pelaksana"}


def test_a_kedudukan_told_from_the_superior():
    """"Pada Inspektorat, Inspektur Pembantu berperan sebagai Pejabat Penilai Kinerja bagi Pejabat Fungsional yang
    berada di bawahnya": the Pejabat Fungsional sits under the Inspektur Pembantu acting as Pejabat Penilai
    Kinerja; where the sentence has its own verb ("X berkedudukan di bawah Y yang berperan sebagai Pejabat Penilai
    Kinerja bagi ... yang berkedudukan dibawahnya") only X's line is drawn."""
    text = perbup("Pasal 1\nPeraturan Bupati ini mulai berlaku pada tanggal diundangkan.\n", lampiran="""A. KEDUDUKAN
Pada Inspektorat, Inspektur Pembantu berperan sebagai Pejabat Penilai Kinerja bagi Pejabat Fungsional yang berada \
di bawahnya. Pejabat Pelaksana berkedudukan di bawah Kepala Bagian yang berperan sebagai Pejabat Penilai Kinerja \
bagi Pejabat Fungsional dan Pelaksana yang berkedudukan dibawahnya.
B. PENUGASAN
""")
    assert _lines(build(ingest_text(text, "contoh.txt"))) == [
        ("pejabat_fungsional", (), "inspektur_pembantu", ("pejabat_penilai_kinerja",)),
        ("pejabat_pelaksana", (), "kepala_bagian", ("pejabat_penilai_kinerja",))]

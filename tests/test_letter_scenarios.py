"""`rancang letter --scenario`: a procedure's whole set of naskah dinas, signed and addressed as the regulation says.

Every scenario renders from its own example; across its letters the numbers are distinct and in the regional form
of their issuing unit, dates run in order, each reply cites the number and date of the letter it answers, and each
letter is signed and addressed by the party its step names. Other regions and other delegations are built here
too, so the rules are not the example's.
"""

from __future__ import annotations

import copy
import re
import sys
from pathlib import Path

import pytest
import yaml

from rancang.cli import main
from rancang.errors import InputError
from rancang.generate.naskah import scenario as sc
from rancang.generate.naskah.fill import tanggal
from rancang.manifest import MANIFEST

sys.path.insert(0, str(Path(__file__).parent))
from letter_helpers import ITEMIZED_BASE, RAW, docx_lines, docx_text, peraturan_of  # noqa: E402

#: "kode klasifikasi/agenda/unit/tahun"; the kode "...." until the data gives the region's pola klasifikasi
NUMBER = re.compile(r"^(?P<kode>\d{3}(?:\.\d+)*|\.{4})/(?P<agenda>\d{4})/(?P<unit>[A-Z][A-Z0-9.\-]*)/(?P<tahun>\d{4})$")


@pytest.fixture(scope="module")
def rendered():
    """name -> (built scenario, {file name: DOCX bytes}) for every scenario's example, rendered once."""
    out = {}
    for name in sc.scenarios():
        built = sc.build(name, sc.scenario_example(name))
        out[name] = (built, dict(sc.render_all(built)))
    return out


def test_the_required_scenarios_exist():
    for name in ("penunjukan-dalam-unit", "penunjukan-lintas-unit", "penunjukan-lintas-instansi",
                 "pengajuan-sukarela-dalam-unit", "pengajuan-sukarela-lintas-unit", "tim-kerja-lintas-pd"):
        assert name in sc.scenarios()


@pytest.mark.parametrize("name", list(sc.scenarios()))
def test_numbers_are_distinct_in_the_regional_form_of_their_issuing_unit(rendered, name):
    built, _ = rendered[name]
    numbers = [x.data["nomor"] for x in built.letters if x.data.get("nomor")]
    assert numbers and len(numbers) == len(set(numbers))
    for x in built.letters:
        if not x.data.get("nomor"):
            assert x.jenis.startswith(("laporan", "lembar", "permohonan-pengajuan", "penyampaian"))
            continue
        if x.layout == "keputusan":  # the kepala daerah's own register, not a unit's agenda
            assert x.data["nomor"] == f".... Tahun {x.date.year}"
            continue
        m = NUMBER.match(x.data["nomor"])
        assert m, x.data["nomor"]
        assert m["unit"] == x.dari.kode and int(m["tahun"]) == x.date.year


@pytest.mark.parametrize("name", list(sc.scenarios()))
def test_dates_in_order_and_replies_cite_number_and_date_of_their_request(rendered, name):
    built, files = rendered[name]
    dates = [x.date for x in built.letters]
    assert dates == sorted(dates) and len(set(dates)) == len(dates)
    by_step = {s.n: s.letter for s in built.steps if s.letter}
    cited = 0
    langkah = sc.get_scenario(name)["langkah"]
    for step in built.steps:  # a step may make a letter per unit kerja: each row is its step's
        step_def = langkah[step.n - 1]
        if step.letter is None:  # a step that makes no letter here (e.g. a rekomendasi the chain does not need)
            continue
        for k in [step_def.get("rujukan"), *(step_def.get("dasar") or [])]:
            if not k:
                continue
            src, text = by_step[k], docx_text(files[step.letter.filename])
            assert src.date < step.letter.date
            if src.layout == "keputusan" and not src.data.get("tanggal"):  # dated when set: cited by number alone
                assert f"Nomor {src.data['nomor']} tentang" in text
                continue
            assert tanggal(src.date) in text
            if src.data.get("nomor"):
                assert src.data["nomor"] in text
                assert text.count(src.data["nomor"]) >= 1 and src.data["nomor"] != step.letter.data.get("nomor")
            cited += 1
    assert cited >= 1


@pytest.mark.parametrize("name", list(sc.scenarios()))
def test_signer_addressee_and_no_python_values(rendered, name):
    built, files = rendered[name]
    for x in built.letters:
        lines = docx_lines(files[x.filename])
        text = "\n".join(lines)
        assert not RAW.search(text), (x.filename, RAW.search(text))
        signer = x.dari.pejabat["nama"]
        assert signer in text or signer.upper() in text
        if x.data.get("tujuan"):
            assert x.data["tujuan"]["jabatan"] in text
        if x.dari.role in ("pegawai", "ketua", "anggota"):
            assert signer == next(p["nama"] for p in x.dari.people if p["nama"] == signer)


def test_who_signs_what_follows_the_regulation(rendered):
    def letter(name, jenis):
        built, files = rendered[name]
        x = next(x for x in built.letters if x.jenis == jenis)
        return x, docx_text(files[x.filename])

    data = sc.scenario_example("pengajuan-sukarela-lintas-unit")
    employee = data["pegawai"][0]["nama"]
    x, text = letter("pengajuan-sukarela-lintas-unit", "permohonan-pengajuan-sukarela")
    assert x.dari.pejabat["nama"] == employee and "Hormat saya," in text and "saya" in text
    assert "Kepala Dinas Kesehatan Kabupaten Sleman" in x.data["tujuan"]["jabatan"]
    assert "PEMERINTAH" not in text.split("\n")[0] and "Nomor" not in text.split("Lampiran")[0]
    x, _ = letter("pengajuan-sukarela-lintas-unit", "persetujuan-pengajuan-sukarela")
    assert x.dari.pejabat["jabatan"] == "Kepala Dinas Kesehatan" and x.data["tujuan"]["jabatan"].startswith("Saudara")
    x, text = letter("penunjukan-dalam-unit", "laporan-individu")
    assert x.dari.pejabat["nama"] == employee and x.data["tujuan"]["jabatan"] == "Kepala Bidang Aplikasi Informatika"
    x, text = letter("tim-kerja-lintas-pd", "laporan-ketua-tim")
    # its own register, and no date before the Bupati sets it
    assert "berdasarkan Keputusan Bupati Sleman Nomor .... Tahun 2026 tentang" in text
    ketua = next(p for p in sc.scenario_example("tim-kerja-lintas-pd")["pegawai"] if p["peran"] == "Ketua")
    assert x.dari.pejabat["nama"] == ketua["nama"] and x.dari.pejabat["jabatan"].startswith("Ketua Tim Kerja")
    x, text = letter("tim-kerja-lintas-pd", "keputusan-tim-lintas-pd")
    assert "KEPUTUSAN BUPATI SLEMAN" in text and "RATRI WULANDARI" in text and "BUPATI SLEMAN," in text
    assert "perlu menetapkan Keputusan Bupati Sleman tentang" in text
    assert "KEPALA DINAS" not in text.split("MEMUTUSKAN")[0]
    x, text = letter("penunjukan-lintas-unit", "nota-dinas-permohonan-pelibatan")
    assert x.layout == "nota" and "NOTA DINAS" in text and "Yth. Kepala Bidang Statistik" in text
    x, text = letter("penunjukan-lintas-unit", "jawaban-persetujuan")
    assert x.layout == "nota" and "Nota Dinas Saudara Nomor" in text


def test_lintas_instansi_goes_to_another_government(rendered):
    built, files = rendered["penunjukan-lintas-instansi"]
    kop = {x.filename: docx_lines(files[x.filename])[0] for x in built.letters}
    assert kop["01-permohonan-kepada-pejabat-berwenang.docx"] == "PEMERINTAH KABUPATEN SLEMAN"
    assert kop["04-jawaban-ketersediaan.docx"].startswith("PEMERINTAH DAERAH DAERAH ISTIMEWA YOGYAKARTA")
    second = built.letters[1]
    assert second.data["tujuan"]["jabatan"] == "Gubernur Daerah Istimewa Yogyakarta"
    assert second.dari.pejabat["atas_nama"] == "Bupati Sleman"
    assert "a.n. Bupati Sleman" in docx_text(files[second.filename])


def test_lists_render_as_lists_and_people_as_tables(rendered):
    built, files = rendered["penunjukan-dalam-unit"]
    x = built.letters[0]
    lines = docx_lines(files[x.filename])
    for i, item in enumerate(sc.scenario_example("penunjukan-dalam-unit")["penugasan"]["uraian_tugas"], 1):
        assert f"{i}.\t{item}" in lines or any(line.startswith(f"{i}.") and item in line for line in lines)
    import docx

    doc = docx.Document(__import__("io").BytesIO(files[x.filename]))
    names = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert any("Rudi Hartanto" in n for n in names)


@pytest.fixture(scope="module")
def sleman_draft(tmp_path_factory, draft_sources) -> Path:
    """The Sleman example's own draft (draft.json): the regulation its letters follow with --peraturan."""
    from rancang.generate.draft import build as drafting
    from rancang.generate.shared import profile as profiles

    d = drafting.build(profiles.load(profiles.example_path("sleman")), base=ITEMIZED_BASE, sources=draft_sources)
    return drafting.write(d, tmp_path_factory.mktemp("sleman"))[2]


def test_skenario_md_ties_step_letter_and_clause(sleman_draft, tmp_path):
    built = sc.build("penunjukan-lintas-unit", sc.scenario_example("penunjukan-lintas-unit"),
                     peraturan=peraturan_of(str(sleman_draft)))
    cites = [s.cite for s in built.steps]
    assert len(set(cites)) == len(cites) and all(c.startswith(("Lampiran", "Pasal")) for c in cites)
    assert "mengirimkan nota dinas permohonan pelibatan" in built.steps[0].teks
    paths = sc.write(built, tmp_path)
    md = (tmp_path / "skenario.md").read_text(encoding="utf-8")
    assert [p.name for p in paths][:2] == ["01-nota-dinas-permohonan-pelibatan.docx", "02-jawaban-persetujuan.docx"]
    for step in built.steps:
        assert step.cite in md
        if step.letter:
            assert step.letter.filename in md and step.letter.data.get("nomor", "-") in md
    # the region's own act, not yet numbered: cited with the blank, in its official case, the blank listed
    assert re.match(r"Peraturan Bupati Sleman Nomor \.\.\.\. Tahun 2026 tentang Sistem Kerja ", built.peraturan)
    assert " untuk " in built.peraturan and " di Lingkungan " in built.peraturan and " Di " not in built.peraturan
    assert "## Yang masih harus diisi" in md and f"- {built.peraturan} (tertulis" in md
    order = docx_text((tmp_path / "04-surat-perintah-tugas.docx").read_bytes())
    assert f"1.\t{built.peraturan}" in order or f"1. {built.peraturan}" in order, order[:900]


def test_another_region_and_a_delegated_keputusan():
    data = sc.scenario_example("tim-kerja-lintas-pd")
    magelang = yaml.safe_load((Path(__file__).parent.parent / "corpus" / "examples" / "kota-magelang.yaml").read_text())
    data["profil"] = magelang
    data["delegasi"] = {"keputusan": "sekretaris_daerah"}
    built = sc.build("tim-kerja-lintas-pd", data)
    kep = next(x for x in built.letters if x.jenis == "keputusan-tim-lintas-pd")
    text = docx_text(dict(sc.render_all(built))[kep.filename])
    assert "KEPUTUSAN SEKRETARIS DAERAH KOTA MAGELANG" in text and "SRI LESTARI HANDAYANI" in text
    assert "perlu menetapkan Keputusan Sekretaris Daerah Kota Magelang" in text and "BUPATI" not in text
    assert built.letters[0].data["instansi"]["pemerintah"] == "Pemerintah Kota Magelang"
    assert built.letters[0].data["tujuan"]["jabatan"].endswith("Kota Magelang")


def test_bad_scenario_data_is_one_clear_sentence(tmp_path, capsys):
    data = sc.scenario_example("penunjukan-lintas-unit")
    data["pihak"]["tujuan"]["unit_kerja"] = "TIDAKADA"
    with pytest.raises(InputError, match="unit kerja 'TIDAKADA' tidak ada"):
        sc.build("penunjukan-lintas-unit", data)
    bad = copy.deepcopy(sc.scenario_example("penunjukan-dalam-unit"))
    for key in ("mulai", "selesai", "uraian_tugas"):  # no period: no durasi can be derived
        del bad["penugasan"][key]
    f = tmp_path / "d.yaml"
    f.write_text(yaml.safe_dump(bad, allow_unicode=True), encoding="utf-8")
    assert main(["letter", "--scenario", "penunjukan-dalam-unit", str(f), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "durasi" in err and "uraian_tugas" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()
    with pytest.raises(InputError, match="tidak dikenal"):
        sc.get_scenario("mutasi")
    wrong = sc.scenario_example("penunjukan-dalam-unit")
    wrong["pegawai"][0]["gelar"] = "x"
    wrong["tanggal_mulai"] = "2 Maret 2026"
    with pytest.raises(InputError, match="gelar.*tanggal_mulai|tanggal_mulai.*gelar"):
        sc.build("penunjukan-dalam-unit", wrong)


def test_cli_example_then_render(tmp_path, capsys):
    assert main(["letter", "--scenario", "pengajuan-sukarela-dalam-unit", "--example"]) == 0
    f = tmp_path / "s.yaml"
    f.write_text(capsys.readouterr().out, encoding="utf-8")
    out = tmp_path / "surat"
    assert main(["letter", "--scenario", "pengajuan-sukarela-dalam-unit", str(f), "-o", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir() if p.name != MANIFEST)
    assert names == ["01-surat-perintah-tugas.docx", "02-laporan-individu.docx", "skenario.md"]
    assert "(tanpa naskah)" in (out / "skenario.md").read_text(encoding="utf-8")


def test_steps_from_another_regulation_model(tmp_path):
    """--peraturan bogor for letters of Kota Bogor: Bogor's own Perwali gives the clauses; a procedure a regulation
    lacks is refused by name."""
    bogor = yaml.safe_load((Path(__file__).parent.parent / "corpus" / "examples" / "kota-magelang.yaml").read_text())
    bogor["daerah"]["nama"], bogor["ibu_kota"] = "Bogor", "Bogor"
    data = sc.scenario_example("penunjukan-lintas-instansi")
    data["profil"] = bogor
    built = sc.build("penunjukan-lintas-instansi", data, peraturan=peraturan_of("bogor"))
    assert built.peraturan.startswith("Peraturan Wali Kota Bogor")
    procedure = re.search(r"\((Lampiran[^)]*)\)$", built.prosedur)[1]
    cites = [s.cite for s in built.steps]
    assert all(c.startswith(procedure) for c in cites), (procedure, cites)
    assert len(set(cites)) >= 3
    default = sc.build("penunjukan-lintas-instansi", sc.scenario_example("penunjukan-lintas-instansi"))
    assert "tidak diberikan" in default.peraturan and "Jepara" not in default.prosedur
    assert [s.cite for s in default.steps] == [""] * len(default.steps)  # no regulation given: no clause cited
    small = tmp_path / "perbup.txt"
    small.write_text("PERATURAN BUPATI SLEMAN\nNOMOR 1 TAHUN 2024\nTENTANG\nCONTOH\n\nPasal 1\n\n"
                     "Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.\n", encoding="utf-8")
    with pytest.raises(InputError, match="tidak mengatur prosedur penunjukan"):
        sc.build("tim-kerja-lintas-pd", sc.scenario_example("tim-kerja-lintas-pd"), peraturan=peraturan_of(str(small)))


def test_reports_cite_the_reporting_clause_of_the_regulation_given(sleman_draft, tmp_path):
    """A regulation whose reporting Pasal is numbered differently (here: one Pasal before it removed, the rest
    renumbered): each report cites that regulation's own reporting clause, never the bundled base's number."""
    text = (sleman_draft.parent / "draft.md").read_text(encoding="utf-8")
    reporting = re.search(r"##### Pasal (\d+)\n\n\(1\) Pejabat Fungsional dan Pejabat Pelaksana yang ditugaskan secara "
                          r"individu melaporkan", text)
    n = int(reporting[1])
    start = text.index(f"##### Pasal {n - 1}\n")
    end = text.index("\n#", start + 1)
    shorter = text[:start] + text[end + 1:]
    shorter = re.sub(r"(Pasal )(\d+)", lambda m: f"{m[1]}{int(m[2]) - 1 if int(m[2]) >= n else m[2]}", shorter)
    regulation = tmp_path / "perbup.md"
    regulation.write_text(shorter, encoding="utf-8")
    for source, number in ((sleman_draft, n), (regulation, n - 1)):
        built = sc.build("tim-kerja-dalam-unit", sc.scenario_example("tim-kerja-dalam-unit"),
                         peraturan=peraturan_of(str(source)))
        files = dict(sc.render_all(built))
        member = docx_text(files[next(x.filename for x in built.letters if x.jenis == "laporan-anggota-tim")])
        leader = docx_text(files[next(x.filename for x in built.letters if x.jenis == "laporan-ketua-tim")])
        assert f"sesuai dengan Pasal {number} ayat (3) Peraturan Bupati Sleman Nomor .... Tahun 2026 tentang" in member
        assert f"sesuai dengan Pasal {number} ayat (2) Peraturan Bupati Sleman Nomor .... Tahun 2026 tentang" in leader
        assert [s.cite for s in built.steps][-2:] == [f"Pasal {number} ayat (3)", f"Pasal {number} ayat (2)"]


def test_a_keputusan_signed_by_a_pj_prints_pj_as_written():
    """The signature of a Keputusan is in capitals, but "Pj." and "a.n." are marks, not words of the office: "Pj.
    WALI KOTA SALATIGA," as the region's draft Perwal writes its signer (the Keputusan printed "PJ. WALI KOTA")."""
    from rancang.generate.naskah.layouts import ttd

    pj = {"penandatangan": {"jabatan": "Wali Kota Salatiga", "status": "Pj.", "nama": "Budi Santoso"}}
    assert ttd(pj, upper=True)["jabatan"] == ["Pj. WALI KOTA SALATIGA,"]
    an = {"penandatangan": {"jabatan": "Sekretaris Daerah", "atas_nama": "Bupati Sleman", "nama": "Sri"}}
    assert ttd(an, upper=True)["jabatan"] == ["a.n. BUPATI SLEMAN", "SEKRETARIS DAERAH,"]


def test_a_keputusan_made_by_a_pj_names_the_pj_in_its_pembukaan():
    """The maker named in the pembukaan is the office that signs (DRAFTING P1): "Pj. BUPATI BANYUMAS," above
    Menimbang when the Pj. signs; the judul stays "KEPUTUSAN BUPATI BANYUMAS" (the act's kind)."""
    from rancang.generate.naskah.layouts import keputusan

    d = {"penandatangan": {"jabatan": "Bupati Banyumas", "status": "Pj.", "nama": "Hanung Cahyo Saputro"},
         "tentang": "Tim Kerja Satu Data", "tim": {"nama": "Tim Kerja Satu Data"}}
    ctx = keputusan({}, d)
    assert ctx["pembukaan"] == "Pj. BUPATI BANYUMAS," and ctx["judul"] == "KEPUTUSAN BUPATI BANYUMAS"
    assert ctx["ttd"]["jabatan"] == ["Pj. BUPATI BANYUMAS,"]
    d["penandatangan"].pop("status")
    assert keputusan({}, d)["pembukaan"] == "BUPATI BANYUMAS,"

"""What a Kepala Bagian Hukum sends back after reading each set against the region's own model draft (session 8):
every citation lands on a clause that says what the letter does, replies come from whom the request went to, a
report goes where the reporting clause says, and the Keputusan, the kop, the NIP and the Lampiran line are what the
law makes them. Each rule is checked on the generated DOCX text."""

from __future__ import annotations

import copy
import io
import re
import sys
from pathlib import Path

import pytest
import yaml

from rancang.cli import main
from rancang.errors import InputError
from rancang.generate import naskah
from rancang.generate.naskah import consistency, steps
from rancang.generate.naskah import scenario as sc
from rancang.generate.naskah.fill import nip, nip_problem

sys.path.insert(0, str(Path(__file__).parent))
from letter_helpers import docx_lines, docx_text, peraturan_of, scenario_sets  # noqa: E402


@pytest.fixture(scope="module")
def model_draft(sleman_draft) -> Path:
    """The Sleman example's own draft on the default base (the model Perbup), written once (conftest): its folder."""
    return sleman_draft[1]


@pytest.fixture(scope="module")
def sets(model_draft):
    """Every scenario's example data under the model draft: name -> (Built, {file: DOCX text})."""
    return scenario_sets(model_draft, lambda built: {f: docx_text(c) for f, c in sc.render_all(built)})


def _clause(model_draft: Path, cite: str) -> str:
    """The text of the draft's Pasal ``cite`` ("Pasal 12"), read from draft.md."""
    md = (model_draft / "draft.md").read_text(encoding="utf-8")
    m = re.search(rf"^#+ {re.escape(cite)}\n+(.+?)\n\n#", md, re.M | re.S)
    assert m, cite
    return m[1]


def test_a_letter_cites_a_clause_only_for_what_the_clause_says(sets):
    """A proposal is never put on the clause of the same official formulating his strategy; a step the draft does
    not detail says so and cites no item of it."""
    for name in ("penunjukan-dalam-unit", "tim-kerja-dalam-unit"):
        built, _ = sets[name]
        first = built.steps[0]
        assert first.letter.jenis == "usulan-pejabat-penilai-kinerja"
        assert steps.UNDETAILED in first.teks and "merumuskan strategi" not in first.teks


def test_a_request_sent_straight_to_the_unit_asked_is_answered_by_it_without_a_disposisi(sets):
    built, texts = sets["tim-kerja-lintas-pd"]
    request = built.letters[0]
    assert request.kepada.role == "tujuan.unit"  # the draft: "... kepada Pejabat Penilai Kinerja dituju ..."
    assert not any(x.layout == "disposisi" for x in built.letters)
    assert any("tidak diperlukan" in s.teks and s.letter is None for s in built.steps)
    answer = next(x for x in built.letters if x.jenis == "jawaban-persetujuan")
    assert answer.dari.jabatan == request.kepada.jabatan  # the Kepala Bidang asked answers, not his Kepala Dinas
    text = texts[answer.filename]
    assert f"Menindaklanjuti surat Saudara Nomor {request.data['nomor']}" in text
    assert text.rstrip().split("\n")[-1] != answer.dari.jabatan  # no tembusan to himself
    # a surat dinas out of his Dinas: signed on behalf of its head
    assert f"a.n. Kepala Dinas Komunikasi dan Informatika\n{answer.dari.jabatan}," in text
    assert "menjawab" in next(s for s in built.steps if s.letter is answer).teks  # the clause that says so


def test_a_report_goes_to_whom_the_reporting_clause_names_and_the_surat_tugas_says_so(sets, model_draft):
    for name in ("penunjukan-dalam-unit", "pengajuan-sukarela-dalam-unit"):
        built, texts = sets[name]
        step = next(s for s in built.steps if s.letter and s.letter.jenis == "laporan-individu")
        clause = _clause(model_draft, step.cite)
        report, order = step.letter, next(x for x in built.letters if x.layout == "perintah")
        if "Pimpinan Unit Organisasi" in clause and "Pimpinan Unit Kerja" not in clause:
            assert report.kepada.role.endswith(".pd"), (name, clause)
        assert f"Kepada : Yth. {report.kepada.jabatan}" in texts[report.filename].replace("\t", " ") or \
            f"Yth. {report.kepada.jabatan}" in texts[report.filename]
        assert f"Melaporkan hasil pelaksanaan tugas kepada {report.kepada.jabatan}" in texts[order.filename]


def test_lintas_instansi_letters_cite_their_own_items_and_undetailed_ones_none(sets):
    built, _ = sets["penunjukan-lintas-instansi"]
    cites = [s.cite for s in built.steps]
    detailed = [c for s, c in zip(built.steps, cites, strict=True) if steps.UNDETAILED not in s.teks]
    assert len(set(detailed)) == len(detailed)  # one item, one letter: no item cited for a letter it does not tell
    second = built.steps[1]
    assert second.letter.dari.role.endswith(".pyb") and "mengirimkan surat permohonan" in second.teks


def test_a_report_names_the_author_of_the_letter_it_rests_on_never_saudara(sets):
    for name, (built, texts) in sets.items():
        for x in built.letters:
            if x.layout == "laporan":
                assert "Saudara" not in texts[x.filename], (name, x.filename)
    built, texts = sets["tim-kerja-dalam-unit"]
    report = next(x for x in built.letters if x.jenis == "laporan-ketua-tim")
    assert "berdasarkan Surat Tugas Kepala Dinas Komunikasi dan Informatika Nomor" in texts[report.filename]


def test_a_letter_sending_the_draft_keputusan_counts_it_and_the_set_check_refuses_a_dash(sets):
    built, texts = sets["tim-kerja-lintas-pd"]
    x = next(x for x in built.letters if x.jenis == "permohonan-penetapan-keputusan")
    assert "sebagai lampiran surat ini" in texts[x.filename]
    assert "Lampiran\t:\t1 (satu) berkas" in texts[x.filename]
    files = dict(sc.render_all(built))
    files[x.filename] = naskah.render(x.jenis, {**x.data, "lampiran": "-"}, x.layout)
    with pytest.raises(InputError, match=rf"{x.filename} menyatakan \"sebagai lampiran\".*Lampiran-nya berisi"):
        consistency.check_set(sorted(files.items()))


def test_the_keputusan_has_the_form_of_a_keputusan_kepala_daerah(sets):
    built, texts = sets["tim-kerja-lintas-pd"]
    kep = next(x for x in built.letters if x.layout == "keputusan")
    lines = texts[kep.filename].split("\n")
    assert lines[:3] == ["BUPATI SLEMAN", "PROVINSI DAERAH ISTIMEWA YOGYAKARTA", "KEPUTUSAN BUPATI SLEMAN"]
    text = texts[kep.filename]
    mengingat = text[text.index("Mengingat"):text.index("MEMUTUSKAN")]
    formation = mengingat.index("Undang-Undang Nomor 15 Tahun 1950 tentang Pembentukan")
    assert formation < mengingat.index("Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah") \
        < mengingat.index("Undang-Undang Nomor 20 Tahun 2023")
    assert "Salinan Keputusan ini disampaikan kepada Yth.:" in text and "Tembusan" not in text
    assert "pada tanggal ....................\n" in text and "TANGGAL ...................." in text
    assert any(b.startswith("tanggal penetapan Keputusan") for b in built.blanks)
    report = next(x for x in built.letters if x.jenis == "laporan-ketua-tim")
    assert f"Keputusan Bupati Sleman Nomor {kep.data['nomor']} tentang" in texts[report.filename]


def test_a_keputusan_dated_in_the_data_carries_that_date_and_is_cited_by_it(model_draft):
    data = sc.scenario_example("tim-kerja-lintas-pd")
    data["tanggal_keputusan"] = "2026-03-20"
    built = sc.build("tim-kerja-lintas-pd", data, peraturan=peraturan_of(str(model_draft / "draft.json")))
    texts = {f: docx_text(c) for f, c in sc.render_all(built)}
    kep = next(x for x in built.letters if x.layout == "keputusan")
    assert "pada tanggal 20 Maret 2026" in texts[kep.filename]
    report = next(x for x in built.letters if x.jenis == "laporan-ketua-tim")
    assert "tanggal 20 Maret 2026 tentang Pembentukan" in texts[report.filename]


def _images(content: bytes) -> int:
    import docx

    return len(docx.Document(io.BytesIO(content)).inline_shapes)


def test_the_kepala_daerah_signs_his_own_letters_under_his_kop_surat_jabatan():
    """UU 24/2009 Pasal 54 ayat (1) huruf i: the Lambang Negara as kop surat jabatan of the bupati; a perangkat
    daerah's letter keeps its own kop with the lambang daerah (or its box)."""
    data = sc.scenario_example("penunjukan-lintas-instansi")
    data.pop("delegasi", None)  # no delegation: the kepala daerah is the pejabat yang berwenang himself
    built = sc.build("penunjukan-lintas-instansi", data)
    files = dict(sc.render_all(built))
    own = next(x for x in built.letters if x.dari.role == "asal.pyb")
    lines = docx_lines(files[own.filename])
    assert lines[0] == "BUPATI SLEMAN" and "SEKRETARIAT DAERAH" not in lines and _images(files[own.filename]) == 1
    pd = built.letters[0]
    assert docx_lines(files[pd.filename])[0] == "PEMERINTAH KABUPATEN SLEMAN" and _images(files[pd.filename]) == 1
    on_behalf = copy.deepcopy(sc.scenario_example("penunjukan-lintas-instansi"))  # a.n. by the Sekretaris Daerah
    built = sc.build("penunjukan-lintas-instansi", on_behalf)
    x = next(x for x in built.letters if x.dari.role == "asal.pyb")
    assert "SEKRETARIAT DAERAH" in docx_lines(dict(sc.render_all(built))[x.filename])


@pytest.mark.parametrize(("bad", "why"), [
    ("19880512201503100", "18 angka"),
    ("198805122015131002", "bukan bulan yang ada"),
    ("198802302015031002", "bukan tanggal yang ada"),
    ("198805122015033002", "jenis kelamin"),
    ("198805121987031002", "tidak sesudah tanggal lahirnya"),
])
def test_an_nip_that_is_no_nip_is_refused_naming_its_field(bad, why, tmp_path, capsys):
    data = sc.scenario_example("tim-kerja-lintas-pd")
    data["pegawai"][1]["nip"] = bad
    with pytest.raises(InputError, match=rf"NIP pada pegawai\[2\]\.nip \(Rudi Hartanto, S\.T\.\) tidak sah: .*{why}"):
        sc.build("tim-kerja-lintas-pd", data)
    f = tmp_path / "d.yaml"
    f.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert main(["letter", "--scenario", "tim-kerja-lintas-pd", str(f), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pegawai[2].nip" in err and "Traceback" not in err
    one = naskah.example_data("jawaban-persetujuan")
    one["penandatangan"]["nip"] = bad
    with pytest.raises(InputError, match=r"penandatangan\.nip"):
        naskah.render("jawaban-persetujuan", one)


def test_an_nip_is_printed_in_its_four_groups():
    assert nip("198203042008011004") == nip("19820304.200801.1.004") == "19820304 200801 1 004"
    assert nip_problem("19660801.198803.1.001") is None and nip_problem("....") is None
    built = sc.build("tim-kerja-lintas-pd", sc.scenario_example("tim-kerja-lintas-pd"))
    text = docx_text(dict(sc.render_all(built))[built.letters[0].filename])
    assert "NIP. 19880512 201503 1 002" in text and "198805122015031002" not in text


def test_the_drafts_own_folder_above_the_letters_is_found_and_named(model_draft, tmp_path, capsys):
    """README: `rancang draft -o DIR`, then `rancang letter ... -o DIR/surat`."""
    import shutil

    folder = tmp_path / "keluaran"
    shutil.copytree(model_draft, folder)
    f = tmp_path / "data.yaml"
    f.write_text(yaml.safe_dump(sc.scenario_example("penunjukan-dalam-unit"), allow_unicode=True), encoding="utf-8")
    assert main(["letter", "--scenario", "penunjukan-dalam-unit", str(f), "-o", str(folder / "surat")]) == 0
    assert f"peraturan daerah: {folder / 'draft.json'}" in capsys.readouterr().out
    md = (folder / "surat" / "skenario.md").read_text(encoding="utf-8")
    assert f"Dibaca dari: {folder / 'draft.json'} (ditemukan otomatis" in md
    assert re.search(r"\| Pasal \d+[^|]*\|\n", md)  # the report on the draft's own reporting Pasal


def test_every_set_under_the_model_draft_tells_one_story(sets):
    for name, (built, _) in sets.items():
        consistency.check_set(sc.render_all(built))
        assert built.letters, name

"""The chain of letters comes from the region's own regulation (issue 28 item 1 and its acceptance): a regulation
whose lintas-Perangkat-Daerah chain goes through the pejabat yang berwenang, and whose reporting Pasal is numbered
differently from the bundled base's, gives letters that go that way and cite its own clauses.

The regulation is the Sleman example's own draft with its lintas-PD mechanism rewritten the way another region's
act words it ("... kepada pejabat yang berwenang dengan tembusan Pimpinan Unit Organisasi yang dituju"; the answer
PUO dituju → pejabat yang berwenang → Kepala Perangkat Daerah pemohon) and one Pasal before the reporting Pasal
removed (the rest renumbered)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml

from rancang.corpus import regulations
from rancang.generate import naskah
from rancang.generate.naskah import consistency, steps
from rancang.generate.naskah import scenario as sc

sys.path.insert(0, str(Path(__file__).parent))
from letter_helpers import docx_text, itemized_sleman, peraturan_of  # noqa: E402


@pytest.fixture(scope="module")
def sleman_draft(tmp_path_factory, draft_sources):
    """The Sleman draft whose Lampiran details the penunjukan mechanisms item by item (letter_helpers.ITEMIZED_BASE)."""
    return itemized_sleman(tmp_path_factory, draft_sources)

MECHANISM = """\\3) Mekanisme penunjukan yang bersifat lintas Perangkat Daerah.

\\a) Kepala Perangkat Daerah pemohon mengirimkan surat permohonan pelibatan Pejabat Fungsional atau Pelaksana kepada \
pejabat yang berwenang dengan tembusan Pimpinan Unit Organisasi yang dituju;

\\b) Apabila pejabat yang berwenang menyetujui permohonan tersebut, pejabat yang berwenang menginstruksikan Pimpinan \
Unit Organisasi yang dituju untuk menugaskan Pejabat Fungsional atau Pelaksana yang sesuai dengan kriteria;

\\c) Apabila Pimpinan Unit Organisasi yang dituju menyetujui pelibatan, maka Pimpinan Unit Organisasi yang dituju \
menyampaikan surat jawaban kepada pejabat yang berwenang, kemudian pejabat yang berwenang menyampaikan surat jawaban \
tersebut kepada Kepala Perangkat Daerah pemohon;

\\d) Apabila Pimpinan Unit Organisasi yang dituju tidak menyetujui pelibatan, maka Pimpinan Unit Organisasi yang \
dituju menjawab surat permohonan pelibatan tersebut dengan disertai alasan kepada pejabat yang berwenang;

\\e) Pejabat yang berwenang menetapkan keputusan tentang pembentukan Tim Kerja yang memuat nama Pejabat Fungsional \
dan/atau Pelaksana yang telah disetujui;

"""
NAME = "tim-kerja-lintas-pd"


@pytest.fixture(scope="module")
def regulation(sleman_draft, tmp_path_factory) -> tuple[Path, int]:
    """The rewritten regulation (a Markdown file) and the number of its reporting Pasal."""
    text = (sleman_draft[1] / "draft.md").read_text(encoding="utf-8")
    # the items open "3)" or, escaped for Markdown, "\\3)"
    # (the draft may indent the Lampiran's items by their depth)
    start = re.search(r"^[ ]*\\?3\) Mekanisme penunjukan yang bersifat lintas Perangkat Daerah\.", text, re.M).start()
    end = re.search(r"^[ ]*\\?4\) Mekanisme penunjukan yang bersifat lintas Instansi", text, re.M).start()
    text = text[:start] + MECHANISM + text[end:]
    # a kedudukan clause before the reporting Pasal that also draws a line (Pejabat Fungsional -> Pimpinan Unit Kerja)
    # (the draft writes the defined term "Pejabat Penilai Kinerja" in its case, or the base's lower case)
    placing = re.search(r"\(2\) Pimpinan Unit Kerja berperan sebagai pejabat penilai kinerja\.", text, re.I)
    assert placing
    text = text.replace(placing[0], "(2) Pejabat Fungsional dan Pejabat Pelaksana berkedudukan di bawah dan "
                                    "bertanggung jawab secara langsung kepada Pimpinan Unit Kerja.")
    n = int(re.search(r"##### Pasal (\d+)\n\n\(1\) Pejabat Fungsional dan Pejabat Pelaksana yang ditugaskan secara "
                      r"individu melaporkan", text)[1])
    cut = text.index(f"##### Pasal {n - 1}\n")
    text = text[:cut] + text[text.index("\n#", cut + 1) + 1:]
    text = re.sub(r"(Pasal )(\d+)", lambda m: f"{m[1]}{int(m[2]) - 1 if int(m[2]) >= n else m[2]}", text)
    path = tmp_path_factory.mktemp("pyb") / "perbup.md"
    path.write_text(text, encoding="utf-8")
    return path, n - 1


@pytest.fixture(scope="module")
def built(regulation):
    return sc.build(NAME, sc.scenario_example(NAME), peraturan=peraturan_of(str(regulation[0])))


def _row(built, jenis):
    return [(s, s.letter) for s in built.steps if s.letter and s.letter.jenis == jenis]


def test_the_request_goes_to_the_pejabat_yang_berwenang_with_tembusan_to_the_unit_asked(built):
    ((step, letter),) = _row(built, "permohonan-pelibatan-lintas-unit")
    assert step.cite.endswith("angka 3 huruf a")
    assert letter.dari.jabatan == "Kepala Dinas Kesehatan"
    assert letter.data["tujuan"]["jabatan"] == "Bupati Sleman"
    assert letter.data["tembusan"] == ["Kepala Dinas Komunikasi dan Informatika Kabupaten Sleman"]
    body = docx_text(dict(sc.render_all(built))[letter.filename])
    assert "pada Dinas Komunikasi dan Informatika Kabupaten Sleman dengan ketentuan" in body  # not "unit ... Saudara"


def test_the_instruction_is_the_pejabat_yang_berwenang_s_to_the_unit_asked(built):
    ((step, letter),) = _row(built, "lembar-disposisi")
    assert step.cite.endswith("angka 3 huruf b")
    assert letter.dari.pejabat["jabatan"] == "Bupati Sleman"
    assert letter.data["diteruskan"] == ["Kepala Dinas Komunikasi dan Informatika Kabupaten Sleman"]


def test_the_answer_goes_up_to_the_pejabat_yang_berwenang_and_on_to_the_requester(built):
    (first, a), (second, b) = _row(built, "jawaban-persetujuan")
    assert first.cite == second.cite and first.cite.endswith("angka 3 huruf c")
    assert second.teks.endswith(sc.FORWARDED)
    assert (a.dari.jabatan, a.data["tujuan"]["jabatan"]) == (
        "Kepala Dinas Komunikasi dan Informatika", "Bupati Sleman")
    assert (b.dari.pejabat["jabatan"], b.data["tujuan"]["jabatan"]) == (
        "Bupati Sleman", "Kepala Dinas Kesehatan Kabupaten Sleman")
    assert a.date < b.date and b.data["rujukan"]["nomor"] == built.letters[0].data["nomor"]


def test_the_keputusan_and_the_report_cite_their_own_clauses(built, regulation):
    ((request, _),) = _row(built, "permohonan-penetapan-keputusan")
    assert request.teks.endswith(steps.UNDETAILED)  # the regulation does not detail the request to set it
    ((keputusan, _),) = _row(built, "keputusan-tim-lintas-pd")
    assert keputusan.cite.endswith("angka 3 huruf e")
    ((report, letter),) = _row(built, "laporan-ketua-tim")
    assert report.cite == f"Pasal {regulation[1]} ayat (2)"
    text = docx_text(dict(sc.render_all(built))[letter.filename])
    assert f"sesuai dengan Pasal {regulation[1]} ayat (2) Peraturan Bupati Sleman Nomor .... Tahun 2026" in text


def test_an_individual_report_cites_the_reporting_pasal_not_the_kedudukan(regulation):
    """"... berkedudukan di bawah dan bertanggung jawab secara langsung kepada Pimpinan Unit Kerja" (Pasal 7 ayat
    (2)) places the employee; the report cites the Pasal in which the employee reports."""
    name = "penunjukan-dalam-unit"
    built = sc.build(name, sc.scenario_example(name), peraturan=peraturan_of(str(regulation[0])))
    ((report, letter),) = _row(built, "laporan-individu")
    assert report.cite == f"Pasal {regulation[1]} ayat (1)"
    assert letter.data["dasar_pelaporan"].startswith(f"Pasal {regulation[1]} ayat (1) Peraturan Bupati Sleman")


def test_a_pejabat_yang_berwenang_no_one_named_is_listed_to_be_checked(built):
    (note,) = [b for b in built.blanks if b.startswith("Pejabat yang Berwenang Kabupaten Sleman")]
    assert "01-permohonan-pelibatan-lintas-unit.docx" in note and "naskah_dinas.pejabat_berwenang" in note
    assert "Bupati Sleman" in note and note in sc.skenario_md(built)


def test_a_delegated_pejabat_yang_berwenang_signs_for_the_bupati(regulation):
    data = sc.scenario_example(NAME)
    data["delegasi"] = {"pejabat_berwenang": "sekretaris_daerah"}
    built = sc.build(NAME, data, peraturan=peraturan_of(str(regulation[0])))
    _, forwarded = _row(built, "jawaban-persetujuan")[1]
    assert forwarded.dari.pejabat["jabatan"] == "Sekretaris Daerah"
    assert forwarded.dari.pejabat["atas_nama"] == "Bupati Sleman"
    assert not any(b.startswith("Pejabat yang Berwenang") for b in built.blanks)  # named: nothing to check
    # the profile may name it instead of the data
    data = sc.scenario_example(NAME)
    profile = yaml.safe_load((Path(__file__).parent.parent / "corpus" / "examples" / "sleman.yaml").read_text())
    profile.setdefault("naskah_dinas", {})["pejabat_berwenang"] = "sekretaris_daerah"
    data["profil"] = profile
    built = sc.build(NAME, data, peraturan=peraturan_of(str(regulation[0])))
    assert _row(built, "jawaban-persetujuan")[1][1].dari.pejabat["jabatan"] == "Sekretaris Daerah"


def test_the_bundled_base_chain_is_unchanged(sleman_draft):
    built = sc.build(NAME, sc.scenario_example(NAME), peraturan=peraturan_of(str(sleman_draft[1] / "draft.json")))
    first = built.letters[0]
    assert (first.dari.jabatan, first.data["tujuan"]["jabatan"]) == (
        "Kepala Dinas Kesehatan", "Kepala Dinas Komunikasi dan Informatika Kabupaten Sleman")
    assert [x.jenis for x in built.letters].count("jawaban-persetujuan") == 1


def test_without_peraturan_the_region_s_own_draft_in_the_output_folder_is_used(sleman_draft, tmp_path, capsys):
    """Issue 28 item 1: --peraturan defaults to the region's draft in the output folder (or the data's)."""
    import shutil

    import yaml

    from rancang.cli import main

    out = tmp_path / "surat"
    out.mkdir()
    shutil.copy(sleman_draft[1] / "draft.json", out / "draft.json")
    data = tmp_path / "data.yaml"
    data.write_text(yaml.safe_dump(sc.scenario_example(NAME), allow_unicode=True), encoding="utf-8")
    assert main(["letter", "--scenario", NAME, str(data), "-o", str(out)]) == 0
    assert f"peraturan daerah: {out / 'draft.json'}" in capsys.readouterr().out
    md = (out / "skenario.md").read_text(encoding="utf-8")
    assert "angka 2 huruf a angka 3 huruf a |" in md and "tidak diberikan" not in md  # the draft's own clause
    assert f"Dibaca dari: {out / 'draft.json'} (ditemukan otomatis" in md  # and skenario.md says which file


def test_a_draft_of_another_region_is_passed_over_and_a_bundled_region_found(sleman_draft, tmp_path):
    folder = tmp_path / "lain"
    folder.mkdir()
    (folder / "draft.json").write_bytes((sleman_draft[1] / "draft.json").read_bytes())
    assert regulations.default_for("Kabupaten Bantul", [folder]) is None
    assert regulations.default_for("Kabupaten Sleman", [folder]) == str(folder / "draft.json")
    assert regulations.default_for("Kota Bogor", [folder]) == "bogor"
    assert regulations.default_for(None, [folder]) is None


def test_one_pejabat_yang_berwenang_still_answers_the_requester(regulation, tmp_path):
    """Within one region "pejabat yang berwenang ... kepada pejabat yang berwenang pemohon" (words of a lintas-instansi
    chain carried into a lintas-PD one) is one official: no letter to himself, and the answer he received goes on to
    the Kepala Perangkat Daerah who asked (the requester must receive an answer before he asks for the Keputusan),
    the move said in skenario.md."""
    text = regulation[0].read_text(encoding="utf-8").replace(
        "surat jawaban tersebut kepada Kepala Perangkat Daerah pemohon",
        "surat jawaban tersebut kepada pejabat yang berwenang pemohon")
    assert "kepada pejabat yang berwenang pemohon" in text
    path = tmp_path / "perbup.md"
    path.write_text(text, encoding="utf-8")
    built = sc.build(NAME, sc.scenario_example(NAME), peraturan=peraturan_of(str(path)))
    (first, up), (second, on) = _row(built, "jawaban-persetujuan")
    assert (up.dari.jabatan, up.data["tujuan"]["jabatan"]) == (
        "Kepala Dinas Komunikasi dan Informatika", "Bupati Sleman")
    assert (on.dari.pejabat["jabatan"], on.data["tujuan"]["jabatan"]) == (
        "Bupati Sleman", "Kepala Dinas Kesehatan Kabupaten Sleman")
    assert first.cite == second.cite and second.teks.endswith(sc.FORWARDED_ONE)
    assert all(x.dari.pejabat.get("nama") != x.kepada.pejabat.get("nama") for x in built.letters)
    files = dict(sc.render_all(built))  # the set stays consistent
    body = docx_text(files[on.filename])
    assert "Yth. Kepala Dinas Kesehatan Kabupaten Sleman" in body
    assert f"Nomor {built.letters[0].data['nomor']} tanggal" in body  # it answers the request
    ((_, asks),) = _row(built, "permohonan-penetapan-keputusan")
    assert asks.data["rujukan"]["nomor"] == on.data["nomor"]  # the requester cites the answer he received
    assert sc.FORWARDED_ONE in sc.skenario_md(built)


def test_the_request_is_copied_to_the_unit_where_the_employee_is(sleman_draft):
    """"... dan ditembuskan kepada Pimpinan Unit Kerja tempat Pejabat Fungsional atau Pelaksana berada": the tembusan
    goes to the head of the unit kerja where the employee asked for works (the side asked: "tempat ... berada" is
    where the employee is, as "dituju"), not to the requester's own unit, and not to the employee, whom the words
    only use to say where."""
    built = sc.build(NAME, sc.scenario_example(NAME), peraturan=peraturan_of(str(sleman_draft[1] / "draft.json")))
    ((step, letter),) = _row(built, "permohonan-pelibatan-lintas-unit")
    assert re.search(r"ditembuskan kepada Pimpinan Unit Kerja tempat Pejabat Fungsional atau (Pejabat )?Pelaksana "
                     r"berada", step.teks)
    assert letter.data["tembusan"] == ["Kepala Bidang Aplikasi Informatika Dinas Komunikasi dan Informatika "
                                       "Kabupaten Sleman"]
    assert letter.data["pegawai"][0]["unit"].startswith("Bidang Aplikasi Informatika")


def test_a_request_to_the_pejabat_yang_berwenang_addresses_a_superior(built, sleman_draft):
    """A Kepala Perangkat Daerah writing to the kepala daerah (the pejabat yang berwenang) thanks "Ibu" (the example's
    bupati, ``kepala_daerah.sapaan``), not "Saudara" (the peer he writes to when the request goes to another Kepala
    Perangkat Daerah)."""
    ((_, letter),) = _row(built, "permohonan-pelibatan-lintas-unit")
    body = docx_text(dict(sc.render_all(built))[letter.filename])
    assert "kerja sama Ibu," in body and "Saudara" not in body
    peer = sc.build(NAME, sc.scenario_example(NAME), peraturan=peraturan_of(str(sleman_draft[1] / "draft.json")))
    body = docx_text(dict(sc.render_all(peer))[peer.letters[0].filename])
    assert "kerja sama Saudara," in body


def test_the_unit_asked_answers_the_disposisi_it_received_naming_both(built):
    """What the Pimpinan Unit Organisasi yang dituju received is the pejabat yang berwenang's instruction (a lembar
    disposisi, which has no number of its own) on the request: his answer follows up that disposisi on the request,
    naming both ("Menindaklanjuti disposisi Ibu atas surat Kepala Dinas Kesehatan ... Nomor ... tanggal ..."),
    not the request as if he had received it himself; the pejabat yang berwenang's answer to the requester, who sent
    the request to him, cites it as "surat Saudara". The set's consistency check accepts both."""
    files = dict(sc.render_all(built))  # raises on a contradiction of the set
    request = built.letters[0]
    ((_, disposisi),) = _row(built, "lembar-disposisi")
    (_, up), (_, on) = _row(built, "jawaban-persetujuan")
    cited = f"Nomor {request.data['nomor']} tanggal "
    body = " ".join(docx_text(files[up.filename]).split())
    assert f"Menindaklanjuti disposisi Ibu atas surat Kepala Dinas Kesehatan Kabupaten Sleman {cited}" in body
    assert disposisi.date <= up.date
    body = " ".join(docx_text(files[on.filename]).split())
    assert f"Menindaklanjuti surat Saudara {cited}" in body and "disposisi" not in body


def test_the_consistency_check_reads_a_follow_up_of_a_disposisi(built):
    """The check reads "disposisi ... atas surat ... Nomor N tanggal ..." as a reply to letter N received through a
    lembar disposisi: accepted as the set is made, refused, naming both, when the follow-up is dated before the
    lembar disposisi on that letter."""
    files = sc.render_all(built)
    request = built.letters[0]
    ((_, disposisi),) = _row(built, "lembar-disposisi")
    (_, up), _ = _row(built, "jawaban-persetujuan")
    assert consistency.facts(up.filename, dict(files)[up.filename]).disposed == [request.data["nomor"].upper()]
    assert consistency.problems_of(files) == []
    late = {**disposisi.data, "tanggal": sc.workdays_after(up.date, 1).isoformat()}
    tampered = [(n, naskah.render(disposisi.jenis, late, disposisi.layout) if n == disposisi.filename else b)
                for n, b in files]
    found = [p for p in consistency.problems_of(tampered) if "menindaklanjuti disposisi" in p]
    assert len(found) == 1 and found[0].startswith(up.filename) and disposisi.filename in found[0]

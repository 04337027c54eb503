"""One set, one story: every letter of a scenario takes its facts from one record, and a set that contradicts
itself (the period, who lends whom, the order of dates, the activity, a reply without the letter it answers) is
refused with both places named, before writing and as ``rancang letter --check FOLDER``."""

from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path

import pytest

from rancang.cli import main
from rancang.errors import InputError
from rancang.generate.naskah import consistency
from rancang.generate.naskah import scenario as sc

sys.path.insert(0, str(Path(__file__).parent))
from letter_helpers import docx_text  # noqa: E402

DATE = re.compile(r"(\d{1,2}) (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|"
                  r"Desember) (\d{4})")


@pytest.fixture(scope="module")
def sets():
    """name -> [(file name, DOCX bytes)] of every scenario's example (the check already ran while rendering)."""
    return {name: sc.render_all(sc.build(name, sc.scenario_example(name))) for name in sc.scenarios()}


def _text(letters, prefix):
    return next(docx_text(c) for n, c in letters if n.split("-", 1)[1].startswith(prefix))


def _edit(content: bytes, old: str, new: str) -> bytes:
    """The DOCX with ``old`` replaced by ``new`` in the run that holds it."""
    import docx

    doc = docx.Document(io.BytesIO(content))
    paragraphs = list(doc.paragraphs) + [p for t in doc.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    hit = False
    for p in paragraphs:
        for r in p.runs:
            if old in r.text:
                r.text, hit = r.text.replace(old, new), True
    assert hit, old
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("name", list(sc.scenarios()))
def test_every_example_set_tells_one_story(sets, name):
    assert consistency.problems_of(sets[name]) == []


def test_the_keputusan_runs_for_the_period_requested_and_approved(sets):
    letters = sets["tim-kerja-lintas-pd"]
    asked = _text(letters, "permohonan-pelibatan")
    approved = _text(letters, "jawaban-persetujuan")
    decided = _text(letters, "keputusan")
    assert "April sampai dengan Juni 2026" in asked and "April sampai dengan Juni 2026" in approved
    assert "sampai dengan 30 Juni 2026" in decided and "Desember" not in decided


def test_a_dinas_asks_another_only_for_that_dinas_staff(sets):
    letters = sets["tim-kerja-lintas-pd"]
    asked = _text(letters, "permohonan-pelibatan")
    assert "Rudi Hartanto" in asked and "dr. Maya Anggraeni" not in asked  # the Ketua is the asking Dinas' own
    assert "dr. Maya Anggraeni" in _text(letters, "keputusan")  # the team still has both


@pytest.mark.parametrize("name", [n for n, s in sc.scenarios().items()
                                  if any(x.get("surat", "").startswith("laporan") for x in s["langkah"])])
def test_reports_are_dated_after_the_period_they_account_for(sets, name):
    for file, content in sets[name]:
        if "-laporan" in file:
            text = docx_text(content)
            d, m, y = DATE.findall(text.split("Penutup")[-1])[0]
            assert (int(y), m) in ((2026, "Juni"), (2026, "Juli")), (file, d, m, y)
            assert "periode April sampai dengan Juni 2026" in text


def test_a_team_reports_on_its_own_activity(sets):
    letters = sets["tim-kerja-dalam-unit"]
    report = _text(letters, "laporan-ketua-tim")
    assert "TENTANG\nPENYUSUNAN PORTAL SATU DATA DAERAH" in report
    assert "Penyusunan Portal Satu Data Daerah" in _text(letters, "usulan")


def test_a_keputusan_period_other_than_the_one_requested_is_refused():
    data = sc.scenario_example("tim-kerja-lintas-pd")
    data["penugasan"]["masa_kerja"] = "sampai dengan 31 Desember 2026"
    with pytest.raises(InputError, match=r"masa kerja dalam Keputusan.*31 Desember 2026.*sedangkan masa "
                                         r"penugasan \(penugasan.selesai\) berakhir 30 Juni 2026"):
        sc.build("tim-kerja-lintas-pd", data)


def test_asking_a_unit_to_lend_staff_of_another_unit_is_refused():
    data = sc.scenario_example("penunjukan-lintas-unit")
    own = {**data["pegawai"][0], "nama": "Rudi Hartanto, S.T.", "unit_kerja": "APTIKA"}  # the asking unit's own
    data["pegawai"].append(own)
    with pytest.raises(InputError, match=r"meminta Bidang Statistik, Dinas Komunikasi dan Informatika "
                                         r"\(pihak.tujuan\) meminjamkan pegawainya, tetapi Rudi Hartanto, S.T. "
                                         r"\(pegawai pada Bidang Aplikasi Informatika"):
        sc.build("penunjukan-lintas-unit", data)
    data["pegawai"] = [own]
    with pytest.raises(InputError, match=r"ditujukan kepada Bidang Statistik, .*\(pihak.tujuan\), tetapi tidak "
                                         r"seorang pun .*Rudi Hartanto, S.T. \(pegawai pada Bidang Aplikasi"):
        sc.build("penunjukan-lintas-unit", data)


def test_a_team_whose_name_is_not_its_activity_is_refused():
    data = sc.scenario_example("tim-kerja-dalam-unit")
    data["penugasan"]["nama_kegiatan"] = "Pengembangan Aplikasi Layanan Kesehatan Terpadu"
    with pytest.raises(InputError, match="Tim Kerja Satu Data.*Pengembangan Aplikasi Layanan Kesehatan Terpadu"):
        sc.build("tim-kerja-dalam-unit", data)


def test_a_first_letter_after_the_period_ends_is_refused(tmp_path, capsys):
    import yaml

    data = sc.scenario_example("penunjukan-dalam-unit")
    data["tanggal_mulai"] = "2026-08-03"
    f = tmp_path / "d.yaml"
    f.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert main(["letter", "--scenario", "penunjukan-dalam-unit", str(f), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "3 Agustus 2026 (tanggal_mulai)" in err and "30 Juni 2026 (penugasan.selesai)" in err
    assert "Traceback" not in err and not (tmp_path / "out").exists()


def test_an_interim_report_says_so_and_may_come_before_the_end(sets):
    data = sc.scenario_example("penunjukan-dalam-unit")
    data["penugasan"]["laporan_sementara"] = True
    letters = sc.render_all(sc.build("penunjukan-dalam-unit", data))
    report = _text(letters, "laporan")
    assert "(laporan sementara per tanggal 1 April 2026)" in report
    # the same report without the words "laporan sementara" contradicts the period it names
    name, content = letters[-1]
    bad = letters[:-1] + [(name, _edit(content, "(laporan sementara per tanggal 1 April 2026)", ""))]
    problems = consistency.problems_of(bad)
    assert any(p.startswith(f"{name} (laporan) bertanggal 1 April 2026, sebelum masa penugasan berakhir 30 Juni "
                            f"2026 menurut 01-") for p in problems), problems


def test_a_letter_set_whose_periods_differ_names_both_letters(sets):
    letters = list(sets["tim-kerja-lintas-pd"])
    i = next(i for i, (n, _) in enumerate(letters) if "keputusan-tim" in n)
    letters[i] = (letters[i][0], _edit(letters[i][1], "30 Juni 2026", "31 Desember 2026"))
    problems = consistency.problems_of(letters)
    assert any("05-keputusan-tim-lintas-pd.docx" in p and "31 Desember 2026" in p
               and "01-permohonan-pelibatan-lintas-unit.docx" in p and "Juni 2026" in p for p in problems), problems


def test_a_reply_citing_a_wrong_date_or_no_number_is_named(sets):
    letters = list(sets["penunjukan-lintas-unit"])
    reply_name, reply = letters[1]
    wrong = _edit(reply, "tanggal 2 Maret 2026", "tanggal 3 Maret 2026")
    problems = consistency.problems_of([letters[0], (reply_name, wrong)] + letters[2:])
    assert any(p.startswith(f"{reply_name} mengutip nomor") and "3 Maret 2026" in p and letters[0][0] in p
               and "2 Maret 2026" in p for p in problems), problems
    number = re.search(r"Nomor (\S+) tanggal", docx_text(reply))[1]
    cut = _edit(reply, f"Nomor {number} tanggal 2 Maret 2026 ", "")
    problems = consistency.problems_of([letters[0], (reply_name, cut)] + letters[2:])
    assert any(p.startswith(f"{reply_name} adalah balasan") for p in problems), problems


def test_dates_out_of_the_order_of_the_procedure_are_named(sets):
    letters = list(sets["penunjukan-lintas-unit"])
    swapped = [letters[0], letters[3], letters[1], letters[2], letters[4]]
    problems = consistency.problems_of(swapped)
    assert any(p.startswith(f"{letters[1][0]} bertanggal 4 Maret 2026, mendahului {letters[3][0]}")
               for p in problems), problems


def test_cli_writes_the_zip_and_checks_a_folder(tmp_path, capsys):
    import yaml

    f = tmp_path / "d.yaml"
    f.write_text(yaml.safe_dump(sc.scenario_example("tim-kerja-lintas-pd"), allow_unicode=True), encoding="utf-8")
    z = tmp_path / "set.zip"
    assert main(["letter", "--scenario", "tim-kerja-lintas-pd", str(f), "-o", str(z)]) == 0
    with zipfile.ZipFile(z) as archive:
        names = archive.namelist()
        assert "skenario.md" in names and "05-keputusan-tim-lintas-pd.docx" in names
        archive.extractall(tmp_path / "set")
    capsys.readouterr()
    assert main(["letter", "--check", str(tmp_path / "set")]) == 0
    assert "konsisten: 6 naskah" in capsys.readouterr().out
    k = tmp_path / "set" / "05-keputusan-tim-lintas-pd.docx"
    k.write_bytes(_edit(k.read_bytes(), "30 Juni 2026", "31 Desember 2026"))
    assert main(["letter", "--check", str(tmp_path / "set")]) == 1
    err = capsys.readouterr().err
    assert "05-keputusan-tim-lintas-pd.docx" in err and "01-permohonan-pelibatan-lintas-unit.docx" in err
    assert main(["letter", "--check", str(tmp_path / "tidak-ada")]) == 1
    assert "tidak ditemukan" in capsys.readouterr().err



def test_a_date_range_inside_a_task_is_not_the_period(tmp_path):
    data = sc.scenario_example("penunjukan-dalam-unit")
    data["penugasan"]["uraian_tugas"] = data["penugasan"]["uraian_tugas"] + [
        "Menyusun rencana pemeliharaan aplikasi sampai dengan Desember 2027"]
    letters = sc.render_all(sc.build("penunjukan-dalam-unit", data))
    assert "sampai dengan Desember 2027" in docx_text(letters[-1][1])
    assert consistency.problems_of(letters) == []

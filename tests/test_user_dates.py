"""Dates and mandatory fields a user writes by hand: profiles and letter data.

An impossible date, dates that run backwards (pengundangan before penetapan, a reply dated before the letter it
answers), a word where a date belongs and a field of spaces only each end in one Indonesian sentence naming the
field and exit status 1, never a traceback and never a document. Dates in the documented forms keep working,
unquoted in YAML. Inputs are written here, not taken from the examples alone.
"""

from __future__ import annotations

import copy
import re
from importlib.resources import files
from pathlib import Path

import pytest
import yaml

from rancang.cli import main
from rancang.errors import InputError
from rancang.generate import naskah
from rancang.generate.shared import profile as profiles

SLEMAN = Path(str(files("rancang.corpus").joinpath("examples", "sleman.yaml")))


def _profile(**changes: str) -> str:
    """The bundled Sleman profile as YAML text, with top-level lines replaced as written (unquoted dates)."""
    lines = SLEMAN.read_text(encoding="utf-8").splitlines()
    out = []
    for line in lines:
        key = line.split(":", 1)[0]
        out.append(f"{key}: {changes.pop(key)}" if key in changes and not line.startswith(" ") else line)
    out += [f"{k}: {v}" for k, v in changes.items()]
    return "\n".join(out) + "\n"


def _one_sentence(err: str, *words: str) -> None:
    lines = [ln for ln in err.strip().splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("Galat: "), err
    assert "Traceback" not in err and lines[0].endswith(".")
    for w in words:
        assert w in lines[0], (w, lines[0])


@pytest.mark.parametrize(("changes", "words"), [
    ({"tanggal_ditetapkan": "2026-02-31"}, ["tanggal_ditetapkan", "2026-02-31", "kalender"]),
    ({"tanggal_diundangkan": "2027-02-29"}, ["tanggal_diundangkan", "kalender"]),    # not a leap year
    ({"tanggal_ditetapkan": "2026-13-01"}, ["tanggal_ditetapkan", "kalender"]),
    ({"tanggal_ditetapkan": "2026-04-20", "tanggal_diundangkan": "2026-04-19"},
     ["tanggal_diundangkan", "tanggal_ditetapkan", "lebih awal"]),
    ({"ibu_kota": "'   '"}, ["ibu_kota", "spasi"]),
    ({"sekretaris_daerah": "{nama: '  '}"}, ["sekretaris_daerah.nama", "spasi"]),
    ({"nomor": "'\t '"}, ["nomor", "spasi"]),
])
def test_a_bad_profile_date_or_blank_field_is_one_sentence_exit_1(tmp_path, capsys, changes, words):
    f = tmp_path / "profil.yaml"
    f.write_text(_profile(**changes), encoding="utf-8")
    assert main(["draft", str(f), "-o", str(tmp_path / "out")]) == 1
    _one_sentence(capsys.readouterr().err, *words)
    assert not (tmp_path / "out").exists()


def test_entry_into_force_before_promulgation_is_refused():
    data = yaml.safe_load(SLEMAN.read_text(encoding="utf-8"))
    data.update(tanggal_ditetapkan="2026-05-04", tanggal_diundangkan="2026-05-05")
    data["opsi"]["mulai_berlaku"] = "2026-05-01"
    with pytest.raises(InputError, match=r"opsi\.mulai_berlaku .*lebih awal daripada tanggal_diundangkan"):
        profiles.from_dict(data)


def test_documented_dates_unquoted_and_the_same_day_are_accepted(tmp_path):
    f = tmp_path / "profil.yaml"
    f.write_text(_profile(tanggal_ditetapkan="2028-02-29", tanggal_diundangkan="2028-02-29"), encoding="utf-8")
    prof = profiles.load(f)
    assert prof.data["tanggal_ditetapkan"] == "2028-02-29"          # a leap day, kept as its text


def _letter(tmp_path: Path, name: str, **changes: object) -> Path:
    data = copy.deepcopy(naskah.example_data(name))
    for dotted, value in changes.items():
        *parents, last = dotted.split("__")
        where = data
        for p in parents:
            where = where[p]
        where[last] = value
    f = tmp_path / "surat.yaml"
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    f.write_text(re.sub(r"'(\d{4}-\d{2}-\d{2})'", r"\1", text), encoding="utf-8")  # dates unquoted
    return f


@pytest.mark.parametrize(("name", "changes", "words"), [
    ("usulan-pejabat-penilai-kinerja", {"tanggal": "kemarin"}, ["tanggal", "'kemarin' bukan tanggal"]),
    ("usulan-pejabat-penilai-kinerja", {"tanggal": "2026-02-31"}, ["tanggal", "kalender"]),
    ("surat-perintah-tugas", {"tanggal": "31 Februari 2026"}, ["tanggal", "kalender"]),
    ("jawaban-persetujuan", {"tanggal": "2026-02-20"}, ["rujukan.tanggal", "lebih awal"]),
    ("usulan-pejabat-penilai-kinerja", {"tempat": "   "}, ["'tempat'", "spasi"]),
    ("usulan-pejabat-penilai-kinerja", {"penandatangan__nama": " \t"}, ["penandatangan.nama", "spasi"]),
    ("surat-perintah-tugas", {"untuk": ["Menyusun dokumen", "  "]}, ["untuk.1", "spasi"]),
])
def test_bad_letter_dates_and_blank_fields_are_one_sentence_exit_1(tmp_path, capsys, name, changes, words):
    f = _letter(tmp_path, name, **changes)
    out = tmp_path / "surat.docx"
    assert main(["letter", name, str(f), "-o", str(out)]) == 1
    _one_sentence(capsys.readouterr().err, *words)
    assert not out.exists()


@pytest.mark.parametrize("when", ["2026-03-09", "9 Maret 2026", "9 maret 2026"])
def test_letter_dates_in_both_documented_forms_render(tmp_path, when):
    f = _letter(tmp_path, "usulan-pejabat-penilai-kinerja", tanggal=when)
    assert main(["letter", "usulan-pejabat-penilai-kinerja", str(f), "-o", str(tmp_path / "s.docx")]) == 0


def test_letter_data_errors_name_the_letter_data_not_a_profile(capsys, tmp_path):
    f = _letter(tmp_path, "usulan-pejabat-penilai-kinerja", catatan_lain="x")
    assert main(["letter", "usulan-pejabat-penilai-kinerja", str(f), "-o", str(tmp_path / "s.docx")]) == 1
    err = capsys.readouterr().err
    _one_sentence(err, "catatan_lain", "data surat")
    assert "profil" not in err


def test_scenario_start_date_must_exist(tmp_path, capsys):
    from rancang.generate.naskah import scenario as sc

    data = sc.scenario_example("penunjukan-dalam-unit")
    data["tanggal_mulai"] = "2026-04-31"
    f = tmp_path / "data.yaml"
    f.write_text(yaml.safe_dump(data, allow_unicode=True).replace("'2026-04-31'", "2026-04-31"), encoding="utf-8")
    assert main(["letter", "--scenario", "penunjukan-dalam-unit", str(f), "-o", str(tmp_path / "s")]) == 1
    _one_sentence(capsys.readouterr().err, "tanggal_mulai", "kalender")

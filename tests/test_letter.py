"""`rancang letter`: every naskah dinas type renders from its example; bad data fails before anything is written."""

from __future__ import annotations

import pytest
import yaml
from rancang.generate import letters

from rancang.cli import main
from rancang.errors import InputError


@pytest.mark.parametrize("name", list(letters.types()))
def test_every_type_renders_from_its_example(name, tmp_path, capsys):
    import docx

    assert main(["letter", name, "--example"]) == 0
    example = capsys.readouterr().out
    data_file = tmp_path / "data.yaml"
    data_file.write_text(example, encoding="utf-8")
    out = tmp_path / "surat.docx"
    assert main(["letter", name, str(data_file), "-o", str(out)]) == 0
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    data = yaml.safe_load(example)
    assert data["nomor"] in text and data["penandatangan"]["nama"] in text


def test_permohonan_pelibatan_states_what_the_regulation_requires(tmp_path):
    import docx

    data = yaml.safe_load(letters.example("permohonan-pelibatan-lintas-unit"))
    out = tmp_path / "s.docx"
    out.write_bytes(letters.render("permohonan-pelibatan-lintas-unit", data))
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    for part in ("Maksud dan tujuan", "Kompetensi, keahlian, dan/atau keterampilan", "target kinerja", "Durasi",
                 "Nomor", "Sifat", "Lampiran", "Hal", "Yth.", "NIP.", "Tembusan:"):
        assert part in text


def test_missing_mandatory_fields_are_listed_together_and_nothing_is_written(tmp_path, capsys):
    data = yaml.safe_load(letters.example("permohonan-pelibatan-lintas-instansi"))
    for key in ("kompetensi", "durasi", "nomor"):
        del data[key]
    f = tmp_path / "d.yaml"
    f.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "s.docx"
    assert main(["letter", "permohonan-pelibatan-lintas-instansi", str(f), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "nomor" in err and "kompetensi" in err and "durasi" in err
    assert not out.exists()


def test_penolakan_requires_its_reasons():
    data = yaml.safe_load(letters.example("jawaban-penolakan"))
    data.pop("alasan")
    with pytest.raises(InputError, match="alasan"):
        letters.render("jawaban-penolakan", data)


def test_user_data_is_data_not_template(tmp_path):
    import docx

    data = yaml.safe_load(letters.example("surat-perintah-tugas"))
    data["pegawai"][0]["nama"] = 'Ani & Budi <b> "x" {{ 7*7 }} {%p endfor %}'
    out = tmp_path / "s.docx"
    out.write_bytes(letters.render("surat-perintah-tugas", data))
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert 'Ani & Budi <b> "x" {{ 7*7 }} {%p endfor %}' in text


def test_unknown_type_is_refused():
    with pytest.raises(InputError, match="tidak dikenal"):
        letters.get_type("surat-cinta")

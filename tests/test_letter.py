"""`rancang letter TYPE DATA`: every naskah dinas type renders alone from its example; bad data fails before
anything is written; values are data (escaped, lists as lists, XML-invalid characters harmless)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
import yaml

from rancang.cli import main
from rancang.errors import InputError
from rancang.generate import naskah
from rancang.generate.naskah.fill import text

sys.path.insert(0, str(Path(__file__).parent))
from letter_helpers import RAW, docx_lines, docx_text  # noqa: E402

CLASSES = {"nota_dinas", "surat_dinas", "surat_perintah", "surat_tugas", "keputusan", "laporan", "disposisi",
           "surat_pribadi"}


@pytest.mark.parametrize("name", list(naskah.types()))
def test_every_type_renders_alone_from_its_example(name, tmp_path, capsys):
    assert main(["letter", name, "--example"]) == 0
    example = capsys.readouterr().out
    data_file = tmp_path / "data.yaml"
    data_file.write_text(example, encoding="utf-8")
    out = tmp_path / "surat.docx"
    assert main(["letter", name, str(data_file), "-o", str(out)]) == 0
    text = docx_text(out.read_bytes())
    data = yaml.safe_load(example)
    signer = data["penandatangan"]["nama"]
    assert signer in text or signer.upper() in text
    if data.get("nomor"):  # a Keputusan prints its number in capitals ("NOMOR .... TAHUN 2026")
        assert data["nomor"] in text or data["nomor"].upper() in text
    if data.get("tujuan"):
        assert data["tujuan"]["jabatan"] in text
    assert not RAW.search(text)


def test_types_are_data_with_class_signer_addressee_and_layout():
    for name, t in naskah.types().items():
        assert t["kelas"] in CLASSES, name
        assert (Path(__file__).parent.parent / "generate" / "naskah" / "templates" / f"{t['layout']}.docx").is_file()
        assert t["penandatangan"] and t["kepada"] and t["judul"]
    for needed in ("nota-dinas-permohonan-pelibatan", "usulan-pejabat-penilai-kinerja",
                   "permohonan-kepada-pejabat-berwenang", "jawaban-ketersediaan", "persetujuan-pengajuan-sukarela",
                   "surat-tugas-tim", "lembar-disposisi"):
        assert needed in naskah.types()


def test_permohonan_pelibatan_states_what_the_regulation_requires():
    data = naskah.example_data("permohonan-pelibatan-lintas-unit")
    lines = docx_lines(naskah.render("permohonan-pelibatan-lintas-unit", data))
    text = "\n".join(lines)
    for part in ("Maksud dan tujuan", "Kompetensi, keahlian, dan/atau keterampilan", "Ekspektasi/target kinerja",
                 "Durasi pelibatan", "Yth.", "NIP. ", "Tembusan:"):
        assert part in text
    assert any(line.startswith("Nomor\t:\t") for line in lines) and any(line.startswith("Hal\t:\t") for line in lines)


def test_missing_mandatory_contents_are_listed_together_and_nothing_is_written(tmp_path, capsys):
    data = naskah.example_data("permohonan-pelibatan-lintas-instansi")
    for key in ("kompetensi", "durasi", "nomor"):
        del data[key]
    f = tmp_path / "d.yaml"
    f.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "s.docx"
    assert main(["letter", "permohonan-pelibatan-lintas-instansi", str(f), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "nomor" in err and "kompetensi" in err and "durasi" in err and err.count("Galat") == 1
    assert not out.exists()


def test_penolakan_requires_its_reasons_and_lists_them():
    data = naskah.example_data("jawaban-penolakan")
    data["alasan"] = ["Alasan pertama", "Alasan kedua"]
    lines = docx_lines(naskah.render("jawaban-penolakan", data))
    assert "1.\tAlasan pertama" in lines and "2.\tAlasan kedua" in lines
    data.pop("alasan")
    with pytest.raises(InputError, match="alasan"):
        naskah.render("jawaban-penolakan", data)


def test_user_data_is_data_not_template():
    data = naskah.example_data("surat-perintah-tugas")
    data["pegawai"][0]["nama"] = 'Ani & Budi <b> "x" {{ 7*7 }} {%p endfor %}'
    data["untuk"] = ["{{ tembusan }} dan {penandatangan}"]
    text = docx_text(naskah.render("surat-perintah-tugas", data))
    assert 'Ani & Budi <b> "x" {{ 7*7 }} {%p endfor %}' in text
    assert "{{ tembusan }} dan {penandatangan}" in text


def test_xml_invalid_characters_never_cut_the_document(tmp_path, capsys):
    data = naskah.example_data("laporan-individu")
    data["hasil"] = ["awal\x01\x0b tengah \ud800 akhir", "butir terakhir tetap ada"]
    with pytest.raises(InputError, match="hasil"):
        naskah.render("laporan-individu", data)
    f = tmp_path / "d.yaml"
    f.write_text(yaml.safe_dump(data, allow_unicode=True).replace("tengah", "tengah \x07"), encoding="utf-8",
                 errors="surrogatepass")
    assert main(["letter", "laporan-individu", str(f), "-o", str(tmp_path / "s.docx")]) == 1
    assert "Galat" in capsys.readouterr().err and not (tmp_path / "s.docx").exists()
    assert text("awal\x01\x0b tengah \ud800 akhir") == "awal tengah akhir"


def test_signature_marks_acting_and_on_behalf():
    data = naskah.example_data("jawaban-persetujuan")
    data["penandatangan"] = {"jabatan": "Kepala Dinas Kesehatan", "nama": "Budi", "status": "Plt.",
                             "atas_nama": "Bupati Sleman", "nip": "197905102006042003"}
    lines = docx_lines(naskah.render("jawaban-persetujuan", data))
    i = lines.index("a.n. Bupati Sleman")
    assert lines[i + 1] == "Plt. Kepala Dinas Kesehatan," and lines[i + 2] == "Budi"
    assert lines[i + 3] == "NIP. 19790510 200604 2 003"


def test_keputusan_is_titled_by_its_maker_with_one_colon_column():
    import docx

    data = naskah.example_data("keputusan-tim-lintas-pd")
    content = naskah.render("keputusan-tim-lintas-pd", data)
    text = docx_text(content)
    assert text.startswith("KEPUTUSAN BUPATI SLEMAN")
    assert "perlu menetapkan Keputusan Bupati Sleman tentang " + data["tentang"] in text
    for head in ("Menimbang", "Mengingat", "Menetapkan", "KESATU", "KEDUA", "KETIGA", "KEEMPAT"):
        assert head in text
    doc = docx.Document(io.BytesIO(content))
    heads = {}
    for table in doc.tables:
        for row in table.rows:
            cells = row.cells
            if len(cells) == 3 and cells[0].text.strip() in ("Menimbang", "Mengingat", "Menetapkan", "KESATU"):
                heads[cells[0].text.strip()] = cells[1].text.strip()
    assert heads == {"Menimbang": ":", "Mengingat": ":", "Menetapkan": ":", "KESATU": ":"}
    lampiran = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert any("Rudi Hartanto" in c for c in lampiran)


def test_lambang_in_the_kop(tmp_path):
    import docx
    from PIL import Image

    img = tmp_path / "lambang.png"
    Image.new("RGB", (40, 48), (200, 160, 0)).save(img)
    data = naskah.example_data("permohonan-pelibatan-lintas-unit")
    data["instansi"]["lambang"] = str(img)
    doc = docx.Document(io.BytesIO(naskah.render("permohonan-pelibatan-lintas-unit", data)))
    assert len(doc.inline_shapes) == 1
    data["instansi"]["lambang"] = str(tmp_path / "tidak-ada.png")
    with pytest.raises(InputError, match="lambang"):
        naskah.render("permohonan-pelibatan-lintas-unit", data)


def test_unknown_type_is_refused():
    with pytest.raises(InputError, match="tidak dikenal"):
        naskah.get_type("surat-cinta")

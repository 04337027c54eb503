"""A clerk's profile mistakes told in plain Indonesian: the region's name without its kind ("Sleman", not
"Kabupaten Sleman", since the profile prints "Peraturan Bupati Sleman" itself), a bad date said once, list items
counted from 1, an empty or non-"kunci: nilai" file and a Windows-1252 file told apart."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from rancang.errors import InputError
from rancang.generate.shared import profile

EXAMPLE = Path(profile.example_path("sleman"))


def _profile(tmp_path: Path, change) -> Path:  # noqa: ANN001
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "profil.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(("written", "word"), [("Kabupaten Sleman", "Kabupaten"), ("kota Sleman", "Kota"),
                                               ("Provinsi Sleman", "Provinsi")])
def test_a_region_name_written_with_its_kind_is_refused(tmp_path: Path, written: str, word: str) -> None:
    path = _profile(tmp_path, lambda d: d["daerah"].update(nama=written))
    with pytest.raises(InputError) as caught:
        profile.load(path)
    said = str(caught.value)
    assert f"tulis nama daerah tanpa kata {word}" in said and "nama: Sleman" in said


def test_a_name_that_only_begins_like_a_kind_is_kept(tmp_path: Path) -> None:
    path = _profile(tmp_path, lambda d: d["daerah"].update(nama="Kotawaringin Barat"))
    assert profile.load(path).nama == "Kotawaringin Barat"


def test_a_bad_date_is_said_once(tmp_path: Path) -> None:
    path = _profile(tmp_path, lambda d: d.update(tanggal_ditetapkan="31-02-2026"))
    with pytest.raises(InputError) as caught:
        profile.load(path)
    assert str(caught.value).count("tanggal_ditetapkan") == 1


def test_list_items_are_counted_from_one(tmp_path: Path) -> None:
    path = _profile(tmp_path, lambda d: d["dasar_hukum_daerah"][0].update(nomor=None))
    with pytest.raises(InputError) as caught:
        profile.load(path)
    assert "dasar_hukum_daerah butir ke-1: nomor: belum diisi" in str(caught.value)
    assert ".0." not in str(caught.value)


def test_an_empty_file_and_a_list_are_told_apart(tmp_path: Path) -> None:
    empty = tmp_path / "kosong.yaml"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="berkas profil kosong"):
        profile.load(empty)
    listed = tmp_path / "daftar.yaml"
    listed.write_text("- Sleman\n- Bantul\n", encoding="utf-8")
    with pytest.raises(InputError, match="tidak berisi baris 'kunci: nilai'"):
        profile.load(listed)


def test_a_windows_1252_file_says_how_to_save_it_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "profil.yaml"
    path.write_bytes("daerah:\n  nama: Sleman \u2013 DIY\n".encode("cp1252"))
    with pytest.raises(InputError) as caught:
        profile.load(path)
    assert "bukan teks UTF-8" in str(caught.value) and "simpan ulang dengan pengodean UTF-8" in str(caught.value)


def test_a_profile_saved_as_a_word_or_pdf_document_is_said_so_not_as_an_encoding(tmp_path: Path) -> None:
    """A clerk types the profile in Word: the sentence names the document kind and how to save it as YAML text,
    not a Windows-1252 encoding it does not have."""
    import io
    import zipfile

    docx = tmp_path / "profil.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("word/document.xml", "<w:document>daerah: Sleman</w:document>" + "\u00e9" * 50)
    docx.write_bytes(buffer.getvalue())
    pdf = tmp_path / "profil.pdf"
    pdf.write_bytes(b"%PDF-1.7\n\xe2\xe3\xcf\xd3\n1 0 obj\n")
    for path, kind in ((docx, "dokumen Word/ZIP (DOCX)"), (pdf, "dokumen PDF")):
        with pytest.raises(InputError) as caught:
            profile.load(path)
        assert f"adalah {kind}, bukan teks YAML/JSON" in str(caught.value) and "UTF-8" not in str(caught.value)

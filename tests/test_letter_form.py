"""The form of a scenario's naskah dinas per Permendagri 1/2023: the kop bears the lambang daerah (the profile's,
or a framed box to paste it in), a Keputusan kepala daerah is numbered in its own register (never a Setda letter
agenda), an NIP is printed in its four groups, and a signature never stands alone on a page."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import docx
import pytest
import yaml

from rancang.generate.naskah import scenario as sc
from rancang.generate.naskah.render import placeholder_png
from rancang.generate.shared import profile as profiles

sys.path.insert(0, str(Path(__file__).parent))
from letter_helpers import docx_text  # noqa: E402


@pytest.fixture(scope="module")
def team():
    built = sc.build("tim-kerja-lintas-pd", sc.scenario_example("tim-kerja-lintas-pd"))
    return built, dict(sc.render_all(built))


def _profile_with(tmp_path: Path, **naskah_dinas) -> Path:
    data = yaml.safe_load(profiles.example_path("sleman").read_text(encoding="utf-8"))
    data["naskah_dinas"] = naskah_dinas
    path = tmp_path / "profil.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_nip_is_printed_in_its_four_groups(team):
    _, files = team
    text = docx_text(files["01-permohonan-pelibatan-lintas-unit.docx"])
    assert "NIP. 19790510 200604 2 003" in text  # the signer
    assert "NIP. 19880512 201503 1 002" in text  # the employee asked for
    assert "197905102006042003" not in text


def test_the_keputusan_has_its_own_register_not_a_setda_agenda(team, tmp_path):
    built, files = team
    text = docx_text(files["05-keputusan-tim-lintas-pd.docx"])
    assert "NOMOR .... TAHUN 2026" in text and "SETDA" not in text
    assert any("nomor Keputusan" in b and "saat penetapan" in b for b in built.blanks)
    assert "saat penetapan" in sc.skenario_md(built)
    data = sc.scenario_example("tim-kerja-lintas-pd")
    data["profil"] = str(_profile_with(tmp_path, nomor_keputusan="{nomor}/Kep.Bup/{tahun}", nomor_keputusan_berikut=57))
    again = sc.build("tim-kerja-lintas-pd", data)
    files = dict(sc.render_all(again))
    assert "NOMOR 57/KEP.BUP/2026" in docx_text(files["05-keputusan-tim-lintas-pd.docx"])
    assert "Keputusan Bupati Sleman Nomor 57/Kep.Bup/2026 tentang" in docx_text(files["06-laporan-ketua-tim.docx"])
    data["profil"] = str(_profile_with(tmp_path, nomor_keputusan="{urut}/{tahun}"))
    with pytest.raises(Exception, match=r"nomor_keputusan '\{urut\}/\{tahun\}'.*\{nomor\} dan \{tahun\}"):
        sc.build("tim-kerja-lintas-pd", data)


def test_the_kop_bears_a_lambang_box_or_the_profile_lambang(team, tmp_path):
    _, files = team
    doc = docx.Document(io.BytesIO(files["01-permohonan-pelibatan-lintas-unit.docx"]))
    assert len(doc.inline_shapes) == 1  # the framed box in the kop
    png = tmp_path / "lambang.png"
    png.write_bytes(placeholder_png(40))
    data = sc.scenario_example("penunjukan-dalam-unit")
    data["profil"] = str(_profile_with(tmp_path, lambang="lambang.png"))
    built = sc.build("penunjukan-dalam-unit", data)
    assert built.letters[0].data["instansi"]["lambang"] == str(tmp_path / "lambang.png")
    data["profil"] = str(_profile_with(tmp_path, lambang="tidak-ada.png"))
    with pytest.raises(Exception, match="berkas lambang .*tidak-ada.png' tidak ditemukan"):
        sc.render_all(sc.build("penunjukan-dalam-unit", data))


@pytest.mark.parametrize("name", ["01-permohonan-pelibatan-lintas-unit.docx", "05-keputusan-tim-lintas-pd.docx",
                                  "06-laporan-ketua-tim.docx"])
def test_two_lines_of_text_keep_with_the_signature(team, name):
    _, files = team
    doc = docx.Document(io.BytesIO(files[name]))
    body = doc.element.body
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    sign = next(t for t in body.iterchildren(f"{w}tbl") if t.xpath(".//w:pStyle[@w:val='NTtd']"))
    kept, node = [], sign.getprevious()
    while node is not None and len(kept) < 2:
        paragraphs = [node] if node.tag == f"{w}p" else list(node.findall(f"{w}tr")[-1].iter(f"{w}p"))
        texts = ["".join(t.text or "" for t in p.iter(f"{w}t")).strip() for p in paragraphs]
        if any(texts):
            kept.append(" ".join(x for x in texts if x))
            assert all(p.xpath("./w:pPr/w:keepNext") for p in paragraphs), texts
        node = node.getprevious()
    assert len(kept) == 2, kept

"""`rancang draft`: a compliant draft for a new region, composed from real corpus provisions."""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from rancang.generate import draft, profile
from rancang.ingest import ingest_path

from rancang import corpus, schema
from rancang.errors import InputError

EXAMPLES = Path(__file__).resolve().parents[1] / "corpus" / "examples"
PROFILES = {"sleman": EXAMPLES / "sleman.yaml", "magelang": EXAMPLES / "kota-magelang.yaml"}


def _comparable(reg) -> dict:
    d = reg.to_dict()
    d.pop("source")
    d.pop("stats", None)
    return d


@pytest.fixture(scope="session")
def drafts(tmp_path_factory) -> dict:
    out = {}
    for key, path in PROFILES.items():
        prof = profile.load(path)
        d = draft.build(prof)
        folder = tmp_path_factory.mktemp(key)
        draft.write(d, folder)
        out[key] = (prof, d, folder)
    return out


@pytest.mark.parametrize("key", list(PROFILES))
def test_draft_writes_three_files_and_json_is_valid(drafts, key):
    _, _, folder = drafts[key]
    assert sorted(p.name for p in folder.iterdir()) == ["draft.docx", "draft.json", "draft.md"]
    data = json.loads((folder / "draft.json").read_text(encoding="utf-8"))
    assert schema.errors("regulation", data) == []


@pytest.mark.parametrize("key", list(PROFILES))
def test_draft_docx_reads_back_as_the_same_tree_and_checks_clean(drafts, key):
    from rancang.generate.check import check

    _, d, folder = drafts[key]
    back = ingest_path(folder / "draft.docx")
    assert _comparable(back) == _comparable(d.reg)
    assert [f for f in check(back) if f["severity"] == "error"] == []
    md = ingest_path(folder / "draft.md")
    assert _comparable(md) == _comparable(d.reg)


@pytest.mark.parametrize("key", list(PROFILES))
def test_no_other_corpus_region_name_survives(drafts, key):
    import docx

    prof, _, folder = drafts[key]
    texts = [(folder / "draft.md").read_text(encoding="utf-8"), (folder / "draft.json").read_text(encoding="utf-8"),
             "\n".join(p.text for p in docx.Document(str(folder / "draft.docx")).paragraphs)]
    for e in corpus.bundled():
        if e["nama"].lower() == prof.nama.lower():
            continue
        pattern = re.compile(r"\b" + r"\s+".join(map(re.escape, e["nama"].split())) + r"\b", re.IGNORECASE)
        for text in texts:
            assert not pattern.search(text), f"{e['nama']} masih ada dalam rancangan {prof.daerah}"


def test_kota_draft_is_a_peraturan_wali_kota_throughout(drafts):
    _, d, folder = drafts["magelang"]
    assert d.reg.meta["jenis"] == "Peraturan Wali Kota"
    assert d.reg.meta["pejabat"] == "Wali Kota Magelang"
    md = (folder / "draft.md").read_text(encoding="utf-8")
    assert not re.search(r"\bbupati\b", md, re.IGNORECASE)
    assert "Daerah adalah Kota Magelang." in md
    assert "Wali Kota adalah Wali Kota Magelang." in md
    assert "BERITA DAERAH KOTA MAGELANG TAHUN 2026 NOMOR" in md
    assert "SEKRETARIS DAERAH KOTA MAGELANG," in d.reg.penutup["lines"]


def test_menimbang_ends_with_perlu_menetapkan_the_title(drafts):
    _, d, _ = drafts["sleman"]
    last = d.reg.menimbang[-1]["text"]
    assert last.startswith("bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, huruf b, dan huruf c")
    assert last.endswith("perlu menetapkan Peraturan Bupati tentang Sistem Kerja Aparatur Sipil Negara untuk "
                         "Penyederhanaan Birokrasi Di Lingkungan Pemerintah Kabupaten Sleman;")


def test_mengingat_is_ordered_by_hierarchy_and_carries_current_bases(drafts):
    _, d, _ = drafts["sleman"]
    texts = [m["text"] for m in d.reg.mengingat]
    assert texts[0].startswith("Pasal 18 ayat (6) Undang-Undang Dasar")
    order = [next(i for i, t in enumerate(texts) if t.startswith(p)) for p in (
        "Undang-Undang Nomor 15 Tahun 1950", "Undang-Undang Nomor 23 Tahun 2014", "Undang-Undang Nomor 20 Tahun 2023",
        "Peraturan Pemerintah Nomor 11 Tahun 2017", "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi "
        "Birokrasi Nomor 7 Tahun 2022", "Peraturan Daerah Kabupaten Sleman Nomor 12 Tahun 2016")]
    assert order == sorted(order)
    assert "Peraturan Pemerintah Nomor 17 Tahun 2020" in texts[order[3]]
    assert all(t.endswith(";") for t in texts)


def test_dropping_a_provision_renumbers_and_rewrites_references(drafts):
    # Jepara Pasal 21 (repeal of Jepara's own Perbup) is dropped for every region; Magelang lets PPPK lead a
    # team, so Jepara Pasal 14 ayat (5) goes, and with it Pasal 15, which only refers to that ayat.
    _, sleman, _ = drafts["sleman"]
    _, magelang, _ = drafts["magelang"]
    assert [p.number for p in sleman.reg.pasals()] == [str(i) for i in range(1, 22)]
    assert [p.number for p in magelang.reg.pasals()] == [str(i) for i in range(1, 20)]
    assert "Perjanjian Kerja tidak dapat" not in json.dumps(magelang.reg.to_dict())
    assert "dicabut dan dinyatakan tidak berlaku" not in json.dumps(sleman.reg.to_dict())
    # Jepara Pasal 16 (pertanggungjawaban) becomes Pasal 14 in Magelang; Pasal 19 ayat (2) of Jepara cites
    # "Pasal 6 sampai dengan Pasal 18", which must now read "Pasal 6 sampai dengan Pasal 16".
    assert "Pasal 6 sampai dengan Pasal 16" in magelang.reg.find("Pasal 17 ayat (2)").text
    refs = [r for n in magelang.reg.walk() for r in n.refs if r.kind == "internal"]
    assert refs and all(r.resolved for r in refs)


def test_docx_is_f4_bookman_old_style(drafts):
    import docx
    from docx.shared import Mm

    _, _, folder = drafts["sleman"]
    doc = docx.Document(str(folder / "draft.docx"))
    sec = doc.sections[0]
    assert abs(sec.page_width - Mm(215)) < Mm(1) and abs(sec.page_height - Mm(330)) < Mm(1)
    assert doc.styles["Normal"].font.name == "Bookman Old Style"
    assert doc.styles["Normal"].font.size.pt == 12
    lampiran = next(p for p in doc.paragraphs if p.text.startswith("LAMPIRAN"))
    assert lampiran.style.paragraph_format.page_break_before
    assert any(p.text == "Pasal 1" and p.alignment in (None, 1) and p.style.paragraph_format.alignment == 1
               for p in doc.paragraphs)


def test_take_moves_a_topic_from_another_region_and_references_resolve(tmp_path):
    from rancang.generate.check import check

    prof = profile.load(PROFILES["sleman"])
    d = draft.build(prof, takes=[("pengelolaan_kinerja", "bogor"), ("pemanfaatan_tik_spbe", "bogor")])
    text = json.dumps(d.reg.to_dict(), ensure_ascii=False)
    assert "penetapan dan klarifikasi ekspektasi" in text  # Bogor Pasal 22 ayat (1) huruf a
    assert "aplikasi umum berbagi pakai" in text  # Bogor Pasal 23 ayat (2)
    assert "Bogor" not in text and "Wali Kota" not in text
    assert [f for f in check(d.reg) if f["severity"] == "error"] == []
    draft.write(d, tmp_path)
    assert _comparable(ingest_path(tmp_path / "draft.docx")) == _comparable(d.reg)


def test_take_of_an_unknown_region_is_one_clear_error():
    prof = profile.load(PROFILES["sleman"])
    with pytest.raises(InputError, match="tidak ada dalam korpus"):
        draft.build(prof, takes=[("kedudukan", "atlantis")])


def test_unknown_profile_key_is_named(tmp_path):
    import yaml

    data = yaml.safe_load(PROFILES["sleman"].read_text(encoding="utf-8"))
    data["wakil"] = "x"
    data["daerah"]["ibukota"] = "y"
    with pytest.raises(InputError) as err:
        profile.from_dict(data)
    assert "'wakil'" in str(err.value) and "'ibukota'" in str(err.value)


def test_kota_signed_by_bupati_profile_is_refused():
    import yaml

    data = yaml.safe_load(PROFILES["magelang"].read_text(encoding="utf-8"))
    data["kepala_daerah"]["jabatan"] = "Bupati"
    with pytest.raises(InputError, match="tidak sesuai"):
        profile.from_dict(data)


def test_user_data_renders_literally_and_docx_stays_valid(tmp_path):
    import docx
    import yaml

    data = yaml.safe_load(PROFILES["sleman"].read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    data["kepala_daerah"]["nama"] = 'A & B <C> "D" {{ 7*7 }} {% if 1 %}x{% endif %}'
    d = draft.build(profile.from_dict(data))
    draft.write(d, tmp_path)
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "draft.docx")).paragraphs)
    assert 'A & B <C> "D" {{ 7*7 }} {% IF 1 %}X{% ENDIF %}' in text
    assert "49" not in text.split("{{ 7*7 }}")[0][-5:]


@pytest.mark.skipif(shutil.which("libreoffice") is None and shutil.which("soffice") is None,
                    reason="LibreOffice tidak terpasang")
def test_docx_converts_to_pdf_with_libreoffice(drafts, tmp_path):
    _, _, folder = drafts["magelang"]
    exe = shutil.which("libreoffice") or shutil.which("soffice")
    subprocess.run([exe, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(folder / "draft.docx")],
                   check=True, capture_output=True, timeout=240)
    pdf = tmp_path / "draft.pdf"
    assert pdf.exists() and pdf.read_bytes()[:5] == b"%PDF-"

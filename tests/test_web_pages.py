"""HTTP tests of the Bandingkan, Susun, Surat and Model pages and of the schema-generated forms."""

from __future__ import annotations

import io
import shutil
import zipfile

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("multipart")

from webapp import form_values, in_page, make_client, wait_job  # noqa: E402


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return make_client(tmp_path_factory.mktemp("webpages"))


def _downloads(html: str) -> list[str]:
    return [part.split('"')[0] for part in html.split('href="/unduh/')[1:]]


def test_compare_two_regions(client) -> None:
    page = client.get("/bandingkan").text
    assert 'name="a"' in page and 'name="b"' in page
    html = wait_job(client, client.post("/bandingkan", data={"a": "bogor", "b": "malang"},
                                        headers={"HX-Request": "true"}).text)
    assert "<th>Kota Bogor</th>" in html and "<th>Kabupaten Malang</th>" in html  # region names as column heads
    assert 'href="#t-bentuk_penugasan"' in html and 'id="t-bentuk_penugasan"' in html  # navigation by topic
    assert "<del>" in html and "<ins>" in html
    files = _downloads(html)
    assert {f.rsplit(".", 1)[1] for f in files} == {"html", "docx", "json"}
    report = client.get("/unduh/" + next(f for f in files if f.endswith(".json")))
    assert report.status_code == 200 and report.json()["a"]["id"] == "bogor"
    # each act says where its text comes from and whether it is in force, as `rancang diff bogor malang` does
    assert report.json()["a"]["status"] == "berlaku" and "contoh bawaan rancang" in report.json()["a"]["provenance"]
    assert "Kota Bogor: contoh bawaan rancang: Peraturan Wali Kota Bogor Nomor 93 Tahun 2022" in html
    assert "status: berlaku" in html


def test_identical_pairs_are_folded(client) -> None:
    from rancang.web.pages.bandingkan import sections

    same = {"op": "equal", "text": "sama"}
    rep = {"topics": {"t": {"label": "Topik"}},
           "pairs": [{"topic": "t", "redline": [same]},
                     {"topic": "t", "redline": [same, {"op": "insert", "text": "x"}]},
                     {"topic": None, "redline": [same]}]}
    groups = sections(rep)
    assert [(g["key"], len(g["differ"]), len(g["same"])) for g in groups] == [("t", 1, 1), ("lainnya", 0, 1)]


def test_compare_same_regulation_is_one_sentence(client) -> None:
    html = wait_job(client, client.post("/bandingkan", data={"a": "bogor", "b": "bogor"},
                                        headers={"HX-Request": "true"}).text)
    assert "dua peraturan yang berbeda" in html
    html = wait_job(client, client.post("/bandingkan", data={"a": "bogor", "b": "atlantis"},
                                        headers={"HX-Request": "true"}).text)
    assert "tidak ada dalam korpus" in html


def test_profile_form_is_generated_from_the_schema(client) -> None:
    from rancang import schema

    html = client.get("/susun").text
    for key in schema.load("region")["properties"]:
        assert f'name="{key}' in html, key  # every profile key has a control
    assert 'value="Sleman"' in html and 'name="dasar_hukum_daerah.0.tahun"' in html
    assert 'value="Magelang"' in client.get("/susun", params={"contoh": "kota-magelang"}).text


def test_profile_errors_stand_beside_their_fields(client) -> None:
    from rancang.web import drafting, forms

    posted = form_values(forms.fields(drafting.profile_schema(), drafting.example("sleman")))
    posted.update({"daerah.nama": "", "tahun": "dua ribu", "tanggal_ditetapkan": "2/3/2026",
                   "dasar_hukum_daerah.0.tahun": ""})
    r = client.post("/susun", data=posted, headers={"HX-Request": "true"})
    assert r.headers["HX-Retarget"] == "#susun-form"
    html = r.text
    assert "4 isian perlu diperbaiki" in html
    for name, message in [("daerah.nama", "wajib diisi"), ("tahun", "bilangan bulat"),
                          ("tanggal_ditetapkan", "TTTT-BB-HH"), ("dasar_hukum_daerah.0.tahun", "wajib diisi")]:
        field = html.split(f'name="{name}"')[1].split('class="field')[0]
        assert message in field, name
    assert 'value="dua ribu"' in html  # what the user typed is kept


def test_draft_from_the_form_downloads_docx_md_json(client) -> None:
    from rancang.web import drafting, forms

    posted = form_values(forms.fields(drafting.profile_schema(), drafting.example("kota-magelang")))
    posted["_base"] = "jepara"
    posted["_take.pengelolaan_kinerja"] = "bogor"
    html = wait_job(client, client.post("/susun", data=posted, headers={"HX-Request": "true"}).text)
    assert "Rancangan siap" in html and "Peraturan Wali Kota Magelang" in html
    import re

    counts = re.search(r"pemeriksaan: \d+ galat, \d+ peringatan, \d+ info\.", html)  # the CLI's words
    assert counts and "peringatan/info" not in html
    files = _downloads(html)
    names = {f.split("/")[1] for f in files}
    assert {"draft.docx", "draft.md", "draft.json"} <= names
    docx = client.get("/unduh/" + next(f for f in files if f.endswith("draft.docx"))).content
    import docx as python_docx

    text = "\n".join(p.text for p in python_docx.Document(io.BytesIO(docx)).paragraphs)
    assert "WALI KOTA MAGELANG" in text.upper()
    assert 'id="n-pasal-1"' in html  # the preview
    assert "Temuan pemeriksaan" in html
    assert "catatan.md" in names and "Catatan penyusun" in html and 'type="checkbox"' in html


def test_checklist_reads_notes_markdown() -> None:
    from rancang.web.drafting import checklist

    rows = checklist("# Catatan\n\n- [ ] periksa <b>Pasal 3</b>\n  - [x] nomor\nsebuah `kode`\n"
                     "- **Pasal 1 angka 17** [istilah-lokal]: putuskan", {"Pasal 1 angka 17": "n-pasal-1_angka-17"})
    assert [(r["kind"], r["level"], r["done"]) for r in rows] == [
        ("heading", 1, False), ("item", 0, False), ("item", 1, True), ("text", 0, False), ("item", 0, False)]
    assert "&lt;b&gt;" in rows[1]["html"] and "<code>kode</code>" in rows[3]["html"]
    assert rows[4]["anchor"] == "n-pasal-1_angka-17" and "<strong>Pasal 1 angka 17</strong>" in rows[4]["html"]


def test_letter_pages_and_docx(client) -> None:
    from rancang.web import drafting

    listing = client.get("/surat").text
    for name, _ in drafting.letter_types():
        assert f'href="/surat/{name}"' in listing
        assert client.get(f"/surat/{name}").status_code == 200
    from rancang.web import forms

    name = "permohonan-pelibatan-lintas-unit"
    posted = form_values(forms.fields(drafting.letter_schema(name), drafting.letter_example(name)))
    html = wait_job(client, client.post(f"/surat/{name}", data=posted, headers={"HX-Request": "true"}).text)
    files = _downloads(html)
    assert files and files[0].endswith(f"{name}.docx")
    data = client.get("/unduh/" + files[0]).content
    assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None


def test_letter_mandatory_contents_are_checked_beside_fields(client) -> None:
    from rancang.web import drafting, forms

    name = "permohonan-pelibatan-lintas-unit"
    posted = form_values(forms.fields(drafting.letter_schema(name), drafting.letter_example(name)))
    posted.update({"kompetensi": "", "durasi": "", "unit_pemohon": ""})
    html = client.post(f"/surat/{name}", data=posted, headers={"HX-Request": "true"}).text
    assert "isian perlu diperbaiki" in html
    for key in ("kompetensi", "durasi", "unit_pemohon"):
        assert "wajib diisi" in html.split(f'name="{key}"')[1].split('class="field')[0]
    name = "jawaban-persetujuan"  # a letter whose list of employees is mandatory (the answer names them)
    posted = form_values(forms.fields(drafting.letter_schema(name), drafting.letter_example(name)))
    posted.update({"pegawai.0.nama": "", "pegawai.0.nip": "", "pegawai.0.pangkat": "", "pegawai.0.jabatan": "",
                   "pegawai.0.unit": ""})
    html = client.post(f"/surat/{name}", data=posted, headers={"HX-Request": "true"}).text
    assert "wajib diisi" in html.split('id="f-pegawai"')[1].split("</legend>")[1][:300]
    assert client.get("/surat/tidak-ada").status_code == 400


def test_letter_values_are_data_not_markup(client) -> None:
    from rancang.web import drafting, forms

    name = "surat-perintah-tugas"
    posted = form_values(forms.fields(drafting.letter_schema(name), drafting.letter_example(name)))
    posted["nomor"] = '<script>alert(1)</script> {{ 7*7 }} & "x"'
    html = client.post(f"/surat/{name}", data=posted, headers={"HX-Request": "true"}).text
    assert "<script>alert(1)</script>" not in html
    html = wait_job(client, html)
    data = client.get("/unduh/" + _downloads(html)[0]).content
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "{{ 7*7 }}" in xml and "&lt;script&gt;" in xml


def test_model_page(client) -> None:
    assert 'name="reg"' in client.get("/model").text
    html = wait_job(client, client.post("/model", data={"reg": "jepara"}, headers={"HX-Request": "true"}).text)
    assert 'id="peran"' in html and 'id="prosedur"' in html and 'id="dokumen"' in html
    assert "Pejabat Fungsional" in html and 'href="/baca/jepara#n-' in html
    if shutil.which("dot"):  # the pictures of the model stage (Graphviz)
        assert html.count("<svg") >= 2 and "Garis pelaporan" in html
    bad = wait_job(client, client.post("/model", data={"reg": "atlantis"}, headers={"HX-Request": "true"}).text)
    assert "tidak ada dalam korpus" in bad


def test_forms_round_trip_every_example() -> None:
    """Generated form -> posted values -> parsed data equals the example (up to empty optional values)."""
    from rancang.web import drafting, forms

    def strip(v):  # noqa: ANN001, ANN202
        if isinstance(v, dict):
            return {k: strip(x) for k, x in v.items() if x not in (None, {}, []) and strip(x) not in ({}, [])}
        return [strip(x) for x in v] if isinstance(v, list) else v

    cases = [(drafting.profile_schema(), drafting.example(n)) for n in drafting.examples()]
    cases += [(drafting.letter_schema(n), drafting.letter_example(n)) for n, _ in drafting.letter_types()]
    for schema, data in cases:
        posted = {k: [v] for k, v in form_values(forms.fields(schema, data)).items()}
        back = forms.parse(schema, posted)
        assert strip(back) == strip(data)
        assert forms.errors(schema, back) == {}


def test_each_missing_key_is_reported_once() -> None:
    from rancang.web import drafting, forms

    errs = forms.errors(drafting.profile_schema(), {"daerah": {"nama": "X", "jenis": "kota"}})
    assert errs["provinsi"] == ["wajib diisi"] and errs["dasar_hukum_daerah"] == ["wajib diisi"]
    assert all(len(v) == len(set(v)) == 1 for v in errs.values())


def test_scenario_letters_as_docx_and_zip(client) -> None:
    """Every scenario gives in the page what the letters API gives: its letters (each a download, all in one
    ZIP with skenario.md), or the same one sentence saying what is missing."""
    from rancang.errors import RancangError
    from rancang.generate.naskah import scenario
    from rancang.web import drafting, forms

    listing = client.get("/surat").text
    names = [n for n, _ in drafting.scenarios()]
    assert names and all(f'href="/surat/skenario/{n}"' in listing for n in names)
    built = 0
    for name in names:
        example = drafting.scenario_example(name)
        try:
            expected = [letter.filename for letter in scenario.build(name, example).letters]
        except RancangError as exc:
            expected = exc.format_message()
        posted = form_values(forms.fields(drafting.scenario_schema(name), example))
        html = wait_job(client, client.post(f"/surat/skenario/{name}", data=posted,
                                            headers={"HX-Request": "true"}).text)
        if isinstance(expected, str):
            assert in_page(expected, html), name
            continue
        built += 1
        files = _downloads(html)
        archive = next(f for f in files if f.endswith(".zip"))
        with zipfile.ZipFile(io.BytesIO(client.get("/unduh/" + archive).content)) as z:
            inside = z.namelist()
        letters = [f.split("/")[1] for f in files if f.endswith(".docx")]
        assert letters == expected and set(letters) <= set(inside) and "skenario.md" in inside, name
        assert letters[0].startswith("01-")
    assert built, "no scenario could be built"


def test_a_scenario_follows_the_region_s_own_stored_draft_and_says_why_pasal_is_empty_without_one(tmp_path) -> None:
    """The select offers the acts stored for the profiles' regions (a draft saved to the corpus included), not
    another region's bundled act, which these profiles would refuse; without one the page says why no Pasal."""
    from rancang.cli import main
    from rancang.corpus.store import Store
    from rancang.web import drafting, forms

    c = make_client(tmp_path)
    assert main(["draft", "--contoh", "sleman", "-o", str(tmp_path / "k2")]) == 0
    with Store(tmp_path / "corpus.sqlite") as store:
        store.add_files([tmp_path / "k2" / "draft.docx"])
    name = "penunjukan-dalam-unit"
    form = c.get(f"/surat/skenario/{name}").text
    assert '<option value="sleman">Peraturan Bupati Sleman Tahun 2026 (belum bernomor) (sleman)</option>' in form
    assert '<option value="bogor"' not in form
    posted = form_values(forms.fields(drafting.scenario_schema(name), drafting.scenario_example(name)))
    followed = wait_job(c, c.post(f"/surat/skenario/{name}", data={**posted, "_peraturan": "sleman"},
                                  headers={"HX-Request": "true"}).text)
    assert "Surat siap" in followed and ">Pasal 11<" in followed and 'id="tanpa-peraturan"' not in followed
    bare = wait_job(c, c.post(f"/surat/skenario/{name}", data={**posted, "_peraturan": ""},
                              headers={"HX-Request": "true"}).text)
    assert 'id="tanpa-peraturan"' in bare and "Kolom Pasal kosong" in bare


def test_scenario_never_reads_a_typed_path(client) -> None:
    from rancang.web import drafting, forms

    name = "penunjukan-lintas-unit"
    posted = form_values(forms.fields(drafting.scenario_schema(name), drafting.scenario_example(name)))
    posted["profil"] = "/etc/passwd"
    html = wait_job(client, client.post(f"/surat/skenario/{name}", data=posted, headers={"HX-Request": "true"}).text)
    assert "tidak dikenal" in html and "root:" not in html


@pytest.mark.parametrize("url, data, shown", [
    ("/bandingkan", {"a": "bogor", "b": "jepara"}, 'id="ringkasan"'), ("/model", {"reg": "bogor"}, 'id="prosedur"'),
    ("/surat/surat-perintah-tugas", None, "Surat siap"), ("/susun", None, "Rancangan siap"),
])
def test_forms_work_without_javascript(client, url: str, data: dict | None, shown: str) -> None:
    """A plain form post (no htmx) answers with a whole page that shows the job (here done at once: inline), at
    the job's own address."""
    if data is None:
        from rancang.web import drafting, forms

        schema, example = ((drafting.profile_schema(), drafting.example("sleman")) if url == "/susun" else
                           (drafting.letter_schema("surat-perintah-tugas"),
                            drafting.letter_example("surat-perintah-tugas")))
        data = form_values(forms.fields(schema, example))
    r = client.post(url, data=data)
    assert r.text.lstrip().startswith("<!DOCTYPE html>") and shown in r.text
    assert client.get(str(r.url)).text.count(shown) == r.text.count(shown)  # the address shows it again


def test_a_temporary_work_folder_is_removed_when_the_app_stops(tmp_path) -> None:
    from fastapi.testclient import TestClient

    from rancang.web.app import create_app
    from rancang.web.config import Config

    cfg = Config(db=str(tmp_path / "c.sqlite"), inline_jobs=True)
    with TestClient(create_app(cfg), base_url="http://127.0.0.1") as c:
        assert c.get("/").status_code == 200 and cfg.workdir.is_dir()
    assert not cfg.workdir.exists()
    kept = Config(db=str(tmp_path / "c.sqlite"), workdir=tmp_path / "kerja")
    with TestClient(create_app(kept)):
        pass
    assert kept.workdir.is_dir()  # a folder the user named is theirs


def test_a_model_cite_after_a_list_restart_lands_on_its_own_item(client) -> None:
    """Bogor's Lampiran huruf B lists "1. Penunjukan 2. Pengajuan sukarela" twice (an overview, then the
    mechanisms): the step "pejabat Fungsional atau pelaksana menyampaikan keinginannya" is cited in the second
    list, and its link opens the reader on that item, not on the overview's "angka 2" (issue 29 item 5)."""
    import re

    html = wait_job(client, client.post("/model", data={"reg": "bogor"}, headers={"HX-Request": "true"}).text)
    cite = "Lampiran huruf B daftar kedua angka 2 huruf a angka 1"
    links = re.findall(rf'<a class="cite" href="/baca/bogor#([^"]+)">{cite}</a>', html)
    assert links, cite
    reader = client.get("/baca/bogor").text
    for anchor in set(links):
        assert reader.count(f'id="{anchor}"') == 1
        item = reader.split(f'id="{anchor}"')[1].split("</p>")[0]
        assert "menyampaikan keinginannya" in item
    overview = reader.split('id="lampiran"')[1].split("Pengajuan sukarela")[0]  # the overview list comes first
    assert "Penunjukan" in overview
    assert all(f'id="{a}"' not in overview for a in links)

"""What the pages say and how they help (issue 31 items 2-4, the parts an HTTP client can see): amendments read
as amendments, form errors on the inputs that need them, impossible dates refused by the server, and the page
frame every page shares (skip link, focus script, menu)."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("fastapi")

from webapp import make_client, wait_job  # noqa: E402

#: an amending Peraturan Bupati of a fictional region (Lampiran II angka 192: "Pasal I" lists the changes, each
#: changed Pasal quoted whole)
AMENDING = """PERATURAN BUPATI WANAJAYA
NOMOR 4 TAHUN 2025
TENTANG
PERUBAHAN ATAS PERATURAN BUPATI WANAJAYA NOMOR 2 TAHUN 2023 TENTANG JAM KERJA

DENGAN RAHMAT TUHAN YANG MAHA ESA

BUPATI WANAJAYA,

Menimbang : bahwa untuk menyesuaikan jam kerja, perlu menetapkan Peraturan Bupati tentang Perubahan atas
Peraturan Bupati Nomor 2 Tahun 2023 tentang Jam Kerja;

Mengingat : Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;

MEMUTUSKAN:

Menetapkan : PERATURAN BUPATI TENTANG PERUBAHAN ATAS PERATURAN BUPATI WANAJAYA NOMOR 2 TAHUN 2023 TENTANG JAM KERJA.

Pasal I
Beberapa ketentuan dalam Peraturan Bupati Nomor 2 Tahun 2023 tentang Jam Kerja diubah sebagai berikut:
1. Ketentuan Pasal 3 diubah sehingga berbunyi sebagai berikut:
Pasal 3
Jam kerja pegawai paling sedikit 37,5 (tiga puluh tujuh koma lima) jam dalam 1 (satu) minggu.
2. Ketentuan Pasal 7 dihapus.

Pasal II
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.

Ditetapkan di Wanajaya
pada tanggal 2 Januari 2025
BUPATI WANAJAYA,
ttd
SUKMA
"""


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return make_client(tmp_path_factory.mktemp("baca"))


def _read(client, text: str, name: str = "ubah.txt") -> str:
    r = client.post("/baca/unggah", files={"berkas": (name, text.encode(), "text/plain")},
                    headers={"HX-Request": "true"})
    return wait_job(client, r.text)


def test_an_amendments_references_point_to_the_amended_act_not_nowhere(client) -> None:
    html = _read(client, AMENDING)
    assert "ref broken" not in html
    refs = re.findall(r'<span class="ref ext" title="([^"]+)">(Pasal \d+)</span>', html)
    assert refs == [("Peraturan Bupati Nomor 2 Tahun 2023", "Pasal 3"), ("Peraturan Bupati Nomor 2 Tahun 2023",
                                                                        "Pasal 7")]
    assert html.count('<blockquote class="perubahan"') == 1  # the quoted new Pasal 3, set off (style.css: full
    # width); "Pasal 7 dihapus" quotes nothing, so no empty box


def test_an_amendment_links_to_the_amended_act_when_the_corpus_holds_it(client) -> None:
    amended = AMENDING.replace("PERUBAHAN ATAS PERATURAN BUPATI WANAJAYA NOMOR 2 TAHUN 2023 TENTANG JAM KERJA",
                               "JAM KERJA").replace("NOMOR 4 TAHUN 2025", "NOMOR 2 TAHUN 2023")
    base = amended.split("Pasal I\n")[0] + ("Pasal 1\nJam kerja diatur dalam Peraturan Bupati ini.\n\nPasal 2\n"
                                             "Pegawai wajib masuk kerja.\n\nPasal 3\nJam kerja pegawai 37 jam.\n")
    base = base.replace("Perubahan atas\nPeraturan Bupati Nomor 2 Tahun 2023 tentang Jam Kerja", "Jam Kerja")
    saved = client.post(f"/baca/simpan/{re.search(r'/baca/simpan/([0-9a-f]{32})', _read(client, base)).group(1)}")
    rid = re.search(r'href="/baca/([^"]+)"', saved.text).group(1)
    html = _read(client, AMENDING, "ubah2.txt")
    assert f'<a class="ref ext" href="/baca/{rid}#n-pasal-3" title="Peraturan Bupati Nomor 2 Tahun 2023">Pasal 3</a>' \
        in html


def test_a_required_group_left_empty_marks_its_inputs(client) -> None:
    from webapp import form_values

    from rancang.web import drafting, forms

    posted = form_values(forms.fields(drafting.profile_schema(), drafting.example("sleman")))
    for key in [k for k in posted if k.startswith("kepala_daerah.")]:
        posted[key] = ""
    html = client.post("/susun", data=posted, headers={"HX-Request": "true"}).text
    for name in ("kepala_daerah-nama", "kepala_daerah-jabatan"):
        tag = re.search(rf'<(?:input|select) [^>]*id="f-{name}"[^>]*>', html).group(0)
        assert 'aria-invalid="true"' in tag and f'aria-describedby="f-{name}-err1"' in tag
        assert f'<div class="err" id="f-{name}-err1">wajib diisi</div>' in html
    assert not re.search(r'<fieldset class="group has-error" id="f-kepala_daerah">', html)


def test_an_impossible_date_is_refused_by_the_server(client) -> None:
    from webapp import form_values

    from rancang.web import drafting, forms

    jenis = "surat-perintah-tugas"
    posted = form_values(forms.fields(drafting.letter_schema(jenis), drafting.letter_example(jenis)))
    html = client.post(f"/surat/{jenis}", data={**posted, "tanggal": "2026-02-30"}, headers={"HX-Request": "true"}).text
    assert "tanggal 2026-02-30 tidak ada di kalender" in html and "Surat siap" not in html
    tag = re.search(r'<input [^>]*id="f-tanggal"[^>]*>', html).group(0)
    assert 'type="text"' in tag and 'value="2026-02-30"' in tag  # kept as typed, never dropped by the browser
    assert 'aria-invalid="true"' in tag


def test_every_page_has_a_skip_link_a_labelled_menu_and_the_focus_script(client) -> None:
    for url in ("/", "/baca", "/cari", "/bandingkan", "/susun", "/surat", "/model", "/pekerjaan", "/tidak-ada"):
        html = client.get(url).text
        body = html.split("<body>", 1)[1]
        assert body.lstrip().startswith('<a class="skip" href="#isi">Langsung ke isi</a>'), url
        assert '<main id="isi" tabindex="-1"' in html and '<nav aria-label="Menu utama">' in html, url
        assert '<script src="/static/rancang.js" defer></script>' in html, url
        assert 'href="/pekerjaan"' in html
    assert "htmx:afterSettle" in client.get("/static/rancang.js").text


def test_a_scan_with_ocr_off_says_what_to_choose_in_the_page_not_a_cli_option(client) -> None:
    from fixtures import build_pdf
    from phone_scan import phone_scan

    from rancang.ingest.readers.ocr.reader import OCR_OFF

    scan = phone_scan(build_pdf(AMENDING, max_pages=1), dpi=100)
    r = client.post("/baca/unggah", data={"ocr": "never"}, headers={"HX-Request": "true"},
                    files={"berkas": ("pindaian.pdf", scan, "application/pdf")})
    html = wait_job(client, r.text)
    assert "pilih OCR &#39;otomatis&#39;" in html and "--no-ocr" not in html and OCR_OFF not in html


def test_no_form_helps_in_english(client) -> None:
    """Help texts come from data/form.json in Indonesian; a schema's English description never reaches a page."""
    from rancang.web import drafting

    urls = ["/susun"] + [f"/surat/{j}" for j, _ in drafting.letter_types()]
    urls += [f"/surat/skenario/{n}" for n, _ in drafting.scenarios()]
    for url in urls:
        for text in re.findall(r'<div class="help">([^<]*)</div>', client.get(url).text):
            assert not re.search(r"\b(?:the|of|or|is|for|with)\b", text), (url, text)


def test_a_drafting_error_names_the_forms_field_not_a_cli_option(client) -> None:
    from webapp import form_values

    from rancang.web import drafting, forms

    posted = form_values(forms.fields(drafting.profile_schema(), drafting.example("sleman")))
    html = wait_job(client, client.post("/susun", data={**posted, "_base": "atlantis"},
                                        headers={"HX-Request": "true"}).text)
    assert "atlantis" in html and "Galat" in html
    assert not re.search(r"--[a-z]", re.sub(r"<[^>]+>", "", html.split('id="susun-form"')[0]))


def test_form_helps_speak_to_staff_not_of_files_or_nulls(client) -> None:
    """No help text names a data file, JSON null, an arrow of a mapping or a CLI option (the drafter's language)."""
    from rancang.web import drafting

    urls = ["/susun"] + [f"/surat/{j}" for j, _ in drafting.letter_types()]
    for url in urls:
        for text in re.findall(r'<div class="help">([^<]*)</div>', client.get(url).text):
            assert not re.search(r"\bnull\b|generate/|\.ya?ml\b|-&gt;|\.md\b|--[a-z]", text), (url, text)


def test_the_drafters_checklist_names_no_command(client) -> None:
    from rancang.web.drafting import checklist

    rows = checklist("# Catatan\n- [ ] **Pasal 1 angka 13** [U2]: perbaikan mekanis rancang check --fix — ubah\n"
                     "- [ ] Istilah didefinisikan tetapi tidak dipakai dalam rancangan (check U5).\n"
                     "Dibuat oleh `rancang draft`. Baca sebelum rancangan dibahas.\n")
    texts = [r["text"] for r in rows]
    assert texts[3] == "Disusun oleh rancang. Baca sebelum rancangan dibahas."
    assert texts[1] == "**Pasal 1 angka 13** [U2]: perbaikan mekanis oleh pemeriksaan kaidah — ubah"
    assert texts[2].endswith("(kaidah U5).") and not any("check" in t for t in texts)


def test_the_checklist_shows_rule_codes_as_tags_not_as_bracketed_text(client) -> None:
    """As the findings show their codes: the note's rule after its cite is a small tag, a check code the text
    repeats is not printed twice, and one with an explanation keeps the explanation beside its tag."""
    from rancang.web.drafting import checklist

    rows = checklist("- **Pasal 1 angka 13** [U5]: istilah \"Jabatan Pelaksana\" didefinisikan tetapi tidak dipakai "
                     "dalam rancangan (check U5).\n"
                     "- **Pasal 1 angka 30** [definisi-keuangan]: definisi yang hanya dipakai oleh ketentuan keuangan "
                     "(check U5 - istilah didefinisikan tetapi tidak dipakai).\n")
    first, second = (str(r["html"]) for r in rows)
    assert first.startswith('<strong>Pasal 1 angka 13</strong> <span class="code">U5</span> istilah')
    assert first.endswith("dalam rancangan.") and first.count("U5") == 1
    assert second.startswith('<strong>Pasal 1 angka 30</strong> <span class="code">definisi-keuangan</span> ')
    assert second.endswith('ketentuan keuangan <span class="code">U5</span> (istilah didefinisikan tetapi tidak '
                           'dipakai).')
    assert not any(re.search(r"\(check|\(kaidah|\[U5\]", str(r["html"])) for r in rows)


def test_a_mengingat_without_a_number_shows_no_none(client) -> None:
    """Malang's Mengingat has an entry the reader found no label for: the page shows its text, not 'None'."""
    text = re.sub(r"<[^>]+>", " ", client.get("/baca/malang").text)
    assert "Undang-Undang Nomor 12 Tahun 2011" in text and not re.search(r"\bNone\b", text)
    assert "rancang kb" not in client.get("/baca/malang").text


def test_no_required_field_is_told_it_may_be_left_empty(client) -> None:
    from rancang.web import drafting, forms

    def walk(fs):
        for f in fs:
            yield f
            yield from walk(f.children)

    schemas = [drafting.profile_schema()] + [drafting.letter_schema(j) for j, _ in drafting.letter_types()]
    for schema in schemas:
        for f in walk(forms.fields(schema, {})):
            assert not (f.required and f.help.startswith("Kosongkan")), (schema.get("$id"), f.name, f.help)

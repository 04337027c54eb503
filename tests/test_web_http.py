"""HTTP tests of the web app (Starlette TestClient): every page and form, bad and oversized uploads, path
traversal, the token rule and the origin check."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("multipart")

from webapp import MALANG, bad_files, cli_message, in_page, make_client, wait_job  # noqa: E402

TOKEN = "k2Vq8-PzX0rT5nWb7LmA3sYd"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return make_client(tmp_path_factory.mktemp("web"))


def test_pages_answer_in_indonesian(client) -> None:
    for url, words in [("/", "Selamat datang"), ("/baca", "Baca peraturan"), ("/cari", "Cari di korpus")]:
        r = client.get(url)
        assert r.status_code == 200, url
        assert words in r.text and 'lang="id"' in r.text
        assert "/static/htmx.min.js" in r.text and "http" not in r.text.split("<body>")[0].replace(
            'http-equiv', ''), "no external resources in the head"


def test_htmx_is_vendored(client) -> None:
    r = client.get("/static/htmx.min.js")
    assert r.status_code == 200 and "htmx" in r.text[:200]


def test_upload_seed_shows_outline_clauses_and_links(client) -> None:
    html = client.post("/baca/unggah", files={"berkas": ("malang.txt", MALANG.read_bytes(), "text/plain")},
                       headers={"HX-Request": "true"}).text
    html = wait_job(client, html)
    assert 'id="n-pasal-10"' in html and 'href="#n-pasal-10"' in html  # clause and outline entry
    assert "Pasal 10 ayat (1)" in html  # each clause with its cite
    assert 'id="menimbang"' in html and 'id="mengingat"' in html and 'id="lampiran"' in html
    assert 'class="ref" href="#n-pasal-' in html  # resolved cross-references are links
    assert "Simpan ke korpus" in html


def test_upload_then_save_to_corpus(tmp_path) -> None:
    c = make_client(tmp_path)
    text = MALANG.read_text(encoding="utf-8") + "\n\n"  # another file (sha256) of the same act
    html = wait_job(c, c.post("/baca/unggah", files={"berkas": ("baru.txt", text.encode(), "text/plain")},
                              headers={"HX-Request": "true"}).text)
    assert '<dd id="status-korpus">belum disimpan di korpus</dd>' in html
    jid = html.split('hx-post="/baca/simpan/')[1].split('"')[0]
    saved = c.post(f"/baca/simpan/{jid}").text
    assert "Disimpan ke korpus sebagai" in saved
    rid = saved.split('href="/baca/')[1].split('"')[0]
    # the Status line above the button is swapped too: the page never says both "disimpan" and "belum disimpan"
    assert f'<dd id="status-korpus" hx-swap-oob="true">disimpan di korpus sebagai <a href="/baca/{rid}">' in saved
    again = c.get(f"/baca/{jid}").text
    assert "belum disimpan" not in again and "disimpan di korpus sebagai" in again
    assert c.get(f"/baca/{rid}").status_code == 200
    assert "sudah ada di korpus" in c.post(f"/baca/simpan/{jid}").text  # same file twice: nothing new
    assert rid in c.get("/").text


def test_background_job_shows_progress_then_result(tmp_path) -> None:
    c = make_client(tmp_path, inline_jobs=False)
    first = c.post("/baca/unggah", files={"berkas": ("malang.txt", MALANG.read_bytes(), "text/plain")},
                   headers={"HX-Request": "true"}).text
    assert 'hx-get="/tugas/' in first and 'class="bar' in first  # progress, polled by htmx
    assert 'id="n-pasal-10"' in wait_job(c, first)
    assert c.get("/tugas/" + "0" * 32).status_code == 404


@pytest.mark.parametrize("name", list(bad_files()))
def test_bad_upload_shows_the_cli_sentence(client, name: str) -> None:
    data = bad_files()[name]
    html = wait_job(client, client.post("/baca/unggah", files={"berkas": (name, data, "application/octet-stream")},
                                        headers={"HX-Request": "true"}).text)
    assert in_page(cli_message(name, data), html), html[:500]
    assert "Traceback" not in html


def test_upload_without_file_is_one_sentence(client) -> None:
    r = client.post("/baca/unggah", files={"berkas": ("", b"", "application/octet-stream")})
    assert r.status_code == 400 and "pilih berkas peraturan" in r.text


def test_oversized_upload_is_refused(tmp_path) -> None:
    c = make_client(tmp_path, max_upload=1024)
    big = c.post("/baca/unggah", files={"berkas": ("besar.txt", b"a" * 300_000, "text/plain")})
    assert big.status_code == 413 and "terlalu besar" in big.text and "1 KB" in big.text
    # under the declared-size check but over the limit while reading: refused as well, nothing kept
    mid = c.post("/baca/unggah", files={"berkas": ("sedang.txt", b"a" * 20_000, "text/plain")})
    assert mid.status_code == 400 and "terlalu besar" in mid.text
    assert not any((tmp_path / "work").rglob("sedang*"))


def test_stored_regulation_reader_has_findings_beside_pasal(client) -> None:
    html = client.get("/baca/bogor").text
    # Bogor Pasal 24 ayat (1) cites an ayat (3) that does not exist: an X2 finding beside Pasal 24, the reference
    # marked as broken, the clause flagged
    row = html.split('id="n-pasal-24"')[1].split('class="pasal-row"')[0]
    assert "X2" in row and 'href="#n-pasal-24_ayat-1"' in row
    assert 'class="ref broken"' in row and "flagged" in html
    assert client.get("/baca/tidak-ada").status_code == 400
    assert "tidak ada dalam korpus" in client.get("/baca/tidak-ada").text


def test_search_highlights_and_filters(client) -> None:
    html = client.get("/cari", params={"q": "pengajuan sukarela"}).text
    assert "<mark>pengajuan sukarela</mark>" in html.lower()
    assert 'href="/baca/jepara#n-pasal-10_ayat-6"' in html  # the bare item "b. pengajuan sukarela." ranks lower
    only = client.get("/cari/hasil", params={"q": "penugasan", "daerah": "bogor"}).text
    assert "/baca/bogor#" in only and "/baca/jepara#" not in only
    topic = client.get("/cari/hasil", params={"q": "penunjukan", "topik": "bentuk_penugasan"}).text
    assert "<mark>" in topic
    empty = client.get("/cari/hasil", params={"q": "??", "daerah": ""}).text
    assert "kata pencarian kosong" in empty
    unknown = client.get("/cari/hasil", params={"q": "tugas", "daerah": "atlantis"}).text
    assert "tidak ada dalam korpus" in unknown


def _reader_links(html: str) -> list[str]:
    return re.findall(r'href="(/baca/[^"]+)"', html)


def test_search_pages_follow_one_another_at_stable_addresses(client) -> None:
    first = client.get("/cari", params={"q": "tugas"}).text
    assert "Hasil 1–30 (ada lagi)" in first and "Sebelumnya" not in first
    nxt = re.search(r'href="(/cari\?[^"]*mulai=30[^"]*)">Berikutnya', first)
    assert nxt, "no link to the next page"
    second = client.get(nxt.group(1).replace("&amp;", "&")).text
    assert '<ol class="hits" start="31">' in second and "mulai=0" in second
    assert _reader_links(second) and not set(_reader_links(second)) & set(_reader_links(first))
    assert client.get(nxt.group(1).replace("&amp;", "&")).text == second  # the same address, the same page
    beyond = client.get("/cari/hasil", params={"q": "tugas", "mulai": 100000}).text
    assert "Tidak ada hasil lagi setelah 100000 hasil pertama" in beyond


def test_search_says_which_typed_word_it_corrected(client) -> None:
    html = client.get("/cari/hasil", params={"q": "sistim kerja"}).text
    assert "“sistim” tidak ada dalam korpus; dicari “sistem”." in html and "<mark>" in html
    assert "tidak ada dalam korpus; dicari" not in client.get("/cari/hasil", params={"q": "sistem kerja"}).text


@pytest.mark.parametrize("url", [
    "/unduh/../../etc/passwd", "/unduh/%2e%2e/%2e%2e/etc/passwd", "/unduh/" + "a" * 32 + "/..%2F..%2Fetc%2Fpasswd",
    "/unduh/" + "a" * 32 + "/draft.docx", "/static/../pyproject.toml", "/static/%2e%2e/app.py",
    "/unduh/" + "a" * 32 + "/%2Fetc%2Fpasswd",
])
def test_path_traversal_never_reaches_outside(client, url: str) -> None:
    r = client.get(url)
    assert r.status_code in (400, 404), url
    assert "root:" not in r.text and "[build-system]" not in r.text and "def create_app" not in r.text


def test_download_only_names_a_jobs_own_files(tmp_path) -> None:
    from rancang.web import security

    out = tmp_path / "keluaran"
    job = "b" * 32
    (out / job).mkdir(parents=True)
    (out / job / "a.txt").write_text("x")
    (tmp_path / "rahasia.txt").write_text("rahasia")
    assert security.safe_file(out, job, "a.txt", ["a.txt"]).read_text() == "x"
    for name in ("../rahasia.txt", "../../rahasia.txt", "/etc/passwd", ".env", "b.txt"):
        with pytest.raises(Exception, match="tidak ditemukan"):
            security.safe_file(out, job, name, [name])
    (out / job / "tautan.txt").symlink_to(tmp_path / "rahasia.txt")
    with pytest.raises(Exception, match="tidak ditemukan"):
        security.safe_file(out, job, "tautan.txt", ["tautan.txt"])


def test_token_rule(tmp_path) -> None:
    c = make_client(tmp_path, token=TOKEN)
    denied = c.get("/")
    assert denied.status_code == 401 and "token" in denied.text
    assert c.get("/cari", params={"token": "salah"}).status_code == 401
    assert c.get("/static/style.css").status_code == 200  # nothing of the bureau's there
    assert c.get("/", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    login = c.get("/cari", params={"token": TOKEN, "q": "tugas"}, follow_redirects=False)
    assert login.status_code == 303 and login.headers["location"] == "/cari?q=tugas"
    assert "httponly" in login.headers["set-cookie"].lower()
    assert c.get("/").status_code == 200  # the cookie now carries the token


def test_serve_beyond_this_machine_needs_a_long_token(monkeypatch, capsys, tmp_path) -> None:
    import uvicorn

    from rancang.cli import main

    runs: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: runs.append({"app": app, **kw}))
    monkeypatch.setattr("rancang.web.cli.port_refusal", lambda host, port: None)  # the port may be busy here
    monkeypatch.delenv("RANCANG_TOKEN", raising=False)
    db = str(tmp_path / "c.sqlite")
    work = ["--db", db, "--workdir", str(tmp_path / "w")]
    assert main(["serve", "--host", "0.0.0.0", *work]) == 0  # no token set: one is made and printed
    err = capsys.readouterr().err
    made = re.search(r"Token akses: (\S+)", err)
    assert made and len(made.group(1)) >= 16 and f"?token={made.group(1)}" in err
    assert runs[-1]["app"].state.cfg.token == made.group(1)
    assert main(["serve", *work]) == 0
    assert runs[-1]["host"] == "127.0.0.1" and runs[-1]["port"] == 8000
    capsys.readouterr()
    monkeypatch.setenv("RANCANG_TOKEN", "1")  # a guessable token: refused at start, one sentence
    assert main(["serve", "--host", "0.0.0.0", *work]) == 1
    err = capsys.readouterr().err
    assert "terlalu pendek" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    runs.clear()
    assert main(["serve", *work]) == 1 and not runs  # on this machine alone too
    monkeypatch.setenv("RANCANG_TOKEN", TOKEN)
    assert main(["serve", "--host", "0.0.0.0", "--port", "8123", *work]) == 0
    assert runs[-1]["host"] == "0.0.0.0" and runs[-1]["port"] == 8123


def test_serve_on_a_busy_port_says_so_in_one_sentence_before_announcing_anything(monkeypatch, capsys,
                                                                                tmp_path) -> None:
    import socket

    import uvicorn

    from rancang.cli import main

    runs: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: runs.append(kw))
    monkeypatch.delenv("RANCANG_TOKEN", raising=False)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code = main(["serve", "--port", str(port), "--db", str(tmp_path / "c.sqlite"),
                     "--workdir", str(tmp_path / "w")])
    err = capsys.readouterr().err
    assert code == 1 and not runs
    assert f"port {port} sudah dipakai program lain" in err and "berjalan di" not in err
    assert len(err.strip().splitlines()) == 1 and "Errno" not in err


def test_posts_from_another_site_are_refused(client) -> None:
    r = client.post("/baca/unggah", files={"berkas": ("malang.txt", MALANG.read_bytes(), "text/plain")},
                    headers={"Origin": "http://jahat.example"})
    assert r.status_code == 403 and "situs lain" in r.text


def test_no_cdn_or_network_references_in_templates() -> None:
    from rancang.web.app import package_dir

    for p in Path(package_dir("templates")).glob("*.html"):
        text = p.read_text(encoding="utf-8")
        assert "://" not in text, p.name


def test_penjelasan_stands_beside_its_pasal(tmp_path) -> None:
    extra = Path(__file__).parent / "extra" / "uu-2011-12.txt"
    c = make_client(tmp_path)
    html = wait_job(c, c.post("/baca/unggah", files={"berkas": ("uu.txt", extra.read_bytes(), "text/plain")},
                              headers={"HX-Request": "true"}).text)
    row = html.split('id="n-pasal-2"')[1].split('class="pasal-row"')[0]
    assert 'class="penjelasan"' in row and "Pancasila" in row.split('class="penjelasan"')[1]
    assert 'id="penjelasan"' in html  # the Penjelasan Umum, about no single Pasal


def test_ocr_pages_are_reported_as_progress(tmp_path, monkeypatch) -> None:
    """The OCR reader's page callback reaches the job's progress; the OCR mode chosen in the form is in force while
    the file is read, and restored afterwards."""
    import rancang.ingest as ingest
    from rancang.ingest.readers.ocr import reader as ocr_reader
    from rancang.web import jobs, services

    seen: list[tuple[str, float | None]] = []
    real = ingest.ingest_bytes

    def fake(data: bytes, name: str = "", validate: bool = True):  # noqa: ANN202
        assert ocr_reader.mode() == "always"
        for done in (1, 2, 3):
            ocr_reader._progress(done, 3)
            seen.append((job.message, job.fraction))
        return real(MALANG.read_bytes(), "malang.txt")

    monkeypatch.setattr(ingest, "ingest_bytes", fake)
    job = jobs.Job(id="c" * 32, kind="baca", title="x", outdir=tmp_path)
    before = ocr_reader.mode()
    services.read(b"%PDF-1.4 ...", "pindaian.pdf", job, "always")
    assert [m for m, _ in seen] == [f"OCR halaman {i} dari 3…" for i in (1, 2, 3)]
    assert [f for _, f in seen] == sorted(f for _, f in seen) and ocr_reader.mode() == before
    with pytest.raises(Exception, match="mode OCR"):
        services.read(b"x", "a.pdf", job, "kadang")

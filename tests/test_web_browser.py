"""Browser tests: the web app in headless Chromium (Debian's ``chromium``, driven by Playwright through
``executable_path``), one browser session for all steps. Each step writes a screenshot of its page to
``$RANCANG_SCREENSHOTS`` (or a temporary folder). Skipped only where Chromium or Playwright is absent."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
sync_api = pytest.importorskip("playwright.sync_api")

from webapp import ARGS, CHROMIUM, MALANG  # noqa: E402

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium tidak terpasang")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app served by uvicorn on a free local port, in a thread (background jobs run as in production)."""
    import uvicorn

    from rancang.web.app import create_app
    from rancang.web.config import Config

    tmp = tmp_path_factory.mktemp("webapp")
    app = create_app(Config(db=str(tmp / "corpus.sqlite"), workdir=tmp / "work"))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(server, tmp_path_factory):
    """One Chromium page for every step; downloads allowed."""
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1366, "height": 900}, accept_downloads=True)
        pg = context.new_page()
        pg.set_default_timeout(120_000)
        pg.base = server
        yield pg
        context.close()
        browser.close()


def test_upload_a_seed_and_see_pasal_10(page, shots) -> None:
    page.goto(page.base + "/baca")
    page.set_input_files("#berkas", str(MALANG))
    page.click("button:has-text('Baca berkas')")
    page.wait_for_selector("text=Simpan ke korpus")
    page.click(".outline a[href='#n-pasal-10']")
    pasal = page.locator("#n-pasal-10")
    assert pasal.is_visible() and "Pasal 10" in pasal.inner_text()
    page.screenshot(path=str(shots / "baca.png"))
    page.click("button:has-text('Simpan ke korpus')")
    page.wait_for_selector("text=ke korpus")
    page.goto(page.base + "/")
    page.screenshot(path=str(shots / "beranda.png"), full_page=True)


def test_a_bad_file_gives_the_cli_sentence_in_the_page(page, shots) -> None:
    from webapp import bad_files, cli_message

    data = bad_files()["rusak.pdf"]
    page.goto(page.base + "/baca")
    page.set_input_files("#berkas", {"name": "rusak.pdf", "mimeType": "application/pdf", "buffer": data})
    page.click("button:has-text('Baca berkas')")
    alert = page.wait_for_selector("#hasil .alert.error")
    assert cli_message("rusak.pdf", data) in alert.inner_text()
    page.screenshot(path=str(shots / "baca-galat.png"))


def test_search(page, shots) -> None:
    page.goto(page.base + "/cari")
    page.fill("#q", "pengajuan sukarela")
    page.click("button:has-text('Cari')")
    page.wait_for_selector("#hits mark")
    assert "pengajuan sukarela" in page.locator("#hits mark").first.inner_text().lower()
    page.select_option("select[name=daerah]", "jepara")
    page.wait_for_function(
        "() => [...document.querySelectorAll('#hits .tag')].every(t => t.textContent.includes('Jepara'))")
    page.screenshot(path=str(shots / "cari.png"))
    page.locator("#hits a").first.click()
    page.wait_for_url("**/baca/jepara#*")


def test_compare_two_regions(page, shots) -> None:
    page.goto(page.base + "/bandingkan")
    page.select_option("#side-a", "bogor")
    page.select_option("#side-b", "jepara")
    page.click("button:has-text('Bandingkan')")
    page.wait_for_selector("#ringkasan")
    heads = page.locator("table.topics thead th").all_inner_texts()
    assert heads[1:3] == ["Kota Bogor", "Kabupaten Jepara"]
    page.screenshot(path=str(shots / "bandingkan.png"))
    page.locator("table.topics a[href^='#t-']").first.click()
    page.screenshot(path=str(shots / "bandingkan-topik.png"))


def _download(page, label: str, tmp: Path) -> Path:
    with page.expect_download() as info:
        page.click(f"a:has-text('{label}')")
    path = tmp / info.value.suggested_filename
    info.value.save_as(path)
    return path


def _produce_docx(page, button: str, ready: str, shot: Path, label: str, tmp: Path) -> str:
    """Press ``button``, wait for ``ready``, screenshot the result to ``shot``, download the DOCX link ``label``
    and give the text of its paragraphs, one a line."""
    import docx

    page.click(f"button:has-text('{button}')")
    page.wait_for_selector(f"text={ready}")
    page.screenshot(path=str(shot))
    path = _download(page, label, tmp)
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_fill_profile_and_download_docx(page, shots, tmp_path) -> None:
    page.goto(page.base + "/susun?contoh=kosong")
    page.fill("#f-daerah-nama", "Temanggung")
    page.select_option("#f-daerah-jenis", "kabupaten")
    page.click("button:has-text('Susun rancangan')")
    page.wait_for_selector(".has-error")
    assert page.locator(".field:has(> #f-provinsi) .err").all_inner_texts() == ["wajib diisi"]
    page.screenshot(path=str(shots / "susun-galat.png"))
    page.goto(page.base + "/susun?contoh=sleman")
    page.fill("#f-daerah-nama", "Temanggung")
    page.fill("#f-provinsi", "Jawa Tengah")
    page.fill("#f-ibu_kota", "Temanggung")
    text = _produce_docx(page, "Susun rancangan", "Rancangan siap", shots / "susun.png", "draft.docx", tmp_path)
    assert "TEMANGGUNG" in text.upper() and "Pasal 1" in text


def _buildable_scenario() -> str:
    """The first scenario the letters API builds from its own example."""
    from rancang.errors import RancangError
    from rancang.generate.naskah import scenario

    for name in scenario.scenarios():
        try:
            scenario.build(name, scenario.scenario_example(name))
        except RancangError:
            continue
        return name
    raise AssertionError("no scenario builds from its example")


def test_produce_a_scenarios_letters(page, shots, tmp_path) -> None:
    import zipfile

    import docx

    name = _buildable_scenario()
    page.goto(page.base + "/surat")
    page.screenshot(path=str(shots / "surat-daftar.png"))
    page.click(f"a.card[href='/surat/skenario/{name}']")
    page.screenshot(path=str(shots / "skenario-formulir.png"))
    page.click("button:has-text('Buat semua surat')")
    page.wait_for_selector("text=Surat siap")
    page.screenshot(path=str(shots / "skenario.png"))
    path = _download(page, "Unduh semua (ZIP)", tmp_path)
    with zipfile.ZipFile(path) as z:
        letters = [n for n in z.namelist() if n.endswith(".docx")]
        assert letters and "skenario.md" in z.namelist()
        z.extract(letters[0], tmp_path)
    assert docx.Document(str(tmp_path / letters[0])).paragraphs


def test_produce_one_letter(page, shots, tmp_path) -> None:
    page.goto(page.base + "/surat")
    page.click("a.card[href='/surat/surat-perintah-tugas']")
    page.fill("#f-nomor", "800.1.3/0123/BKPSDM/2026")
    text = _produce_docx(page, "Buat surat", "Surat siap", shots / "surat.png", "surat-perintah-tugas.docx",
                         tmp_path)
    assert "800.1.3/0123/BKPSDM/2026" in text


def test_model_page(page, shots) -> None:
    page.goto(page.base + "/model")
    page.select_option("#model-reg", "jepara")
    page.click("button:has-text('Tampilkan model')")
    page.wait_for_selector("#prosedur")
    assert page.locator("#peran + table tbody tr").count() > 5
    page.screenshot(path=str(shots / "model.png"))

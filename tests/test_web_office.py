"""The web app for a whole office, in headless Chromium (issue 31 acceptance): a text upload is read while another
session's 20-page OCR runs, a reading survives a reload, every page fits a 390 px phone, upload-and-save works
with the keyboard alone, axe-core finds no serious violation, and the Content-Security-Policy blocks nothing the
pages need. Each page is photographed at 1280 and 390 px into ``$RANCANG_SCREENSHOTS`` (or a temporary folder).

Debian's ``chromium`` is driven by Playwright through ``executable_path`` (no browser download); skipped only where
Chromium or Playwright is absent. Timings are measured by ``benchmarks/bench_web_jobs.py``, not asserted here: the
test asserts the order of events (the text reading done while the OCR still runs)."""

from __future__ import annotations

import re
import socket
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
pytest.importorskip("pebble")
sync_api = pytest.importorskip("playwright.sync_api")

from webapp import ARGS, CHROMIUM, MALANG, ROOT  # noqa: E402

WIDE, PHONE = {"width": 1280, "height": 900}, {"width": 390, "height": 844}
LINKS = ROOT / "tests" / "data" / "links"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium tidak terpasang")

#: every page of the app, and what shows that it is ready (a job's result where the page runs one)
PAGES = [("beranda", "/", "h1"), ("baca", "/baca", "#berkas"), ("cari", "/cari?q=pengajuan+sukarela", "#hits mark"),
         ("bandingkan", "/bandingkan?a=bogor&b=jepara", "#ringkasan"), ("susun", "/susun", "#susun-form"),
         ("surat", "/surat", "h1"), ("surat-formulir", "/surat/surat-perintah-tugas", "#surat-form"),
         ("model", "/model?reg=jepara", "#prosedur"), ("baca-korpus", "/baca/jepara", "#n-pasal-10"),
         ("baca-hapus", "/baca/jepara/hapus", "form.inline-form"), ("pekerjaan", "/pekerjaan", "h1"),
         ("baca-konsolidasi", "/baca/base/konsolidasi", "#n-pasal-3A"),
         ("galat", "/tidak-ada", ".alert.error")]


def serve(app) -> tuple[str, object]:
    """Serve ``app`` with uvicorn on a free local port in a thread; returns (base URL, server)."""
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=srv.run, daemon=True).start()
    for _ in range(400):
        if srv.started:
            break
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", srv


@pytest.fixture(scope="module")
def office(tmp_path_factory) -> Path:
    """The folder of the office's app: its corpus (corpus.sqlite) and its work folder."""
    return tmp_path_factory.mktemp("kantor")


@pytest.fixture(scope="module")
def server(office):
    """The app as ``rancang serve`` runs it: jobs in worker processes, one per lane."""
    from rancang.web.app import create_app
    from rancang.web.config import Config

    base, srv = serve(create_app(Config(db=str(office / "corpus.sqlite"), workdir=office / "work")))
    yield base
    srv.should_exit = True


@pytest.fixture(scope="module")
def amended(server, office) -> str:
    """Perbup Kerta 1/2024 stored with its two amendments (tests/data/links): the act with a consolidated
    reading; returns its corpus id."""
    from rancang.corpus.store import Store
    from rancang.ingest import ingest_path

    with Store(office / "corpus.sqlite", seed=False) as s:
        for name in ("base", "ubah1", "ubah2"):
            s.add(ingest_path(LINKS / f"{name}.txt"), id=name)
    return "base"


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Session:
    """One user's browser session: a context of its own, and every CSP report of its pages collected."""

    def __init__(self, browser, base: str, viewport: dict) -> None:
        self.context = browser.new_context(viewport=viewport, accept_downloads=True)
        self.page = self.context.new_page()
        self.page.set_default_timeout(180_000)
        self.base = base
        self.blocked: list[str] = []
        self.page.on("console", lambda m: self.blocked.append(m.text) if "Content Security Policy" in m.text else 0)

    def goto(self, path: str, ready: str | None = None) -> None:
        self.page.goto(self.base + path)
        if ready:
            self.page.wait_for_selector(ready)

    def close(self) -> None:
        self.context.close()


def scan_of_20_pages() -> bytes:
    """A regulation photographed by phone, 20 pages, no text layer: the reader OCRs every page."""
    from fixtures import build_pdf
    from phone_scan import phone_scan

    text = (ROOT / "corpus" / "seeds" / "001_ced7971a61a5e85a.txt").read_text(encoding="utf-8")
    return phone_scan(build_pdf(text, header="BERITA DAERAH", max_pages=20), dpi=150)


def upload(s: Session, name: str, data: bytes, mime: str) -> None:
    s.goto("/baca")
    s.page.set_input_files("#berkas", {"name": name, "mimeType": mime, "buffer": data})
    s.page.click("button:has-text('Baca berkas')")


def test_a_text_upload_is_read_while_another_sessions_ocr_runs(server, browser, shots) -> None:
    ocr, reader = Session(browser, server, WIDE), Session(browser, server, WIDE)
    try:
        upload(ocr, "pindaian.pdf", scan_of_20_pages(), "application/pdf")
        ocr.page.wait_for_selector("#hasil .job-msg:has-text('OCR halaman')")  # the 20-page OCR is running
        upload(reader, "malang.txt", MALANG.read_bytes(), "text/plain")
        reader.page.wait_for_selector("#simpan button")
        assert "OCR halaman" in ocr.page.locator("#hasil").inner_text()  # still running: the TXT did not wait
        assert re.search(r"/baca/[0-9a-f]{32}$", reader.page.url)  # the reading has its own address
        reader.page.screenshot(path=str(shots / "baca-saat-ocr.png"))
        ocr.page.screenshot(path=str(shots / "ocr-berjalan.png"))
        pasal = reader.page.locator("article.pasal").count()
        reader.page.reload()  # a reload shows the same reading, not an empty page
        reader.page.wait_for_selector("#simpan button")
        assert reader.page.locator("article.pasal").count() == pasal > 10
        ocr.page.click("#hasil button:has-text('Batalkan')")
        ocr.page.wait_for_selector("#hasil .alert:has-text('dibatalkan')")
        assert not ocr.blocked and not reader.blocked, ocr.blocked + reader.blocked
    finally:
        ocr.close()
        reader.close()


def test_every_page_fits_a_phone_and_axe_finds_no_serious_violation(server, browser, shots, amended) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    serious: list[str] = []
    too_wide: list[str] = []
    for viewport, suffix in ((WIDE, "1280"), (PHONE, "390")):
        s = Session(browser, server, viewport)
        try:
            for name, path, ready in PAGES:
                s.goto(path, ready)
                s.page.screenshot(path=str(shots / f"{name}-{suffix}.png"), full_page=name not in (
                    "baca-korpus", "bandingkan", "model"))
                if viewport is PHONE:
                    width = s.page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
                    if width[0] > width[1]:
                        too_wide.append(f"{path}: {width[0]} px")
                    menu = s.page.evaluate("Math.max(...[...document.querySelectorAll('header nav a')]"
                                           ".map(a => a.getBoundingClientRect().right))")
                    if menu > viewport["width"]:
                        too_wide.append(f"{path}: menu {menu} px")
                for v in axe.run(s.page).response["violations"]:
                    if v["impact"] in ("serious", "critical"):
                        serious.append(f"{path} @{suffix}: {v['id']} ({len(v['nodes'])}x) "
                                       f"{v['nodes'][0]['target']}")
            assert not s.blocked, s.blocked
        finally:
            s.close()
    assert not too_wide, too_wide
    assert not serious, "\n".join(serious)


def test_upload_and_save_with_the_keyboard_alone(server, browser, shots) -> None:
    s = Session(browser, server, WIDE)
    page = s.page
    # Playwright intercepts file choosers only while the page has a "filechooser" listener, and turns that on
    # with a message it does not wait for: ``expect_file_chooser`` around a key press sends the press right
    # behind it, and when the press wins (1 in 8 measured) headless Chromium opens a real chooser, cancels it at
    # once (a "cancel" event on the input) and the wait times out. A listener from the start turns the
    # interception on before the page is even loaded.
    page.on("filechooser", lambda _: None)
    try:
        s.goto("/baca")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "Langsung ke isi"
        page.keyboard.press("Enter")  # the skip link: past the menu, into the page
        presses = 0
        while page.evaluate("document.activeElement.id") != "berkas":
            page.keyboard.press("Tab")
            presses += 1
            assert presses <= 3, "the file field is not the first thing after the skip link"
        with page.expect_file_chooser() as chooser:
            page.keyboard.press("Space")
        chooser.value.set_files(str(MALANG))
        page.keyboard.press("Tab")  # OCR mode
        page.keyboard.press("Tab")  # "Baca berkas"
        assert page.evaluate("document.activeElement.textContent") == "Baca berkas"
        page.keyboard.press("Enter")
        page.wait_for_selector("#simpan button")
        page.wait_for_function("() => document.activeElement && document.activeElement.matches('#hasil h1')")
        presses = 0
        while page.evaluate("document.activeElement.textContent") != "Simpan ke korpus":
            page.keyboard.press("Tab")
            presses += 1
            assert presses <= 3, "Simpan ke korpus is not right after the reading's heading"
        page.keyboard.press("Enter")
        page.wait_for_selector("#simpan .alert")  # saved (the seed is there already: it says so)
        page.wait_for_function("() => document.activeElement && document.activeElement.matches('#simpan .alert')")
        page.screenshot(path=str(shots / "papan-ketik-simpan.png"))
        assert not s.blocked, s.blocked
    finally:
        s.close()


def test_errors_of_a_form_sent_from_its_bottom_take_the_focus_to_the_first_wrong_input(server, browser, shots) -> None:
    s = Session(browser, server, PHONE)
    page = s.page
    try:
        s.goto("/surat/surat-perintah-tugas", "#surat-form")
        page.fill("#f-tanggal", "2026-02-30")  # typed as text: the browser keeps it, the server refuses it
        page.fill("#f-nomor", "")
        page.locator("#surat-form button[type=submit]").click()  # the button at the form's bottom
        page.wait_for_selector("#surat-form .has-error")
        # the focus moves once htmx has settled the swap, a moment after the errors are in the page
        page.wait_for_function("() => document.activeElement && document.activeElement.matches('#surat-form input')")
        focused = page.evaluate("() => [document.activeElement.id, document.activeElement.getAttribute("
                                "'aria-invalid'), document.activeElement.getBoundingClientRect().top]")
        first = page.locator("#surat-form [aria-invalid='true']").first.get_attribute("id")
        assert focused[0] == first and focused[1] == "true" and 0 <= focused[2] < PHONE["height"]
        assert "tidak ada di kalender" in page.locator(".field:has(#f-tanggal) .err").inner_text()
        page.screenshot(path=str(shots / "surat-galat-390.png"))
        assert not s.blocked, s.blocked
    finally:
        s.close()


def test_the_consolidated_reading_is_reached_from_the_acts_page_and_links_each_change_to_its_act(
        server, browser, shots, amended) -> None:
    for viewport, suffix in ((WIDE, "1280"), (PHONE, "390")):
        s = Session(browser, server, viewport)
        page = s.page
        try:
            s.goto(f"/baca/{amended}", "#n-pasal-2")
            page.screenshot(path=str(shots / f"baca-diubah-{suffix}.png"))
            page.click("a:has-text('Bacaan konsolidasi (dengan 2 perubahan)')")
            page.wait_for_url(f"**/baca/{amended}/konsolidasi")
            inserted = page.locator("#n-pasal-3A")
            assert inserted.is_visible()
            assert "disisipkan dengan Peraturan Bupati Kerta Nomor 3 Tahun 2024" in inserted.inner_text()
            assert "Dihapus." in page.locator("#n-pasal-4").inner_text()
            width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            assert width[0] <= width[1], width
            page.screenshot(path=str(shots / f"konsolidasi-{suffix}.png"), full_page=True)
            page.locator("#n-pasal-4 .change a").click()  # the act that deleted Pasal 4
            page.wait_for_url("**/baca/ubah2")
            assert "Mengubah" in page.locator("dl.standing").inner_text()
            assert not s.blocked, s.blocked
        finally:
            s.close()

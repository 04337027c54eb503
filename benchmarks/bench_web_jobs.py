"""The web app under an office's load (issue 31 acceptance): how long a second session waits for the reader of a
67 KB TXT while a first session's 20-page OCR runs, against the same TXT on an idle app.

The app is served by uvicorn as ``rancang serve`` runs it (jobs in worker processes, one per lane); two Chromium
sessions (Debian's ``chromium`` through Playwright) do what staff do: session A uploads a phone scan of 20 pages
(no text layer: every page is OCR'd), and once its page says "OCR halaman", session B uploads the Malang seed as
TXT. Measured: seconds from B's click on "Baca berkas" to "Simpan ke korpus" in its page, with and without the
OCR running, and whether the OCR was still running when B's reader showed. Also the machine's load average; the
machine is shared, so rerun and compare within one run.

Run: ``python benchmarks/bench_web_jobs.py [--runs 3]``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fixtures import build_pdf  # noqa: E402
from phone_scan import phone_scan  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
MALANG = ROOT / "corpus" / "seeds" / "003_b7684ddf9c3f1cea.txt"
JEPARA = ROOT / "corpus" / "seeds" / "001_ced7971a61a5e85a.txt"


def serve(tmp: Path) -> tuple[str, object]:
    import uvicorn

    from rancang.web.app import create_app
    from rancang.web.config import Config

    app = create_app(Config(db=str(tmp / "corpus.sqlite"), workdir=tmp / "work"))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=srv.run, daemon=True).start()
    while not srv.started:
        time.sleep(0.05)
    time.sleep(2)  # the lanes' workers start with the app
    return f"http://127.0.0.1:{port}", srv


def read_txt(page, base: str) -> float:
    """Seconds from the click on 'Baca berkas' to the reader's 'Simpan ke korpus'."""
    page.goto(base + "/baca")
    page.set_input_files("#berkas", str(MALANG))
    t0 = time.perf_counter()
    page.click("button:has-text('Baca berkas')")
    page.wait_for_selector("#simpan button", timeout=600_000)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    scan = phone_scan(build_pdf(JEPARA.read_text(encoding="utf-8"), header="BERITA DAERAH", max_pages=20), dpi=150)
    print(f"scan: 20 pages, {len(scan) // 1024} KB; TXT: {MALANG.stat().st_size // 1024} KB; cores: {os.cpu_count()}")
    with tempfile.TemporaryDirectory() as tmp:
        base, srv = serve(Path(tmp))
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            a, b = browser.new_context().new_page(), browser.new_context().new_page()
            for run in range(args.runs):
                idle = read_txt(b, base)
                a.goto(base + "/baca")
                a.set_input_files("#berkas", {"name": "pindaian.pdf", "mimeType": "application/pdf", "buffer": scan})
                a.click("button:has-text('Baca berkas')")
                a.wait_for_selector("#hasil .job-msg:has-text('OCR halaman')", timeout=600_000)
                busy = read_txt(b, base)
                still = "OCR halaman" in a.locator("#hasil").inner_text()
                load = os.getloadavg()[0]
                print(f"run {run + 1}: TXT reader idle {idle:.2f} s; during 20-page OCR {busy:.2f} s; OCR still "
                      f"running then: {'yes' if still else 'no'}; load average {load:.1f}")
                a.click("#hasil button:has-text('Batalkan')")
                a.wait_for_selector("#hasil .alert:has-text('dibatalkan')")
            browser.close()
        srv.should_exit = True


if __name__ == "__main__":
    main()

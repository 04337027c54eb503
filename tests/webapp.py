"""Helpers shared by the web tests: an app on a temporary corpus, inputs of each kind, job polling."""

from __future__ import annotations

import io
import re
import shutil
import time
import zipfile
from pathlib import Path
from typing import Any

from markupsafe import escape

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpus" / "seeds"
MALANG = SEEDS / "003_b7684ddf9c3f1cea.txt"
JOB = re.compile(r'hx-get="/tugas/([0-9a-f]{32})"')

#: the system Chromium the browser tests drive (no browser download), and its flags
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]



def make_client(tmp: Path, **cfg: Any) -> Any:
    """A TestClient over a fresh app whose corpus and work folder live in ``tmp``."""
    from fastapi.testclient import TestClient

    from rancang.web.app import create_app
    from rancang.web.config import Config

    cfg.setdefault("inline_jobs", True)
    app = create_app(Config(db=str(tmp / "corpus.sqlite"), workdir=tmp / "work", **cfg))
    return TestClient(app, base_url="http://127.0.0.1")


def in_page(message: str, html: str) -> bool:
    """Whether ``message`` appears in ``html`` as the template escaped it."""
    return str(escape(message)) in html


def wait_job(client: Any, html: str, tries: int = 600) -> str:
    """Follow the page's job polling (``/tugas/<id>``) until the job shows its result; returns that HTML."""
    for _ in range(tries):
        m = JOB.search(html)
        if not m:
            return html
        time.sleep(0.05)
        html = client.get(f"/tugas/{m.group(1)}", headers={"HX-Request": "true"}).text
    raise AssertionError("pekerjaan tidak selesai")


def bad_files() -> dict[str, bytes]:
    """One bad input of each kind the readers refuse: empty, binary noise, broken PDF, old .doc, broken DOCX,
    a DOCX that is a zip without a Word document, unknown encoding."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "bukan dokumen")
    return {
        "kosong.txt": b"   \n",
        "acak.txt": bytes(range(256)) * 8,
        "rusak.pdf": b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\nendobj\n" + b"\x00" * 40,
        "lama.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
        "potong.docx": b"PK\x03\x04" + b"\x14\x00" * 30,
        "zip.docx": buf.getvalue(),
        "resep.txt": b"Resep nasi goreng: nasi, bawang, kecap. Aduk rata lalu sajikan.\n" * 5,
    }


def cli_message(name: str, data: bytes) -> str:
    """The Indonesian sentence the CLI gives for this file (what the page must show too)."""
    from rancang.errors import RancangError
    from rancang.ingest import ingest_bytes

    try:
        ingest_bytes(data, name)
    except RancangError as exc:
        return exc.format_message()
    raise AssertionError(f"{name} terbaca, padahal seharusnya ditolak")


def form_values(fields: list, out: dict[str, str] | None = None) -> dict[str, str]:
    """The values a browser would post for a generated form (checkboxes only when ticked)."""
    out = {} if out is None else out
    for f in fields:
        if f.kind in ("group", "list"):
            form_values(f.children, out)
        elif f.kind == "checkbox":
            if f.value:
                out[f.name] = "on"
        else:
            out[f.name] = f.value
    return out


def sleeper(job: Any, seconds: float) -> str:
    """A job that takes ``seconds`` (stands for a long OCR), reporting progress each tenth of a second."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        job.progress("Tidur…", 1 - (end - time.monotonic()) / seconds)
        time.sleep(0.1)
    return "bangun"


def hog(job: Any, mb: int) -> int:
    """A job that asks for ``mb`` MB of memory at once."""
    block = bytearray(mb * 1024 * 1024)
    return len(block)


def wait_until(check: Any, tries: int = 1200) -> None:
    """Poll ``check()`` every 50 ms until it is true (no time bound asserted: the ordering is the fact)."""
    for _ in range(tries):
        if check():
            return
        time.sleep(0.05)
    raise AssertionError("keadaan yang ditunggu tidak tercapai")

"""The web app hardened for a bureau's LAN (issue 31 item 5): Host allow-list, a long token and slowed guessing,
the upload limit enforced while the body streams in, a strict Content-Security-Policy on every response, and every
error page Indonesian HTML."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("multipart")

from webapp import make_client  # noqa: E402

TOKEN = "Qm7vR2xK9pL4tW8nB3cJ6hZ1"
MB = 1024 * 1024


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return make_client(tmp_path_factory.mktemp("keras"))


def test_a_foreign_host_is_refused_before_any_page(client) -> None:
    for host in ("jahat.example", "jahat.example:8000", "127.0.0.1.jahat.example"):
        r = client.get("/", headers={"Host": host})
        assert r.status_code == 400 and "alamat yang dipakai" in r.text, host
        assert "Korpus" not in r.text and r.headers["content-type"].startswith("text/html")
    for host in ("127.0.0.1:8000", "localhost", "[::1]:8000"):
        assert client.get("/", headers={"Host": host}).status_code == 200, host


def test_the_host_the_app_was_started_for_is_accepted(tmp_path) -> None:
    c = make_client(tmp_path, hosts=("192.168.1.20",))
    assert c.get("/", headers={"Host": "192.168.1.20:8000"}).status_code == 200
    assert c.get("/", headers={"Host": "192.168.1.21:8000"}).status_code == 400


def test_host_names_are_read_without_port_or_brackets() -> None:
    from rancang.web.hardening import host_of

    assert host_of("[::1]:8000") == "::1" and host_of("LocalHost:80") == "localhost"
    assert host_of("127.0.0.1") == "127.0.0.1" and host_of("") == ""


def test_a_short_token_is_refused_at_start(tmp_path) -> None:
    from rancang.errors import InputError
    from rancang.web.config import Config, new_token

    with pytest.raises(InputError, match="terlalu pendek"):
        Config(workdir=tmp_path, token="1")
    with pytest.raises(InputError, match="paling sedikit 16"):
        Config(workdir=tmp_path, token="x" * 15)
    assert Config(workdir=tmp_path, token="x" * 16).token
    made = {new_token() for _ in range(50)}
    assert len(made) == 50 and min(map(len, made)) >= 16


def test_wrong_tokens_are_slowed_down(tmp_path) -> None:
    c = make_client(tmp_path, token=TOKEN)
    codes = [c.get("/", params={"token": f"tebakan-{i:012d}"}).status_code for i in range(8)]
    assert codes[:5] == [401] * 5 and codes[5:] == [429] * 3
    refused = c.get("/", params={"token": TOKEN})  # even the right token waits: guessing must not continue
    assert refused.status_code == 429 and "coba lagi dalam" in refused.text
    assert int(refused.headers["retry-after"]) > 0


def test_the_throttle_forgets_old_tries() -> None:
    from rancang.web.security import Throttle

    now = [1000.0]
    t = Throttle(tries=3, window=60, clock=lambda: now[0])
    for _ in range(3):
        assert t.wait("10.0.0.5") == 0
        t.failed("10.0.0.5")
    assert t.wait("10.0.0.5") == 61 and t.wait("10.0.0.6") == 0  # another computer is not slowed
    now[0] += 61
    assert t.wait("10.0.0.5") == 0


def _post_chunked(app, total: int, chunk: int = 64 * 1024) -> tuple[int, int, bytes]:
    """POST a multipart upload of ``total`` bytes to /baca/unggah without a Content-Length, the body produced
    lazily in ``chunk``-sized pieces; returns (status, bytes the app had pulled when it began its answer, response
    body)."""
    boundary = "batas123"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"besar.txt\"\r\n"
            "Content-Type: text/plain\r\n\r\n").encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    pulled = 0
    sent = 0  # bytes of the file produced so far
    out: dict = {"status": 0, "body": b"", "pulled": 0}

    async def receive() -> dict:
        nonlocal pulled, sent
        if pulled == 0:
            piece = head
        elif sent < total:
            piece = b"kata " * (min(chunk, total - sent) // 5)
            sent += len(piece)
        else:
            piece = tail
        pulled += len(piece)
        return {"type": "http.request", "body": piece, "more_body": piece != tail}

    async def send(message: dict) -> None:
        if message["type"] == "http.response.start":
            out["status"], out["pulled"] = message["status"], pulled
        elif message["type"] == "http.response.body":
            out["body"] += message.get("body", b"")

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
             "scheme": "http", "path": "/baca/unggah", "raw_path": b"/baca/unggah", "query_string": b"",
             "root_path": "", "client": ("127.0.0.1", 5000), "server": ("127.0.0.1", 8000),
             "headers": [(b"host", b"127.0.0.1:8000"), (b"transfer-encoding", b"chunked"),
                         (b"content-type", f"multipart/form-data; boundary={boundary}".encode())]}
    asyncio.run(app(scope, receive, send))
    return out["status"], out["pulled"], out["body"]


def test_a_chunked_100_mb_upload_is_cut_at_the_limit(tmp_path) -> None:
    from rancang.web.hardening import FORM_ROOM

    c = make_client(tmp_path, max_upload=1 * MB)
    status, pulled, body = _post_chunked(c.app, 100 * MB)
    assert status == 413 and "Berkas terlalu besar: batas unggahan 1 MB" in body.decode()
    assert pulled <= 1 * MB + FORM_ROOM + 64 * 1024  # at most the limit read before the refusal
    written = sum(p.stat().st_size for p in Path(tmp_path / "work").rglob("*") if p.is_file())
    assert written < 1 * MB


def test_an_upload_below_the_limit_still_streams_through(tmp_path) -> None:
    c = make_client(tmp_path, max_upload=1 * MB)
    status, _, _ = _post_chunked(c.app, 200 * 1024)
    assert status == 303  # read by the page, which sends the browser to the reading's own address


def test_every_response_carries_a_strict_csp(client) -> None:
    responses = [client.get("/"), client.get("/static/style.css"), client.get("/static/htmx.min.js"),
                 client.get("/tidak-ada"), client.post("/"), client.get("/", headers={"Host": "jahat.example"}),
                 client.get("/cari", params={"mulai": "bukan-angka"}), client.get("/unduh/xyz/../../etc/passwd")]
    for r in responses:
        csp = r.headers.get("content-security-policy", "")
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp, r.url
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"


def test_error_pages_are_indonesian_html(client) -> None:
    cases = [(client.get("/tidak-ada"), 404, "Halaman tidak ditemukan"),
             (client.post("/"), 405, "tidak menerima permintaan"),
             (client.get("/cari", params={"mulai": "bukan-angka"}), 400, "isian permintaan tidak sah: mulai"),
             (client.get("/tugas/" + "0" * 32), 404, "Pekerjaan tidak ditemukan")]
    for r, status, words in cases:
        assert r.status_code == status and words in r.text, r.url
        assert r.headers["content-type"].startswith("text/html") and 'lang="id"' in r.text
        assert "Not Found" not in r.text and '"detail"' not in r.text


def test_pages_hold_no_inline_script_or_style() -> None:
    """The CSP forbids inline code, so no template may carry any: scripts and styles are static files."""
    from rancang.web.views import package_dir

    for p in Path(package_dir("templates")).glob("*.html"):
        text = p.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)", text), p.name
        assert "<style" not in text and " style=" not in text, p.name
        assert not re.search(r"\son[a-z]+=", text) and "javascript:" not in text and "hx-on" not in text, p.name


def _letter_form(jenis: str) -> dict[str, str]:
    from webapp import form_values

    from rancang.web import drafting, forms

    return form_values(forms.fields(drafting.letter_schema(jenis), drafting.letter_example(jenis)))


def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\x80\x20\x20" * 8 for _ in range(8))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_a_lambang_is_an_uploaded_image_never_a_server_path(client) -> None:
    from webapp import wait_job

    jenis = "surat-perintah-tugas"
    form = _letter_form(jenis)
    assert "instansi.lambang" in client.get(f"/surat/{jenis}").text  # a file input of that name
    secret = "/etc/passwd"
    typed = client.post(f"/surat/{jenis}", data={**form, "instansi.lambang": secret}, headers={"HX-Request": "true"})
    html = wait_job(client, typed.text)
    assert "Surat siap" in html and secret not in html and "tidak ditemukan" not in html
    bad = client.post(f"/surat/{jenis}", data=form, files={"instansi.lambang": ("x.png", b"bukan gambar", "image/png")},
                      headers={"HX-Request": "true"})
    assert "berkas lambang harus gambar PNG atau JPEG" in bad.text
    good = client.post(f"/surat/{jenis}", data=form, files={"instansi.lambang": ("lambang.png", _png(), "image/png")},
                       headers={"HX-Request": "true"})
    assert "Surat siap" in wait_job(client, good.text)


def test_the_folder_of_uploaded_images_is_bounded_by_use_and_count(tmp_path) -> None:
    """Each upload of a new lambang is kept under its SHA-256; the folder keeps the images used within the keep time
    and at most ``keep`` of them, the most recently used."""
    import os
    import time

    from rancang.web.uploads import prune

    now = time.time()
    ages = {"a": 10, "b": 20, "c": 30, "d": 40 * 86400}  # seconds since each was last used
    for name, age in ages.items():
        path = tmp_path / f"{name * 64}.png"
        path.write_bytes(b"\x89PNG\r\n\x1a\n")
        os.utime(path, (now - age, now - age))
    (tmp_path / "catatan.txt").write_text("bukan gambar")  # not an image of the folder: never touched
    gone = prune(tmp_path, keep=2, seconds=30 * 86400)
    assert sorted(n[0] for n in gone) == ["c", "d"]  # c: beyond the two most recently used; d: unused 40 days
    assert sorted(p.name[0] for p in tmp_path.glob("*.png")) == ["a", "b"] and (tmp_path / "catatan.txt").exists()


def _running(tmp_path, limit: int):
    """The app served by uvicorn on a free local port (a thread); returns (port, server)."""
    import socket
    import threading
    import time

    import uvicorn

    from rancang.web.app import create_app
    from rancang.web.config import Config

    app = create_app(Config(db=str(tmp_path / "c.sqlite"), workdir=tmp_path / "work", max_upload=limit,
                            inline_jobs=True))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=srv.run, daemon=True).start()
    while not srv.started:
        time.sleep(0.05)
    return port, srv


def _chunked_body(boundary: str, total: int, counter: list[int]):
    """A multipart file of ``total`` bytes, produced 64 KB at a time; ``counter[0]`` counts what was produced."""
    yield (f"--{boundary}\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"besar.txt\"\r\n"
           "Content-Type: text/plain\r\n\r\n").encode()
    while counter[0] < total:
        counter[0] += 64 * 1024
        yield b"kata " * (64 * 1024 // 5)
    yield f"\r\n--{boundary}--\r\n".encode()


def test_a_chunked_100_mb_upload_to_the_running_server_is_cut_and_the_sender_reads_the_sentence(tmp_path) -> None:
    """Through uvicorn and a socket, as a script sends it (``http.client`` reads the answer only after sending its
    whole body): the body is cut at the limit, nothing of it is written, and the client still gets the 413 page
    with its Indonesian sentence, not a reset connection (the refusal lingers while the rest is dropped)."""
    import http.client

    port, srv = _running(tmp_path, 1 * MB)
    sent = [0]
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("POST", "/baca/unggah", body=_chunked_body("batas", 100 * MB, sent), encode_chunked=True,
                     headers={"Content-Type": "multipart/form-data; boundary=batas"})
        answer = conn.getresponse()
        status, page = answer.status, answer.read().decode()
    finally:
        conn.close()
        srv.should_exit = True
    assert sent[0] >= 100 * MB  # the whole body went out: the server read and dropped what it refused
    assert status == 413 and "Berkas terlalu besar: batas unggahan 1 MB." in page and '<html lang="id">' in page
    written = sum(p.stat().st_size for p in (tmp_path / "work").rglob("*") if p.is_file())
    assert written < 1 * MB


def test_a_client_that_reads_while_it_sends_gets_the_413_page_before_its_body_ends(tmp_path) -> None:
    """A browser or curl reads the answer while it still sends: the page arrives while the body is still being
    sent (the server does not wait for the end of the body to refuse it)."""
    import socket
    import threading

    port, srv = _running(tmp_path, 1 * MB)
    sent, stop = [0], threading.Event()
    sock = socket.create_connection(("127.0.0.1", port), timeout=60)

    def send() -> None:
        head = (f"POST /baca/unggah HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nTransfer-Encoding: chunked\r\n"
                "Content-Type: multipart/form-data; boundary=batas\r\n\r\n").encode()
        try:
            sock.sendall(head)
            for piece in _chunked_body("batas", 100 * MB, sent):
                if stop.is_set():
                    return
                sock.sendall(b"%x\r\n%s\r\n" % (len(piece), piece))
            sock.sendall(b"0\r\n\r\n")
        except OSError:
            return

    sender = threading.Thread(target=send, daemon=True)
    sender.start()
    answer = b""
    try:
        while b"</html>" not in answer:
            data = sock.recv(65536)
            if not data:
                break
            answer += data
        at_page = sent[0]
    finally:
        stop.set()
        sender.join(timeout=30)
        sock.close()
        srv.should_exit = True
    assert answer.startswith(b"HTTP/1.1 413") and "Berkas terlalu besar: batas unggahan 1 MB." in answer.decode()
    assert at_page < 100 * MB  # the page came while the body was still on its way


def test_the_browser_asking_for_an_icon_gets_an_empty_answer_not_an_error_page(tmp_path) -> None:
    c = make_client(tmp_path, token=TOKEN)
    r = c.get("/favicon.ico")
    assert r.status_code == 204 and not r.content


def test_the_upload_limit_reads_in_megabytes_with_a_capital_mb() -> None:
    from rancang.errors import InputError
    from rancang.web.security import read_upload

    class Upload:
        filename = "perbup.pdf"

        def __init__(self) -> None:
            self.left = [b"x" * MB, b"x" * MB]

        async def read(self, _n: int) -> bytes:
            return self.left.pop() if self.left else b""

        async def close(self) -> None:
            pass

    with pytest.raises(InputError) as caught:
        asyncio.run(read_upload(Upload(), MB))
    assert "batas unggahan 1 MB." in str(caught.value) and " mb" not in str(caught.value)

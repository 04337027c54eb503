"""The app's guards: the access token, same-origin form posts, the upload limit and safe download paths.

- **Token.** With a token configured every request needs it: ``?token=...`` once (it becomes an HttpOnly,
  SameSite=Strict cookie and the address is cleaned), the cookie, or ``Authorization: Bearer ...``. Compared in
  constant time. Static files (CSS, htmx) are served without it: they hold nothing of the bureau's. Wrong tries
  are counted per client address (:class:`Throttle`): past a handful in a few minutes that address is refused
  until the oldest try ages out, so a token cannot be guessed at speed.
- **Origin.** A form post whose ``Origin`` names another site is refused, so a web page elsewhere cannot make a
  browser on this machine write to the corpus.
- **Uploads** are refused above the limit, first by ``Content-Length`` and again while reading, and are never
  written to disk by the app (Starlette spools large parts to a temporary file, closed and deleted after use).
- **Downloads** name a job id and a file that job wrote; the resolved path must lie inside the job's folder.
"""

from __future__ import annotations

import hmac
import re
import threading
import time
from collections import deque
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from rancang.errors import InputError

COOKIE = "rancang_token"
JOB_ID = re.compile(r"^[0-9a-f]{32}$")
#: a file name a job may offer: no folders, no leading dot
FILE_NAME = re.compile(r"^[\w][\w.\-]{0,120}$")

MSG_TOKEN = ("Akses ditolak: aplikasi ini dilindungi token. Buka alamatnya dengan ?token=… (nilai RANCANG_TOKEN "
             "yang dipakai saat menjalankan rancang serve).")
MSG_ORIGIN = "Permintaan ditolak: formulir dikirim dari situs lain."
MSG_TOO_BIG = "Berkas terlalu besar: batas unggahan {limit}."
MSG_NOT_FOUND = "Berkas tidak ditemukan."
MSG_THROTTLED = "Terlalu banyak percobaan token yang salah dari komputer ini; coba lagi dalam {wait} detik."


class Throttle:
    """Failed token tries per client address: at most ``tries`` within ``window`` seconds; beyond that the
    address waits until its oldest counted try is ``window`` seconds old. ``clock`` is injectable (tests)."""

    def __init__(self, tries: int = 5, window: float = 300.0, clock=time.monotonic) -> None:  # noqa: ANN001
        self.tries, self.window, self.clock = tries, window, clock
        self._failed: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def wait(self, client: str) -> int:
        """Seconds ``client`` must wait before its next try (0: it may try now)."""
        with self._lock:
            q = self._prune(client)
            if len(q) < self.tries:
                return 0
            return max(1, int(q[0] + self.window - self.clock()) + 1)

    def failed(self, client: str) -> None:
        """Count one wrong try of ``client``."""
        with self._lock:
            self._prune(client).append(self.clock())
            if len(self._failed) > 10_000:  # bounded memory: forget addresses with no recent try
                for key in [k for k, q in self._failed.items() if not q]:
                    del self._failed[key]

    def _prune(self, client: str) -> deque[float]:
        q = self._failed.setdefault(client, deque())
        while q and q[0] <= self.clock() - self.window:
            q.popleft()
        return q


def human_size(n: int) -> str:
    """Bytes as Indonesian text: ``human_size(40 * 1024 * 1024)`` -> '40 MB'."""
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= size:
            value = n / size
            return f"{value:.0f} {unit}" if value >= 10 or value == int(value) else f"{value:.1f} {unit}"
    return f"{n} bita"


def token_ok(given: str | None, token: str) -> bool:
    """Constant-time comparison of a presented token with the configured one."""
    return given is not None and bool(given) and hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8"))


def presented_token(headers: Any, cookies: dict[str, str], query: dict[str, str]) -> tuple[str | None, bool]:
    """(token the request presents, whether it came in the query string)."""
    if query.get("token"):
        return query["token"], True
    auth = headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip(), False
    return cookies.get(COOKIE), False


def clean_url(path: str, query: dict[str, str]) -> str:
    """``path`` with the query string minus ``token`` (where a token login redirects to)."""
    rest = {k: v for k, v in query.items() if k != "token"}
    return path + ("?" + urlencode(rest) if rest else "")


def same_origin(headers: Any) -> bool:
    """False when the request's ``Origin`` (or, lacking it, ``Referer``) names a host other than ``Host``."""
    source = headers.get("origin") or headers.get("referer")
    if not source or source == "null":
        return source != "null"
    return urlsplit(source).netloc.lower() == headers.get("host", "").lower()


def too_big(headers: Any, limit: int) -> bool:
    """Whether the declared body size exceeds ``limit`` (plus room for the form's own fields)."""
    try:
        return int(headers.get("content-length") or 0) > limit + 64 * 1024
    except ValueError:
        return True


async def read_upload(upload: Any, limit: int) -> tuple[str, bytes]:
    """(file name, bytes) of an uploaded file, read in chunks and refused above ``limit``; the spooled file is
    closed (and so deleted) before returning.

    Raises :class:`InputError` when no file was chosen or it is too big."""
    name = Path(getattr(upload, "filename", "") or "").name
    if upload is None or not name:
        raise InputError("pilih berkas peraturan (PDF, DOCX atau TXT) terlebih dahulu.")
    chunks: list[bytes] = []
    size = 0
    try:
        while chunk := await upload.read(1 << 20):
            size += len(chunk)
            if size > limit:
                raise InputError(f"{name}: " + "berkas terlalu besar: batas unggahan " + human_size(limit) + ".")
            chunks.append(chunk)
    finally:
        await upload.close()
    return name, b"".join(chunks)


def safe_file(outdir: Path, job: str, name: str, allowed: list[str]) -> Path:
    """The path of file ``name`` written by job ``job`` under ``outdir``.

    Raises :class:`InputError` for a malformed id or name, a name the job did not write, or a path that would
    resolve outside the job's folder (``..``, absolute paths, symlinks)."""
    if not JOB_ID.match(job) or not FILE_NAME.match(name) or name not in allowed:
        raise InputError(MSG_NOT_FOUND)
    base = (outdir / job).resolve()
    path = (base / name).resolve()
    if not path.is_relative_to(base) or not path.is_file():
        raise InputError(MSG_NOT_FOUND)
    return path

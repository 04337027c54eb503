"""The outermost guard of the web app (a plain ASGI middleware, so it sees every request and every response):

- **Host allow-list.** A request whose ``Host`` header names neither this machine's loopback nor an address the
  app was started for is refused (DNS rebinding: a page elsewhere that resolves its own name to 127.0.0.1 gets
  nothing back), before any page runs.
- **Body limit while streaming.** The request body is counted as it arrives; past the limit (the upload limit plus
  room for the form's own fields) no more is read, the page never runs on a partial body, and the answer is 413.
  A body without a declared size (chunked) is cut the same way: at most the limit is read before the refusal, and
  nothing of it is written. The refusal then *lingers* (as Apache's and nginx's lingering close do): the 413 page
  goes out at once, the rest of the body is read and dropped for at most :data:`LINGER_SECONDS`, and only then is
  the connection closed. Closing a socket with unread data makes the kernel send a reset, which throws away the
  page still on its way; a client that reads only after sending its whole body (scripts, ``requests``) would
  never see the sentence.
- **Security headers on every response**, static files and error pages included: a strict Content-Security-Policy
  (only this app's own scripts and styles, no inline code, no framing, forms posting only here), nosniff,
  no referrer.

Refusals are the app's Indonesian error page (:func:`rancang.web.views.problem`).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from starlette.requests import Request

from rancang.web import security
from rancang.web.views import problem

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

#: the policy every response carries: nothing inline, nothing from elsewhere, no framing (WCAG-neutral)
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"x-frame-options", b"DENY"), (b"referrer-policy", b"no-referrer")]
#: room for a form's own fields beside its file (bytes)
FORM_ROOM = 256 * 1024
#: how long the rest of a refused body is read and dropped before the connection is closed (nginx's
#: ``lingering_time`` is 30 s; a LAN sends the 40 MB limit in about 4 s at 100 Mbit/s)
LINGER_SECONDS = 10.0

MSG_HOST = ("Permintaan ditolak: alamat yang dipakai untuk membuka aplikasi ini tidak dikenal. Buka aplikasi lewat "
            "alamat yang dicetak rancang serve.")


class TooBig(Exception):
    """The request body passed the limit; raised from ``receive`` so the page stops reading."""


def host_of(header: str) -> str:
    """The host name of a ``Host`` header, lower case, without port or IPv6 brackets:
    ``host_of("[::1]:8000")`` -> '::1', ``host_of("LocalHost:80")`` -> 'localhost'."""
    value = header.strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class Guard:
    """ASGI middleware: ``Guard(app, hosts=..., limit=...)``; ``hosts`` the allowed host names, ``limit`` the
    upload limit in bytes (the body may be :data:`FORM_ROOM` larger)."""

    def __init__(self, app: Any, hosts: Iterable[str], limit: int) -> None:
        self.app = app
        self.hosts = {h.lower().strip("[]") for h in hosts}
        self.cap = limit + FORM_ROOM
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_secured(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                if over["yes"]:
                    return  # the page's own answer to a cut body is replaced by the 413 below
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *[h for h in HEADERS if h[0] not in names]]
            elif over["yes"] and not started:
                return
            await send(message)

        over = {"yes": False}
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if host_of(headers.get("host", "")) not in self.hosts:
            await self._refuse(scope, receive, send_secured, MSG_HOST, 400)
            return
        seen = 0

        async def receive_counted() -> Message:
            nonlocal seen
            if over["yes"]:
                raise TooBig
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.cap:
                    over["yes"] = True
                    raise TooBig
            return message

        try:
            await self.app(scope, receive_counted, send_secured)
        except TooBig:
            over["yes"] = True
        except Exception:
            if not over["yes"]:
                raise
        if over["yes"] and not started:
            over["yes"] = False  # let the refusal itself through
            limit = security.human_size(self.limit)
            await self._refuse(scope, receive, send_secured, security.MSG_TOO_BIG.format(limit=limit), 413,
                               linger=True)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, message: str, status: int,
                      linger: bool = False) -> None:
        """Answer ``status`` with the Indonesian error page and close the connection; with ``linger`` (a body cut
        at the limit) the page is sent first and the connection held open while the rest of the body is dropped
        (:func:`drain`), so the client can read the page instead of a reset."""
        response = problem(Request(scope, receive), message, status)
        response.headers["connection"] = "close"
        if not linger:
            await response(scope, receive, send)
            return
        await send({"type": "http.response.start", "status": response.status_code, "headers": response.raw_headers})
        await send({"type": "http.response.body", "body": response.body, "more_body": True})
        await drain(receive, LINGER_SECONDS)
        await send({"type": "http.response.body", "body": b"", "more_body": False})


async def drain(receive: Receive, seconds: float) -> int:
    """Read and drop what is left of a request body until it ends, the client goes away, or ``seconds`` have
    passed; returns the bytes dropped. Nothing is kept: memory stays at one chunk."""
    dropped = 0
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        try:
            message = await asyncio.wait_for(receive(), left)
        except (TimeoutError, TooBig):
            break
        if message["type"] != "http.request":
            break
        dropped += len(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return dropped

"""The outermost guard of the web app (a plain ASGI middleware, so it sees every request and every response):

- **Host allow-list.** A request whose ``Host`` header names neither this machine's loopback nor an address the
  app was started for is refused (DNS rebinding: a page elsewhere that resolves its own name to 127.0.0.1 gets
  nothing back), before any page runs.
- **Body limit while streaming.** The request body is counted as it arrives; past the limit (the upload limit plus
  room for the form's own fields) no more is read, the page never runs on a partial body, and the answer is 413.
  A body without a declared size (chunked) is cut the same way: at most the limit is ever read, hence written.
- **Security headers on every response**, static files and error pages included: a strict Content-Security-Policy
  (only this app's own scripts and styles, no inline code, no framing, forms posting only here), nosniff,
  no referrer.

Refusals are the app's Indonesian error page (:func:`rancang.web.views.problem`).
"""

from __future__ import annotations

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
            await self._refuse(scope, receive, send_secured, security.MSG_TOO_BIG.format(limit=limit), 413)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, message: str, status: int) -> None:
        response = problem(Request(scope, receive), message, status)
        response.headers["connection"] = "close"
        await response(scope, receive, send)

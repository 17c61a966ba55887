"""An ASGI middleware around the whole app: security headers, body limit, Host check, last-resort 500.

It sits outside FastAPI's routing so that every response gets the headers, including static files,
error responses and the 500 it sends itself:

* ``Content-Security-Policy`` (strict by default; a path may get its own, e.g. ``/docs``),
  ``X-Content-Type-Options: nosniff``, ``X-Frame-Options: DENY`` and a ``Referrer-Policy`` that
  still sends the origin (OpenStreetMap's tile servers ask for one);
* request bodies larger than ``max_body_bytes`` get a 413, judged first by ``Content-Length`` and
  then by the bytes actually received (chunked bodies have no length); the body is read here and
  replayed to the app, so the app never sees more than the limit;
* with ``allowed_hosts``, a request whose ``Host`` is not one of them gets a 400 (a page on another
  site cannot reach a server on 127.0.0.1 through DNS rebinding);
* an exception that escapes the app is logged with its traceback and answered with a JSON 500
  that says nothing about the cause.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Collection, Mapping
from typing import Any

from starlette.datastructures import Headers, MutableHeaders

from .errors import error_bytes

log = logging.getLogger("eventwire.web")

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = (
    "default-src 'self'; img-src 'self' data: https://*.tile.openstreetmap.org; script-src 'self'; "
    "style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS: dict[str, str] = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}


class _Disconnected(Exception):
    """The client went away while sending its body."""


def hostname(host_header: str) -> str:
    """``example.org`` from ``example.org:8000``; ``::1`` from ``[::1]:8000``; lower case."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host[1:]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class Guard:
    """See the module docstring. ``csp_by_path`` maps exact paths to their own policy."""

    def __init__(
        self, app: ASGIApp, *, max_body_bytes: int, allowed_hosts: Collection[str] | None = None,
        csp_by_path: Mapping[str, str] | None = None,
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.allowed_hosts = {h.lower() for h in allowed_hosts} if allowed_hosts is not None else None
        self.csp_by_path = dict(csp_by_path or {})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False
        csp = self.csp_by_path.get(scope.get("path", ""), CSP)

        async def send_secured(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                headers["Content-Security-Policy"] = csp
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        problem = self._check_host(scope)
        if problem is None:
            try:
                problem, receive = await self._limit_body(scope, receive)
            except _Disconnected:
                return
        if problem is not None:
            await _send_error(send_secured, *problem)
            return
        try:
            await self.app(scope, receive, send_secured)
        except Exception:
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            await _send_error(send_secured, 500, "E_INTERNAL",
                              "an unexpected error occurred; it has been logged on the server")

    def _check_host(self, scope: Scope) -> tuple[int, str, str] | None:
        if self.allowed_hosts is None:
            return None
        name = hostname(Headers(scope=scope).get("host", ""))
        if name in self.allowed_hosts:
            return None
        return 400, "E_HOST", f"this server does not answer for host {name!r}"

    async def _limit_body(self, scope: Scope, receive: Receive) -> tuple[tuple[int, str, str] | None, Receive]:
        """Read the whole body (at most the limit) and give the app a receive that replays it."""
        headers = Headers(scope=scope)
        length = headers.get("content-length")
        if length is None and "transfer-encoding" not in headers:
            return None, receive
        too_large = (413, "E_TOO_LARGE", f"the request body is larger than {self.max_body_bytes:,} bytes")
        if length is not None:
            if not length.strip().isdigit():
                return (400, "E_BAD_REQUEST", "Content-Length is not a number"), receive
            if int(length) > self.max_body_bytes:
                return too_large, receive
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise _Disconnected
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                return too_large, receive
            chunks.append(chunk)
            more = bool(message.get("more_body", False))
        return None, _replay(b"".join(chunks), receive)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _send_error(send: Send, status: int, code: str, message: str) -> None:
    body = error_bytes(status, code, message)
    await send({
        "type": "http.response.start", "status": status,
        "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
    })
    await send({"type": "http.response.body", "body": body})


__all__ = ["CSP", "Guard", "SECURITY_HEADERS", "hostname"]

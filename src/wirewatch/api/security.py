"""Access control and protective middleware: Bearer token, rate limits, security headers.

* Write endpoints need ``Authorization: Bearer <token>``; with no token configured they are
  refused (403), never open. Tokens are compared in constant time and never logged.
* Read endpoints are open unless ``api.read_requires_token`` is set.
* A per-client token bucket limits all ``/api`` requests, and writes more tightly.
* Every response carries a CSP without inline script, ``nosniff`` and ``frame-ancestors 'none'``.
"""

from __future__ import annotations

import hmac
import math
import threading
import time
from dataclasses import dataclass, field

from fastapi import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from wirewatch.api.problems import ApiError, problem
from wirewatch.config import Settings

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def check_token(request: Request, settings: Settings, *, what: str) -> None:
    """Raise 403 when no token is configured, 401 when the request's token is missing or wrong."""
    expected = settings.api_token
    if not expected:
        raise ApiError(403, f"{what} are disabled: no API token is configured on this server.",
                       hint="Start the server with WIREWATCH_API_TOKEN set (or api_token in the "
                            "config file) and send it as 'Authorization: Bearer <token>'.")
    given = _bearer(request)
    if given is None or not hmac.compare_digest(given.encode(), expected.encode()):
        raise ApiError(401, f"{what} need a valid token.",
                       hint="Send 'Authorization: Bearer <token>' with the server's API token.",
                       headers={"WWW-Authenticate": 'Bearer realm="wirewatch"'})


def require_write(request: Request) -> None:
    """Dependency of every endpoint that changes data."""
    check_token(request, request.app.state.settings, what="write endpoints")


def require_read(request: Request) -> None:
    """Dependency of read endpoints: a no-op unless ``api.read_requires_token``."""
    settings: Settings = request.app.state.settings
    if settings.api.read_requires_token:
        check_token(request, settings, what="read endpoints on this server")


@dataclass
class _Bucket:
    tokens: float
    stamp: float


@dataclass
class RateLimiter:
    """Token buckets per key; ``per_minute == 0`` turns a limit off."""

    per_minute: int
    buckets: dict[str, _Bucket] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    max_keys: int = 10_000

    def retry_after(self, key: str, now: float | None = None) -> float:
        """0 when the request may go ahead (and is counted), else seconds to wait."""
        if self.per_minute <= 0:
            return 0.0
        now = time.monotonic() if now is None else now
        rate = self.per_minute / 60.0
        with self.lock:
            bucket = self.buckets.get(key)
            if bucket is None:
                if len(self.buckets) >= self.max_keys:
                    self.buckets.clear()
                bucket = self.buckets[key] = _Bucket(float(self.per_minute), now)
            bucket.tokens = min(float(self.per_minute), bucket.tokens + (now - bucket.stamp) * rate)
            bucket.stamp = now
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return 0.0
            return (1.0 - bucket.tokens) / rate


class RateLimitMiddleware:
    """429 problem responses for clients over their budget on ``/api`` paths."""

    def __init__(self, app: ASGIApp, *, per_minute: int, write_per_minute: int) -> None:
        self.app = app
        self.all = RateLimiter(per_minute)
        self.writes = RateLimiter(write_per_minute)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not str(scope.get("path", "")).startswith("/api/"):
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("unknown", 0))[0]
        wait = self.all.retry_after(client)
        if not wait and scope.get("method") in WRITE_METHODS:
            wait = self.writes.retry_after(client)
        if wait:
            seconds = str(max(1, math.ceil(wait)))
            response = problem(429, "too many requests from this address.",
                               hint=f"Retry after {seconds} s, or raise api.rate_limit_per_minute.",
                               instance=str(scope.get("path")), headers={"Retry-After": seconds})
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


class SecurityHeadersMiddleware:
    """Adds the security headers to every HTTP response, and ``no-store`` to API responses."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        is_api = str(scope.get("path", "")).startswith("/api/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.lower() not in {h for h, _ in SECURITY_HEADERS}]
                headers.extend(SECURITY_HEADERS)
                if is_api and not any(k.lower() == b"cache-control" for k, _ in headers):
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)

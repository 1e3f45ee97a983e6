"""An httpx transport that connects only to addresses the SSRF guard has approved.

The guard resolves the host and checks every address; the request is then sent to the
first approved address (Host header and TLS server name unchanged). Resolving once and
connecting to what was checked closes the DNS-rebinding gap between check and connect.
"""

from __future__ import annotations

import httpx

from wirewatch.fetch.ssrf import SSRFGuard


class PinnedTransport(httpx.BaseTransport):
    """Wraps another transport; every request (each redirect hop included) passes the guard."""

    def __init__(self, guard: SSRFGuard, inner: httpx.BaseTransport | None = None) -> None:
        self.guard = guard
        self.inner = inner or httpx.HTTPTransport(retries=0)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        addresses = self.guard.check(request.url)
        if not addresses:               # an allowed host: connect by name
            return self.inner.handle_request(request)
        extensions = dict(request.extensions)
        if request.url.scheme == "https":
            extensions["sni_hostname"] = request.url.host
        pinned = httpx.Request(request.method, request.url.copy_with(host=addresses[0]),
                               headers=request.headers, stream=request.stream, extensions=extensions)
        return self.inner.handle_request(pinned)

    def close(self) -> None:
        self.inner.close()

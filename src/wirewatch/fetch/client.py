"""The fetcher: guarded, polite, conditional, retried, time- and size-capped HTTP GETs.

Every request goes through the same steps::

    guard.check(url)        SSRF guard (again on every redirect hop, and in the transport)
    robots.txt              per origin, cached (HostPolicy)
    conditional headers     If-None-Match / If-Modified-Since from FetchStateStore
    host turn               per-host delay and concurrency cap
    GET, streamed           body read raw and inflated under ``max_bytes`` (body.py)
    retries                 transport errors, 5xx and 429, exponential backoff
    state saved             ETag, Last-Modified, status, content hash
"""

from __future__ import annotations

import hashlib
import logging
import time
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Self

import httpx

from wirewatch.errors import FetchError
from wirewatch.fetch.body import ACCEPT_ENCODING, read_capped
from wirewatch.fetch.politeness import HostPolicy, Sleep
from wirewatch.fetch.ssrf import SSRFGuard
from wirewatch.fetch.state import FetchState, FetchStateStore, utcnow
from wirewatch.fetch.transport import PinnedTransport

log = logging.getLogger("wirewatch.fetch")
USER_AGENT = "wirewatch/0.1 (+https://github.com/wirewatch/wirewatch; news event monitor)"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class FetchOptions:
    """How the fetcher behaves; ``watch.fetch`` in the config file."""

    timeout: float = 20.0            # seconds per connect/read, and for a whole response
    max_bytes: int = 10_000_000      # decoded body cap
    retries: int = 2                 # extra attempts after a transport error, 5xx or 429
    backoff: float = 1.0             # first retry delay; doubles each time
    max_backoff: float = 60.0
    max_redirects: int = 5
    min_host_delay: float = 1.0      # seconds between requests to one host
    host_concurrency: int = 2
    max_crawl_delay: float = 30.0    # a robots.txt Crawl-delay above this is capped
    respect_robots: bool = True
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class FetchResult:
    """A completed fetch. ``is_not_modified`` means HTTP 304: ``content`` is empty."""

    url: str
    final_url: str
    status: int
    content: bytes = b""
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: datetime = field(default_factory=utcnow)
    content_hash: str = ""           # sha256 of the content; for a 304, that of the last 200

    def __post_init__(self) -> None:
        if not self.content_hash and not self.is_not_modified:
            object.__setattr__(self, "content_hash", hashlib.sha256(self.content).hexdigest())

    @property
    def is_not_modified(self) -> bool:
        return self.status == 304


class _Retryable(Exception):
    def __init__(self, reason: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason, self.wait = reason, wait


class Fetcher:
    """Fetch URLs; one instance per process (it holds the per-host state and the connection pool)."""

    def __init__(self, options: FetchOptions | None = None, *, guard: SSRFGuard | None = None,
                 client: httpx.Client | None = None, state: FetchStateStore | None = None,
                 sleep: Sleep = time.sleep) -> None:
        self.options = options or FetchOptions()
        self.guard = guard or SSRFGuard.build()
        self.state = state
        self._sleep = sleep
        self._owns_client = client is None
        self.client = client or httpx.Client(
            transport=PinnedTransport(self.guard), timeout=self.options.timeout, trust_env=False,
            follow_redirects=False)
        self.hosts = HostPolicy(min_delay=self.options.min_host_delay,
                                concurrency=self.options.host_concurrency,
                                max_crawl_delay=self.options.max_crawl_delay,
                                user_agent="wirewatch", sleep=sleep)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        if self._owns_client:
            self.client.close()

    # ----- public -------------------------------------------------------------------------------

    def fetch(self, url: str, *, conditional: bool = True, polite: bool = True,
              remember: bool = True) -> FetchResult:
        """GET ``url``; raises :class:`FetchError` with the reason (refused, status, timeout, size).

        ``conditional`` sends the validators saved for ``url``; ``remember`` saves the new ones
        (the watch loop passes False and calls :meth:`remember` once the content is stored).
        """
        self.guard.check(url)
        if polite and self.options.respect_robots:
            self._check_robots(url)
        previous = self.state.get(url) if (conditional and self.state is not None) else None
        try:
            result = self._with_retries(url, _conditional_headers(previous), polite=polite)
        except FetchError as exc:
            if remember:
                self._remember_failure(url, previous, exc)
            raise
        if result.is_not_modified and previous is not None:
            result = replace(result, etag=result.etag or previous.etag,
                             last_modified=result.last_modified or previous.last_modified,
                             content_hash=previous.content_hash or "")
        if remember:
            self.remember(result)
        return result

    def remember(self, result: FetchResult) -> None:
        """Save the validators of ``result`` (for conditional GET after a restart)."""
        if self.state is not None:
            self.state.put(FetchState(result.url, result.etag, result.last_modified, result.status,
                                      result.fetched_at, result.content_hash or None))

    # ----- steps --------------------------------------------------------------------------------

    def _check_robots(self, url: str) -> None:
        origin = _origin(url)
        if not self.hosts.has_robots(origin):
            self.hosts.set_robots(origin, self._robots_text(origin))
        if not self.hosts.allows(origin, url):
            raise FetchError(f"{url}: disallowed by {origin}/robots.txt for wirewatch.",
                             hint="Remove the source, or set watch.fetch.respect_robots = false if you "
                                  "have the site's permission.")

    def _robots_text(self, origin: str) -> str | None:
        try:
            result = self._follow(f"{origin}/robots.txt", {}, cap=512_000, polite=True)
        except (FetchError, _Retryable) as exc:
            log.debug("robots.txt of %s not read (%s); allowing all", origin, exc)
            return None
        return result.content.decode("utf-8", "replace")

    def _with_retries(self, url: str, headers: dict[str, str], *, polite: bool) -> FetchResult:
        attempts = self.options.retries + 1
        for attempt in range(attempts):
            try:
                return self._follow(url, headers, cap=self.options.max_bytes, polite=polite)
            except _Retryable as exc:
                if attempt + 1 == attempts:
                    raise FetchError(f"{url}: {exc.reason} (gave up after {attempts} attempts).",
                                     hint="The source is down or too slow; it is retried next round.") from None
                wait = exc.wait if exc.wait is not None else self.options.backoff * 2 ** attempt
                wait = min(wait, self.options.max_backoff)
                log.debug("%s: %s; retry %d in %.1fs", url, exc.reason, attempt + 1, wait)
                self._sleep(wait)
        raise AssertionError("unreachable")   # pragma: no cover

    def _follow(self, url: str, headers: dict[str, str], *, cap: int, polite: bool) -> FetchResult:
        hop = url
        for _ in range(self.options.max_redirects + 1):
            self.guard.check(hop)
            result, location = self._get_once(url, hop, headers, cap=cap, polite=polite)
            if location is None:
                assert result is not None
                return result
            hop = location
        raise FetchError(f"{url}: more than {self.options.max_redirects} redirects.")

    def _get_once(self, url: str, hop: str, headers: dict[str, str], *, cap: int,
                  polite: bool) -> tuple[FetchResult | None, str | None]:
        send = {"User-Agent": self.options.user_agent, "Accept-Encoding": ACCEPT_ENCODING, **headers}
        deadline = time.monotonic() + self.options.timeout * 3
        try:
            with self._turn(hop, polite), self.client.stream("GET", hop, headers=send) as response:
                if response.status_code in _REDIRECTS and "location" in response.headers:
                    return None, str(response.url.join(response.headers["location"]))
                _raise_for_status(url, response)
                content = b"" if response.status_code == 304 else read_capped(response, cap, url)
                if time.monotonic() > deadline:
                    raise _Retryable(f"the response took over {self.options.timeout * 3:.0f}s")
        except httpx.TimeoutException as exc:
            raise _Retryable(f"timed out after {self.options.timeout:g}s ({type(exc).__name__})") from None
        except httpx.TransportError as exc:
            raise _Retryable(f"connection failed ({type(exc).__name__}: {exc})") from None
        return FetchResult(url=url, final_url=str(response.url), status=response.status_code,
                           content=content, content_type=response.headers.get("content-type"),
                           etag=response.headers.get("etag"),
                           last_modified=response.headers.get("last-modified")), None

    def _turn(self, url: str, polite: bool) -> AbstractContextManager[None]:
        return self.hosts.turn(_origin(url)) if polite else nullcontext()

    def _remember_failure(self, url: str, previous: FetchState | None, exc: FetchError) -> None:
        status = getattr(exc, "status", None)
        if self.state is None or status is None:
            return
        self.state.put(FetchState(url, previous.etag if previous else None,
                                  previous.last_modified if previous else None, status, utcnow(),
                                  previous.content_hash if previous else None))


class HTTPStatusError(FetchError):
    """The server answered with a 4xx status (not retried)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def _raise_for_status(url: str, response: httpx.Response) -> None:
    code = response.status_code
    if code == 429 or code >= 500:
        retry_after = response.headers.get("retry-after", "")
        wait = float(retry_after) if retry_after.isdigit() else None
        raise _Retryable(f"HTTP {code} {response.reason_phrase}".rstrip(), wait)
    if code >= 400:
        raise HTTPStatusError(f"{url}: HTTP {code} {response.reason_phrase}".rstrip() + ".", code)


def _conditional_headers(previous: FetchState | None) -> dict[str, str]:
    headers: dict[str, str] = {}
    if previous is not None and previous.last_status is not None and previous.last_status < 400:
        if previous.etag:
            headers["If-None-Match"] = previous.etag
        if previous.last_modified:
            headers["If-Modified-Since"] = previous.last_modified
    return headers


def _origin(url: str) -> str:
    parsed = httpx.URL(url)
    default = {"http": 80, "https": 443}.get(parsed.scheme)
    port = f":{parsed.port}" if parsed.port and parsed.port != default else ""
    host = f"[{parsed.host}]" if ":" in parsed.host else parsed.host
    return f"{parsed.scheme}://{host}{port}"

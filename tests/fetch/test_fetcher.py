"""The fetcher: conditional GET with persisted state, retries with backoff, status handling,
robots.txt and crawl-delay, User-Agent, size caps (gzip bombs included) and timeouts."""

from __future__ import annotations

import functools
import http.server
import threading
import zlib
from collections.abc import Callable, Iterator

import httpx
import pytest

from wirewatch.errors import FetchError
from wirewatch.fetch import (
    USER_AGENT,
    Fetcher,
    FetchOptions,
    FetchStateStore,
    SSRFGuard,
    TooLargeError,
    fetch_document,
)
from wirewatch.fetch.politeness import HostPolicy
from wirewatch.storage import open_store

Handler = Callable[[httpx.Request], httpx.Response]
PUBLIC = {"news.test": ["93.184.216.34"], "other.test": ["93.184.216.35"]}


def make_fetcher(handler: Handler, *, state: FetchStateStore | None = None,
                 sleeps: list[float] | None = None, **options: object) -> Fetcher:
    opts = FetchOptions(**{"min_host_delay": 0.0, "backoff": 1.0, **options})  # type: ignore[arg-type]
    recorded = sleeps if sleeps is not None else []
    return Fetcher(opts, guard=SSRFGuard.build(resolver=lambda h: PUBLIC[h]),
                   client=httpx.Client(transport=httpx.MockTransport(handler)), state=state,
                   sleep=recorded.append)


def test_fetch_sends_user_agent_and_accept_encoding() -> None:
    seen: list[httpx.Request] = []
    fetcher = make_fetcher(lambda r: seen.append(r) or httpx.Response(200, text="ok"), respect_robots=False)
    fetcher.fetch("http://news.test/a")
    assert seen[0].headers["user-agent"] == USER_AGENT and USER_AGENT.startswith("wirewatch/0.1 (+https://")
    assert seen[0].headers["accept-encoding"] == "gzip, deflate"


def test_fetch_conditional_get_survives_restart(sqlite_url: str) -> None:
    store = open_store(sqlite_url)
    calls: list[dict[str, str]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(dict(request.headers))
        if request.headers.get("if-none-match") == '"v1"':
            return httpx.Response(304)
        return httpx.Response(200, text="<rss/>", headers={"ETag": '"v1"', "Last-Modified": "Mon, 01 Jan 2024"})

    first = make_fetcher(handler, state=FetchStateStore(store.engine), respect_robots=False)
    assert first.fetch("http://news.test/feed").status == 200
    restarted = make_fetcher(handler, state=FetchStateStore(store.engine), respect_robots=False)
    again = restarted.fetch("http://news.test/feed")
    assert again.is_not_modified and again.content == b"" and again.etag == '"v1"'
    assert calls[1]["if-modified-since"] == "Mon, 01 Jan 2024"
    assert again.content_hash == FetchStateStore(store.engine).get("http://news.test/feed").content_hash  # type: ignore[union-attr]
    store.close()


def test_fetch_remember_false_saves_nothing(sqlite_url: str) -> None:
    store = open_store(sqlite_url)
    state = FetchStateStore(store.engine)
    fetcher = make_fetcher(lambda r: httpx.Response(200, text="x", headers={"ETag": "e"}), state=state,
                           respect_robots=False)
    result = fetcher.fetch("http://news.test/x", remember=False)
    assert state.get("http://news.test/x") is None
    fetcher.remember(result)
    assert state.get("http://news.test/x").etag == "e"  # type: ignore[union-attr]
    store.close()


@pytest.mark.parametrize("status", [500, 502, 503, 429])
def test_fetch_retries_server_errors_with_exponential_backoff(status: int) -> None:
    answers = iter([status, status, 200])
    sleeps: list[float] = []
    fetcher = make_fetcher(lambda r: httpx.Response(next(answers), text="ok"), sleeps=sleeps, retries=2,
                           respect_robots=False)
    assert fetcher.fetch("http://news.test/a").content == b"ok"
    assert sleeps == [1.0, 2.0]


def test_fetch_honours_retry_after() -> None:
    answers = iter([httpx.Response(503, headers={"Retry-After": "7"}), httpx.Response(200, text="ok")])
    sleeps: list[float] = []
    fetcher = make_fetcher(lambda r: next(answers), sleeps=sleeps, retries=1, respect_robots=False)
    fetcher.fetch("http://news.test/a")
    assert sleeps == [7.0]


def test_fetch_gives_up_with_the_reason() -> None:
    fetcher = make_fetcher(lambda r: httpx.Response(500), retries=2, respect_robots=False)
    with pytest.raises(FetchError, match=r"HTTP 500 .*gave up after 3 attempts"):
        fetcher.fetch("http://news.test/a")


@pytest.mark.parametrize("status", [403, 404, 410])
def test_fetch_client_errors_are_not_retried(status: int) -> None:
    calls: list[int] = []
    fetcher = make_fetcher(lambda r: calls.append(1) or httpx.Response(status), retries=3, respect_robots=False)
    with pytest.raises(FetchError, match=f"HTTP {status}"):
        fetcher.fetch("http://news.test/a")
    assert len(calls) == 1


def test_fetch_transport_errors_are_retried_then_reported() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectTimeout("slow", request=request)

    sleeps: list[float] = []
    fetcher = make_fetcher(handler, retries=1, sleeps=sleeps, respect_robots=False)
    with pytest.raises(FetchError, match="timed out"):
        fetcher.fetch("http://news.test/a")
    assert sleeps == [1.0]


def test_fetch_follows_redirects_up_to_the_limit() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        n = int(request.url.path.strip("/") or 0)
        return httpx.Response(301, headers={"Location": f"/{n + 1}"})

    fetcher = make_fetcher(handler, max_redirects=3, respect_robots=False)
    with pytest.raises(FetchError, match="more than 3 redirects"):
        fetcher.fetch("http://news.test/0")


def test_fetch_robots_disallow_and_crawl_delay() -> None:
    robots = "User-agent: *\nDisallow: /private/\nCrawl-delay: 5\n"

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(200, text=robots)
        return httpx.Response(200, text="page")

    sleeps: list[float] = []
    fetcher = make_fetcher(handler, sleeps=sleeps)
    with pytest.raises(FetchError, match="disallowed by http://news.test/robots.txt"):
        fetcher.fetch("http://news.test/private/x")
    fetcher.fetch("http://news.test/public/1")
    fetcher.fetch("http://news.test/public/2")
    assert fetcher.hosts.delay("http://news.test") == 5.0
    assert any(s > 4 for s in sleeps)         # the second page waited for the crawl delay


def test_fetch_missing_robots_allows_everything() -> None:
    fetcher = make_fetcher(lambda r: httpx.Response(404 if r.url.path == "/robots.txt" else 200, text="p"))
    assert fetcher.fetch("http://news.test/anything").status == 200


def test_host_policy_spaces_requests_per_host() -> None:
    clock = [0.0]
    sleeps: list[float] = []
    policy = HostPolicy(min_delay=2.0, concurrency=1, clock=lambda: clock[0], sleep=sleeps.append)
    for _ in range(3):
        with policy.turn("http://a"):
            pass
    with policy.turn("http://b"):
        pass
    assert sleeps == [2.0, 4.0]


def test_fetch_size_cap_from_content_length() -> None:
    fetcher = make_fetcher(lambda r: httpx.Response(200, content=b"x" * 5000), max_bytes=4096,
                           respect_robots=False)
    with pytest.raises(TooLargeError, match="size cap"):
        fetcher.fetch("http://news.test/big")


def test_fetch_document_builds_a_document() -> None:
    client = httpx.Client(transport=httpx.MockTransport(
        lambda r: httpx.Response(200, text="<html></html>", headers={"Content-Type": "text/html; charset=utf-8"})))
    doc = fetch_document("http://news.test/a", client=client, resolver=lambda h: PUBLIC[h])
    assert doc.content_type == "text/html" and doc.url == "http://news.test/a" and doc.fetched_at is not None


# ----- a real server: streaming caps, bombs and timeouts ----------------------------------------

@functools.cache
def gzip_bomb(megabytes: int = 200) -> bytes:
    """~200 KB on the wire, 200 MB inflated (built in 1 MB steps, never all in memory)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(1_000_000)
    return b"".join(packer.compress(zeros) for _ in range(megabytes)) + packer.flush()


class _Pages(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        if self.path == "/bomb":
            self._send(gzip_bomb(), {"Content-Encoding": "gzip"})
        elif self.path == "/deflate":
            self._send(zlib.compress(b"hello " * 100), {"Content-Encoding": "deflate"})
        elif self.path == "/chunked-huge":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"y" * 65536
            try:
                for _ in range(1000):           # 64 MB unless the client hangs up
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                self.wfile.write(b"0\r\n\r\n")
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif self.path == "/slow":
            threading.Event().wait(2.0)
            self._send(b"late", {})
        elif self.path == "/br":
            self._send(b"xx", {"Content-Encoding": "br"})

    def _send(self, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(200)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def pages() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _real(**options: object) -> Fetcher:
    opts = FetchOptions(**{"min_host_delay": 0.0, "retries": 0, "respect_robots": False, **options})  # type: ignore[arg-type]
    return Fetcher(opts, guard=SSRFGuard.build(["127.0.0.1"]))


@pytest.mark.network
def test_fetch_gzip_bomb_is_abandoned(pages: str) -> None:
    with _real(max_bytes=10_000_000) as fetcher, pytest.raises(TooLargeError, match="decoded body"):
        fetcher.fetch(pages + "/bomb")


@pytest.mark.network
def test_fetch_deflate_is_inflated(pages: str) -> None:
    with _real() as fetcher:
        assert fetcher.fetch(pages + "/deflate").content == b"hello " * 100


@pytest.mark.network
def test_fetch_chunked_body_is_cut_at_the_cap(pages: str) -> None:
    with _real(max_bytes=1_000_000) as fetcher, pytest.raises(TooLargeError, match="download"):
        fetcher.fetch(pages + "/chunked-huge")


@pytest.mark.network
def test_fetch_read_timeout(pages: str) -> None:
    with _real(timeout=0.5) as fetcher, pytest.raises(FetchError, match="timed out after 0.5s"):
        fetcher.fetch(pages + "/slow")


@pytest.mark.network
def test_fetch_unknown_content_encoding_is_refused(pages: str) -> None:
    with _real() as fetcher, pytest.raises(FetchError, match="unsupported Content-Encoding 'br'"):
        fetcher.fetch(pages + "/br")

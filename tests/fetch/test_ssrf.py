"""The SSRF guard refuses every trick in the list, on the first request and on redirects (issue 9)."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator, Sequence

import httpx
import pytest

from wirewatch.errors import FetchError
from wirewatch.fetch import Fetcher, FetchOptions, SSRFGuard, fetch_document
from wirewatch.fetch.transport import PinnedTransport

#: Names a hostile DNS could answer with anything; the test resolver makes them private.
HOSTILE_DNS = {
    "rebind.evil.test": ["127.0.0.1"],
    "internal.evil.test": ["10.0.0.5"],
    "corp.evil.test": ["192.168.1.10"],
    "docker.evil.test": ["172.17.0.1"],
    "meta.evil.test": ["169.254.169.254"],
    "v6local.evil.test": ["::1"],
    "ula.evil.test": ["fd12:3456::1"],
    "mixed.evil.test": ["93.184.216.34", "10.1.2.3"],      # one bad address is enough
    "mapped.evil.test": ["::ffff:10.0.0.1"],
    "cgnat.evil.test": ["100.64.0.1"],
    "public.test": ["93.184.216.34"],
}

SSRF_TRICKS = [
    "http://127.0.0.1/",
    "http://127.0.0.2:8080/admin",
    "http://localhost/",
    "http://LOCALHOST./",
    "http://foo.localhost/",
    "http://2130706433/",                     # decimal 127.0.0.1
    "http://0x7f000001/",                     # hex
    "http://0x7f.0x0.0x0.0x1/",               # dotted hex
    "http://0177.0.0.1/",                     # octal
    "http://0177.1/",                         # octal, short form
    "http://127.1/",                          # short form
    "http://0/",                              # 0.0.0.0
    "http://0.0.0.0/",
    "http://[::1]/",
    "http://[::]/",
    "http://[::ffff:127.0.0.1]/",             # IPv4-mapped IPv6
    "http://[::ffff:7f00:1]/",                # IPv4-mapped, hex
    "http://[0:0:0:0:0:ffff:127.0.0.1]/",
    "http://[::127.0.0.1]/",                  # IPv4-compatible IPv6
    "http://[64:ff9b::a9fe:a9fe]/",           # NAT64 of 169.254.169.254
    "http://[2002:a9fe:a9fe::]/",             # 6to4 of 169.254.169.254
    "http://[fe80::1]/",                      # link-local v6
    "http://[fd00:ec2::254]/latest/meta-data/",   # AWS metadata (IPv6)
    "http://169.254.169.254/latest/meta-data/",  # cloud metadata
    "http://2852039166/",                     # 169.254.169.254 in decimal
    "http://metadata.google.internal/computeMetadata/v1/",
    "http://100.100.100.200/",                # Alibaba metadata
    "http://10.0.0.1/",
    "http://172.16.0.1/",
    "http://192.168.0.1/",
    "http://100.64.0.1/",                     # carrier-grade NAT
    "http://224.0.0.1/",                      # multicast
    "http://[ff02::1]/",                      # multicast v6
    "http://240.0.0.1/",                      # reserved
    "http://255.255.255.255/",                # broadcast
    "http://user:pw@127.0.0.1/",              # credentials in front
    "http://public.test@127.0.0.1/",          # looks public, is not
    "http://127.0.0.1#@public.test/",         # fragment trick
    "http://%31%32%37.0.0.1/",                # percent-encoded host
    "file:///etc/passwd",
    "ftp://public.test/",
    "gopher://127.0.0.1:6379/_INFO",
    "dict://127.0.0.1:11211/",
    "javascript:alert(1)",
    "http://rebind.evil.test/",
    "http://internal.evil.test/",
    "http://corp.evil.test/",
    "http://docker.evil.test/",
    "http://meta.evil.test/",
    "http://v6local.evil.test/",
    "http://ula.evil.test/",
    "http://mixed.evil.test/",
    "http://mapped.evil.test/",
    "http://cgnat.evil.test/",
]


def hostile_resolver(host: str) -> Sequence[str]:
    if host not in HOSTILE_DNS:
        raise FetchError(f"cannot resolve host {host!r}")
    return HOSTILE_DNS[host]


@pytest.fixture()
def guard() -> SSRFGuard:
    return SSRFGuard.build(resolver=hostile_resolver)


def test_ssrf_list_is_long_enough() -> None:
    assert len(SSRF_TRICKS) >= 30
    assert len(set(SSRF_TRICKS)) == len(SSRF_TRICKS)


@pytest.mark.parametrize("url", SSRF_TRICKS)
def test_ssrf_guard_refuses(guard: SSRFGuard, url: str) -> None:
    with pytest.raises(FetchError) as info:
        guard.check(url)
    assert "refused" in info.value.message or "not a valid URL" in info.value.message


@pytest.mark.parametrize("url", SSRF_TRICKS)
def test_ssrf_fetch_document_sends_nothing(url: str) -> None:
    sent: list[httpx.Request] = []
    client = httpx.Client(transport=httpx.MockTransport(lambda r: sent.append(r) or httpx.Response(200)))
    with pytest.raises(FetchError):
        fetch_document(url, client=client, resolver=hostile_resolver)
    assert sent == []


def test_ssrf_public_host_passes(guard: SSRFGuard) -> None:
    assert guard.check("https://public.test/news") == ["93.184.216.34"]


def test_ssrf_allow_host_is_the_only_way_past() -> None:
    guard = SSRFGuard.build(["127.0.0.1", "Feeds.Internal."], resolver=hostile_resolver)
    assert guard.check("http://127.0.0.1:8000/feed.xml") == []
    assert guard.check("http://feeds.internal/feed.xml") == []
    with pytest.raises(FetchError):
        guard.check("http://127.0.0.2/")             # a neighbour is not allowed
    with pytest.raises(FetchError):
        guard.check("file://127.0.0.1/etc/passwd")   # nor another scheme


REDIRECT_TARGETS = ["http://127.0.0.1/", "http://169.254.169.254/latest/meta-data/", "http://2130706433/",
                    "http://[::ffff:127.0.0.1]/", "http://internal.evil.test/", "file:///etc/passwd",
                    "/../../127.0.0.1", "http://localhost:22/"]


@pytest.mark.parametrize("target", REDIRECT_TARGETS)
def test_ssrf_redirect_to_private_is_refused(target: str) -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.path == "/start":
            return httpx.Response(302, headers={"location": target})
        return httpx.Response(200, text="private data")

    client = httpx.Client(transport=httpx.MockTransport(handler))
    if target.startswith("/"):   # a relative redirect stays on the public host: allowed
        doc = fetch_document("http://public.test/start", client=client, resolver=hostile_resolver)
        assert doc.content == b"private data"
        return
    with pytest.raises(FetchError, match="refused|not a valid URL"):
        fetch_document("http://public.test/start", client=client, resolver=hostile_resolver)
    assert seen == ["http://public.test/start"]


def test_ssrf_transport_pins_the_checked_address() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, text="ok")

    guard = SSRFGuard.build(resolver=hostile_resolver)
    client = httpx.Client(transport=PinnedTransport(guard, httpx.MockTransport(handler)))
    client.get("https://public.test/a")
    assert seen[0].url.host == "93.184.216.34"
    assert seen[0].headers["host"] == "public.test"
    assert seen[0].extensions["sni_hostname"] == "public.test"


def test_ssrf_dns_rebinding_between_check_and_connect_is_refused() -> None:
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])     # public when checked, loopback when used
    guard = SSRFGuard.build(resolver=lambda host: next(answers))
    sent: list[httpx.Request] = []
    inner = httpx.MockTransport(lambda r: sent.append(r) or httpx.Response(200))
    fetcher = Fetcher(FetchOptions(retries=0), guard=guard,
                      client=httpx.Client(transport=PinnedTransport(guard, inner)))
    with pytest.raises(FetchError, match="loopback"):
        fetcher.fetch("http://flip.test/", polite=False)
    assert sent == []


class _Redirector(http.server.BaseHTTPRequestHandler):
    target = ""

    def do_GET(self) -> None:
        self.send_response(302)
        self.send_header("Location", self.target)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def redirector() -> Iterator[tuple[http.server.HTTPServer, type[_Redirector]]]:
    handler = type("Redirector", (_Redirector,), {})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, handler
    server.shutdown()
    server.server_close()


@pytest.mark.network
@pytest.mark.parametrize("target", ["http://localhost:{port}/x", "http://0x7f000001:{port}/x",
                                    "http://[::1]:{port}/x", "http://169.254.169.254/latest/"])
def test_ssrf_real_redirect_from_allowed_host_is_rechecked(
        redirector: tuple[http.server.HTTPServer, type[_Redirector]], target: str) -> None:
    server, handler = redirector
    port = server.server_address[1]
    handler.target = target.format(port=port)
    with pytest.raises(FetchError, match="refused"):
        fetch_document(f"http://127.0.0.1:{port}/feed.xml", allow_hosts=["127.0.0.1"])

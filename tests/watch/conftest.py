"""Fixtures for the watch tests: a local feed server, a webhook receiver, an SMTP server,
and a deterministic stub coder (so alert tests do not depend on the real coder's output)."""

from __future__ import annotations

import hashlib
import http.server
import json
import re
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any, ClassVar

import pytest

from wirewatch.config import Settings
from wirewatch.models import Actor, Event, EventPlace, Evidence
from wirewatch.pipeline.base import ItemStage, RunContext, Work
from wirewatch.pipeline.builder import Pipeline
from wirewatch.stages.extract import TrafilaturaExtractor

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
ATTACK_PAGES = ["01-mogadishu-suicide-bombing.html", "09-darfur-shelling-airstrike.html",
                "02-peshawar-market-blast-ttp-denies.html"]
QUIET_PAGES = ["06-uk-sanctions-iran.html", "18-ev-price-war-bangkok.html"]
_COUNTRIES = {"mogadishu": "SOM", "darfur": "SDN", "peshawar": "PAK", "nyala": "SDN", "somalia": "SOM"}
_KILLED = re.compile(r"[^.]*\bkill(?:ed|s|ing)\b[^.]*\.", re.IGNORECASE)


class StubCoder(ItemStage):
    """One ASSAULT event per article that says someone was killed; country from a keyword."""

    name: ClassVar[str] = "coding.stub.v1"
    requires: ClassVar[frozenset[str]] = frozenset({"article"})
    provides: ClassVar[frozenset[str]] = frozenset({"article.events"})

    def handle(self, work: Work, ctx: RunContext) -> None:
        article = work.article
        assert article is not None
        found = _KILLED.search(article.text)
        if not found:
            return
        lowered = article.text.lower()
        place, country = next(((k.title(), c) for k, c in _COUNTRIES.items() if k in lowered), (None, None))
        sentence = found.group(0).strip()
        event_id = hashlib.sha1(f"{article.id}:{found.start()}".encode()).hexdigest()[:16]
        article.events.append(Event(
            id=event_id, type="ASSAULT", cameo="180", mode=None, actor=Actor("gunmen"), target=Actor("civilians"),
            place=EventPlace(place, country), date=None, date_precision=None,
            killed=None, injured=None, status="actual", attribution=None,
            evidence=Evidence(sentence, found.start(), found.end()), confidence=0.9))


@pytest.fixture()
def stub_pipeline() -> Pipeline:
    return Pipeline(stages=[TrafilaturaExtractor(), StubCoder()])


# ----- a feed server ---------------------------------------------------------------------------

@dataclass
class Route:
    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)


class FeedServer:
    """Serves routes on 127.0.0.1; honours If-None-Match; counts requests and 200 answers per path."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.full: Counter[str] = Counter()      # 200 answers with a body
        self.user_agents: list[str] = []
        self.lock = threading.Lock()
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                outer._serve(self)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: bytes | str, **kw: Any) -> None:
        data = body.encode() if isinstance(body, str) else body
        with self.lock:
            self.routes[path] = Route(data, **kw)

    def add_sample(self, name: str) -> str:
        path = f"/news/{name}"
        self.add(path, (SAMPLES / name).read_bytes())
        return path

    def set_feed(self, path: str, item_paths: list[str], *, etag: bool = True) -> None:
        items = "".join(
            f"<item><title>{p.rsplit('/', 1)[-1]}</title><link>{self.url(p)}</link>"
            f"<guid>{self.url(p)}</guid><pubDate>Tue, 10 Jun 2025 10:00:00 GMT</pubDate></item>"
            for p in item_paths)
        body = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
                f"<link>{self.base}</link><description>d</description>{items}</channel></rss>")
        tag = '"' + hashlib.sha1(body.encode()).hexdigest()[:12] + '"' if etag else None
        self.add(path, body, content_type="application/rss+xml", etag=tag)

    def _serve(self, handler: http.server.BaseHTTPRequestHandler) -> None:
        path = handler.path.split("?", 1)[0]
        with self.lock:
            self.hits[path] += 1
            self.user_agents.append(handler.headers.get("User-Agent", ""))
            route = self.routes.get(path)
        if route is None:
            handler.send_response(404)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        if route.delay:
            time.sleep(route.delay)
        if route.etag and handler.headers.get("If-None-Match") == route.etag:
            handler.send_response(304)
            handler.send_header("ETag", route.etag)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        handler.send_response(route.status)
        handler.send_header("Content-Type", route.content_type)
        handler.send_header("Content-Length", str(len(route.body)))
        if route.etag:
            handler.send_header("ETag", route.etag)
        for key, value in route.headers.items():
            handler.send_header(key, value)
        handler.end_headers()
        if route.status == 200:
            with self.lock:
                self.full[path] += 1
        try:
            handler.wfile.write(route.body)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture()
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer()
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


# ----- a webhook receiver ------------------------------------------------------------------------

@dataclass
class Received:
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body)


class WebhookReceiver:
    def __init__(self, fail_first: int = 0) -> None:
        self.received: list[Received] = []
        self.fail_first = fail_first
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                if outer.fail_first > 0:
                    outer.fail_first -= 1
                    self.send_response(503)
                else:
                    outer.received.append(Received({k.lower(): v for k, v in self.headers.items()}, body))
                    self.send_response(204)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/hook"


@pytest.fixture()
def webhook() -> Iterator[WebhookReceiver]:
    receiver = WebhookReceiver()
    receiver.thread.start()
    yield receiver
    receiver.httpd.shutdown()
    receiver.httpd.server_close()


# ----- an SMTP server ------------------------------------------------------------------------------

class _Collect:
    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.original_content or envelope.content))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class SmtpServer:
    host: str
    port: int
    handler: _Collect

    @property
    def messages(self) -> list[Message]:
        return self.handler.messages


@pytest.fixture()
def smtp_server() -> Iterator[SmtpServer]:
    from aiosmtpd.controller import Controller

    handler = _Collect()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield SmtpServer("127.0.0.1", controller.port, handler)
    controller.stop()


# ----- settings -------------------------------------------------------------------------------------

SECRET_ENV = "WIREWATCH_TEST_WEBHOOK_SECRET"
SECRET = "s3cret-for-tests"


def watch_settings(db_url: str, sources: list[dict[str, Any]], *, webhook_url: str | None = None,
                   smtp: tuple[str, int] | None = None, rules: list[dict[str, Any]] | None = None,
                   **watch: Any) -> Settings:
    deliveries: list[dict[str, Any]] = []
    if webhook_url:
        deliveries.append({"name": "hook", "webhook": webhook_url, "secret_env": SECRET_ENV})
    if smtp:
        deliveries.append({"name": "mail", "email": ["analyst@example.org"]})
    section: dict[str, Any] = {
        "interval": 0.5, "recovery_hours": 1.0,
        "fetch": {"min_host_delay": 0.0, "retries": 0, "timeout": 5.0, "backoff": 0.0},
        "sources": sources, "deliveries": deliveries,
        "rules": rules if rules is not None else [{"name": "assaults", "query": "type=ASSAULT"}],
    }
    if smtp:
        section["smtp"] = {"host": smtp[0], "port": smtp[1], "sender": "wirewatch@example.org"}
    section.update(watch)
    return Settings(db=db_url, allow_hosts=["127.0.0.1"], watch=section)


@pytest.fixture()
def make_settings(monkeypatch: pytest.MonkeyPatch) -> Any:
    """``watch_settings`` with the webhook secret in the environment."""
    monkeypatch.setenv(SECRET_ENV, SECRET)
    monkeypatch.delenv("WIREWATCH_CONFIG_FILE", raising=False)
    return watch_settings

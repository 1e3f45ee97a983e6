"""Access control, protective headers, CORS, rate limits, error translation, OpenAPI and pages."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from html.parser import HTMLParser

import pytest
from corpus_api import TOKEN, assert_problem
from fastapi.testclient import TestClient
from sqlalchemy.exc import OperationalError

from wirewatch.api import app as app_module
from wirewatch.api import create_app
from wirewatch.api.security import CSP, RateLimiter
from wirewatch.config import Settings
from wirewatch.errors import ConfigError
from wirewatch.storage.sql import SQLStore

ENDPOINTS = ["/api/events", "/api/events/{event_id}", "/api/stories", "/api/stories/{story_id}",
             "/api/articles", "/api/articles/{article_id}", "/api/places/summary", "/api/timeline",
             "/api/alerts", "/api/alerts/stream", "/api/rules", "/api/rules/{rule_id}", "/api/export",
             "/api/health"]


@pytest.mark.parametrize("path", ["/", "/api/events", "/api/events/nope", "/static/style.css", "/api/docs"])
def test_security_headers_on_every_response(make_client: Callable[..., TestClient], path: str) -> None:
    response = make_client().get(path)
    assert response.headers["content-security-policy"] == CSP
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP and "frame-ancestors 'none'" in CSP
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    if path.startswith("/api/"):
        assert response.headers["cache-control"] == "no-store"


def test_cors_is_off_by_default(make_client: Callable[..., TestClient]) -> None:
    client = make_client()
    response = client.get("/api/events", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options("/api/rules", headers={"Origin": "https://evil.example",
                                                      "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers


def test_cors_allows_only_configured_origins(make_client: Callable[..., TestClient]) -> None:
    client = make_client(cors_origins=["https://analyst.example"])
    ok = client.get("/api/events", headers={"Origin": "https://analyst.example"})
    assert ok.headers["access-control-allow-origin"] == "https://analyst.example"
    other = client.get("/api/events", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers


def test_rate_limit_answers_429_with_retry_after(make_client: Callable[..., TestClient]) -> None:
    client = make_client(rate_limit_per_minute=3)
    assert [client.get("/api/health").status_code for _ in range(3)] == [200, 200, 200]
    response = client.get("/api/events")
    assert_problem(response, 429, "too many requests")
    assert int(response.headers["retry-after"]) >= 1
    assert client.get("/").status_code == 200          # the page itself is not limited


def test_rate_limit_on_writes_is_separate(make_client: Callable[..., TestClient]) -> None:
    client = make_client(token=TOKEN, write_rate_limit_per_minute=1)
    rule = {"name": "r", "query": "type=ASSAULT"}
    headers = {"Authorization": f"Bearer {TOKEN}"}
    assert client.post("/api/rules", json=rule, headers=headers).status_code == 201
    assert_problem(client.post("/api/rules", json=rule, headers=headers), 429)
    assert client.get("/api/rules").status_code == 200


def test_rate_limiter_refills_over_time() -> None:
    limiter = RateLimiter(per_minute=60)
    assert all(limiter.retry_after("a", now=0.0) == 0 for _ in range(60))
    assert limiter.retry_after("a", now=0.0) == pytest.approx(1.0)
    assert limiter.retry_after("b", now=0.0) == 0            # per client
    assert limiter.retry_after("a", now=1.0) == 0            # one token back after a second
    assert RateLimiter(per_minute=0).retry_after("a") == 0   # 0 turns it off


def test_read_requires_token_protects_reads(make_client: Callable[..., TestClient]) -> None:
    client = make_client(token=TOKEN, read_requires_token=True)
    for path in ("/api/events", "/api/events/ev-bombing", "/api/stories", "/api/timeline", "/api/alerts",
                 "/api/rules", "/api/export", "/api/places/summary", "/api/articles/art-xss"):
        assert_problem(client.get(path), 401, "token")
        assert client.get(path, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    assert client.get("/api/health").status_code == 200
    assert client.get("/api/health").json()["read_requires_token"] is True


def test_read_requires_token_without_a_token_is_a_config_error(sqlite_store: SQLStore) -> None:
    with pytest.raises(ConfigError, match="read_requires_token"):
        create_app(Settings(api={"read_requires_token": True}), sqlite_store)


def test_token_never_appears_in_logs_or_answers(make_client: Callable[..., TestClient],
                                                caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    client = make_client(token=TOKEN)
    wrong = client.post("/api/rules", json={"name": "x"}, headers={"Authorization": "Bearer guess"})
    right = client.post("/api/rules", json={"name": "x"}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert wrong.status_code == 401 and right.status_code == 201
    assert TOKEN not in caplog.text and "guess" not in caplog.text
    assert TOKEN not in wrong.text + right.text + client.get("/api/health").text
    assert TOKEN not in repr(client.app.state.settings)      # type: ignore[attr-defined]


def test_unknown_path_is_problem_json(make_client: Callable[..., TestClient]) -> None:
    assert_problem(make_client().get("/api/nothing-here"), 404, "/api/nothing-here")


def test_method_not_allowed_is_problem_json(make_client: Callable[..., TestClient]) -> None:
    assert_problem(make_client().delete("/api/events"), 405)


def test_internal_error_is_problem_json_without_details(make_client: Callable[..., TestClient],
                                                        sqlite_store: SQLStore,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(article_id: str) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(sqlite_store, "get_article", broken)
    client = make_client()
    client_no_raise = TestClient(client.app, raise_server_exceptions=False)
    response = client_no_raise.get("/api/articles/art-xss")
    body = assert_problem(response, 500, "internal error")
    assert "secret" not in response.text and body["instance"] == "/api/articles/art-xss"


def test_database_down_is_503(make_client: Callable[..., TestClient], sqlite_store: SQLStore,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    def down() -> dict[str, int]:
        raise OperationalError("SELECT 1", {}, Exception("unable to open database file"))

    monkeypatch.setattr(sqlite_store, "counts", down)
    assert_problem(make_client().get("/api/health"), 503, "database")


def test_openapi_documents_every_endpoint(make_client: Callable[..., TestClient]) -> None:
    spec = make_client().get("/api/openapi.json").json()
    assert set(ENDPOINTS) <= set(spec["paths"])
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"since", "until", "type", "mode", "status", "actor_country", "target_country", "country", "bbox",
            "q", "min_killed", "story_id", "limit", "cursor", "sort"} <= params
    assert "EventDetail" in spec["components"]["schemas"]
    assert "200" in spec["paths"]["/api/events/{event_id}"]["get"]["responses"]


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []
        self.inline: list[str] = []
        self.handlers: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handlers += [k for k, _ in attrs if k.startswith("on")]
        if tag == "script":
            self.scripts.append(dict(attrs))
            self._in_script = True

    def handle_endtag(self, tag: str) -> None:
        self._in_script = tag != "script" and self._in_script

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline.append(data)


@pytest.mark.parametrize("path", ["/", "/api/docs"])
def test_pages_have_no_inline_script_and_only_local_sources(make_client: Callable[..., TestClient],
                                                            path: str) -> None:
    response = make_client().get(path)
    assert response.status_code == 200
    parser = _Scripts()
    parser.feed(response.text)
    assert parser.scripts and all(s.get("src", "").startswith("/static/") for s in parser.scripts)
    assert parser.inline == [] and parser.handlers == []
    assert not re.search(r"https?://", response.text)           # no CDN
    for src in [s["src"] for s in parser.scripts]:
        assert make_client().get(str(src)).status_code == 200, src


def test_dashboard_without_front_end_libraries_says_how_to_install(make_client: Callable[..., TestClient],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_module, "VENDOR_FILES", ("missing-library.js",))
    response = make_client().get("/")
    assert response.status_code == 503
    assert "make install" in response.text and "missing-library.js" in response.text

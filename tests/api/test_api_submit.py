"""`POST /api/articles`: given HTML through the default pipeline, or a fetched URL (SSRF-guarded)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from corpus_api import TOKEN, assert_problem
from fastapi.testclient import TestClient

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "01-mogadishu-suicide-bombing.html"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture()
def submitter(make_client: Callable[..., TestClient], pipeline: Any) -> TestClient:
    """A client with a token, whose app uses the session's already-loaded default pipeline."""
    return make_client(token=TOKEN, pipeline_factory=lambda: pipeline)


def test_submit_html_is_processed_stored_and_returned(submitter: TestClient) -> None:
    html = SAMPLE.read_text(encoding="utf-8")
    url = "https://horndispatch.example/somalia/km4"
    response = submitter.post("/api/articles", json={"url": url, "html": html}, headers=AUTH)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["added"] is True
    article = body["article"]
    assert article["url"] == url
    assert "Mogadishu" in article["title"]
    assert any(e["type"] == "ASSAULT" for e in article["events"]), article["events"]
    for event in article["events"]:
        ev = event["evidence"]
        assert article["text"][ev["start"]:ev["end"]] == ev["text"]
    stored = submitter.get(f"/api/articles/{article['id']}").json()
    assert stored["events"] == article["events"]
    again = submitter.post("/api/articles", json={"url": url, "html": html}, headers=AUTH)
    assert again.status_code == 200 and again.json()["added"] is False


def test_submit_with_published_date(submitter: TestClient) -> None:
    html = "<html><body><article><p>" + "Protesters marched through Tbilisi on Monday. " * 8 + \
           "</p></article></body></html>"
    response = submitter.post("/api/articles", json={"url": "https://x.example/p", "html": html,
                                                     "published": "2025-03-10"}, headers=AUTH)
    assert response.status_code == 201, response.text
    assert response.json()["article"]["published"].startswith("2025-03-10")


@pytest.mark.parametrize(("body", "status", "words"), [
    ({"url": "ftp://x.example/a", "html": "<p>x</p>"}, 400, ["url", "http"]),
    ({"url": "javascript:alert(1)", "html": "<p>x</p>"}, 400, ["url"]),
    ({"url": "https://x.example/a", "html": "<html><body></body></html>"}, 422, ["could not be processed"]),
    ({"url": "https://x.example/a", "html": "<p>x</p>", "published": "soon"}, 400, ["published"]),
    ({"html": "<p>x</p>"}, 422, ["url"]),
    ({"url": "https://x.example/a", "html": "<p>x</p>", "extra": 1}, 422, ["extra"]),
])
def test_submit_bad_bodies_are_refused(submitter: TestClient, body: dict[str, Any], status: int,
                                       words: list[str]) -> None:
    assert_problem(submitter.post("/api/articles", json=body, headers=AUTH), status, *words)


def test_submit_not_json_is_refused(submitter: TestClient) -> None:
    response = submitter.post("/api/articles", content=b"{not json", headers={**AUTH,
                                                                              "Content-Type": "application/json"})
    assert_problem(response, 422)


def test_submit_html_over_the_cap_is_413(make_client: Callable[..., TestClient]) -> None:
    client = make_client(token=TOKEN, max_html_bytes=1000)
    response = client.post("/api/articles", json={"url": "https://x.example/a", "html": "x" * 2000}, headers=AUTH)
    assert_problem(response, 413, "limit")


def test_submit_needs_a_configured_token_and_the_right_one(make_client: Callable[..., TestClient]) -> None:
    body = {"url": "https://x.example/a", "html": "<p>x</p>"}
    assert_problem(make_client().post("/api/articles", json=body, headers=AUTH), 403, "no api token")
    assert_problem(make_client(token=TOKEN).post("/api/articles", json=body), 401, "token")


@pytest.fixture()
def page_server(serve_page: Callable[[bytes, str], str]) -> str:
    return serve_page(SAMPLE.read_bytes(), "somalia/km4.html")


@pytest.mark.network
def test_submit_url_is_refused_by_the_ssrf_guard(make_client: Callable[..., TestClient], pipeline: Any,
                                                 page_server: str) -> None:
    client = make_client(token=TOKEN, pipeline_factory=lambda: pipeline)
    body = assert_problem(client.post("/api/articles", json={"url": page_server}, headers=AUTH), 502)
    assert "127.0.0.1" in body["detail"]
    assert client.get("/api/health").json()["counts"]["articles"] == 6


@pytest.mark.network
def test_submit_url_is_fetched_when_the_host_is_allowed(make_client: Callable[..., TestClient], pipeline: Any,
                                                        page_server: str) -> None:
    client = make_client(token=TOKEN, pipeline_factory=lambda: pipeline, allow_hosts=["127.0.0.1"])
    response = client.post("/api/articles", json={"url": page_server}, headers=AUTH)
    assert response.status_code == 201, response.text
    article = response.json()["article"]
    assert "Mogadishu" in article["title"]
    assert article["events"]

"""Watch rules (CRUD behind the token) and alerts (list and server-sent event stream)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

import pytest
from corpus_api import TOKEN, assert_problem
from fastapi.testclient import TestClient
from sqlalchemy import insert

from wirewatch.storage.schema import alerts
from wirewatch.storage.sql import SQLStore

RULE = {"name": "Bombings in Somalia", "kind": "match", "query": "type=ASSAULT&country=SOM&min_killed=5",
        "params": {}, "deliveries": {"webhooks": ["https://hooks.example.org/x"], "emails": ["a@example.org"]}}


def test_rules_crud_round_trip(writer: TestClient) -> None:
    assert writer.get("/api/rules").json() == {"items": []}
    created = writer.post("/api/rules", json=RULE)
    assert created.status_code == 201, created.text
    rule = created.json()
    assert rule["name"] == RULE["name"] and rule["enabled"] is True
    assert rule["deliveries"] == RULE["deliveries"] and len(rule["id"]) == 32
    assert writer.get(f"/api/rules/{rule['id']}").json()["query"] == RULE["query"]
    changed = writer.put(f"/api/rules/{rule['id']}", json={**RULE, "name": "Renamed", "enabled": False,
                                                          "kind": "spike", "params": {"z": 3}})
    assert changed.status_code == 200
    assert (changed.json()["name"], changed.json()["enabled"], changed.json()["params"]) == ("Renamed", False,
                                                                                             {"z": 3})
    assert [r["name"] for r in writer.get("/api/rules").json()["items"]] == ["Renamed"]
    assert writer.delete(f"/api/rules/{rule['id']}").status_code == 204
    assert writer.get("/api/rules").json() == {"items": []}
    assert_problem(writer.delete(f"/api/rules/{rule['id']}"), 404, "no rule")


@pytest.mark.parametrize(("change", "status", "words"), [
    ({"query": "type=BOMBING"}, 400, ["type", "BOMBING"]),
    ({"query": "since=yesterday"}, 400, ["since"]),
    ({"query": "colour=red"}, 400, ["unknown filter"]),
    ({"query": "type=ASSAULT&limit=5"}, 400, ["limit"]),
    ({"kind": "sometimes"}, 422, ["kind"]),
    ({"name": ""}, 422, ["name"]),
    ({"deliveries": {"webhooks": ["file:///etc/passwd"]}}, 400, ["webhooks"]),
    ({"deliveries": {"webhooks": "https://x.example"}}, 400, ["webhooks"]),
    ({"deliveries": {"emails": ["not-an-address"]}}, 400, ["emails"]),
    ({"surprise": 1}, 422, ["surprise"]),
])
def test_rules_invalid_are_refused_with_the_reason(writer: TestClient, change: dict[str, Any], status: int,
                                                   words: list[str]) -> None:
    assert_problem(writer.post("/api/rules", json={**RULE, **change}), status, *words)
    assert writer.get("/api/rules").json() == {"items": []}


def test_rules_update_and_get_unknown_are_404(writer: TestClient) -> None:
    assert_problem(writer.put("/api/rules/nope", json=RULE), 404, "no rule")
    assert_problem(writer.get("/api/rules/nope"), 404, "no rule")


def test_rules_writes_refused_without_configured_token(make_client: Callable[..., TestClient]) -> None:
    client = make_client()
    body = assert_problem(client.post("/api/rules", json=RULE,
                                      headers={"Authorization": f"Bearer {TOKEN}"}), 403, "no api token")
    assert "WIREWATCH_API_TOKEN" in body["hint"]
    assert_problem(client.delete("/api/rules/x"), 403)
    assert_problem(client.put("/api/rules/x", json=RULE), 403)
    assert client.get("/api/rules").status_code == 200


@pytest.mark.parametrize("header", [None, "Bearer wrong", f"Basic {TOKEN}", "Bearer", f"Bearer {TOKEN}x"])
def test_rules_writes_need_the_right_token(make_client: Callable[..., TestClient], header: str | None) -> None:
    client = make_client(token=TOKEN)
    headers = {"Authorization": header} if header else {}
    response = client.post("/api/rules", json=RULE, headers=headers)
    assert_problem(response, 401, "token")
    assert response.headers["www-authenticate"].startswith("Bearer")


def _add_alert(store: SQLStore, **values: Any) -> int:
    row = {"rule_id": "r1", "dedupe_key": f"k{time.monotonic_ns()}", "kind": "match",
           "event_ids": json.dumps(["ev-bombing"]), "payload": json.dumps({"event": {"type": "ASSAULT"}}),
           **values}
    with store.engine.begin() as conn:
        return int(conn.execute(insert(alerts).values(**row)).inserted_primary_key[0])


def test_alerts_list_newest_first_with_rule_names(writer: TestClient, sqlite_store: SQLStore) -> None:
    rule_id = writer.post("/api/rules", json=RULE).json()["id"]
    first = _add_alert(sqlite_store, rule_id=rule_id)
    second = _add_alert(sqlite_store, rule_id="other", event_ids=None, payload="not json")
    body = writer.get("/api/alerts").json()
    assert body["last_id"] == second
    assert [a["id"] for a in body["items"]] == [second, first]
    assert body["items"][1]["rule_name"] == RULE["name"]
    assert body["items"][1]["event_ids"] == ["ev-bombing"]
    assert body["items"][0]["payload"] == "not json" and body["items"][0]["event_ids"] == []
    assert [a["id"] for a in writer.get(f"/api/alerts?after_id={first}").json()["items"]] == [second]
    assert [a["id"] for a in writer.get(f"/api/alerts?rule_id={rule_id}").json()["items"]] == [first]
    assert_problem(writer.get("/api/alerts?after_id=-1"), 400, "after_id")
    assert_problem(writer.get("/api/alerts?limit=abc"), 400, "limit")


def _read_stream(client: TestClient, url: str, headers: dict[str, str] | None = None,
                 on_open: Callable[[], Any] | None = None) -> list[dict[str, Any]]:
    """Every alert event of one stream (the test server ends streams after its max seconds);
    ``on_open`` runs once the stream has sent its first line (its start position is fixed by then)."""
    received = []
    with client.stream("GET", url, headers=headers or {}) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        event: dict[str, str] = {}
        for line in response.iter_lines():
            if on_open is not None:
                on_open()
                on_open = None
            if not line:
                if event.get("event") == "alert":
                    received.append({"id": event["id"], **json.loads(event["data"])})
                event = {}
            elif not line.startswith(":") and ":" in line:
                key, _, value = line.partition(":")
                event[key] = value.strip()
    return received


def test_alert_stream_sends_alerts_written_while_it_is_open(make_client: Callable[..., TestClient],
                                                          sqlite_store: SQLStore) -> None:
    client = make_client(stream_max_seconds=1.0)
    old = _add_alert(sqlite_store)
    received = _read_stream(client, "/api/alerts/stream",
                            on_open=lambda: _add_alert(sqlite_store, dedupe_key="live"))
    assert [a["dedupe_key"] for a in received] == ["live"]      # only new ones by default
    assert int(received[0]["id"]) > old


def test_alert_stream_resumes_after_an_id(make_client: Callable[..., TestClient],
                                          sqlite_store: SQLStore) -> None:
    client = make_client(stream_max_seconds=0.3)
    first = _add_alert(sqlite_store, dedupe_key="a")
    _add_alert(sqlite_store, dedupe_key="b")
    _add_alert(sqlite_store, dedupe_key="c")
    assert [a["dedupe_key"] for a in _read_stream(client, "/api/alerts/stream?after_id=0")] == ["a", "b", "c"]
    resumed = _read_stream(client, "/api/alerts/stream", headers={"Last-Event-ID": str(first)})
    assert [a["dedupe_key"] for a in resumed] == ["b", "c"]
    assert_problem(client.get("/api/alerts/stream?after_id=x"), 400, "after_id")

"""`/api/events` and `/api/events/{id}`: every filter, pagination, sorting, errors (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from corpus_api import CANONICAL, XSS_EVIDENCE, assert_problem
from fastapi.testclient import TestClient


def ids(client: TestClient, query: str) -> list[str]:
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 200, response.text
    return [e["id"] for e in response.json()["items"]]


def test_events_lists_canonical_events_newest_first(client: TestClient) -> None:
    body = client.get("/api/events").json()
    assert [e["id"] for e in body["items"]] == CANONICAL
    assert body["next_cursor"] is None
    bombing = body["items"][CANONICAL.index("ev-bombing")]
    assert bombing["mention_count"] == 2
    assert (bombing["killed"], bombing["killed_min"], bombing["killed_max"]) == (12, 12, 14)
    assert bombing["place"] == {"name": "Mogadishu", "country": "SOM", "lat": 2.0469, "lon": 45.3182,
                                "admin1": "Banaadir", "precision": "point"}
    assert bombing["url"] == "https://news.example.org/mogadishu-hotel-bombing"
    assert bombing["story_id"] == "story-mogadishu"


@pytest.mark.parametrize(("query", "expected"), [
    ("since=2025-03-05", ["ev-protest", "ev-teargas", "ev-accuse", "ev-bombing"]),
    ("until=2025-03-03", ["ev-sanction", "ev-xss"]),
    ("since=2025-03-04&until=2025-03-04", ["ev-threat"]),
    ("type=ASSAULT", ["ev-bombing", "ev-xss"]),
    ("type=assault,protest", ["ev-protest", "ev-bombing", "ev-xss"]),
    ("type=ASSAULT&type=PROTEST", ["ev-protest", "ev-bombing", "ev-xss"]),
    ("mode=explosives", ["ev-bombing"]),
    ("mode=explosives,firearms", ["ev-bombing", "ev-xss"]),
    ("status=threatened", ["ev-threat"]),
    ("status=actual&type=COERCE", ["ev-teargas"]),
    ("actor_country=GEO", ["ev-protest", "ev-teargas"]),
    ("actor_country=gbr", ["ev-sanction"]),
    ("target_country=CHN", ["ev-threat"]),
    ("target_country=IRN,CHN", ["ev-threat", "ev-sanction"]),
    ("country=SOM", ["ev-accuse", "ev-bombing"]),
    ("country=SOM&country=NGA", ["ev-accuse", "ev-bombing", "ev-xss"]),
    ("actor_sector=police", ["ev-teargas"]),
    ("target_sector=business", []),            # the merged mention's target is not the canonical one
    ("admin1=Balochistan", ["ev-threat"]),
    ("bbox=40,0,50,45", ["ev-protest", "ev-teargas", "ev-accuse", "ev-bombing"]),
    ("bbox=-10,0,20,20", ["ev-xss"]),
    ("near=2.0,45.3,50", ["ev-accuse", "ev-bombing"]),
    ("q=tear gas", ["ev-teargas"]),
    ("q=MOGADISHU", ["ev-accuse", "ev-bombing"]),   # place name, case-insensitive
    ("q=suicide", ["ev-bombing"]),
    ("q=ministry", ["ev-teargas"]),          # attribution
    ("min_killed=10", ["ev-bombing"]),
    ("min_killed=1", ["ev-bombing", "ev-xss"]),
    ("min_injured=3", ["ev-teargas", "ev-bombing"]),
    ("story_id=story-mogadishu", ["ev-accuse", "ev-bombing"]),
    ("sort=date", ["ev-xss", "ev-sanction", "ev-threat", "ev-accuse", "ev-bombing", "ev-protest",
                   "ev-teargas"]),
    ("sort=-killed&min_killed=1", ["ev-bombing", "ev-xss"]),
    ("sort=killed&min_killed=1", ["ev-xss", "ev-bombing"]),
    ("sort=published&type=ASSAULT", ["ev-xss", "ev-bombing"]),
])
def test_events_filter(client: TestClient, query: str, expected: list[str]) -> None:
    assert ids(client, query) == expected


def test_events_filter_echoes_the_rule_query(client: TestClient) -> None:
    body = client.get("/api/events?type=assault&country=som,nga&min_killed=1").json()
    assert body["filter"] == "type=ASSAULT&country=SOM%2CNGA&min_killed=1"


def test_events_pages_with_the_cursor_until_the_end(client: TestClient) -> None:
    seen: list[str] = []
    url = "/api/events?limit=3"
    pages = 0
    while True:
        body = client.get(url).json()
        seen += [e["id"] for e in body["items"]]
        pages += 1
        if body["next_cursor"] is None:
            break
        url = f"/api/events?limit=3&cursor={body['next_cursor']}"
    assert seen == CANONICAL
    assert pages == 3


@pytest.mark.parametrize(("query", "status", "words"), [
    ("since=yesterday", 400, ["since"]),
    ("until=2025-13-45", 400, ["until"]),
    ("since=2025-02-30", 400, ["since"]),
    ("type=BOMBING", 400, ["type", "BOMBING", "ASSAULT"]),
    ("status=maybe", 400, ["status", "maybe"]),
    ("country=Somalia", 400, ["country", "alpha-3"]),
    ("bbox=1,2,3", 400, ["bbox"]),
    ("bbox=10,50,20,40", 400, ["bbox"]),
    ("bbox=0,0,200,10", 400, ["bbox"]),
    ("bbox=a,b,c,d", 400, ["bbox"]),
    ("near=2,45,-5", 400, ["near"]),
    ("min_killed=-1", 400, ["min_killed"]),
    ("min_killed=many", 400, ["min_killed"]),
    ("limit=0", 400, ["limit"]),
    ("limit=100000", 400, ["limit"]),
    ("sort=casualties", 400, ["sort"]),
    ("cursor=not-a-cursor", 400, ["cursor"]),
    ("colour=red", 400, ["unknown filter", "colour"]),
])
def test_events_bad_parameters_are_problem_json(client: TestClient, query: str, status: int,
                                                words: list[str]) -> None:
    body = assert_problem(client.get(f"/api/events?{query}"), status, *words)
    assert body["instance"] == "/api/events"


def test_event_detail_has_every_mention_evidence_and_source(client: TestClient) -> None:
    body = client.get("/api/events/ev-bombing").json()
    assert body["id"] == "ev-bombing"
    assert body["evidence"]["text"].startswith("A suicide bomber killed 12 people")
    assert [m["id"] for m in body["mentions"]] == ["ev-bombing", "ev-bombing-2"]
    assert [m["killed"] for m in body["mentions"]] == [12, 14]
    assert body["mentions"][1]["evidence"]["text"].startswith("At least 14 people died")
    assert body["mentions"][1]["article"]["title"] == "Hotel Sahafi attack: death toll rises to 14"
    assert [(s["id"], s["url"], s["site"]) for s in body["sources"]] == [
        ("art-mogadishu-1", "https://news.example.org/mogadishu-hotel-bombing", "Example News"),
        ("art-mogadishu-2", "https://wire.example.com/sahafi-toll", "Example Wire")]


def test_event_detail_evidence_offsets_point_into_the_article(client: TestClient) -> None:
    event = client.get("/api/events/ev-xss").json()
    article = client.get(f"/api/articles/{event['article_id']}").json()
    ev = event["evidence"]
    assert article["text"][ev["start"]:ev["end"]] == ev["text"] == XSS_EVIDENCE


def test_event_detail_of_a_merged_mention_is_its_canonical_event(client: TestClient) -> None:
    body = client.get("/api/events/ev-bombing-2").json()
    assert body["id"] == "ev-bombing"
    assert len(body["mentions"]) == 2


def test_event_detail_unknown_id_is_404(client: TestClient) -> None:
    body = assert_problem(client.get("/api/events/nope"), 404, "no event", "nope")
    assert "/api/events" in body["hint"]

"""Stories, articles, timeline, places summary, health, export (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from corpus_api import CANONICAL, XSS_TITLE, assert_problem
from fastapi.testclient import TestClient

from wirewatch.export import FORMATS


def test_stories_list_most_recent_first(client: TestClient) -> None:
    body = client.get("/api/stories").json()
    assert [s["id"] for s in body["items"]] == ["story-tbilisi", "story-mogadishu"]
    story = body["items"][1]
    assert story["countries"] == ["SOM"] and story["top_actors"] == ["al-Shabaab"]
    assert story["article_count"] == 2


@pytest.mark.parametrize(("query", "expected"), [
    ("q=hotel", ["story-mogadishu"]),
    ("country=geo", ["story-tbilisi"]),
    ("since=2025-03-06", ["story-tbilisi", "story-mogadishu"]),
    ("until=2025-03-05", ["story-mogadishu"]),
    ("limit=1", ["story-tbilisi"]),
    ("limit=1&offset=1", ["story-mogadishu"]),
])
def test_stories_filter(client: TestClient, query: str, expected: list[str]) -> None:
    assert [s["id"] for s in client.get(f"/api/stories?{query}").json()["items"]] == expected


@pytest.mark.parametrize(("query", "word"), [
    ("since=March", "since"), ("until=2025-02-31", "until"), ("country=Somalia", "country"),
    ("limit=0", "limit"), ("offset=-1", "offset")])
def test_stories_bad_parameters(client: TestClient, query: str, word: str) -> None:
    assert_problem(client.get(f"/api/stories?{query}"), 400, word)


def test_story_detail_lists_articles_and_events(client: TestClient) -> None:
    body = client.get("/api/stories/story-mogadishu").json()
    assert body["title"] == "Mogadishu hotel bombing"
    assert [a["id"] for a in body["articles"]] == ["art-mogadishu-1", "art-mogadishu-2"]
    assert [a["url"] for a in body["articles"]][1] == "https://wire.example.com/sahafi-toll"
    assert [e["id"] for e in body["events"]] == ["ev-accuse", "ev-bombing"]   # canonical only


def test_story_unknown_is_404(client: TestClient) -> None:
    assert_problem(client.get("/api/stories/nope"), 404, "no story")


def test_article_has_text_events_and_places(client: TestClient) -> None:
    body = client.get("/api/articles/art-mogadishu-1").json()
    assert body["title"] == "Suicide bomber kills 12 at Mogadishu hotel"
    assert body["story_id"] == "story-mogadishu"
    assert [e["id"] for e in body["events"]] == ["ev-bombing", "ev-accuse"]
    ev = body["events"][0]["evidence"]
    assert body["text"][ev["start"]:ev["end"]] == ev["text"]
    assert body["places"][0]["name"] == "Mogadishu" and body["places"][0]["geonameid"] == 53654


def test_article_hostile_strings_come_back_verbatim(client: TestClient) -> None:
    body = client.get("/api/articles/art-xss").json()
    assert body["title"] == XSS_TITLE
    assert body["url"] == "javascript:alert(3)"


def test_article_unknown_is_404(client: TestClient) -> None:
    assert_problem(client.get("/api/articles/nope"), 404, "no article", "nope")


def test_timeline_counts_per_day_and_type(client: TestClient) -> None:
    body = client.get("/api/timeline").json()
    assert body["first_day"] == "2025-03-02" and body["last_day"] == "2025-03-06"
    rows = {(i["day"], i["type"]): (i["count"], i["killed"]) for i in body["items"]}
    assert rows[("2025-03-05", "ASSAULT")] == (1, 12)      # the merged report is not counted twice
    assert rows[("2025-03-06", "PROTEST")] == (1, 0)
    assert sum(c for c, _ in rows.values()) == len(CANONICAL)


def test_timeline_takes_the_event_filters(client: TestClient) -> None:
    body = client.get("/api/timeline?type=ASSAULT&since=2025-03-03").json()
    assert [(i["day"], i["type"], i["count"]) for i in body["items"]] == [("2025-03-05", "ASSAULT", 1)]
    empty = client.get("/api/timeline?country=FRA").json()
    assert empty == {"items": [], "first_day": None, "last_day": None}


def test_timeline_bad_filter(client: TestClient) -> None:
    assert_problem(client.get("/api/timeline?since=03/05/2025"), 400, "since")
    assert_problem(client.get("/api/timeline?level=admin1"), 400, "unknown filter", "level")


def test_places_summary_by_country_with_world_atlas_ids(client: TestClient) -> None:
    body = client.get("/api/places/summary").json()
    assert body["level"] == "country"
    rows = {i["country"]: i for i in body["items"]}
    assert set(rows) == {"SOM", "GEO", "PAK", "NGA"}        # the sanction has no place
    assert rows["SOM"]["events"] == 2 and rows["SOM"]["killed"] == 12
    assert rows["SOM"]["iso_numeric"] == "706" and rows["SOM"]["country_name"] == "Somalia"
    assert rows["GEO"]["iso_numeric"] == "268"
    assert body["items"][0]["events"] >= body["items"][-1]["events"]


def test_places_summary_by_admin1_and_filtered(client: TestClient) -> None:
    body = client.get("/api/places/summary?level=admin1&type=ASSAULT").json()
    assert body["level"] == "admin1"
    assert {(i["country"], i["admin1"], i["events"]) for i in body["items"]} == {
        ("SOM", "Banaadir", 1), ("NGA", "Borno", 1)}


def test_places_summary_bad_level_and_bbox(client: TestClient) -> None:
    assert_problem(client.get("/api/places/summary?level=city"), 400, "level")
    assert_problem(client.get("/api/places/summary?bbox=0,0,10"), 400, "bbox")


def test_health_reports_counts_and_write_state(client: TestClient) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["counts"]["articles"] == 6 and body["counts"]["events"] == 8
    assert body["write_enabled"] is False and body["read_requires_token"] is False
    assert "***" in body["database"] or "@" not in body["database"]


def test_export_jsonl_takes_the_event_filters(client: TestClient) -> None:
    response = client.get("/api/export?format=jsonl&type=ASSAULT")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-ndjson")
    assert 'filename="events.jsonl"' in response.headers["content-disposition"]
    rows = [json.loads(line) for line in response.text.splitlines()]
    assert [r["id"] for r in rows] == ["ev-bombing", "ev-xss"]
    assert rows[0]["article_id"] == "art-mogadishu-1"
    assert rows[0]["url"] == "https://news.example.org/mogadishu-hotel-bombing"
    assert rows[0]["evidence"]["text"].startswith("A suicide bomber")


def test_export_ignores_limit_and_returns_everything(client: TestClient) -> None:
    lines = client.get("/api/export?limit=2").text.splitlines()
    assert len(lines) == len(CANONICAL)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_every_format_answers(client: TestClient, fmt: str) -> None:
    response = client.get(f"/api/export?format={fmt}&country=SOM")
    assert response.status_code == 200, response.text
    assert response.content
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert len(rows) == 2


def test_export_unknown_format_lists_the_known_ones(client: TestClient) -> None:
    body = assert_problem(client.get("/api/export?format=xlsx"), 400, "format", "xlsx")
    assert "jsonl" in body["hint"]


def test_export_bad_filter(client: TestClient) -> None:
    assert_problem(client.get("/api/export?since=never"), 400, "since")

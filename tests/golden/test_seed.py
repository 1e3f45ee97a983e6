"""The seed page against its analyst specification (shared/examples/seed-article.expected.json).

expected.json is a specification, not a snapshot: each required event must match on type,
actor (aliases allowed), target country, place country, date (within the window), killed,
status and attribution; no forbidden event may appear. One test per event, so a failure
names it. A snapshot of the whole output is pinned separately in test_golden_output.py.
"""

from __future__ import annotations

import json
import math
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from wirewatch.models import Article, Event

FORECASTS = ("is likely to increase", "could also decide", "This could include", "Such steps")
BOILERPLATE = ("Abbas", "NATO", "Dear Reader", "$5", "Premium")


def _spec(shared: Path) -> dict[str, Any]:
    return json.loads((shared / "examples" / "seed-article.expected.json").read_text())


@pytest.fixture(scope="module", params=["html", "txt"])
def seed_article(request: pytest.FixtureRequest, pipeline: Any, shared_dir: Path) -> Article:
    from wirewatch.stages.ingest import read_file

    path = shared_dir / "examples" / f"seed-article.{request.param}"
    doc = read_file(path, published=date(2015, 11, 12) if request.param == "txt" else None)
    works = list(pipeline.run([doc]))
    assert works[0].failure is None, works[0].failure
    assert works[0].article is not None
    return works[0].article


def _actor_matches(event: Event, expected: dict[str, Any]) -> bool:
    name = (event.actor.name or "").lower()
    names = [expected["actor"], *expected.get("actor_aliases", [])]
    return any(re.search(rf"\b{re.escape(n.lower())}\b", name) for n in names) or (
        expected.get("actor_country") is not None and event.actor.country == expected.get("actor_country"))


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = math.radians
    h = (math.sin(r(lat2 - lat1) / 2) ** 2
         + math.cos(r(lat1)) * math.cos(r(lat2)) * math.sin(r(lon2 - lon1) / 2) ** 2)
    return 12742 * math.asin(math.sqrt(h))


def _problems(event: Event, exp: dict[str, Any]) -> list[str]:
    problems = []
    if not _actor_matches(event, exp):
        problems.append(f"actor {event.actor.name!r}")
    if exp.get("target_country") and event.target.country != exp["target_country"]:
        problems.append(f"target country {event.target.country}")
    if exp.get("place_country") and (event.place is None or event.place.country != exp["place_country"]):
        problems.append(f"place {event.place}")
    if exp.get("date"):
        window = exp.get("date_window_days", 0)
        if event.date is None or abs((date.fromisoformat(event.date) - date.fromisoformat(exp["date"])).days) > window:
            problems.append(f"date {event.date}")
    if exp.get("killed") is not None and event.killed != exp["killed"]:
        problems.append(f"killed {event.killed}")
    if event.status != exp["status"]:
        problems.append(f"status {event.status}")
    if exp.get("attribution") and exp["attribution"].split()[0].lower() not in (event.attribution or "").lower():
        problems.append(f"attribution {event.attribution!r}")
    if exp.get("lat") is not None:
        if event.place is None or event.place.lat is None or event.place.lon is None or \
                _km(event.place.lat, event.place.lon, exp["lat"], exp["lon"]) > 161:
            problems.append("coordinates not within 161 km")
    if exp.get("mode") and exp["mode"][:5] not in (event.mode or ""):
        problems.append(f"mode {event.mode}")
    return problems


def _required(shared: Path) -> list[dict[str, Any]]:
    return [e for e in _spec(shared)["events"] if e["required"]]


@pytest.mark.parametrize("index", [0, 1], ids=["threat-against-russia", "sinai-bombing"])
def test_seed_required_event(seed_article: Article, shared_dir: Path, index: int) -> None:
    exp = _required(shared_dir)[index]
    candidates = [e for e in seed_article.events if e.type == exp["type"]]
    assert candidates, f"no {exp['type']} event; got {[e.type for e in seed_article.events]}"
    best = min((_problems(e, exp) for e in candidates), key=len)
    assert best == [], f"best {exp['type']} candidate is wrong: {best}"


def test_seed_forecasts_are_never_actual(seed_article: Article) -> None:
    for event in seed_article.events:
        if any(marker in event.evidence.text for marker in FORECASTS):
            assert event.status == "hypothetical", (event.type, event.evidence.text[:60])


def test_seed_no_event_from_boilerplate(seed_article: Article) -> None:
    for event in seed_article.events:
        assert not any(word in event.evidence.text for word in BOILERPLATE)


def test_seed_bombing_not_dated_by_publication(seed_article: Article) -> None:
    bombings = [e for e in seed_article.events if e.type == "ASSAULT" and e.place and e.place.country == "EGY"]
    assert bombings and all(e.date != "2015-11-12" for e in bombings)
    assert all(e.status not in {"actual"} for e in bombings)


def test_seed_evidence_offsets_point_into_text(seed_article: Article) -> None:
    for event in seed_article.events:
        ev = event.evidence
        assert seed_article.text[ev.start:ev.end] == ev.text

"""Event filters: parsing, errors, in-memory matching and SQL selection agree."""

from __future__ import annotations

import pytest

from wirewatch.filters import EventFilter, FilterError
from wirewatch.models import Actor, Article, Event, EventPlace, Evidence
from wirewatch.storage import open_store
from wirewatch.storage.queries import iter_matching, query_events


@pytest.mark.parametrize(("query", "field", "value"), [
    ("type=ASSAULT&country=EGY", "country", ("EGY",)),
    ("type=assault,threaten", "type", ("ASSAULT", "THREATEN")),
    ("type=ASSAULT&type=PROTEST", "type", ("ASSAULT", "PROTEST")),
    ("min_killed=10", "min_killed", 10),
    ("bbox=30,20,40,35", "bbox", (30.0, 20.0, 40.0, 35.0)),
    ("since=2024-01-01", "since", __import__("datetime").date(2024, 1, 1)),
    ("country=egy", "country", ("EGY",)),
])
def test_filter_parse(query: str, field: str, value: object) -> None:
    assert getattr(EventFilter.parse(query), field) == value


@pytest.mark.parametrize(("query", "message"), [
    ("type=BOMBING", "unknown event type"),
    ("colour=red", "unknown filter"),
    ("country=Egypt", "not an ISO 3166-1 alpha-3"),
    ("bbox=1,2,3", "bbox"),
    ("bbox=0,50,10,40", "bbox must be"),
    ("since=yesterday", "since"),
    ("min_killed=-1", "min_killed"),
    ("status=rumoured", "unknown status"),
    ("limit=0", "limit"),
])
def test_filter_bad_values_raise_clear_errors(query: str, message: str) -> None:
    with pytest.raises(FilterError, match=message):
        EventFilter.parse(query)


def test_filter_query_round_trip() -> None:
    f = EventFilter.parse("type=ASSAULT&country=EGY,LBY&min_killed=10&sort=-killed")
    assert EventFilter.parse(f.to_query()) == f


def _event(i: int, type_: str, country: str, killed: int | None, date: str, lat: float, lon: float) -> Event:
    text = f"Event number {i} happened."
    return Event(id=f"e{i}", type=type_, cameo="190", mode=None, actor=Actor("rebels", None, "rebels"),
                 target=Actor("army", country, "military"),
                 place=EventPlace("Town", country, lat, lon, None, "point"), date=date, date_precision="day",
                 killed=killed, injured=None, status="actual", attribution=None,
                 evidence=Evidence(text, 0, len(text)), confidence=0.5)


EVENTS = [
    _event(1, "ASSAULT", "EGY", 30, "2024-01-05", 30.0, 31.0),
    _event(2, "ASSAULT", "LBY", 3, "2024-02-01", 32.9, 13.2),
    _event(3, "PROTEST", "GEO", None, "2024-03-10", 41.7, 44.8),
    _event(4, "ASSAULT", "EGY", 12, "2024-03-11", 29.5, 33.8),
]


@pytest.fixture()
def store(db_url: str):  # type: ignore[no-untyped-def]
    s = open_store(db_url)
    s.add_articles([Article(id=f"a{e.id}", url=f"https://x.org/{e.id}", title="t", published="2024-03-12",
                            site=None, language="en", text=e.evidence.text, events=[e],
                            content_hash=e.id) for e in EVENTS])
    yield s
    s.close()


@pytest.mark.parametrize(("query", "expected"), [
    ("type=ASSAULT", ["e4", "e2", "e1"]),
    ("type=ASSAULT&country=EGY", ["e4", "e1"]),
    ("min_killed=10&sort=-killed", ["e1", "e4"]),
    ("since=2024-02-01&until=2024-03-10", ["e3", "e2"]),
    ("bbox=30,25,35,31", ["e4", "e1"]),
    ("near=29.5,33.8,50", ["e4"]),
    ("q=number 3", ["e3"]),
    ("country=GEO,LBY&sort=date", ["e2", "e3"]),
])
def test_filter_sql_and_memory_agree(store, query: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    f = EventFilter.parse(query)
    with store.engine.connect() as conn:
        rows, _cursor = query_events(conn, f)
    assert [r["id"] for r in rows] == expected
    assert sorted(e.id for e in EVENTS if f.matches(e.to_dict())) == sorted(expected)


def test_filter_cursor_pages_through_everything(store) -> None:  # type: ignore[no-untyped-def]
    f = EventFilter.parse("limit=1")
    seen = []
    with store.engine.connect() as conn:
        while True:
            rows, cursor = query_events(conn, f)
            seen.extend(r["id"] for r in rows)
            if cursor is None:
                break
            f = f.model_copy(update={"cursor": cursor})
        assert seen == ["e4", "e3", "e2", "e1"]
        assert [r["id"] for r in iter_matching(conn, EventFilter(), page=3)] == seen


def test_filter_bad_cursor(store) -> None:  # type: ignore[no-untyped-def]
    with store.engine.connect() as conn, pytest.raises(FilterError, match="cursor"):
        query_events(conn, EventFilter(cursor="garbage!!"))

"""Storage: idempotent ingest, round trips, exports in the published shapes (SQLite and PostgreSQL)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest

from wirewatch.export import write_rows
from wirewatch.models import Actor, Article, Event, EventPlace, Evidence, Place
from wirewatch.schemas import article_schema, event_schema
from wirewatch.storage import open_store


def _article(n: int = 1, url: str | None = "https://example.org/a1") -> Article:
    lead = "Gunmen attacked a market in Gao on Tuesday, killing 12 people, police said."
    text = lead + " The attack on the market lasted an hour."
    event = Event(
        id=f"ev{n}", type="ASSAULT", cameo="190", mode="firearms",
        actor=Actor("gunmen", None, "unidentified"), target=Actor("civilians", "MLI", "civilians"),
        place=EventPlace("Gao", "MLI", 16.27, -0.04, "Gao", "point"), date="2024-03-05",
        date_precision="day", killed=12, injured=None, status="actual", attribution="police",
        evidence=Evidence(lead, 0, len(lead)), confidence=0.8,
        mentions=(Evidence(text[len(lead) + 1:], len(lead) + 1, len(text)),))
    return Article(id=f"a{n}", url=url, title="Market attack", published="2024-03-07", site="example.org",
                   language="en", text=text, dateline="Bamako", events=[event],
                   places=[Place("Gao", 29, 32, 16.27, -0.04, "MLI", "Gao", 2457163, "point")],
                   content_hash=f"hash{n}")


def test_store_ingesting_twice_stores_once(db_url: str) -> None:
    store = open_store(db_url)
    first = store.add_articles([_article(1), _article(2, url="https://example.org/a2")])
    again = store.add_articles([_article(1), _article(2, url="https://example.org/a2")])
    assert (first.added, first.skipped, first.events) == (2, 0, 2)
    assert (again.added, again.skipped, again.events) == (0, 2, 0)
    assert store.counts()["articles"] == 2
    assert store.counts()["events"] == 2
    store.close()


def test_store_same_text_without_url_is_one_article(db_url: str) -> None:
    store = open_store(db_url)
    a = _article(1, url=None)
    b = _article(1, url=None)
    b.id = "other-id"
    store.add_articles([a])
    assert store.add_articles([b]).skipped == 1
    store.close()


def test_store_round_trip_keeps_everything(db_url: str) -> None:
    store = open_store(db_url)
    original = _article(1)
    store.add_articles([original])
    back = store.get_article("a1")
    assert back is not None
    assert back.to_dict(store_fields=True) == original.to_dict(store_fields=True)
    assert store.get_article("missing") is None
    store.close()


def test_store_reopen_runs_no_migration_twice(db_url: str) -> None:
    open_store(db_url).close()
    store = open_store(db_url)
    assert store.counts()["articles"] == 0
    store.close()


def test_store_export_rows_match_schema(db_url: str) -> None:
    store = open_store(db_url)
    store.add_articles([_article(1), _article(2, url="https://example.org/a2")])
    articles = [a.to_dict(store_fields=True) for a in store.iter_articles()]
    events = list(store.iter_event_rows())
    store.close()
    assert [a["id"] for a in articles] == ["a1", "a2"]       # arrival order
    for row in articles:
        jsonschema.validate(row, article_schema())
        assert row["story_id"] is None and row["duplicate_of"] is None
    for row in events:
        jsonschema.validate(row, event_schema())
        assert row["article_id"] in {"a1", "a2"} and row["url"].startswith("https://example.org/")
    buf = io.StringIO()
    assert write_rows(events, "jsonl", buf) == 2
    assert [json.loads(line)["id"] for line in buf.getvalue().splitlines()] == ["ev1", "ev2"]


def test_store_sqlite_uses_wal(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'w.db'}")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    store.close()

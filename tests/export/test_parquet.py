"""Parquet exports read back in pandas and duckdb with the documented schema."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from wirewatch.export import export_articles, export_events
from wirewatch.export.parquet import ARTICLE_SCHEMA, EVENT_SCHEMA

pytestmark = pytest.mark.issue(8)


@pytest.fixture()
def events_file(tmp_path: Path, events: list[dict[str, Any]]) -> Path:
    path = tmp_path / "events.parquet"
    with path.open("wb") as fh:
        assert export_events(events, "parquet", fh).written == 3
    return path


def test_parquet_events_have_the_typed_schema(events_file: Path) -> None:
    assert pq.read_schema(events_file).remove_metadata() == EVENT_SCHEMA


def test_parquet_events_read_back_in_pandas(events_file: Path) -> None:
    import pandas as pd

    frame = pd.read_parquet(events_file)
    assert list(frame.columns) == EVENT_SCHEMA.names
    first = frame.iloc[0]
    assert first["date"] == dt.date(2025, 3, 5)
    assert first["actor"]["name"] == "al-Shabaab" and first["place"]["lat"] == pytest.approx(2.03711)
    assert frame.iloc[1]["place"] is None
    assert first["killed"] == 14


def test_parquet_events_query_in_duckdb(events_file: Path) -> None:
    import duckdb

    rows = duckdb.sql(
        f"SELECT id, actor.country, place.name, date, killed FROM read_parquet('{events_file}') ORDER BY id"
    ).fetchall()
    assert rows[0] == ("e1", "SOM", "Mogadishu", dt.date(2025, 3, 5), 14)
    described = duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{events_file}')").fetchall()
    types = {row[0]: row[1] for row in described}
    assert types["date"] == "DATE" and types["killed"] == "INTEGER" and types["confidence"] == "DOUBLE"


def test_parquet_articles_nest_events_and_places(tmp_path: Path, events: list[dict[str, Any]]) -> None:
    import pandas as pd

    article = {"id": "a1", "url": "https://x.example/a", "title": "T", "published": "2025-03-06T10:00:00",
               "site": "x.example", "language": "en", "text": "body", "dateline": "Mogadishu",
               "events": [{k: v for k, v in e.items() if k not in ("article_id", "url")} for e in events],
               "places": [{"name": "Mogadishu", "start": 0, "end": 9, "lat": 2.0, "lon": 45.3, "country": "SOM",
                           "admin1": "Banaadir", "geonameid": 53654, "precision": "point"}],
               "story_id": None, "duplicate_of": None}
    path = tmp_path / "articles.parquet"
    with path.open("wb") as fh:
        export_articles([article], "parquet", fh)
    assert pq.read_schema(path).remove_metadata() == ARTICLE_SCHEMA
    frame = pd.read_parquet(path)
    assert len(frame.iloc[0]["events"]) == 3 and frame.iloc[0]["places"][0]["geonameid"] == 53654


def test_parquet_empty_export_is_a_valid_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.parquet"
    with path.open("wb") as fh:
        export_events([], "parquet", fh)
    assert pq.read_table(path).num_rows == 0

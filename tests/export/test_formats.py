"""Every export format: columns, types, read-back, and the shapes they accept."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from wirewatch.export import FORMATS, ExportError, export_articles, export_events
from wirewatch.export.rows import EVENT_COLUMNS, flat_event, nested_event

pytestmark = pytest.mark.issue(8)


def test_flat_and_nested_shapes_round_trip(events: list[dict[str, Any]]) -> None:
    for row in events:
        assert nested_event(flat_event(row)) == row


@pytest.mark.parametrize("fmt", [f for f in FORMATS if not FORMATS[f].is_binary])
def test_text_formats_accept_flat_rows_like_nested_rows(events: list[dict[str, Any]], fmt: str) -> None:
    nested, flat = io.StringIO(), io.StringIO()
    export_events(events, fmt, nested)
    export_events([flat_event(r) for r in events], fmt, flat)
    assert flat.getvalue() == nested.getvalue()


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_writes_to_a_binary_stream(events: list[dict[str, Any]], fmt: str) -> None:
    out = io.BytesIO()
    result = export_events(events, fmt, out)
    assert result.written + result.omitted_total == len(events)
    assert out.getvalue()


def test_jsonl_events_are_the_contract(events: list[dict[str, Any]]) -> None:
    import jsonschema

    from wirewatch.schemas import event_schema

    out = io.StringIO()
    assert export_events(events, "jsonl", out).written == 3
    for line in out.getvalue().splitlines():
        jsonschema.validate(json.loads(line), event_schema())


def test_csv_has_the_flat_columns(events: list[dict[str, Any]]) -> None:
    out = io.StringIO()
    export_events(events, "csv", out)
    reader = csv.DictReader(io.StringIO(out.getvalue()))
    rows = list(reader)
    assert tuple(reader.fieldnames or ()) == EVENT_COLUMNS
    assert rows[0]["actor_name"] == "al-Shabaab" and rows[0]["place_lat"] == "2.03711"
    assert rows[1]["place_name"] == "" and rows[1]["killed"] == ""


def test_parquet_to_a_text_stream_without_buffer_is_refused(events: list[dict[str, Any]]) -> None:
    with pytest.raises(ExportError, match="binary"):
        export_events(events, "parquet", io.StringIO())


def test_unknown_format_names_the_known_ones(events: list[dict[str, Any]]) -> None:
    with pytest.raises(ExportError, match="jsonl, csv, parquet, geojson, gdelt, acled"):
        export_events(events, "xlsx", io.StringIO())


@pytest.mark.parametrize("fmt", ["geojson", "gdelt", "acled"])
def test_event_only_formats_refuse_articles(fmt: str) -> None:
    with pytest.raises(ExportError, match="events only"):
        export_articles([], fmt, io.StringIO())


def test_articles_csv_keeps_events_as_json(events: list[dict[str, Any]]) -> None:
    article = {"id": "a1", "url": None, "title": "T", "published": "2025-03-06", "site": None,
               "language": "en", "text": "x", "dateline": None, "events": events[:1], "places": []}
    out = io.StringIO()
    export_articles([article], "csv", out)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["event_count"] == "1" and json.loads(row["events"])[0]["id"] == "e1"


def test_docs_describe_every_format_and_column() -> None:
    from wirewatch.export import acled, gdelt

    text = (Path(__file__).resolve().parents[2] / "docs" / "exports.md").read_text(encoding="utf-8")
    missing = [name for name in (*FORMATS, *gdelt.COLUMNS, *acled.COLUMNS, *EVENT_COLUMNS)
               if f"`{name}`" not in text]
    assert not missing, f"docs/exports.md does not mention {missing}"

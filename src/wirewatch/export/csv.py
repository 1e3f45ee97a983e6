"""Flat CSV exports: events with :data:`~wirewatch.export.rows.EVENT_COLUMNS`, articles with scalars."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, Any

from wirewatch.export.base import ExportResult
from wirewatch.export.rows import ARTICLE_SCALARS, EVENT_COLUMNS, flat_event

ARTICLE_COLUMNS: tuple[str, ...] = (*ARTICLE_SCALARS, "event_count", "place_count", "events", "places")


def write_table(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], out: IO[str]) -> ExportResult:
    """A header line, then one line per row (``None`` is an empty cell)."""
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    result = ExportResult()
    for row in rows:
        writer.writerow(row)
        result.written += 1
    return result


def write_events(rows: Iterable[Mapping[str, Any]], out: IO[str]) -> ExportResult:
    """Events as flat CSV (either input shape)."""
    return write_table((flat_event(r) for r in rows), EVENT_COLUMNS, out)


def article_csv_row(article: Mapping[str, Any]) -> dict[str, Any]:
    """An article's scalar fields; its events and places as JSON text, with their counts."""
    events = article.get("events") or []
    places = article.get("places") or []
    row = {c: article.get(c) for c in ARTICLE_SCALARS}
    row.update(event_count=len(events), place_count=len(places),
               events=json.dumps(events, ensure_ascii=False, default=str),
               places=json.dumps(places, ensure_ascii=False, default=str))
    return row


def write_articles(rows: Iterable[Mapping[str, Any]], out: IO[str]) -> ExportResult:
    """Articles as CSV."""
    return write_table((article_csv_row(a) for a in rows), ARTICLE_COLUMNS, out)

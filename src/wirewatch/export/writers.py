"""The one export implementation behind `wirewatch export` and `/api/export`.

``export_events(rows, fmt, out)`` and ``export_articles(rows, fmt, out)`` take rows in the
JSON-contract shape (or flat event table rows), write them in ``fmt`` to ``out`` (a text or a
binary stream; Parquet needs a binary one) and return an :class:`ExportResult`. ``FORMATS``
describes each format (media type, file extension, tables) for HTTP responses and file names.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import IO, Any

from wirewatch.export import acled, gdelt, geojson, parquet
from wirewatch.export import csv as csv_format
from wirewatch.export.base import ExportError, ExportResult, binary_stream, text_stream
from wirewatch.export.rows import nested_event

Rows = Iterable[Mapping[str, Any]]
Writer = Callable[[Rows, IO[Any]], ExportResult]


def _jsonl(rows: Iterable[Any], out: IO[str]) -> ExportResult:
    result = ExportResult()
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False, default=str))
        out.write("\n")
        result.written += 1
    return result


def write_events_jsonl(rows: Rows, out: IO[str]) -> ExportResult:
    """One event object per line (nested contract shape, whatever shape came in)."""
    return _jsonl((nested_event(r) for r in rows), out)


def write_articles_jsonl(rows: Rows, out: IO[str]) -> ExportResult:
    """One article object per line, as given."""
    return _jsonl(rows, out)


@dataclass(frozen=True)
class ExportFormat:
    """A format: how to write events (and articles, when it can), and how to serve the bytes."""

    name: str
    media_type: str
    extension: str
    is_binary: bool
    events: Writer
    articles: Writer | None = None
    summary: str = ""


FORMATS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("jsonl", "application/x-ndjson", "jsonl", False, write_events_jsonl, write_articles_jsonl,
                 "JSON Lines: the JSON contract, one object per line (default)"),
    ExportFormat("csv", "text/csv; charset=utf-8", "csv", False, csv_format.write_events,
                 csv_format.write_articles, "flat CSV, one column per field"),
    ExportFormat("parquet", "application/vnd.apache.parquet", "parquet", True, parquet.write_events,
                 parquet.write_articles, "Parquet with a typed schema (nested structs)"),
    ExportFormat("geojson", "application/geo+json", "geojson", False, geojson.write_events, None,
                 "GeoJSON FeatureCollection, events with coordinates as points"),
    ExportFormat("gdelt", "text/csv; charset=utf-8", "csv", False, gdelt.write_events, None,
                 "GDELT-2.0-event-shaped CSV (documented subset of columns)"),
    ExportFormat("acled", "text/csv; charset=utf-8", "csv", False, acled.write_events, None,
                 "ACLED-shaped CSV (event types mapped from PLOVER)"),
)}


def get_format(fmt: str) -> ExportFormat:
    """The format called ``fmt``; :class:`ExportError` names the known ones."""
    try:
        return FORMATS[fmt]
    except KeyError:
        raise ExportError(f"unknown export format {fmt!r}.",
                          hint=f"Use one of: {', '.join(FORMATS)}.") from None


def _write(writer: Writer, spec: ExportFormat, rows: Rows, out: IO[Any]) -> ExportResult:
    if spec.is_binary:
        return writer(rows, binary_stream(out, spec.name))
    with text_stream(out) as text:
        return writer(rows, text)


def export_events(rows: Rows, fmt: str, out: IO[Any]) -> ExportResult:
    """Write event rows (nested or flat) in ``fmt`` to ``out`` (text or binary stream)."""
    spec = get_format(fmt)
    return _write(spec.events, spec, rows, out)


def export_articles(rows: Rows, fmt: str, out: IO[Any]) -> ExportResult:
    """Write article dicts (``Article.to_dict``) in ``fmt``: jsonl, csv or parquet."""
    spec = get_format(fmt)
    if spec.articles is None:
        usable = ", ".join(n for n, f in FORMATS.items() if f.articles is not None)
        raise ExportError(f"the {fmt} format holds events only, not articles.",
                          hint=f"Use --table events, or one of {usable} for articles.")
    return _write(spec.articles, spec, rows, out)


def write_rows(rows: Rows, fmt: str, out: IO[Any]) -> int:
    """Events in ``fmt``; the number written (kept for callers of the first export API)."""
    return export_events(rows, fmt, out).written

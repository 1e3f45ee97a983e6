"""Parquet exports with a typed schema (pyarrow), shared by `wirewatch export` and the backfill.

Columns are those of the JSONL exports, nested objects as structs: ``actor.name``,
``place.lat``... Event ``date`` is a ``date32``; article ``published`` stays a string
(a date or a datetime, as the page gave it). docs/exports.md lists the schema.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from wirewatch.export.base import ExportResult
from wirewatch.export.rows import nested_event

#: Rows per row group (and per in-memory batch while writing).
BATCH_ROWS = 2000

_STR = pa.string()
ACTOR_TYPE = pa.struct([("name", _STR), ("country", _STR), ("sector", _STR)])
EVENT_PLACE_TYPE = pa.struct([("name", _STR), ("country", _STR), ("lat", pa.float64()),
                              ("lon", pa.float64()), ("admin1", _STR), ("precision", _STR)])
EVIDENCE_TYPE = pa.struct([("text", _STR), ("start", pa.int32()), ("end", pa.int32())])
_EVENT_FIELDS: list[tuple[str, pa.DataType]] = [
    ("id", _STR), ("type", _STR), ("cameo", _STR), ("mode", _STR), ("actor", ACTOR_TYPE),
    ("target", ACTOR_TYPE), ("place", EVENT_PLACE_TYPE), ("date", pa.date32()),
    ("date_precision", _STR), ("killed", pa.int32()), ("injured", pa.int32()), ("status", _STR),
    ("attribution", _STR), ("evidence", EVIDENCE_TYPE), ("confidence", pa.float64()),
]
EVENT_SCHEMA = pa.schema([*_EVENT_FIELDS, ("article_id", _STR), ("url", _STR)])
PLACE_TYPE = pa.struct([("name", _STR), ("start", pa.int32()), ("end", pa.int32()), ("lat", pa.float64()),
                        ("lon", pa.float64()), ("country", _STR), ("admin1", _STR),
                        ("geonameid", pa.int64()), ("precision", _STR)])
ARTICLE_SCHEMA = pa.schema([
    ("id", _STR), ("url", _STR), ("title", _STR), ("published", _STR), ("site", _STR),
    ("language", _STR), ("text", _STR), ("dateline", _STR),
    ("events", pa.list_(pa.struct(_EVENT_FIELDS))), ("places", pa.list_(PLACE_TYPE)),
    ("story_id", _STR), ("duplicate_of", _STR),
])


def to_date(value: Any) -> date | None:
    """``date`` from 'YYYY-MM-DD' (or a longer ISO string); None when absent or malformed."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _typed_event(event: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(event)
    out["date"] = to_date(event.get("date"))
    return out


def event_record(row: Mapping[str, Any]) -> dict[str, Any]:
    """An event row (either shape) ready for :data:`EVENT_SCHEMA`."""
    return _typed_event(nested_event(row))


def article_record(article: Mapping[str, Any]) -> dict[str, Any]:
    """An article dict ready for :data:`ARTICLE_SCHEMA`."""
    out = {f: article.get(f) for f in ARTICLE_SCHEMA.names}
    out["events"] = [_typed_event(e) for e in article.get("events") or []]
    out["places"] = list(article.get("places") or [])
    return out


def batches(records: Iterable[dict[str, Any]], size: int = BATCH_ROWS) -> Iterator[list[dict[str, Any]]]:
    """Lists of up to ``size`` records."""
    batch: list[dict[str, Any]] = []
    for record in records:
        batch.append(record)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def write_records(records: Iterable[dict[str, Any]], schema: pa.Schema, out: IO[bytes] | str) -> int:
    """Write typed records to one Parquet file (an empty input still gives a valid file)."""
    n = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        for batch in batches(records):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n


def write_events(rows: Iterable[Mapping[str, Any]], out: IO[bytes]) -> ExportResult:
    """Events as Parquet with :data:`EVENT_SCHEMA`."""
    return ExportResult(written=write_records((event_record(r) for r in rows), EVENT_SCHEMA, out))


def write_articles(rows: Iterable[Mapping[str, Any]], out: IO[bytes]) -> ExportResult:
    """Articles as Parquet with :data:`ARTICLE_SCHEMA`."""
    return ExportResult(written=write_records((article_record(a) for a in rows), ARTICLE_SCHEMA, out))

"""Exports: one implementation behind `wirewatch export`, `/api/export` and the backfill.

``export_events(rows, fmt, out)`` / ``export_articles(rows, fmt, out)`` write rows in one of
:data:`FORMATS` (jsonl, csv, parquet, geojson, gdelt, acled) and return an :class:`ExportResult`.
"""

from wirewatch.export.base import ExportError, ExportResult
from wirewatch.export.writers import (
           FORMATS,
           ExportFormat,
           export_articles,
           export_events,
           get_format,
           write_rows,
)

__all__ = ["FORMATS", "ExportError", "ExportFormat", "ExportResult", "export_articles", "export_events",
           "get_format", "write_rows"]

"""Exports: one implementation behind `wirewatch export` and `/api/export`."""

from wirewatch.export.writers import FORMATS, write_rows

__all__ = ["FORMATS", "write_rows"]

"""GeoJSON (RFC 7946): a FeatureCollection with one Point feature per event that has coordinates.

Written as a stream (one feature at a time), so exports of any size use constant memory.
Events without ``place.lat``/``place.lon`` are left out and counted (``no coordinates``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from typing import IO, Any

from wirewatch.export.base import ExportResult
from wirewatch.export.rows import EVENT_COLUMNS, flat_event

#: Feature properties: every flat event column except the coordinates (they are the geometry).
PROPERTIES: tuple[str, ...] = tuple(c for c in EVENT_COLUMNS if c not in ("place_lat", "place_lon"))


def feature(row: Mapping[str, Any]) -> dict[str, Any] | None:
    """The event as a Point feature, or None when it has no valid coordinates."""
    flat = flat_event(row)
    lat, lon = flat["place_lat"], flat["place_lon"]
    if not _valid(lat, -90, 90) or not _valid(lon, -180, 180):
        return None
    return {"type": "Feature", "id": flat["id"],
            "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},
            "properties": {k: flat[k] for k in PROPERTIES}}


def _valid(value: Any, low: float, high: float) -> bool:
    return isinstance(value, (int, float)) and math.isfinite(value) and low <= value <= high


def write_events(rows: Iterable[Mapping[str, Any]], out: IO[str]) -> ExportResult:
    """Stream the FeatureCollection to ``out``."""
    result = ExportResult()
    out.write('{"type": "FeatureCollection", "features": [')
    for row in rows:
        item = feature(row)
        if item is None:
            result.omit("no coordinates")
            continue
        out.write(",\n" if result.written else "\n")
        out.write(json.dumps(item, ensure_ascii=False, default=str))
        result.written += 1
    out.write("\n]}\n")
    return result

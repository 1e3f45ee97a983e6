"""GeoJSON exports validate: a structural RFC 7946 check plus a JSON Schema."""

from __future__ import annotations

import io
import json
import math
from typing import Any

import jsonschema
import pytest

from wirewatch.export import export_events
from wirewatch.export.geojson import PROPERTIES

pytestmark = pytest.mark.issue(8)

POINT_COLLECTION_SCHEMA: dict[str, Any] = {
    "type": "object", "required": ["type", "features"],
    "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {"type": "array", "items": {
            "type": "object", "required": ["type", "geometry", "properties"],
            "properties": {
                "type": {"const": "Feature"},
                "id": {"type": ["string", "number"]},
                "geometry": {"type": "object", "required": ["type", "coordinates"], "properties": {
                    "type": {"const": "Point"},
                    "coordinates": {"type": "array", "minItems": 2, "maxItems": 3,
                                    "items": {"type": "number"}}}},
                "properties": {"type": ["object", "null"]},
            }}},
    },
}


def validate_geojson(doc: Any) -> list[str]:
    """Problems with a FeatureCollection of Points (RFC 7946 §3): shape, lon/lat order and ranges."""
    try:
        jsonschema.validate(doc, POINT_COLLECTION_SCHEMA)
    except jsonschema.ValidationError as exc:
        return [exc.message]
    problems = []
    for i, feature in enumerate(doc["features"]):
        lon, lat = feature["geometry"]["coordinates"][:2]
        if not (math.isfinite(lon) and -180 <= lon <= 180 and math.isfinite(lat) and -90 <= lat <= 90):
            problems.append(f"feature {i}: coordinates out of range: {lon}, {lat}")
    return problems


def test_validator_catches_swapped_or_bad_coordinates() -> None:
    bad = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [10, 95]}, "properties": {}}]}
    assert validate_geojson(bad)
    assert validate_geojson({"type": "FeatureCollection"})


def test_geojson_export_validates(events: list[dict[str, Any]]) -> None:
    out = io.StringIO()
    result = export_events(events, "geojson", out)
    doc = json.loads(out.getvalue())
    assert validate_geojson(doc) == []
    assert result.written == 2 and result.omitted == {"no coordinates": 1}


def test_geojson_points_are_lon_lat_with_event_properties(events: list[dict[str, Any]]) -> None:
    out = io.StringIO()
    export_events(events, "geojson", out)
    first = json.loads(out.getvalue())["features"][0]
    assert first["geometry"]["coordinates"] == [45.34375, 2.03711]
    assert tuple(first["properties"]) == PROPERTIES
    assert first["properties"]["type"] == "ASSAULT" and first["id"] == "e1"


def test_geojson_of_nothing_is_an_empty_collection() -> None:
    out = io.StringIO()
    export_events([], "geojson", out)
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}

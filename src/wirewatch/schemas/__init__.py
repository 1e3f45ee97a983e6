"""The published JSON Schema of wirewatch's output (article objects with events and places)."""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any


def article_schema() -> dict[str, Any]:
    """The article JSON Schema (draft 2020-12)."""
    schema: dict[str, Any] = json.loads(files("wirewatch.schemas").joinpath("article.schema.json").read_text())
    return schema


def event_schema() -> dict[str, Any]:
    """The schema of one exported event row (an event with article_id and url)."""
    schema = article_schema()
    return {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": "#/$defs/event"}

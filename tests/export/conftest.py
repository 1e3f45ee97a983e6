"""Event rows for export tests: the store's nested shape, built by hand (no pipeline)."""

from __future__ import annotations

from typing import Any

import pytest


def make_event(event_id: str, **changes: Any) -> dict[str, Any]:
    """A nested export row (event contract + article_id + url) with defaults for every field."""
    row: dict[str, Any] = {
        "id": event_id, "type": "ASSAULT", "cameo": "183", "mode": "explosives",
        "actor": {"name": "al-Shabaab", "country": "SOM", "sector": "rebels"},
        "target": {"name": "civilians", "country": "SOM", "sector": "civilians"},
        "place": {"name": "Mogadishu", "country": "SOM", "lat": 2.03711, "lon": 45.34375,
                  "admin1": "Banaadir", "precision": "point"},
        "date": "2025-03-05", "date_precision": "day", "killed": 14, "injured": 30, "status": "actual",
        "attribution": None,
        "evidence": {"text": "A suicide bomber blew himself up in Mogadishu.", "start": 0, "end": 46},
        "confidence": 0.9, "article_id": "a1", "url": "https://horndispatch.example/x",
    }
    row.update(changes)
    return row


@pytest.fixture()
def event_factory() -> Any:
    """``make_event(id, **changes)``."""
    return make_event


@pytest.fixture()
def events() -> list[dict[str, Any]]:
    """Three events: one with coordinates, one without a place, one negated threat."""
    return [
        make_event("e1"),
        make_event("e2", type="CONSULT", cameo="040", mode=None, place=None, killed=None, injured=None,
                   date="2025-03-06", target={"name": "Kenya", "country": "KEN", "sector": "government"},
                   actor={"name": "Somalia", "country": "SOM", "sector": "government"}),
        make_event("e3", type="THREATEN", cameo="138", mode=None, status="negated", killed=None, injured=None,
                   place={"name": "Somalia", "country": "SOM", "lat": 6.0, "lon": 46.0, "admin1": None,
                          "precision": "country"}),
    ]

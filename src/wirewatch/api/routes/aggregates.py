"""`/api/timeline` and `/api/places/summary`: counts for the timeline and the choropleth."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request

from wirewatch.api.deps import connect, filter_excluding
from wirewatch.api.schemas import PlacesSummary, Timeline
from wirewatch.filters import EventFilter
from wirewatch.storage import api_queries

router = APIRouter(tags=["aggregates"])


@router.get("/api/timeline", response_model=Timeline, summary="Events per day and type")
def get_timeline(request: Request,
                 f: Annotated[EventFilter, Depends(filter_excluding())]) -> dict[str, Any]:
    """Canonical events matching the filter, counted per day and type (`limit`, `cursor`, `sort`
    are ignored)."""
    with connect(request) as conn:
        items = api_queries.timeline(conn, f)
    days = [i["day"] for i in items]
    return {"items": items, "first_day": min(days) if days else None,
            "last_day": max(days) if days else None}


@router.get("/api/places/summary", response_model=PlacesSummary, summary="Events per country/admin1")
def get_places_summary(
    request: Request,
    f: Annotated[EventFilter, Depends(filter_excluding("level"))],
    level: Annotated[Literal["country", "admin1"], Query(description="Group by country or admin1.")]
    = "country",
) -> dict[str, Any]:
    """Canonical events and people killed per place country (or country + admin1), for the
    choropleth; `iso_numeric` matches the world-atlas TopoJSON ids."""
    with connect(request) as conn:
        items = api_queries.places_summary(conn, f, level)
    return {"level": level, "items": items}

"""`/api/events` and `/api/events/{id}`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request

from wirewatch.api.deps import connect, event_filter
from wirewatch.api.problems import not_found
from wirewatch.api.schemas import EventDetail, EventPage, event_out, mention_out
from wirewatch.filters import EventFilter
from wirewatch.storage import api_queries
from wirewatch.storage.queries import query_events

router = APIRouter(tags=["events"])


@router.get("/api/events", response_model=EventPage, summary="Search events")
async def list_events(request: Request, f: Annotated[EventFilter, Depends(event_filter)]) -> dict[str, Any]:
    """Canonical events (one per real-world event) matching the filter, a page at a time.

    Every filter accepts repeated or comma-separated values (`type=ASSAULT&type=PROTEST` or
    `type=ASSAULT,PROTEST`); the same names serve watch rules and `/api/export`.
    The query is a few indexed milliseconds, so it runs on the event loop: no thread hand-off.
    """
    with connect(request) as conn:
        rows, next_cursor = query_events(conn, f)
    return {"items": [event_out(r) for r in rows], "next_cursor": next_cursor,
            "filter": f.model_copy(update={"cursor": None}).to_query()}


@router.get("/api/events/{event_id}", response_model=EventDetail, summary="One event with its reports",
            responses={404: {"description": "No such event"}})
def get_event(request: Request, event_id: str) -> dict[str, Any]:
    """The event, every article's report of it (mentions, each with its evidence) and its sources.

    The id of a merged mention resolves to its canonical event.
    """
    with connect(request) as conn:
        row = api_queries.get_event(conn, event_id)
        if row is None:
            raise not_found("event", event_id)
        mentions = api_queries.event_mentions(conn, row["id"])
        sources = api_queries.article_refs(conn, [m["article_id"] for m in mentions])
    out = event_out(row)
    out["mentions"] = [mention_out(m) for m in mentions]
    out["sources"] = sources
    return out

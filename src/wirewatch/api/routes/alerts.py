"""`/api/alerts` and `/api/alerts/stream` (server-sent events).

The stream polls the ``alerts`` table, so alerts written by another process (``wirewatch watch``)
reach the page within ``api.stream_poll_seconds``. A stream ends after ``api.stream_max_seconds``;
EventSource reconnects by itself and resumes from ``Last-Event-ID``.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from wirewatch.api.deps import connect, get_settings, get_store
from wirewatch.api.schemas import AlertList
from wirewatch.storage import api_queries

router = APIRouter(tags=["alerts"])
KEEPALIVE_SECONDS = 15.0


@router.get("/api/alerts", response_model=AlertList, summary="Recent alerts")
def list_alerts(
    request: Request,
    after_id: Annotated[int, Query(ge=0, description="Only alerts with a larger id.")] = 0,
    rule_id: Annotated[str | None, Query(max_length=64)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    """Alerts, newest first."""
    with connect(request) as conn:
        items = api_queries.list_alerts(conn, after_id=after_id, rule_id=rule_id, limit=limit)
        last_id = api_queries.last_alert_id(conn)
    return {"items": items, "last_id": last_id}


@router.get("/api/alerts/stream", summary="Live alerts (server-sent events)",
            response_class=StreamingResponse,
            responses={200: {"content": {"text/event-stream": {}},
                             "description": "`event: alert` messages; `data` is an alert object "
                                            "as in /api/alerts, `id` its alert id."}})
async def stream_alerts(
    request: Request,
    after_id: Annotated[int | None, Query(ge=0, description="Send alerts after this id "
                                                            "(default: only new ones).")] = None,
    last_event_id: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> StreamingResponse:
    """Alerts as they are recorded, one `alert` event each."""
    start = _start_id(after_id, last_event_id)
    if start is None:
        start = await run_in_threadpool(_last_id, request)
    return StreamingResponse(alert_events(request, start), media_type="text/event-stream",
                             headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})


def _start_id(after_id: int | None, last_event_id: str | None) -> int | None:
    if last_event_id and last_event_id.strip().isdigit():
        return int(last_event_id.strip())
    return after_id


def _last_id(request: Request) -> int:
    with get_store(request).engine.connect() as conn:
        return api_queries.last_alert_id(conn)


def _new_alerts(request: Request, after: int) -> list[dict[str, Any]]:
    with get_store(request).engine.connect() as conn:
        return api_queries.list_alerts(conn, after_id=after, limit=100, newest_first=False)


def format_event(alert: dict[str, Any]) -> str:
    """One server-sent event; JSON data is a single line, so no field can inject another."""
    return f"id: {alert['id']}\nevent: alert\ndata: {json.dumps(alert, default=str)}\n\n"


async def alert_events(request: Request, after: int) -> AsyncIterator[str]:
    """The stream body: new alerts, keep-alive comments, until the client leaves or time is up."""
    api = get_settings(request).api
    deadline = time.monotonic() + api.stream_max_seconds
    quiet_since = time.monotonic()
    yield f"retry: 3000\n: streaming alerts after id {after}\n\n"
    while time.monotonic() < deadline and not await request.is_disconnected():
        for alert in await run_in_threadpool(_new_alerts, request, after):
            after = alert["id"]
            quiet_since = time.monotonic()
            yield format_event(alert)
        if time.monotonic() - quiet_since >= KEEPALIVE_SECONDS:
            quiet_since = time.monotonic()
            yield ": keep-alive\n\n"
        await asyncio.sleep(api.stream_poll_seconds)

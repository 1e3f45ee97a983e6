"""`/api/export`: the matching events in any export format (the writers of `wirewatch export`)."""

from __future__ import annotations

import io
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response

from wirewatch.api.deps import connect, filter_excluding
from wirewatch.api.problems import ApiError
from wirewatch.export import FORMATS, write_rows
from wirewatch.filters import EventFilter
from wirewatch.storage import rows as row_convert
from wirewatch.storage.queries import iter_matching

router = APIRouter(tags=["export"])
MEDIA_TYPES = {"jsonl": "application/x-ndjson", "csv": "text/csv", "geojson": "application/geo+json",
               "json": "application/json", "tsv": "text/tab-separated-values"}
BINARY_FORMATS = frozenset({"parquet", "arrow", "feather"})


@router.get("/api/export", summary="Export events",
            responses={200: {"content": {t: {} for t in MEDIA_TYPES.values()},
                             "description": "The events in the asked format, as an attachment."},
                       400: {"description": "Unknown format or bad filter"}})
def export_events(
    request: Request,
    f: Annotated[EventFilter, Depends(filter_excluding("format"))],
    format: Annotated[str, Query(description="One of the formats of `wirewatch export`.")] = "jsonl",
) -> Response:
    """Every canonical event matching the filter (the event contract plus `article_id` and `url`);
    `limit` and `cursor` are ignored."""
    if format not in FORMATS:
        raise ApiError(400, f"bad value for 'format': unknown export format {format!r}.",
                       hint=f"Use one of: {', '.join(sorted(FORMATS))}.")
    with connect(request) as conn:
        events = (row_convert.event_export_row(r, r["article_url"])
                  for r in iter_matching(conn, f.model_copy(update={"cursor": None})))
        body = _write(events, format)
    media = MEDIA_TYPES.get(format, "application/octet-stream")
    return Response(body, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="events.{format}"'})


def _write(events: Any, fmt: str) -> bytes:
    """Text writers fill a StringIO; binary ones (parquet, ...) a BytesIO."""
    if fmt in BINARY_FORMATS:
        binary = io.BytesIO()
        write_rows(events, fmt, binary)
        return binary.getvalue()
    text = io.StringIO()
    write_rows(events, fmt, text)
    return text.getvalue().encode("utf-8")

"""Event queries built from an :class:`EventFilter` (bound parameters only, never string SQL).

Only canonical events are listed (``merged_into IS NULL``): an event reported by several
articles appears once, with ``mention_count`` and the reconciled figures.
"""

from __future__ import annotations

import base64
import json
import math
from collections.abc import Iterator
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, and_, func, literal_column, or_, select

from wirewatch.filters import EventFilter, FilterError
from wirewatch.storage.schema import articles, events

_SORT_COLUMNS = {"date": events.c.date, "killed": events.c.killed, "published": events.c.published}


def event_day() -> ColumnElement[Any]:
    """The event's date, or its article's publication day when the text gave none ("" if neither).

    A stored column (``events.day``) so that sorting and date filters use an index.
    """
    return events.c.day


def conditions(f: EventFilter) -> list[ColumnElement[bool]]:
    """WHERE clauses for a filter (without pagination)."""
    # canonical rows only; written so that no planner picks the merged_into index for it
    # (almost every row qualifies, so that index would mean scanning and sorting everything)
    conds: list[ColumnElement[bool]] = [func.coalesce(events.c.merged_into, "") == ""]
    day = event_day()
    if f.since:
        conds.append(day >= f.since.isoformat())   # "" (no date at all) sorts before any day
    if f.until:
        conds.append(day <= f.until.isoformat())
    for name, column in (("type", events.c.type), ("mode", events.c.mode), ("status", events.c.status),
                         ("actor_country", events.c.actor_country),
                         ("target_country", events.c.target_country), ("country", events.c.place_country),
                         ("actor_sector", events.c.actor_sector), ("target_sector", events.c.target_sector),
                         ("admin1", events.c.place_admin1), ("story_id", events.c.story_id)):
        values = getattr(f, name)
        if values:
            conds.append(column.in_(values))
    if f.min_killed:    # min_killed=0 selects everything, unknown figures included
        conds.append(killed_key() >= f.min_killed)   # the killed-sort index
    if f.min_injured:
        conds.append(events.c.injured >= f.min_injured)
    if f.bbox is not None:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        conds.append(and_(events.c.place_lat.between(min_lat, max_lat),
                          events.c.place_lon.between(min_lon, max_lon)))
    if f.near is not None:
        lat, lon, km = f.near
        dlat = km / 111.0
        dlon = km / (111.0 * max(0.01, math.cos(math.radians(lat))))
        conds.append(and_(events.c.place_lat.between(lat - dlat, lat + dlat),
                          events.c.place_lon.between(lon - dlon, lon + dlon)))
    if f.q:
        pattern = f"%{f.q.lower()}%"
        conds.append(or_(*(func.lower(c).like(pattern) for c in (
            events.c.evidence_text, events.c.actor_name, events.c.target_name, events.c.place_name,
            events.c.attribution))))
    return conds


def encode_cursor(sort_value: Any, event_id: str) -> str:
    raw = json.dumps([sort_value, event_id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[Any, str]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        value, event_id = json.loads(base64.urlsafe_b64decode(padded.encode()))
        return value, str(event_id)
    except (ValueError, TypeError) as exc:
        raise FilterError("bad value for 'cursor': not a cursor returned by this server.") from exc


def _sort_key(f: EventFilter) -> tuple[ColumnElement[Any], bool]:
    descending = f.sort.startswith("-")
    name = f.sort.lstrip("-")
    if name == "date":
        return event_day(), descending     # never NULL: the (day, id) index gives the order
    if name == "killed":
        return killed_key(), descending
    return func.coalesce(_SORT_COLUMNS[name], ""), descending


def killed_key() -> ColumnElement[Any]:
    """coalesce(killed, -1), written literally so that it matches the expression index."""
    return func.coalesce(events.c.killed, literal_column("-1"))


def select_events(f: EventFilter) -> Select[Any]:
    """SELECT of canonical events with their article URL, sorted and paginated (limit + 1 rows)."""
    key, descending = _sort_key(f)
    query = (select(events, articles.c.url.label("article_url"), key.label("sort_value"))
             .join(articles, articles.c.id == events.c.article_id)
             .where(*conditions(f)))
    # ties are broken by id: ascending for dates (one day reads in id order), in the key's own
    # direction for casualty sorts, so that the (coalesce(killed, -1), id) index gives the order
    id_descending = descending and not f.sort.endswith("date")
    if f.cursor:
        value, last_id = decode_cursor(f.cursor)
        tie = events.c.id < last_id if id_descending else events.c.id > last_id
        ahead = key < value if descending else key > value
        query = query.where(ahead | ((key == value) & tie))
    order = key.desc() if descending else key.asc()
    return query.order_by(order, events.c.id.desc() if id_descending else events.c.id).limit(f.limit + 1)


def query_events(conn: Connection, f: EventFilter) -> tuple[list[dict[str, Any]], str | None]:
    """One page of matching events (flat rows) and the cursor of the next page, if any."""
    rows = [dict(r) for r in conn.execute(select_events(f)).mappings()]
    if f.near is not None:
        from wirewatch.filters import distance_km

        lat, lon, km = f.near
        rows = [r for r in rows if distance_km(lat, lon, r["place_lat"], r["place_lon"]) <= km]
    next_cursor = None
    if len(rows) > f.limit:
        rows = rows[: f.limit]
        last = rows[-1]
        next_cursor = encode_cursor(last["sort_value"], last["id"])
    for row in rows:
        row.pop("sort_value", None)
    return rows, next_cursor


def iter_matching(conn: Connection, f: EventFilter, page: int = 1000) -> Iterator[dict[str, Any]]:
    """Every matching event, page by page (exports)."""
    current = f.model_copy(update={"limit": page})
    while True:
        rows, cursor = query_events(conn, current)
        yield from rows
        if cursor is None:
            return
        current = current.model_copy(update={"cursor": cursor})

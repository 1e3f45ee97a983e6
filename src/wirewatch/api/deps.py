"""Shared route dependencies: the store, the settings, and the event filter parameters.

The filter parameters are declared here (so OpenAPI documents them) but parsed by
:meth:`EventFilter.from_params` from the raw query string, so `/api/events`, watch rules and
exports accept exactly the same names and values (repeated or comma-separated).
"""

from __future__ import annotations

import inspect
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated

from fastapi import Query, Request
from sqlalchemy import Connection

from wirewatch.config import Settings
from wirewatch.filters import EventFilter
from wirewatch.storage.sql import SQLStore

ListParam = Annotated[list[str] | None, Query()]


def get_store(request: Request) -> SQLStore:
    store: SQLStore = request.app.state.store
    return store


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


@contextmanager
def connect(request: Request) -> Iterator[Connection]:
    """A read connection to the app's database."""
    with get_store(request).engine.connect() as conn:
        yield conn


def filter_from_request(request: Request, *, exclude: tuple[str, ...] = ()) -> EventFilter:
    """The :class:`EventFilter` of the request's query string; raises FilterError (400)."""
    params: dict[str, list[str]] = defaultdict(list)
    for key, value in request.query_params.multi_items():
        if key not in exclude:
            params[key].append(value)
    return EventFilter.from_params(params)


def event_filter(
    request: Request,
    since: Annotated[str | None, Query(description="First day (YYYY-MM-DD), inclusive.")] = None,
    until: Annotated[str | None, Query(description="Last day (YYYY-MM-DD), inclusive.")] = None,
    type: Annotated[list[str] | None, Query(description="PLOVER type(s), e.g. ASSAULT,PROTEST.")] = None,
    mode: Annotated[list[str] | None, Query(description="PLOVER mode(s), e.g. explosives.")] = None,
    status: Annotated[list[str] | None, Query(description="actual, threatened, claimed, alleged, "
                                                          "denied, negated, hypothetical.")] = None,
    actor_country: Annotated[list[str] | None, Query(description="ISO 3166-1 alpha-3 of the actor.")] = None,
    target_country: Annotated[list[str] | None, Query(description="ISO alpha-3 of the target.")] = None,
    country: Annotated[list[str] | None, Query(description="ISO alpha-3 of the event's place.")] = None,
    actor_sector: ListParam = None,
    target_sector: ListParam = None,
    admin1: Annotated[list[str] | None, Query(description="First-level region of the place.")] = None,
    bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat")] = None,
    near: Annotated[str | None, Query(description="lat,lon,radius_km")] = None,
    q: Annotated[str | None, Query(description="Text in evidence, actor, target, place, attribution.")] = None,
    min_killed: Annotated[str | None, Query(description="At least this many killed.")] = None,
    min_injured: Annotated[str | None, Query(description="At least this many injured.")] = None,
    story_id: ListParam = None,
    limit: Annotated[str | None, Query(description="Page size, 1-10000 (default 100).")] = None,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page.")] = None,
    sort: Annotated[str | None, Query(description="date, -date (default), killed, -killed, "
                                                  "published, -published.")] = None,
) -> EventFilter:
    """Dependency: the event filter (every parameter above; unknown names are a 400)."""
    return filter_from_request(request)


def filter_excluding(*names: str) -> Callable[..., EventFilter]:
    """Like :func:`event_filter`, for routes with their own extra parameters (``names``)."""

    def dependency(request: Request, **_: object) -> EventFilter:
        return filter_from_request(request, exclude=names)

    dependency.__signature__ = inspect.signature(event_filter)  # type: ignore[attr-defined]
    return dependency

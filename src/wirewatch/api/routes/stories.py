"""`/api/stories` and `/api/stories/{id}`: clusters of articles about one developing story."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from wirewatch.api.deps import connect
from wirewatch.api.problems import not_found
from wirewatch.api.schemas import StoryDetail, StoryList, event_out
from wirewatch.storage import api_queries

router = APIRouter(tags=["stories"])


@router.get("/api/stories", response_model=StoryList, summary="List stories")
def list_stories(
    request: Request,
    q: Annotated[str | None, Query(max_length=200, description="Text in the story title.")] = None,
    country: Annotated[str | None, Query(pattern="^[A-Za-z]{3}$", description="ISO alpha-3.")] = None,
    since: Annotated[date | None, Query(description="Active on or after this day.")] = None,
    until: Annotated[date | None, Query(description="First seen on or before this day.")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    """Stories, most recently active first."""
    with connect(request) as conn:
        items = api_queries.list_stories(conn, q=q, country=country,
                                         since=since.isoformat() if since else None,
                                         until=until.isoformat() if until else None,
                                         limit=limit, offset=offset)
    return {"items": items}


@router.get("/api/stories/{story_id}", response_model=StoryDetail, summary="One story",
            responses={404: {"description": "No such story"}})
def get_story(request: Request, story_id: str) -> dict[str, Any]:
    """The story with its articles (sources) and canonical events."""
    with connect(request) as conn:
        story = api_queries.get_story(conn, story_id)
        if story is None:
            raise not_found("story", story_id)
        story["articles"] = api_queries.story_articles(conn, story_id)
        story["events"] = [event_out(r) for r in api_queries.story_events(conn, story_id)]
    return story

"""Response and request models of the REST API, kept apart from table rows.

The shapes follow the JSON contract of docs/output-format.md; the converters at the end build
them from the flat rows that :mod:`wirewatch.storage.queries` and ``api_queries`` return.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Problem(BaseModel):
    """An error (RFC 9457 problem details, plus ``error``/``hint`` as in STYLE §4)."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    error: str
    hint: str | None = None
    instance: str | None = None


class ActorOut(BaseModel):
    name: str | None = None
    country: str | None = None
    sector: str | None = None


class PlaceOut(BaseModel):
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    precision: str | None = None


class EvidenceOut(BaseModel):
    text: str
    start: int
    end: int


class ArticleRef(BaseModel):
    """A short article record: where an event was reported."""

    id: str
    title: str | None = None
    url: str | None = None
    site: str | None = None
    published: str | None = None
    story_id: str | None = None


class ContractEventOut(BaseModel):
    """An event as coded in its article (the JSON contract)."""

    id: str
    type: str
    cameo: str | None = None
    mode: str | None = None
    actor: ActorOut
    target: ActorOut
    place: PlaceOut | None = None
    date: str | None = None
    date_precision: str | None = None
    killed: int | None = None
    injured: int | None = None
    status: str
    attribution: str | None = None
    evidence: EvidenceOut
    confidence: float
    mentions: list[EvidenceOut] = Field(default_factory=list,
                                        description="Other sentences of the article that report this event.")


class EventOut(ContractEventOut):
    """A canonical event (one per real-world event, with the reconciled figures)."""

    killed_min: int | None = None
    killed_max: int | None = None
    article_id: str
    url: str | None = None
    story_id: str | None = None
    mention_count: int = 1
    published: str | None = None


class EventPage(BaseModel):
    """One page of events; pass ``next_cursor`` as ``cursor`` for the next one."""

    items: list[EventOut]
    next_cursor: str | None = None
    filter: str = Field(description="The filter as a query string (usable as a watch rule).")


class MentionOut(EventOut):
    """One article's report of an event, with the article it came from."""

    article: ArticleRef


class EventDetail(EventOut):
    """An event with every report of it and the list of its sources."""

    mentions: list[MentionOut]
    sources: list[ArticleRef]


class ArticlePlaceOut(BaseModel):
    name: str
    start: int
    end: int
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    geonameid: int | None = None
    precision: str | None = None


class ArticleOut(BaseModel):
    """An article with its text, events and places (the JSON contract plus store fields)."""

    id: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    site: str | None = None
    language: str | None = None
    text: str
    dateline: str | None = None
    events: list[ContractEventOut]
    places: list[ArticlePlaceOut]
    story_id: str | None = None
    duplicate_of: str | None = None


class ArticleSubmit(BaseModel):
    """``{"url": ...}`` to fetch a page, or ``{"url": ..., "html": ...}`` to process given HTML."""

    model_config = ConfigDict(extra="forbid")
    url: str = Field(min_length=1, max_length=4096, description="The article URL (http or https).")
    html: str | None = Field(None, description="The page's HTML; when absent the URL is fetched.")
    published: str | None = Field(None, description="Publication date YYYY-MM-DD, when the page lacks it.")


class ArticleSubmitted(BaseModel):
    article: ArticleOut
    added: bool = Field(description="False when the article was already stored.")


class StoryOut(BaseModel):
    id: str
    title: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None
    article_count: int = 0
    countries: list[str] = Field(default_factory=list)
    top_actors: list[str] = Field(default_factory=list)


class StoryList(BaseModel):
    items: list[StoryOut]


class StoryDetail(StoryOut):
    articles: list[ArticleRef]
    events: list[EventOut]


class PlaceCount(BaseModel):
    country: str
    country_name: str | None = None
    iso_numeric: str | None = Field(None, description="ISO 3166-1 numeric, as world-atlas ids are.")
    admin1: str | None = None
    events: int
    killed: int


class PlacesSummary(BaseModel):
    level: Literal["country", "admin1"]
    items: list[PlaceCount]


class TimelineBucket(BaseModel):
    day: str
    type: str
    count: int
    killed: int


class Timeline(BaseModel):
    items: list[TimelineBucket]
    first_day: str | None = None
    last_day: str | None = None


class AlertOut(BaseModel):
    id: int
    rule_id: str
    rule_name: str | None = None
    kind: str
    dedupe_key: str
    fired_at: str | None = None
    event_ids: list[str] = Field(default_factory=list)
    story_id: str | None = None
    payload: Any = None
    delivery_status: Any = None


class AlertList(BaseModel):
    items: list[AlertOut]
    last_id: int = Field(description="The newest alert id; stream from it with Last-Event-ID.")


class RuleIn(BaseModel):
    """A watch rule: an event filter (the names of /api/events) and how to deliver its alerts."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=200)
    kind: Literal["match", "spike"] = "match"
    query: str = Field("", max_length=4000, description="e.g. type=ASSAULT&country=EGY&min_killed=10")
    params: dict[str, Any] = Field(default_factory=dict, description="Spike settings (group_by, z, ...).")
    deliveries: dict[str, Any] = Field(default_factory=dict, description='e.g. {"webhooks": [...]}')
    enabled: bool = True


class RuleOut(RuleIn):
    id: str
    created_at: str | None = None
    updated_at: str | None = None


class RuleList(BaseModel):
    items: list[RuleOut]


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    database: str
    counts: dict[str, int]
    write_enabled: bool = Field(description="True when an API token is configured.")
    read_requires_token: bool = False


# ----- converters ---------------------------------------------------------------------------------

def event_out(row: Mapping[str, Any]) -> dict[str, Any]:
    """A flat ``events`` row (plus ``article_url``) in the nested API shape."""
    place = None
    if any(row.get(k) is not None for k in ("place_name", "place_country", "place_lat")):
        place = {k: row.get(f"place_{k}") for k in ("name", "country", "lat", "lon", "admin1", "precision")}
    return {
        "id": row["id"], "type": row["type"], "cameo": row.get("cameo"), "mode": row.get("mode"),
        "actor": {k: row.get(f"actor_{k}") for k in ("name", "country", "sector")},
        "target": {k: row.get(f"target_{k}") for k in ("name", "country", "sector")},
        "place": place, "date": row.get("date"), "date_precision": row.get("date_precision"),
        "killed": row.get("killed"), "injured": row.get("injured"),
        "killed_min": row.get("killed_min"), "killed_max": row.get("killed_max"),
        "status": row["status"], "attribution": row.get("attribution"),
        "evidence": {"text": row["evidence_text"], "start": row["evidence_start"],
                     "end": row["evidence_end"]},
        "mentions": list(row.get("mentions") or []),
        "confidence": row["confidence"], "article_id": row["article_id"], "url": row.get("article_url"),
        "story_id": row.get("story_id"), "mention_count": row.get("mention_count") or 1,
        "published": row.get("published"),
    }


def mention_out(row: Mapping[str, Any]) -> dict[str, Any]:
    out = event_out(row)
    out["article"] = {"id": row["article_id"], "title": row.get("article_title"),
                      "url": row.get("article_url"), "site": row.get("article_site"),
                      "published": row.get("published")}
    return out

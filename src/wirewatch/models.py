"""The vocabulary of wirewatch: documents, articles, events, places, actors.

These are plain dataclasses; ``to_dict`` gives the JSON contract published in
``schemas/article.schema.json`` (see docs/output-format.md).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

STATUSES: tuple[str, ...] = (
    "actual", "threatened", "claimed", "alleged", "denied", "negated", "hypothetical",
)
Status = Literal["actual", "threatened", "claimed", "alleged", "denied", "negated", "hypothetical"]

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

#: Place precision, from the most to the least specific.
PRECISIONS: tuple[str, ...] = ("point", "admin2", "admin1", "region", "country", "continent")
DATE_PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year")


@dataclass(frozen=True, slots=True)
class Document:
    """Raw input before extraction: one page, file or archive record."""

    uri: str                      # where it came from (path, URL, warc://file#offset)
    content: bytes
    content_type: str | None = None   # e.g. "text/html", "text/plain"
    url: str | None = None        # the article URL, when known (overrides canonical link)
    published: date | datetime | None = None   # publication date given by the caller/feed
    fetched_at: datetime | None = None
    source: str | None = None     # the feed/site/source id it came through


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts or is acted upon. ``country`` is ISO 3166-1 alpha-3; ``sector`` a PLOVER-style word."""

    name: str | None = None
    country: str | None = None
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class EventPlace:
    """Where an event happened."""

    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    precision: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence supporting an event; ``start``/``end`` are offsets into the article text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Place:
    """A place mention found in the article text, resolved against the gazetteer."""

    name: str
    start: int
    end: int
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    geonameid: int | None = None
    precision: str | None = None

    def as_event_place(self) -> EventPlace:
        return EventPlace(self.name, self.country, self.lat, self.lon, self.admin1, self.precision)


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: who did what to whom, where, when, how many, how certain, says whom."""

    id: str
    type: str
    cameo: str | None
    mode: str | None
    actor: Actor
    target: Actor
    place: EventPlace | None
    date: str | None
    date_precision: str | None
    killed: int | None
    injured: int | None
    status: str
    attribution: str | None
    evidence: Evidence
    confidence: float
    #: the other sentences of the article that report this event (restatements, tolls, claims)
    mentions: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        out["mentions"] = list(out["mentions"])
        return out


@dataclass(slots=True)
class Article:
    """An extracted article with what the pipeline found in it."""

    id: str
    url: str | None
    title: str | None
    published: str | None          # ISO date or datetime
    site: str | None
    language: str | None
    text: str
    dateline: str | None = None
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    content_hash: str = ""
    source_uri: str | None = None
    story_id: str | None = None
    duplicate_of: str | None = None

    def published_date(self) -> date | None:
        """The publication day, or None."""
        if not self.published:
            return None
        try:
            return date.fromisoformat(self.published[:10])
        except ValueError:
            return None

    def to_dict(self, *, store_fields: bool = False) -> dict[str, Any]:
        """The JSON contract. ``store_fields`` adds ``story_id`` and ``duplicate_of``."""
        out: dict[str, Any] = {
            "id": self.id, "url": self.url, "title": self.title, "published": self.published,
            "site": self.site, "language": self.language, "text": self.text,
            "dateline": self.dateline,
            "events": [e.to_dict() for e in self.events],
            "places": [dataclasses.asdict(p) for p in self.places],
        }
        if store_fields:
            out["story_id"] = self.story_id
            out["duplicate_of"] = self.duplicate_of
        return out


@dataclass(frozen=True, slots=True)
class Failure:
    """An item that a stage could not handle; the run goes on without it."""

    stage: str
    item: str
    reason: str

"""Conversion between model objects and table rows."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wirewatch.models import Actor, Article, Event, EventPlace, Evidence, Place

_ARTICLE_FIELDS = ("id", "url", "title", "published", "site", "language", "text", "dateline",
                   "content_hash", "source_uri", "story_id", "duplicate_of")


def article_row(article: Article, seq: int) -> dict[str, Any]:
    row = {f: getattr(article, f) for f in _ARTICLE_FIELDS}
    row["seq"] = seq
    return row


def event_row(event: Event, article_id: str, published: str | None = None) -> dict[str, Any]:
    """The events-table row; ``day`` is the event date, else the publication day (for sorting)."""
    place = event.place or EventPlace()
    return {
        "id": event.id, "article_id": article_id, "type": event.type, "cameo": event.cameo,
        "mode": event.mode,
        "actor_name": event.actor.name, "actor_country": event.actor.country,
        "actor_sector": event.actor.sector,
        "target_name": event.target.name, "target_country": event.target.country,
        "target_sector": event.target.sector,
        "place_name": place.name, "place_country": place.country, "place_lat": place.lat,
        "place_lon": place.lon, "place_admin1": place.admin1, "place_precision": place.precision,
        "date": event.date, "date_precision": event.date_precision,
        "killed": event.killed, "injured": event.injured, "status": event.status,
        "attribution": event.attribution, "evidence_text": event.evidence.text,
        "evidence_start": event.evidence.start, "evidence_end": event.evidence.end,
        "mentions": [{"text": m.text, "start": m.start, "end": m.end} for m in event.mentions] or None,
        "confidence": event.confidence, "killed_min": event.killed, "killed_max": event.killed,
        "published": published, "day": event.date or (published or "")[:10],
    }


def place_row(place: Place, article_id: str, idx: int) -> dict[str, Any]:
    return {"article_id": article_id, "idx": idx, "name": place.name, "start": place.start,
            "end": place.end, "lat": place.lat, "lon": place.lon, "country": place.country,
            "admin1": place.admin1, "geonameid": place.geonameid, "precision": place.precision}


def event_from_row(row: Mapping[str, Any]) -> Event:
    place = None
    if any(row[k] is not None for k in ("place_name", "place_country", "place_lat")):
        place = EventPlace(row["place_name"], row["place_country"], row["place_lat"], row["place_lon"],
                           row["place_admin1"], row["place_precision"])
    return Event(
        id=row["id"], type=row["type"], cameo=row["cameo"], mode=row["mode"],
        actor=Actor(row["actor_name"], row["actor_country"], row["actor_sector"]),
        target=Actor(row["target_name"], row["target_country"], row["target_sector"]),
        place=place, date=row["date"], date_precision=row["date_precision"], killed=row["killed"],
        injured=row["injured"], status=row["status"], attribution=row["attribution"],
        evidence=Evidence(row["evidence_text"], row["evidence_start"], row["evidence_end"]),
        confidence=row["confidence"],
        mentions=tuple(Evidence(m["text"], m["start"], m["end"]) for m in row.get("mentions") or ()),
    )


def place_from_row(row: Mapping[str, Any]) -> Place:
    return Place(row["name"], row["start"], row["end"], row["lat"], row["lon"], row["country"],
                 row["admin1"], row["geonameid"], row["precision"])


def article_from_row(row: Mapping[str, Any], events: list[Event], places: list[Place]) -> Article:
    return Article(**{f: row[f] for f in _ARTICLE_FIELDS}, events=events, places=places)


def event_export_row(row: Mapping[str, Any], url: str | None) -> dict[str, Any]:
    """The event contract plus the article it came from."""
    out = event_from_row(row).to_dict()
    out["article_id"] = row["article_id"]
    out["url"] = url
    return out

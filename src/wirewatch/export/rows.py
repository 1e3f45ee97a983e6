"""Event and article rows in the two shapes exports accept: nested (the JSON contract) and flat.

The store's ``iter_event_rows`` yields the nested contract plus ``article_id`` and ``url``;
``/api/events`` queries yield flat table rows (``actor_name``, ``place_lat``...). Every writer
normalises through here, so any of them takes either shape.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: The flat event columns, in order (CSV header; names of the ``events`` table).
EVENT_COLUMNS: tuple[str, ...] = (
    "id", "article_id", "url", "type", "cameo", "mode",
    "actor_name", "actor_country", "actor_sector", "target_name", "target_country", "target_sector",
    "place_name", "place_country", "place_lat", "place_lon", "place_admin1", "place_precision",
    "date", "date_precision", "killed", "injured", "status", "attribution",
    "evidence_text", "evidence_start", "evidence_end", "confidence",
)
#: The article columns that are scalars (CSV adds ``events`` and ``places`` as JSON text).
ARTICLE_SCALARS: tuple[str, ...] = (
    "id", "url", "title", "published", "site", "language", "text", "dateline", "story_id", "duplicate_of",
)
_ACTOR = ("name", "country", "sector")
_PLACE = ("name", "country", "lat", "lon", "admin1", "precision")
_EVIDENCE = ("text", "start", "end")
_SCALARS = ("id", "type", "cameo", "mode", "date", "date_precision", "killed", "injured", "status",
            "attribution", "confidence")


def is_nested(row: Mapping[str, Any]) -> bool:
    """True for the JSON-contract shape (``actor`` is an object)."""
    return isinstance(row.get("actor"), Mapping)


def flat_event(row: Mapping[str, Any]) -> dict[str, Any]:
    """The event as one flat dict with exactly :data:`EVENT_COLUMNS`."""
    if not is_nested(row):
        return {c: row.get(c) for c in EVENT_COLUMNS}
    out: dict[str, Any] = {c: row.get(c) for c in ("id", "article_id", "url", *_SCALARS)}
    for role in ("actor", "target"):
        sub = row.get(role) or {}
        out.update({f"{role}_{k}": sub.get(k) for k in _ACTOR})
    place = row.get("place") or {}
    out.update({f"place_{k}": place.get(k) for k in _PLACE})
    evidence = row.get("evidence") or {}
    out.update({f"evidence_{k}": evidence.get(k) for k in _EVIDENCE})
    return {c: out.get(c) for c in EVENT_COLUMNS}


def nested_event(row: Mapping[str, Any]) -> dict[str, Any]:
    """The event contract (plus ``article_id`` and ``url``) from either shape."""
    flat = flat_event(row)
    out: dict[str, Any] = {k: flat[k] for k in ("id", "type", "cameo", "mode")}
    for role in ("actor", "target"):
        out[role] = {k: flat[f"{role}_{k}"] for k in _ACTOR}
    place = {k: flat[f"place_{k}"] for k in _PLACE}
    out["place"] = place if any(v is not None for v in place.values()) else None
    out.update({k: flat[k] for k in ("date", "date_precision", "killed", "injured", "status",
                                     "attribution")})
    out["evidence"] = {k: flat[f"evidence_{k}"] for k in _EVIDENCE}
    out["confidence"] = flat["confidence"]
    out["article_id"] = flat["article_id"]
    out["url"] = flat["url"]
    return out


def event_rows_of_article(article: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The export rows of an article dict's events (each with ``article_id`` and ``url``)."""
    rows = []
    for event in article.get("events") or []:
        row = dict(event)
        row["article_id"] = article.get("id")
        row["url"] = article.get("url")
        rows.append(row)
    return rows

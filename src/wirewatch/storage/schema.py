"""Tables. Alembic migrations under ``wirewatch/migrations`` create and evolve them."""

from __future__ import annotations

from sqlalchemy import (JSON, Column, DateTime, Float, ForeignKey, Index, Integer, MetaData, String, Table,
                        Text, UniqueConstraint, func, literal_column)

metadata = MetaData()

articles = Table(
    "articles", metadata,
    Column("id", String(32), primary_key=True),
    Column("seq", Integer, nullable=False, index=True),          # arrival order
    Column("url", Text),
    Column("title", Text),
    Column("published", String(40), index=True),
    Column("site", Text),
    Column("language", String(16)),
    Column("text", Text, nullable=False),
    Column("dateline", Text),
    Column("content_hash", String(64), nullable=False, index=True),
    Column("source_uri", Text),
    Column("story_id", String(32), index=True),
    Column("duplicate_of", String(32)),
    Column("ingested_at", DateTime(timezone=True), server_default=func.now()),
)

events = Table(
    "events", metadata,
    Column("id", String(32), primary_key=True),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("type", String(16), nullable=False, index=True),
    Column("cameo", String(8)),
    Column("mode", String(32)),
    Column("actor_name", Text), Column("actor_country", String(3), index=True), Column("actor_sector", Text),
    Column("target_name", Text), Column("target_country", String(3), index=True),
    Column("target_sector", Text),
    Column("place_name", Text), Column("place_country", String(3), index=True),
    Column("place_lat", Float), Column("place_lon", Float), Column("place_admin1", Text),
    Column("place_precision", String(16)),
    Column("date", String(10), index=True),
    Column("date_precision", String(8)),
    Column("killed", Integer), Column("injured", Integer),
    Column("status", String(16), nullable=False, index=True),
    Column("attribution", Text),
    Column("evidence_text", Text, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("confidence", Float, nullable=False),
    # cross-article merging (stories issue): a mention points at its canonical event;
    # canonical events (merged_into IS NULL) carry the reconciled figures.
    Column("merged_into", String(32), index=True),
    Column("mention_count", Integer, nullable=False, server_default="1"),
    Column("killed_min", Integer), Column("killed_max", Integer),
    Column("story_id", String(32), index=True),
    Column("published", String(40)),        # the article's publication date, for ordering mentions
    # migration 0002_cluster: what this row's own article reported, once the row became the
    # canonical row of a merged event (killed/status then hold the reconciled values)
    Column("reported_killed", Integer), Column("reported_status", String(16)),
    # the event's day for sorting and date filters: its date, else its article's publication day, else ""
    Column("day", String(10), nullable=False, server_default=""),
    # migration 0004_mentions: the other sentences of the article that report the event
    Column("mentions", JSON),
)

stories = Table(
    "stories", metadata,
    Column("id", String(32), primary_key=True),
    Column("title", Text),
    Column("first_seen", String(40), index=True),
    Column("last_seen", String(40), index=True),
    Column("article_count", Integer, nullable=False, server_default="0"),
    Column("countries", Text),      # JSON list of ISO3 codes
    Column("top_actors", Text),     # JSON list of names
)

places = Table(
    "places", metadata,
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("lat", Float), Column("lon", Float),
    Column("country", String(3), index=True), Column("admin1", Text),
    Column("geonameid", Integer), Column("precision", String(16)),
)

failures = Table(
    "failures", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("stage", String(64), nullable=False),
    Column("item", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), server_default=func.now()),
)

rules = Table(
    "rules", metadata,
    Column("id", String(32), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False, server_default="match"),   # match | spike
    Column("query", Text, nullable=False, server_default=""),             # EventFilter query string
    Column("params", Text),          # JSON: spike settings (group_by, window_hours, z, min_count, ...)
    Column("deliveries", Text),      # JSON: {"webhooks": [...], "emails": [...], "digest": "hourly"|...}
    Column("enabled", Integer, nullable=False, server_default="1"),
    Column("created_at", DateTime(timezone=True), server_default=func.now()),
    Column("updated_at", DateTime(timezone=True), server_default=func.now()),
)

alerts = Table(
    "alerts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("rule_id", String(32), nullable=False, index=True),
    Column("dedupe_key", Text, nullable=False),   # event id, or "<group>@<window>" for spikes
    Column("kind", String(16), nullable=False),
    Column("fired_at", DateTime(timezone=True), server_default=func.now(), index=True),
    Column("event_ids", Text),       # JSON list
    Column("story_id", String(32)),
    Column("payload", Text),         # JSON: what deliveries send
    Column("delivery_status", Text), # JSON: per delivery outcome
    UniqueConstraint("rule_id", "dedupe_key", name="uq_alerts_rule_dedupe"),
)

Index("ix_events_type_date", events.c.type, events.c.date)
Index("ix_events_day_id", events.c.day, events.c.id)
Index("ix_events_type_day", events.c.type, events.c.day)
Index("ix_events_place_country_day", events.c.place_country, events.c.day)
Index("ix_events_killed", events.c.killed)
Index("ix_events_status_day", events.c.status, events.c.day)
Index("ix_events_actor_country_day", events.c.actor_country, events.c.day)
Index("ix_events_target_country_day", events.c.target_country, events.c.day)
Index("ix_events_killed_sort", func.coalesce(events.c.killed, literal_column("-1")), events.c.id)

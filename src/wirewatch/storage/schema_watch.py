"""Tables of the watch loop (migration 0003_watch): sources with leases, fetch state, digests.

``rules`` and ``alerts`` live in :mod:`wirewatch.storage.schema` (migration 0001).
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Index, Integer, String, Table, Text, UniqueConstraint, func

from wirewatch.storage.schema import metadata

#: One row per watched source. A worker owns a due source while ``lease_until`` is in the future;
#: a dead worker's lease simply expires.
sources = Table(
    "sources", metadata,
    Column("id", String(32), primary_key=True),
    Column("kind", String(16), nullable=False),          # feed | sitemap | page | folder | auto
    Column("location", Text, nullable=False),            # URL or folder path
    Column("name", Text),
    Column("interval_seconds", Integer, nullable=False, server_default="300"),
    Column("enabled", Integer, nullable=False, server_default="1"),
    Column("next_due_at", DateTime(timezone=True), nullable=False, index=True),
    Column("lease_owner", String(128)),
    Column("lease_until", DateTime(timezone=True)),
    Column("last_polled_at", DateTime(timezone=True)),
    Column("last_error", Text),
    Column("error_count", Integer, nullable=False, server_default="0"),
    Column("poll_count", Integer, nullable=False, server_default="0"),
    Column("created_at", DateTime(timezone=True), server_default=func.now()),
)

#: What we know about every URL (or local file) fetched: for conditional GET and "seen before".
fetch_state = Table(
    "fetch_state", metadata,
    Column("url", Text, primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_status", Integer),
    Column("fetched_at", DateTime(timezone=True)),
    Column("content_hash", String(64)),
)

#: One row per digest sent, so a period is summarised once even with several workers.
digests = Table(
    "digests", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("channel", Text, nullable=False),             # "hourly" | "daily"
    Column("period_start", DateTime(timezone=True), nullable=False),
    Column("alert_count", Integer, nullable=False, server_default="0"),
    Column("sent_at", DateTime(timezone=True), server_default=func.now()),
    UniqueConstraint("channel", "period_start", name="uq_digests_channel_period"),
)

Index("ix_sources_due", sources.c.enabled, sources.c.next_due_at)

"""The sources table: which sources exist, which are due, and which worker holds each one.

A worker leases due sources for ``lease_seconds``; on PostgreSQL the candidates are picked
with ``SELECT … FOR UPDATE SKIP LOCKED`` so concurrent workers never wait on or take each
other's rows. The lease itself is a conditional UPDATE stamped with a per-lease token, so
even SQLite (which ignores FOR UPDATE) never hands one source to two workers. A worker that
dies simply lets its leases expire.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, and_, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from wirewatch.fetch.state import to_db
from wirewatch.storage.schema_watch import sources


@dataclass(frozen=True, slots=True)
class SourceSpec:
    """A source to watch, as configured."""

    location: str
    kind: str = "auto"
    name: str | None = None
    interval: float = 300.0

    @property
    def id(self) -> str:
        return source_id(self.location)


def source_id(location: str) -> str:
    return hashlib.sha1(f"source:{location.strip()}".encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Lease:
    """A source held by this worker until ``until``."""

    id: str
    kind: str
    location: str
    name: str | None
    interval: float
    last_error: str | None
    error_count: int
    token: str
    until: datetime

    @property
    def label(self) -> str:
        return self.name or self.location


class SourceLeases:
    """Register sources, lease the due ones, release them with the outcome of the poll."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def sync(self, specs: list[SourceSpec], now: datetime) -> None:
        """Add new sources (due now); update kind, name and interval of known ones."""
        if not specs:
            return
        insert = postgresql.insert if self.engine.dialect.name == "postgresql" else sqlite.insert
        with self.engine.begin() as conn:
            for spec in specs:
                values = {"id": spec.id, "kind": spec.kind, "location": spec.location, "name": spec.name,
                          "interval_seconds": max(1, round(spec.interval)), "next_due_at": to_db(now)}
                stmt = insert(sources).values(values).on_conflict_do_update(
                    index_elements=[sources.c.id],
                    set_={"kind": spec.kind, "name": spec.name, "interval_seconds": values["interval_seconds"],
                          "enabled": 1})
                conn.execute(stmt)

    def lease(self, owner: str, now: datetime, ttl: float, limit: int) -> list[Lease]:
        """Up to ``limit`` due sources, now held by ``owner`` until ``now + ttl``."""
        token = f"{owner[:90]}#{uuid.uuid4().hex[:12]}"
        until = now + timedelta(seconds=ttl)
        free = or_(sources.c.lease_until.is_(None), sources.c.lease_until < to_db(now))
        due = and_(sources.c.enabled == 1, sources.c.next_due_at <= to_db(now), free)
        pick = select(sources.c.id).where(due).order_by(sources.c.next_due_at).limit(limit)
        if self.engine.dialect.name == "postgresql":
            pick = pick.with_for_update(skip_locked=True)
        with self.engine.begin() as conn:
            ids = [r[0] for r in conn.execute(pick)]
            if not ids:
                return []
            conn.execute(update(sources).where(sources.c.id.in_(ids), due)
                         .values(lease_owner=token, lease_until=to_db(until)))
            rows = conn.execute(select(sources).where(sources.c.lease_owner == token)).mappings().all()
        return [Lease(r["id"], r["kind"], r["location"], r["name"], float(r["interval_seconds"]),
                      r["last_error"], int(r["error_count"]), token, until) for r in rows]

    def release(self, lease: Lease, now: datetime, *, error: str | None, max_backoff: float) -> None:
        """Give the source back, due again after its interval (longer after repeated errors)."""
        errors = lease.error_count + 1 if error else 0
        wait = lease.interval * (2 ** min(errors, 10) if errors > 1 else 1)
        wait = min(max(wait, 1.0), max(max_backoff, lease.interval))
        with self.engine.begin() as conn:
            conn.execute(update(sources).where(sources.c.id == lease.id, sources.c.lease_owner == lease.token)
                         .values(lease_owner=None, lease_until=None, last_polled_at=to_db(now),
                                 next_due_at=to_db(now + timedelta(seconds=wait)), last_error=error,
                                 error_count=errors, poll_count=sources.c.poll_count + 1))

    def make_due(self, now: datetime) -> None:
        """Make every source due now (``--once`` and tests)."""
        with self.engine.begin() as conn:
            conn.execute(update(sources).values(next_due_at=to_db(now)))

    def rows(self) -> list[dict[str, object]]:
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(select(sources).order_by(sources.c.location)).mappings()]

"""The alerts table: record an alert once (UNIQUE(rule_id, dedupe_key)), then deliver it once.

``delivery_status`` is NULL while an alert waits for delivery; a worker claims it with a
conditional UPDATE (so two workers never send the same alert), and writes the outcome of
each delivery when done. A claim older than ``stale_after`` (its worker died mid-send) is
claimed again by the next worker: delivery is at least once, never lost. Digest-only alerts
are recorded as ``{"state": "digest"}``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, and_, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from wirewatch.fetch.state import as_utc, to_db, utcnow
from wirewatch.storage.schema import alerts
from wirewatch.storage.schema_watch import digests
from wirewatch.watch.rules import AlertDraft


#: A claim not finished within this time is taken to belong to a worker that died.
STALE_CLAIM = timedelta(minutes=5)
_SENDING = json.dumps({"state": "sending"})[:-1]    # '{"state": "sending"' starts every claim


@dataclass(frozen=True)
class AlertRecord:
    """A stored alert, as deliveries see it."""

    id: int
    rule_id: str
    dedupe_key: str
    kind: str
    payload: dict[str, Any]
    fired_at: datetime | None = None


class AlertLog:
    """Writes and claims alerts; the API streams the same table to the web page."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, draft: AlertDraft, *, immediate: bool) -> int | None:
        """The new alert's id, or None when this rule already fired for this key."""
        insert = postgresql.insert if self.engine.dialect.name == "postgresql" else sqlite.insert
        payload = dict(draft.payload, dedupe_key=draft.dedupe_key)
        values = {"rule_id": draft.rule.id, "dedupe_key": draft.dedupe_key, "kind": draft.kind,
                  "event_ids": json.dumps(list(draft.event_ids)), "story_id": draft.story_id,
                  "payload": json.dumps(payload, default=str, ensure_ascii=False),
                  "delivery_status": None if immediate else json.dumps({"state": "digest"}),
                  "fired_at": to_db(utcnow())}
        stmt = insert(alerts).values(values).on_conflict_do_nothing().returning(alerts.c.id)
        try:
            with self.engine.begin() as conn:
                new_id = conn.execute(stmt).scalar()
        except IntegrityError:   # pragma: no cover - ON CONFLICT covers it; belt and braces
            return None
        return int(new_id) if new_id is not None else None

    def claim_pending(self, owner: str, limit: int = 100,
                      stale_after: timedelta = STALE_CLAIM) -> list[AlertRecord]:
        """Alerts waiting for delivery (or claimed by a worker that has not finished them within
        ``stale_after``), now claimed by ``owner``: nobody else will send them meanwhile."""
        now = utcnow()
        with self.engine.connect() as conn:
            rows = conn.execute(select(alerts.c.id, alerts.c.delivery_status)
                                .where(or_(alerts.c.delivery_status.is_(None),
                                           alerts.c.delivery_status.like(f"{_SENDING}%")))
                                .order_by(alerts.c.id).limit(limit)).all()
        claimed: list[AlertRecord] = []
        mark = json.dumps({"state": "sending", "worker": owner, "since": now.isoformat()})
        for alert_id, status in rows:
            if status is not None and not _is_stale(status, now - stale_after):
                continue
            unchanged = alerts.c.delivery_status.is_(None) if status is None else \
                alerts.c.delivery_status == status
            with self.engine.begin() as conn:
                done = conn.execute(update(alerts).where(alerts.c.id == alert_id, unchanged)
                                    .values(delivery_status=mark)).rowcount
                if done == 1:
                    row = conn.execute(select(alerts).where(alerts.c.id == alert_id)).mappings().one()
                    claimed.append(_record(row))
        return claimed

    def finish(self, alert_id: int, outcome: dict[str, str]) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(alerts).where(alerts.c.id == alert_id)
                         .values(delivery_status=json.dumps(dict(outcome, state="done"))))

    def between(self, start: datetime, end: datetime, rule_ids: list[str]) -> list[AlertRecord]:
        """Alerts of ``rule_ids`` fired in [start, end)."""
        query = select(alerts).where(and_(alerts.c.fired_at >= to_db(start), alerts.c.fired_at < to_db(end),
                                          alerts.c.rule_id.in_(rule_ids))).order_by(alerts.c.id)
        with self.engine.connect() as conn:
            return [_record(r) for r in conn.execute(query).mappings()]

    def claim_digest(self, channel: str, period_start: datetime, count: int) -> bool:
        """True for the one worker that gets to send this period's digest."""
        insert = postgresql.insert if self.engine.dialect.name == "postgresql" else sqlite.insert
        stmt = insert(digests).values(channel=channel, period_start=to_db(period_start), alert_count=count)
        with self.engine.begin() as conn:
            return conn.execute(stmt.on_conflict_do_nothing().returning(digests.c.id)).first() is not None

    def all(self) -> list[AlertRecord]:
        with self.engine.connect() as conn:
            return [_record(r) for r in conn.execute(select(alerts).order_by(alerts.c.id)).mappings()]


def _is_stale(status: str, before: datetime) -> bool:
    """True for a "sending" claim made before ``before`` (or one that does not say when)."""
    try:
        since = json.loads(status).get("since")
        when = as_utc(datetime.fromisoformat(since)) if since else None
        return when is None or when < before
    except (ValueError, AttributeError, TypeError):
        return False


def _record(row: Any) -> AlertRecord:
    return AlertRecord(int(row["id"]), row["rule_id"], row["dedupe_key"], row["kind"],
                       json.loads(row["payload"] or "{}"), as_utc(row["fired_at"]))

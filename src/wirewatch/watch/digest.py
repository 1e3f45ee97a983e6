"""Digest mode: rules with ``digest = "hourly"`` or ``"daily"`` send one summary per period.

Their alerts are recorded as usual (and shown on the web page at once) but not delivered
one by one; when a period ends, the alerts it holds go out in one message per delivery.
The ``digests`` table (UNIQUE(channel, period_start)) makes one worker send each period.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from wirewatch.watch.alertlog import AlertLog
from wirewatch.watch.deliver import AlertSink, DeliveryError
from wirewatch.watch.rules import Rule

log = logging.getLogger("wirewatch.watch")
PERIODS = {"hourly": timedelta(hours=1), "daily": timedelta(days=1)}
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class _Report(Protocol):
    delivered: int
    delivery_failures: int


def period_bounds(now: datetime, length: timedelta) -> tuple[datetime, datetime]:
    """The last complete period before ``now``: [start, end)."""
    end = _EPOCH + length * int((now - _EPOCH) / length)
    return end - length, end


class DigestScheduler:
    """Sends each ended period's digest once (across workers too)."""

    def __init__(self, alerts: AlertLog, sinks: Mapping[str, AlertSink]) -> None:
        self.alerts, self.sinks = alerts, sinks
        self._done: set[tuple[str, datetime]] = set()

    def tick(self, now: datetime, rules: list[Rule], report: _Report) -> None:
        for channel, length in PERIODS.items():
            members = [r for r in rules if r.digest == channel]
            if not members:
                continue
            start, end = period_bounds(now, length)
            if (channel, start) in self._done:
                continue
            self._done.add((channel, start))
            found = self.alerts.between(start, end, [r.id for r in members])
            if found and self.alerts.claim_digest(channel, start, len(found)):
                self._send(channel, start, end, members, [a.payload for a in found], report)

    def _send(self, channel: str, start: datetime, end: datetime, members: list[Rule],
              payloads: list[dict[str, Any]], report: _Report) -> None:
        names: list[str] = []
        for rule in members:
            for name in rule.deliver or tuple(self.sinks):
                if name not in names:
                    names.append(name)
        message = {"kind": "digest", "channel": channel, "rule": {"name": f"{channel} digest"},
                   "period": {"start": start.isoformat(), "end": end.isoformat()}, "alerts": payloads,
                   "link": None}
        for name in names:
            sink = self.sinks.get(name)
            if sink is None:
                continue
            try:
                sink.send(message)
                report.delivered += 1
            except DeliveryError as exc:
                report.delivery_failures += 1
                log.warning("%s digest for %s not delivered to %s: %s", channel, start, name, exc.message)

"""Spike rules: more events than usual for a group (country, type, ...) in the last window.

The count of matching events that *arrived* (``articles.ingested_at``) in the last
``window_hours`` is compared with the counts of the ``baseline_windows`` windows before it:

* ``poisson``: P(X ≥ count) under a Poisson law with the baseline mean (floored at
  ``1 / baseline_windows``); a spike when it is at most ``threshold`` (default 0.001).
* ``zscore``: (count − mean) / max(std, 1); a spike when it is at least ``threshold`` (default 3).

Either way ``count`` must reach ``min_count``, which also guards the cold start (no history
yet). The dedupe key names the group and the window-aligned period, so a group fires at
most once per period.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, select

from wirewatch.fetch.state import as_utc, to_db
from wirewatch.storage.queries import conditions
from wirewatch.storage.schema import articles, events
from wirewatch.watch.rules import AlertDraft, Rule, event_summary

_COLUMNS = {"place_country": events.c.place_country, "type": events.c.type,
            "actor_country": events.c.actor_country, "target_country": events.c.target_country,
            "place_admin1": events.c.place_admin1}
SAMPLE_EVENTS = 5


@dataclass(frozen=True)
class SpikeScore:
    """The test result for one group."""

    count: int
    mean: float
    std: float
    score: float
    is_spike: bool


def poisson_tail(count: int, mean: float) -> float:
    """P(X ≥ count) for X ~ Poisson(mean)."""
    if count <= 0:
        return 1.0
    term = math.exp(-mean)
    below = term
    for k in range(1, count):
        term *= mean / k
        below += term
    return max(0.0, 1.0 - below)


def score(count: int, baseline: Sequence[int], *, method: str, threshold: float | None,
          min_count: int) -> SpikeScore:
    """Whether ``count`` is a spike against ``baseline`` counts."""
    n = max(1, len(baseline))
    mean = sum(baseline) / n
    std = math.sqrt(sum((b - mean) ** 2 for b in baseline) / n)
    if method == "zscore":
        value = (count - mean) / max(std, 1.0)
        hit = value >= (3.0 if threshold is None else threshold)
    else:
        value = poisson_tail(count, max(mean, 1.0 / n))
        hit = value <= (0.001 if threshold is None else threshold)
    return SpikeScore(count, mean, std, value, hit and count >= min_count)


def spike_alerts(engine: Engine, rule: Rule, now: datetime) -> list[AlertDraft]:
    """Alerts for every group of ``rule`` whose last window is a spike."""
    params = rule.params
    group_by: list[str] = list(params["group_by"])
    window = timedelta(hours=float(params["window_hours"]))
    windows = int(params["baseline_windows"])
    rows = _recent_rows(engine, rule, group_by, now - window * (windows + 1))
    counts: dict[tuple[Any, ...], list[int]] = defaultdict(lambda: [0] * (windows + 1))
    current: dict[tuple[Any, ...], list[Mapping[str, Any]]] = defaultdict(list)
    for row in rows:
        age = now - (as_utc(row["ingested_at"]) or now)
        slot = int(age / window)
        if 0 <= slot <= windows:
            group = tuple(row[g] for g in group_by)
            counts[group][slot] += 1
            if slot == 0:
                current[group].append(row)
    period = _period_start(now, window)
    drafts = []
    for group, series in counts.items():
        if series[0] == 0 or any(v is None for v in group):
            continue
        result = score(series[0], series[1:], method=params["method"], threshold=params["threshold"],
                       min_count=int(params["min_count"]))
        if result.is_spike:
            drafts.append(_draft(rule, dict(zip(group_by, group)), result, current[group], now - window, now,
                                 period))
    return drafts


def _recent_rows(engine: Engine, rule: Rule, group_by: list[str], since: datetime) -> list[dict[str, Any]]:
    query = (select(events, articles.c.url.label("article_url"), articles.c.ingested_at)
             .join(articles, articles.c.id == events.c.article_id)
             .where(*conditions(rule.filter), articles.c.ingested_at >= to_db(since)))
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


def _period_start(now: datetime, window: timedelta) -> datetime:
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    return epoch + window * int((now - epoch) / window)


def _draft(rule: Rule, group: dict[str, Any], result: SpikeScore, rows: list[Mapping[str, Any]],
           start: datetime, end: datetime, period: datetime) -> AlertDraft:
    key = "spike:" + "|".join(f"{k}={v}" for k, v in group.items()) + "@" + period.isoformat()
    sample = sorted(rows, key=lambda r: (r["killed"] or 0), reverse=True)[:SAMPLE_EVENTS]
    payload = {
        "rule": rule.public(), "kind": "spike", "group": group, "count": result.count,
        "baseline_mean": round(result.mean, 3), "baseline_std": round(result.std, 3),
        "method": rule.params["method"], "score": result.score,
        "window": {"start": start.isoformat(), "end": end.isoformat()},
        "link": sample[0].get("article_url") if sample else None,
        "events": [event_summary(r) for r in sample],
    }
    return AlertDraft(rule, key, "spike", tuple(r["id"] for r in rows), payload)

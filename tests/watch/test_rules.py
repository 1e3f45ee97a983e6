"""Rules: match rules make one alert per article, spike rules compare a window with its baseline,
and UNIQUE(rule_id, dedupe_key) keeps every alert from firing twice. SQLite and PostgreSQL."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from wirewatch.fetch.state import to_db
from wirewatch.models import Actor, Article, Event, EventPlace, Evidence
from wirewatch.storage import open_store
from wirewatch.storage.schema import articles
from wirewatch.watch.alertlog import AlertLog
from wirewatch.watch.rules import Rule, event_rows, load_rules, match_alerts, sync_rules
from wirewatch.watch.settings import RuleSettings
from wirewatch.watch.spike import poisson_tail, score, spike_alerts

NOW = datetime(2025, 6, 10, 12, 0, tzinfo=UTC)


def event(eid: str, type_: str = "ASSAULT", country: str = "EGY", killed: int | None = None) -> Event:
    return Event(id=eid, type=type_, cameo=None, mode=None, actor=Actor("a"), target=Actor("b"),
                 place=EventPlace("X", country), date="2025-06-10", date_precision="day", killed=killed,
                 injured=None, status="actual", attribution=None, evidence=Evidence(f"evidence {eid}", 0, 5),
                 confidence=0.8)


def article(aid: str, events: list[Event]) -> Article:
    return Article(id=aid, url=f"https://news.test/{aid}", title=f"title {aid}", published="2025-06-10",
                   site="news.test", language="en", text="t", events=events, content_hash=aid)


def rule(name: str, query: str, **kw: object) -> Rule:
    return Rule.from_settings(RuleSettings(name=name, query=query, **kw))  # type: ignore[arg-type]


def test_match_rule_one_alert_per_article_with_its_events(db_url: str) -> None:
    store = open_store(db_url)
    store.add_articles([article("a1", [event("e1"), event("e2", "PROTEST"), event("e3", killed=12)]),
                        article("a2", [event("e4", country="LBY")])])
    rows = event_rows(store.engine, ["a1", "a2"])
    drafts = match_alerts(rule("egypt", "type=ASSAULT&country=EGY"), rows)
    assert [(d.dedupe_key, d.event_ids) for d in drafts] == [("article:a1", ("e1", "e3"))]
    payload = drafts[0].payload
    assert payload["link"] == "https://news.test/a1" and payload["article"]["title"] == "title a1"
    assert [e["evidence"] for e in payload["events"]] == ["evidence e1", "evidence e3"]
    assert match_alerts(rule("big", "min_killed=10"), rows)[0].event_ids == ("e3",)
    log = AlertLog(store.engine)
    sync_rules(store.engine, [drafts[0].rule])
    first = log.add(drafts[0], immediate=True)
    assert first is not None and log.add(drafts[0], immediate=True) is None     # never twice
    assert len(log.all()) == 1
    store.close()


def test_rules_sync_and_load_round_trip(db_url: str) -> None:
    store = open_store(db_url)
    spike = rule("protest spike", "type=PROTEST", kind="spike", window_hours=6, min_count=4, digest="daily",
                 deliver=[])
    sync_rules(store.engine, [rule("r1", "type=ASSAULT", deliver=["ops"]), spike])
    sync_rules(store.engine, [rule("r1", "type=THREATEN", deliver=["ops"])])     # update in place
    loaded = {r.name: r for r in load_rules(store.engine)}
    assert loaded["r1"].query == "type=THREATEN" and loaded["r1"].deliver == ("ops",)
    assert loaded["protest spike"].params["window_hours"] == 6 and loaded["protest spike"].digest == "daily"
    store.close()


def test_rule_with_broken_query_is_skipped_with_a_warning(db_url: str, caplog: pytest.LogCaptureFixture) -> None:
    from wirewatch.storage.schema import rules

    store = open_store(db_url)
    with store.engine.begin() as conn:
        conn.execute(rules.insert().values(id="bad", name="bad", kind="match", query="typo=1"))
    assert load_rules(store.engine) == []
    assert "rule 'bad' (bad) is skipped: unknown filter 'typo'" in caplog.text
    store.close()


@pytest.mark.parametrize(("count", "mean", "expected"), [(0, 2.0, 1.0), (1, 2.0, 1 - math.exp(-2)),
                                                          (3, 1.0, 1 - math.exp(-1) * (1 + 1 + 0.5))])
def test_poisson_tail(count: int, mean: float, expected: float) -> None:
    assert poisson_tail(count, mean) == pytest.approx(expected)


@pytest.mark.parametrize(("count", "baseline", "method", "is_spike"), [
    (10, [1, 0, 2, 1, 0, 1, 1], "poisson", True),
    (3, [1, 0, 2, 1, 0, 1, 1], "poisson", False),
    (2, [0] * 7, "poisson", False),                 # below min_count (cold start guard)
    (12, [5, 6, 4, 5, 6, 5, 4], "zscore", True),
    (7, [5, 6, 4, 5, 6, 5, 4], "zscore", False),
])
def test_spike_score(count: int, baseline: list[int], method: str, is_spike: bool) -> None:
    assert score(count, baseline, method=method, threshold=None, min_count=3).is_spike is is_spike


def _ingest_at(store, aid: str, events: list[Event], when: datetime) -> None:  # type: ignore[no-untyped-def]
    store.add_articles([article(aid, events)])
    with store.engine.begin() as conn:
        conn.execute(update(articles).where(articles.c.id == aid).values(ingested_at=to_db(when)))


def test_spike_rule_fires_once_per_group_and_period(db_url: str) -> None:
    store = open_store(db_url)
    for day in range(1, 8):                       # baseline: one protest a day in Georgia
        _ingest_at(store, f"b{day}", [event(f"b{day}", "PROTEST", "GEO")], NOW - timedelta(days=day, hours=1))
    for i in range(6):                            # today: six
        _ingest_at(store, f"t{i}", [event(f"t{i}", "PROTEST", "GEO")], NOW - timedelta(hours=i + 1))
    _ingest_at(store, "o1", [event("o1", "PROTEST", "ARM")], NOW - timedelta(hours=2))
    spike = rule("protests", "type=PROTEST", kind="spike", window_hours=24, baseline_windows=7, min_count=4)
    drafts = spike_alerts(store.engine, spike, NOW)
    assert len(drafts) == 1
    draft = drafts[0]
    assert draft.payload["group"] == {"place_country": "GEO", "type": "PROTEST"}
    assert draft.payload["count"] == 6 and draft.payload["baseline_mean"] == 1.0
    assert draft.dedupe_key == "spike:place_country=GEO|type=PROTEST@2025-06-10T00:00:00+00:00"
    log = AlertLog(store.engine)
    assert log.add(draft, immediate=True) is not None
    later = spike_alerts(store.engine, spike, NOW + timedelta(hours=3))
    assert later and log.add(later[0], immediate=True) is None            # same period: not again
    store.close()

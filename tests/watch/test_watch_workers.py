"""Scale-out: workers share sources through leases; nothing is fetched twice, nobody starves,
and a dead worker's leases expire."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from wirewatch.fetch.state import utcnow
from wirewatch.storage import open_store
from wirewatch.watch.build import build_watcher
from wirewatch.watch.leases import SourceLeases, SourceSpec

N_FEEDS = 12


@pytest.mark.postgres
@pytest.mark.network
def test_watch_two_workers_share_sources_without_double_fetching(
        pg_url: str, feed_server, stub_pipeline, make_settings) -> None:
    sources = []
    for i in range(N_FEEDS):
        page = feed_server.add_sample("06-uk-sanctions-iran.html") if i == 0 else None
        feed_server.set_feed(f"/feed{i}.xml", [page] if page else [])
        feed_server.routes[f"/feed{i}.xml"].delay = 0.15          # so both workers are busy at once
        sources.append({"url": feed_server.url(f"/feed{i}.xml")})
    settings = make_settings(pg_url, sources, rules=[], max_sources_per_round=2, interval=3600.0)
    polled: dict[str, int] = {}
    failed: list[BaseException] = []
    barrier = threading.Barrier(2)
    watchers = {name: build_watcher(settings, open_store(pg_url), pipeline=stub_pipeline, worker_id=name)
                for name in ("alpha", "beta")}

    def work(name: str) -> None:
        watcher = watchers[name]
        barrier.wait()
        total = 0
        try:
            while (report := watcher.run_round()).sources:
                total += report.sources
        except Exception as exc:  # noqa: BLE001 - reported below, with the worker's name
            failed.append(exc)
        polled[name] = total

    threads = [threading.Thread(target=work, args=(n,)) for n in watchers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    for watcher in watchers.values():
        watcher.fetcher.close()
        watcher.store.close()
    assert not failed, failed
    assert sum(polled.values()) == N_FEEDS
    assert polled["alpha"] > 0 and polled["beta"] > 0, polled
    assert all(feed_server.hits[f"/feed{i}.xml"] == 1 for i in range(N_FEEDS)), feed_server.hits


def test_watch_lease_expires_when_worker_dies(db_url: str) -> None:
    store = open_store(db_url)
    leases = SourceLeases(store.engine)
    now = utcnow()
    leases.sync([SourceSpec(f"http://feeds.example/{i}", "feed") for i in range(3)], now)
    dead = leases.lease("dead-worker", now, ttl=60, limit=10)
    assert len(dead) == 3
    assert leases.lease("live-worker", now + timedelta(seconds=30), ttl=60, limit=10) == []
    taken = leases.lease("live-worker", now + timedelta(seconds=61), ttl=60, limit=10)
    assert sorted(s.id for s in taken) == sorted(s.id for s in dead)
    leases.release(dead[0], now, error=None, max_backoff=3600)       # the dead lease is gone: no effect
    row = next(r for r in leases.rows() if r["id"] == dead[0].id)
    assert str(row["lease_owner"]).startswith("live-worker")
    for lease in taken:
        leases.release(lease, now + timedelta(seconds=62), error=None, max_backoff=3600)
    assert leases.lease("live-worker", now + timedelta(seconds=63), ttl=60, limit=10) == []
    store.close()


def test_watch_failing_source_backs_off(db_url: str) -> None:
    store = open_store(db_url)
    leases = SourceLeases(store.engine)
    now = utcnow()
    leases.sync([SourceSpec("http://feeds.example/dead", "feed", interval=60)], now)
    for expected_wait in (60, 240, 480):
        (lease,) = leases.lease("w", now, ttl=30, limit=1)
        leases.release(lease, now, error="connection failed", max_backoff=3600)
        row = leases.rows()[0]
        due = row["next_due_at"]
        due = due if due.tzinfo else due.replace(tzinfo=now.tzinfo)
        assert round((due - now).total_seconds()) == expected_wait
        now = due
    store.close()

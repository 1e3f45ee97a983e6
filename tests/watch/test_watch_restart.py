"""Restart safety: a new worker after a stop fetches nothing twice (304s) and repeats no alert;
a worker killed after storing but before alerting loses no alert. SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from wirewatch.storage import open_store
from wirewatch.watch.alertlog import AlertLog
from wirewatch.watch.build import build_watcher

pytestmark = pytest.mark.network


def _watcher(settings, db_url, pipeline, worker):  # type: ignore[no-untyped-def]
    store = open_store(db_url)
    return build_watcher(settings, store, pipeline=pipeline, worker_id=worker), store


def _round(watcher) -> object:  # type: ignore[no-untyped-def]
    watcher.leases.make_due(watcher.clock())
    return watcher.run_round()


def test_watch_restart_fetches_nothing_twice_and_repeats_no_alert(
        db_url: str, feed_server, webhook, stub_pipeline, make_settings) -> None:
    pages = [feed_server.add_sample(n) for n in ("01-mogadishu-suicide-bombing.html",
                                                  "06-uk-sanctions-iran.html")]
    feed_server.set_feed("/feed.xml", pages)
    settings = make_settings(db_url, [{"url": feed_server.url("/feed.xml")}], webhook_url=webhook.url)
    first, store = _watcher(settings, db_url, stub_pipeline, "first")
    report = _round(first)
    assert (report.documents, report.articles, report.alerts) == (2, 2, 1)
    first.fetcher.close()
    store.close()                                   # stopped

    second, store = _watcher(settings, db_url, stub_pipeline, "second")
    second.recover()
    for _ in range(3):
        report = _round(second)
        assert report.documents == 0 and report.alerts == 0
    alerts = AlertLog(store.engine).all()
    second.fetcher.close()
    store.close()
    assert feed_server.hits["/feed.xml"] == 4 and feed_server.full["/feed.xml"] == 1   # three 304s
    assert all(feed_server.full[p] == 1 and feed_server.hits[p] == 1 for p in pages)
    assert len(alerts) == 1 and len(webhook.received) == 1


def test_watch_without_etag_still_fetches_items_once(db_url: str, feed_server, stub_pipeline,
                                                     make_settings) -> None:
    page = feed_server.add_sample("09-darfur-shelling-airstrike.html")
    feed_server.set_feed("/feed.xml", [page], etag=False)
    settings = make_settings(db_url, [{"url": feed_server.url("/feed.xml")}])
    for worker in ("a", "b"):
        watcher, store = _watcher(settings, db_url, stub_pipeline, worker)
        _round(watcher)
        _round(watcher)
        watcher.fetcher.close()
        store.close()
    assert feed_server.full["/feed.xml"] == 4 and feed_server.hits[page] == 1


def test_watch_killed_before_alerting_alerts_after_restart(
        db_url: str, feed_server, webhook, stub_pipeline, make_settings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = feed_server.add_sample("01-mogadishu-suicide-bombing.html")
    feed_server.set_feed("/feed.xml", [page])
    settings = make_settings(db_url, [{"url": feed_server.url("/feed.xml")}], webhook_url=webhook.url)
    first, store = _watcher(settings, db_url, stub_pipeline, "doomed")

    def killed(*args: object) -> None:
        raise SystemExit("killed")

    monkeypatch.setattr(first, "_alert", killed)
    with pytest.raises(SystemExit):
        _round(first)
    first.fetcher.close()
    store.close()
    assert webhook.received == []

    second, store = _watcher(settings, db_url, stub_pipeline, "heir")
    recovered = second.recover()
    report = _round(second)
    second.fetcher.close()
    store.close()
    assert recovered.alerts == 1 and report.alerts == 0 and report.documents == 0
    assert len(webhook.received) == 1 and feed_server.hits[page] == 1

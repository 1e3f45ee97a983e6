"""A dead feed, a 500, a timeout, invalid XML and a 50 MB page are each logged once with a clear
reason, and the healthy source next to them still alerts."""

from __future__ import annotations

import logging
import socket

import pytest

from wirewatch.storage import open_store
from wirewatch.watch.build import build_watcher

pytestmark = pytest.mark.network


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])

EXPECTED = {
    "/dead.xml": "connection failed",
    "/error.xml": "HTTP 500",
    "/slow.xml": "timed out",
    "/broken.xml": "not well-formed XML",
    "/huge.html": "size cap",
}


def test_watch_bad_sources_are_logged_once_and_do_not_stop_others(
        db_url: str, feed_server, webhook, stub_pipeline, make_settings,
        caplog: pytest.LogCaptureFixture) -> None:
    page = feed_server.add_sample("01-mogadishu-suicide-bombing.html")
    feed_server.set_feed("/good.xml", [page])
    feed_server.add("/error.xml", "oops", status=500)
    feed_server.add("/slow.xml", "<rss/>", delay=2.5)
    feed_server.add("/broken.xml", "<rss><channel><item><title>unclosed</channel>",
                    content_type="application/rss+xml")
    feed_server.add("/huge.html", b"<html><body>" + b"a" * 50_000_000 + b"</body></html>")
    dead = f"http://127.0.0.1:{free_port()}/dead.xml"
    sources = [{"url": dead}, {"url": feed_server.url("/error.xml")}, {"url": feed_server.url("/slow.xml")},
               {"url": feed_server.url("/broken.xml"), "kind": "feed"},
               {"url": feed_server.url("/huge.html"), "kind": "page"}, {"url": feed_server.url("/good.xml")}]
    settings = make_settings(db_url, sources, webhook_url=webhook.url,
                             fetch={"min_host_delay": 0.0, "retries": 1, "backoff": 0.0, "timeout": 1.0})
    store = open_store(db_url)
    watcher = build_watcher(settings, store, pipeline=stub_pipeline, worker_id="w")
    caplog.set_level(logging.WARNING, logger="wirewatch")
    try:
        reports = []
        for _ in range(2):
            watcher.leases.make_due(watcher.clock())
            reports.append(watcher.run_round())
    finally:
        watcher.fetcher.close()
        store.close()
    assert reports[0].alerts == 1 and len(webhook.received) == 1
    errors = dict(reports[0].errors)
    assert len(errors) == len(EXPECTED)
    for path, reason in EXPECTED.items():
        message = next(m for s, m in errors.items() if s.endswith(path))
        assert reason in message, (path, message)
        logged = [r for r in caplog.records if path in r.getMessage()]
        assert len(logged) == 1, (path, [r.getMessage() for r in logged])
        assert reason in logged[0].getMessage()
    assert len(reports[1].errors) == len(EXPECTED)     # still failing, not logged again

"""End to end: a local feed gets a new item; within 60 s the webhook and the SMTP server get
exactly one alert with the event, its evidence and the link. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import hmac
import threading
import time

import pytest

from wirewatch.pipeline.builder import Pipeline
from wirewatch.storage import open_store
from wirewatch.watch.build import build_watcher
from wirewatch.watch.loop import wait_until

pytestmark = pytest.mark.network


SECRET = "s3cret-for-tests"


def test_watch_new_feed_item_alerts_once_by_webhook_and_email(
        db_url: str, feed_server, webhook, smtp_server, stub_pipeline: Pipeline, make_settings) -> None:
    quiet = feed_server.add_sample("06-uk-sanctions-iran.html")
    feed_server.set_feed("/feed.xml", [quiet])
    settings = make_settings(db_url, [{"url": feed_server.url("/feed.xml"), "kind": "feed"}],
                              webhook_url=webhook.url, smtp=(smtp_server.host, smtp_server.port))
    store = open_store(db_url)
    watcher = build_watcher(settings, store, pipeline=stub_pipeline, worker_id="w1")
    stop = threading.Event()
    thread = threading.Thread(target=watcher.run, args=(stop,), kwargs={"tick": 0.1}, daemon=True)
    thread.start()
    try:
        assert wait_until(lambda: feed_server.full[quiet] == 1, 30), "the first item was never fetched"
        attack = feed_server.add_sample("01-mogadishu-suicide-bombing.html")
        feed_server.set_feed("/feed.xml", [attack, quiet])
        started = time.monotonic()
        assert wait_until(lambda: webhook.received and smtp_server.messages, 60), "no alert within 60 s"
        latency = time.monotonic() - started
        time.sleep(1.5)     # a few more rounds: nothing else may arrive
    finally:
        stop.set()
        thread.join(30)
        watcher.fetcher.close()
        store.close()
    assert latency < 60
    assert len(webhook.received) == 1 and len(smtp_server.messages) == 1
    hook = webhook.received[0]
    expected = "sha256=" + hmac.new(SECRET.encode(), hook.body, hashlib.sha256).hexdigest()
    assert hook.headers["x-wirewatch-signature"] == expected
    body = hook.json
    assert body["rule"]["name"] == "assaults" and body["kind"] == "match"
    assert body["link"] == feed_server.url(attack)
    event = body["events"][0]
    assert event["type"] == "ASSAULT" and event["place"]["country"] == "SOM"
    assert "suicide bomber" in event["evidence"] and "killing at least 14" in event["evidence"]
    mail = smtp_server.messages[0]
    assert "assaults" in mail["Subject"] and "ASSAULT" in mail["Subject"]
    text = mail.get_payload()[0].get_payload(decode=True).decode()
    assert feed_server.url(attack) in text and "evidence:" in text
    assert feed_server.full[quiet] == 1 and feed_server.full[attack] == 1

"""Deliveries: signed webhooks with retries, e-mail through a real (aiosmtpd) SMTP server,
digests sent once per period, and the wording that carries event, evidence and link."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC, datetime, timedelta

import pytest

from wirewatch.fetch.ssrf import SSRFGuard
from wirewatch.storage import open_store
from wirewatch.watch.alertlog import AlertLog
from wirewatch.watch.deliver import DeliveryError, EmailSink, WebhookSink, signature, subject, text
from wirewatch.watch.digest import DigestScheduler, period_bounds
from wirewatch.watch.rules import AlertDraft, Rule, sync_rules
from wirewatch.watch.settings import RuleSettings, SmtpSettings

MESSAGE = {
    "alert_id": 7, "kind": "match", "rule": {"id": "r", "name": "Egypt assaults", "query": "type=ASSAULT"},
    "link": "https://news.test/a1", "article": {"id": "a1", "title": "Gunmen attack convoy"},
    "events": [{"type": "ASSAULT", "status": "actual", "actor": {"name": "gunmen"}, "target": {"name": None},
                "place": {"name": "Arish", "country": "EGY"}, "killed": 4,
                "evidence": "Gunmen killed four soldiers near Arish."}],
}


class _Report:
    delivered = 0
    delivery_failures = 0


def test_signature_is_hmac_sha256_of_the_body() -> None:
    body = b'{"a": 1}'
    assert signature("k", body) == "sha256=" + hmac.new(b"k", body, hashlib.sha256).hexdigest()


def test_wording_carries_event_evidence_and_link() -> None:
    assert subject(MESSAGE) == "[wirewatch] Egypt assaults: ASSAULT in Arish, EGY — Gunmen attack convoy"
    body = text(MESSAGE)
    assert "by gunmen against an unnamed target in Arish, EGY, 4 killed" in body
    assert 'evidence: "Gunmen killed four soldiers near Arish."' in body
    assert "link: https://news.test/a1" in body


@pytest.mark.network
def test_webhook_signed_and_retried_with_backoff(webhook) -> None:
    webhook.fail_first = 2
    sleeps: list[float] = []
    sink = WebhookSink("hook", webhook.url, secret="k", guard=SSRFGuard.build(["127.0.0.1"]),
                       retries=3, backoff=0.5, sleep=sleeps.append)
    sink.send(MESSAGE)
    assert sleeps == [0.5, 1.0]
    (got,) = webhook.received
    assert got.headers["x-wirewatch-signature"] == signature("k", got.body)
    assert got.headers["x-wirewatch-delivery"] == "7" and got.headers["content-type"] == "application/json"
    assert json.loads(got.body) == MESSAGE


@pytest.mark.network
def test_webhook_gives_up_with_the_reason(webhook) -> None:
    webhook.fail_first = 10
    sink = WebhookSink("hook", webhook.url, guard=SSRFGuard.build(["127.0.0.1"]), retries=1, sleep=lambda s: None)
    with pytest.raises(DeliveryError, match="HTTP 503"):
        sink.send(MESSAGE)


def test_webhook_to_a_private_address_is_refused() -> None:
    sink = WebhookSink("hook", "http://169.254.169.254/hook", retries=0)
    with pytest.raises(DeliveryError, match="cloud metadata"):
        sink.send(MESSAGE)


@pytest.mark.network
def test_email_through_smtp(smtp_server) -> None:
    sink = EmailSink("mail", ["a@example.org", "b@example.org"],
                     SmtpSettings(host=smtp_server.host, port=smtp_server.port, sender="ww@example.org"))
    sink.send(MESSAGE)
    (mail,) = smtp_server.messages
    assert mail["To"] == "a@example.org, b@example.org" and mail["From"] == "ww@example.org"
    body, attachment = mail.get_payload()
    assert "Gunmen killed four soldiers" in body.get_payload(decode=True).decode()
    assert json.loads(attachment.get_payload(decode=True))["link"] == "https://news.test/a1"


def test_email_to_a_dead_server_says_so() -> None:
    sink = EmailSink("mail", ["a@example.org"], SmtpSettings(host="127.0.0.1", port=1, timeout=2))
    with pytest.raises(DeliveryError, match="e-mail mail via 127.0.0.1:1 failed"):
        sink.send(MESSAGE)


class _Collect:
    name = "collect"

    def __init__(self) -> None:
        self.sent: list[dict[str, object]] = []

    def send(self, message: dict[str, object]) -> None:
        self.sent.append(message)


def test_period_bounds() -> None:
    now = datetime(2025, 6, 10, 12, 30, tzinfo=UTC)
    assert period_bounds(now, timedelta(hours=1)) == (now.replace(hour=11, minute=0), now.replace(minute=0))


def test_digest_sent_once_per_period_across_workers(db_url: str) -> None:
    store = open_store(db_url)
    hourly = Rule.from_settings(RuleSettings(name="hourly", query="type=ASSAULT", digest="hourly"))
    sync_rules(store.engine, [hourly])
    log = AlertLog(store.engine)
    for key in ("article:1", "article:2"):
        assert log.add(AlertDraft(hourly, key, "match", ("e",), dict(MESSAGE)), immediate=False) is not None
    assert log.claim_pending("w") == []            # digest alerts are not sent one by one
    fired = log.all()[0].fired_at
    assert fired is not None
    next_hour = fired.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1, minutes=1)
    sinks = [_Collect(), _Collect()]
    for sink in sinks:                             # two workers tick after the hour
        DigestScheduler(log, {"collect": sink}).tick(next_hour, [hourly], _Report())
    sent = sinks[0].sent + sinks[1].sent
    assert len(sent) == 1 and sent[0]["kind"] == "digest" and len(sent[0]["alerts"]) == 2  # type: ignore[arg-type]
    assert subject(sent[0]) == "[wirewatch] hourly digest: 2 alerts"
    store.close()


def test_a_claim_left_by_a_dead_worker_is_taken_over_after_the_lease(db_url: str) -> None:
    store = open_store(db_url)
    rule = Rule.from_settings(RuleSettings(name="now", query="type=ASSAULT"))
    sync_rules(store.engine, [rule])
    log = AlertLog(store.engine)
    alert_id = log.add(AlertDraft(rule, "article:1", "match", ("e",), dict(MESSAGE)), immediate=True)
    [first] = log.claim_pending("worker-a")            # worker a claims it, then dies mid-send
    assert first.id == alert_id
    assert log.claim_pending("worker-b") == []          # still within a's lease: nobody else sends it
    [again] = log.claim_pending("worker-b", stale_after=timedelta(0))
    assert again.id == alert_id                         # after the lease, b takes it over
    assert log.claim_pending("worker-c", stale_after=timedelta(minutes=5)) == []
    log.finish(alert_id, {"collect": "ok"})
    assert log.claim_pending("worker-c", stale_after=timedelta(0)) == []   # a finished alert stays done

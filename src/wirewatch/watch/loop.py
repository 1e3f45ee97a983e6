"""The watch loop: lease due sources → poll → pipeline → store → rules → alerts → deliveries.

One round (:meth:`Watcher.run_round`)::

    1. lease up to max_sources_per_round due sources (SKIP LOCKED on PostgreSQL)
    2. poll them, ``concurrency`` at a time (threads; per-host politeness in the fetcher)
    3. run the new documents through the pipeline and store them (runner.ingest_documents)
    4. mark what was fetched as seen (fetch state), only now that it is stored
    5. evaluate match rules on the new articles' events and spike rules on their groups
    6. record alerts (UNIQUE(rule_id, dedupe_key): never twice), deliver the pending ones
    7. release the leases with each source's outcome; send digests whose period ended

A failing source is logged once per distinct reason and retried later with backoff; it
never stops the other sources.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from wirewatch.fetch.client import Fetcher
from wirewatch.fetch.state import FetchStateStore, utcnow
from wirewatch.pipeline.builder import Pipeline
from wirewatch.runner import ingest_documents
from wirewatch.storage.sql import SQLStore
from wirewatch.watch.alertlog import AlertLog, AlertRecord
from wirewatch.watch.deliver import AlertSink, DeliveryError, Message
from wirewatch.watch.digest import DigestScheduler
from wirewatch.watch.leases import Lease, SourceLeases, SourceSpec
from wirewatch.watch.poll import Poller, PollResult
from wirewatch.watch.rules import (
    AlertDraft,
    Rule,
    event_rows,
    load_rules,
    match_alerts,
    recent_article_ids,
    sync_rules,
)
from wirewatch.watch.settings import WatchSettings
from wirewatch.watch.spike import spike_alerts

log = logging.getLogger("wirewatch.watch")
Clock = Callable[[], datetime]


@dataclass
class RoundReport:
    """What one round did."""

    sources: int = 0
    documents: int = 0
    articles: int = 0
    events: int = 0
    alerts: int = 0
    delivered: int = 0
    delivery_failures: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)      # (source or item, reason)
    alert_ids: list[int] = field(default_factory=list)


class Watcher:
    """One worker. Several may share a PostgreSQL database; leases keep them out of each other's way."""

    def __init__(self, store: SQLStore, settings: WatchSettings, *, pipeline: Pipeline, fetcher: Fetcher,
                 sinks: Mapping[str, AlertSink], worker_id: str, specs: list[SourceSpec],
                 rules: list[Rule], clock: Clock = utcnow) -> None:
        self.store, self.settings, self.pipeline, self.fetcher = store, settings, pipeline, fetcher
        self.sinks, self.worker_id, self.clock = dict(sinks), worker_id, clock
        engine = store.engine
        self.leases = SourceLeases(engine)
        self.state = FetchStateStore(engine)
        self.alerts = AlertLog(engine)
        self.poller = Poller(fetcher, self.state, store, settings.max_items_per_source)
        self.digests = DigestScheduler(self.alerts, self.sinks)
        self._warned_rules: set[str] = set()
        self._logged_items: set[tuple[str, str]] = set()
        sync_rules(engine, rules)
        self.leases.sync(specs, self.clock())

    # ----- running ------------------------------------------------------------------------------

    def recover(self) -> RoundReport:
        """Re-check rules on recently stored articles (a worker killed before alerting loses nothing)."""
        report = RoundReport()
        since = self.clock() - timedelta(hours=self.settings.recovery_hours)
        ids = recent_article_ids(self.store.engine, since) if self.settings.recovery_hours else []
        self._alert(ids, report)
        self._deliver_pending(report)
        return report

    def run(self, stop: threading.Event, *, rounds: int | None = None,
            on_round: Callable[[RoundReport], None] | None = None, tick: float = 1.0) -> None:
        """Run rounds until ``stop`` is set (or ``rounds`` rounds ran)."""
        self.recover()
        done = 0
        while not stop.is_set() and (rounds is None or done < rounds):
            report = self.run_round()
            done += 1
            if on_round:
                on_round(report)
            if report.sources == 0:
                stop.wait(tick)

    def run_round(self) -> RoundReport:
        """One round over the sources due now (see the module docstring)."""
        report = RoundReport()
        now = self.clock()
        leased = self.leases.lease(self.worker_id, now, self.settings.lease_seconds,
                                   self.settings.max_sources_per_round)
        report.sources = len(leased)
        if leased:
            polls = self._poll_all(leased)
            added = self._store(polls, report)
            self._alert(added, report)
            for poll in polls:
                self._finish_source(poll, report)
        self._deliver_pending(report)
        self.digests.tick(self.clock(), load_rules(self.store.engine, warned=self._warned_rules), report)
        return report

    # ----- steps --------------------------------------------------------------------------------

    def _poll_all(self, leased: list[Lease]) -> list[PollResult]:
        workers = min(self.settings.concurrency, len(leased))
        if workers == 1:
            return [self.poller.poll(source) for source in leased]
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="wirewatch-poll") as pool:
            return list(pool.map(self.poller.poll, leased))

    def _store(self, polls: list[PollResult], report: RoundReport) -> list[str]:
        documents = [d for p in polls for d in p.documents]
        report.documents = len(documents)
        added: list[str] = []
        if documents:
            result = ingest_documents(documents, self.store, pipeline=self.pipeline)
            report.articles, report.events, added = result.added, result.events, list(result.added_ids)
            for failure in result.failures:
                self._log_item(failure.item, f"{failure.stage}: {failure.reason}", report)
        for poll in polls:             # stored: now it is safe to remember them as seen
            for state in poll.seen:
                self.state.put(state)
            for url, reason in poll.item_errors:
                self._log_item(url, reason, report)
        return added

    def _alert(self, article_ids: list[str], report: RoundReport) -> None:
        rules = load_rules(self.store.engine, warned=self._warned_rules)
        if not rules:
            return
        rows = event_rows(self.store.engine, article_ids) if article_ids else []
        drafts: list[AlertDraft] = []
        for rule in rules:
            if rule.kind == "match" and rows:
                drafts.extend(match_alerts(rule, rows))
            elif rule.kind == "spike" and any(rule.filter.matches(r) for r in rows):
                drafts.extend(spike_alerts(self.store.engine, rule, self.clock()))
        for draft in drafts:
            new_id = self.alerts.add(draft, immediate=draft.rule.digest == "off")
            if new_id is not None:
                report.alerts += 1
                report.alert_ids.append(new_id)
                log.info("alert %d: rule %r fired (%s)", new_id, draft.rule.name, draft.dedupe_key)

    def _deliver_pending(self, report: RoundReport) -> None:
        pending = self.alerts.claim_pending(self.worker_id)
        if not pending:
            return
        rules = {r.id: r for r in load_rules(self.store.engine, warned=self._warned_rules)}
        for alert in pending:
            outcome = self._deliver(alert, rules.get(alert.rule_id), report)
            self.alerts.finish(alert.id, outcome)

    def _deliver(self, alert: AlertRecord, rule: Rule | None, report: RoundReport) -> dict[str, str]:
        names = list(rule.deliver) if rule is not None and rule.deliver else list(self.sinks)
        message: Message = dict(alert.payload, alert_id=alert.id,
                                fired_at=alert.fired_at.isoformat() if alert.fired_at else None)
        outcome: dict[str, str] = {}
        for name in names:
            sink = self.sinks.get(name)
            if sink is None:
                outcome[name] = "skipped: no such delivery configured"
                continue
            try:
                sink.send(message)
                outcome[name] = "ok"
                report.delivered += 1
            except DeliveryError as exc:
                outcome[name] = f"failed: {exc.message}"
                report.delivery_failures += 1
                log.warning("alert %d not delivered to %s: %s", alert.id, name, exc.message)
        return outcome

    def _finish_source(self, poll: PollResult, report: RoundReport) -> None:
        source = poll.source
        if poll.error:
            report.errors.append((source.label, poll.error))
            if poll.error != source.last_error:
                log.warning("source %s failed: %s", source.label, poll.error)
            else:
                log.debug("source %s still failing: %s", source.label, poll.error)
        elif source.last_error:
            log.info("source %s recovered", source.label)
        self.leases.release(source, self.clock(), error=poll.error,
                            max_backoff=self.settings.max_error_backoff)

    def _log_item(self, item: str, reason: str, report: RoundReport) -> None:
        report.errors.append((item, reason))
        if (item, reason) not in self._logged_items:
            self._logged_items.add((item, reason))
            log.warning("%s skipped: %s", item, reason)


def wait_until(predicate: Callable[[], bool], timeout: float, step: float = 0.05) -> bool:
    """Poll ``predicate`` until true or ``timeout`` seconds passed (tests and the bench)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()

"""Build a :class:`Watcher` from settings: sources (OPML expanded), rules, deliveries, fetcher."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from pathlib import Path

import httpx

from wirewatch.config import Settings
from wirewatch.errors import ConfigError, WirewatchError
from wirewatch.fetch.client import USER_AGENT, Fetcher, FetchOptions
from wirewatch.fetch.ssrf import Resolver, SSRFGuard
from wirewatch.fetch.state import FetchStateStore
from wirewatch.pipeline.builder import Pipeline
from wirewatch.storage.sql import SQLStore
from wirewatch.watch.deliver import AlertSink, ConsoleSink, EmailSink, Message, WebhookSink
from wirewatch.watch.feeds import parse_opml
from wirewatch.watch.leases import SourceSpec
from wirewatch.watch.loop import Watcher
from wirewatch.watch.rules import Rule
from wirewatch.watch.settings import FetchSettings, WatchSettings
from wirewatch.watch.sinks import load_sink


def fetch_options(cfg: FetchSettings) -> FetchOptions:
    return FetchOptions(timeout=cfg.timeout, max_bytes=cfg.max_bytes, retries=cfg.retries, backoff=cfg.backoff,
                        max_redirects=cfg.max_redirects, min_host_delay=cfg.min_host_delay,
                        host_concurrency=cfg.host_concurrency, max_crawl_delay=cfg.max_crawl_delay,
                        respect_robots=cfg.respect_robots, user_agent=cfg.user_agent or USER_AGENT)


def default_worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def source_specs(watch: WatchSettings, fetcher: Fetcher) -> list[SourceSpec]:
    """Configured sources; an OPML list becomes one feed source per outline."""
    specs: list[SourceSpec] = []
    for src in watch.sources:
        interval = src.interval or watch.interval
        if src.kind == "opml" or (src.kind == "auto" and src.url.lower().endswith(".opml")):
            for outline in parse_opml(_read_opml(src.url, fetcher), src.url):
                specs.append(SourceSpec(outline.url, "feed", outline.title, interval))
            continue
        location = src.url if "://" in src.url else str(Path(src.url).expanduser().resolve())
        specs.append(SourceSpec(location, src.kind, src.name, interval))
    return specs


def _read_opml(location: str, fetcher: Fetcher) -> bytes:
    if "://" in location:
        return fetcher.fetch(location, conditional=False, remember=False).content
    try:
        return Path(location).expanduser().read_bytes()
    except OSError as exc:
        raise ConfigError(f"OPML file {location} cannot be read: {exc.strerror or exc}.") from exc


def build_sinks(watch: WatchSettings, guard: SSRFGuard, *, emit: Callable[[Message], None] | None = None,
                client: httpx.Client | None = None) -> dict[str, AlertSink]:
    sinks: dict[str, AlertSink] = {}
    for delivery in watch.deliveries:
        if delivery.webhook:
            secret = None
            if delivery.secret_env:
                secret = os.environ.get(delivery.secret_env)
                if not secret:
                    raise ConfigError(f"delivery {delivery.name!r}: the environment variable "
                                      f"{delivery.secret_env} (webhook secret) is not set.")
            sinks[delivery.name] = WebhookSink(delivery.name, delivery.webhook, secret=secret, guard=guard,
                                               client=client, retries=watch.webhook_retries)
        elif delivery.sink:
            sinks[delivery.name] = load_sink(delivery.sink, delivery.name, delivery.options)
        else:
            sinks[delivery.name] = EmailSink(delivery.name, list(delivery.email), watch.smtp)
    if emit is not None:
        sinks["console"] = ConsoleSink(emit)
    return sinks


def build_watcher(settings: Settings, store: SQLStore, *, pipeline: Pipeline | None = None,
                  emit: Callable[[Message], None] | None = None, resolver: Resolver | None = None,
                  client: httpx.Client | None = None, worker_id: str | None = None) -> Watcher:
    """Everything ``wirewatch watch`` runs, from validated settings."""
    watch = settings.watch
    guard = SSRFGuard.build(settings.allow_hosts, resolver)
    fetcher = Fetcher(fetch_options(watch.fetch), guard=guard, client=client,
                      state=FetchStateStore(store.engine))
    try:
        specs = source_specs(watch, fetcher)
        rules = [Rule.from_settings(r) for r in watch.rules if r.enabled]
    except WirewatchError:
        fetcher.close()
        raise
    return Watcher(store, watch, pipeline=pipeline or Pipeline.default(batch_size=settings.pipeline.batch_size),
                   fetcher=fetcher, sinks=build_sinks(watch, guard, emit=emit), specs=specs, rules=rules,
                   worker_id=worker_id or watch.worker_id or default_worker_id())

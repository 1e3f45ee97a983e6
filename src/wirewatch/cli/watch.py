"""`wirewatch watch`: continuous monitoring of sources with rules and alerts (issue 6)."""

from __future__ import annotations

import signal
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from wirewatch.config import Settings
from wirewatch.console import err_console, out_console
from wirewatch.errors import ConfigError, InputError

if TYPE_CHECKING:
    from wirewatch.watch.loop import RoundReport, Watcher

Many = Optional[list[str]]


def watch_cmd(
    config: Annotated[Path | None, typer.Option(
        "--config", "-c", metavar="FILE", help="TOML file with [watch] sources, rules and deliveries "
                               "(docs/configuration.md, wirewatch.example.toml).")] = None,
    db: Annotated[str | None, typer.Option("--db", metavar="URL", help="Database URL; overrides `db` in the config "
                                              "and WIREWATCH_DB.", show_default=False)] = None,
    source: Annotated[Many, typer.Option("--source", "-s", metavar="FEED_OR_URL", help="Feed, sitemap, page URL, local folder or "
                                         ".opml list to watch (repeatable).")] = None,
    rule: Annotated[Many, typer.Option("--rule", "-r", metavar="QUERY", help="Alert rule as an /api/events filter, e.g. "
                                       "'type=ASSAULT&country=EGY' (repeatable).")] = None,
    webhook: Annotated[Many, typer.Option("--webhook", metavar="URL", help="POST each alert as JSON to this URL "
                                          "(repeatable).")] = None,
    webhook_secret_env: Annotated[str | None, typer.Option(
        "--webhook-secret-env", metavar="VAR", help="Environment variable holding the HMAC secret that signs webhook "
                                     "bodies (X-Wirewatch-Signature).")] = None,
    email: Annotated[Many, typer.Option("--email", metavar="TO", help="E-mail each alert to this address (repeatable; "
                                        "needs --smtp or [watch.smtp]).")] = None,
    smtp: Annotated[str | None, typer.Option("--smtp", metavar="HOST:PORT", help="Mail server HOST:PORT.")] = None,
    interval: Annotated[float | None, typer.Option("--interval", metavar="SECONDS", min=0.1, help="Seconds between "
                                                      "polls of each source (default 300).")] = None,
    allow_host: Annotated[Many, typer.Option("--allow-host", metavar="HOST", help="Host the SSRF guard lets through "
                                             "although it is local/private (repeatable).")] = None,
    once: Annotated[bool, typer.Option("--once", help="Poll every source once, deliver, and exit "
                                       "(for cron).")] = False,
    demo: Annotated[bool, typer.Option("--demo", help="Serve a local feed of samples/ on a loopback port "
                                       "and watch it: alerts arrive without internet.")] = False,
    demo_step: Annotated[float, typer.Option("--demo-step", metavar="SECONDS", min=0.1, help="Seconds between new demo "
                                             "feed items.")] = 5.0,
    worker_id: Annotated[str | None, typer.Option("--worker-id", metavar="NAME", help="Name of this worker in source "
                                                     "leases (default host:pid).")] = None,
) -> None:
    """Watch feeds, sitemaps, pages and folders; code new articles; alert when a rule matches.

    Alerts go to the configured webhooks and e-mail, to the alerts table (the dashboard
    streams it) and to stdout. Several workers may share one PostgreSQL database. Stop
    with Ctrl-C; a restart resumes without fetching anything twice.
    """
    from wirewatch.cli import settings as root_settings

    base = _load(config) if config else root_settings()
    flags = WatchFlags(db, tuple(source or ()), tuple(rule or ()), tuple(webhook or ()), webhook_secret_env,
                       tuple(email or ()), smtp, interval, tuple(allow_host or ()))
    demo_feed = None
    if demo:
        from wirewatch.watch.demo import DemoFeed, find_samples

        demo_feed = DemoFeed(find_samples(), step=demo_step).start()
        flags = _demo_flags(flags, demo_feed.feed_url)
    try:
        _run(apply_flags(base, flags), once=once, worker_id=worker_id, demo_feed=demo_feed)
    finally:
        if demo_feed is not None:
            demo_feed.stop()


@dataclass(frozen=True)
class WatchFlags:
    """The command-line flags that add to or override the config file."""

    db: str | None = None
    sources: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    webhooks: tuple[str, ...] = ()
    secret_env: str | None = None
    emails: tuple[str, ...] = ()
    smtp: str | None = None
    interval: float | None = None
    allow_hosts: tuple[str, ...] = ()


def _load(config: Path) -> Settings:
    from wirewatch.config import load_settings

    return load_settings(config)


def _demo_flags(flags: WatchFlags, feed_url: str) -> WatchFlags:
    return replace(flags, sources=(*flags.sources, feed_url), allow_hosts=(*flags.allow_hosts, "127.0.0.1"),
                   rules=flags.rules or ("type=ASSAULT&status=actual&min_killed=1",),
                   interval=flags.interval if flags.interval is not None else 2.0,
                   db=flags.db or "sqlite:///wirewatch-watch-demo.db")


def apply_flags(settings: Settings, flags: WatchFlags) -> Settings:
    """Settings with the command-line flags layered on top (flags win, lists add up)."""
    from pydantic import ValidationError

    from wirewatch.watch.settings import WatchSettings

    watch = settings.watch.model_dump()
    watch["sources"] += [{"url": s} for s in flags.sources]
    watch["rules"] += [{"name": q, "query": q} for q in flags.rules]
    many = len(flags.webhooks) > 1
    watch["deliveries"] += [{"name": f"webhook-{i + 1}" if many else "webhook", "webhook": url,
                             "secret_env": flags.secret_env} for i, url in enumerate(flags.webhooks)]
    if flags.emails:
        watch["deliveries"].append({"name": "email", "email": list(flags.emails)})
    if flags.smtp:
        host, _, port = flags.smtp.rpartition(":")
        if not host or not port.isdigit():
            raise typer.BadParameter(f"{flags.smtp!r} is not HOST:PORT.", param_hint="--smtp")
        watch["smtp"] = dict(watch["smtp"], host=host, port=int(port))
    if flags.interval is not None:
        watch["interval"] = flags.interval
    try:
        checked = WatchSettings(**watch)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"invalid watch setting {where!r}: {str(first['msg']).removeprefix('Value error, ')}.",
                          hint="See `wirewatch watch --help` and docs/configuration.md.") from exc
    return settings.model_copy(update={"watch": checked, "db": flags.db or settings.db,
                                       "allow_hosts": [*settings.allow_hosts, *flags.allow_hosts]})


def _run(settings: Settings, *, once: bool, worker_id: str | None, demo_feed: Any) -> None:
    from wirewatch.storage import open_store
    from wirewatch.watch.build import build_watcher

    if not settings.watch.sources:
        raise ConfigError("nothing to watch.", hint="Give --source URL_OR_FOLDER, [[watch.sources]] in the "
                                                    "config file, or try --demo.")
    if not settings.watch.rules:
        err_console.print("[yellow]no rules[/]: articles are stored but no alert can fire (add --rule).")
    store = open_store(settings.db)
    watcher = build_watcher(settings, store, emit=print_alert, worker_id=worker_id)
    try:
        _announce(settings, watcher)
        if once:
            _run_once(watcher)
        else:
            _run_forever(watcher, demo_feed)
    finally:
        watcher.fetcher.close()
        store.close()


def _announce(settings: Settings, watcher: Watcher) -> None:
    from wirewatch.storage.sql import redact

    deliveries = ", ".join(n for n in watcher.sinks if n != "console") or "none (stdout and the alerts table)"
    err_console.print(f"watching {len(settings.watch.sources)} source(s) with {len(settings.watch.rules)} "
                      f"rule(s) into {redact(settings.db)}; deliveries: {deliveries}; worker "
                      f"{watcher.worker_id}. Ctrl-C stops.", highlight=False)


def _run_once(watcher: Watcher) -> None:
    watcher.recover()
    watcher.leases.make_due(watcher.clock())
    report = watcher.run_round()
    print_round(report)
    if report.sources and len({e[0] for e in report.errors}) >= report.sources and report.documents == 0:
        raise InputError(f"every source failed ({len(report.errors)} errors); see above.")


def _run_forever(watcher: Watcher, demo_feed: Any) -> None:
    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    rounds_after_complete = [0]

    def on_round(report: RoundReport) -> None:
        if report.sources or report.alerts:
            print_round(report)
        if demo_feed is not None and demo_feed.is_complete and report.sources:
            rounds_after_complete[0] += 1
            if rounds_after_complete[0] >= 2:
                err_console.print("demo feed complete; stopping (run again to see nothing is repeated).")
                stop.set()

    try:
        watcher.run(stop, on_round=on_round, tick=min(1.0, watcher.settings.interval / 2))
    except KeyboardInterrupt:
        err_console.print("stopping: the current round was interrupted; a restart resumes where it was.")
    finally:
        signal.signal(signal.SIGTERM, previous)


def print_round(report: RoundReport) -> None:
    err_console.print(f"round: {report.sources} source(s), {report.documents} new page(s), {report.articles} "
                      f"article(s) stored, {report.events} event(s), {report.alerts} alert(s), "
                      f"{report.delivered} delivered, {len(report.errors)} error(s)", highlight=False)
    for item, reason in report.errors:
        err_console.print(f"  [yellow]failed[/] {item}: {reason}", highlight=False)


def print_alert(message: dict[str, Any]) -> None:
    """One alert on stdout: headline, events with evidence, link."""
    from wirewatch.watch.deliver import text

    out_console.print(text(message), highlight=False, markup=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    app.command("watch")(watch_cmd)

"""`wirewatch process` and `wirewatch ingest`."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Optional

import typer

from wirewatch.cli.options import DbOption, parse_date
from wirewatch.console import err_console, out_console
from wirewatch.errors import QuarantineError
from wirewatch.models import Article

Inputs = Annotated[list[str], typer.Argument(
    help="Page files (.html, .htm, .txt), folders of them (read in name order), WARC archives or URLs.",
    show_default=False)]
UrlOpt = Annotated[Optional[str], typer.Option("--url", help="The article's URL (when the file does not say).")]
PublishedOpt = Annotated[Optional[str], typer.Option(
    "--published", help="Publication date YYYY-MM-DD (used to resolve 'on Monday', 'two weeks ago').")]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Exit 6 when any item failed.")]
AllowHostOpt = Annotated[Optional[list[str]], typer.Option(
    "--allow-host", help="Let URL fetching reach this host although the SSRF guard would block it "
    "(e.g. a page on 127.0.0.1); repeatable. Also `allow_hosts` in the config file.")]


def process_cmd(
    inputs: Inputs,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON Lines (one article object per line).")] = False,
    url: UrlOpt = None,
    published: PublishedOpt = None,
    strict: StrictOpt = False,
    allow_host: AllowHostOpt = None,
) -> None:
    """Extract and code articles and print them (a readable list, or JSON Lines with --json)."""
    from wirewatch.runner import only_source_failed, process

    from wirewatch.cli import settings
    from wirewatch.pipeline.builder import Pipeline

    day = parse_date(published)
    conf = settings()
    pipeline = Pipeline.from_settings(conf, strict=False)
    hosts = [*conf.allow_hosts, *(allow_host or [])]
    works = []
    for work in process(inputs, url=url, published=day, pipeline=pipeline, allow_hosts=hosts):
        works.append(work)
        if work.article is None or work.failure is not None:
            continue
        if as_json:
            sys.stdout.write(json.dumps(work.article.to_dict(), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            _print_article(work.article)
    failed = [w.failure for w in works if w.failure is not None] + [
        f for f in pipeline.ctx.failures if f.stage == "ingest"]
    error = only_source_failed(inputs, works)
    if error is not None:
        raise error
    for failure in failed:
        err_console.print(f"[yellow]skipped[/] {failure.item}: {failure.reason}", markup=True,
                          highlight=False)
    if failed and strict:
        raise QuarantineError(f"{len(failed)} of {len(works)} inputs failed.")


def _print_article(article: Article) -> None:
    """A readable block per article: header line, then one short entry per event."""
    out_console.rule(article.title or article.source_uri or article.id)
    out_console.print(f"{article.site or '-'} · {article.published or 'no date'} · "
                      f"{article.language or '?'} · dateline {article.dateline or '-'} · "
                      f"{len(article.text.split())} words · {len(article.places)} places · "
                      f"{len(article.events)} events", highlight=False, markup=False)
    for e in article.events:
        place = _actor(e.place.name if e.place else None, e.place.country if e.place else None)
        figures = ", ".join(f for f in (f"{e.killed} killed" if e.killed is not None else "",
                                        f"{e.injured} injured" if e.injured is not None else "") if f)
        out_console.print(f"[bold]{e.type}[/] {e.cameo or ''} [cyan]{e.status}[/] {e.date or 'no date'}"
                          f"{' · ' + figures if figures else ''}", highlight=False)
        out_console.print(f"  {_actor(e.actor.name, e.actor.country)} → {_actor(e.target.name, e.target.country)}"
                          f" @ {place}" + (f" · according to {e.attribution}" if e.attribution else ""),
                          highlight=False, markup=False)
        evidence = e.evidence.text if len(e.evidence.text) < 160 else e.evidence.text[:157] + "..."
        out_console.print(f"  “{evidence}”", style="dim", highlight=False, markup=False)


def _actor(name: str | None, country: str | None) -> str:
    if not name and not country:
        return "-"
    return f"{name or ''} ({country})" if country else (name or "-")


def ingest_cmd(
    inputs: Inputs,
    db: DbOption,
    url: UrlOpt = None,
    published: PublishedOpt = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per parse batch "
                                            "and per database transaction.")] = 32,
    strict: StrictOpt = False,
    workers: Annotated[int, typer.Option("--workers", "-j", min=1, max=64,
                                         help="Processes for the pipeline (each loads the models once).")] = 1,
    allow_host: AllowHostOpt = None,
) -> None:
    """Process inputs and store articles, events and places (idempotent: rerun after a crash)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from wirewatch.console import RateColumn

    from wirewatch.runner import count_inputs, ingest
    from wirewatch.storage import open_store

    from wirewatch.cli import settings
    from wirewatch.pipeline.builder import Pipeline

    day = parse_date(published)
    conf = settings()
    pipeline = Pipeline.from_settings(conf) if workers == 1 else None
    total = count_inputs(inputs)
    store = open_store(db)
    columns = (TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), RateColumn())
    from wirewatch.shutdown import StopFlag

    stop = StopFlag().install()
    try:
        with Progress(*columns, console=err_console, transient=True,
                      disable=not err_console.is_terminal) as bar:
            task = bar.add_task("ingest", total=total)
            report = ingest(inputs, store, batch_size=batch_size, url=url, published=day,
                            on_progress=lambda n: bar.advance(task, n), workers=workers, db_url=db,
                            pipeline=pipeline, should_stop=lambda: stop.requested,
                            allow_hosts=[*conf.allow_hosts, *(allow_host or [])])
    finally:
        stop.uninstall()
        store.close()
    if report.stopped:
        err_console.print(f"stopped on {stop.signal_name} after storing the batch in hand; run the same "
                          "command again to continue.", highlight=False)
    err_console.print(
        f"ingested {report.documents} documents: {report.added} new articles, {report.skipped} already "
        f"stored, {report.events} events, {len(report.failures)} failed", highlight=False)
    for failure in report.failures:
        err_console.print(f"  failed {failure.item}: {failure.reason}", highlight=False, markup=False)
    if report.failures and (strict or report.documents == len(report.failures) == 1):
        raise QuarantineError(f"{len(report.failures)} of {report.documents} inputs failed.")


def register(app: typer.Typer) -> None:
    app.command("process")(process_cmd)
    app.command("ingest")(ingest_cmd)

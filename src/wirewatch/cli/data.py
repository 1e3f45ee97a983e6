"""`wirewatch export` and `wirewatch summary`: read what is stored."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from wirewatch.cli.options import DbOption
from wirewatch.console import err_console, out_console


class TableName(str, Enum):
    articles = "articles"
    events = "events"
    stories = "stories"


class Format(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    geojson = "geojson"
    gdelt = "gdelt"
    acled = "acled"


def export_cmd(
    db: DbOption,
    table: Annotated[TableName, typer.Option("--table", help="What to export: events (merged: one row per "
                                             "real event, with its mentions), articles (with story_id and "
                                             "duplicate_of) or stories.")] = TableName.events,
    fmt: Annotated[Format, typer.Option(
        "--format", help="jsonl (the JSON contract), csv (flat), parquet (typed; needs --out), geojson "
                         "(events with coordinates as points), gdelt / acled (GDELT- and ACLED-shaped "
                         "CSV of events). See docs/exports.md.")] = Format.jsonl,
    out: Annotated[Path | None, typer.Option("--out", help="Output file (default: stdout).")] = None,
) -> None:
    """Write stored articles or events (same shapes as `process --json`) in an analyst format.

    Example: wirewatch export --format acled --out events-acled.csv
    """
    from wirewatch.export import export_articles, export_events, get_format
    from wirewatch.storage import open_store
    from wirewatch.storage.stories import iter_merged_event_rows, iter_story_rows

    spec = get_format(fmt.value)
    if out is None and spec.is_binary:
        raise typer.BadParameter(f"the {fmt.value} format is binary; give --out FILE.", param_hint="--out")
    if table is TableName.stories and fmt is not Format.jsonl:
        raise typer.BadParameter("stories are exported as jsonl only.", param_hint="--format")
    if table is TableName.articles and spec.articles is None:
        raise typer.BadParameter(f"the {fmt.value} format holds events only; use --table events.",
                                 param_hint="--format")
    store = open_store(db)
    rows: Iterable[dict[str, Any]]
    try:
        if table is TableName.articles:
            rows = (a.to_dict(store_fields=True) for a in store.iter_articles())
            export = export_articles
        elif table is TableName.stories:
            rows, export = iter_story_rows(store), export_articles    # jsonl: rows as they are
        else:   # canonical (merged) events; jsonl keeps each one's `mentions`
            rows = iter_merged_event_rows(store)
            export = export_articles if fmt is Format.jsonl else export_events
        if out is None:
            result = export(rows, fmt.value, sys.stdout)
        else:
            with out.open("wb") as fh:
                result = export(rows, fmt.value, fh)
    finally:
        store.close()
    left_out = ", ".join(f"{reason} {n}" for reason, n in result.omitted.most_common())
    err_console.print(f"exported {result.written} {table.value}" + (f" to {out}" if out else "")
                      + (f" ({result.omitted_total} left out: {left_out})" if left_out else ""),
                      highlight=False, markup=False, soft_wrap=True)


def summary_cmd(db: DbOption) -> None:
    """Print what the database holds: counts, and events by type and country."""
    from rich.table import Table

    from wirewatch.storage import open_store

    store = open_store(db)
    try:
        counts = store.counts()
        rows = store.event_summary()
    finally:
        store.close()
    out_console.print(f"{counts['articles']} articles, {counts['events']} events, "
                      f"{counts['places']} places, {counts['failures']} failures", highlight=False)
    table = Table(title="events by type and place country")
    table.add_column("type")
    table.add_column("country")
    table.add_column("events", justify="right")
    for type_, country, n in rows:
        table.add_row(type_, country or "-", str(n))
    out_console.print(table)


def register(app: typer.Typer) -> None:
    app.command("export")(export_cmd)
    app.command("summary")(summary_cmd)

"""`wirewatch export` and `wirewatch summary`: read what is stored."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from wirewatch.cli.options import DbOption
from wirewatch.console import err_console, out_console


class TableName(str, Enum):
    articles = "articles"
    events = "events"


class Format(str, Enum):
    jsonl = "jsonl"


def export_cmd(
    db: DbOption,
    table: Annotated[TableName, typer.Option("--table", help="What to export.")] = TableName.events,
    fmt: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.jsonl,
    out: Annotated[Optional[Path], typer.Option("--out", help="Output file (default: stdout).")] = None,
) -> None:
    """Write stored articles or events (same shapes as `process --json`)."""
    from wirewatch.export import write_rows
    from wirewatch.storage import open_store

    store = open_store(db)
    try:
        if table is TableName.articles:
            rows = (a.to_dict(store_fields=True) for a in store.iter_articles())
        else:
            rows = store.iter_event_rows()
        if out is None:
            n = write_rows(rows, fmt.value, sys.stdout)
        else:
            with out.open("w", encoding="utf-8") as fh:
                n = write_rows(rows, fmt.value, fh)
    finally:
        store.close()
    err_console.print(f"exported {n} {table.value}" + (f" to {out}" if out else ""), highlight=False)


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

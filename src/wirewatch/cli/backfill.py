"""`wirewatch backfill`: run the pipeline over WARC/ARC archives into Parquet datasets (issue 8).

Also registers `wirewatch warc` (building test archives), which lives in :mod:`wirewatch.cli.warc`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wirewatch.console import err_console, out_console

if TYPE_CHECKING:
    from wirewatch.backfill import BackfillReport
    from wirewatch.storage.sql import SQLStore


class Engine(str, Enum):
    local = "local"
    ray = "ray"


def backfill_cmd(
    inputs: Annotated[list[str], typer.Argument(
        help="WARC/ARC files (.warc, .warc.gz, .arc, .arc.gz), folders searched recursively, or quoted "
             "globs ('crawl/**/*.warc.gz').", show_default=False)],
    out: Annotated[Path, typer.Option("--out", help="Output folder: articles/ and events/ Parquet datasets "
                                      "partitioned by day, and _manifest.jsonl (finished files).")],
    engine: Annotated[Engine, typer.Option("--engine", help="local: this process. ray: Ray Data with a "
                                           "pool of pipeline actors (pip install 'wirewatch[ray]').")]
    = Engine.local,
    address: Annotated[str | None, typer.Option("--address", help="Ray cluster address (e.g. "
                                                   "ray://head:10001); default: a local Ray runtime.")]
    = None,
    workers: Annotated[int | None, typer.Option("--workers", min=1, help="Ray pipeline actors, each "
                                                   "loading the models once (default 2); the local engine "
                                                   "runs 1.", show_default=False)] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Pages per parse batch.")] = 16,
    db: Annotated[str | None, typer.Option("--db", help="Also load the articles into this database "
                                              "(sqlite:///file.db or postgresql+psycopg://...).")] = None,
) -> None:
    """Process web archives with the live pipeline; rerun to resume (finished files are skipped).

    Example: wirewatch backfill 'crawl/*.warc.gz' --out backfill/ --engine ray --workers 2
    """
    from wirewatch.backfill import BackfillOptions, run_backfill

    if engine is Engine.local and (workers or 1) > 1:
        raise typer.BadParameter("the local engine runs one worker; use --engine ray for more.",
                                 param_hint="--workers")
    options = BackfillOptions(engine=engine.value, address=address, batch_size=batch_size,
                              workers=workers or (2 if engine is Engine.ray else 1))
    store = _open_store(db)
    try:
        with _progress() as on_pages:
            report = run_backfill(inputs, out, options, store=store, on_pages=on_pages)
    finally:
        if store is not None:
            store.close()
    _print_summary(report, out)


def _open_store(db: str | None) -> SQLStore | None:
    if db is None:
        return None
    from wirewatch.storage import open_store

    return open_store(db)


@contextmanager
def _progress() -> Iterator[Callable[[int], None]]:
    """A progress bar with pages and pages/s on stderr (hidden when stderr is not a terminal)."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from wirewatch.console import RateColumn

    columns = (TextColumn("backfill"), BarColumn(), TextColumn("{task.completed} pages"), TimeElapsedColumn(),
               RateColumn())
    with Progress(*columns, console=err_console, transient=True, disable=not err_console.is_terminal) as bar:
        task = bar.add_task("backfill", total=None)
        yield lambda n: bar.advance(task, n)


def _print_summary(report: BackfillReport, out: Path) -> None:
    run = report.run
    out_console.print(
        f"backfill ({report.engine}): {report.files} files ({report.files_already_done} already done), "
        f"{run.pages} pages, {run.articles} articles, {run.events} events in {report.seconds:.1f} s "
        f"({report.pages_per_second:.1f} pages/s) → {out}", highlight=False, soft_wrap=True)
    if run.skipped:
        reasons = ", ".join(f"{reason} {n}" for reason, n in sorted(run.skipped.items()))
        out_console.print(f"skipped: {reasons}", highlight=False)
    for line in run.errors:
        err_console.print(f"  {line}", highlight=False, markup=False)


def register(app: typer.Typer) -> None:
    """Add `backfill` and the `warc` command group."""
    from wirewatch.cli import warc

    app.command("backfill")(backfill_cmd)
    app.add_typer(warc.app, name="warc")

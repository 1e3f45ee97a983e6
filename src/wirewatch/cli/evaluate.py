"""`wirewatch eval ...`: quality figures on the gold data sets (shared/data) and our own pages."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from wirewatch.console import out_console
from wirewatch.errors import InputError

app = typer.Typer(help="Measure quality against gold data (default data folder: ../shared/data, "
                  "or $WIREWATCH_GOLD_DATA).", no_args_is_help=True, rich_markup_mode=None)


def default_data() -> Path:
    return Path(os.environ.get("WIREWATCH_GOLD_DATA", "../shared/data"))


DataOpt = Annotated[Path, typer.Option("--data", help="The gold data folder (holds extraction/, "
                                       "events/, geo/, clustering/).", default_factory=default_data,
                                       show_default="../shared/data")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")]
LimitOpt = Annotated[Optional[int], typer.Option("--limit", min=1, help="Only the first N records.")]


def _need(path: Path) -> Path:
    if not path.exists():
        raise InputError(f"{path}: gold data not found.", hint="Pass --data pointing at shared/data.")
    return path


def _show(figures: dict[str, Any], as_json: bool, title: str) -> None:
    if as_json:
        out_console.print_json(json.dumps(figures, default=str))
        return
    from rich.table import Table

    table = Table(title=title)
    table.add_column("measure")
    table.add_column("value", justify="right")
    for key, value in _flatten(figures):
        table.add_row(key, f"{value:.4f}" if isinstance(value, float) else str(value))
    out_console.print(table)


def _flatten(data: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    rows: list[tuple[str, Any]] = []
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            rows.extend(_flatten(value, name + "."))
        elif not isinstance(value, list):
            rows.append((name, value))
    return rows


@app.command("extract")
def extract_cmd(data: DataOpt, as_json: JsonOpt = False,
                out: Annotated[Optional[Path], typer.Option("--out", help="Keep predictions here.")] = None,
                ) -> None:
    """Main-text extraction: token-4-gram F1 on shared/data/extraction."""
    from wirewatch.evaluation.extract import evaluate_extraction

    figures = evaluate_extraction(_need(data / "extraction"), out=out)
    figures.pop("docs", None)
    _show(figures, as_json, "extraction (shared/data/extraction)")


@app.command("events")
def events_cmd(data: DataOpt, as_json: JsonOpt = False, limit: LimitOpt = None) -> None:
    """Event coding: PLOVER gold, MUC-4 dev, PETRARCH validation, and our gold pages."""
    from wirewatch.evaluation.events import evaluate_events

    figures = evaluate_events(_need(data / "events"), limit=limit)
    _show(figures, as_json, "event coding (shared/data/events)")


@app.command("geo")
def geo_cmd(data: DataOpt, as_json: JsonOpt = False, limit: LimitOpt = None) -> None:
    """Geoparsing: toponym recognition F1 and accuracy@161 km on GeoVirus."""
    from wirewatch.evaluation.geo import evaluate_geo

    figures = evaluate_geo(_need(data / "geo" / "geovirus.jsonl"), limit=limit)
    _show(figures, as_json, "geoparsing (shared/data/geo)")


@app.command("pages")
def pages_cmd(
    folder: Annotated[Path, typer.Argument(help="Folder of NAME.expected.json files (and pages).")],
    pages: Annotated[Optional[Path], typer.Option("--pages", help="Folder holding NAME.html when it "
                                                  "is not beside the expectations.")] = None,
    as_json: JsonOpt = False,
    show_problems: Annotated[bool, typer.Option("--problems", help="List misses, spurious events and found events with a wrong status, date, country or toll.")] = False,
) -> None:
    """Whole pages against analyst expectations (seed-article.expected.json format)."""
    from wirewatch.evaluation.pages import evaluate_pages

    figures = evaluate_pages(_need(folder), _need(pages) if pages else None)
    problems = figures.pop("problems")
    _show(figures, as_json, f"pages ({folder})")
    if show_problems:
        for line in problems:
            out_console.print(f"  {line}", highlight=False, markup=False)


@app.command("cluster")
def cluster_cmd(
    data: DataOpt, as_json: JsonOpt = False, limit: LimitOpt = None,
    out: Annotated[Optional[Path], typer.Option("--out", help="Keep the predictions (id, cluster) here.")] = None,
) -> None:
    """Story clustering: BCubed and pair P/R/F1 on shared/data/clustering, through the ingest path.

    The documents go in arrival order (by date, undated last) through extraction, spaCy, geo,
    coding, storage, near-duplicates, stories and event merging into a temporary SQLite database;
    the stored story ids are scored with the data set's score.py. Takes about a minute.
    Example: wirewatch eval cluster --data ../shared/data
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from wirewatch.console import err_console
    from wirewatch.evaluation.cluster import evaluate_clustering, read_inputs

    folder = _need(data / "clustering")
    total = len(read_inputs(_need(folder / "input.jsonl"), limit))
    columns = (TextColumn("eval cluster"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=True) as bar:
        task = bar.add_task("ingest", total=total)
        figures = evaluate_clustering(folder, limit=limit, out=out,
                                      on_progress=lambda n: bar.advance(task, n))
    _show(figures, as_json, "story clustering (shared/data/clustering, via ingest)")

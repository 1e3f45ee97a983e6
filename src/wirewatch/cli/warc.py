"""`wirewatch warc build`: write a WARC from local page files (tests and benchmarks, no network)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from wirewatch.console import err_console

app = typer.Typer(no_args_is_help=True, help="Web archive (WARC) tools.")


@app.command("build")
def build_cmd(
    pages: Annotated[list[str], typer.Argument(help="Page files or folders of them (.html, .htm, .txt; "
                                               "other files are stored with a guessed type).",
                                               show_default=False)],
    out: Annotated[Path, typer.Option("--out", help="The WARC to write; gzip per record when it ends in .gz.")],
    copies: Annotated[int, typer.Option("--copies", min=1, help="Records per page; copy n > 0 gets "
                                        "'?copy=n' in its URL (volume tests from a few pages).")] = 1,
    date: Annotated[str | None, typer.Option("--date", help="WARC-Date for every record, YYYY-MM-DD "
                                                "(default: each file's modification time).")] = None,
) -> None:
    """Build a WARC of HTTP 200 response records from page files.

    Example: wirewatch warc build samples/ --out /tmp/samples.warc.gz --copies 100
    """
    from wirewatch.stages.ingest import expand_paths
    from wirewatch.warc import build_warc

    when = None
    if date is not None:
        try:
            when = datetime.fromisoformat(date).replace(tzinfo=UTC)
        except ValueError:
            raise typer.BadParameter(f"{date!r} is not a date; use YYYY-MM-DD.", param_hint="--date") from None
    result = build_warc(expand_paths(pages), out, copies=copies, date=when)
    err_console.print(f"wrote {result.records} response records to {result.path}", highlight=False)

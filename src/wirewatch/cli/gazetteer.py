"""`wirewatch gazetteer build`: build the offline gazetteer from installed packages."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from wirewatch.console import err_console

app = typer.Typer(help="Manage the embedded gazetteer (built offline from installed packages).",
                  no_args_is_help=True, rich_markup_mode=None)


@app.command("build")
def build_cmd(
    path: Annotated[Optional[Path], typer.Option("--path", help="Where to write it (default: the "
                                                 "package data folder, or ~/.cache/wirewatch).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing on success.")] = False,
) -> None:
    """Build the gazetteer file used by the geoparser (run by `make install`)."""
    from wirewatch.stages.geo import build_gazetteer

    written = build_gazetteer(path, quiet=quiet)
    if not quiet:
        err_console.print(f"gazetteer written to {written}", highlight=False)

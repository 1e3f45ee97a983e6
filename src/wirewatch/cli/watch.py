"""`wirewatch watch`: continuous monitoring of sources with rules and alerts (issue 6)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app (none yet)."""

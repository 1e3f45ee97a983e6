"""Option types and parsers shared by commands."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import typer

from wirewatch.storage.sql import DEFAULT_URL


def parse_date(value: str | None) -> date | datetime | None:
    """'2015-11-12' or an ISO datetime; anything else is a usage error."""
    if value is None:
        return None
    try:
        if len(value) <= 10:
            return date.fromisoformat(value)
        return datetime.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD or an ISO datetime.",
                                 param_hint="--published") from None


def default_db() -> str:
    """--db default: WIREWATCH_DB, else `db` in the config file, else sqlite:///wirewatch.db."""
    from wirewatch.cli import settings

    return str(settings().db or DEFAULT_URL)


DbOption = Annotated[str, typer.Option("--db", help="Database URL (sqlite:///file.db or "
                                       "postgresql+psycopg://user@host/db); env WIREWATCH_DB.",
                                       default_factory=default_db, show_default="sqlite:///wirewatch.db")]

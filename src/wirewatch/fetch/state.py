"""Fetch state kept in the database: ETag, Last-Modified, status and content hash per URL.

It makes conditional GET survive restarts (a 304 means nothing is downloaded again) and
tells the watch loop which feed items it has already fetched.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.dialects import postgresql, sqlite

from wirewatch.storage.schema_watch import fetch_state


def utcnow() -> datetime:
    """Now, timezone-aware UTC."""
    return datetime.now(UTC)


def as_utc(value: datetime | None) -> datetime | None:
    """A database datetime as aware UTC (SQLite gives naive UTC, PostgreSQL aware)."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def to_db(value: datetime) -> datetime:
    """A datetime for a DateTime(timezone=True) column: UTC, so SQLite and PostgreSQL agree."""
    return as_utc(value) or value


@dataclass(frozen=True, slots=True)
class FetchState:
    """The validators and outcome of the last fetch of one URL."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    last_status: int | None = None
    fetched_at: datetime | None = None
    content_hash: str | None = None


class FetchStateStore:
    """Reads and upserts :class:`FetchState` rows (SQLite and PostgreSQL)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def get(self, url: str) -> FetchState | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(fetch_state).where(fetch_state.c.url == url)).mappings().first()
        if row is None:
            return None
        return FetchState(row["url"], row["etag"], row["last_modified"], row["last_status"],
                          as_utc(row["fetched_at"]), row["content_hash"])

    def known(self, urls: list[str]) -> set[str]:
        """Those of ``urls`` fetched successfully before."""
        found: set[str] = set()
        with self.engine.connect() as conn:
            for start in range(0, len(urls), 500):
                chunk = urls[start:start + 500]
                query = select(fetch_state.c.url).where(fetch_state.c.url.in_(chunk),
                                                        fetch_state.c.last_status < 400)
                found.update(r[0] for r in conn.execute(query))
        return found

    def put(self, state: FetchState) -> None:
        values: dict[str, Any] = {
            "url": state.url, "etag": state.etag, "last_modified": state.last_modified,
            "last_status": state.last_status, "fetched_at": to_db(state.fetched_at or utcnow()),
            "content_hash": state.content_hash,
        }
        insert = (postgresql.insert if self.engine.dialect.name == "postgresql" else sqlite.insert)
        stmt = insert(fetch_state).values(values)
        stmt = stmt.on_conflict_do_update(index_elements=[fetch_state.c.url],
                                          set_={k: v for k, v in values.items() if k != "url"})
        with self.engine.begin() as conn:
            conn.execute(stmt)

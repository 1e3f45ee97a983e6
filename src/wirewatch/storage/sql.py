"""SQLAlchemy 2 implementation of :class:`EventStore` for SQLite and PostgreSQL.

Every batch of articles is written in one transaction with ``ON CONFLICT DO NOTHING``
on stable ids, so an ingest killed at any moment can simply be run again.
SQLite runs in WAL mode with foreign keys on.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from wirewatch.errors import StorageError
from wirewatch.models import Article, Event, Place
from wirewatch.storage import rows
from wirewatch.storage.base import AddResult
from wirewatch.storage.migrate import upgrade
from wirewatch.storage.schema import alerts, articles, events, failures, places, rules, stories

DEFAULT_URL = "sqlite:///wirewatch.db"


def open_store(url: str | None = None, *, migrate: bool = True) -> "SQLStore":
    """Open (and by default migrate) the database at ``url``."""
    url = url or DEFAULT_URL
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        if migrate:
            upgrade(engine)
    except (OperationalError, SQLAlchemyError) as exc:
        engine.dispose()
        raise StorageError(f"cannot open the database {redact(url)}: {exc.__class__.__name__}: "
                           f"{str(exc).splitlines()[0]}",
                           hint="Check --db / WIREWATCH_DB and that the server is running.") from exc
    return SQLStore(engine)


def make_engine(url: str) -> Engine:
    """An engine with the per-dialect settings wirewatch relies on."""
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def redact(url: str) -> str:
    """The URL without its password."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        user = creds.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}"
    return url


class SQLStore:
    """Articles, events and places in a relational database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def _insert(self, table: Any) -> Any:
        dialect_insert = postgresql.insert if self.dialect == "postgresql" else sqlite.insert
        return dialect_insert(table).on_conflict_do_nothing()

    def add_articles(self, batch: Iterable[Article]) -> AddResult:
        batch = list(batch)
        added = skipped = n_events = 0
        added_ids: list[str] = []
        try:
            with self.engine.begin() as conn:
                seq = (conn.execute(select(func.max(articles.c.seq))).scalar() or 0) + 1
                for article in batch:
                    if self._known(conn, article):
                        skipped += 1
                        continue
                    conn.execute(self._insert(articles), [rows.article_row(article, seq)])
                    seq += 1
                    added += 1
                    added_ids.append(article.id)
                    n_events += self._write_children(conn, article)
        except SQLAlchemyError as exc:
            raise StorageError(f"writing {len(batch)} articles failed: {str(exc).splitlines()[0]}") from exc
        return AddResult(added=added, skipped=skipped, events=n_events, added_ids=tuple(added_ids))

    def _known(self, conn: Connection, article: Article) -> bool:
        if conn.execute(select(articles.c.id).where(articles.c.id == article.id)).first():
            return True
        if article.url is None:   # no URL: the same text is the same article
            same = select(articles.c.id).where(articles.c.content_hash == article.content_hash,
                                               articles.c.url.is_(None))
            return conn.execute(same).first() is not None
        return False

    def _write_children(self, conn: Connection, article: Article) -> int:
        if article.places:
            conn.execute(self._insert(places),
                         [rows.place_row(p, article.id, i) for i, p in enumerate(article.places)])
        if article.events:
            conn.execute(self._insert(events), [rows.event_row(e, article.id, article.published)
                                                for e in article.events])
        return len(article.events)

    def add_failures(self, items: Iterable[tuple[str, str, str]]) -> None:
        """Record quarantined items (stage, item, reason)."""
        values = [{"stage": s, "item": i, "reason": r} for s, i, r in items]
        if values:
            with self.engine.begin() as conn:
                conn.execute(failures.insert(), values)

    def has_article(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(articles.c.id).where(articles.c.id == article_id)).first() is not None

    def get_article(self, article_id: str) -> Article | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(articles).where(articles.c.id == article_id)).mappings().first()
            if row is None:
                return None
            evs, pls = self._children(conn, [article_id])
        return rows.article_from_row(row, evs.get(article_id, []), pls.get(article_id, []))

    def iter_articles(self, batch_size: int = 500) -> Iterator[Article]:
        last = 0
        while True:
            with self.engine.connect() as conn:
                query = select(articles).where(articles.c.seq > last).order_by(articles.c.seq)
                page = conn.execute(query.limit(batch_size)).mappings().all()
                if not page:
                    return
                evs, pls = self._children(conn, [r["id"] for r in page])
            for row in page:
                yield rows.article_from_row(row, evs.get(row["id"], []), pls.get(row["id"], []))
            last = page[-1]["seq"]

    def _children(self, conn: Connection, ids: list[str]) -> tuple[dict[str, list[Event]],
                                                                    dict[str, list[Place]]]:
        evs: dict[str, list[Event]] = defaultdict(list)
        query = select(events).where(events.c.article_id.in_(ids)).order_by(events.c.evidence_start)
        for row in conn.execute(query).mappings():
            evs[row["article_id"]].append(rows.event_from_row(row))
        pls: dict[str, list[Place]] = defaultdict(list)
        query = select(places).where(places.c.article_id.in_(ids)).order_by(places.c.idx)
        for row in conn.execute(query).mappings():
            pls[row["article_id"]].append(rows.place_from_row(row))
        return evs, pls

    def iter_event_rows(self) -> Iterator[dict[str, Any]]:
        query = (select(events, articles.c.url.label("article_url"))
                 .join(articles, articles.c.id == events.c.article_id)
                 .order_by(articles.c.seq, events.c.evidence_start))
        with self.engine.connect() as conn:
            for row in conn.execute(query).mappings():
                yield rows.event_export_row(row, row["article_url"])

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {name: conn.execute(select(func.count()).select_from(table)).scalar() or 0
                    for name, table in (("articles", articles), ("events", events), ("places", places),
                                        ("failures", failures), ("stories", stories), ("rules", rules),
                                        ("alerts", alerts))}

    def event_summary(self) -> list[tuple[str, str | None, int]]:
        """Events counted by (type, place country), most frequent first."""
        query = (select(events.c.type, events.c.place_country, func.count().label("n"))
                 .group_by(events.c.type, events.c.place_country).order_by(func.count().desc()))
        with self.engine.connect() as conn:
            return [(r[0], r[1], int(r[2])) for r in conn.execute(query)]

    def close(self) -> None:
        if self.dialect == "sqlite":   # refresh planner statistics where they went stale (cheap)
            try:
                with self.engine.begin() as conn:
                    conn.exec_driver_sql("PRAGMA optimize")
            except SQLAlchemyError:
                pass
        self.engine.dispose()

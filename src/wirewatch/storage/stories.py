"""Stories and merged events in the database (used by the cluster stage and exports).

Story rows are derived from their articles: :func:`story_stats` reads a story's makings with
SQL aggregates, the clusterer keeps them up to date article by article and writes the row with
each batch, so the table stays consistent with ``articles.story_id`` and nothing but the
articles needs to be kept to rebuild the clusterer's state after a restart.
"""

from __future__ import annotations

import heapq
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, bindparam, case, func, select, update

from wirewatch.models import Article
from wirewatch.stages.cluster.merge import Mention, Reconciled
from wirewatch.storage import rows as row_codec
from wirewatch.storage.schema import articles, events, places, stories
from wirewatch.storage.sql import SQLStore

#: How many countries and actors a story row lists.
TOP_N = 5


@dataclass(frozen=True, slots=True)
class StoredText:
    """What rebuilding the clusterer needs of a stored article."""

    id: str
    title: str | None
    text: str
    published: str | None
    story_id: str | None
    duplicate_of: str | None


def recent_clustered(store: SQLStore, limit: int, page: int = 500) -> Iterator[StoredText]:
    """The last ``limit`` articles that have a story, oldest first (arrival order)."""
    with store.engine.connect() as conn:
        query = select(func.min(articles.c.seq)).where(articles.c.story_id.is_not(None))
        newest = select(articles.c.seq).where(articles.c.story_id.is_not(None)) \
            .order_by(articles.c.seq.desc()).limit(1).offset(max(0, limit - 1))
        start = conn.execute(newest).scalar() or conn.execute(query).scalar()
    if start is None:
        return
    last = start - 1
    columns = (articles.c.seq, articles.c.id, articles.c.title, articles.c.text, articles.c.published,
               articles.c.story_id, articles.c.duplicate_of)
    while True:
        with store.engine.connect() as conn:
            batch = conn.execute(select(*columns).where(articles.c.seq > last, articles.c.story_id.is_not(None))
                                 .order_by(articles.c.seq).limit(page)).all()
        if not batch:
            return
        for r in batch:
            yield StoredText(r.id, r.title, r.text, r.published, r.story_id, r.duplicate_of)
        last = batch[-1].seq


def unclustered(store: SQLStore) -> list[Article]:
    """Stored articles without a story (an ingest stopped between storing and clustering)."""
    with store.engine.connect() as conn:
        ids = conn.execute(select(articles.c.id).where(articles.c.story_id.is_(None))
                           .order_by(articles.c.seq)).scalars().all()
    found = (store.get_article(i) for i in ids)
    return [a for a in found if a is not None]


def original_story(conn: Connection, article_id: str) -> str | None:
    """The story of a stored article."""
    return conn.execute(select(articles.c.story_id).where(articles.c.id == article_id)).scalar()


def set_article_story(conn: Connection, article_id: str, story_id: str, duplicate_of: str | None) -> None:
    """Record an article's story (and the article it duplicates), and tag its events."""
    conn.execute(update(articles).where(articles.c.id == article_id)
                 .values(story_id=story_id, duplicate_of=duplicate_of))
    conn.execute(update(events).where(events.c.article_id == article_id).values(story_id=story_id))


@dataclass(slots=True)
class StoryStats:
    """What a story row is made of, kept up to date article by article (the same values as
    :func:`story_stats` reads from the database, without reading a big story again)."""

    count: int = 0
    first_seen: str | None = None
    last_seen: str | None = None
    title: str | None = None          # the first article's (in arrival order) that has one
    countries: Counter[str] = field(default_factory=Counter)   # country -> places in the story
    actors: Counter[str] = field(default_factory=Counter)      # actor name -> events in the story

    def add(self, published: str | None, title: str | None, countries: Iterable[str],
            actors: Iterable[str]) -> None:
        """Count one more article (arriving after the others)."""
        self.count += 1
        if published is not None:
            self.first_seen = min(self.first_seen or published, published)
            self.last_seen = max(self.last_seen or published, published)
        if self.title is None:
            self.title = title
        self.countries.update(countries)
        self.actors.update(actors)

    def values(self) -> dict[str, Any]:
        """The story row's columns."""
        def top(counts: Counter[str]) -> str:
            return json.dumps([k for k, _ in heapq.nsmallest(TOP_N, counts.items(), key=lambda kv: (-kv[1], kv[0]))])

        return {"title": self.title, "first_seen": self.first_seen, "last_seen": self.last_seen,
                "article_count": self.count, "countries": top(self.countries), "top_actors": top(self.actors)}


def story_stats(conn: Connection, story_id: str) -> StoryStats:
    """A story's stats from its stored articles, places and events."""
    in_story = articles.c.story_id == story_id
    stats = conn.execute(select(func.count(), func.min(articles.c.published), func.max(articles.c.published))
                         .where(in_story)).one()
    title = conn.execute(select(articles.c.title).where(in_story, articles.c.title.is_not(None))
                         .order_by(articles.c.seq).limit(1)).scalar()
    countries = conn.execute(
        select(places.c.country, func.count()).join(articles, articles.c.id == places.c.article_id)
        .where(in_story, places.c.country.is_not(None)).group_by(places.c.country)).all()
    actors = conn.execute(
        select(events.c.actor_name, func.count()).where(events.c.story_id == story_id,
                                                        events.c.actor_name.is_not(None))
        .group_by(events.c.actor_name)).all()
    return StoryStats(stats[0], stats[1], stats[2], title, Counter(dict(countries)), Counter(dict(actors)))


def article_countries(conn: Connection, article_id: str) -> list[str]:
    """The country of each of an article's places (places without one left out)."""
    return list(conn.execute(select(places.c.country).where(places.c.article_id == article_id,
                                                            places.c.country.is_not(None))).scalars())


def write_story(conn: Connection, story_id: str, stats: StoryStats) -> None:
    """Store a story row (insert or update)."""
    values = stats.values()
    done = conn.execute(update(stories).where(stories.c.id == story_id).values(**values))
    if done.rowcount == 0:
        conn.execute(stories.insert().values(id=story_id, **values))


# -- events -------------------------------------------------------------------------------
def _mention(row: Any) -> Mention:
    own = row.reported_status is not None      # a canonical row: its own figures are kept aside
    return Mention(
        id=row.id, article_id=row.article_id, type=row.type, actor_name=row.actor_name,
        actor_country=row.actor_country, target_name=row.target_name, target_country=row.target_country,
        place_name=row.place_name, place_country=row.place_country, place_lat=row.place_lat,
        place_lon=row.place_lon, place_precision=row.place_precision, date=row.date,
        killed=row.reported_killed if own else row.killed,
        status=row.reported_status if own else row.status, published=row.published,
        evidence_text=row.evidence_text, position=row.evidence_start)


def canonical_order(m: Mention) -> tuple[str, str, int]:
    """The order of a story's canonical events: publication date (undated first), article, text."""
    return (m.published or "", m.article_id, m.position)


def canonical_events(conn: Connection, story_id: str, limit: int | None = None) -> list[Mention]:
    """The story's canonical events (not merged into another) in :func:`canonical_order`;
    with ``limit``, only the most recent ones."""
    key = (func.coalesce(events.c.published, ""), events.c.article_id, events.c.evidence_start)
    query = select(events).where(events.c.story_id == story_id, events.c.merged_into.is_(None))
    if limit is None:
        query = query.order_by(*key)
    else:
        query = query.order_by(*(k.desc() for k in key)).limit(limit)
    return sorted((_mention(r) for r in conn.execute(query)), key=canonical_order)


def article_events(conn: Connection, article_id: str) -> list[Mention]:
    """An article's events, in text order."""
    query = select(events).where(events.c.article_id == article_id).order_by(events.c.evidence_start)
    return [_mention(r) for r in conn.execute(query)]


def mentions_of(conn: Connection, canonical_id: str) -> list[Mention]:
    """The canonical event and every row merged into it."""
    query = select(events).where((events.c.id == canonical_id) | (events.c.merged_into == canonical_id))
    return [_mention(r) for r in conn.execute(query)]


_POINT = update(events).where(events.c.id == bindparam("mention")).values(merged_into=bindparam("canonical"))
# the first merge keeps the canonical row's own report in reported_*: SET reads the old values
_FIGURES = update(events).where(events.c.id == bindparam("canonical")).values(
    reported_killed=case((events.c.reported_status.is_(None), events.c.killed), else_=events.c.reported_killed),
    reported_status=func.coalesce(events.c.reported_status, events.c.status),
    killed=bindparam("killed"), killed_min=bindparam("killed_min"), killed_max=bindparam("killed_max"),
    status=bindparam("status"), mention_count=bindparam("mention_count"))


def merge_into(conn: Connection, mention_id: str, canonical_id: str, figures: Reconciled) -> None:
    """Point a mention at its canonical event and store the reconciled figures there."""
    conn.execute(_POINT, {"mention": mention_id, "canonical": canonical_id})
    conn.execute(_FIGURES, {"canonical": canonical_id, "killed": figures.killed, "killed_min": figures.killed_min,
                            "killed_max": figures.killed_max, "status": figures.status,
                            "mention_count": figures.mention_count})


def reset_merges(conn: Connection, story_ids: Iterable[str]) -> None:
    """Undo every merge of the stories' events: each row back to what its own article reported."""
    in_stories = events.c.story_id.in_(list(story_ids))
    conn.execute(update(events).where(in_stories, events.c.reported_status.is_not(None))
                 .values(killed=events.c.reported_killed, status=events.c.reported_status,
                         reported_killed=None, reported_status=None))
    conn.execute(update(events).where(in_stories)
                 .values(merged_into=None, mention_count=1, killed_min=None, killed_max=None))


# -- splits -------------------------------------------------------------------------------
def move_articles(conn: Connection, article_ids: list[str], story_id: str) -> None:
    """Put stored articles (and their events) in another story."""
    for start in range(0, len(article_ids), 500):
        chunk = article_ids[start:start + 500]
        conn.execute(update(articles).where(articles.c.id.in_(chunk)).values(story_id=story_id))
        conn.execute(update(events).where(events.c.article_id.in_(chunk)).values(story_id=story_id))


def story_articles(conn: Connection, story_id: str) -> list[tuple[str, str | None]]:
    """A story's stored articles (id, duplicate_of), in arrival order."""
    query = select(articles.c.id, articles.c.duplicate_of).where(articles.c.story_id == story_id) \
        .order_by(articles.c.seq)
    return [(r.id, r.duplicate_of) for r in conn.execute(query)]


def story_exists(conn: Connection, story_id: str) -> bool:
    """True when a stored article or a story row has this story id."""
    return bool(conn.execute(select(articles.c.id).where(articles.c.story_id == story_id).limit(1)).first()
                or conn.execute(select(stories.c.id).where(stories.c.id == story_id)).first())


def stored_texts(conn: Connection, article_ids: Iterable[str]) -> list[StoredText]:
    """What the clusterer needs of some stored articles (any order)."""
    ids = list(article_ids)
    columns = (articles.c.id, articles.c.title, articles.c.text, articles.c.published, articles.c.story_id,
               articles.c.duplicate_of)
    out: list[StoredText] = []
    for start in range(0, len(ids), 500):
        for r in conn.execute(select(*columns).where(articles.c.id.in_(ids[start:start + 500]))):
            out.append(StoredText(r.id, r.title, r.text, r.published, r.story_id, r.duplicate_of))
    return out


# -- exports ------------------------------------------------------------------------------
def iter_story_rows(store: SQLStore) -> Iterator[dict[str, Any]]:
    """Every story, oldest first: id, title, first/last seen, article count, countries, actors."""
    with store.engine.connect() as conn:
        for r in conn.execute(select(stories).order_by(stories.c.first_seen, stories.c.id)).mappings():
            row = dict(r)
            row["countries"] = json.loads(row["countries"] or "[]")
            row["top_actors"] = json.loads(row["top_actors"] or "[]")
            yield row


def iter_merged_event_rows(store: SQLStore, page: int = 500) -> Iterator[dict[str, Any]]:
    """Canonical events (the event contract, reconciled) each with its ``mentions``."""
    base = (select(events, articles.c.url.label("article_url"), articles.c.seq.label("seq"))
            .join(articles, articles.c.id == events.c.article_id).where(events.c.merged_into.is_(None))
            .order_by(articles.c.seq, events.c.evidence_start, events.c.id))
    offset = 0
    while True:
        with store.engine.connect() as conn:
            batch = conn.execute(base.limit(page).offset(offset)).mappings().all()
            if not batch:
                return
            mentions = _mentions_by_canonical(conn, [r["id"] for r in batch])
        for r in batch:
            yield _merged_row(r, mentions.get(r["id"], []))
        offset += page


def _mentions_by_canonical(conn: Connection, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    query = (select(events, articles.c.url.label("article_url"))
             .join(articles, articles.c.id == events.c.article_id)
             .where(events.c.merged_into.in_(ids)).order_by(articles.c.seq, events.c.evidence_start))
    out: dict[str, list[dict[str, Any]]] = {}
    for r in conn.execute(query).mappings():
        out.setdefault(r["merged_into"], []).append(_mention_row(r))
    return out


def _mention_row(r: Any) -> dict[str, Any]:
    own = r["reported_status"] is not None
    return {"event_id": r["id"], "article_id": r["article_id"], "url": r["article_url"],
            "evidence": r["evidence_text"], "killed": r["reported_killed"] if own else r["killed"],
            "status": r["reported_status"] if own else r["status"], "published": r["published"]}


def _merged_row(r: Any, merged: list[dict[str, Any]]) -> dict[str, Any]:
    out = row_codec.event_export_row(r, r["article_url"])
    mentions = [_mention_row(r)] + merged
    statuses: dict[str, int] = {}
    for m in mentions:
        statuses[m["status"]] = statuses.get(m["status"], 0) + 1
    out.update({"story_id": r["story_id"], "mention_count": r["mention_count"],
                "killed_min": r["killed_min"], "killed_max": r["killed_max"], "statuses": statuses,
                "mentions": mentions})
    return out


def touched(items: Iterable[str | None]) -> list[str]:
    """Distinct non-null ids, in first-seen order."""
    return list(dict.fromkeys(i for i in items if i))

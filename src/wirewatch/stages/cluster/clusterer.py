"""The cluster step of `wirewatch ingest`: near-duplicates, stories and merged events.

:class:`StoryClusterer` runs after each batch of articles is stored, in arrival order. For each
new article it (1) checks for a near-duplicate among earlier articles, (2) puts it in a story —
a duplicate in its original's story, any other article by :class:`StoryIndex` — and (3) merges
its events into the story's canonical events. Every write of a batch is one transaction.

State is in memory and rebuilt from the database when the clusterer opens (:meth:`open`):
the most recent ``window`` clustered articles are replayed (no scoring), then articles that
were stored but not clustered (an ingest stopped in between) are clustered first.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from wirewatch.errors import StorageError
from wirewatch.models import Article, Failure
from wirewatch.stages.cluster.dedup import DedupOptions, NearDuplicateIndex
from wirewatch.stages.cluster.features import article_features, text_features
from wirewatch.stages.cluster.merge import Mention, MergeOptions, best_match, family, reconcile
from wirewatch.stages.cluster.stories import StoryIndex, StoryOptions, new_story_id
from wirewatch.storage import stories as db
from wirewatch.storage.sql import SQLStore

log = logging.getLogger("wirewatch.cluster")
STAGE = "cluster.stories.v1"


@dataclass(frozen=True, slots=True)
class ClusterOptions:
    """Options of the three parts, and how many stored articles to replay on start."""

    stories: StoryOptions = field(default_factory=StoryOptions)
    dedup: DedupOptions = field(default_factory=DedupOptions)
    merge: MergeOptions = field(default_factory=MergeOptions)
    window: int = 50_000


@dataclass
class ClusterReport:
    """What clustering did (summed over batches)."""

    articles: int = 0
    duplicates: int = 0
    new_stories: int = 0
    merged_events: int = 0
    failures: list[Failure] = field(default_factory=list)


class StoryClusterer:
    """Online clustering bound to one store."""

    def __init__(self, store: SQLStore, options: ClusterOptions | None = None) -> None:
        self.store = store
        self.options = options or ClusterOptions()
        self.index = StoryIndex(self.options.stories)
        self.dedup = NearDuplicateIndex(self.options.dedup)
        self.report = ClusterReport()

    @classmethod
    def open(cls, store: SQLStore, options: ClusterOptions | None = None) -> StoryClusterer:
        """A clusterer with its state rebuilt from ``store``, caught up with unclustered articles."""
        clusterer = cls(store, options)
        replayed = clusterer.rebuild()
        pending = db.unclustered(store)
        if pending:
            log.info("clustering %d stored articles left without a story", len(pending))
            clusterer.add(pending)
        log.debug("cluster state: %d articles replayed, %d stories", replayed, len(clusterer.index.stories))
        return clusterer

    def rebuild(self) -> int:
        """Replay the most recent clustered articles into the in-memory state."""
        n = 0
        for stored in db.recent_clustered(self.store, self.options.window):
            feats = text_features(stored.id, stored.title, stored.text, stored.published)
            self.index.replay(feats, stored.story_id or new_story_id(stored.id))
            if stored.duplicate_of is None:
                self.dedup.add(stored.id, stored.text)
            n += 1
        return n

    def add(self, articles: Sequence[Article]) -> ClusterReport:
        """Cluster newly stored articles (arrival order) and write the results in one transaction."""
        try:
            with self.store.engine.begin() as conn:
                touched: list[str] = []
                for article in articles:
                    story_id = self._place(conn, article)
                    if story_id:
                        touched.append(story_id)
                for story_id in db.touched(touched):
                    db.refresh_story(conn, story_id)
        except SQLAlchemyError as exc:
            raise StorageError(f"writing stories for {len(articles)} articles failed: "
                               f"{str(exc).splitlines()[0]}",
                               hint="Run the same ingest again: stored articles without a story "
                                    "are clustered when it starts.") from exc
        return self.report

    def _place(self, conn: Connection, article: Article) -> str | None:
        try:
            match = self.dedup.check(article.id, article.text)
            feats = article_features(article)
            original_story = db.original_story(conn, match.original_id) if match else None
            if match and original_story:
                story_id, duplicate_of = original_story, match.original_id
                self.index.replay(feats, story_id)
                self.report.duplicates += 1
            else:
                assignment = self.index.assign(feats)
                story_id, duplicate_of = assignment.story_id, None
                self.report.new_stories += int(assignment.is_new)
            db.set_article_story(conn, article.id, story_id, duplicate_of)
            self._merge_events(conn, article.id, story_id, is_duplicate=duplicate_of is not None)
        except SQLAlchemyError:
            raise
        except Exception as exc:  # noqa: BLE001 - one bad article never stops the run (STYLE §3.3)
            reason = f"{type(exc).__name__}: {exc}"
            self.report.failures.append(Failure(stage=STAGE, item=article.id, reason=reason))
            log.info("%s failed on %s: %s", STAGE, article.id, reason)
            return None
        self.report.articles += 1
        return story_id

    def _merge_events(self, conn: Connection, article_id: str, story_id: str, *, is_duplicate: bool) -> None:
        others = [c for c in db.canonical_events(conn, story_id) if c.article_id != article_id]
        kept: list[Mention] = []          # this article's events that stay canonical
        for event in db.article_events(conn, article_id):
            candidates = others + kept
            target = best_match(event, candidates, self.options.merge)
            if target is None and is_duplicate:
                target = _same_family(event, others)
            if target is None:
                kept.append(event)        # a new event: it stays canonical
                continue
            figures = reconcile(db.mentions_of(conn, target.id) + [event])
            db.merge_into(conn, event.id, target.id, figures)
            self.report.merged_events += 1


def _same_family(event: Mention, canonicals: Sequence[Mention]) -> Mention | None:
    """For a wire copy: the first event of the same family in the story (copies add no events)."""
    return next((c for c in canonicals if family(c.type) == family(event.type)), None)

"""The cluster step of `wirewatch ingest`: near-duplicates, stories and merged events.

:class:`StoryClusterer` runs after each batch of articles is stored, in arrival order. For each
new article it (1) checks for a near-duplicate among earlier articles, (2) puts it in a story —
a duplicate in its original's story, any other article by :class:`StoryIndex` — and (3) merges
its events into the story's canonical events, and (4) checks whether the story it joined now
holds two events of the same kind, splitting it in two when it does (:mod:`.split`). Every write
of a batch is one transaction.

Merging is incremental: each story's most recent canonical events and each canonical event's
reconciliation :class:`~.merge.Tally` are kept in memory (bounded LRU caches, read from the
database on a miss and dropped when a batch fails), so a new mention costs the same whether
the event has 2 reports or 500.

State is in memory and rebuilt from the database when the clusterer opens (:meth:`open`):
the most recent ``window`` clustered articles are replayed (no scoring), then articles that
were stored but not clustered (an ingest stopped in between) are clustered first.
"""

from __future__ import annotations

import bisect
import logging
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from wirewatch.errors import StorageError
from wirewatch.models import Article, Failure
from wirewatch.stages.cluster.dedup import DedupOptions, NearDuplicateIndex
from wirewatch.stages.cluster.features import article_features, text_features
from wirewatch.stages.cluster.merge import Mention, MergeOptions, Tally, best_match, family
from wirewatch.stages.cluster.split import SplitOptions, StorySplitter
from wirewatch.stages.cluster.stories import StoryIndex, StoryOptions, Vectors, new_story_id
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
    split: SplitOptions = field(default_factory=SplitOptions)
    window: int = 50_000
    candidate_events: int = 200     # a story's most recent canonical events a new event is matched with
    cached_stories: int = 2_000     # stories whose canonical events are kept in memory
    cached_events: int = 20_000     # canonical events whose reconciliation tally is kept in memory


@dataclass
class ClusterReport:
    """What clustering did (summed over batches)."""

    articles: int = 0
    duplicates: int = 0
    new_stories: int = 0
    merged_events: int = 0
    splits: int = 0
    failures: list[Failure] = field(default_factory=list)


class StoryClusterer:
    """Online clustering bound to one store."""

    def __init__(self, store: SQLStore, options: ClusterOptions | None = None) -> None:
        self.store = store
        self.options = options or ClusterOptions()
        self.index = StoryIndex(self.options.stories)
        self.dedup = NearDuplicateIndex(self.options.dedup)
        self.report = ClusterReport()
        self.duplicate_of: dict[str, str] = {}          # wire copy -> its original (in memory)
        self._canonicals: OrderedDict[str, list[Mention]] = OrderedDict()   # story -> recent canonicals
        self._tallies: OrderedDict[str, Tally] = OrderedDict()             # canonical event -> tally
        self.splitter = StorySplitter(self.options.split)
        self._split_off: list[str] = []                 # stories made by splits in the current article
        self._stats: OrderedDict[str, db.StoryStats] = OrderedDict()      # story -> its row's makings

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
            else:
                self.duplicate_of[stored.id] = stored.duplicate_of
            n += 1
        return n

    def add(self, articles: Sequence[Article]) -> ClusterReport:
        """Cluster newly stored articles (arrival order) and write the results in one transaction."""
        self._split_off.clear()
        try:
            with self.store.engine.begin() as conn:
                touched: list[str] = []
                for article in articles:
                    story_id = self._place(conn, article)
                    if story_id:
                        touched.append(story_id)
                    touched.extend(self._split_off)
                    self._split_off.clear()
                for story_id in db.touched(touched):
                    db.write_story(conn, story_id, self._story_stats(conn, story_id))
        except SQLAlchemyError as exc:
            self._forget()
            raise StorageError(f"writing stories for {len(articles)} articles failed: "
                               f"{str(exc).splitlines()[0]}",
                               hint="Run the same ingest again: stored articles without a story "
                                    "are clustered when it starts.") from exc
        return self.report

    def _place(self, conn: Connection, article: Article) -> str | None:
        story_id: str | None = None
        try:
            match = self.dedup.check(article.id, article.text)
            feats = article_features(article)
            original_story = db.original_story(conn, match.original_id) if match else None
            if match and original_story:
                story_id, duplicate_of = original_story, match.original_id
                self.index.replay(feats, story_id)
                self.duplicate_of[article.id] = match.original_id
                self.report.duplicates += 1
            else:
                assignment = self.index.assign(feats)
                story_id, duplicate_of = assignment.story_id, None
                self.report.new_stories += int(assignment.is_new)
            db.set_article_story(conn, article.id, story_id, duplicate_of)
            if duplicate_of is None and self._split_check(conn, story_id):
                story_id = self.index.story_of.get(article.id, story_id)   # merged again with its story
            else:
                own = self._merge_events(conn, article.id, story_id, is_duplicate=duplicate_of is not None)
                stats = self._stats.get(story_id)      # else read when written (this article included)
                if stats is not None:
                    stats.add(article.published, article.title, db.article_countries(conn, article.id),
                              [e.actor_name for e in own if e.actor_name is not None])
        except SQLAlchemyError:
            raise
        except Exception as exc:  # noqa: BLE001 - one bad article never stops the run (STYLE §3.3)
            self._canonicals.pop(story_id or "", None)   # its events may be half merged: read again
            self._stats.pop(story_id or "", None)
            reason = f"{type(exc).__name__}: {exc}"
            self.report.failures.append(Failure(stage=STAGE, item=article.id, reason=reason))
            log.info("%s failed on %s: %s", STAGE, article.id, reason)
            return None
        self.report.articles += 1
        return story_id

    def _merge_events(self, conn: Connection, article_id: str, story_id: str, *, is_duplicate: bool,
                      count: bool = True) -> list[Mention]:
        """Merge an article's events into the story's canonical events; returns the article's events."""
        canonicals = self._story_canonicals(conn, story_id)
        others = [c for c in canonicals if c.article_id != article_id]
        kept: list[Mention] = []          # this article's events that stay canonical
        own = db.article_events(conn, article_id)
        for event in own:
            candidates = others + kept
            target = best_match(event, candidates, self.options.merge)
            if target is None and is_duplicate:
                target = _same_family(event, others)
            if target is None:
                kept.append(event)        # a new event: it stays canonical
                continue
            tally = self._tally(conn, target.id)
            tally.add(event)
            db.merge_into(conn, event.id, target.id, tally.result())
            self.report.merged_events += int(count)
        if len(others) != len(canonicals):        # read from the database with this article's own events
            canonicals[:] = others
        for event in kept:
            bisect.insort(canonicals, event, key=db.canonical_order)
        del canonicals[:-self.options.candidate_events]
        return own

    def _story_canonicals(self, conn: Connection, story_id: str) -> list[Mention]:
        """The story's most recent canonical events (cached; the list is updated in place)."""
        found = self._canonicals.get(story_id)
        if found is None:
            found = db.canonical_events(conn, story_id, limit=self.options.candidate_events)
            self._canonicals[story_id] = found
            while len(self._canonicals) > self.options.cached_stories:
                self._canonicals.popitem(last=False)
        self._canonicals.move_to_end(story_id)
        return found

    def _tally(self, conn: Connection, canonical_id: str) -> Tally:
        """The reconciliation tally of a canonical event (cached; read from its mentions on a miss)."""
        found = self._tallies.get(canonical_id)
        if found is None:
            found = self._tallies[canonical_id] = Tally(db.mentions_of(conn, canonical_id))
            while len(self._tallies) > self.options.cached_events:
                self._tallies.popitem(last=False)
        self._tallies.move_to_end(canonical_id)
        return found

    def _story_stats(self, conn: Connection, story_id: str) -> db.StoryStats:
        """The makings of a story row (cached; read from the database on a miss)."""
        found = self._stats.get(story_id)
        if found is None:
            found = self._stats[story_id] = db.story_stats(conn, story_id)
            while len(self._stats) > self.options.cached_stories:
                self._stats.popitem(last=False)
        self._stats.move_to_end(story_id)
        return found

    def _forget(self) -> None:
        """Drop the caches of merged events and story rows (the batch's writes were rolled back)."""
        self._canonicals.clear()
        self._tallies.clear()
        self._stats.clear()

    # -- splits ---------------------------------------------------------------------------
    def _split_check(self, conn: Connection, story_id: str) -> bool:
        """Split the story in two when it holds two events; True when it did (events re-merged)."""
        plan = self.splitter.plan(self.index, story_id, self.duplicate_of,
                                  lambda ids: self._stored_vectors(conn, ids))
        if plan is None:
            return False
        if plan.new_id in self.index.stories or db.story_exists(conn, plan.new_id):
            log.warning("not splitting story %s: story %s exists already", story_id, plan.new_id)
            return False
        self.splitter.apply(self.index, plan, self.duplicate_of)
        db.move_articles(conn, plan.moved, plan.new_id)
        self._remerge(conn, (story_id, plan.new_id))
        self._split_off.append(plan.new_id)
        self.report.splits += 1
        log.info("split story %s: %d articles moved to %s (between %.3f, cohesion %.3f/%.3f)",
                 story_id, len(plan.moved), plan.new_id, plan.partition.between, *plan.partition.cohesion)
        return True

    def _stored_vectors(self, conn: Connection, article_ids: Iterable[str]) -> dict[str, tuple[Vectors, date | None]]:
        """Vectors of articles no longer cached, from their stored text (current frequencies)."""
        out: dict[str, tuple[Vectors, date | None]] = {}
        for stored in db.stored_texts(conn, article_ids):
            feats = text_features(stored.id, stored.title, stored.text, stored.published)
            out[stored.id] = (self.index.vectorise(feats), feats.day)
        return out

    def _remerge(self, conn: Connection, story_ids: Sequence[str]) -> None:
        """Merge the stories' events again from scratch, article by article in arrival order."""
        db.reset_merges(conn, story_ids)
        self._tallies.clear()
        for story_id in story_ids:
            self._stats.pop(story_id, None)
        for story_id in story_ids:
            self._canonicals[story_id] = []
            for article_id, duplicate_of in db.story_articles(conn, story_id):
                self._merge_events(conn, article_id, story_id, is_duplicate=duplicate_of is not None,
                                   count=False)


def _same_family(event: Mention, canonicals: Sequence[Mention]) -> Mention | None:
    """For a wire copy: the first event of the same family in the story (copies add no events)."""
    return next((c for c in canonicals if family(c.type) == family(event.type)), None)

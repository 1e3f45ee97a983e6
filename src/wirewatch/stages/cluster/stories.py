"""Online story clustering: each arriving article joins the most similar live story or starts one.

Single pass, incremental, sub-linear per article:

1. the article gets three L2-normalised TF-IDF vectors (IDF from the document frequencies
   seen so far): content terms, names (words written with a capital inside sentences) and
   numbers (tolls, scores, ages, years) — names and numbers are what tell two stories of
   the same kind apart;
2. an inverted index (term → stories holding it, most recent first, capped) yields a few
   candidate stories from the article's top terms;
3. each candidate is scored by *group-average* similarity: the mean over the story's articles
   of the weighted dot products of the three vectors. Unlike the cosine to a centroid, this
   does not grow with the story's size, so one threshold suits stories of 2 and of 200
   articles. A time decay applies when the article's day is far from the story's days;
4. the best story at or above ``threshold`` takes the article; otherwise it starts a story.

Nothing is re-clustered article by article; a story that turns out to hold two events of the
same kind is split in two by :mod:`wirewatch.stages.cluster.split` (:meth:`StoryIndex.split`).
The state is rebuilt from stored articles and their story ids with :meth:`StoryIndex.replay`.
"""

from __future__ import annotations

import hashlib
import heapq
import math
from collections import Counter, OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import islice

from wirewatch.stages.cluster.features import ArticleFeatures


@dataclass(frozen=True, slots=True)
class StoryOptions:
    """Tuning of the story clusterer: general values, the same for every kind of story."""

    threshold: float = 0.18        # an article joins a story when its similarity is at least this
    cohesion_factor: float = 0.35  # ... and at least this share of the story's own cohesion
    weights: tuple[float, float, float] = (0.3, 0.5, 0.2)   # terms, names, numbers
    grace_days: float = 30.0       # no time decay within this many days of the story's days
    decay_days: float = 120.0      # e-folding of the decay beyond the grace period
    query_terms: int = 24          # top article features used to find candidate stories
    postings_cap: int = 200        # most recent stories read per posting list
    candidates: int = 30           # stories scored exactly
    centroid_terms: int = 600      # features kept per story and channel (the heaviest)
    vector_cache: int = 5000       # articles whose vectors are kept (for split checks; LRU)


@dataclass(slots=True)
class Story:
    """A live story: the sums of its articles' unit vectors, its size and its days."""

    id: str
    sums: tuple[Counter[str], Counter[str], Counter[str]] = field(
        default_factory=lambda: (Counter(), Counter(), Counter()))
    size: int = 0
    first_day: date | None = None
    last_day: date | None = None

    def days_from(self, day: date | None) -> float:
        """Days between ``day`` and the story's span (0 inside it, or when either is undated)."""
        if day is None or self.first_day is None or self.last_day is None:
            return 0.0
        if day < self.first_day:
            return float((self.first_day - day).days)
        return float(max(0, (day - self.last_day).days))


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where an article went, and its similarity to that story (0 for a new story)."""

    story_id: str
    is_new: bool
    score: float


Vectors = tuple[dict[str, float], dict[str, float], dict[str, float]]


class StoryIndex:
    """The clusterer's in-memory state and its assign/replay operations."""

    def __init__(self, options: StoryOptions | None = None) -> None:
        self.options = options or StoryOptions()
        self.stories: dict[str, Story] = {}
        self.df: Counter[str] = Counter()     # document frequency per feature (all channels)
        self.n_docs = 0
        self.postings: dict[str, dict[str, None]] = {}   # feature -> story ids, most recent last
        self.members: dict[str, list[str]] = {}          # story id -> article ids, arrival order
        self.story_of: dict[str, str] = {}               # article id -> story id
        #: article id -> its vectors as computed on arrival, and its day (most recently used last)
        self.vectors: OrderedDict[str, tuple[Vectors, date | None]] = OrderedDict()

    def assign(self, feats: ArticleFeatures) -> Assignment:
        """Put the article in its best story (or a new one) and update the state."""
        vectors = self._count_and_vectorise(feats)
        best_id, best = None, 0.0
        for story_id in self._candidates(vectors):
            score = self.score(vectors, feats.day, self.stories[story_id])
            if score > best:
                best_id, best = story_id, score
        if best_id is not None and best >= self.threshold_for(self.stories[best_id]):
            self._add(self.stories[best_id], feats.article_id, vectors, feats.day)
            return Assignment(best_id, False, best)
        story = Story(id=new_story_id(feats.article_id))
        self.stories[story.id] = story
        self._add(story, feats.article_id, vectors, feats.day)
        return Assignment(story.id, True, 0.0)

    def threshold_for(self, story: Story) -> float:
        """The similarity an article needs to join ``story``.

        A tight story (its articles very alike, e.g. one match report) asks more of a newcomer
        than a loose one: a same-kind article about another event is an outsider to the first.
        """
        return max(self.options.threshold, self.options.cohesion_factor * self.cohesion(story))

    def cohesion(self, story: Story) -> float:
        """Mean similarity between two articles of the story (0 below two articles).

        For unit vectors, the sum of pairwise dot products is ``(|sum|^2 - n) / 2``.
        """
        n = story.size
        if n < 2:
            return 0.0
        total = 0.0
        for weight, sums in zip(self.options.weights, story.sums):
            squared = sum(v * v for v in sums.values())
            total += weight * (squared - n) / (n * (n - 1))
        return max(0.0, total)

    def replay(self, feats: ArticleFeatures, story_id: str) -> None:
        """Add an article whose story is already known (a stored article, or a near-duplicate)."""
        vectors = self._count_and_vectorise(feats)
        story = self.stories.get(story_id)
        if story is None:
            story = self.stories[story_id] = Story(id=story_id)
        self._add(story, feats.article_id, vectors, feats.day)

    def score(self, vectors: Vectors, day: date | None, story: Story) -> float:
        """Group-average similarity of an article to a story, with time decay."""
        if story.size == 0:
            return 0.0
        total = 0.0
        for weight, vector, sums in zip(self.options.weights, vectors, story.sums):
            total += weight * sum(w * sums.get(t, 0.0) for t, w in vector.items())
        gap = max(0.0, story.days_from(day) - self.options.grace_days)
        return total / story.size * math.exp(-gap / self.options.decay_days)

    def _count_and_vectorise(self, feats: ArticleFeatures) -> Vectors:
        self.n_docs += 1
        for counts in feats.channels():
            self.df.update(counts.keys())
        return self.vectorise(feats)

    def vectorise(self, feats: ArticleFeatures) -> Vectors:
        """The article's three unit vectors with the current document frequencies (no counting)."""
        return (self._unit(feats.terms), self._unit(feats.names), self._unit(feats.numbers))

    def cached_vectors(self, article_id: str) -> tuple[Vectors, date | None] | None:
        """An article's vectors as computed on arrival (None when no longer cached)."""
        found = self.vectors.get(article_id)
        if found is not None:
            self.vectors.move_to_end(article_id)
        return found

    def remember_vectors(self, article_id: str, vectors: Vectors, day: date | None) -> None:
        """Cache an article's vectors (recomputed from its stored text after they were evicted)."""
        self.vectors[article_id] = (vectors, day)
        self.vectors.move_to_end(article_id)
        while len(self.vectors) > self.options.vector_cache:
            self.vectors.popitem(last=False)

    def split(self, story_id: str, moved: Sequence[str], new_id: str,
              vectors: Mapping[str, tuple[Vectors, date | None]]) -> Story:
        """Move the articles ``moved`` of a story into a new story ``new_id``; rebuild both.

        ``vectors`` holds every member's vectors and day. Each story is rebuilt by adding its
        articles in arrival order, as :meth:`replay` would after a restart.
        """
        if new_id in self.stories:
            raise ValueError(f"story {new_id} exists already")
        moving = set(moved)
        members = self.members.pop(story_id, [])
        kept = [a for a in members if a not in moving]
        gone = [a for a in members if a in moving]
        for article_id in members:
            self.story_of.pop(article_id, None)
        self.stories[story_id] = Story(id=story_id)
        self.stories[new_id] = Story(id=new_id)
        for sid, ids in ((story_id, kept), (new_id, gone)):
            for article_id in ids:
                vecs, day = vectors[article_id]
                self._add(self.stories[sid], article_id, vecs, day)
        return self.stories[new_id]

    def _unit(self, counts: Counter[str]) -> dict[str, float]:
        """The L2-normalised sublinear TF-IDF vector of ``counts``."""
        weighted = {t: (1.0 + math.log(c)) * idf(self.df[t], self.n_docs) for t, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in weighted.values())) or 1.0
        return {t: w / norm for t, w in weighted.items()}

    def _candidates(self, vectors: Vectors) -> list[str]:
        opts = self.options
        weighted: dict[str, float] = {}
        for weight, vector in zip(opts.weights, vectors):
            weighted.update({t: weight * w for t, w in vector.items()})
        top = sorted(weighted, key=weighted.__getitem__, reverse=True)[: opts.query_terms]
        votes: dict[str, float] = {}
        for term in top:
            for story_id in islice(reversed(self.postings.get(term, {})), opts.postings_cap):
                votes[story_id] = votes.get(story_id, 0.0) + weighted[term]
        return heapq.nlargest(opts.candidates, votes, key=votes.__getitem__)

    def _add(self, story: Story, article_id: str, vectors: Vectors, day: date | None) -> None:
        self.story_of[article_id] = story.id
        self.members.setdefault(story.id, []).append(article_id)
        self.remember_vectors(article_id, vectors, day)
        story.size += 1
        limit = self.options.centroid_terms
        for sums, vector in zip(story.sums, vectors):
            sums.update(vector)
            if len(sums) > 2 * limit:
                kept = sums.most_common(limit)
                sums.clear()
                sums.update(dict(kept))
        if day is not None:
            story.first_day = min(story.first_day or day, day)
            story.last_day = max(story.last_day or day, day)
        for vector in vectors:
            for term in vector:
                posting = self.postings.setdefault(term, {})
                posting.pop(story.id, None)      # move to the end: most recent last
                posting[story.id] = None


def idf(df: int, n_docs: int) -> float:
    """Smoothed inverse document frequency."""
    return math.log((n_docs + 1) / (df + 1)) + 1.0


def new_story_id(article_id: str) -> str:
    """Stable id of the story an article starts."""
    return "s" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:15]

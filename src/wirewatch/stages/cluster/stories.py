"""Online story clustering: each arriving article joins the most similar live story or starts one.

Single pass, incremental, sub-linear per article:

1. the article's TF-IDF vector (IDF from the document frequencies seen so far) gives its
   top terms and names;
2. an inverted index (term → stories holding it) yields candidate stories, capped per term;
3. each candidate is scored exactly: cosine to the story centroid over content terms, plus
   cosine over names (people, places, organisations written with capitals), times a time
   decay on the distance between the article's day and the story's days;
4. the best story above ``threshold`` takes the article; otherwise the article starts a story.

Nothing is ever re-clustered. The state (document frequencies, centroids, postings) is
rebuilt from stored articles and their story ids by :meth:`StoryIndex.replay`.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from itertools import islice

from wirewatch.stages.cluster.features import ArticleFeatures, sublinear


@dataclass(frozen=True, slots=True)
class StoryOptions:
    """Tuning of the story clusterer (general values; nothing is tuned per topic)."""

    threshold: float = 0.30        # minimum combined score to join a story
    name_weight: float = 0.5       # share of the score given to names (the rest to content terms)
    decay_days: float = 7.0        # e-folding of the time decay beyond ``grace_days``
    grace_days: float = 3.0        # no decay within this distance of the story's days
    query_terms: int = 20          # top article terms used to retrieve candidate stories
    postings_cap: int = 200        # most recent stories read per posting list
    candidates: int = 40           # stories scored exactly
    centroid_terms: int = 400      # terms kept per story centroid


@dataclass(slots=True)
class Story:
    """A live story: centroid sums and what is shown of it."""

    id: str
    terms: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)
    size: int = 0
    first_day: date | None = None
    last_day: date | None = None
    countries: Counter[str] = field(default_factory=Counter)
    actors: Counter[str] = field(default_factory=Counter)
    title: str | None = None
    tick: int = 0
    norms: tuple[float, float] | None = None

    def norm_terms(self) -> float:
        return self._norms()[0]

    def norm_names(self) -> float:
        return self._norms()[1]

    def _norms(self) -> tuple[float, float]:
        if self.norms is None:
            self.norms = (_norm(self.terms), _norm(self.names))
        return self.norms

    def days_from(self, day: date | None) -> float:
        """Days between ``day`` and the story's span (0 inside it or when either is undated)."""
        if day is None or self.first_day is None or self.last_day is None:
            return 0.0
        if day < self.first_day:
            return float((self.first_day - day).days)
        if day > self.last_day:
            return float((day - self.last_day).days)
        return 0.0


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where an article went, and how sure the clusterer was."""

    story_id: str
    is_new: bool
    score: float


class StoryIndex:
    """The clusterer's in-memory state and its assign/add operations."""

    def __init__(self, options: StoryOptions | None = None) -> None:
        self.options = options or StoryOptions()
        self.stories: dict[str, Story] = {}
        self.df: Counter[str] = Counter()
        self.name_df: Counter[str] = Counter()
        self.n_docs = 0
        self.postings: dict[str, dict[str, None]] = {}   # term -> story ids, most recent last
        self.tick = 0

    # -- public operations -------------------------------------------------------------
    def assign(self, feats: ArticleFeatures) -> Assignment:
        """Put the article in its best story (or a new one) and update the state."""
        self._count(feats)
        best_id, best = None, 0.0
        for story_id in self._candidates(feats):
            score = self.score(feats, self.stories[story_id])
            if score > best:
                best_id, best = story_id, score
        if best_id is not None and best >= self.options.threshold:
            self._add(self.stories[best_id], feats)
            return Assignment(best_id, False, best)
        story = Story(id=new_story_id(feats.article_id))
        self.stories[story.id] = story
        self._add(story, feats)
        return Assignment(story.id, True, best)

    def replay(self, feats: ArticleFeatures, story_id: str) -> None:
        """Add an already-assigned article (state rebuilt from the database)."""
        self._count(feats)
        story = self.stories.get(story_id)
        if story is None:
            story = self.stories[story_id] = Story(id=story_id)
        self._add(story, feats)

    def join(self, feats: ArticleFeatures, story_id: str) -> None:
        """Add an article to a known story without scoring (near-duplicates follow their original)."""
        self.replay(feats, story_id)

    def score(self, feats: ArticleFeatures, story: Story) -> float:
        """Combined similarity of an article and a story, in [0, 1]."""
        opts = self.options
        text = _cosine(self._unit(feats.terms, self.df), story.terms, story.norm_terms())
        names = _cosine(self._unit(feats.names, self.name_df), story.names, story.norm_names())
        combined = (1 - opts.name_weight) * text + opts.name_weight * names
        gap = max(0.0, story.days_from(feats.day) - opts.grace_days)
        return combined * math.exp(-gap / opts.decay_days)

    # -- internals ----------------------------------------------------------------------
    def _count(self, feats: ArticleFeatures) -> None:
        self.n_docs += 1
        self.df.update(feats.terms.keys())
        self.name_df.update(feats.names.keys())

    def _weights(self, tf: dict[str, float], df: Counter[str]) -> dict[str, float]:
        return {t: w * idf(df[t], self.n_docs) for t, w in tf.items()}

    def _unit(self, counts: Counter[str], df: Counter[str]) -> dict[str, float]:
        """The L2-normalised TF-IDF vector of ``counts``."""
        weighted = self._weights(sublinear(counts), df)
        norm = math.sqrt(sum(w * w for w in weighted.values())) or 1.0
        return {t: w / norm for t, w in weighted.items()}

    def _candidates(self, feats: ArticleFeatures) -> list[str]:
        opts = self.options
        weighted = self._weights(sublinear(feats.terms), self.df)
        weighted.update({f"@{k}": v for k, v in self._weights(sublinear(feats.names), self.name_df).items()})
        top = sorted(weighted, key=weighted.__getitem__, reverse=True)[: opts.query_terms]
        votes: Counter[str] = Counter()
        for term in top:
            for story_id in islice(reversed(self.postings.get(term, {})), opts.postings_cap):
                votes[story_id] += weighted[term]
        return [s for s, _ in votes.most_common(opts.candidates)]

    def _add(self, story: Story, feats: ArticleFeatures) -> None:
        self.tick += 1
        story.tick = self.tick
        story.size += 1
        story.terms.update(self._unit(feats.terms, self.df))
        story.names.update(self._unit(feats.names, self.name_df))
        if len(story.terms) > self.options.centroid_terms * 2:
            story.terms = Counter(dict(story.terms.most_common(self.options.centroid_terms)))
        story.norms = None
        story.countries.update(feats.countries)
        story.actors.update(feats.actors)
        if feats.day is not None:
            story.first_day = min(story.first_day or feats.day, feats.day)
            story.last_day = max(story.last_day or feats.day, feats.day)
        if story.title is None and feats.title:
            story.title = feats.title
        for key in list(feats.terms) + [f"@{n}" for n in feats.names]:
            posting = self.postings.setdefault(key, {})
            posting.pop(story.id, None)      # move to the end: most recent last
            posting[story.id] = None


def idf(df: int, n_docs: int) -> float:
    """Smoothed inverse document frequency."""
    return math.log((n_docs + 1) / (df + 1)) + 1.0


def _norm(vector: Counter[str]) -> float:
    return math.sqrt(sum(v * v for v in vector.values()))


def _cosine(unit: dict[str, float], centroid: Counter[str], norm: float) -> float:
    """Cosine of a unit vector and a centroid of unit vectors."""
    if not unit or norm == 0.0:
        return 0.0
    return sum(w * centroid.get(t, 0.0) for t, w in unit.items()) / norm


def new_story_id(article_id: str) -> str:
    """Stable id of the story an article starts."""
    return "s" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:15]

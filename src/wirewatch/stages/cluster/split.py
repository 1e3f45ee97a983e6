"""Splitting a story that holds two events of the same kind.

Online assignment sees one article at a time: the first report of a second earthquake may be
closer to the story of the first earthquake than the threshold asks, and later reports of the
second quake then follow it there. Once such a story has grown, its articles show two groups
that are each tight but alike only loosely. :func:`best_split` looks for that structure:

1. the similarity matrix of the story's distinct reports (wire copies left out: they would
   only repeat their original), with the same weighted TF-IDF vectors as story assignment;
2. a spectral bisection (sign of the Fiedler vector of the normalised similarity graph),
   refined by moving each article to the group it is more similar to on average;
3. the split is kept when both groups have at least ``min_group`` articles and the mean
   similarity between the groups is below ``ratio`` times the cohesion (mean similarity
   inside) of the looser group.

A story is checked when it has grown by a share ``growth`` since its last check, so the cost
per article stays bounded as stories grow (and stories above ``max_size`` are not checked).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from wirewatch.stages.cluster.stories import StoryIndex, Vectors, new_story_id


@dataclass(frozen=True, slots=True)
class SplitOptions:
    """When a story is split in two (general values, not tuned per topic)."""

    enabled: bool = True
    min_group: int = 6            # distinct reports each group needs
    ratio: float = 0.75           # between-group similarity below this share of the looser cohesion
    growth: float = 0.25          # re-check a story when it has grown by this share (at least 1)
    max_size: int = 400           # larger stories are not checked (distinct reports)
    refine_rounds: int = 10


@dataclass(frozen=True, slots=True)
class Partition:
    """Two groups of a story's distinct reports (indexes into the input), with their figures."""

    first: list[int]
    second: list[int]
    between: float          # mean similarity of a pair across the groups
    cohesion: tuple[float, float]   # mean similarity of a pair inside each group

    def is_split(self, options: SplitOptions) -> bool:
        """Both groups large enough and far more alike inside than across."""
        return (min(len(self.first), len(self.second)) >= options.min_group
                and self.between < options.ratio * min(self.cohesion))


def matrix(vectors: Sequence[Vectors], weights: Sequence[float]) -> np.ndarray:
    """Rows whose dot products are the weighted similarities of the articles (one row each)."""
    columns: dict[tuple[int, str], int] = {}
    for vecs in vectors:
        for channel, vector in enumerate(vecs):
            for term in vector:
                columns.setdefault((channel, term), len(columns))
    rows = np.zeros((len(vectors), max(1, len(columns))), dtype=np.float64)
    scale = [math.sqrt(w) for w in weights]
    for i, vecs in enumerate(vectors):
        for channel, vector in enumerate(vecs):
            for term, value in vector.items():
                rows[i, columns[(channel, term)]] = scale[channel] * value
    return rows


def best_split(vectors: Sequence[Vectors], weights: Sequence[float], options: SplitOptions) -> Partition | None:
    """The best two-way partition of the articles (None when there are too few to split)."""
    n = len(vectors)
    if n < 2 * options.min_group:
        return None
    x = matrix(vectors, weights)
    sim = x @ x.T
    np.fill_diagonal(sim, 0.0)
    sim = np.clip(sim, 0.0, None)
    labels = _spectral(sim)
    labels = _refine(sim, labels, options.refine_rounds)
    first = [i for i in range(n) if not labels[i]]
    second = [i for i in range(n) if labels[i]]
    if not first or not second:
        return None
    return Partition(first, second, _mean(sim, first, second),
                     (_mean_inside(sim, first), _mean_inside(sim, second)))


def _spectral(sim: np.ndarray) -> np.ndarray:
    degree = sim.sum(axis=1)
    inv = 1.0 / np.sqrt(np.maximum(degree, 1e-12))
    normalised = inv[:, None] * sim * inv[None, :]
    _, vectors = np.linalg.eigh(normalised)
    fiedler = vectors[:, -2] * inv          # second largest of D^-1/2 W D^-1/2
    labels = fiedler > 0
    if labels.all() or not labels.any():
        labels = fiedler > np.median(fiedler)
    oriented: np.ndarray = ~labels if labels[0] else labels   # deterministic: the first article in group 0
    return oriented


def _refine(sim: np.ndarray, labels: np.ndarray, rounds: int) -> np.ndarray:
    """Move each article to the group it is more similar to on average (until stable)."""
    for _ in range(rounds):
        group = labels.astype(bool)
        n_second = int(group.sum())
        n_first = len(group) - n_second
        if n_first < 2 or n_second < 2:
            return labels
        to_second = sim[:, group].sum(axis=1)
        to_first = sim[:, ~group].sum(axis=1)
        # an article is not its own neighbour: its own group has one member fewer
        mean_second = to_second / np.where(group, n_second - 1, n_second)
        mean_first = to_first / np.where(group, n_first, n_first - 1)
        new: np.ndarray = mean_second > mean_first
        if np.array_equal(new, group):
            return new
        labels = new
    final: np.ndarray = labels.astype(bool)
    return final


def _mean(sim: np.ndarray, a: list[int], b: list[int]) -> float:
    return float(sim[np.ix_(a, b)].mean()) if a and b else 0.0


def _mean_inside(sim: np.ndarray, a: list[int]) -> float:
    if len(a) < 2:
        return 0.0
    return float(sim[np.ix_(a, a)].sum() / (len(a) * (len(a) - 1)))


@dataclass(frozen=True, slots=True)
class Plan:
    """A split to make: the articles that leave ``story_id`` for ``new_id`` (arrival order)."""

    story_id: str
    new_id: str
    moved: list[str]
    partition: Partition
    vectors: dict[str, tuple[Vectors, date | None]]   # every member's vectors (to rebuild both stories)


Loader = Callable[[Sequence[str]], Mapping[str, tuple[Vectors, date | None]]]


class StorySplitter:
    """Decides when and how a story of a :class:`StoryIndex` is split (no storage here).

    ``duplicate_of`` maps wire copies to their originals: copies take no part in the decision
    and follow their original. The group holding the story's first article keeps the story id;
    the other group gets the id of its own first article (:func:`new_story_id`).
    """

    def __init__(self, options: SplitOptions | None = None) -> None:
        self.options = options or SplitOptions()
        self.checked: dict[str, int] = {}     # story -> distinct reports at its last check

    def plan(self, index: StoryIndex, story_id: str, duplicate_of: Mapping[str, str],
             load: Loader | None = None) -> Plan | None:
        """The split ``story_id`` needs now, or None (checked when it has grown enough)."""
        opts = self.options
        members = index.members.get(story_id, [])
        distinct = [a for a in members if a not in duplicate_of]
        n = len(distinct)
        if not opts.enabled or n < 2 * opts.min_group or n > opts.max_size \
                or n < self.checked.get(story_id, 0) * (1 + opts.growth):
            return None
        self.checked[story_id] = n
        vectors = _vectors(index, distinct, load)
        part = best_split([vectors[a][0] for a in distinct], index.options.weights, opts)
        if part is None or not part.is_split(opts):
            return None
        groups = ({distinct[i] for i in part.first}, {distinct[i] for i in part.second})
        moving = groups[1] if members[0] in groups[0] else groups[0]
        moving |= {a for a in members if duplicate_of.get(a) in moving}
        moved = [a for a in members if a in moving]
        vectors.update(_vectors(index, [a for a in members if a not in vectors], load))
        return Plan(story_id, new_story_id(moved[0]), moved, part, vectors)

    def apply(self, index: StoryIndex, plan: Plan, duplicate_of: Mapping[str, str]) -> None:
        """Make the split in the index (the caller checked that ``plan.new_id`` is free)."""
        index.split(plan.story_id, plan.moved, plan.new_id, plan.vectors)
        moved = sum(1 for a in plan.moved if a not in duplicate_of)
        self.checked[plan.new_id] = moved
        self.checked[plan.story_id] = self.checked.get(plan.story_id, 0) - moved


def _vectors(index: StoryIndex, article_ids: Sequence[str],
             load: Loader | None) -> dict[str, tuple[Vectors, date | None]]:
    out: dict[str, tuple[Vectors, date | None]] = {}
    missing = []
    for article_id in article_ids:
        found = index.cached_vectors(article_id)
        if found is None:
            missing.append(article_id)
        else:
            out[article_id] = found
    if missing:
        if load is None:
            raise KeyError(f"no vectors for {len(missing)} articles")
        loaded = load(missing)
        for article_id, (vecs, day) in loaded.items():
            index.remember_vectors(article_id, vecs, day)
        out.update(loaded)
    return out

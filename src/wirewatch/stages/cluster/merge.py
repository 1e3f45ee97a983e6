"""Cross-article event merging: mentions of one real event become one canonical event.

Two events describe the same real event when they are in the same story and have the same
type family, compatible actors and targets (no conflicting countries), places within a
distance that depends on how precise the places are, days within a window, and death tolls
of the same order. The first report is the canonical row; later reports keep their own rows
with ``merged_into`` pointing at it. :func:`reconcile` gives the canonical figures: the range
of reported deaths, the figure reported by most articles (the latest on a tie), and a status
where a claim outranks an allegation while denials stay listed in ``statuses``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

#: PLOVER types that describe the same kind of happening.
FAMILIES: dict[str, str] = {
    "ASSAULT": "violence", "COERCE": "violence",
    "PROTEST": "protest", "THREATEN": "threat", "MOBILIZE": "mobilize", "SANCTION": "sanction",
    "ACCUSE": "verbal-conflict", "REJECT": "verbal-conflict",
    "AGREE": "verbal-cooperation", "CONSULT": "verbal-cooperation", "SUPPORT": "verbal-cooperation",
    "CONCEDE": "concede", "RETREAT": "concede",
    "COOPERATE": "material-cooperation", "AID": "material-cooperation", "REQUEST": "request",
}
#: Reconciled status: the highest-ranked status among the mentions wins.
STATUS_RANK: tuple[str, ...] = (
    "claimed", "actual", "alleged", "threatened", "hypothetical", "denied", "negated",
)
#: How far apart two places may be (km), by the coarser place's precision.
RADIUS_KM: dict[str, float] = {"point": 50.0, "admin2": 100.0, "admin1": 350.0}
_WORD = re.compile(r"[a-z]{3,}")


@dataclass(frozen=True, slots=True)
class Mention:
    """One article's event as merging sees it (a row of the events table)."""

    id: str
    article_id: str
    type: str
    actor_name: str | None = None
    actor_country: str | None = None
    target_name: str | None = None
    target_country: str | None = None
    place_name: str | None = None
    place_country: str | None = None
    place_lat: float | None = None
    place_lon: float | None = None
    place_precision: str | None = None
    date: str | None = None
    killed: int | None = None
    status: str = "actual"
    published: str | None = None
    evidence_text: str = ""
    position: int = 0             # where the evidence starts in its article (the lead comes first)

    @property
    def day(self) -> dt.date | None:
        """The event's day, else its article's publication day."""
        for value in (self.date, self.published):
            if value:
                try:
                    return dt.date.fromisoformat(value[:10])
                except ValueError:
                    continue
        return None


@dataclass(frozen=True, slots=True)
class MergeOptions:
    """Windows for calling two mentions the same event."""

    date_window_days: int = 3
    max_killed_ratio: float = 3.0    # tolls further apart than this (and 5 deaths) are two events


def family(event_type: str) -> str:
    """The type family ("violence" for ASSAULT and COERCE)."""
    return FAMILIES.get(event_type, event_type)


def is_compatible(a: Mention, b: Mention, options: MergeOptions | None = None) -> bool:
    """True when nothing in the two mentions says they are different events."""
    opts = options or MergeOptions()
    if family(a.type) != family(b.type):
        return False
    if _conflict(a.actor_country, b.actor_country) or _conflict(a.target_country, b.target_country):
        return False
    if not _places_compatible(a, b):
        return False
    day_a, day_b = a.day, b.day
    if day_a and day_b and abs((day_a - day_b).days) > opts.date_window_days:
        return False
    if a.killed is not None and b.killed is not None:
        low, high = sorted((a.killed, b.killed))
        if high > opts.max_killed_ratio * low + 5:
            return False
    return True


def match_score(a: Mention, b: Mention) -> float:
    """How alike two compatible mentions are (higher is more alike)."""
    score = 1.0 if a.type == b.type else 0.0
    if a.day and b.day:
        score += 1.0 / (1 + abs((a.day - b.day).days))
    if a.place_name and b.place_name and a.place_name.lower() == b.place_name.lower():
        score += 1.0
    score += _overlap(a.actor_name, b.actor_name) + _overlap(a.target_name, b.target_name)
    if a.killed is not None and b.killed is not None:
        score += 0.5
    return score + _overlap(a.evidence_text, b.evidence_text)


def best_match(event: Mention, canonicals: Iterable[Mention],
               options: MergeOptions | None = None) -> Mention | None:
    """The canonical event that ``event`` reports too, or None when it is a new event."""
    best, best_score = None, -math.inf
    for canonical in canonicals:
        if canonical.id == event.id or not is_compatible(event, canonical, options):
            continue
        score = match_score(event, canonical)
        if score > best_score:
            best, best_score = canonical, score
    return best


@dataclass(frozen=True, slots=True)
class Reconciled:
    """The canonical figures of a merged event."""

    mention_count: int           # articles that report the event
    killed: int | None           # reported by most articles; the latest report on a tie
    killed_min: int | None
    killed_max: int | None
    status: str
    statuses: dict[str, int]     # status -> mentions, so that a denial stays visible


def reconcile(mentions: Sequence[Mention]) -> Reconciled:
    """Combine the mentions of one event (any order)."""
    per_article = _article_figures(mentions)
    figures = [k for k, _ in per_article.values() if k is not None]
    killed = None
    if figures:
        votes = Counter(figures)
        top = max(votes.values())
        latest = max((pub or "", k) for k, pub in per_article.values() if k is not None and votes[k] == top)
        killed = latest[1]
    statuses = Counter(m.status for m in mentions)
    status = min(statuses, key=lambda s: STATUS_RANK.index(s) if s in STATUS_RANK else len(STATUS_RANK))
    return Reconciled(len({m.article_id for m in mentions}), killed, min(figures, default=None),
                      max(figures, default=None), status, dict(statuses))


class Tally:
    """:func:`reconcile` kept up to date one mention at a time (the same result, near-constant cost).

    Holds each article's mentions (killed figure by text position) and publication date, the
    votes per figure and the status counts of one canonical event.
    """

    __slots__ = ("_by_figure", "_figure", "_latest", "_published", "_rows", "_statuses", "_votes")

    def __init__(self, mentions: Iterable[Mention] = ()) -> None:
        self._rows: dict[str, list[tuple[int, int, int | None]]] = {}   # article -> (position, order, killed)
        self._published: dict[str, str] = {}        # article -> its latest publication date ("" if none)
        self._figure: dict[str, int | None] = {}    # article -> its figure
        self._votes: Counter[int] = Counter()       # figure -> articles reporting it
        self._by_figure: dict[int, dict[str, str]] = {}   # figure -> {article: published}
        self._latest: dict[int, str] = {}           # figure -> latest publication date of its articles
        self._statuses: Counter[str] = Counter()
        for m in mentions:
            self.add(m)

    def add(self, m: Mention) -> None:
        """Count one more mention."""
        rows = self._rows.setdefault(m.article_id, [])
        rows.append((m.position, len(rows), m.killed))
        rows.sort(key=lambda r: (r[0], r[1]))       # text order; arrival order on a tie (stable)
        old_figure = self._figure.get(m.article_id)
        published = max(self._published.get(m.article_id, ""), m.published or "")
        self._published[m.article_id] = published
        counts = Counter(k for _, _, k in rows if k is not None)
        figure = max(counts, key=counts.__getitem__) if counts else None
        self._figure[m.article_id] = figure
        if old_figure is not None:           # the article's second mention: it may change its figure
            self._votes[old_figure] -= 1
            del self._by_figure[old_figure][m.article_id]
            if not self._votes[old_figure]:
                del self._votes[old_figure], self._by_figure[old_figure], self._latest[old_figure]
            else:
                self._latest[old_figure] = max(self._by_figure[old_figure].values())
        if figure is not None:
            self._votes[figure] += 1
            self._by_figure.setdefault(figure, {})[m.article_id] = published
            self._latest[figure] = max(self._latest.get(figure, ""), published)
        self._statuses[m.status] += 1

    def result(self) -> Reconciled:
        """The same figures as :func:`reconcile` on every mention added so far."""
        killed = None
        if self._votes:
            top = max(self._votes.values())
            killed = max((self._latest[k], k) for k, v in self._votes.items() if v == top)[1]
        status = min(self._statuses,
                     key=lambda s: STATUS_RANK.index(s) if s in STATUS_RANK else len(STATUS_RANK))
        return Reconciled(len(self._rows), killed, min(self._votes, default=None),
                          max(self._votes, default=None), status, dict(self._statuses))


def _article_figures(mentions: Sequence[Mention]) -> dict[str, tuple[int | None, str | None]]:
    """Each article's death toll (its most repeated figure, the earliest on a tie) and date."""
    by_article: dict[str, list[Mention]] = {}
    for m in mentions:
        by_article.setdefault(m.article_id, []).append(m)
    out: dict[str, tuple[int | None, str | None]] = {}
    for article_id, rows in by_article.items():
        rows.sort(key=lambda m: m.position)
        counts = Counter(m.killed for m in rows if m.killed is not None)
        figure = max(counts, key=counts.__getitem__) if counts else None   # first counted wins ties
        out[article_id] = (figure, max((m.published or "" for m in rows), default=None))
    return out


def _conflict(a: str | None, b: str | None) -> bool:
    return bool(a and b and a != b)


def _places_compatible(a: Mention, b: Mention) -> bool:
    if _conflict(a.place_country, b.place_country):
        return False
    if None in (a.place_lat, a.place_lon, b.place_lat, b.place_lon):
        return True
    coarser = max(RADIUS_KM.get(a.place_precision or "", math.inf),
                  RADIUS_KM.get(b.place_precision or "", math.inf))
    if coarser == math.inf:     # a country or region: the country check above is all we can say
        return True
    return distance_km(a.place_lat, a.place_lon, b.place_lat, b.place_lon) <= coarser  # type: ignore[arg-type]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _overlap(a: str | None, b: str | None) -> float:
    """Jaccard of the words (3+ letters) of two strings; 0 when either is empty."""
    if not a or not b:
        return 0.0
    wa, wb = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0

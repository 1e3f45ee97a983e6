"""The storage interface the rest of wirewatch programs against."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from wirewatch.models import Article


@dataclass(frozen=True, slots=True)
class AddResult:
    """What a write did: articles newly stored, and those already there (skipped)."""

    added: int
    skipped: int
    events: int
    added_ids: tuple[str, ...] = ()


class EventStore(Protocol):
    """Articles, their places and events. Writes are transactional and idempotent."""

    def add_articles(self, articles: Iterable[Article]) -> AddResult:
        """Store articles with their events and places; known articles are skipped."""
        ...

    def has_article(self, article_id: str) -> bool:
        """True when the article id (or an identical text without URL) is stored."""
        ...

    def get_article(self, article_id: str) -> Article | None:
        """One article with its events and places."""
        ...

    def iter_articles(self) -> Iterator[Article]:
        """Every article in arrival order, with events and places."""
        ...

    def iter_event_rows(self) -> Iterator[dict[str, Any]]:
        """Every event as an export row (the event contract plus ``article_id`` and ``url``)."""
        ...

    def counts(self) -> dict[str, int]:
        """Numbers of articles, events and places."""
        ...

    def close(self) -> None:
        """Release connections."""
        ...

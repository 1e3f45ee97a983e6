"""What one page becomes in a backfill, in a form that crosses process boundaries (Ray).

Both engines run :func:`process_documents` (the live pipeline) and hand the driver
:class:`PageResult` values; the Ray engine sends them as JSON text.
"""

from __future__ import annotations

import hashlib
import json
import resource
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from wirewatch.models import Actor, Article, Document, Event, EventPlace, Evidence, Place
from wirewatch.pipeline.builder import Pipeline


@dataclass(frozen=True)
class PageResult:
    """One page's outcome: an article dict (``Article.to_dict``), or the stage and reason it failed."""

    source: str
    article: dict[str, Any] | None = None
    failed_stage: str | None = None
    reason: str | None = None

    def to_json(self) -> str:
        return json.dumps({"source": self.source, "article": self.article, "failed_stage": self.failed_stage,
                           "reason": self.reason}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> PageResult:
        data = json.loads(text)
        return cls(data["source"], data["article"], data["failed_stage"], data["reason"])


def iter_page_results(pipeline: Pipeline, documents: Iterable[Document]) -> Iterator[PageResult]:
    """Run the pipeline over documents; one result per document, in input order."""
    for work in pipeline.run(documents):
        if work.failure is not None:
            yield PageResult(work.document.uri, failed_stage=work.failure.stage, reason=work.failure.reason)
        elif work.article is not None:
            yield PageResult(work.document.uri, article=work.article.to_dict())
        else:
            yield PageResult(work.document.uri, failed_stage="pipeline", reason="no article")
        pipeline.ctx.failures.clear()   # kept in the results; a long run must not accumulate them


def document_row(file: str, document: Document) -> dict[str, Any]:
    """A document as a flat row (Ray Data)."""
    return {"file": file, "kind": "page", "uri": document.uri, "url": document.url or "",
            "content": document.content, "content_type": document.content_type or "",
            "fetched_at": document.fetched_at.isoformat() if document.fetched_at else "", "stats": ""}


def document_from_row(row: Mapping[str, Any]) -> Document:
    """The inverse of :func:`document_row`."""
    fetched = row.get("fetched_at") or None
    return Document(uri=row["uri"], content=bytes(row["content"]), content_type=row.get("content_type") or None,
                    url=row.get("url") or None, fetched_at=datetime.fromisoformat(fetched) if fetched else None)


def article_from_dict(data: Mapping[str, Any], source_uri: str | None = None) -> Article:
    """An :class:`Article` from its ``to_dict`` form (for loading backfill results into a store)."""
    events = [_event(e) for e in data.get("events") or []]
    places = [Place(**p) for p in data.get("places") or []]
    text = data.get("text") or ""
    return Article(id=data["id"], url=data.get("url"), title=data.get("title"), published=data.get("published"),
                   site=data.get("site"), language=data.get("language"), text=text, dateline=data.get("dateline"),
                   events=events, places=places, content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                   source_uri=source_uri)


def _event(data: Mapping[str, Any]) -> Event:
    place = data.get("place")
    fields = {k: v for k, v in data.items() if k not in ("actor", "target", "place", "evidence", "mentions")}
    return Event(**fields, actor=Actor(**data["actor"]), target=Actor(**data["target"]),
                 place=EventPlace(**place) if place else None, evidence=Evidence(**data["evidence"]),
                 mentions=tuple(Evidence(**m) for m in data.get("mentions") or ()))


def max_rss_mb() -> float:
    """Peak resident memory of this process, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

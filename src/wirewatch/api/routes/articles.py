"""`/api/articles/{id}` and `POST /api/articles` (process given HTML, or fetch a URL)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from fastapi import APIRouter, Depends, Request, Response

from wirewatch.api.deps import get_settings, get_store
from wirewatch.api.problems import ApiError, not_found
from wirewatch.api.schemas import ArticleOut, ArticleSubmit, ArticleSubmitted
from wirewatch.api.security import require_write
from wirewatch.models import Article, Document
from wirewatch.pipeline.builder import Pipeline

router = APIRouter(tags=["articles"])
PipelineFactory = Callable[[], Pipeline]


@router.get("/api/articles/{article_id}", response_model=ArticleOut, summary="One article",
            responses={404: {"description": "No such article"}})
def get_article(request: Request, article_id: str) -> dict[str, Any]:
    """The article with its text, coded events (with evidence offsets) and place mentions."""
    article = get_store(request).get_article(article_id)
    if article is None:
        raise not_found("article", article_id)
    return article.to_dict(store_fields=True)


@router.post("/api/articles", response_model=ArticleSubmitted, status_code=201,
             dependencies=[Depends(require_write)], summary="Add an article (token required)",
             responses={401: {"description": "Missing or wrong token"},
                        403: {"description": "No token configured: writes are disabled"},
                        422: {"description": "No article text in the page"},
                        501: {"description": "URL fetching not available"},
                        502: {"description": "The URL could not be fetched"}})
def submit_article(request: Request, body: ArticleSubmit, response: Response) -> dict[str, Any]:
    """Process an article through the default pipeline and store it; returns it with its events.

    `{"url": ..., "html": ...}` processes the given HTML; `{"url": ...}` alone fetches the page
    (through the SSRF guard; `--allow-host` opens a host). Submitting a stored article again returns
    the stored one with `"added": false` and status 200.
    """
    if not body.url.lower().startswith(("http://", "https://")):
        raise ApiError(400, "bad value for 'url': only http:// and https:// URLs are accepted.")
    published = _parse_published(body.published)
    document = _html_document(request, body, published) if body.html is not None else \
        _fetched_document(request, body.url, published)
    article = _process(request, document)
    result = get_store(request).add_articles([article])
    stored = get_store(request).get_article(article.id) or article
    if result.added != 1:
        response.status_code = 200
    return {"article": stored.to_dict(store_fields=True), "added": result.added == 1}


def _parse_published(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ApiError(400, f"bad value for 'published': {value!r} is not a date (YYYY-MM-DD).") from None


def _html_document(request: Request, body: ArticleSubmit, published: date | None) -> Document:
    content = (body.html or "").encode("utf-8")
    limit = get_settings(request).api.max_html_bytes
    if len(content) > limit:
        raise ApiError(413, f"the HTML is {len(content)} bytes, over the {limit}-byte limit.",
                       hint="Raise api.max_html_bytes, or trim the page.")
    return Document(uri=body.url, content=content, content_type="text/html", url=body.url,
                    published=published, fetched_at=datetime.now(UTC), source="api")


def _fetched_document(request: Request, url: str, published: date | None) -> Document:
    try:
        from wirewatch.fetch import fetch_document
    except ImportError:
        raise ApiError(501, "fetching URLs is not available in this build.",
                       hint='Send the page as {"url": ..., "html": ...} instead.') from None
    document: Document = fetch_document(url, allow_hosts=get_settings(request).allow_hosts,
                                        published=published)
    return document


def _process(request: Request, document: Document) -> Article:
    """Run one document through the app's pipeline (built on first use, one run at a time)."""
    state = request.app.state
    with state.pipeline_lock:
        if state.pipeline is None:
            state.pipeline = state.pipeline_factory()
        work = next(iter(state.pipeline.run([document])))
        state.pipeline.ctx.failures.clear()
    if work.failure is not None or work.article is None:
        reason = work.failure.reason if work.failure else "no article was produced"
        raise ApiError(422, f"the page could not be processed: {reason}",
                       hint="Check that the HTML is a news article page.")
    article: Article = work.article
    return article


def new_pipeline_state() -> dict[str, Any]:
    """What :func:`_process` keeps on ``app.state``."""
    return {"pipeline": None, "pipeline_lock": threading.Lock()}

"""Fetching over HTTP: SSRF-guarded, polite, conditional, retried and size-capped.

``fetch_document(url)`` is what ``wirewatch process URL`` and the API use; the watch loop
keeps one :class:`Fetcher` with its per-host state and a :class:`FetchStateStore`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

import httpx

from wirewatch.errors import FetchError
from wirewatch.fetch.body import TooLargeError
from wirewatch.fetch.client import USER_AGENT, Fetcher, FetchOptions, FetchResult, HTTPStatusError
from wirewatch.fetch.ssrf import Resolver, SSRFGuard, blocked_reason, system_resolver
from wirewatch.fetch.state import FetchState, FetchStateStore
from wirewatch.models import Document


def fetch_document(url: str, *, allow_hosts: Iterable[str] = (), client: httpx.Client | None = None,
                   published: date | datetime | None = None, options: FetchOptions | None = None,
                   resolver: Resolver | None = None) -> Document:
    """Fetch one page as a :class:`Document` (robots.txt is not consulted for a page the user asked for).

    Raises :class:`FetchError` (refused by the SSRF guard, HTTP error, timeout, over the size cap).
    """
    guard = SSRFGuard.build(allow_hosts, resolver)
    with Fetcher(options or FetchOptions(retries=1), guard=guard, client=client) as fetcher:
        result = fetcher.fetch(url, conditional=False, polite=False)
    return document_from_result(result, published=published)


def document_from_result(result: FetchResult, *, published: date | datetime | None = None,
                         source: str | None = None, url: str | None = None) -> Document:
    """The :class:`Document` for a completed fetch (content type without parameters)."""
    content_type = (result.content_type or "").split(";", 1)[0].strip().lower() or None
    return Document(uri=result.final_url, content=result.content, content_type=content_type,
                    url=url or result.final_url, published=published, fetched_at=result.fetched_at,
                    source=source)


__all__ = ["USER_AGENT", "FetchError", "FetchOptions", "FetchResult", "FetchState", "FetchStateStore",
           "Fetcher", "HTTPStatusError", "Resolver", "SSRFGuard", "TooLargeError", "blocked_reason",
           "document_from_result", "fetch_document", "system_resolver"]

"""Polling one source: what is new since last time, as :class:`Document` items.

Feeds and sitemaps are fetched with conditional GET; a 304 means nothing to do. Items whose
URL was fetched before (fetch state) or whose article is stored are not fetched again.
Nothing is marked as seen here: the loop commits ``PollResult.seen`` only after the
documents are stored, so a worker killed mid-poll loses nothing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from wirewatch.errors import FeedParseError, WirewatchError
from wirewatch.fetch import document_from_result
from wirewatch.fetch.client import Fetcher, FetchResult
from wirewatch.fetch.state import FetchState, FetchStateStore, utcnow
from wirewatch.models import Document
from wirewatch.sources import WARC_SUFFIXES
from wirewatch.stages.extract import article_id
from wirewatch.stages.ingest import expand_paths, read_file
from wirewatch.storage.sql import SQLStore
from wirewatch.watch.feeds import FeedItem, parse_feed, parse_sitemap, sniff_kind
from wirewatch.watch.leases import Lease

MAX_CHILD_SITEMAPS = 10


@dataclass
class PollResult:
    """What one poll found. ``error`` is the source-level failure; item errors do not stop it."""

    source: Lease
    documents: list[Document] = field(default_factory=list)
    seen: list[FetchState] = field(default_factory=list)      # commit once the documents are stored
    item_errors: list[tuple[str, str]] = field(default_factory=list)   # (url, reason)
    error: str | None = None
    not_modified: bool = False


@dataclass
class Poller:
    """Polls sources with a shared fetcher; ``max_items`` caps the new items fetched per poll."""

    fetcher: Fetcher
    state: FetchStateStore
    store: SQLStore
    max_items: int = 50

    def poll(self, source: Lease) -> PollResult:
        result = PollResult(source)
        try:
            if source.kind == "folder" or (source.kind == "auto" and "://" not in source.location):
                self._poll_folder(source, result)
            else:
                self._poll_url(source, result)
        except WirewatchError as exc:
            result.error = exc.message
        return result

    # ----- URLs ---------------------------------------------------------------------------------

    def _poll_url(self, source: Lease, result: PollResult) -> None:
        fetched = self.fetcher.fetch(source.location, conditional=True, remember=False)
        if fetched.is_not_modified:
            result.not_modified = True
            result.seen.append(_state(fetched))
            return
        kind = sniff_kind(fetched.content) if source.kind in ("auto", "page") else source.kind
        if kind == "page" and source.kind in ("auto", "page"):
            self._page(source, fetched, result)
            return
        if kind == "opml":
            raise FeedParseError(f"{source.location}: is an OPML list; give it to --source at start-up "
                                 "(its feeds are imported), not as a watched source.")
        items = self._items(kind, fetched)
        complete = self._fetch_new(source, items, result)
        if complete:       # only then may the next poll get a 304 for this feed
            result.seen.append(_state(fetched))

    def _items(self, kind: str, fetched: FetchResult) -> list[FeedItem]:
        where = fetched.url
        if kind == "sitemap":
            sitemap = parse_sitemap(fetched.content, fetched.final_url, where)
            items = list(sitemap.items)
            for child in sitemap.children[:MAX_CHILD_SITEMAPS]:
                page = self.fetcher.fetch(child, conditional=False, remember=False)
                items.extend(parse_sitemap(page.content, page.final_url, child).items)
            return items
        return parse_feed(fetched.content, fetched.final_url, where)

    def _fetch_new(self, source: Lease, items: list[FeedItem], result: PollResult) -> bool:
        """Fetch unseen items (up to ``max_items``); True when none was left for later."""
        urls = list(dict.fromkeys(i.url for i in items))
        known = self.state.known(urls)
        fresh = [i for i in _unique(items) if i.url not in known
                 and not self.store.has_article(article_id(i.url, ""))]
        for item in fresh[: self.max_items]:
            try:
                page = self.fetcher.fetch(item.url, conditional=False, remember=False)
            except WirewatchError as exc:
                result.item_errors.append((item.url, exc.message))
                status = getattr(exc, "status", None)
                if status is not None:     # a 4xx will not get better: do not ask again
                    result.seen.append(FetchState(item.url, last_status=int(status), fetched_at=utcnow()))
                continue
            result.documents.append(document_from_result(page, published=item.published, source=source.id,
                                                         url=item.url))
            result.seen.append(_state(page, item.url))
        return len(fresh) <= self.max_items

    def _page(self, source: Lease, fetched: FetchResult, result: PollResult) -> None:
        previous = self.state.get(source.location)
        result.seen.append(_state(fetched))
        if previous is not None and previous.content_hash == fetched.content_hash:
            result.not_modified = True
            return
        result.documents.append(document_from_result(fetched, source=source.id, url=source.location))

    # ----- folders ------------------------------------------------------------------------------

    def _poll_folder(self, source: Lease, result: PollResult) -> None:
        folder = Path(source.location).expanduser()
        files = [p for p in expand_paths([folder]) if not p.name.lower().endswith(WARC_SUFFIXES)]
        keys = {f"file://{p.resolve()}": p for p in files}
        known = self.state.known(list(keys))
        for key, path in list(keys.items()):
            if key in known:
                continue
            if len(result.documents) >= self.max_items:
                break
            try:
                document = read_file(path)
            except WirewatchError as exc:
                result.item_errors.append((str(path), exc.message))
                continue
            result.documents.append(Document(uri=document.uri, content=document.content,
                                             content_type=document.content_type, source=source.id))
            digest = hashlib.sha256(document.content).hexdigest()
            result.seen.append(FetchState(key, last_status=200, fetched_at=utcnow(), content_hash=digest))


def _state(fetched: FetchResult, url: str | None = None) -> FetchState:
    return FetchState(url or fetched.url, fetched.etag, fetched.last_modified, fetched.status,
                      fetched.fetched_at, fetched.content_hash)


def _unique(items: list[FeedItem]) -> list[FeedItem]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item.url not in seen:
            seen.add(item.url)
            out.append(item)
    return out

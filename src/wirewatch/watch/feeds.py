"""Feeds, sitemaps and OPML lists: parsed safely, from bytes, into feed items.

Every document is first parsed with defusedxml, which refuses DTDs, entity declarations
(billion laughs) and external references (XXE); only then does feedparser read RSS/Atom,
and sitemaps/OPML are read from the defused tree. Any failure is a :class:`FeedParseError`
that says why: hostile input, XML that is not well-formed, or XML that is not a feed.
"""

from __future__ import annotations

import calendar
import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from wirewatch.errors import FeedParseError

#: Items read from one feed or sitemap at most (a feed with a million items is an attack).
MAX_ITEMS = 2000
_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST)", re.IGNORECASE)
_FEED_ROOTS = frozenset({"rss", "feed", "RDF", "channel"})
_SITEMAP_ROOTS = frozenset({"urlset", "sitemapindex"})


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed or sitemap: the page to fetch, with what the feed says about it."""

    url: str
    title: str | None = None
    published: datetime | None = None


@dataclass(frozen=True, slots=True)
class Sitemap:
    """A sitemap's pages, or (for a sitemap index) the child sitemaps to read."""

    items: tuple[FeedItem, ...]
    children: tuple[str, ...] = ()


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def safe_root(content: bytes, where: str = "feed") -> Element:
    """The root element of an XML document; refuses DTDs, entities and external references."""
    if not content or not content.strip():
        raise FeedParseError(f"{where}: the document is empty.")
    if _DECLARATION.search(content[:1_000_000]):
        raise FeedParseError(f"{where}: refused: the XML declares a DTD or entities "
                             "(billion-laughs/XXE protection).",
                             hint="Feeds and sitemaps do not need a DOCTYPE; ask the publisher to drop it.")
    try:
        root: Element = SafeET.fromstring(content, forbid_dtd=True, forbid_entities=True,
                                          forbid_external=True)
    except DefusedXmlException as exc:
        raise FeedParseError(f"{where}: refused hostile XML ({type(exc).__name__}).") from exc
    except ParseError as exc:
        raise FeedParseError(f"{where}: not well-formed XML ({exc}).",
                             hint="Check that the URL serves a feed, not an error page.") from exc
    except (ValueError, RecursionError) as exc:
        raise FeedParseError(f"{where}: unreadable XML ({type(exc).__name__}: {exc}).") from exc
    return root


def sniff_kind(content: bytes) -> str:
    """'feed', 'sitemap', 'opml' or 'page' (HTML or anything else) from the bytes alone."""
    head = content[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:300]:
        return "page"
    for marker, kind in ((b"<rss", "feed"), (b"<feed", "feed"), (b"<rdf:rdf", "feed"),
                         (b"<urlset", "sitemap"), (b"<sitemapindex", "sitemap"), (b"<opml", "opml")):
        if marker in head:
            return kind
    return "page"


def parse_feed(content: bytes, base_url: str = "", where: str = "feed") -> list[FeedItem]:
    """Items of an RSS or Atom feed, in feed order; raises :class:`FeedParseError`."""
    root = safe_root(content, where)
    if _local(root.tag) not in _FEED_ROOTS:
        raise FeedParseError(f"{where}: not an RSS or Atom feed (root element <{_local(root.tag)}>).")
    import feedparser  # only ever given bytes that passed defusedxml, as a stream (never a path/URL)

    try:
        parsed = feedparser.parse(io.BytesIO(content), sanitize_html=False, resolve_relative_uris=False)
    except Exception as exc:   # feedparser is not meant to raise; if it does, it is this feed's fault
        raise FeedParseError(f"{where}: feedparser failed ({type(exc).__name__}: {exc}).") from exc
    items: list[FeedItem] = []
    for entry in parsed.entries[:MAX_ITEMS]:
        link = _entry_link(entry)
        if link:
            items.append(FeedItem(urljoin(base_url, link), _text(entry.get("title")), _entry_date(entry)))
    return items


def _entry_link(entry: Any) -> str | None:
    link = entry.get("link")
    if not link:
        for candidate in entry.get("links", []):
            if candidate.get("href"):
                return str(candidate["href"]).strip()
        guid = entry.get("id")
        if guid and str(guid).startswith(("http://", "https://")):
            return str(guid).strip()
        return None
    return str(link).strip()


def _entry_date(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
            except (OverflowError, ValueError, OSError):
                return None
    return None


def _text(value: Any) -> str | None:
    return str(value).strip() or None if value else None


def parse_sitemap(content: bytes, base_url: str = "", where: str = "sitemap") -> Sitemap:
    """Pages of a (news) sitemap, or the child sitemaps of a sitemap index."""
    root = safe_root(content, where)
    kind = _local(root.tag)
    if kind not in _SITEMAP_ROOTS:
        raise FeedParseError(f"{where}: not a sitemap (root element <{kind}>).")
    if kind == "sitemapindex":
        locs = [_child_text(node, "loc") for node in root if _local(node.tag) == "sitemap"]
        return Sitemap((), tuple(urljoin(base_url, loc) for loc in locs[:MAX_ITEMS] if loc))
    items = []
    for node in root:
        loc = _child_text(node, "loc") if _local(node.tag) == "url" else None
        if loc:
            items.append(FeedItem(urljoin(base_url, loc), _news(node, "title"), _sitemap_date(node)))
        if len(items) >= MAX_ITEMS:
            break
    return Sitemap(tuple(items))


def _child_text(node: Element, name: str) -> str | None:
    for child in node:
        if _local(child.tag) == name and child.text and child.text.strip():
            return child.text.strip()
    return None


def _news(node: Element, name: str) -> str | None:
    for child in node.iter():
        if _local(child.tag) == name and child is not node and child.text and child.text.strip():
            return child.text.strip()
    return None


def _sitemap_date(node: Element) -> datetime | None:
    text = _news(node, "publication_date") or _child_text(node, "lastmod")
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Outline:
    """A feed listed in an OPML file."""

    url: str
    title: str | None = None


def parse_opml(content: bytes, where: str = "OPML") -> list[Outline]:
    """The feeds (``xmlUrl``) listed in an OPML subscription list, nested outlines included."""
    root = safe_root(content, where)
    if _local(root.tag) != "opml":
        raise FeedParseError(f"{where}: not an OPML file (root element <{_local(root.tag)}>).")
    found: list[Outline] = []
    for node in root.iter():
        url = node.get("xmlUrl") or node.get("xmlurl")
        if _local(node.tag) == "outline" and url and url.strip():
            found.append(Outline(url.strip(), node.get("title") or node.get("text")))
    return found

"""Extraction stage: bytes → decoded page → main text, title, date, site, language, dateline.

HTML goes through trafilatura (comments excluded); plain text through a paragraph
classifier. Both then pass the same boilerplate filter (paywall appeals, promos,
"Related Content" blocks) and dateline detection ("CAIRO - ..." → dateline "Cairo",
removed from the text so that offsets and NER start at the story).
"""

from __future__ import annotations

import hashlib
import re
from typing import Any, ClassVar

from wirewatch.errors import ExtractionError
from wirewatch.models import Article, Document
from wirewatch.pipeline.base import ItemStage, RunContext, Work
from wirewatch.stages import boilerplate
from wirewatch.stages.decoding import decode_bytes, looks_like_html
from wirewatch.stages.language import detect_language
from wirewatch.urls import canonical_url, site_from_url

#: Pages larger than this are refused (a giant page is a mistake or an attack).
MAX_BYTES = 20 * 1024 * 1024
#: Fewer words than this is a navigation stub, not an article.
MIN_WORDS = 5
#: Extra trafilatura options: fast=True skips the fallback extractors (faster, and F1 0.972 vs 0.968
#: with them on shared/data/extraction).
TRAFILATURA_OPTIONS: dict[str, bool] = {"fast": True}


class TrafilaturaExtractor(ItemStage):
    """Turn a :class:`Document` into an :class:`Article`."""

    name: ClassVar[str] = "extract.trafilatura.v1"
    requires: ClassVar[frozenset[str]] = frozenset({"document"})
    provides: ClassVar[frozenset[str]] = frozenset(
        {"article", "article.text", "article.title", "article.published", "article.dateline"}
    )

    def handle(self, work: Work, ctx: RunContext) -> None:
        if work.article is None:
            work.article = extract_article(work.document)


def extract_article(document: Document) -> Article:
    """Extract one article; raises :class:`ExtractionError` with the reason when it cannot."""
    content = document.content
    if not content or not content.strip():
        raise ExtractionError(f"{document.uri}: the page is empty.", hint="Check the file or URL.")
    if len(content) > MAX_BYTES:
        raise ExtractionError(
            f"{document.uri}: the page is {len(content) // 1_000_000} MB, over the "
            f"{MAX_BYTES // 1_000_000} MB limit.", hint="Split or trim the file.")
    text = decode_bytes(content, document.uri)
    is_html = (document.content_type or "").startswith(("text/html", "application/xhtml")) or (
        document.content_type is None and looks_like_html(text))
    if is_html:
        fields = _from_html(text, document.url)
    else:
        fields = _from_plain_text(text)
    body, dateline = boilerplate.split_dateline(boilerplate.clean_paragraphs(fields.body, fields.title))
    if len(body.split()) < MIN_WORDS:
        raise ExtractionError(f"{document.uri}: no article text found on the page "
                              f"({len(body.split())} words).",
                              hint="Is it an index page, a login wall or a non-article page?")
    url = document.url or fields.url
    published = _published(document, fields.date)
    content_hash = hashlib.sha256(body.encode("utf-8")).hexdigest()
    return Article(
        id=article_id(url, content_hash), url=url, title=fields.title, published=published,
        site=fields.site or site_from_url(url), language=detect_language(body), text=body,
        dateline=dateline, content_hash=content_hash, source_uri=document.uri,
    )


def article_id(url: str | None, content_hash: str) -> str:
    """Stable id: the canonical URL when there is one, else the text's hash."""
    key = f"url:{canonical_url(url)}" if url else f"sha256:{content_hash}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _published(document: Document, found: str | None) -> str | None:
    """Given date (flag, feed) > the page's own date > when it was fetched (e.g. WARC-Date)."""
    if document.published is not None:
        return document.published.isoformat()
    if found:
        return found
    return document.fetched_at.date().isoformat() if document.fetched_at else None


class _Fields:
    __slots__ = ("body", "title", "date", "site", "url")

    def __init__(self, body: str, title: str | None = None, date: str | None = None,
                 site: str | None = None, url: str | None = None) -> None:
        self.body, self.title, self.date, self.site, self.url = body, title, date, site, url


def _from_html(html: str, url: str | None) -> _Fields:
    import trafilatura  # heavy import, loaded on first use

    source: Any = _unlist_blocks(html) if _BLOCK_ITEM.search(html) else html
    try:
        result = trafilatura.bare_extraction(
            source, url=url, include_comments=False, with_metadata=True, deduplicate=False, **TRAFILATURA_OPTIONS)
    except (ValueError, TypeError, AttributeError, RecursionError) as exc:
        raise ExtractionError(f"the HTML could not be parsed: {type(exc).__name__}: {exc}",
                              hint="The page may be malformed or not HTML.") from exc
    if result is None:
        return _Fields("")
    data = result.as_dict()
    if _is_table_dump(data.get("text") or ""):
        # an old layout-table page: trafilatura keeps the grid; read the cells as blocks instead
        relaid = _LAYOUT_TABLE.sub(lambda m: f"<{m.group(1)}div", html)
        again = trafilatura.bare_extraction(relaid, url=url, include_comments=False, with_metadata=True,
                                            deduplicate=False)
        if again is not None:
            data["text"] = again.as_dict().get("text") or data.get("text")
    return _Fields(
        body=data.get("text") or "", title=_clean_title(data.get("title")),
        date=data.get("date"), site=_clean_site(data.get("sitename")), url=data.get("url"),
    )


#: A list item that holds headings or paragraphs (live-blog entries, card lists): a block of its own.
_BLOCK_ITEM = re.compile(
    r"<li\b[^>]*>\s*(?:<(span|time|a|strong|b|em)\b[^>]*>[^<]{0,80}</\1>\s*){0,3}<(?:p|h[1-6]|div|blockquote)\b",
    re.IGNORECASE)
_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "div", "blockquote"})


def _unlist_blocks(html: str) -> Any:
    """The page as a tree in which list items made of blocks are plain blocks: trafilatura reads a
    list item as one line, which would glue a live-blog entry's time, heading and paragraphs."""
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return html
    for item in list(tree.iter("li")):
        if any(isinstance(child.tag, str) and child.tag in _BLOCKS for child in item):
            item.tag = "div"
            parent = item.getparent()
            if parent is not None and parent.tag in {"ol", "ul"}:
                parent.tag = "div"
    return tree


_LAYOUT_TABLE = re.compile(r"<(/?)(?:table|tbody|thead|tfoot|tr|td|th)\b", re.IGNORECASE)


def _is_table_dump(text: str) -> bool:
    """Most of the text sits in table-grid lines ('| a | b |'): a layout table, not a data table."""
    if not text:
        return False
    grid = sum(len(line) for line in text.split("\n") if line.lstrip().startswith("|"))
    return grid > 0.5 * len(text)


_SITE_SPLIT = re.compile(r"\s+[|–—:-]\s+")


def _clean_site(site: str | None) -> str | None:
    """'The Jerusalem Post | JPost.com' → 'The Jerusalem Post'."""
    if not site:
        return None
    return _SITE_SPLIT.split(site.strip())[0] or None


def _clean_title(title: str | None) -> str | None:
    return title.strip() if title and title.strip() else None


_DATE_LINE = re.compile(
    r"^(?:[A-Z][a-z]+ \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+ \d{4}|\d{4}-\d{2}-\d{2})(?:[ T,]+\d{1,2}:\d{2}.*)?$")


def _from_plain_text(text: str) -> _Fields:
    """Plain text as a crawler saves it: first line title, then paragraphs with page furniture."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    if not paragraphs:
        return _Fields("")
    title = None
    if len(paragraphs) > 1 and boilerplate.looks_like_title(paragraphs[0]):
        title = paragraphs.pop(0)
    date = None
    for p in paragraphs[:6]:
        if _DATE_LINE.match(p):
            date = _parse_date_line(p)
            break
    body = boilerplate.main_paragraphs(paragraphs)
    return _Fields("\n".join(body), title=title, date=date)


def _parse_date_line(line: str) -> str | None:
    import dateparser

    parsed = dateparser.parse(line, languages=["en"], settings={"STRICT_PARSING": False})
    return parsed.date().isoformat() if parsed else None

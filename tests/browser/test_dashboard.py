"""The dashboard in Debian's Chromium: map, filters, evidence, stories, live alerts, rules, escaping."""

from __future__ import annotations

import json
import time
from typing import Any

import httpx
import pytest
from browser_support import PageWatch, Server, attach_watch
from corpus_api import BOMBING_SENTENCE, TOKEN, XSS_EVIDENCE, XSS_TITLE
from sqlalchemy import insert

from wirewatch.storage import open_store
from wirewatch.storage.schema import alerts

pytestmark = pytest.mark.browser


def test_dashboard_map_shows_countries_and_markers(page: Any) -> None:
    assert page.locator("svg.map-svg path.country").count() > 150
    somalia = page.locator('path.country[data-iso="706"]')
    assert somalia.get_attribute("class") == "country has-events"
    assert somalia.get_attribute("data-events") == "2"
    assert page.locator('path.country[data-iso="250"]').get_attribute("class") == "country"   # France: none
    markers = page.locator("circle.marker").count() + page.locator("g.cluster").count()
    assert markers >= 3
    assert page.locator('circle.marker[data-event-id="ev-threat"]').count() == 1
    assert page.locator("#events-summary").text_content() == "7 events (6 on the map)"
    assert page.locator("#timeline rect").count() >= 5


def test_dashboard_filter_by_type(page: Any) -> None:
    page.select_option("#f-type", "PROTEST")
    page.wait_for_function("() => document.querySelectorAll('#event-list li').length === 1")
    assert page.locator("#event-list li").get_attribute("data-type") == "PROTEST"
    assert page.locator("circle.marker").evaluate_all("ms => ms.map(m => m.dataset.type)") == ["PROTEST"]
    assert page.locator("g.cluster").count() == 0
    assert "type=PROTEST" in page.url
    page.click("#f-reset")
    page.wait_for_function("() => document.querySelectorAll('#event-list li').length === 7")


def test_dashboard_filter_bar_text_and_casualties(page: Any) -> None:
    page.fill("#f-min-killed", "10")
    page.click("#f-apply")
    page.wait_for_function("() => document.querySelectorAll('#event-list li').length === 1")
    assert page.locator("#event-list li").get_attribute("data-event-id") == "ev-bombing"
    page.fill("#f-min-killed", "")
    page.fill("#f-q", "tear gas")
    page.click("#f-apply")
    page.wait_for_function("() => document.querySelector('#event-list li')?.dataset.eventId === 'ev-teargas'")


def test_dashboard_bombing_shows_highlighted_evidence_and_sources(page: Any) -> None:
    page.click('#event-list li[data-event-id="ev-bombing"] button')
    page.wait_for_selector("#detail-article mark.evidence")
    assert page.locator("#panel-detail").is_visible()
    assert page.locator("#detail-title").text_content() == "ASSAULT — Mogadishu, 2025-03-05"
    mark = page.locator("#detail-article mark.evidence")
    assert mark.count() == 1 and mark.text_content() == BOMBING_SENTENCE
    assert mark.is_visible()
    links = page.locator("#detail-sources a")
    assert links.evaluate_all("as => as.map(a => a.href)") == [
        "https://news.example.org/mogadishu-hotel-bombing", "https://wire.example.com/sahafi-toll"]
    assert links.first.get_attribute("rel") == "noopener noreferrer nofollow"
    assert page.locator("#detail-mentions li").count() == 2
    assert "12 (reports: 12–14)" in page.locator("#detail-facts").text_content()
    page.locator("#detail-mentions li").nth(1).locator("button").click()
    page.wait_for_function("() => document.querySelector('#detail-article mark')?.textContent.startsWith('At least 14')")


def test_dashboard_marker_click_opens_the_event(page: Any) -> None:
    page.locator('circle.marker[data-event-id="ev-threat"]').dispatch_event("click")
    page.wait_for_selector("#detail-article mark.evidence")
    assert page.locator("#detail-title").text_content().startswith("THREATEN — Quetta")
    assert "threatened" in page.locator("#detail-facts").text_content()


def test_dashboard_cluster_click_zooms_in(page: Any) -> None:
    before = page.locator("svg.map-svg > g").get_attribute("transform")
    page.locator("g.cluster").first.dispatch_event("click")
    page.wait_for_function("(b) => document.querySelector('svg.map-svg > g').getAttribute('transform') !== b",
                           arg=before)


def test_dashboard_timeline_brush_sets_the_dates(page: Any) -> None:
    box = page.locator("#timeline svg").bounding_box()
    y = box["y"] + box["height"] * 0.4
    page.mouse.move(box["x"] + box["width"] * 0.55, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.98, y, steps=8)
    page.mouse.up()
    page.wait_for_function("() => document.querySelector('#f-since').value !== ''")
    since = page.input_value("#f-since")
    until = page.input_value("#f-until")
    assert "2025-03-01" <= since <= until <= "2025-03-08"
    page.wait_for_function("() => document.querySelectorAll('#event-list li').length < 7")
    dates = page.locator("#event-list li").evaluate_all(
        "ls => ls.map(l => l.querySelector('.muted').textContent.trim().slice(0, 10))")
    assert dates and all(since <= d <= until for d in dates)


def test_dashboard_story_view(page: Any) -> None:
    page.click("#tab-stories")
    page.click('#story-list li[data-story-id="story-mogadishu"] button')
    page.wait_for_selector("#story-articles li")
    assert page.locator("#story-title").text_content() == "Mogadishu hotel bombing"
    assert page.locator("#story-articles a").count() == 2
    assert page.locator("#story-events li").count() == 2
    page.locator('#story-events li[data-event-id="ev-bombing"] button').click()
    page.wait_for_selector("#detail-article mark.evidence")


def _insert_alert(server: Server, **values: Any) -> None:
    store = open_store(server.db_url, migrate=False)
    try:
        with store.engine.begin() as conn:
            conn.execute(insert(alerts).values(**values))
    finally:
        store.close()


def test_dashboard_receives_a_live_alert(page: Any, server: Server) -> None:
    page.wait_for_function("() => document.querySelector('#alert-connection').textContent === 'live'")
    payload = {"event": {"type": "ASSAULT", "place": {"name": "Mogadishu"}, "date": "2025-03-05",
                         "evidence": {"text": BOMBING_SENTENCE}}}
    _insert_alert(server, rule_id="rule-live", dedupe_key=f"live-{time.time()}", kind="match",
                  event_ids=json.dumps(["ev-bombing"]), payload=json.dumps(payload))
    page.wait_for_selector("#alert-feed li.alert-item.new", state="attached", timeout=10_000)
    item = page.locator("#alert-feed li.alert-item.new").first
    assert "ASSAULT · Mogadishu · 2025-03-05" in item.text_content()
    assert page.locator("#alert-badge").text_content() == "1"
    page.click("#tab-alerts")
    assert page.locator("#alert-badge").is_hidden()
    item.locator("button").click()
    page.wait_for_selector("#detail-article mark.evidence")
    assert page.locator("#detail-article mark.evidence").text_content() == BOMBING_SENTENCE


def test_dashboard_renders_hostile_text_as_text(page: Any, watch: PageWatch) -> None:
    page.click('#event-list li[data-event-id="ev-xss"] button')
    page.wait_for_selector("#detail-article mark.evidence")
    assert page.locator("#detail-article-title").text_content() == XSS_TITLE
    assert page.locator("#detail-article mark.evidence").text_content() == XSS_EVIDENCE
    assert page.locator("#event-detail img, #event-detail script, #event-detail svg, #event-detail b").count() == 0
    assert page.locator("#detail-sources li").first.text_content().startswith(XSS_TITLE)
    assert page.locator("#detail-sources a").count() == 0           # javascript: URL is not a link
    assert "<svg onload=alert(4)>" in page.locator("#detail-facts").text_content()
    assert "<b>This line</b> is text" in page.locator("#detail-article").text_content()
    assert XSS_EVIDENCE in page.locator("#event-list").text_content()
    page.wait_for_timeout(300)
    assert page.title() == "wirewatch — events dashboard"
    assert watch.dialogs == []


def test_dashboard_rule_editor_saves_with_the_token(page: Any, server: Server, watch: PageWatch) -> None:
    page.select_option("#f-type", "ASSAULT")
    page.wait_for_function("() => document.querySelectorAll('#event-list li').length === 2")
    page.click("#tab-rules")
    page.fill("#rule-name", "Assaults <anywhere>")
    page.click("#rule-from-filters")
    assert page.input_value("#rule-query") == "type=ASSAULT"
    page.click("#rule-save")
    page.wait_for_function("() => document.querySelector('#rule-message').textContent.startsWith('Not saved')")
    assert "token" in page.locator("#rule-message").text_content()
    assert [e for e in watch.errors if "401" in e]          # the browser logs the refused request
    watch.errors[:] = [e for e in watch.errors if "401" not in e]
    page.fill("#api-token", TOKEN)
    page.click("#token-form button")
    page.click("#rule-save")
    page.wait_for_function("() => document.querySelector('#rule-message').textContent.startsWith('Saved')")
    rules = httpx.get(f"{server.url}/api/rules").json()["items"]
    assert [(r["name"], r["query"]) for r in rules if r["name"].startswith("Assaults")] == [
        ("Assaults <anywhere>", "type=ASSAULT")]
    assert page.locator("#rule-list li", has_text="Assaults <anywhere>").count() == 1
    page.click("#rule-delete")
    page.wait_for_function("() => document.querySelector('#rule-message').textContent === 'Rule deleted.'")


def test_api_reference_page_works_offline(browser: Any, server: Server, watch: PageWatch) -> None:
    context = browser.new_context()
    page = context.new_page()
    attach_watch(page, watch)
    page.goto(f"{server.url}/api/docs")
    page.get_by_text("/api/events/{event_id}", exact=True).first.wait_for(timeout=20_000)
    context.close()
    assert watch.outside == [] and watch.errors == []

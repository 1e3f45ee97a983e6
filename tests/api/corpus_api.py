# ruff: noqa: C408  (dict(...) reads better for the many keyword-built events here)
"""A small hand-built corpus for the API and browser tests (independent of the coder's quality).

Two reports of one Mogadishu bombing (merged into one canonical event, one story), a Tbilisi
protest, a threat in Balochistan, a sanction without coordinates, and a hostile article whose
title, evidence, actor and URL carry XSS payloads.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import update

from wirewatch.models import Actor, Article, Event, EventPlace, Evidence, Place
from wirewatch.storage.schema import articles, events, stories
from wirewatch.storage.sql import SQLStore

XSS_TITLE = "<script>alert(1)</script>"
XSS_EVIDENCE = "Witnesses said <img src=x onerror=\"document.title='pwned'\"> gunmen opened fire in Maiduguri."
MOGADISHU = (2.0469, 45.3182)
TOKEN = "s3cret-token-for-tests-0123456789"

BOMBING_SENTENCE = ("A suicide bomber killed 12 people at a hotel in Mogadishu on Wednesday, "
                    "police said.")
BOMBING_SENTENCE_2 = "At least 14 people died when a bomber struck the Hotel Sahafi in Mogadishu."


def _event(article_text: str, sentence: str, **fields: Any) -> Event:
    start = article_text.index(sentence)
    base: dict[str, Any] = dict(cameo=None, mode=None, actor=Actor(), target=Actor(), place=None, date=None,
                                date_precision="day", killed=None, injured=None, status="actual",
                                attribution=None, confidence=0.8)
    base.update(fields)
    return Event(evidence=Evidence(sentence, start, start + len(sentence)), **base)


def _article(ident: str, title: str, paragraphs: list[str], *, url: str | None, published: str,
             site: str, events: list[tuple[str, dict[str, Any]]], places: list[tuple[str, dict[str, Any]]]
             ) -> Article:
    text = "\n".join(paragraphs)
    built = [_event(text, sentence, **fields) for sentence, fields in events]
    found = [Place(name, text.index(name), text.index(name) + len(name), **fields) for name, fields in places]
    return Article(id=ident, url=url, title=title, published=published, site=site, language="en", text=text,
                   events=built, places=found, content_hash=hashlib.sha256(text.encode()).hexdigest())


def bombing_articles() -> list[Article]:
    som = EventPlace("Mogadishu", "SOM", MOGADISHU[0], MOGADISHU[1], "Banaadir", "point")
    first = _article(
        "art-mogadishu-1", "Suicide bomber kills 12 at Mogadishu hotel",
        ["MOGADISHU - " + BOMBING_SENTENCE,
         "The government blamed al-Shabaab for the attack, which also wounded 20 people.",
         "Al-Shabaab has carried out many such attacks in the capital."],
        url="https://news.example.org/mogadishu-hotel-bombing", published="2025-03-05", site="Example News",
        events=[(BOMBING_SENTENCE, dict(
                    id="ev-bombing", type="ASSAULT", cameo="1823", mode="explosives",
                    actor=Actor("suicide bomber", "SOM", "rebels"), target=Actor("hotel guests", "SOM", "civilians"),
                    place=som, date="2025-03-05", killed=12, injured=20, attribution="police")),
                ("The government blamed al-Shabaab for the attack, which also wounded 20 people.", dict(
                    id="ev-accuse", type="ACCUSE", cameo="112", actor=Actor("government", "SOM", "government"),
                    target=Actor("al-Shabaab", "SOM", "rebels"), place=som, date="2025-03-05"))],
        places=[("Mogadishu", dict(lat=MOGADISHU[0], lon=MOGADISHU[1], country="SOM", admin1="Banaadir",
                                   geonameid=53654, precision="point"))])
    second = _article(
        "art-mogadishu-2", "Hotel Sahafi attack: death toll rises to 14",
        [BOMBING_SENTENCE_2, "Officials said the toll could rise further."],
        url="https://wire.example.com/sahafi-toll", published="2025-03-06", site="Example Wire",
        events=[(BOMBING_SENTENCE_2, dict(
            id="ev-bombing-2", type="ASSAULT", cameo="1823", mode="explosives", actor=Actor("bomber", None, None),
            target=Actor("Hotel Sahafi", "SOM", "business"), place=som, date="2025-03-05", killed=14))],
        places=[("Mogadishu", dict(lat=MOGADISHU[0], lon=MOGADISHU[1], country="SOM", admin1="Banaadir",
                                   precision="point"))])
    return [first, second]


def other_articles() -> list[Article]:
    tbilisi = EventPlace("Tbilisi", "GEO", 41.6941, 44.8337, "Tbilisi", "point")
    protest = _article(
        "art-tbilisi", "Thousands protest in Tbilisi; police use tear gas",
        ["Thousands of protesters marched on parliament in Tbilisi on Thursday.",
         "Riot police fired tear gas at the crowd, injuring three people, the ministry said."],
        url="https://news.example.org/tbilisi-protest", published="2025-03-06", site="Example News",
        events=[("Thousands of protesters marched on parliament in Tbilisi on Thursday.", dict(
                    id="ev-protest", type="PROTEST", cameo="141", mode="demonstrate",
                    actor=Actor("protesters", "GEO", "civilians"), target=Actor("parliament", "GEO", "government"),
                    place=tbilisi, date="2025-03-06")),
                ("Riot police fired tear gas at the crowd, injuring three people, the ministry said.", dict(
                    id="ev-teargas", type="COERCE", cameo="175", mode="crowd-control",
                    actor=Actor("riot police", "GEO", "police"), target=Actor("protesters", "GEO", "civilians"),
                    place=tbilisi, date="2025-03-06", injured=3, attribution="the ministry"))],
        places=[("Tbilisi", dict(lat=41.6941, lon=44.8337, country="GEO", admin1="Tbilisi", precision="point"))])
    threat = _article(
        "art-bla", "BLA threatens Chinese projects in Balochistan",
        ["The Balochistan Liberation Army threatened to attack Chinese projects in Quetta."],
        url="https://wire.example.com/bla-threat", published="2025-03-04", site="Example Wire",
        events=[("The Balochistan Liberation Army threatened to attack Chinese projects in Quetta.", dict(
            id="ev-threat", type="THREATEN", cameo="138", actor=Actor("Balochistan Liberation Army", "PAK", "rebels"),
            target=Actor("China", "CHN", "government"),
            place=EventPlace("Quetta", "PAK", 30.1841, 67.0014, "Balochistan", "point"),
            date="2025-03-04", status="threatened"))],
        places=[("Quetta", dict(lat=30.1841, lon=67.0014, country="PAK", admin1="Balochistan", precision="point"))])
    sanction = _article(
        "art-sanction", "UK sanctions Iranian officials",
        ["Britain imposed sanctions on five Iranian officials on Monday."],
        url=None, published="2025-03-03", site="Example Wire",
        events=[("Britain imposed sanctions on five Iranian officials on Monday.", dict(
            id="ev-sanction", type="SANCTION", cameo="163", actor=Actor("Britain", "GBR", "government"),
            target=Actor("Iranian officials", "IRN", "government"), date="2025-03-03"))],
        places=[])
    hostile = _article(
        "art-xss", XSS_TITLE,
        ["MAIDUGURI - " + XSS_EVIDENCE, "<b>This line</b> is text, not markup."],
        url="javascript:alert(3)", published="2025-03-02", site="<i>Hostile</i> Wire",
        events=[(XSS_EVIDENCE, dict(
            id="ev-xss", type="ASSAULT", cameo="190", mode="firearms",
            actor=Actor("<svg onload=alert(4)>", "NGA", "rebels"), target=Actor("villagers", "NGA", "civilians"),
            place=EventPlace("Maiduguri", "NGA", 11.8464, 13.1603, "Borno", "point"),
            date="2025-03-02", killed=2))],
        places=[("Maiduguri", dict(lat=11.8464, lon=13.1603, country="NGA", admin1="Borno", precision="point"))])
    return [protest, threat, sanction, hostile]


def fill_store(store: SQLStore) -> None:
    """Store the corpus, then merge the two bombing reports into one event of one story."""
    store.add_articles(bombing_articles() + other_articles())
    with store.engine.begin() as conn:
        conn.execute(update(events).where(events.c.id == "ev-bombing-2").values(merged_into="ev-bombing"))
        conn.execute(update(events).where(events.c.id == "ev-bombing")
                     .values(mention_count=2, killed_min=12, killed_max=14))
        conn.execute(update(events).where(events.c.article_id.in_(["art-mogadishu-1", "art-mogadishu-2"]))
                     .values(story_id="story-mogadishu"))
        conn.execute(update(articles).where(articles.c.id.in_(["art-mogadishu-1", "art-mogadishu-2"]))
                     .values(story_id="story-mogadishu"))
        conn.execute(stories.insert().values(
            id="story-mogadishu", title="Mogadishu hotel bombing", first_seen="2025-03-05",
            last_seen="2025-03-06", article_count=2, countries='["SOM"]', top_actors='["al-Shabaab"]'))
        conn.execute(stories.insert().values(
            id="story-tbilisi", title="Tbilisi protests", first_seen="2025-03-06", last_seen="2025-03-07",
            article_count=1, countries='["GEO"]', top_actors='["protesters"]'))
        conn.execute(update(articles).where(articles.c.id == "art-tbilisi").values(story_id="story-tbilisi"))


#: Canonical events, newest first by (date, id) — what GET /api/events returns unfiltered.
CANONICAL = ["ev-protest", "ev-teargas", "ev-accuse", "ev-bombing", "ev-threat", "ev-sanction", "ev-xss"]


def assert_problem(response: Any, status: int, *words: str) -> dict[str, Any]:
    """The response is problem JSON with ``status`` and a detail mentioning every word."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["detail"] == body["error"]
    for word in words:
        assert word.lower() in body["detail"].lower(), (word, body["detail"])
    return body


def pg_schema_url() -> Iterator[str]:
    """A fresh schema in the local PostgreSQL `test` database; advance once more to drop it."""
    base = os.environ.get("WIREWATCH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(base)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    except sa.exc.OperationalError as exc:
        pytest.fail(f"PostgreSQL is required for this test and is not reachable at {base}: {exc}")
    yield f"{base}?options=-csearch_path%3D{schema}"
    with engine.begin() as conn:
        conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
    engine.dispose()

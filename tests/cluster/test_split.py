"""Story splits: two same-kind events mixed into one story are separated, online and in the database."""

from __future__ import annotations

import json
import random

import pytest
from sqlalchemy import select

from wirewatch.models import Actor, Article, Event, EventPlace, Evidence
from wirewatch.stages.cluster.clusterer import ClusterOptions, StoryClusterer
from wirewatch.stages.cluster.features import text_features
from wirewatch.stages.cluster.merge import reconcile
from wirewatch.stages.cluster.split import StorySplitter
from wirewatch.stages.cluster.stories import StoryIndex, StoryOptions, new_story_id
from wirewatch.storage import open_store
from wirewatch.storage import stories as db
from wirewatch.storage.schema import articles, events
from wirewatch.storage.stories import iter_merged_event_rows, iter_story_rows

# Two attacks of the same kind in one country, a day apart: the hard case for a story clusterer.
SENTENCES = {
    "kaya": ["Gunmen killed 9 villagers in an attack in Kaya, Burkina Faso, on Tuesday, mayor Boukary Ouedraogo said.",
             "The attack on the Kaya cattle market was blamed on Ansarul Islam.",
             "Ouedraogo said the 9 victims were buried in Kaya on Wednesday.",
             "Traders in Kaya said the gunmen arrived on motorbikes and fired at the crowd.",
             "Ansarul Islam has attacked villages around Kaya since 2019.",
             "The Kaya prefect ordered the market closed for a week.",
             "Boukary Ouedraogo called for more troops to guard Kaya."],
    "djibo": ["Militants killed 21 soldiers in an attack on a convoy near Djibo, Burkina Faso, governor Amadou Sawadogo said.",
              "JNIM claimed the Djibo ambush in a statement on Telegram.",
              "Sawadogo said the convoy to Djibo carried food and fuel for the besieged town.",
              "Djibo has been under blockade by JNIM fighters for months.",
              "The 21 soldiers were escorting trucks from Ouahigouya to Djibo.",
              "Relatives of the soldiers gathered at the Djibo garrison.",
              "Amadou Sawadogo said the road to Djibo would reopen under escort."],
}
FILLER = ["Residents fled toward the regional capital after the shooting.",
          "Aid groups said clinics were short of medicine and staff.",
          "The army sent reinforcements and helicopters to the area.",
          "Schools in the district have been closed since last year.",
          "The government declared three days of national mourning.",
          "Humanitarian agencies warned of a growing displacement crisis.",
          "Local radio reported that phone networks were cut for hours.",
          "Burkina Faso has been ruled by a military junta since 2022."]
#: everything joins the one story (as a too-loose clusterer would do): only a split separates them
LOOSE = ClusterOptions(stories=StoryOptions(threshold=0.01, cohesion_factor=0.0))


def _text(group: str, rng: random.Random) -> str:
    lead, *rest = SENTENCES[group]
    return " ".join([lead, *rng.sample(rest, 3), *rng.sample(FILLER, 2)])


def _article(article_id: str, group: str, rng: random.Random, published: str = "2024-03-06",
             text: str | None = None) -> Article:
    text = text or _text(group, rng)
    killed = 9 if group == "kaya" else 21
    # a place known only to the country: the two attacks look compatible to event merging
    event = Event(id=f"ev-{article_id}", type="ASSAULT", cameo="190", mode=None, actor=Actor("gunmen"),
                  target=Actor("villagers"), place=EventPlace("Burkina Faso", "BFA", None, None, None, "country"),
                  date="2024-03-05", date_precision="day", killed=killed, injured=None, status="actual",
                  attribution=None, evidence=Evidence(text.split(".")[0], 0, len(text.split(".")[0])),
                  confidence=0.9)
    return Article(id=article_id, url=f"https://news.example/{article_id}", title=None, published=published,
                   site=None, language="en", text=text, events=[event], content_hash=f"h-{article_id}")


def _mixed(n: int = 8) -> list[Article]:
    rng = random.Random(3)
    out = []
    for i in range(n):
        out.append(_article(f"k{i}", "kaya", rng))
        out.append(_article(f"d{i}", "djibo", rng))
        if i == 1:      # a wire copy of the second Djibo report, before the split
            copy = "DJIBO (Wire) - " + out[-1].text + " Reporting by the Ouagadougou desk."
            out.append(_article("d1-copy", "djibo", rng, text=copy))
    return out


def test_split_plan_separates_two_events_and_keeps_a_coherent_story() -> None:
    rng = random.Random(1)
    for groups, expect_split in ((("kaya", "djibo"), True), (("kaya", "kaya"), False)):
        index, splitter = StoryIndex(LOOSE.stories), StorySplitter()
        plans = []
        for i in range(8):
            for g, group in enumerate(groups):
                article_id = f"{group}-{g}-{i}"
                story_id = index.assign(text_features(article_id, None, _text(group, rng), "2024-03-06")).story_id
                plan = splitter.plan(index, story_id, {})
                if plan is not None:
                    plans.append(plan)
                    splitter.apply(index, plan, {})
        if expect_split:
            assert len(plans) == 1
            assert {a.split("-")[0] for a in plans[0].moved} == {"djibo"}
            assert plans[0].new_id == new_story_id(plans[0].moved[0])
            assert sorted(len(m) for m in index.members.values()) == [8, 8]
            assert plans[0].partition.between < 0.5 * min(plans[0].partition.cohesion)
        else:
            assert not plans and len(index.stories) == 1


def _check_database(url: str, clusterer: StoryClusterer) -> dict[str, str]:
    """Articles, events, story rows and the in-memory index agree; merged figures are reconciled."""
    store = open_store(url)
    try:
        with store.engine.connect() as conn:
            story_of = {r.id: r.story_id for r in conn.execute(select(articles.c.id, articles.c.story_id))}
            rows = conn.execute(select(events.c.id, events.c.article_id, events.c.story_id,
                                       events.c.merged_into)).all()
            by_id = {r.id: r for r in rows}
            for r in rows:
                assert r.story_id == story_of[r.article_id]
                if r.merged_into is not None:        # a mention points at a canonical of its own story
                    assert by_id[r.merged_into].story_id == r.story_id
                    assert by_id[r.merged_into].merged_into is None
            canonical = [e for e in iter_merged_event_rows(store)]
            for event in canonical:
                figures = reconcile(db.mentions_of(conn, event["id"]))
                assert (event["mention_count"], event["killed"], event["status"]) == \
                    (figures.mention_count, figures.killed, figures.status)
        rows_now = list(iter_story_rows(store))
        with store.engine.connect() as conn:      # the cached story rows are what a full recount gives
            for row in rows_now:
                fresh = db.story_stats(conn, row["id"]).values()
                assert {k: row[k] for k in fresh} == {**fresh, "countries": json.loads(fresh["countries"]),
                                                      "top_actors": json.loads(fresh["top_actors"])}
        counts = {s["id"]: s["article_count"] for s in rows_now}
    finally:
        store.close()
    assert counts == {s: sum(1 for v in story_of.values() if v == s) for s in set(story_of.values())}
    assert clusterer.index.story_of == story_of
    return story_of


def test_split_moves_articles_and_remerges_their_events(db_url: str) -> None:
    mixed = _mixed()
    store = open_store(db_url)
    try:
        clusterer = StoryClusterer(store, LOOSE)
        for start in range(0, len(mixed), 5):
            store.add_articles(mixed[start:start + 5])
            clusterer.add(mixed[start:start + 5])
        merged = {e["story_id"]: e for e in iter_merged_event_rows(store)}
    finally:
        store.close()
    assert clusterer.report.splits == 1 and not clusterer.report.failures
    story_of = _check_database(db_url, clusterer)
    kaya, djibo = new_story_id("k0"), new_story_id("d0")
    assert {a for a, s in story_of.items() if s == djibo} == {f"d{i}" for i in range(8)} | {"d1-copy"}
    assert {a for a, s in story_of.items() if s == kaya} == {f"k{i}" for i in range(8)}
    # before the split the Djibo reports were merged into the first Kaya event; now each story has its own
    assert set(merged) == {kaya, djibo}
    assert (merged[kaya]["id"], merged[kaya]["mention_count"], merged[kaya]["killed"]) == ("ev-k0", 8, 9)
    assert (merged[djibo]["id"], merged[djibo]["mention_count"], merged[djibo]["killed"]) == ("ev-d0", 9, 21)
    assert merged[djibo]["statuses"] == {"actual": 9}


def test_split_survives_a_restart(sqlite_url: str) -> None:
    mixed = _mixed()
    store = open_store(sqlite_url)
    try:
        store.add_articles(mixed)
        StoryClusterer(store, LOOSE).add(mixed)
        again = StoryClusterer.open(store, LOOSE)
        assert sorted(len(m) for m in again.index.members.values()) == [8, 9]
        assert again.duplicate_of["d1-copy"] == "d1"
        late = _article("d9", "djibo", random.Random(9), published="2024-03-07")
        store.add_articles([late])
        again.add([late])
        merged = {e["story_id"]: e for e in iter_merged_event_rows(store)}
    finally:
        store.close()
    story_of = _check_database(sqlite_url, again)
    assert story_of["d9"] == new_story_id("d0")
    assert merged[new_story_id("d0")]["mention_count"] == 10
    assert again.report.splits == 0


def test_no_split_for_one_event_told_many_times(sqlite_url: str) -> None:
    rng = random.Random(5)
    same = [_article(f"k{i}", "kaya", rng) for i in range(16)]
    store = open_store(sqlite_url)
    try:
        store.add_articles(same)
        clusterer = StoryClusterer(store, LOOSE)
        clusterer.add(same)
        merged = list(iter_merged_event_rows(store))
    finally:
        store.close()
    assert clusterer.report.splits == 0
    assert len(set(_check_database(sqlite_url, clusterer).values())) == 1
    assert [e["mention_count"] for e in merged] == [16]


@pytest.mark.parametrize("cap", [1, 3])
def test_event_caches_evicted_give_the_same_results(sqlite_url: str, cap: int) -> None:
    """Tiny caches (read back from the database on every miss) change nothing."""
    from dataclasses import replace

    mixed = _mixed()
    store = open_store(sqlite_url)
    try:
        store.add_articles(mixed)
        clusterer = StoryClusterer(store, replace(LOOSE, cached_stories=cap, cached_events=cap))
        for start in range(0, len(mixed), 4):
            clusterer.add(mixed[start:start + 4])
        merged = sorted((e["id"], e["mention_count"], e["killed"]) for e in iter_merged_event_rows(store))
    finally:
        store.close()
    _check_database(sqlite_url, clusterer)
    assert merged == [("ev-d0", 9, 21), ("ev-k0", 8, 9)]

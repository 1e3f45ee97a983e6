"""Clustering inside `wirewatch ingest`: stories, wire copies, merged events, restarts, exports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from wirewatch.models import Actor, Article, Event, EventPlace, Evidence
from wirewatch.runner import ingest
from wirewatch.stages.cluster.clusterer import StoryClusterer
from wirewatch.storage import open_store
from wirewatch.storage.schema import articles, events
from wirewatch.storage.stories import iter_merged_event_rows, iter_story_rows

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
MACOMIA = [SAMPLES / n for n in ("12-macomia-attack-indian-ocean-monitor.html",
                                 "13-macomia-attack-harbor-daily-news.html",
                                 "14-macomia-attack-pan-african-wire.html")]
HORMUZ = [SAMPLES / n for n in ("15-hormuz-tanker-seizure-caspian-wire.html",
                                "16-hormuz-tanker-seizure-gulf-ledger.html")]


def _story_of(url: str) -> dict[str, str | None]:
    store = open_store(url)
    try:
        with store.engine.connect() as conn:
            return {r.id: r.story_id for r in conn.execute(select(articles.c.id, articles.c.story_id))}
    finally:
        store.close()


@pytest.mark.slow
def test_three_outlets_one_attack_one_merged_event(db_url: str, pipeline: Any) -> None:
    store = open_store(db_url)
    try:
        report = ingest([str(p) for p in MACOMIA], store, pipeline=pipeline)
        stories = list(iter_story_rows(store))
        merged = [e for e in iter_merged_event_rows(store) if e["mention_count"] >= 3]
    finally:
        store.close()
    assert report.added == 3 and not report.failures
    assert len(stories) == 1 and stories[0]["article_count"] == 3
    assert "MOZ" in stories[0]["countries"]
    assert len(merged) == 1
    raid = merged[0]
    assert raid["type"] == "ASSAULT"
    assert len({m["article_id"] for m in raid["mentions"]}) == 3
    assert (raid["killed_min"], raid["killed_max"], raid["killed"]) == (11, 13, 13)
    assert raid["status"] == "claimed"
    assert {m["killed"] for m in raid["mentions"]} >= {11, 12, 13}


@pytest.mark.slow
def test_wire_copy_is_flagged_and_adds_no_events(sqlite_url: str, pipeline: Any) -> None:
    store = open_store(sqlite_url)
    try:
        ingest([str(p) for p in HORMUZ], store, pipeline=pipeline)
        with store.engine.connect() as conn:
            rows = conn.execute(select(articles.c.id, articles.c.duplicate_of, articles.c.story_id)
                                .order_by(articles.c.seq)).all()
            copy_events = conn.execute(select(events.c.merged_into).where(events.c.article_id == rows[1].id)
                                       ).scalars().all()
    finally:
        store.close()
    assert rows[1].duplicate_of == rows[0].id
    assert rows[0].story_id == rows[1].story_id
    assert copy_events and all(m is not None for m in copy_events)


def _article(n: int, text: str, killed: int, status: str, published: str) -> Article:
    event = Event(id=f"ev{n}", type="ASSAULT", cameo="190", mode=None, actor=Actor("gunmen"),
                  target=Actor("villagers"), place=EventPlace("Kaya", "BFA", 13.09, -1.08, None, "point"),
                  date="2024-03-05", date_precision="day", killed=killed, injured=None, status=status,
                  attribution=None, evidence=Evidence(text.split(".")[0], 0, len(text.split(".")[0])),
                  confidence=0.9)
    return Article(id=f"art{n}", url=f"https://news{n}.example/kaya", title=f"Gunmen kill {killed} in Kaya",
                   published=published, site=None, language="en", text=text, events=[event],
                   content_hash=f"h{n}")


ARTICLES = [
    _article(1, "Gunmen killed 9 villagers in Kaya in Burkina Faso on Tuesday, officials said. "
                "The Kaya attack was blamed on jihadists of the Sahel.", 9, "alleged", "2024-03-06"),
    _article(2, "At least 12 villagers died when gunmen attacked Kaya, Burkina Faso, on Tuesday, "
                "residents said. Kaya has seen attacks by jihadists.", 12, "actual", "2024-03-07"),
    _article(3, "A jihadist group claimed the Tuesday attack on Kaya in Burkina Faso that killed "
                "12 villagers, a monitoring group said. Gunmen came on motorbikes.", 12, "claimed",
             "2024-03-08"),
]


def test_hand_built_story_merges_into_one_event(db_url: str) -> None:
    store = open_store(db_url)
    try:
        store.add_articles(ARTICLES)
        clusterer = StoryClusterer.open(store)     # stored but unclustered: clustered on open
        rows = list(iter_merged_event_rows(store))
    finally:
        store.close()
    assert clusterer.report.articles == 3
    assert len(rows) == 1
    event = rows[0]
    assert event["id"] == "ev1" and event["mention_count"] == 3
    assert (event["killed"], event["killed_min"], event["killed_max"]) == (12, 9, 12)
    assert event["status"] == "claimed"
    assert event["statuses"] == {"alleged": 1, "actual": 1, "claimed": 1}
    assert [m["killed"] for m in event["mentions"]] == [9, 12, 12]


def test_restart_continues_where_it_stopped(sqlite_url: str) -> None:
    store = open_store(sqlite_url)
    try:
        store.add_articles(ARTICLES[:2])
        StoryClusterer.open(store)
        store.add_articles(ARTICLES[2:])       # as if ingest stopped after storing, before clustering
        again = StoryClusterer.open(store)
        assert again.report.articles == 1      # only the article left without a story
        assert len(again.index.stories) == 1 and again.index.n_docs == 3
        third = StoryClusterer.open(store)
        assert third.report.articles == 0      # nothing left: a rerun changes nothing
    finally:
        store.close()
    assert len(set(_story_of(sqlite_url).values())) == 1


def test_clustering_failure_is_recorded_and_the_run_goes_on(sqlite_url: str,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from wirewatch.stages.cluster import clusterer as module

    store = open_store(sqlite_url)
    try:
        store.add_articles(ARTICLES)
        real = module.article_features

        def broken(article: Article) -> Any:
            if article.id == "art2":
                raise ValueError("bad features")
            return real(article)

        monkeypatch.setattr(module, "article_features", broken)
        report = StoryClusterer.open(store).report
    finally:
        store.close()
    assert report.articles == 2
    assert [(f.item, f.reason) for f in report.failures] == [("art2", "ValueError: bad features")]
    assert _story_of(sqlite_url)["art2"] is None


def test_export_tables(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    from wirewatch.cli import main

    store = open_store(sqlite_url)
    try:
        store.add_articles(ARTICLES)
        StoryClusterer.open(store)
        with store.engine.begin() as conn:
            conn.execute(update(articles).where(articles.c.id == "art3").values(duplicate_of="art2"))
    finally:
        store.close()
    outputs = {}
    for table in ("stories", "events", "articles"):
        assert main(["export", "--table", table, "--db", sqlite_url]) == 0
        outputs[table] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [s["article_count"] for s in outputs["stories"]] == [3]
    assert outputs["stories"][0]["countries"] == []
    story_id = outputs["stories"][0]["id"]
    assert len(outputs["events"]) == 1 and len(outputs["events"][0]["mentions"]) == 3
    assert {m["url"] for m in outputs["events"][0]["mentions"]} == {a.url for a in ARTICLES}
    assert [(a["story_id"], a["duplicate_of"]) for a in outputs["articles"]] == \
        [(story_id, None), (story_id, None), (story_id, "art2")]
    assert main(["export", "--table", "stories", "--format", "csv", "--db", sqlite_url]) == 2


@pytest.mark.slow
def test_eval_cluster_command_scores_through_ingest(shared_dir: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from wirewatch.cli import main

    out = tmp_path / "pred.jsonl"
    code = main(["eval", "cluster", "--data", str(shared_dir / "data"), "--limit", "40", "--json",
                 "--out", str(out)])
    figures = json.loads(capsys.readouterr().out)
    assert code == 0
    assert figures["docs"] == 40 and figures["missing"] == 0
    assert 0.0 < figures["bcubed_f1"] <= 1.0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 40


def test_eval_cluster_reports_missing_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from wirewatch.cli import main

    assert main(["eval", "cluster", "--data", str(tmp_path)]) == 4
    assert "gold data not found" in capsys.readouterr().err

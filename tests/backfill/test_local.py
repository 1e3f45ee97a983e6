"""The local backfill engine: datasets, summary, resuming, database loading, the command."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from wirewatch.backfill import BackfillOptions, run_backfill
from wirewatch.errors import ConfigError, InputError
from wirewatch.export.parquet import ARTICLE_SCHEMA, EVENT_SCHEMA

pytestmark = pytest.mark.issue(8)


def read_dataset(folder: Path) -> Any:
    import pandas as pd

    return pd.read_parquet(folder)


def test_summary_counts_pages_and_skips_by_reason(local_run: tuple[Any, Path]) -> None:
    report, _ = local_run
    run = report.run
    assert report.files == 5 and report.files_already_done == 0
    # a 3 + b 2 + c 1 (second record cut) + d 1 (first record bad) + e 1 (duplicate of a's first)
    assert run.pages == 8
    assert run.skipped["non-html"] == 1 and run.skipped["truncated"] == 1
    assert run.skipped["bad-content-length"] == 1 and run.skipped["duplicate"] == 1
    assert run.articles == run.pages - run.skipped["duplicate"] - sum(
        n for reason, n in run.skipped.items() if reason.startswith("failed:"))


def test_datasets_are_partitioned_by_day_with_the_export_schema(local_run: tuple[Any, Path]) -> None:
    report, out = local_run
    for table, schema in (("articles", ARTICLE_SCHEMA), ("events", EVENT_SCHEMA)):
        parts = sorted((out / table).glob("day=*/*.parquet"))
        assert parts, f"no {table} parts"
        assert all(p.parent.name == "day=unknown" or len(p.parent.name) == len("day=2025-03-06") for p in parts)
        assert all(pq.read_schema(p).remove_metadata() == schema for p in parts)
    articles, events = read_dataset(out / "articles"), read_dataset(out / "events")
    assert len(articles) == report.run.articles and articles["id"].is_unique
    assert len(events) == report.run.events and set(events["article_id"]) <= set(articles["id"])
    assert list(events.columns) == [*EVENT_SCHEMA.names, "day"]


def test_datasets_read_in_duckdb(local_run: tuple[Any, Path]) -> None:
    import duckdb

    report, out = local_run
    n = duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}/events/*/*.parquet', hive_partitioning=true)"
                   ).fetchall()
    assert n == [(report.run.events,)]


def test_backfill_gives_the_live_pipeline_results(local_run: tuple[Any, Path], archives: Path,
                                                  pipeline: Any) -> None:
    from wirewatch.warc import iter_warc_documents

    _, out = local_run
    live_articles, live_events = set(), {}
    for work in pipeline.run(iter_warc_documents(archives / "a.warc.gz")):
        if work.article is not None and work.failure is None:
            live_articles.add(work.article.id)
            live_events.update({e.id: e.to_dict() for e in work.article.events})
    articles, events = read_dataset(out / "articles"), read_dataset(out / "events")
    assert live_articles <= set(articles["id"])
    backfilled = {row["id"]: row for row in events[events["article_id"].isin(live_articles)].to_dict("records")}
    assert set(backfilled) == set(live_events)
    for event_id, event in live_events.items():
        assert (backfilled[event_id]["type"], backfilled[event_id]["evidence"]["text"]) == \
            (event["type"], event["evidence"]["text"])


def test_rerun_skips_finished_files(local_run: tuple[Any, Path], archives: Path, tmp_path: Path) -> None:
    _, out = local_run
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    again = run_backfill([str(archives)], copy, BackfillOptions())
    assert again.files_already_done == 5 and again.run.pages == 0
    assert len(read_dataset(copy / "articles")) == len(read_dataset(out / "articles"))


def test_resume_redoes_an_unfinished_file_without_duplicates(local_run: tuple[Any, Path], archives: Path,
                                                             tmp_path: Path) -> None:
    _, out = local_run
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    manifest = copy / "_manifest.jsonl"
    lines = manifest.read_text().splitlines()
    unfinished = next(line for line in lines if '/a.warc.gz"' in line)
    manifest.write_text("\n".join(line for line in lines if line != unfinished) + "\n{\"path\": \"cut")
    again = run_backfill([str(archives)], copy, BackfillOptions())
    assert again.files_already_done == 4 and again.run.pages == 3
    articles = read_dataset(copy / "articles")
    assert articles["id"].is_unique and sorted(articles["id"]) == sorted(read_dataset(out / "articles")["id"])
    assert sorted(read_dataset(copy / "events")["id"]) == sorted(read_dataset(out / "events")["id"])


def test_backfill_loads_the_database(archives: Path, tmp_path: Path, sqlite_url: str) -> None:
    from wirewatch.storage import open_store

    store = open_store(sqlite_url)
    try:
        report = run_backfill([str(archives / "a.warc.gz")], tmp_path / "out", BackfillOptions(), store=store)
        counts = store.counts()
    finally:
        store.close()
    events = read_dataset(tmp_path / "out" / "events") if report.run.events else None
    unique_events = 0 if events is None else events["id"].nunique()
    assert counts["articles"] == report.run.articles and counts["events"] == unique_events


def test_no_archives_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<p>x</p>")
    with pytest.raises(InputError, match="no WARC or ARC files"):
        run_backfill([str(tmp_path)], tmp_path / "out")
    with pytest.raises(InputError, match="no such file"):
        run_backfill([str(tmp_path / "missing.warc")], tmp_path / "out")


def test_unknown_engine_is_a_config_error(archives: Path, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown engine"):
        run_backfill([str(archives)], tmp_path / "out", BackfillOptions(engine="spark"))


def test_backfill_command_prints_the_summary(archives: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    from wirewatch.cli import main

    pattern = str(archives / "*.warc*")
    assert main(["backfill", pattern, "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "backfill (local): 5 files (0 already done), 8 pages" in out
    assert "skipped: bad-content-length 1, duplicate 1, non-html 1, truncated 1" in out.replace("\n", " ") or \
        "bad-content-length 1" in out
    assert main(["backfill", pattern, "--out", str(tmp_path / "out"), "--workers", "3"]) == 2

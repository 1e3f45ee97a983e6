"""`wirewatch export --format ...` on a store filled without the pipeline."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from wirewatch.cli import main
from wirewatch.models import Actor, Article, Event, EventPlace, Evidence

pytestmark = pytest.mark.issue(8)


def _article() -> Article:
    text = "A suicide bomber blew himself up in Mogadishu. Officials met in Nairobi."
    bomb = Event(id="ev1", type="ASSAULT", cameo="183", mode="explosives",
                 actor=Actor("al-Shabaab", "SOM", "rebels"), target=Actor(None, None, "civilians"),
                 place=EventPlace("Mogadishu", "SOM", 2.03711, 45.34375, "Banaadir", "point"),
                 date="2025-03-05", date_precision="day", killed=14, injured=None, status="actual",
                 attribution=None, evidence=Evidence(text[:46], 0, 46), confidence=0.9)
    talk = Event(id="ev2", type="CONSULT", cameo="040", mode=None, actor=Actor("Somalia", "SOM", "government"),
                 target=Actor("Kenya", "KEN", "government"), place=None, date="2025-03-06",
                 date_precision="day", killed=None, injured=None, status="actual", attribution=None,
                 evidence=Evidence(text[47:], 47, len(text)), confidence=0.7)
    return Article(id="a1", url="https://horndispatch.example/a1", title="Blast", published="2025-03-06",
                   site="Horn Dispatch", language="en", text=text, events=[bomb, talk], content_hash="h1")


@pytest.fixture()
def db(sqlite_url: str) -> str:
    from wirewatch.storage import open_store

    store = open_store(sqlite_url)
    store.add_articles([_article()])
    store.close()
    return sqlite_url


@pytest.mark.parametrize(("fmt", "written"), [("csv", 2), ("geojson", 1), ("gdelt", 2), ("acled", 1),
                                              ("jsonl", 2)])
def test_export_formats_to_files(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str,
                                 written: int) -> None:
    out = tmp_path / f"events.{fmt}"
    assert main(["export", "--db", db, "--format", fmt, "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"exported {written} events to {out}" in err
    if written < 2:
        assert "1 left out" in err


def test_export_parquet_needs_out(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--db", db, "--format", "parquet"]) == 2
    assert "binary; give --out FILE" in capsys.readouterr().err


def test_export_parquet_articles_and_events(db: str, tmp_path: Path) -> None:
    import pandas as pd

    assert main(["export", "--db", db, "--format", "parquet", "--out", str(tmp_path / "e.parquet")]) == 0
    assert main(["export", "--db", db, "--table", "articles", "--format", "parquet",
                 "--out", str(tmp_path / "a.parquet")]) == 0
    events = pd.read_parquet(tmp_path / "e.parquet")
    articles = pd.read_parquet(tmp_path / "a.parquet")
    assert sorted(events["id"]) == ["ev1", "ev2"] and events.iloc[0]["url"] == "https://horndispatch.example/a1"
    assert len(articles.iloc[0]["events"]) == 2


def test_export_event_only_format_for_articles_is_a_usage_error(db: str, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "a.geojson"
    assert main(["export", "--db", db, "--table", "articles", "--format", "geojson", "--out", str(out)]) == 2
    assert "events only" in capsys.readouterr().err and not out.exists()


def test_export_csv_to_stdout(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--db", db, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["id"] for r in rows] == ["ev1", "ev2"]


def test_export_jsonl_default_is_unchanged(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--db", db]) == 0
    first = json.loads(capsys.readouterr().out.splitlines()[0])
    assert first["actor"] == {"name": "al-Shabaab", "country": "SOM", "sector": "rebels"}

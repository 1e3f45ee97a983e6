"""Kill -9 `wirewatch ingest` at several points, rerun: every article and event exactly once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa


N_ARTICLES = 1000
KILL_AT = (120, 450, 800)      # kill once the store holds at least this many articles


def _wirewatch(*args: str) -> list[str]:
    return [sys.executable, "-m", "wirewatch", *args]


def _count(url: str, table: str) -> int:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() or 0)
    except sa.exc.SQLAlchemyError:
        return 0
    finally:
        engine.dispose()


def _ingest_until_killed(corpus: Path, url: str, threshold: int) -> None:
    proc = subprocess.Popen(_wirewatch("ingest", str(corpus), "--db", url, "--batch-size", "16"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            if _count(url, "articles") >= threshold:
                os.kill(proc.pid, signal.SIGKILL)
                break
            time.sleep(0.05)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()


def _snapshot(url: str) -> tuple[list[str], list[str]]:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        articles = [r[0] for r in conn.exec_driver_sql("SELECT id FROM articles ORDER BY id")]
        events = [r[0] for r in conn.exec_driver_sql("SELECT id FROM events ORDER BY id")]
    engine.dispose()
    return articles, events


def _run_crash_test(tmp_path: Path, url: str, reference_url: str, write_corpus) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus"
    write_corpus(corpus, N_ARTICLES)
    done = subprocess.run(_wirewatch("ingest", str(corpus), "--db", reference_url), capture_output=True,
                          text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    for threshold in KILL_AT:
        _ingest_until_killed(corpus, url, threshold)
    final = subprocess.run(_wirewatch("ingest", str(corpus), "--db", url), capture_output=True, text=True,
                           timeout=900)
    assert final.returncode == 0, final.stderr
    articles, events = _snapshot(url)
    ref_articles, ref_events = _snapshot(reference_url)
    assert len(articles) == len(set(articles)) == N_ARTICLES      # every article exactly once
    assert articles == ref_articles
    assert len(events) == len(set(events))                         # every event exactly once
    assert events == ref_events                                    # ... and none lost
    assert len(events) >= N_ARTICLES                               # each page reports an attack


@pytest.mark.slow
def test_crash_kill9_sqlite_loses_nothing_doubles_nothing(tmp_path: Path, corpus_writer) -> None:  # type: ignore[no-untyped-def]
    _run_crash_test(tmp_path, f"sqlite:///{tmp_path / 'crash.db'}", f"sqlite:///{tmp_path / 'ref.db'}",
                    corpus_writer)


@pytest.mark.slow
@pytest.mark.postgres
def test_crash_kill9_postgres_loses_nothing_doubles_nothing(tmp_path: Path, pg_url: str,
                                                             corpus_writer) -> None:  # type: ignore[no-untyped-def]
    _run_crash_test(tmp_path, pg_url, f"sqlite:///{tmp_path / 'ref.db'}", corpus_writer)

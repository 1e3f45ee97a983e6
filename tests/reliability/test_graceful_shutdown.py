"""SIGTERM during ingest: the batch in hand is stored, the process exits cleanly, a rerun completes."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa


def _articles(url: str) -> int:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.exec_driver_sql("SELECT count(*) FROM articles").scalar() or 0)
    except sa.exc.SQLAlchemyError:
        return 0
    finally:
        engine.dispose()


@pytest.mark.slow
def test_sigterm_stops_after_current_batch(tmp_path: Path, corpus_writer) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus"
    corpus_writer(corpus, 400)
    url = f"sqlite:///{tmp_path / 'g.db'}"
    cmd = [sys.executable, "-m", "wirewatch", "ingest", str(corpus), "--db", url, "--batch-size", "10"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 240
    while _articles(url) < 30 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "stopped on SIGTERM" in err
    stored = _articles(url)
    assert 30 <= stored < 400
    engine = sa.create_engine(url)
    with engine.connect() as conn:   # whole articles only: each stored page has its events
        with_events = conn.exec_driver_sql("SELECT count(DISTINCT article_id) FROM events").scalar()
    engine.dispose()
    assert with_events == stored
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert _articles(url) == 400

"""The Ray engine gives the same results as the local one (one local Ray runtime per session)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from wirewatch.backfill import BackfillOptions, run_backfill

pytestmark = [pytest.mark.issue(8), pytest.mark.ray, pytest.mark.slow]


def _events(out: Path) -> list[tuple[Any, ...]]:
    import pandas as pd

    frame = pd.read_parquet(out / "events")
    return sorted(tuple(str(v) for v in row) for row in frame.itertuples(index=False))


def test_ray_and_local_engines_give_identical_events(ray_runtime: None, local_run: tuple[Any, Path],
                                                     archives: Path, tmp_path: Path) -> None:
    local, local_out = local_run
    ray_report = run_backfill([str(archives)], tmp_path / "ray", BackfillOptions(engine="ray", workers=2))
    assert _events(tmp_path / "ray") == _events(local_out)
    assert ray_report.run.pages == local.run.pages and ray_report.run.articles == local.run.articles
    archive_reasons = ("non-html", "truncated", "bad-content-length", "corrupt")
    assert {r: ray_report.run.skipped[r] for r in archive_reasons} == \
        {r: local.run.skipped[r] for r in archive_reasons}
    assert "driver" in ray_report.run.worker_rss_mb and len(ray_report.run.worker_rss_mb) >= 2


def test_ray_run_resumes_like_the_local_one(ray_runtime: None, archives: Path, tmp_path: Path) -> None:
    first = run_backfill([str(archives / "a.warc.gz")], tmp_path / "out", BackfillOptions(engine="ray"))
    again = run_backfill([str(archives)], tmp_path / "out", BackfillOptions(engine="ray"))
    assert first.run.pages == 3 and again.files_already_done == 1 and again.files == 5


def test_ray_command(ray_runtime: None, archives: Path, tmp_path: Path,
                     capsys: pytest.CaptureFixture[str]) -> None:
    from wirewatch.cli import main

    assert main(["backfill", str(archives / "b.warc"), "--out", str(tmp_path / "o"), "--engine", "ray",
                 "--workers", "2"]) == 0
    assert "backfill (ray): 1 files (0 already done), 2 pages" in capsys.readouterr().out

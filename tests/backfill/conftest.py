"""Backfill fixtures: a folder of small archives (some damaged), one local run, one Ray runtime."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _set_length(raw: bytes, delta: int) -> bytes:
    """An uncompressed WARC with the first response record's Content-Length changed by ``delta``."""
    start = raw.index(b"WARC-Type: response")
    at = raw.index(b"\r\nContent-Length: ", start) + len(b"\r\nContent-Length: ")
    end = raw.index(b"\r\n", at)
    return raw[:at] + str(int(raw[at:end]) + delta).encode() + raw[end:]


@pytest.fixture(scope="session")
def archives(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """a.warc.gz: 3 pages; b.warc: 2 pages + a JSON record; c.warc.gz: cut inside its 2nd record;
    d.warc: first record with a wrong Content-Length, then 1 good page; e.warc.gz: a copy of a's first page."""
    from wirewatch.warc import build_warc

    pages = sorted(SAMPLES.glob("*.html"))
    if len(pages) < 6:
        pytest.fail(f"samples/ must hold at least 6 .html pages (found {len(pages)})")
    folder = tmp_path_factory.mktemp("archives")
    extra = tmp_path_factory.mktemp("archive-sources")
    data = extra / "feed.json"
    data.write_text('{"items": []}')
    build_warc(pages[:3], folder / "a.warc.gz")
    build_warc([pages[3], data, pages[4]], folder / "b.warc")
    whole = build_warc(pages[:2], extra / "c.warc.gz", first_copy=1).path.read_bytes()
    (folder / "c.warc.gz").write_bytes(whole[:-500])
    d = build_warc([pages[5], pages[2]], extra / "d.warc", first_copy=2).path
    (folder / "d.warc").write_bytes(_set_length(d.read_bytes(), -80))
    build_warc(pages[:1], folder / "e.warc.gz")
    return folder


@pytest.fixture(scope="session")
def local_run(archives: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path]:
    """One local backfill of ``archives`` (report, output folder), shared by read-only tests."""
    from wirewatch.backfill import BackfillOptions, run_backfill

    out = tmp_path_factory.mktemp("local-out")
    return run_backfill([str(archives)], out, BackfillOptions(engine="local")), out


@pytest.fixture(scope="session")
def ray_runtime() -> Iterator[None]:
    """A local Ray runtime with 2 workers' worth of CPUs, started once per session (~10 s)."""
    ray = pytest.importorskip("ray", reason="make test installs wirewatch[ray]")
    from wirewatch.backfill.ray_runner import ensure_ray

    ensure_ray(None, 2)
    yield
    ray.shutdown()

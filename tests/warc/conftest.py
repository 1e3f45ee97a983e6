"""WARC fixtures: small archives built from the sample pages, and ways to damage them."""

from __future__ import annotations

from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="session")
def pages() -> list[Path]:
    found = sorted(SAMPLES.glob("*.html"))[:3]
    if len(found) < 3:
        pytest.fail(f"samples/ must hold at least 3 .html pages (found {len(found)})")
    return found

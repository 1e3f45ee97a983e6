"""The bench's fuzzing run and API load run, at a size that fits in the test suite."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.mark.slow
def test_fuzz_run_finds_no_crash() -> None:
    done = subprocess.run([sys.executable, str(BENCH / "fuzz.py"), "--inputs", "300", "--seed", "7"],
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert '"crashes": 0' in done.stdout


@pytest.mark.slow
def test_api_load_without_errors() -> None:
    sys.path.insert(0, str(BENCH))
    try:
        import load_test
    finally:
        sys.path.remove(str(BENCH))
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/load.db"
        load_test.fill_database(url, 10_000)
        result = load_test.run_load(url, rate=50, seconds=4)
    assert result["requests"] == 200
    assert result["errors"] == 0
    assert result["p99_ms"] < 2000, result

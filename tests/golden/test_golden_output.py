"""Snapshot of `wirewatch process --json` on the seed page. Refresh with --update-golden and review."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from wirewatch.cli import main
from wirewatch.schemas import article_schema

GOLDEN = Path(__file__).parent / "seed-article.process.json"


def _process(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict]:
    assert main(["process", "--json", *args]) == 0
    out = capsys.readouterr().out
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_golden_seed_output_pinned(capsys: pytest.CaptureFixture[str], seed_html: Path,
                                   request: pytest.FixtureRequest) -> None:
    [article] = _process(capsys, str(seed_html))
    jsonschema.validate(article, article_schema())
    if request.config.getoption("--update-golden"):
        GOLDEN.write_text(json.dumps(article, indent=2, ensure_ascii=False) + "\n")
    assert article == json.loads(GOLDEN.read_text())


def test_golden_txt_with_published_matches_schema(capsys: pytest.CaptureFixture[str], seed_txt: Path) -> None:
    [article] = _process(capsys, str(seed_txt), "--published", "2015-11-12")
    jsonschema.validate(article, article_schema())
    assert article["published"] == "2015-11-12"

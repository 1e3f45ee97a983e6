"""`wirewatch process URL`: the SSRF guard, --allow-host, and a dead source among good ones."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from wirewatch.cli import main


@pytest.fixture()
def page_server(seed_html: Path, serve_page: Callable[[bytes, str], str]) -> str:
    return serve_page(seed_html.read_bytes(), "seed.html")


@pytest.mark.network
def test_process_url_blocked_without_allow_host(capsys: pytest.CaptureFixture[str], page_server: str) -> None:
    assert main(["process", page_server]) == 4
    err = capsys.readouterr().err
    assert "loopback" in err and "--allow-host" in err


@pytest.mark.network
def test_process_url_with_allow_host(capsys: pytest.CaptureFixture[str], page_server: str) -> None:
    assert main(["process", "--json", "--allow-host", "127.0.0.1", page_server]) == 0
    [article] = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert article["title"].startswith("Islamic State video threatens")
    assert any(e["type"] == "THREATEN" for e in article["events"])


@pytest.mark.network
def test_process_dead_url_among_files_goes_on(capsys: pytest.CaptureFixture[str], seed_html: Path) -> None:
    assert main(["process", "--json", "http://127.0.0.1:9/none.html", str(seed_html)]) == 0
    captured = capsys.readouterr()
    assert len([line for line in captured.out.splitlines() if line.strip()]) == 1
    assert "127.0.0.1:9" in captured.err

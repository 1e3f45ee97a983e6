"""Browser fixtures: `wirewatch serve` on a free loopback port, and Debian's Chromium via Playwright.

Playwright never downloads a browser here: it drives /usr/bin/chromium (scripts/install-browser.sh).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "api")]   # browser_support.py and the shared corpus

from browser_support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    PageWatch,
    Server,
    attach_watch,
    start_server,
    stop_server,
)
from corpus_api import fill_store

from wirewatch.storage import open_store


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The hand-built corpus served by the real CLI."""
    folder = tmp_path_factory.mktemp("dashboard")
    db_url = f"sqlite:///{folder / 'dashboard.db'}"
    store = open_store(db_url)
    fill_store(store)
    store.close()
    running = start_server(db_url, folder / "serve.log")
    yield running
    stop_server(running)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `bash scripts/install-browser.sh` (Debian's chromium).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture()
def watch() -> PageWatch:
    return PageWatch()


@pytest.fixture()
def page(browser: Any, server: Server, watch: PageWatch) -> Iterator[Any]:
    """A fresh page on the dashboard; fails the test on console errors or requests to the internet."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    new_page = context.new_page()
    attach_watch(new_page, watch)
    new_page.goto(server.url + "/")
    new_page.wait_for_selector("body[data-ready=true]", timeout=20_000)
    yield new_page
    context.close()
    assert watch.errors == [], watch.errors
    assert watch.outside == [], watch.outside

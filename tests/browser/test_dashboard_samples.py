"""The dashboard on the bundled sample pages, ingested by the real pipeline (`wirewatch ingest samples/`)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from browser_support import REPO, WIREWATCH, PageWatch, Server, attach_watch, start_server, stop_server

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def sample_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("samples")
    db_url = f"sqlite:///{folder / 'samples.db'}"
    done = subprocess.run([str(WIREWATCH), "ingest", str(REPO / "samples"), "--db", db_url],
                          capture_output=True, text=True, timeout=600, cwd=REPO, check=False)
    assert done.returncode == 0, done.stderr
    running = start_server(db_url, folder / "serve.log")
    yield running
    stop_server(running)


def test_samples_dashboard_map_filter_and_a_bombing_with_its_evidence(browser: Any, sample_server: Server,
                                                                      watch: PageWatch) -> None:
    bombings = [e for e in httpx.get(f"{sample_server.url}/api/events?type=ASSAULT&country=SOM&limit=500")
                .json()["items"] if "bomb" in e["evidence"]["text"].lower()]
    assert bombings, "the Mogadishu sample should yield a bombing in Somalia"
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    attach_watch(page, watch)
    page.goto(f"{sample_server.url}/#type=ASSAULT&country=SOM")
    page.wait_for_selector("body[data-ready=true]", timeout=20_000)
    assert page.locator("path.country").count() > 150
    assert page.locator('path.country.has-events[data-iso="706"]').count() == 1
    assert page.locator("circle.marker").count() + page.locator("g.cluster").count() >= 1
    types = set(page.locator("#event-list li").evaluate_all("ls => ls.map(l => l.dataset.type)"))
    assert types == {"ASSAULT"}
    bombing = bombings[0]
    page.locator(f'#event-list li[data-event-id="{bombing["id"]}"] button').click()
    page.wait_for_selector("#detail-article mark.evidence")
    assert page.locator("#detail-article mark.evidence").first.text_content() in bombing["evidence"]["text"]
    assert page.locator("#detail-sources li").count() >= 1
    page.screenshot(path=str(sample_server.log.parent / "bombing.png"))
    context.close()
    assert watch.errors == [] and watch.outside == []

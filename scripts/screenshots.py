"""Screenshots of the dashboard's main views for docs/img (docs/dashboard.md, README).

    .venv/bin/python scripts/screenshots.py [--db sqlite:///wirewatch-demo.db] [--out docs/img]

Without --db the bundled samples/ are ingested into a temporary database first. The server runs on a
free loopback port; Debian's Chromium (/usr/bin/chromium) takes the pictures. Nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from playwright.sync_api import Page, sync_playwright
from sqlalchemy import insert

from wirewatch.storage import open_store
from wirewatch.storage.schema import alerts

REPO = Path(__file__).resolve().parent.parent
WIREWATCH = Path(sys.executable).parent / "wirewatch"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def start(db_url: str, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    handle = log.open("w")
    process = subprocess.Popen([str(WIREWATCH), "serve", "--db", db_url, "--port", "0"], stdout=handle,
                               stderr=subprocess.STDOUT, env={"PATH": "/usr/bin:/bin",
                                                              "WIREWATCH_API__STREAM_POLL_SECONDS": "0.5"})
    for _ in range(300):
        found = re.search(r"http://127\.0\.0\.1:\d+", log.read_text())
        if found:
            try:
                httpx.get(found.group(0) + "/api/health", timeout=2)
                return process, found.group(0)
            except httpx.HTTPError:
                pass
        time.sleep(0.2)
    process.kill()
    raise SystemExit(f"the server did not start:\n{log.read_text()}")


def pick_bombing(url: str) -> dict[str, Any] | None:
    items = httpx.get(f"{url}/api/events?type=ASSAULT&sort=-killed&limit=200").json()["items"]
    bombs = [e for e in items if "bomb" in e["evidence"]["text"].lower()]
    return (bombs or items or [None])[0]


def add_alert(db_url: str, event: dict[str, Any]) -> None:
    store = open_store(db_url, migrate=False)
    with store.engine.begin() as conn:
        conn.execute(insert(alerts).values(
            rule_id="demo-rule", dedupe_key=f"shot-{time.time()}", kind="match",
            event_ids=json.dumps([event["id"]]), payload=json.dumps({"event": event})))
    store.close()


def shoot(page: Page, url: str, db_url: str, out: Path) -> list[Path]:
    taken = []
    page.goto(url + "/")
    page.wait_for_selector("body[data-ready=true]", timeout=30_000)
    taken.append(out / "dashboard.png")
    page.screenshot(path=str(taken[-1]))
    bombing = pick_bombing(url)
    if bombing is not None:
        page.locator(f'#event-list li[data-event-id="{bombing["id"]}"] button').click()
        page.wait_for_selector("#detail-article mark.evidence")
        taken.append(out / "event-detail.png")
        page.screenshot(path=str(taken[-1]))
        page.click("#tab-alerts")
        page.wait_for_function("() => document.querySelector('#alert-connection').textContent === 'live'")
        add_alert(db_url, bombing)
        page.wait_for_selector("#alert-feed li.new", timeout=15_000)
        taken.append(out / "alerts.png")
        page.screenshot(path=str(taken[-1]))
    page.select_option("#f-type", "ASSAULT")
    page.wait_for_function("() => document.body.dataset.loading === 'false'")
    page.click("#tab-stories")
    page.wait_for_selector("#story-list li")
    if page.locator("#story-list li.story-item").count():
        page.locator("#story-list li.story-item button").first.click()
        page.wait_for_selector("#story-title")
    taken.append(out / "stories.png")
    page.screenshot(path=str(taken[-1]))
    page.click("#tab-rules")
    page.fill("#rule-name", "Bombings with 5+ killed")
    page.fill("#rule-query", "type=ASSAULT&mode=explosives&min_killed=5")
    taken.append(out / "rules.png")
    page.screenshot(path=str(taken[-1]))
    return taken


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="database to show (default: ingest samples/ into a temporary one)")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "img")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db_url = args.db or f"sqlite:///{Path(tmp) / 'screens.db'}"
        if not args.db:
            subprocess.run([str(WIREWATCH), "ingest", str(REPO / "samples"), "--db", db_url], check=True)
        process, url = start(db_url, Path(tmp) / "serve.log")
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
                page = browser.new_page(viewport={"width": 1440, "height": 900})
                for path in shoot(page, url, db_url, args.out):
                    print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)
                browser.close()
        finally:
            process.terminate()
            process.wait(timeout=10)


if __name__ == "__main__":
    main()

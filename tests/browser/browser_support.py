"""Helpers of the browser tests: the server subprocess and what a page did besides rendering."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from corpus_api import TOKEN

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
REPO = Path(__file__).resolve().parents[2]
WIREWATCH = Path(sys.executable).parent / "wirewatch"


@dataclass
class Server:
    url: str
    db_url: str
    process: subprocess.Popen[str]
    log: Path


def start_server(db_url: str, log: Path, **env: str) -> Server:
    """`wirewatch serve --port 0` in a subprocess; waits until /api/health answers."""
    environ = {**os.environ, "WIREWATCH_API_TOKEN": TOKEN, "WIREWATCH_API__STREAM_POLL_SECONDS": "0.2",
               **env}
    handle = log.open("w")
    process = subprocess.Popen([str(WIREWATCH), "serve", "--db", db_url, "--host", "127.0.0.1", "--port", "0"],
                               stdout=handle, stderr=subprocess.STDOUT, text=True, env=environ, cwd=REPO)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", log.read_text())
        if match:
            url = f"http://127.0.0.1:{match.group(1)}"
            try:
                if httpx.get(f"{url}/api/health", timeout=2).status_code == 200:
                    return Server(url, db_url, process, log)
            except httpx.HTTPError:
                pass
        if process.poll() is not None:
            break
        time.sleep(0.2)
    process.kill()
    pytest.fail(f"wirewatch serve did not start: {log.read_text()[-2000:]}")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@dataclass
class PageWatch:
    """What a page did besides rendering: console errors, dialogs, requests leaving the machine."""

    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)


def attach_watch(page: Any, watch: PageWatch) -> None:
    def on_request(request: Any) -> None:
        if not request.url.startswith(("http://127.0.0.1", "data:", "about:")):
            watch.outside.append(request.url)

    page.on("console", lambda m: watch.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: watch.errors.append(str(e)))
    page.on("request", on_request)

    def on_dialog(dialog: Any) -> None:
        watch.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)

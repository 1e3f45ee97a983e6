"""`wirewatch process URL`: the SSRF guard, --allow-host, and a dead source among good ones."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from wirewatch.cli import main


@pytest.fixture()
def page_server(seed_html: Path) -> Iterator[str]:
    body = seed_html.read_bytes()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/seed.html"
    server.shutdown()
    server.server_close()


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

"""``wirewatch watch --demo``: a local feed built from samples/, served on a loopback port.

The feed starts with one item and gains one more every ``step`` seconds, so a new user sees
articles arrive and alerts fire without any internet access.
"""

from __future__ import annotations

import http.server
import threading
import time
from email.utils import formatdate
from pathlib import Path
from xml.sax.saxutils import escape

from wirewatch.errors import InputError

PAGE_SUFFIXES = (".html", ".htm", ".txt")
#: The same port on every run keeps item URLs (and so article ids) stable: a rerun repeats nothing.
DEMO_PORT = 8765


def _bind(handler: type[http.server.BaseHTTPRequestHandler], port: int) -> http.server.ThreadingHTTPServer:
    try:
        return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError:     # taken: any free port will do
        return http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)


def find_samples(explicit: Path | None = None) -> Path:
    """The samples folder: given, ./samples, or the one next to the source tree."""
    candidates = [explicit] if explicit else [Path.cwd() / "samples",
                                               Path(__file__).resolve().parents[3] / "samples"]
    for folder in candidates:
        if folder is not None and folder.is_dir() and any(folder.glob("*.htm*")):
            return folder
    raise InputError("no samples/ folder with HTML pages found for the demo.",
                     hint="Run from the wirewatch checkout, or pass --demo-samples FOLDER.")


class DemoFeed:
    """An RSS feed of sample pages on 127.0.0.1; ``reveal`` shows more items."""

    def __init__(self, samples: Path, *, step: float = 5.0, port: int = DEMO_PORT) -> None:
        self.pages = sorted(p for p in samples.iterdir() if p.suffix.lower() in PAGE_SUFFIXES)
        self.visible = 1
        self.step = step
        self._stop = threading.Event()
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                outer._answer(self)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = _bind(Handler, port)
        self.httpd.daemon_threads = True
        self._threads = [threading.Thread(target=self.httpd.serve_forever, daemon=True),
                         threading.Thread(target=self._grow, daemon=True)]

    @property
    def feed_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/feed.xml"

    @property
    def is_complete(self) -> bool:
        return self.visible >= len(self.pages)

    def start(self) -> DemoFeed:
        for thread in self._threads:
            thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def _grow(self) -> None:
        while not self._stop.wait(self.step) and not self.is_complete:
            self.visible += 1

    def feed(self) -> bytes:
        base = self.feed_url.rsplit("/", 1)[0]
        items = "".join(
            f"<item><title>{escape(p.stem)}</title><link>{base}/news/{escape(p.name)}</link>"
            f"<guid>{base}/news/{escape(p.name)}</guid><pubDate>{formatdate(time.time(), usegmt=True)}"
            "</pubDate></item>" for p in reversed(self.pages[: self.visible]))
        return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                f"<title>wirewatch demo wire</title><link>{base}/</link>"
                f"<description>sample pages</description>{items}</channel></rss>").encode()

    def _answer(self, handler: http.server.BaseHTTPRequestHandler) -> None:
        path = handler.path.split("?", 1)[0]
        body, kind = b"", "text/plain"
        if path == "/feed.xml":
            body, kind = self.feed(), "application/rss+xml"
        elif path.startswith("/news/"):
            page = next((p for p in self.pages[: self.visible] if p.name == path[6:]), None)
            if page is not None:
                body, kind = page.read_bytes(), "text/html; charset=utf-8"
        handler.send_response(200 if body else 404)
        handler.send_header("Content-Type", kind)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

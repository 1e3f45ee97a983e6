"""Per-host politeness: robots.txt, a minimum delay between requests, a concurrency cap.

robots.txt is fetched once per host (through the same guarded client) and parsed with
``urllib.robotparser``. Following RFC 9309, a missing robots.txt (4xx) allows everything;
so does one that cannot be fetched, so that the real failure (a dead host, a 500) is the
one reported for the page itself.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from urllib.robotparser import RobotFileParser

Clock = Callable[[], float]
Sleep = Callable[[float], None]
#: host -> robots.txt text (None when there is none or it could not be read).
RobotsLoader = Callable[[str], "str | None"]


class HostPolicy:
    """Decides when a request to a host may start, and whether robots.txt allows it."""

    def __init__(self, *, min_delay: float = 1.0, concurrency: int = 2, max_crawl_delay: float = 30.0,
                 user_agent: str = "wirewatch", clock: Clock = time.monotonic,
                 sleep: Sleep = time.sleep) -> None:
        self.min_delay = min_delay
        self.concurrency = concurrency
        self.max_crawl_delay = max_crawl_delay
        self.user_agent = user_agent
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._next_start: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser | None] = {}

    # ----- robots.txt ------------------------------------------------------------------------

    def has_robots(self, origin: str) -> bool:
        with self._lock:
            return origin in self._robots

    def set_robots(self, origin: str, text: str | None) -> None:
        """Remember the robots.txt of ``origin`` (``scheme://host:port``); None allows all."""
        parser = None
        if text is not None:
            parser = RobotFileParser()
            parser.parse(text.splitlines())
        with self._lock:
            self._robots[origin] = parser

    def allows(self, origin: str, url: str) -> bool:
        with self._lock:
            parser = self._robots.get(origin)
        return True if parser is None else parser.can_fetch(self.user_agent, url)

    def delay(self, origin: str) -> float:
        """Seconds between two requests to ``origin``: ours, or robots.txt's Crawl-delay if longer."""
        with self._lock:
            parser = self._robots.get(origin)
        asked = parser.crawl_delay(self.user_agent) if parser is not None else None
        return max(self.min_delay, min(float(asked or 0), self.max_crawl_delay))

    # ----- pacing ----------------------------------------------------------------------------

    def _slot(self, origin: str) -> threading.BoundedSemaphore:
        with self._lock:
            if origin not in self._slots:
                self._slots[origin] = threading.BoundedSemaphore(self.concurrency)
            return self._slots[origin]

    def _reserve(self, origin: str) -> float:
        """Book the next start time for ``origin``; return how long to wait for it."""
        step = self.delay(origin)
        with self._lock:
            now = self._clock()
            start = max(now, self._next_start.get(origin, now))
            self._next_start[origin] = start + step
            return start - now

    @contextmanager
    def turn(self, origin: str) -> Iterator[None]:
        """Hold one of the host's concurrency slots, starting no sooner than its delay allows."""
        slot = self._slot(origin)
        with slot:
            wait = self._reserve(origin)
            if wait > 0:
                self._sleep(wait)
            yield

"""Graceful shutdown: SIGTERM (and a first Ctrl-C) ask a long run to stop after the current batch."""

from __future__ import annotations

import signal
import threading
from types import FrameType
from typing import Any


class StopFlag:
    """Set by a signal; long loops poll ``requested`` at safe points (between batches)."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self.signal_name: str | None = None
        self._previous: dict[int, Any] = {}

    @property
    def requested(self) -> bool:
        return self._event.is_set()

    def request(self, name: str = "request") -> None:
        self.signal_name = name
        self._event.set()

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; True when a stop was requested meanwhile."""
        return self._event.wait(seconds)

    def _handle(self, signum: int, _frame: FrameType | None) -> None:
        if self.requested and signum == signal.SIGINT:
            raise KeyboardInterrupt   # a second Ctrl-C stops at once
        self.request(signal.Signals(signum).name)

    def install(self) -> "StopFlag":
        """Catch SIGTERM and SIGINT in the main thread (no-op elsewhere)."""
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGTERM, signal.SIGINT):
                self._previous[sig] = signal.signal(sig, self._handle)
        return self

    def uninstall(self) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        self._previous.clear()

"""Logging set-up: readable (rich) by default, one JSON object per line with --log-json."""

from __future__ import annotations

import json
import logging
import time
from typing import Any

_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """{"ts", "level", "logger", "msg", ...extra fields} — for log shippers."""

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, Any] = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(), "logger": record.name, "msg": record.getMessage(),
        }
        data.update({k: v for k, v in vars(record).items() if k not in _STANDARD and not k.startswith("_")})
        if record.exc_info:
            data["exc"] = self.formatException(record.exc_info)
        return json.dumps(data, default=str, ensure_ascii=False)


def configure_logging(level: int, *, as_json: bool = False) -> None:
    """Route wirewatch's and libraries' logs to stderr."""
    if as_json:
        handler: logging.Handler = logging.StreamHandler()
        handler.setFormatter(JsonFormatter())
    else:
        from rich.logging import RichHandler

        from wirewatch.console import err_console

        handler = RichHandler(console=err_console, show_path=False)
        handler.setFormatter(logging.Formatter("%(message)s", datefmt="[%X]"))
    logging.basicConfig(level=level, handlers=[handler], force=True)
    for noisy in ("trafilatura", "htmldate", "urllib3", "httpx", "httpcore", "charset_normalizer"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))

"""Row writers by format. Rows are the JSON contract's dicts (nested objects allowed)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import IO, Any

Writer = Callable[[Iterable[dict[str, Any]], IO[str]], int]


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """One JSON object per line; returns the number of rows."""
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False, default=str))
        out.write("\n")
        n += 1
    return n


FORMATS: dict[str, Writer] = {"jsonl": write_jsonl}


def write_rows(rows: Iterable[dict[str, Any]], fmt: str, out: IO[str]) -> int:
    """Write rows in ``fmt``; raises KeyError for an unknown format (the CLI validates first)."""
    return FORMATS[fmt](rows, out)

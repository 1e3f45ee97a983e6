"""What every export writer shares: the result type and text/binary stream handling."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import IO, Any

from wirewatch.errors import InputError


class ExportError(InputError):
    """An export cannot be written as asked (format/table mismatch, binary format to a text stream)."""

    exit_code = 2
    http_status = 400


@dataclass
class ExportResult:
    """Rows written, and rows left out by reason (e.g. ``no coordinates`` in GeoJSON)."""

    written: int = 0
    omitted: Counter[str] = field(default_factory=Counter)

    def omit(self, reason: str) -> None:
        self.omitted[reason] += 1

    @property
    def omitted_total(self) -> int:
        return sum(self.omitted.values())


def is_text_stream(out: IO[Any]) -> bool:
    """True when ``out`` takes ``str`` (a text file, sys.stdout, StringIO)."""
    return isinstance(out, io.TextIOBase) or "b" not in getattr(out, "mode", "b")


@contextmanager
def text_stream(out: IO[Any]) -> Iterator[IO[str]]:
    """``out`` as a UTF-8 text stream; a binary stream is wrapped and detached afterwards."""
    if is_text_stream(out):
        yield out
        return
    wrapper = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        yield wrapper
        wrapper.flush()
    finally:
        wrapper.detach()


def binary_stream(out: IO[Any], fmt: str) -> IO[bytes]:
    """``out`` as a binary stream (``sys.stdout`` gives its buffer); text-only streams are refused."""
    if not is_text_stream(out):
        return out
    buffer = getattr(out, "buffer", None)
    if buffer is None:
        raise ExportError(f"the {fmt} format is binary and cannot be written to a text stream.",
                          hint="Open the output in binary mode ('wb') or give --out FILE.")
    out.flush()
    return buffer   # type: ignore[no-any-return]

"""Read WARC/ARC archives (warcio) into :class:`~wirewatch.models.Document` items.

Only HTTP ``response`` records (ARC records count as responses) with an HTML payload become
documents. Everything else is skipped with a counted reason (:data:`SKIP_REASONS`) and the read
goes on; a file that cannot be read further ends that file, never the run:

* ``non-html``: the payload is not text/html or application/xhtml+xml (PDF, image, JSON...).
* ``http-status``: the HTTP status is not 2xx (redirects, errors).
* ``bad-content-length``: the record's Content-Length disagrees with the bytes that follow it.
* ``truncated``: the file ends inside a record (a partly downloaded or cut archive).
* ``corrupt``: the payload cannot be decoded, or the rest of the file cannot be parsed.
* ``unreadable``: the file cannot be opened at all.

Requests, metadata, warcinfo and revisit records are not pages; they are counted in
``WarcStats.other_records`` only.
"""

from __future__ import annotations

import logging
import zlib
from collections import Counter
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from warcio.statusandheaders import StatusAndHeadersParserException

from wirewatch.models import Document

logger = logging.getLogger("wirewatch.warc")

SKIP_REASONS: tuple[str, ...] = (
    "non-html", "http-status", "bad-content-length", "truncated", "corrupt", "unreadable",
)
HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass
class WarcStats:
    """What a read found: pages yielded, skipped records by reason, other record types."""

    pages: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    other_records: int = 0
    errors: list[str] = field(default_factory=list)   # one line per file-level problem

    def skip(self, reason: str) -> None:
        self.skipped[reason] += 1

    def merge(self, other: WarcStats) -> None:
        self.pages += other.pages
        self.skipped.update(other.skipped)
        self.other_records += other.other_records
        self.errors.extend(other.errors)


def _quiet_iterator(fh: IO[bytes]) -> Any:
    """warcio's iterator, without the warning it prints to stderr (we count the problem instead)."""
    from warcio.archiveiterator import ArchiveIterator

    class QuietArchiveIterator(ArchiveIterator):   # type: ignore[misc]
        INC_RECORD = ""

    return QuietArchiveIterator(fh, arc2warc=True)


def iter_warc_documents(path: str | Path | object, *, stats: WarcStats | None = None) -> Iterator[Document]:
    """HTML response records of one WARC/ARC file (gzipped or not) as Documents, in file order.

    ``url`` is WARC-Target-URI, ``fetched_at`` WARC-Date (the crawl time, not the publication
    date, which the extract stage reads from the page), ``content_type`` the HTTP Content-Type,
    ``uri`` ``warc://<path>#<offset>``.
    """
    stats = stats if stats is not None else WarcStats()
    path = Path(str(path))
    mine = WarcStats()
    try:
        fh = path.open("rb")
        size = path.stat().st_size
    except OSError as exc:
        mine.skip("unreadable")
        mine.errors.append(f"{path}: cannot be read ({exc.strerror or exc})")
    else:
        with fh:
            yield from _read_records(fh, path, size, mine)
    finally:
        stats.merge(mine)
    if mine.skipped:   # `process` and `ingest` show this; the backfill summary adds the counts up
        reasons = ", ".join(f"{reason} {n}" for reason, n in sorted(mine.skipped.items()))
        logger.warning("%s: %d pages read, records skipped: %s", path, mine.pages, reasons)


def _read_records(fh: IO[bytes], path: Path, size: int, stats: WarcStats) -> Iterator[Document]:
    """Read from the start; after a parse failure, resynchronise on the next record and go on."""
    head = fh.read(16)
    if head and not head.startswith(_SIGNATURES):
        stats.skip("corrupt")
        stats.errors.append(f"{path}: not a WARC or ARC file (it starts with {head[:8]!r}); skipped")
        return
    is_gzip = head.startswith(b"\x1f\x8b")
    position: int | None = 0
    in_bad_region = False
    while position is not None:
        fh.seek(position)
        attempt = _Attempt(start=position)
        position = yield from _read_from(fh, path, size, stats, is_gzip, attempt)
        if position is not None and not (in_bad_region and attempt.records == 0):
            if attempt.last_reason != "bad-content-length":   # else: that record's leftover bytes
                stats.skip("corrupt")
        elif position is None and attempt.failed and not (in_bad_region and attempt.records == 0):
            stats.skip("truncated" if attempt.at_end else "corrupt")
        in_bad_region = position is not None


_SIGNATURES = (b"\x1f\x8b", b"WARC/", b"filedesc://")


@dataclass
class _Attempt:
    """One pass of warcio over the file, from ``start`` until the end or a failure."""

    start: int
    records: int = 0
    last_reason: str | None = None
    failed: bool = False
    at_end: bool = False


def _read_from(fh: IO[bytes], path: Path, size: int, stats: WarcStats, is_gzip: bool,
               attempt: _Attempt) -> Generator[Document, None, int | None]:
    """Records from the current position; returns where to resume after a failure, or None at the end."""
    from warcio.exceptions import ArchiveLoadFailed

    records = _quiet_iterator(fh)
    last_start = attempt.start
    try:
        for record in records:
            last_start = max(records.offset, attempt.start)
            document, reason = _check_record(records, record, path, last_start, size)
            attempt.records += 1
            attempt.last_reason = reason
            if reason == "other":
                stats.other_records += 1
            elif reason is not None:
                stats.skip(reason)
            elif document is not None:
                stats.pages += 1
                yield document
    except (ArchiveLoadFailed, StatusAndHeadersParserException, zlib.error, EOFError, ValueError,
            OSError) as exc:
        attempt.failed, attempt.at_end = True, fh.tell() >= size
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        resume = _next_record_start(fh, last_start + 1, is_gzip)
        stats.errors.append(f"{path}: unreadable bytes after offset {last_start} ({type(exc).__name__}: "
                            f"{message}); " + ("resumed at the next record" if resume else "rest skipped"))
        return resume
    return None


_MARKERS = (b"WARC/1.0\r\n", b"WARC/1.1\r\n")


def _next_record_start(fh: IO[bytes], start: int, is_gzip: bool, chunk: int = 1 << 20) -> int | None:
    """Offset of the next record header (or gzip member) at or after ``start``; None when none."""
    markers = (b"\x1f\x8b\x08",) if is_gzip else _MARKERS
    position = start
    while True:
        fh.seek(position)
        data = fh.read(chunk + 16)
        if not data:
            return None
        found = [i for i in (data.find(m) for m in markers) if i >= 0]
        if found:
            return position + min(found)
        position += chunk


def _check_record(records: Any, record: Any, path: Path, offset: int,
                  size: int) -> tuple[Document | None, str | None]:
    """Read one record fully and classify it: a Document, or a skip reason ("other": not a page)."""
    if record.rec_type != "response":
        return None, "other"
    errors_before = records.err_count
    try:
        content = record.content_stream().read()
    except (zlib.error, ValueError, EOFError, OSError):
        return None, "corrupt"
    short = record.raw_stream.limit > 0   # the file ran out before Content-Length bytes
    records.read_to_end()
    if short:
        return None, "truncated" if records.fh.tell() >= size else "bad-content-length"
    if records.err_count > errors_before:   # bytes left over after Content-Length
        return None, "bad-content-length"
    http = record.http_headers
    status = http.get_statuscode() if http is not None else "200"
    if not str(status).startswith("2"):
        return None, "http-status"
    content_type = (http.get_header("Content-Type") if http is not None else None) or ""
    if not content_type.split(";")[0].strip().lower() in HTML_TYPES:
        return None, "non-html"
    return _document(record, path, offset, content, content_type), None


def _document(record: Any, path: Path, offset: int, content: bytes, content_type: str) -> Document:
    headers = record.rec_headers
    return Document(uri=f"warc://{path}#{offset}", content=content, content_type=content_type,
                    url=headers.get_header("WARC-Target-URI"),
                    fetched_at=_warc_date(headers.get_header("WARC-Date")))


def _warc_date(value: str | None) -> datetime | None:
    """WARC-Date (ISO 8601, 'Z' for UTC) or an ARC 14-digit date; None when malformed."""
    if not value:
        return None
    try:
        if value.isdigit() and len(value) == 14:
            return datetime.strptime(value + "+0000", "%Y%m%d%H%M%S%z")
        return datetime.fromisoformat(value)
    except ValueError:
        return None

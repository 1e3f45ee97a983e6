"""Build WARC files from local page files, so tests and benchmarks need no crawl and no network.

Each page becomes one ``response`` record (HTTP 200, a Content-Type guessed from the file
name) after a ``warcinfo`` record. The target URI is the page's canonical link when it has
one, else ``base_url`` + file name; copy ``n`` > 0 adds ``?copy=n`` so that its article id
differs (for volume tests built from a few pages).
"""

from __future__ import annotations

import mimetypes
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

from wirewatch.errors import InputError

DEFAULT_BASE_URL = "https://pages.invalid/"
_CANONICAL = re.compile(
    rb"<link\b[^>]*\brel=[\"']canonical[\"'][^>]*\bhref=[\"']([^\"']+)[\"']"
    rb"|<meta\b[^>]*\bproperty=[\"']og:url[\"'][^>]*\bcontent=[\"']([^\"']+)[\"']", re.IGNORECASE)
_TYPES = {".html": "text/html; charset=utf-8", ".htm": "text/html; charset=utf-8",
          ".xhtml": "application/xhtml+xml", ".txt": "text/plain; charset=utf-8"}


@dataclass(frozen=True)
class BuildResult:
    """The written file and how many response records it holds."""

    path: Path
    records: int


def page_url(content: bytes, name: str, base_url: str = DEFAULT_BASE_URL) -> str:
    """The page's canonical URL (link rel=canonical or og:url), else ``base_url`` + ``name``."""
    found = _CANONICAL.search(content[:200_000])
    if found:
        return (found.group(1) or found.group(2)).decode("utf-8", "replace").strip()
    return base_url.rstrip("/") + "/" + name


def content_type_of(path: Path) -> str:
    """The HTTP Content-Type for a page file (by suffix)."""
    suffix = path.suffix.lower()
    return _TYPES.get(suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def _copy_url(url: str, copy: int) -> str:
    if copy == 0:
        return url
    return f"{url}{'&' if '?' in url else '?'}copy={copy}"


def build_warc(pages: Sequence[Path], out: Path, *, copies: int = 1, date: datetime | None = None,
               base_url: str = DEFAULT_BASE_URL, first_copy: int = 0, limit: int | None = None) -> BuildResult:
    """Write ``copies`` response records per page to ``out`` (gzip per record when it ends in .gz).

    Copies are numbered from ``first_copy`` (so that several files hold distinct URLs);
    ``limit`` stops after that many records.
    """
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    if copies < 1:
        raise InputError(f"copies must be at least 1, not {copies}.")
    contents = [(p, _read(p)) for p in pages]
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with out.open("wb") as fh:
        writer = WARCWriter(fh, gzip=out.name.endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(out.name, {"software": "wirewatch warc build"}))
        for copy in range(first_copy, first_copy + copies):
            for path, content in contents:
                if limit is not None and n >= limit:
                    break
                when = date or datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
                headers = StatusAndHeaders("200 OK", [("Content-Type", content_type_of(path)),
                                                      ("Content-Length", str(len(content)))],
                                           protocol="HTTP/1.1")
                record = writer.create_warc_record(
                    _copy_url(page_url(content, path.name, base_url), copy), "response",
                    payload=BytesIO(content), http_headers=headers,
                    warc_headers_dict={"WARC-Date": when.strftime("%Y-%m-%dT%H:%M:%SZ")})
                writer.write_record(record)
                n += 1
    return BuildResult(out, n)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc}).") from exc

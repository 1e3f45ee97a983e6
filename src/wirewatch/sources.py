"""Where documents come from: local files and folders (and, with their readers, WARC and URLs)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime

from wirewatch.errors import InputError
from wirewatch.models import Document
from wirewatch.stages.ingest import expand_paths, read_file

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def iter_input_documents(inputs: Sequence[str], *, url: str | None = None,
                         published: date | datetime | None = None) -> Iterator[Document]:
    """Documents in the order given; a folder's files in name order."""
    for item in inputs:
        if item.startswith(("http://", "https://")):
            yield from _url_documents(item, published=published)
            continue
        for path in expand_paths([item]):
            if path.name.lower().endswith(WARC_SUFFIXES):
                yield from _warc_documents(path)
            else:
                yield read_file(path, url=url, published=published)


def _url_documents(url: str, *, published: date | datetime | None) -> Iterator[Document]:
    try:
        from wirewatch.fetch import fetch_document
    except ImportError as exc:   # pragma: no cover - the fetcher ships with the package
        raise InputError(f"{url}: fetching URLs is not available in this build.") from exc
    yield fetch_document(url, published=published)


def _warc_documents(path: object) -> Iterator[Document]:
    try:
        from wirewatch.warc import iter_warc_documents
    except ImportError as exc:
        raise InputError(f"{path}: reading WARC archives is not available in this build.") from exc
    yield from iter_warc_documents(path)

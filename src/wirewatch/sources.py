"""Where documents come from: local files and folders, WARC archives and URLs."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path

from wirewatch.errors import InputError, SourceError
from wirewatch.models import Document, Failure
from wirewatch.stages.ingest import expand_paths, read_file

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
logger = logging.getLogger("wirewatch")


def iter_input_documents(inputs: Sequence[str], *, url: str | None = None,
                         published: date | datetime | None = None, allow_hosts: Iterable[str] = (),
                         failures: list[Failure] | None = None) -> Iterator[Document]:
    """Documents in the order given; a folder's files in name order.

    A source that cannot be read raises, unless ``failures`` is given: then it is recorded
    there and the other sources go on.
    """
    hosts = tuple(allow_hosts)
    for item in inputs:
        try:
            yield from _documents_of(item, url=url, published=published, allow_hosts=hosts)
        except SourceError as exc:
            if failures is None:
                raise
            failures.append(Failure(stage="ingest", item=item, reason=str(exc)))
            logger.info("skipped %s: %s", item, exc)


def _documents_of(item: str, *, url: str | None, published: date | datetime | None,
                  allow_hosts: tuple[str, ...]) -> Iterator[Document]:
    if item.startswith(("http://", "https://")):
        from wirewatch.fetch import fetch_document

        yield fetch_document(item, allow_hosts=allow_hosts, published=published)
        return
    for path in expand_paths([item]):
        if path.name.lower().endswith(WARC_SUFFIXES):
            yield from _warc_documents(path)
        else:
            yield read_file(path, url=url, published=published)


def _warc_documents(path: Path) -> Iterator[Document]:
    try:
        from wirewatch.warc import iter_warc_documents
    except ImportError as exc:
        raise InputError(f"{path}: reading WARC archives is not available in this build.") from exc
    yield from iter_warc_documents(path)

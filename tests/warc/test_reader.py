"""Reading WARC archives: documents, and every damaged or non-page record skipped with a reason."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

import pytest

from wirewatch.warc import WarcStats, build_warc, iter_warc_documents

pytestmark = pytest.mark.issue(8)
WHEN = datetime(2025, 3, 7, 12, 0, tzinfo=UTC)


def set_content_length(raw: bytes, record_index: int, delta: int) -> bytes:
    """``raw`` (an uncompressed WARC) with the WARC Content-Length of response ``record_index`` changed."""
    start = -1
    for _ in range(record_index + 1):
        start = raw.index(b"WARC-Type: response", start + 1)
    at = raw.index(b"\r\nContent-Length: ", start) + len(b"\r\nContent-Length: ")
    end = raw.index(b"\r\n", at)
    return raw[:at] + str(int(raw[at:end]) + delta).encode() + raw[end:]


def read(path: Path) -> tuple[list, WarcStats]:
    stats = WarcStats()
    return list(iter_warc_documents(path, stats=stats)), stats


@pytest.mark.parametrize("name", ["a.warc", "a.warc.gz"])
def test_reads_html_responses_as_documents(tmp_path: Path, pages: list[Path], name: str) -> None:
    build_warc(pages, tmp_path / name, date=WHEN)
    docs, stats = read(tmp_path / name)
    assert [d.content for d in docs] == [p.read_bytes() for p in pages]
    assert all(d.content_type == "text/html; charset=utf-8" and d.fetched_at == WHEN for d in docs)
    assert all(d.published is None for d in docs)   # the page's own date wins in extraction
    assert docs[0].url and docs[0].url.startswith("https://")
    assert docs[0].uri.startswith(f"warc://{tmp_path / name}#")
    assert stats.pages == 3 and not stats.skipped and stats.other_records == 1   # the warcinfo record


@pytest.mark.parametrize("name", ["t.warc", "t.warc.gz"])
def test_truncated_file_keeps_earlier_pages_and_counts_the_cut_one(tmp_path: Path, pages: list[Path],
                                                                  name: str) -> None:
    whole = tmp_path / f"whole-{name}"
    build_warc(pages, whole, date=WHEN)
    raw = whole.read_bytes()
    cut = tmp_path / name
    cut.write_bytes(raw[: len(raw) - 400])
    docs, stats = read(cut)
    assert len(docs) == 2
    assert stats.skipped == {"truncated": 1}


@pytest.mark.parametrize("delta", [-120, 120])
def test_wrong_content_length_skips_that_record_only(tmp_path: Path, pages: list[Path], delta: int) -> None:
    good = tmp_path / "good.warc"
    build_warc(pages, good, date=WHEN)
    bad = tmp_path / "bad.warc"
    bad.write_bytes(set_content_length(good.read_bytes(), 1, delta))
    docs, stats = read(bad)
    assert [d.content for d in docs] == [pages[0].read_bytes(), pages[2].read_bytes()]
    assert stats.skipped == {"bad-content-length": 1}
    assert stats.errors and "resumed at the next record" in stats.errors[0]


def test_wrong_content_length_in_a_gzipped_record(tmp_path: Path, pages: list[Path]) -> None:
    plain = tmp_path / "one.warc"
    build_warc(pages[:1], plain, date=WHEN)
    members = [gzip.compress(set_content_length(plain.read_bytes(), 0, 50))]
    ok = tmp_path / "ok.warc.gz"
    build_warc(pages[1:], ok, date=WHEN)
    path = tmp_path / "mixed.warc.gz"
    path.write_bytes(members[0] + ok.read_bytes())
    docs, stats = read(path)
    assert len(docs) == 2 and stats.skipped["bad-content-length"] + stats.skipped["truncated"] == 1


def test_non_html_and_error_status_records_are_skipped(tmp_path: Path, pages: list[Path]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    data = tmp_path / "data.json"
    data.write_text('{"not": "a page"}')
    path = tmp_path / "mixed.warc.gz"
    build_warc([pages[0], data], path, date=WHEN)
    with path.open("ab") as fh:
        writer = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://x.example/gone", "response",
                                                      payload=BytesIO(b"<html>gone</html>"), http_headers=headers))
        writer.write_record(writer.create_warc_record("https://x.example/q", "request",
                                                      payload=BytesIO(b"GET /q HTTP/1.1\r\n\r\n")))
    docs, stats = read(path)
    assert len(docs) == 1
    assert stats.skipped == {"non-html": 1, "http-status": 1}
    assert stats.other_records == 2


@pytest.mark.parametrize("content", [b"", b"this is not an archive\n" * 50, b"\x1f\x8b\x08garbage" * 10])
def test_garbage_files_never_raise(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(content)
    docs, stats = read(path)
    assert docs == []
    assert sum(stats.skipped.values()) == (0 if not content else 1)


def test_missing_file_is_counted_unreadable(tmp_path: Path) -> None:
    docs, stats = read(tmp_path / "nope.warc")
    assert docs == [] and stats.skipped == {"unreadable": 1} and "cannot be read" in stats.errors[0]


def test_builder_copies_get_distinct_urls(tmp_path: Path, pages: list[Path]) -> None:
    result = build_warc(pages[:2], tmp_path / "c.warc.gz", copies=3, date=WHEN)
    docs, _ = read(result.path)
    assert result.records == 6 and len({d.url for d in docs}) == 6
    limited = build_warc(pages, tmp_path / "l.warc.gz", copies=5, first_copy=2, limit=4)
    docs, _ = read(limited.path)
    assert limited.records == 4 and all("copy=" in (d.url or "") for d in docs)

"""Property tests: parsers take arbitrary input and fail only with their own error type."""

from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirewatch.errors import ExtractionError
from wirewatch.filters import EventFilter, FilterError
from wirewatch.models import Document
from wirewatch.stages import boilerplate
from wirewatch.stages.decoding import decode_bytes
from wirewatch.stages.extract import extract_article
from wirewatch.urls import canonical_url

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

html_fragments = st.lists(st.sampled_from([
    "<html>", "</html>", "<body>", "<p>", "</p>", "<div class='x'>", "</div>", "<article>", "<script>",
    "</script>", "<!--", "-->", "<![CDATA[", "]]>", "<table><tr><td>", "<br>", "&amp;", "&#0;", "&#xD800;",
    "CAIRO - ", "Gunmen attacked a village on Monday, killing 12 people, police said. ",
    "\x00", "\ufeff", "é", "日本語", "<meta charset='utf-16'>", "<meta charset='bogus'>",
]), max_size=60).map("".join)


@FAST
@given(st.binary(max_size=4000))
def test_extract_arbitrary_bytes_only_extraction_error(data: bytes) -> None:
    try:
        article = extract_article(Document(uri="fuzz", content=data))
    except ExtractionError:
        return
    assert article.text.strip()


@FAST
@given(html_fragments)
def test_extract_arbitrary_markup_only_extraction_error(markup: str) -> None:
    for encoding in ("utf-8", "latin-1"):
        try:
            article = extract_article(Document(uri="fuzz.html", content=markup.encode(encoding, "replace"),
                                               content_type="text/html"))
        except ExtractionError:
            continue
        assert "\x00" not in article.text or True
        assert article.language is None or len(article.language) == 2


@FAST
@given(st.binary(max_size=2000))
def test_decode_bytes_returns_text_or_extraction_error(data: bytes) -> None:
    try:
        assert isinstance(decode_bytes(data), str)
    except ExtractionError:
        pass


@FAST
@given(st.text(max_size=300))
def test_dateline_split_returns_a_suffix(text: str) -> None:
    body, dateline = boilerplate.split_dateline(text)
    assert text.endswith(body) or dateline is not None
    if dateline is None:
        assert body == text


@FAST
@given(st.text(alphabet=string.ascii_letters + string.digits + "/:.?&=#%-_~", max_size=80))
def test_canonical_url_is_idempotent(tail: str) -> None:
    url = "https://Example.org/" + tail
    once = canonical_url(url)
    assert canonical_url(once) == once


@FAST
@given(st.text(max_size=120))
def test_filter_parse_only_filter_error(query: str) -> None:
    try:
        parsed = EventFilter.parse(query)
    except FilterError:
        return
    assert EventFilter.parse(parsed.to_query()) == parsed


def test_extract_deeply_nested_html_is_handled() -> None:
    html = ("<div>" * 5000 + "<p>Rebels attacked the town of Beni on Monday, killing nine people, officials "
            "said.</p>" + "</div>" * 5000).encode()
    try:
        article = extract_article(Document(uri="deep.html", content=html, content_type="text/html"))
    except ExtractionError as exc:
        assert "could not be parsed" in str(exc) or "no article text" in str(exc)
    else:
        assert "Beni" in article.text


@pytest.mark.slow
def test_extract_giant_page_is_refused_quickly() -> None:
    import time

    html = b"<html><body>" + b"<p>word </p>" * 3_000_000 + b"</body></html>"
    start = time.perf_counter()
    with pytest.raises(ExtractionError, match="limit"):
        extract_article(Document(uri="giant.html", content=html))
    assert time.perf_counter() - start < 2

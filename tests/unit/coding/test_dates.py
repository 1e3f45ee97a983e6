"""Relative and absolute dates against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch.stages.coding.dates import find_dates

PUBLISHED = date(2015, 11, 12)   # a Thursday

CASES = [
    ("on-weekday", "said on Monday", "2015-11-09", "day"),
    ("same-weekday", "said on Thursday", "2015-11-12", "day"),
    ("weeks-ago", "crashed two weeks ago", "2015-10-29", "week"),
    ("last-week", "assessments last week", "2015-11-05", "week"),
    ("month-day", "crashed in Sinai on October 31", "2015-10-31", "day"),
    ("day-month-year", "on 30 December 2014", "2014-12-30", "day"),
    ("future-day-means-last-year", "on December 30", "2014-12-30", "day"),
    ("overnight", "attacked overnight", "2015-11-11", "day"),
    ("yesterday", "killed yesterday", "2015-11-11", "day"),
    ("earlier-this-year", "earlier this year", "2015-01-01", "year"),
    ("last-month", "last month", "2015-10-01", "month"),
]


@pytest.mark.parametrize("text,expected,precision", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_find_dates_resolves(text: str, expected: str, precision: str) -> None:
    found = find_dates(text, PUBLISHED)
    assert found, text
    assert (found[0].date.isoformat(), found[0].precision) == (expected, precision)
    assert found[0].end <= len(text)


def test_find_dates_ignores_plain_numbers() -> None:
    assert find_dates("killing 26 people and wounding 48", PUBLISHED) == []

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
    ("next-weekday", "talks resume next Monday", "2015-11-16", "day"),
    ("next-same-weekday", "next Thursday", "2015-11-19", "day"),
]


@pytest.mark.parametrize("text,expected,precision", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_find_dates_resolves(text: str, expected: str, precision: str) -> None:
    found = find_dates(text, PUBLISHED)
    assert found, text
    assert (found[0].date.isoformat(), found[0].precision) == (expected, precision)
    assert found[0].end <= len(text)


def test_find_dates_ignores_plain_numbers() -> None:
    assert find_dates("killing 26 people and wounding 48", PUBLISHED) == []


FUTURE = [
    ("will", "The two sides will meet again on Tuesday, officials said.", "2015-11-17"),
    ("due-to", "The council is due to vote on Friday.", "2015-11-13"),
    ("scheduled", "Talks are scheduled to resume on Monday in Geneva.", "2015-11-16"),
    ("past", "Gunmen attacked the village on Tuesday, police said.", "2015-11-10"),
    ("reported-would", "Police said on Monday that the suspects would be charged.", "2015-11-09"),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in FUTURE], ids=[c[0] for c in FUTURE])
def test_a_weekday_in_a_future_clause_is_the_coming_one(nlp: object, text: str, expected: str) -> None:
    from wirewatch.stages.coding.context import choose_date

    doc = nlp(text)  # type: ignore[operator]
    trigger = next(t for t in doc if t.pos_ == "VERB")
    chosen = choose_date(doc[:], trigger, PUBLISHED)
    assert chosen is not None and chosen.date.isoformat() == expected


OTHER_ACT = [
    ("after-clause", "The minister was killed near his home, only 8 days after taking office on 1 november.",
     "killed", "2015-11-12", "published"),
    ("own-date-at-sentence-end", "The minister was killed near his home on 9 november.", "killed",
     "2015-11-09", "text"),
    ("since-kept", "Since it was founded in 2010, more than 100 members have been killed.", "killed",
     "2010-01-01", "text"),
]


@pytest.mark.parametrize("text,trigger,expected,source", [c[1:] for c in OTHER_ACT], ids=[c[0] for c in OTHER_ACT])
def test_a_date_of_another_act_is_not_the_event_date(nlp: object, text: str, trigger: str, expected: str,
                                                     source: str) -> None:
    from wirewatch.stages.coding.context import choose_date

    doc = nlp(text)  # type: ignore[operator]
    chosen = choose_date(doc[:], next(t for t in doc if t.text == trigger), PUBLISHED)
    assert chosen is not None and (chosen.date.isoformat(), chosen.source) == (expected, source)

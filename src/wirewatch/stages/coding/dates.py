"""Relative and absolute date expressions, resolved against the publication date.

``find_dates(text, published)`` returns every expression with its character span, the resolved
day and a precision (day, week, month, year). Expressions are anchored on the publication date:
"on Monday" is the latest Monday on or before it, "two weeks ago" is 14 days before it (week
precision), "on October 31" is the latest October 31 not after it. Pure regular expressions: no
per-sentence parsing cost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

_Date = date    # the type, for annotations inside DateMention (whose field is called ``date``)

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTH_ABBR = {k[:3]: v for k, v in MONTHS.items()} | {"sept": 9}
WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 3, "a few": 3, "few": 3}
UNIT_DAYS = {"day": (1, "day"), "week": (7, "week"), "month": (30, "month"), "year": (365, "year")}

_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
         r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_YEAR = r"(?:,?\s*(?P<year>(?:19|20)\d\d|'?\d\d)\b)?"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "on the night of 3 to 4 February": the night begins on the first day
    ("dm", re.compile(rf"\bnight of (?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:to|-|–|and)\s*[0-3]?\d(?:st|nd|rd|th)?"
                      rf"\s+{_MONTH}(?![a-z]){_YEAR}", re.IGNORECASE)),
    ("md", re.compile(rf"\b{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b{_YEAR}", re.IGNORECASE)),
    ("dm", re.compile(rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?![a-z]){_YEAR}", re.IGNORECASE)),
    # "two days before" dates from publication only when nothing follows ("had visited two days
    # before."), not "two days before the vote" or a duration ("held them for two days before ...")
    ("ago", re.compile(r"(?<!\bfor )\b(?P<n>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|a few)"
                       r"\s+(?P<unit>day|week|month|year)s?\s+(?:ago|earlier|before(?=\s*(?:[.,;:)]|$)))",
                       re.IGNORECASE)),
    ("weekday", re.compile(r"\b(?:(?P<rel>last|next|this|on|early|late)\s+)?(?P<wd>monday|tuesday|wednesday|"
                           r"thursday|friday|saturday|sunday)(?:\s+(?:night|morning|evening|afternoon))?\b",
                           re.IGNORECASE)),
    ("rel", re.compile(r"\b(?P<rel>yesterday|today|tonight|overnight|last night|this morning|"
                       r"earlier today|the day before|the (?:previous|preceding) (?:night|day|evening)|"
                       r"the night before|last week|this week|last month|this month|"
                       r"earlier this (?:week|month|year)|last year|this year|tomorrow|next week|next month|"
                       r"(?:at|over) the weekend|last weekend|this weekend)\b",
                       re.IGNORECASE)),
    ("monthonly", re.compile(rf"\b(?:in|since|during|last|this)\s+(?:(?:early|mid|late)[\s-])?{_MONTH}"
                             r"(?:\s+(?P<year>(?:19|20)\d\d))?\b(?!\s+(?=(?-i:[A-Z]))(?:town|pen|city|street|road|square|"
                             r"village|hill|park|avenue|bridge)\b)",   # "in August Town", "in May Pen": places
                             re.IGNORECASE)),
    ("year", re.compile(r"\bin\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)),
]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A resolved date expression in a text (``start``/``end`` relative to that text)."""

    start: int
    end: int
    date: date
    precision: str
    weekday: int | None = None      # a bare weekday ("on Tuesday"): the past one unless told otherwise

    def ahead(self, published: _Date) -> DateMention:
        """The same weekday resolved forward (a future clause: "will meet on Tuesday")."""
        if self.weekday is None or self.date > published:
            return self
        days = (self.weekday - published.weekday()) % 7 or 7
        return replace(self, date=published + timedelta(days=days))


def find_dates(text: str, published: date) -> list[DateMention]:
    """All date expressions in ``text``, resolved against ``published``; overlaps keep the longest."""
    found: list[DateMention] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            resolved = _resolve(kind, match, published)
            if resolved is not None:
                weekday = WEEKDAYS[match.group("wd").lower()] if kind == "weekday" else None
                found.append(DateMention(match.start(), match.end(), resolved[0], resolved[1], weekday))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[DateMention] = []
    for mention in found:
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


def _resolve(kind: str, m: re.Match[str], pub: date) -> tuple[date, str] | None:
    if kind in {"md", "dm"}:
        return _day_month(m, pub)
    if kind == "ago":
        n = m.group("n").lower()
        count = int(n) if n.isdigit() else NUMBER_WORDS.get(n, 1)
        days, precision = UNIT_DAYS[m.group("unit").lower()]
        return pub - timedelta(days=days * count), "day" if precision == "day" else precision
    if kind == "weekday":
        return _weekday(m, pub), "day"
    if kind == "rel":
        return _relative(m.group("rel").lower(), pub)
    if kind == "monthonly":
        month = _month(m.group("month"))
        year = int(m.group("year")) if m.group("year") else (pub.year if month <= pub.month else pub.year - 1)
        return date(year, month, 1), "month"
    return date(int(m.group("year")), 1, 1), "year"


def _month(token: str) -> int:
    token = token.lower().rstrip(".")
    return MONTHS.get(token) or MONTH_ABBR.get(token[:4] if token.startswith("sept") else token[:3], 0)


def _day_month(m: re.Match[str], pub: date) -> tuple[date, str] | None:
    month, day = _month(m.group("month")), int(m.group("day"))
    if not month or not 1 <= day <= 31:
        return None
    raw_year = m.group("year")
    if raw_year:
        year = int(raw_year.strip("'"))
        year = year + (1900 if year > 40 else 2000) if year < 100 else year
    else:
        year = pub.year if (month, day) <= (pub.month, pub.day) else pub.year - 1
    try:
        return date(year, month, day), "day"
    except ValueError:
        return None


def _weekday(m: re.Match[str], pub: date) -> date:
    wanted = WEEKDAYS[m.group("wd").lower()]
    rel = (m.group("rel") or "").lower()
    if rel == "next":
        return pub + timedelta(days=(wanted - pub.weekday()) % 7 or 7)
    back = (pub.weekday() - wanted) % 7
    if rel == "last" and back == 0:
        back = 7
    return pub - timedelta(days=back)


def _relative(rel: str, pub: date) -> tuple[date, str]:
    table: dict[str, tuple[date, str]] = {
        "yesterday": (pub - timedelta(days=1), "day"), "last night": (pub - timedelta(days=1), "day"),
        "overnight": (pub - timedelta(days=1), "day"), "the day before": (pub - timedelta(days=1), "day"),
        "the previous night": (pub - timedelta(days=1), "day"), "the previous day": (pub - timedelta(days=1), "day"),
        "the previous evening": (pub - timedelta(days=1), "day"), "the night before": (pub - timedelta(days=1), "day"),
        "the preceding night": (pub - timedelta(days=1), "day"), "the preceding day": (pub - timedelta(days=1), "day"),
        "the preceding evening": (pub - timedelta(days=1), "day"),
        "today": (pub, "day"), "tonight": (pub, "day"), "this morning": (pub, "day"),
        "earlier today": (pub, "day"),
        "last week": (pub - timedelta(days=7), "week"), "this week": (pub, "week"),
        "earlier this week": (pub - timedelta(days=pub.weekday()), "week"),
        "last month": (_month_start(pub, -1), "month"), "this month": (pub.replace(day=1), "month"),
        "earlier this month": (pub.replace(day=1), "month"),
        "last year": (date(pub.year - 1, 1, 1), "year"), "this year": (date(pub.year, 1, 1), "year"),
        "earlier this year": (date(pub.year, 1, 1), "year"),
        "tomorrow": (pub + timedelta(days=1), "day"),
        "next week": (pub + timedelta(days=7 - pub.weekday()), "week"),
        "next month": (_month_start(pub, 1), "month"),
    }
    if rel.endswith("weekend"):   # "at the weekend": the Saturday of the latest weekend (a two-day span)
        back = (pub.weekday() - 5) % 7
        return pub - timedelta(days=back + (7 if rel.startswith("last") and back < 2 else 0)), "week"
    return table[rel]


def _month_start(pub: date, offset: int) -> date:
    index = pub.year * 12 + pub.month - 1 + offset
    return date(index // 12, index % 12 + 1, 1)


def parse_published(value: str | None) -> date | None:
    """The publication day from an ISO date or datetime string."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None

"""Where and when: the event's place and date from its sentence, with article-level fallbacks.

Place: a resolved place mentioned in the event's sentence, preferring places inside the trigger's
clause (``in``/``near``/``at`` phrases) and then the most specific precision; otherwise the article's
main place (the country mentioned most, not the dateline by default). Date: an expression attached
to the event's clause beats one attached to the reporting verb ("said on Thursday"), which beats
the publication date (never preferred when the text dates the event).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from wirewatch.models import EventPlace, Place
from wirewatch.stages.coding.dates import DateMention, find_dates
from wirewatch.stages.coding.status import SPEECH

PRECISION_RANK = {"point": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4, "continent": 5}
LOCATIVE_PREPS = frozenset({"in", "near", "at", "outside", "inside", "into", "across", "around",
                            "on", "over", "from", "of", "between", "through", "throughout"})


@dataclass(frozen=True, slots=True)
class EventDate:
    """A chosen date with its precision and where it came from (text, report, publication)."""

    date: date
    precision: str
    source: str


_DATELINE_END = re.compile(r"^[^\n]{0,3}?[,(:\u2014-]|^\s*\(|^\s*[-\u2014]")


def dateline_place(places: Sequence[Place], text: str, dateline: str | None = None) -> Place | None:
    """The place of the dateline ("SAN SALVADOR, 12 JAN 90 --", "MOGADISHU, March 6 (Reuters) -")."""
    for place in places:
        if dateline and place.name.lower() == dateline.strip().lower():
            return place
        if place.start <= 3 and _DATELINE_END.match(text[place.end:place.end + 4]):
            return place
    return None


def main_country(places: Sequence[Place], text: str, dateline: str | None = None,
                 actor_countries: Sequence[str] = ()) -> str | None:
    """The country an article is about, by evidence: the dateline (3), each mention of a town or
    province (2) or of a country (1), and each mention of an armed group or agency of that
    country (2: "the FMLN", "the ELN"). A wire datelined abroad about a war at home is about home."""
    countries: Counter[str] = Counter()
    for place in places:
        if place.country:
            countries[place.country] += 1 if place.precision in {"country", "continent"} else 2
    for country in actor_countries:
        countries[country] += 2
    lead = dateline_place(places, text, dateline)
    if lead is not None and lead.country:
        countries[lead.country] += 3
    return countries.most_common(1)[0][0] if countries else None


def main_place(places: Sequence[Place], top: str | None = None) -> Place | None:
    """The article's main place: a mention of its main country, most specific first."""
    countries = Counter(p.country for p in places if p.country)
    if not countries:
        return None
    top = top if top in countries else countries.most_common(1)[0][0]
    mentions = [p for p in places if p.country == top]
    return min(mentions, key=lambda p: (PRECISION_RANK.get(p.precision or "", 6) < 4 and 0 or 1,
                                        p.start))


def choose_place(places: Sequence[Place], sentence: Any, trigger: Any,
                 exclude: Sequence[tuple[int, int]], fallback: Place | None) -> EventPlace | None:
    """The event place: best place mentioned in the sentence, else the fallback."""
    start, end = sentence.start_char, sentence.end_char
    inside = [p for p in places if start <= p.start < end
              and not any(a <= p.start < b for a, b in exclude)]
    if not inside:
        return fallback.as_event_place() if fallback else None
    doc = sentence.doc
    scored = []
    for place in inside:
        token = doc.char_span(place.start, place.end, alignment_mode="expand")
        locative = token is not None and _is_locative(token.root, trigger)
        rank = PRECISION_RANK.get(place.precision or "", 6)
        scored.append((0 if locative else 1, rank, abs(place.start - trigger.idx), place))
    if fallback is not None:   # a foreign place must be where *this* event happened
        scored = [s for s in scored if s[3].country == fallback.country
                  or (s[0] == 0 and _attached(doc.char_span(s[3].start, s[3].end,
                                                            alignment_mode="expand"), trigger))]
        if not scored:
            return fallback.as_event_place()   # "the US embassy said": not where it happened
    best = min(scored, key=lambda s: s[:3])
    if best[0] == 1 and fallback is not None and best[3].country != fallback.country:
        return fallback.as_event_place()
    return best[3].as_event_place()


def _attached(span: Any, trigger: Any) -> bool:
    """The place phrase hangs off the trigger (or the trigger's clause) through prepositions."""
    if span is None:
        return False
    anchors = _event_anchors(trigger)
    node = span.root
    for _ in range(12):
        if node.i in anchors:
            return True
        if node.lemma_.lower() in SPEECH or node.head.i == node.i:
            return False
        node = node.head
    return False


def _is_locative(token: Any, trigger: Any) -> bool:
    node = token
    for _ in range(6):
        if node.dep_ == "pobj" and node.head.lower_ in LOCATIVE_PREPS:
            return True
        if node.dep_ == "poss":
            node = node.head
            continue
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def choose_date(sentence: Any, trigger: Any, published: date | None) -> EventDate | None:
    """The event date from the sentence's date expressions, else the publication date."""
    if published is None:
        return None
    mentions = find_dates(sentence.text, published)
    event_dates: list[tuple[int, DateMention]] = []
    report_dates: list[DateMention] = []
    for mention in mentions:
        token = sentence.doc.char_span(sentence.start_char + mention.start,
                                       sentence.start_char + mention.end, alignment_mode="expand")
        verb = _clause_verb(token.root) if token is not None else None
        if verb is not None and verb.lemma_.lower() in SPEECH and verb.i != trigger.i:
            report_dates.append(mention)
        else:
            event_dates.append((abs(sentence.start_char + mention.start - trigger.idx), mention))
    if event_dates:
        best = min(event_dates, key=lambda pair: pair[0])[1]
        return EventDate(best.date, best.precision, "text")
    if report_dates:
        return EventDate(report_dates[0].date, report_dates[0].precision, "report")
    return EventDate(published, "day", "published")


def _event_anchors(trigger: Any) -> set[int]:
    """The trigger and the words above it in its own clause chain, up to a reporting verb."""
    anchors = {trigger.i}
    node = trigger
    for _ in range(4):
        if node.head.i == node.i or node.head.lemma_.lower() in SPEECH:
            break
        node = node.head
        anchors.add(node.i)
    anchors.update(c.i for c in node.children if c.dep_ == "conj")
    return anchors


def _clause_verb(token: Any) -> Any | None:
    node = token
    for _ in range(8):
        if node.pos_ in {"VERB", "AUX"}:
            return node
        if node.head.i == node.i:
            return node if node.pos_ in {"VERB", "AUX"} else None
        node = node.head
    return None

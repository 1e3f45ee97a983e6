"""Where and when: the event's place and date from its sentence, with article-level fallbacks.

Place: a resolved place mentioned in the event's sentence, preferring places inside the trigger's
clause (``in``/``near``/``at`` phrases attached to it) and then the most specific precision;
otherwise the article's main place (the country with most evidence: places, demonyms, armed
groups, the dateline). A country used as a modifier ("the U.S. embassy") is not a place, and a
town abroad needs a reason to be read abroad (:func:`_is_credible_abroad`). Date: an expression attached
to the event's clause beats one attached to the reporting verb ("said on Thursday"), which beats
the publication date (never preferred when the text dates the event).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from wirewatch.models import EventPlace, Place
from wirewatch.stages.coding.candidates import PEOPLE
from wirewatch.stages.coding.dates import DateMention, find_dates
from wirewatch.stages.coding.doctext import doc_text
from wirewatch.stages.coding.places import is_capital, population
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
    province (2) or of a country (1), each demonym ("Salvadoran army": 1), and each mention of an
    armed group or agency of that country (2: "the FMLN", "the ELN"). A wire datelined abroad
    about a war at home is about home."""
    countries: Counter[str] = Counter()
    for place in places:
        if place.country:
            countries[place.country] += 1 if place.precision in {"country", "continent"} else 2
    for country in actor_countries:
        countries[country] += 2
    for country in demonym_countries(text, places):
        countries[country] += 1
    lead = dateline_place(places, text, dateline)
    if lead is not None and lead.country:
        countries[lead.country] += 3
    return countries.most_common(1)[0][0] if countries else None


#: Demonyms shared by several countries or naming a people rather than a state: no evidence.
_AMBIGUOUS_DEMONYMS = frozenset({"american", "americans", "arab", "arabs", "african", "africans",
                                 "european", "europeans", "asian", "asians", "latin", "hispanic",
                                 "kurdish", "kurds", "kurd", "jewish", "jews", "indian", "indians",
                                 "congolese", "korean", "koreans", "guinean", "guineans"})


def demonym_countries(text: str, places: Sequence[Place] = ()) -> list[str]:
    """ISO3 of each capitalised country word of the text that is not a place mention: demonyms
    ("Salvadoran", "Peruvians") and country names the geoparser left out, in order."""
    return list(_demonyms(text, tuple((p.start, p.end) for p in places)))


@functools.lru_cache(maxsize=64)
def _demonyms(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[str, ...]:
    from wirewatch.stages.coding.actors import load_actor_dictionary

    out = []
    for match in load_actor_dictionary().find(text):
        entry = match.entry
        word = text[match.start:match.end]
        if entry.kind != "country" or not entry.country or not word[:1].isupper() \
                or word.lower() in _AMBIGUOUS_DEMONYMS \
                or any(a < match.end and match.start < b for a, b in spans):
            continue
        out.append(entry.country)
    return tuple(out)


def main_place(places: Sequence[Place], top: str | None = None) -> Place | None:
    """The article's main place: a mention of its main country, most specific first."""
    countries = Counter(p.country for p in places if p.country)
    if top is not None and not countries:   # known from demonyms and armed groups only
        from wirewatch.errors import GeoError
        from wirewatch.stages.geo import country_place
        try:
            return country_place(top)
        except (GeoError, OSError):
            pass
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
    doc = sentence.doc
    home = fallback.country if fallback is not None else None
    text = doc_text(doc)
    supported = _supported_countries(places, text) if home else frozenset()
    inside = [p for p in places if start <= p.start < end
              and not any(a <= p.start < b for a, b in exclude)
              and not _is_modifier(p, doc, places) and not _is_heading(p, doc) and not _across_border(p, doc)
              and not _origin(p, doc, trigger)]
    if home is not None:
        near = {p.country for p in inside if p.precision in _FIXED} | {
            p.admin1 for p in inside if p.precision == "admin1"} | set(
            demonym_countries(sentence.text))
        named = Counter(p.name for p in places)
        inside = [p if p.country == home or _is_credible_abroad(p, near, supported)
                  or named[p.name] >= 2 and p.country in supported   # (a town the story keeps naming)
                  else _unresolved(p, text, home) for p in inside]
    if not inside:
        return fallback.as_event_place() if fallback else None
    scored = []
    for place in inside:
        token = doc.char_span(place.start, place.end, alignment_mode="expand")
        locative = token is not None and is_locative(token.root, trigger)
        rank = PRECISION_RANK.get(place.precision or "", 6)
        if locative and not is_attached(token, trigger):   # "..., according to sources in Caracas"
            rank += len(PRECISION_RANK) + 1
        scored.append((0 if locative else 1, rank, abs(place.start - trigger.idx), place))
    if fallback is not None:   # a foreign place must be where *this* event happened
        scored = [s for s in scored if s[3].country == fallback.country
                  or (s[0] == 0 and is_attached(doc.char_span(s[3].start, s[3].end,
                                                            alignment_mode="expand"), trigger))]
        if not scored:
            return fallback.as_event_place()   # "the US embassy said": not where it happened
    best = min(scored, key=lambda s: s[:3])
    if best[0] == 1 and fallback is not None and best[3].country != fallback.country:
        return fallback.as_event_place()
    return best[3].as_event_place()


#: Verbs of movement: where the movers came from is not where the act is.
MOVE_VERBS = frozenset({"arrive", "land", "fly", "send", "deploy", "dispatch", "move", "transfer", "airlift",
                        "reach", "bring", "rush"})


def _origin(place: Place, doc: Any, trigger: Any) -> bool:
    """'gendarmes landed at La Tontouta airport from mainland France': France is where they came from."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    while node.dep_ in {"compound", "amod", "pobj"} and node.head.i != node.i and node.head.dep_ != "prep":
        node = node.head   # ("mainland France": up to the object of the preposition)
    prep = node.head if node.dep_ == "pobj" else None
    if prep is None or prep.lower_ != "from":
        return False
    fire = prep.head
    if fire.lemma_.lower() in {"fire", "launch"} and (fire.i != trigger.i or fire.dep_ == "acl" or any(
            c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in PROJECTILES for c in fire.children)):
        return True   # "two rockets fired from Lebanon struck Kiryat Shmona": where they struck
    return trigger.lemma_.lower() in MOVE_VERBS and trigger.i in {
        prep.head.i, prep.head.head.i, prep.head.head.head.i}   # ("landed at the airport from France")


#: Nouns of a boundary between two countries ("the border with Somalia").
BORDER_NOUNS = frozenset({"border", "frontier", "boundary", "line"})


def _across_border(place: Place, doc: Any) -> bool:
    """'a 20-kilometre strip along the border with Somalia': the country on the other side of the
    border is not where the act is (the text's own side is)."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or place.precision not in {"country", "admin1"}:
        return False
    root = span.root
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ == "with" and (
        prep.head.lemma_.lower() in BORDER_NOUNS or prep.i > 0 and doc[prep.i - 1].lemma_.lower() in BORDER_NOUNS)


_FIXED = frozenset({"country", "continent"})
#: Dependency labels of a word that qualifies a noun rather than locating anything ("the U.S.
#: embassy", "China's envoy", "Colombian-U.S. institute").
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


#: Nouns whose "of" country says whose, not where: "the embassy of China" in Lima is in Lima.
_OF_NOUNS = frozenset({"embassy", "consulate", "legation", "mission", "ambassador", "envoy", "consul",
                       "government", "president", "minister", "ministry", "citizen", "national",
                       "diplomat", "official", "delegation", "representative", "army", "navy"})


#: Parts of an organisation named after a region ("Sahel affiliate", "Kivu branch", "Khorasan province").
_BRANCH_NOUNS = frozenset({"affiliate", "branch", "wing", "faction", "chapter", "franchise", "offshoot", "arm",
                           "cell", "correspondent", "bureau", "desk", "service", "edition"})


def _is_modifier(place: Place, doc: Any, places: Sequence[Place]) -> bool:
    """A country name used as a modifier of a noun that is not itself a place: "the U.S. Embassy
    in this capital", "two U.S. citizens", "the PRC embassy" happen where the noun is."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ in _MODIFIER_DEPS and root.head.lemma_.lower() in _BRANCH_NOUNS:
        return True   # "Al Qaeda's Sahel affiliate", "the group's Kivu branch": whose, not where
    if place.precision not in _FIXED:
        return False
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in _OF_NOUNS:
        return True   # "the embassies of the PRC", "the government of Peru"
    if root.dep_ not in _MODIFIER_DEPS or root.head.i == root.i or root.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    head = root.head
    if head.lemma_.lower() in _UNIT_NOUNS and root.dep_ == "poss":
        return False   # "in farmland in Thailand's Phop Phra district": a place of that country
    return not any(p.start <= head.idx < p.end for p in places)


#: Nouns of a country's own subdivisions ("Thailand's Phop Phra district").
_UNIT_NOUNS = frozenset({"district", "province", "region", "county", "town", "village", "city", "municipality",
                         "township", "prefecture", "commune", "department", "governorate", "oblast", "subdistrict",
                         "island", "state"})


#: Prepositions of a direction: where people went, not where the event took place.
_DIRECTION_PREPS = frozenset({"towards", "toward"})
_GOING = frozenset({"withdraw", "flee", "retreat", "head", "move", "escape", "travel", "march", "drive", "walk",
                    "go", "run", "leave", "pull"})


def _is_heading(place: Place, doc: Any) -> bool:
    """'withdrawing into the forest towards the Ituri border': a direction, not the scene."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    for _ in range(3):
        if node.dep_ == "pobj" and node.head.lower_ in _DIRECTION_PREPS:
            mover = node.head.head
            mover = mover.head if mover.pos_ == "NOUN" and mover.dep_ == "pobj" else mover   # "into the forest towards"
            mover = mover.head if mover.dep_ == "prep" else mover
            return mover.lemma_.lower() in _GOING
        if node.dep_ == "pobj" and node.head.lower_ not in _DIRECTION_PREPS:
            return False
        if node.head.i == node.i or node.dep_ not in {"compound", "amod", "pobj", "poss"}:
            return False
        node = node.head
    return False


def _unresolved(place: Place, text: str, country: str) -> Place:
    """A name the article gives no reason to read abroad: a place of the main country that the
    gazetteer does not know (a neighbourhood, a hamlet), without coordinates."""
    return replace(place, name=text[place.start:place.end], country=country, lat=None, lon=None,
                   admin1=None, geonameid=None, precision=None)


def _supported_countries(places: Sequence[Place], text: str) -> frozenset[str]:
    """Countries the article names, as a country or with a demonym."""
    named = {p.country for p in places if p.country and p.precision in _FIXED}
    named.update(demonym_countries(text, places))
    return frozenset(named)


#: A city of a country the article names is read there from this size up (smaller namesakes of local
#: places abound: "San Diego" in a report from Santiago).
ABROAD_CITY_POPULATION = 40_000


def _is_credible_abroad(place: Place, near: set[str | None], supported: frozenset[str]) -> bool:
    """A place outside the article's country is read abroad when it is a country, when its
    country or province is named in the same sentence ("San Antonio, Texas"), when it is a
    national capital, or when it is a province or a city of 40,000 people in a country the
    article names. Otherwise it is more likely a local name the gazetteer lacks whose namesake
    lives abroad ("San Diego" in a report from Santiago), a person ("Orlando") or a common word
    read as a place: it is kept as an unresolved place of the article's country."""
    if place.precision in _FIXED:
        return True
    if place.country is None:   # "Middle East" stays a region; an unresolved name is local
        return place.precision is not None
    if place.country in near or (place.admin1 is not None and place.admin1 in near):
        return True
    if is_capital(place):
        return True
    if place.country not in supported:
        return False
    return place.precision in {"admin1", "region"} or population(place) >= ABROAD_CITY_POPULATION


def is_attached(span: Any, trigger: Any) -> bool:
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


def is_locative(token: Any, trigger: Any) -> bool:
    if token.dep_ == "dobj" and token.head.lemma_.lower() in STRUCK_PLACE_VERBS and (
            token.head.i == trigger.i or token.head.dep_ == "conj" and token.head.head.i == trigger.i):
        return True   # "two rockets struck Kiryat Shmona", "rockets fired from Gaza struck Sderot": the place hit
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


#: What is fired: "rockets fired from Gaza" were fired somewhere else than where they struck.
PROJECTILES = frozenset({"rocket", "missile", "shell", "mortar", "drone", "projectile", "round", "grenade"})
#: Verbs whose object, when it is a place, is where the attack landed.
STRUCK_PLACE_VERBS = frozenset({"strike", "hit", "shell", "bomb", "pound", "target", "attack", "raid", "storm"})


@functools.lru_cache(maxsize=64)
def _dates_in(text: str, published: date) -> tuple[DateMention, ...]:
    """The date expressions of a sentence (a sentence's drafts all ask for them)."""
    return tuple(find_dates(text, published))


def choose_date(sentence: Any, trigger: Any, published: date | None) -> EventDate | None:
    """The event date from the sentence's date expressions, else the publication date."""
    if published is None:
        return None
    mentions = _dates_in(sentence.text, published)
    event_dates: list[tuple[int, DateMention]] = []
    report_dates: list[DateMention] = []
    named = sum(1 for m in mentions if _NAMED_TIME.search(sentence.text[m.start:m.end]))
    for mention in mentions:
        end = mention.end - (sentence.text[mention.end - 1:mention.end] == ".")   # "on 1 june.": not the stop
        token = sentence.doc.char_span(sentence.start_char + mention.start,
                                       sentence.start_char + max(end, mention.start + 1), alignment_mode="expand")
        if token is not None and (_comparison_class(token.root)
                                  or _SUPERLATIVE_BEFORE.search(sentence.text[:mention.start])):
            continue   # "in one of the deadliest raids in the area this year": the class compared with
        verb = _clause_verb(token.root) if token is not None else None
        if verb is not None and _is_future(verb):
            mention = mention.ahead(published)   # "talks will resume on Tuesday": the coming one
        spoken = _said_before(token) if token is not None and named > 1 else None   # "said on Thursday
        if spoken is not None and spoken.i != trigger.i:   # its fighters had attacked ... on Wednesday morning":
            # the parser may hang the day of the statement on the act
            verb = spoken
        if verb is not None and verb.lemma_.lower() in SPEECH and verb.i != trigger.i:
            report_dates.append(mention)
        elif verb is not None and (_other_time_clause(verb, trigger) or _describes_other(verb, trigger)
                                   or named > 1 and _on_subject(verb, trigger)):
            continue   # "killed ..., 8 days after taking office on 1 june": another act's date
        elif verb is not None and verb.i > trigger.i and verb.tag_ == "VBG" \
                and verb.lemma_.lower() in {"start", "begin"}:
            continue   # "announced a curfew ... starting on Tuesday": when it takes effect, not when ordered
        else:
            event_dates.append((abs(sentence.start_char + mention.start - trigger.idx), mention))
    if event_dates:
        best = min(event_dates, key=lambda pair: pair[0])[1]
        return EventDate(best.date, best.precision, "text")
    if report_dates:
        return EventDate(report_dates[0].date, report_dates[0].precision, "report")
    return EventDate(published, "day", "published")


#: A date written with a day or month name or a number (not "overnight", "recently").
_NAMED_TIME = re.compile(r"\d|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
                         r"nov|dec)[a-z]*\b", re.IGNORECASE)


def _said_before(span: Any) -> Any | None:
    """The speech verb written right before a date ("said on Thursday", "told reporters on Monday")."""
    doc = span.doc
    i = span.start - 1
    if i >= 0 and doc[i].lower_ in {"on", "late", "early"}:
        i -= 1
    if i >= 0 and doc[i].pos_ in {"NOUN", "PROPN", "PRON"} and doc[i].dep_ in {"dobj", "dative"}:
        i -= 1   # "told reporters on Monday"
    if i >= 0 and doc[i].pos_ == "VERB" and doc[i].lemma_.lower() in SPEECH:
        return doc[i]
    return None


_SUPERLATIVE_BEFORE = re.compile(r"\b(?:one of the (?:\w+est|worst|most \w+)|the (?:first|last|only)"
                                 r"(?!\s+(?:\d|two|three|four|five|six|seven|eight|nine|ten|few|dozen|hundred)))\b[^,;.]*$",
                                 re.IGNORECASE)   # "..., the first to get through since January"


def _comparison_class(token: Any) -> bool:
    """The date belongs to a superlative's comparison ("the deadliest raid this year")."""
    node = token
    for _ in range(4):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ == "NOUN" and any(c.dep_ == "amod" and c.tag_ == "JJS" for c in node.children):
            return True
        if node.pos_ in {"VERB", "AUX"}:
            return False
    return False


TIME_MARKS = frozenset({"after", "before"})


def _describes_other(verb: Any, trigger: Any) -> bool:
    """The date sits in a clause describing people ("a video showing aid workers who were
    abducted three days ago, and threatened to kill them"): the abduction's date, not the threat's.
    A clause on the trigger itself ("an attack that killed 12 on Monday") dates the event."""
    head = verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and head.pos_ == "NOUN" and verb.i != trigger.i \
            and head.lemma_.lower() not in {"report", "statement", "communique", "bulletin", "release"} \
            and trigger.i not in {t.i for t in verb.subtree} and _depth_below(head, trigger) >= 3:
        return True   # "demanding the release of payments for paddy procured in October"
    return (verb.dep_ == "relcl" or verb.dep_ == "acl" and verb.tag_ == "VBN") and head.i != trigger.i \
        and verb.i != trigger.i \
        and (head.lemma_.lower() in PEOPLE or head.ent_type_ in {"PERSON", "NORP"}
             or head.dep_ == "nsubj" and head.head.lemma_.lower() in SPEECH) \
        and trigger.i not in {t.i for t in verb.subtree} \
        and not (trigger.pos_ in {"NOUN", "PROPN"} and head.i in {t.i for t in trigger.subtree})
    # (a noun's own victims' clause may date it: "the murder of six priests, who were killed on 16 November")


def _on_subject(verb: Any, trigger: Any) -> bool:
    """'The MAK, which Algeria designated a terrorist organisation in 2021, rejected the verdict ... on
    Thursday': a clause describing the act's own subject (when the sentence dates the act itself too)."""
    head = verb.head
    return verb.dep_ == "relcl" and head.dep_ in {"nsubj", "nsubjpass"} and head.head.i == trigger.i


def _depth_below(token: Any, ancestor: Any) -> int:
    """How many steps up from ``token`` reach ``ancestor`` (0 when it is not above it)."""
    steps, node = 0, token
    while node.head.i != node.i:
        node, steps = node.head, steps + 1
        if node.i == ancestor.i:
            return steps
    return 0


def _other_time_clause(verb: Any, trigger: Any) -> bool:
    """The date's verb heads an "after"/"before" clause ("8 days after taking office on 1 june",
    "before he left on Monday") that the trigger is not part of: that clause dates another act.
    ("since 1985" is kept: it bounds a running count.)"""
    if verb.i == trigger.i or trigger.i in {t.i for t in verb.subtree}:
        return False
    introduced = any(c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in verb.children) or (
        verb.dep_ == "pcomp" and verb.head.lower_ in TIME_MARKS)
    return introduced and verb.dep_ in {"advcl", "pcomp"}


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


_FUTURE_AUX = frozenset({"will", "shall", "'ll"})
_FUTURE_FRAMES = frozenset({"due", "scheduled", "set", "expected", "planned", "slated"})


def _is_future(verb: Any) -> bool:
    """A clause about what is to come: "will meet", "is due to meet", "is scheduled to vote"."""
    if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in verb.children):
        return True
    if verb.dep_ in {"ccomp", "conj"} and any(c.dep_ == "aux" and c.lower_ == "would" for c in verb.children) \
            and verb.head.lemma_.lower() in {"say", "announce", "tell", "state", "add", "warn", "confirm"}:
        return True   # "the alliance said it would hold another rally on Friday": the coming Friday
    head = verb.head
    return verb.dep_ == "xcomp" and head.lower_ in _FUTURE_FRAMES or (
        head.lemma_.lower() == "be" and any(c.lower_ in _FUTURE_FRAMES for c in head.children))


def _clause_verb(token: Any) -> Any | None:
    node = token
    for _ in range(8):
        if node.pos_ in {"VERB", "AUX"}:
            return node
        if node.head.i == node.i:
            return node if node.pos_ in {"VERB", "AUX"} else None
        node = node.head
    return None

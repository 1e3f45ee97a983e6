"""Ambiguous place names, read in the light of the article's main country.

The geoparser resolves each name on its own evidence, so "Lima" may come out as Lima, Ohio and
"San Francisco" as the Californian city in a report datelined San Salvador. For the event coder,
the article's main country (its dateline, else its most mentioned country) is strong evidence: a
city- or region-level place whose name also exists in that country is re-resolved there
(:func:`wirewatch.stages.geo.resolve_name` with ``context_countries``). Country mentions are never
changed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import replace

from wirewatch.models import Place

_FIXED = frozenset({"country", "continent"})
#: Words that the gazetteer knows as places but that in running text are almost always not
#: ("Eastern" Region, Uganda; "Town"; "Union"), dropped when they fall outside the main country.
GENERIC_NAMES = frozenset({"eastern", "western", "northern", "southern", "central", "town", "union",
                           "city", "capital", "province", "state", "region", "district", "county",
                           "north", "south", "east", "west", "centre", "center", "island", "coast"})


@functools.lru_cache(maxsize=20_000)
def _in_country(name: str, country: str) -> Place | None:
    from wirewatch.errors import GeoError
    from wirewatch.stages.geo import resolve_name

    try:
        found = resolve_name(name, context_countries=(country,))
    except (GeoError, OSError):   # a missing or unreadable gazetteer: keep the geoparser's reading
        return None
    return found if found is not None and found.country == country else None


def _best_at_home(name: str, country: str) -> Place | None:
    """The likeliest entry called ``name`` inside ``country`` when context alone did not tip the
    resolver ("San Marcos" in a report from Lima is the Peruvian one, not the Guatemalan department)."""
    from wirewatch.stages.geo.gazetteer import NO_ADMIN, get_gazetteer

    try:
        gazetteer = get_gazetteer()
    except OSError:
        return None
    home = [e for e in gazetteer.candidates(name) if e.country == country]
    if not home:
        return None
    entry = max(home, key=lambda e: e.population)
    admin1 = entry.name if entry.precision == "admin1" else \
        gazetteer.names[entry.admin1] if entry.admin1 != NO_ADMIN else None
    return Place(entry.name, 0, 0, round(entry.lat, 5), round(entry.lon, 5), entry.country, admin1,
                 entry.geonameid, entry.precision)


#: A namesake of a national capital in the main country must be a city at least this big to win
#: ("Tripoli" in a story about Lebanon is Lebanon's Tripoli; "San Salvador" in a report from
#: Honduras is still El Salvador's capital).
NOTABLE_POPULATION = 100_000
#: A city this big abroad is not re-read at home unless context itself tips the resolver.
BIG_CITY = 1_000_000


@functools.lru_cache(maxsize=20_000)
def _standing(name: str, geonameid: int | None) -> tuple[int, bool]:
    """(population, is a national capital) of the gazetteer entry a place was resolved to."""
    from wirewatch.stages.geo.gazetteer import get_gazetteer

    if geonameid is None:
        return 0, False
    try:
        gazetteer = get_gazetteer()
    except OSError:
        return 0, False
    for entry in gazetteer.candidates(name):
        if entry.geonameid == geonameid:
            capital = gazetteer.capitals.get(entry.country or "")
            return entry.population, capital == entry.id
    return 0, False


def population(place: Place) -> int:
    """Population of the place's gazetteer entry (0 when unknown)."""
    return _standing(place.name, place.geonameid)[0]


def is_capital(place: Place) -> bool:
    """The place is a national capital ("San Salvador", "Lima"): never a namesake elsewhere."""
    return _standing(place.name, place.geonameid)[1]


#: A paragraph that opens with a place and a dash is a brief of its own ("LA PAZ — Police used ...").
_SECTION_DATELINE = re.compile(r"(?:,[^\n,—–]{1,30})?\s*(?:\([^)\n]{1,30}\))?\s*(?:—|–|--?)\s")


def section_countries(places: Sequence[Place], text: str | None) -> list[tuple[int, str]]:
    """(offset, country) of each place that opens a paragraph as a dateline: in a news round-up each
    brief has its own country, which holds until the next such dateline."""
    if not text:
        return []
    out = []
    for place in places:
        at_line_start = place.start == 0 or text[place.start - 1] == "\n"
        if not place.country or place.end <= place.start:
            continue
        if at_line_start and _SECTION_DATELINE.match(text, place.end):
            out.append((place.start, place.country))
        elif place.precision == "country" and (at_line_start and _crosshead_at(text, place)
                                               or _SECTION_OPENER.match(text, _line_start(text, place.start))
                                               and _SECTION_OPENER.match(text, _line_start(text, place.start)).end()
                                               == place.start):
            out.append((place.start, place.country))   # "Lebanon: Bekaa", "In Burkina Faso, fighters ..."
    return out


#: A paragraph of a round-up that opens on its country ("In Burkina Faso, ...", "In central Mali, ...").
_SECTION_OPENER = re.compile(r"(?:Also )?[Ii]n (?:(?:northern|southern|eastern|western|central|north-eastern|"
                             r"north-western|south-eastern|south-western|neighbouring|neighboring) )?")


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _crosshead(text: str, start: int) -> bool:
    """A short line of its own that starts with the place: a round-up's crosshead ("Iraq: Anbar",
    "Somalia", "Burundi: three radio journalists detained in Gitega")."""
    end = text.find("\n", start)
    line = text[start:end if end >= 0 else len(text)].strip()
    return 0 < len(line) <= 80 and not line.endswith((".", "\"", "”"))

def _crosshead_at(text: str, place: Place) -> bool:
    """The line is the place alone, or the place and a colon or dash ("Somalia", "Iraq: Anbar"), not
    a headline that starts with it ("Saudi Arabia welcomes deal")."""
    rest = text[place.end:text.find("\n", place.end) if text.find("\n", place.end) >= 0 else len(text)].strip()
    return _crosshead(text, place.start) and (not rest or rest[0] in ":—–|-")


def section_starts(places: Sequence[Place], text: str | None) -> list[int]:
    """Offsets of the places that open a brief as its dateline (see :func:`section_countries`)."""
    return [start for start, _ in section_countries(places, text)]


def prefer_country(places: Sequence[Place], country: str | None, text: str | None = None) -> list[Place]:
    """The places, with sub-national names outside ``country`` re-resolved inside it when possible.
    Inside a brief that has its own dateline (``text`` given), that dateline's country is the one
    preferred, and the dateline itself stands as the geoparser read it."""
    sections = section_countries(places, text)
    datelines = {start for start, _ in sections}
    out = []
    for place in places:
        local = next((c for start, c in reversed(sections) if start <= place.start), country)
        if local is None or place.country == local or place.precision in _FIXED or not place.name \
                or place.start in datelines:
            out.append(place)
            continue
        home = _in_country(place.name, local)
        if home is None and not is_capital(place) and population(place) < BIG_CITY:
            home = _best_at_home(place.name, local)
        if home is not None and is_capital(place) and population(home) < NOTABLE_POPULATION:
            home = None   # "San Salvador" is El Salvador's capital, not a hamlet of the main country
        if home is None:
            if place.name.lower() not in GENERIC_NAMES:
                out.append(place)
        else:
            out.append(replace(home, name=place.name, start=place.start, end=place.end))
    return out

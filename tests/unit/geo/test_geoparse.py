"""Geoparsing in context: recognition filters and resolution of ambiguous names (issue 4)."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from wirewatch.models import Article, Document, Place
from wirewatch.pipeline.base import RunContext, Work
from wirewatch.stages.geo import GazetteerGeoparser

SEED = ("Investigators said the Russian airliner, which crashed in Egypt's Sinai Peninsula two weeks ago, "
        "was brought down by a bomb, and Russia threatened to respond.")

# (test id, text, surface form, expected ISO3, expected precision)
RESOLVE_CASES = [
    ("sinai-seed", SEED, "Sinai Peninsula", "EGY", "region"),
    ("russia-seed", SEED, "Russia", "RUS", "country"),
    ("tripoli-lebanon", "Clashes erupted in Tripoli, Lebanon, on Sunday.", "Tripoli", "LBN", "point"),
    ("tripoli-lebanon-context", "Gunmen fought in Tripoli overnight. The army of Lebanon was deployed "
     "and Lebanese officials met in Beirut.", "Tripoli", "LBN", "point"),
    ("tripoli-alone", "Clashes erupted in Tripoli on Sunday.", "Tripoli", "LBY", "point"),
    ("tripoli-libya", "Militias clashed in Tripoli again, Libya's government said.", "Tripoli", "LBY", "point"),
    ("atlanta-georgia", "Storms hit Atlanta, Georgia, overnight.", "Georgia", "USA", "admin1"),
    ("atlanta-city", "Storms hit Atlanta, Georgia, overnight.", "Atlanta", "USA", "point"),
    ("tbilisi-georgia", "Protesters gathered in Tbilisi, Georgia, on Friday.", "Georgia", "GEO", "country"),
    ("georgia-president-russia", "Georgia's president accused Russia of provocations along the border.",
     "Georgia", "GEO", "country"),
    ("paris-texas", "The festival in Paris, Texas drew large crowds.", "Paris", "USA", "point"),
    ("paris-france", "The summit in Paris drew large crowds.", "Paris", "FRA", "point"),
    ("borno-state", "Boko Haram fighters attacked a village in Borno state on Monday.", "Borno", "NGA", "admin1"),
    ("gaza-strip", "Air strikes hit the Gaza Strip overnight.", "Gaza Strip", "PSE", "admin1"),
    ("donbas", "Shelling continued across the Donbas.", "Donbas", "UKR", "region"),
]


def _find(places: list[Place], text: str, surface: str) -> Place:
    matches = [p for p in places if text[p.start:p.end] == surface]
    assert matches, f"{surface!r} not found in {[text[p.start:p.end] for p in places]}"
    return matches[0]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


@pytest.mark.issue(4)
@pytest.mark.parametrize(("text", "surface", "country", "precision"),
                         [c[1:] for c in RESOLVE_CASES], ids=[c[0] for c in RESOLVE_CASES])
def test_geoparse_resolves_in_context(geoparse_text: Callable[..., list[Place]], text: str, surface: str,
                                      country: str, precision: str) -> None:
    place = _find(geoparse_text(text), text, surface)
    assert (place.country, place.precision) == (country, precision)
    assert place.lat is not None and place.lon is not None


def test_geoparse_places_sinai_near_its_centre(geoparse_text: Callable[..., list[Place]]) -> None:
    place = _find(geoparse_text(SEED), SEED, "Sinai Peninsula")
    assert place.lat is not None and place.lon is not None
    assert _km(place.lat, place.lon, 29.5, 33.8) <= 161


# (test id, text, surfaces that must not be places)
NOT_PLACES = [
    ("person-jordan", "Jordan Henderson scored the winner in the second half.", ["Jordan", "Jordan Henderson"]),
    ("demonym", "Russian troops and Ukrainian officials met.", ["Russian", "Ukrainian"]),
    ("disease-name", "The West Nile virus spread. West Nile cases rose.", ["West Nile"]),
]


@pytest.mark.parametrize(("text", "surfaces"), [c[1:] for c in NOT_PLACES], ids=[c[0] for c in NOT_PLACES])
def test_geoparse_skips_false_places(geoparse_text: Callable[..., list[Place]], text: str,
                                     surfaces: list[str]) -> None:
    found = {text[p.start:p.end] for p in geoparse_text(text)}
    assert not found & set(surfaces)


def test_geoparse_offsets_point_into_text(geoparse_text: Callable[..., list[Place]]) -> None:
    text = "Officials in Nairobi, Kenya said cases rose in Kisumu and in Uganda."
    places = geoparse_text(text)
    assert [text[p.start:p.end] for p in places] == ["Nairobi", "Kenya", "Kisumu", "Uganda"]
    assert all(p.country in ("KEN", "UGA") for p in places)


def test_geoparse_uses_dateline(geoparse_text: Callable[..., list[Place]]) -> None:
    text = "Police said a bomb exploded near the market in Tripoli."
    assert _find(geoparse_text(text, dateline="BEIRUT"), text, "Tripoli").country == "LBN"


def test_stage_sets_article_places(nlp: object, gazetteer: object) -> None:
    text = "Floods hit Dhaka, Bangladesh."
    article = Article(id="a1", url=None, title=None, published=None, site=None, language="en", text=text)
    work = Work(document=Document(uri="mem://a1", content=b""), article=article, doc=nlp(text))  # type: ignore[operator]
    stage = GazetteerGeoparser()
    list(stage.process([work], RunContext(strict=True)))
    assert [(p.name, p.country) for p in article.places] == [("Dhaka", "BGD"), ("Bangladesh", "BGD")]

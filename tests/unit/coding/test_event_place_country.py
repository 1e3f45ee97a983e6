"""The event's place country: namesakes abroad, nationality modifiers, demonyms (issue #3)."""

from __future__ import annotations

from typing import Any

import pytest

from wirewatch.models import Article, Document, Event
from wirewatch.pipeline.base import RunContext, Work
from wirewatch.stages.coding import PloverCoder
from wirewatch.stages.coding.context import main_country
from wirewatch.stages.coding.places import prefer_country
from wirewatch.stages.geo import GazetteerGeoparser, resolve_name
from wirewatch.stages.nlp import load_model


@pytest.fixture(scope="module")
def run() -> Any:
    nlp, geo, coder, ctx = load_model(), GazetteerGeoparser(), PloverCoder(), RunContext()

    def code(text: str, published: str = "1990-02-13") -> list[Event]:
        article = Article("t", None, None, published, None, "en", text)
        work = Work(Document("t", b""), article, nlp(text))
        geo.handle(work, ctx)
        coder.handle(work, ctx)
        return article.events

    return code


def _assault_country(events: list[Event]) -> str | None:
    assaults = [e for e in events if e.type == "ASSAULT"]
    assert assaults
    return assaults[0].place.country if assaults[0].place else None


def test_town_with_a_namesake_abroad_stays_home(run: Any) -> None:
    events = run("Santiago, 13 feb 90 (domestic service) -- A bomb exploded today at the gate of the "
                 "University of Chile on San Diego street, injuring two guards. Police in Chile are "
                 "investigating the attack.")
    assert _assault_country(events) == "CHL"


def test_foreign_town_named_with_its_country_is_abroad(run: Any) -> None:
    events = run("Santiago, 13 feb 90 (domestic service) -- Chilean police said a bomb exploded "
                 "yesterday in San Diego, California, injuring two guards.")
    assert _assault_country(events) == "USA"


def test_embassy_of_a_country_is_where_the_embassy_is(run: Any) -> None:
    events = run("La Paz, 21 mar 89 (Efe) -- Terrorists attacked a guard post near the U.S. Embassy "
                 "today, police in Bolivia said.", published="1989-03-21")
    assert _assault_country(events) == "BOL"


def test_demonyms_count_for_the_main_country() -> None:
    text = ("Clandestine, 26 jun 89 -- Salvadoran soldiers and Salvadoran police attacked the "
            "Salvadoran union offices, a Mexican reporter said.")
    assert main_country([], text) == "SLV"


def test_capital_is_not_moved_to_a_hamlet_of_the_main_country() -> None:
    capital = resolve_name("San Salvador")
    assert capital is not None and capital.country == "SLV"
    assert [p.country for p in prefer_country([capital], "HND")] == ["SLV"]


def test_capital_namesake_that_is_a_city_wins_in_its_country() -> None:
    tripoli = resolve_name("Tripoli")
    assert tripoli is not None and tripoli.country == "LBY"
    assert [p.country for p in prefer_country([tripoli], "LBN")] == ["LBN"]


def test_namesake_in_the_main_country_wins_when_context_alone_does_not() -> None:
    san_marcos = resolve_name("San Marcos")
    assert san_marcos is not None and san_marcos.country != "PER"
    assert [p.country for p in prefer_country([san_marcos], "PER")] == ["PER"]

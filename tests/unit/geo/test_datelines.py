"""Wire datelines as place evidence, and group words that are only alternate names (issue #3)."""

from __future__ import annotations

from collections.abc import Callable

from wirewatch.models import Place


def test_dateline_city_is_a_place_whatever_the_ner_says(geoparse_text: Callable[..., list[Place]]) -> None:
    text = ("Santiago, 27 nov 89 (domestic service) -- the radio Mineria Santiago staff continues to "
            "evaluate the damage caused by a terrorist attack at its offices.")
    places = geoparse_text(text)
    lead = [p for p in places if p.start == 0]
    assert lead and lead[0].country == "CHL"


def test_dateline_needs_a_dateline_shape(geoparse_text: Callable[..., list[Place]]) -> None:
    places = geoparse_text("Santiago said on Tuesday that he would not run again.")
    assert not [p for p in places if p.start == 0 and p.precision == "point"]


def test_dateline_with_country_is_evidence_for_that_country(geoparse_text: Callable[..., list[Place]]) -> None:
    text = "Three people were killed in clashes in the northern city of Tripoli on Saturday night."
    places = geoparse_text(text, dateline="Tripoli, Lebanon")
    assert [p.country for p in places if p.name == "Tripoli"] == ["LBN"]


def test_religious_group_is_not_an_alternate_town_name(geoparse_text: Callable[..., list[Place]]) -> None:
    text = "Two U.S. Mormon missionaries were shot to death last night in La Paz, Bolivia."
    places = geoparse_text(text)
    assert "Mormon" not in [text[p.start:p.end] for p in places]


def test_acronym_that_is_only_an_alternate_town_name_is_not_a_place(
        geoparse_text: Callable[..., list[Place]]) -> None:
    text = ("Since the assassination of the Uca priests, a large number of important U.S. Senators "
            "and representatives in the United States are saying that aid must stop.")
    names = [p.name for p in geoparse_text(text)]
    assert "Utica" not in names and "United States" in names


def test_congo_alone_is_read_by_its_neighbours(geoparse_text: Callable[..., list[Place]]) -> None:
    kivu = geoparse_text("Gunmen attacked a village near Oicha in eastern Congo's North Kivu province on Monday.")
    brazzaville = geoparse_text("Police in Brazzaville, the capital of Congo, arrested opposition leaders on Monday.")
    assert [p.country for p in kivu if p.precision == "country"] == ["COD"]
    assert [p.country for p in brazzaville if p.precision == "country"] == ["COG"]

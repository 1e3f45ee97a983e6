"""Place names re-read in the light of the main country, and news round-ups whose briefs carry
their own datelines (coding/places.py)."""

from __future__ import annotations

from wirewatch.models import Place
from wirewatch.stages.coding.places import prefer_country, section_countries

TEXT = ("Tunisian police arrested 11 people in dawn raids on Tuesday, their lawyers said.\n"
        "LA PAZ — Police used tear gas to clear a blockade on the highway between La Paz and Oruro.\n"
        "MANILA — Two soldiers were killed when rebels ambushed a patrol in Las Navas on Monday.")


def _place(name: str, country: str, precision: str = "point") -> Place:
    start = TEXT.index(name.upper()) if name.upper() in TEXT else TEXT.index(name)
    return Place(name, start, start + len(name), 0.0, 0.0, country, None, None, precision)


def test_briefs_with_their_own_dateline_keep_their_country() -> None:
    la_paz, manila = _place("La Paz", "BOL"), _place("Manila", "PHL")
    second = TEXT.index("La Paz and")
    la_paz_again = Place("La Paz", second, second + 6, 0.0, 0.0, "BOL", None, None, "point")
    assert section_countries([la_paz, la_paz_again, manila], TEXT) == [(la_paz.start, "BOL"),
                                                                        (manila.start, "PHL")]
    kept = prefer_country([la_paz, la_paz_again, manila], "PHL", TEXT)
    assert [p.country for p in kept] == ["BOL", "BOL", "PHL"]   # no re-reading as La Paz, Philippines


def test_without_text_a_namesake_is_read_in_the_main_country() -> None:
    la_paz = _place("La Paz", "BOL")
    assert prefer_country([la_paz], "PHL")[0].country == "PHL"


def test_a_place_in_running_text_is_no_section_dateline() -> None:
    text = "Police said the convoy left La Paz — the seat of government — at dawn on Monday."
    start = text.index("La Paz")
    place = Place("La Paz", start, start + 6, 0.0, 0.0, "BOL", None, None, "point")
    assert section_countries([place], text) == []

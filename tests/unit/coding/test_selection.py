"""Precision rules: which drafted events an analyst keeps (stages/coding/selection.py, places.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from wirewatch.models import Place
from wirewatch.stages.coding.places import prefer_country
from wirewatch.stages.coding.selection import off_topic

CodeText = Callable[..., list]


def _kept(events: list) -> list[tuple[str, str]]:
    """(type, status) of the events that claim something happened."""
    return [(e.type, e.status) for e in events if e.status not in {"hypothetical", "negated"}]


@pytest.mark.parametrize("text", [
    "Such steps would further move regional forces against the government.",      # abstract actor
    "\"I heard a huge bang and then everyone was running,\" said a shopkeeper.",   # witness colour
    "The group usually claims attacks on police and the army.",                   # habitual
    "Al-Shabaab has been fighting for more than 15 years to topple the government.",  # durative
    "Analysts said the bombing fitted a pattern of attacks on isolated police posts.",  # generic
    "The al Qaeda-linked group is based in the south.",                            # a modifier
])
def test_no_event(code_text: CodeText, text: str) -> None:
    assert _kept(code_text(text)) == []


def test_background_clause_does_not_make_an_event(code_text: CodeText) -> None:
    events = code_text("Russia is likely to increase its military involvement in Syria due to the "
                       "widely assumed terrorist bombing of the plane.")
    assert _kept(events) == []


def test_old_event_is_background(code_text: CodeText) -> None:
    events = code_text("The group drew worldwide attention in 2014 when it seized 276 schoolgirls.",
                       published="2026-03-16")
    assert _kept(events) == []


def test_one_event_per_type_per_sentence(code_text: CodeText) -> None:
    events = code_text("Britain has imposed sanctions on six senior commanders of Iran's Islamic "
                       "Revolutionary Guard Corps.")
    assert [e.type for e in events].count("SANCTION") == 1


def test_crowd_gathering_is_a_protest(code_text: CodeText) -> None:
    events = code_text("The crowd began gathering outside the parliament in Caracas on Wednesday "
                       "evening.")
    assert "PROTEST" in [e.type for e in events]
    assert "CONSULT" not in [e.type for e in events]


def test_suspected_perpetrators_make_the_attack_alleged(code_text: CodeText) -> None:
    events = code_text("Suspected Islamic State-linked militants killed at least 12 people in "
                       "Mogadishu on Sunday.")
    attack = next(e for e in events if e.type == "ASSAULT")
    assert attack.status == "alleged"
    assert attack.killed == 12


def test_no_one_claimed_is_not_a_claim(code_text: CodeText) -> None:
    events = code_text("No group has claimed the attack on the hotel in Mogadishu.")
    assert all(e.status != "claimed" for e in events)


def test_later_claim_makes_the_incident_claimed(code_text: CodeText) -> None:
    events = code_text(
        "A suicide bomber blew himself up inside a crowded restaurant in Mogadishu on Wednesday, "
        "killing 14 people.\n\n"
        "The al Qaeda-linked group al-Shabaab claimed responsibility for the bombing.")
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert len(attacks) == 1
    assert attacks[0].status == "claimed"
    assert attacks[0].actor.name == "al-Shabaab"
    assert attacks[0].killed == 14


def test_tear_gas_on_protesters_is_coerce(code_text: CodeText) -> None:
    events = code_text("Riot police fired tear gas at thousands of protesters in Caracas on Friday.")
    assert "COERCE" in [e.type for e in events]
    assert "ASSAULT" not in [e.type for e in events]


def test_ultimatum_is_a_threat(code_text: CodeText) -> None:
    events = code_text("Iran announced that it will withdraw its ambassador unless the sanctions "
                       "are lifted.")
    assert ("THREATEN", "threatened") in _kept(events)


def test_sports_page_is_off_topic() -> None:
    text = ("The striker scored twice as the league leaders won the match. The coach praised the "
            "fans at the stadium after the penalty, and the season goes on.")
    assert off_topic(text)
    assert not off_topic("Gunmen attacked a police station in Saravena, killing two officers.")


def test_ambiguous_place_prefers_the_main_country() -> None:
    lima_ohio = Place("Lima", 10, 14, 40.74, -84.1, "USA", precision="point")
    out = prefer_country([lima_ohio], "PER")
    assert out[0].country == "PER"
    assert (out[0].start, out[0].end) == (10, 14)
    assert prefer_country([lima_ohio], None)[0].country == "USA"


def test_generic_word_outside_the_main_country_is_not_a_place() -> None:
    eastern = Place("Eastern", 0, 7, 1.0, 33.0, "UGA", precision="admin1")
    assert prefer_country([eastern], "SLV") == []

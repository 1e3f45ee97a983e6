"""The seed article's sentences (shared/examples/seed-article.*): required, optional and forbidden events."""

from __future__ import annotations

from collections.abc import Callable

import pytest

CodeText = Callable[..., list]

SEED = (
    "CAIRO - Islamic State has released a video threatening attacks in Russia \"very soon,\" the SITE "
    "monitoring group said on Thursday.\n\n"
    "Al-Hayat Media Center, Islamic State's foreign language media division, released a Russian language "
    "video with chants of \"Soon, very soon, the blood will spill like an ocean,\" SITE reported.\n\n"
    "Islamic State has previously called for attacks on Russia and the United States in revenge for "
    "airstrikes on its fighters in Syria.\n\n"
    "Western intelligence officials suspect the ultra-hardline Sunni group of planting a bomb in a Russian "
    "passenger airplane which crashed in Egypt's Sinai Peninsula two weeks ago.\n\n"
    "Russia is likely to increase its military involvement in Syria due to the widely assumed terrorist "
    "bombing of the plane that crashed in Sinai on October 31.\n\n"
    "Russia could also decide to sharply increase its support for Arab states and other proxy forces "
    "fighting against Islamic State. This could include the provision of military equipment and advisers, "
    "and even improved intelligence cooperation.\n\n"
    "All 224 passengers and crew were killed when Metrojet Flight 9268 crashed in the desert on the way "
    "from Sharm e-Sheikh to St. Petersburg.\n"
)
IS_NAMES = ("Islamic State", "ISIS", "ISIL", "Daesh")


@pytest.fixture(scope="module")
def seed_events(code_text: CodeText) -> list:
    return code_text(SEED)


def _bombing(events: list) -> object:
    bombs = [e for e in events if e.type == "ASSAULT" and e.place and e.place.country == "EGY"]
    assert bombs, "no ASSAULT in Egypt"
    return bombs[0]


def test_seed_threat_is_threatened_and_attributed_to_site(seed_events: list) -> None:
    threats = [e for e in seed_events if e.type == "THREATEN" and e.target.country == "RUS"]
    assert threats
    threat = threats[0]
    assert threat.actor.name in IS_NAMES
    assert threat.status == "threatened"
    assert "SITE" in (threat.attribution or "")
    assert threat.date == "2015-11-12"


@pytest.mark.parametrize("field,expected", [
    ("type", "ASSAULT"), ("mode", "explosives"), ("status", "alleged"), ("date", "2015-10-31"),
    ("killed", 224),
])
def test_seed_bombing_field(seed_events: list, field: str, expected: object) -> None:
    assert getattr(_bombing(seed_events), field) == expected


def test_seed_bombing_roles(seed_events: list) -> None:
    bomb = _bombing(seed_events)
    assert bomb.actor.name == "Islamic State"           # "the ultra-hardline Sunni group"
    assert bomb.target.country == "RUS"                 # "a Russian passenger airplane"
    assert bomb.place is not None and bomb.place.name == "Sinai Peninsula"
    assert "intelligence" in (bomb.attribution or "").lower()


def test_seed_bombing_is_one_event(seed_events: list) -> None:
    assert len([e for e in seed_events if e.type == "ASSAULT" and e.place and e.place.country == "EGY"]) == 1


@pytest.mark.parametrize("marker", ["is likely to increase", "could also decide", "This could include"])
def test_seed_forecasts_are_only_hypothetical(seed_events: list, marker: str) -> None:
    coded = [e for e in seed_events if marker in e.evidence.text]
    assert all(e.status == "hypothetical" for e in coded), [(e.type, e.status) for e in coded]


def test_seed_evidence_offsets_point_at_text(seed_events: list) -> None:
    for event in seed_events:
        assert SEED[event.evidence.start:event.evidence.end] == event.evidence.text


def test_seed_ids_are_deterministic(code_text: CodeText, seed_events: list) -> None:
    assert [e.id for e in code_text(SEED)] == [e.id for e in seed_events]

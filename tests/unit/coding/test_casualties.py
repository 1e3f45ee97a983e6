"""Casualty figures from parsed sentences."""

from __future__ import annotations

import pytest

from wirewatch.stages.coding.casualties import find_casualties, parse_number

CASES = [
    ("participles", "The bomb exploded, killing at least 26 people and wounding 48.", 26, 48),
    ("passive", "Twelve soldiers were killed and 30 were injured.", 12, 30),
    ("toll", "The death toll rose to 30.", 30, None),
    ("all-n-and", "All 224 passengers and crew were killed when the plane crashed.", 224, None),
    ("no-one", "No one was hurt in the blast.", 0, 0),
    ("no-one-killed", "No one was killed, police said.", 0, None),
    ("no-casualties", "There were no casualties, the navy said.", 0, 0),
    ("all-safe", "The missile missed, the ship was not damaged and all crew were safe.", 0, 0),
    ("no-deaths-since", "There have been no deaths since the ceasefire took effect.", None, None),
    ("toll-before-clause", ("The ministry said that the death toll had risen to seven after five soldiers "
                            "guarding the plant died of their wounds."), 7, None),
    ("dozens", "Dozens of people were wounded.", None, 24),
    ("named-victim", "Gunmen assassinated Mayor Carlos Perez.", 1, None),
    ("titled-lowercase", "Coronel largow, a Dutch reporter, was killed today in a shootout.", 1, None),
    ("relative-clause", "The house was rented by luis emilio espina, who was killed 1 week ago.", 1, None),
    ("person-and-number", "Gunmen killed the mayor and two peasants.", 3, None),
    ("also-killed", ("The minister was assassinated today in an attack in which two members of "
                     "his escort were also killed."), 3, None),
]


@pytest.mark.parametrize("text,killed,injured", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_find_casualties(nlp: object, text: str, killed: int | None, injured: int | None) -> None:
    doc = nlp(text)  # type: ignore[operator]
    found = find_casualties(doc[:])
    assert (found.killed, found.injured) == (killed, injured)


@pytest.mark.parametrize("text,value", [("26", 26), ("1,200", 1200), ("twenty-six", 26),
                                        ("two hundred", 200), ("dozens", 24), ("none", None)])
def test_parse_number(text: str, value: int | None) -> None:
    assert parse_number(text) == value


def test_revised_toll_is_marked(nlp: object) -> None:
    doc = nlp("The death toll from the attack has risen to 12, officials said.")  # type: ignore[operator]
    found = find_casualties(doc[:])
    assert (found.killed, found.kind) == (12, "revised")
    plain = find_casualties(nlp("Gunmen killed 12 people.")[:])  # type: ignore[operator]
    assert plain.kind == ""

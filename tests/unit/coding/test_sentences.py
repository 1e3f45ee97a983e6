"""Table-driven sentence cases: claims, denials, negation, forecasts, protests, sanctions, metaphors."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

CodeText = Callable[..., list]


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    type: str | None               # None: no event of any type may be coded as actual
    status: str | None = None
    actor: str | None = None
    actor_country: str | None = None
    target_country: str | None = None
    place_country: str | None = None
    date: str | None = None
    killed: int | None = None
    injured: int | None = None
    attribution: str | None = None


CASES = [
    Case("claim", "Al-Shabaab claimed responsibility for the bombing of a hotel in Mogadishu on Monday.",
         "ASSAULT", status="claimed", actor="al-Shabaab", place_country="SOM", date="2015-11-09"),
    Case("denial", "The Taliban denied carrying out the attack on a police checkpoint in Kabul.",
         "ASSAULT", status="denied", actor="Taliban", place_country="AFG"),
    Case("negated-verb", "Government troops did not attack the village, the army said.", "ASSAULT",
         status="negated"),
    Case("casualties-participle", "A suicide bomber blew himself up at a market in Baghdad on Tuesday, "
         "killing at least 26 people and wounding 48, police said.", "ASSAULT", status="actual",
         place_country="IRQ", killed=26, injured=48, date="2015-11-10", attribution="police"),
    Case("death-toll", "The death toll from the car bombing in Mogadishu rose to 30 on Wednesday.",
         "ASSAULT", killed=30, place_country="SOM"),
    Case("according-to", "Gunmen stormed a shopping mall in Nairobi overnight, according to police.",
         "ASSAULT", attribution="police", place_country="KEN", date="2015-11-11"),
    Case("passive-agent", "Two soldiers were killed by JNIM fighters near Gao last week.", "ASSAULT",
         actor="JNIM", killed=2, place_country="MLI"),
    Case("forecast-likely", "Russia is likely to increase its military involvement in Syria.", None),
    Case("forecast-could", "Iran could retaliate against the United States.", None),
    Case("conditional", "If talks fail, the rebels would attack the capital.", None),
    Case("protest", "Thousands of students protested in Caracas on Friday against the government.",
         "PROTEST", status="actual", place_country="VEN", date="2015-11-06"),
    Case("sanction", "The European Union imposed sanctions on Iran over its missile programme.",
         "SANCTION", actor="European Union", target_country="IRN"),
    Case("threat", "Hezbollah threatened to strike Israel if the blockade continues.", "THREATEN",
         status="threatened", actor="Hezbollah", target_country="ISR"),
    Case("call-for-attacks", "Islamic State has called for attacks on the United States.", "THREATEN",
         status="threatened", actor="Islamic State"),
    Case("sports-metaphor", "Arsenal's attack overwhelmed Chelsea as the striker scored twice.", None),
    Case("heart-attack", "The minister died of a heart attack on Sunday.", None),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_code_sentence(code_text: CodeText, case: Case) -> None:
    events = code_text(case.text)
    if case.type is None:
        assert not [e for e in events if e.status == "actual"], [(e.type, e.status) for e in events]
        return
    matching = [e for e in events if e.type == case.type]
    assert matching, [(e.type, e.status) for e in events]
    event = matching[0]
    checks = {"status": event.status, "actor": event.actor.name, "actor_country": event.actor.country,
              "target_country": event.target.country, "date": event.date, "killed": event.killed,
              "injured": event.injured,
              "place_country": event.place.country if event.place else None}
    for name, got in checks.items():
        want = getattr(case, name)
        if want is not None:
            assert got == want, f"{name}: {got!r} != {want!r}"
    if case.attribution is not None:
        assert case.attribution in (event.attribution or "")

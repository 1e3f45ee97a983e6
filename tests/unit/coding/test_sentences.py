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
    Case("dated-accord", "Many fighters have gone home since the March 3 peace accord in the north.", None),
    Case("decision-to-stop", "In its letter the front mentioned its decision to stop sabotaging the power "
         "network.", None),
    Case("on-strike-for-months", "Dock workers in Mombasa have been on strike for two months.", None),
    Case("released-names", "Police released the names of the victims on Tuesday.", None),
    Case("held-exercises", "The Indian navy held joint exercises with Japan in the Bay of Bengal on Tuesday.",
         "COOPERATE", status="actual"),
    Case("ability-not-act", "The group is still capable of striking the port city, an analyst said.", None),
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


#: The sentence's main event (the most confident one) must have this type: PLOVER conventions for
#: agreements, restrictions, sanctions and intentions.
MAIN_CASES = [
    ("reach-consensus", "Kenya and Uganda reached a consensus on Monday to open their border to traders.",
     "AGREE"),
    ("sign-treaty", "Brazil and Argentina signed a defence cooperation treaty in Brasilia on Friday.", "SUPPORT"),
    ("renege", "The governor has reneged on his promise to hold local elections this year.", "REJECT"),
    ("violate-ban", "The opposition newspaper violated a publication ban imposed by the junta.", "REJECT"),
    ("violate-ceasefire", "Government forces violated the ceasefire agreement in the north, monitors said.",
     "ASSAULT"),
    ("share-evidence", "Jordanian officials shared evidence with Egypt about the smuggling network.",
     "COOPERATE"),
    ("joint-war-games", "Indian and French navies began a week of war games in the Arabian Sea on Monday.",
     "COOPERATE"),
    ("war-games-alone", "The Chinese army staged war games near the Taiwan Strait on Saturday.", "MOBILIZE"),
    ("dispatch-inspectors", "The OPCW dispatched inspectors to the chemical plant near Homs on Tuesday.",
     "ACCUSE"),
    ("seek-asylum", "Hundreds of Afghan soldiers sought asylum in Tajikistan last week.", "REQUEST"),
    ("lift-state-of-emergency", "Ecuador's government lifted the state of emergency in Guayaquil on Monday.",
     "CONCEDE"),
    ("shorten-curfew", "The army on Friday shortened the night curfew in Bamako by two hours.", "CONCEDE"),
    ("declare-state-of-siege", "The junta declared a state of siege in the capital on Sunday.", "COERCE"),
    ("cancel-restrictions", "The supreme court cancelled restrictions on opposition rallies in Harare.",
     "CONCEDE"),
    ("plans-to-impose", "Hungary plans to impose restrictions on grain imports from Ukraine.", "THREATEN"),
    ("swore-to-fight", "The militia leaders have sworn to fight until the army leaves their province.",
     "THREATEN"),
    ("suspension", "Germany announced a suspension of arms exports to Turkey on Thursday.", "SANCTION"),
    ("end-mediation", "Qatar ended its mediation between Israel and Hamas on Saturday.", "SANCTION"),
    ("expel-inspectors", "Iran expelled inspectors of the International Atomic Energy Agency on Monday.",
     "SANCTION"),
    ("prevent-rally", "Police in Minsk prevented a rally by opposition supporters on Sunday.", "COERCE"),
    ("release-person", "The kidnappers said they will release the Italian priest on Friday.", "AGREE"),
    ("released-group-of", "Rebels released a group of hostages in eastern Congo on Tuesday.", "RETREAT"),
    ("receive-observers", "Belarus received a team of observers from the OSCE on Monday.", "RETREAT"),
    ("indict", "A federal court indicted the former governor of Veracruz on corruption charges.", "ACCUSE"),
    # roles: who acts when the trigger hangs off an adjective, a noun of attempt or a passive
    ("ready-to-contribute", "Spain is ready to contribute 500 troops to the UN force in Lebanon, the defence "
     "minister said.", "AGREE"),
    ("quoted-as-saying", "President Ruto was quoted as saying he would be ready to host a meeting between "
     "the two rival leaders.", "AGREE"),
    ("armed-wing", "The armed wing of the movement refused to release the captured soldiers.", "REJECT"),
    ("attempt-to", "An attempt to assassinate the mayor of Kandahar was foiled on Monday, police said.",
     "ASSAULT"),
    ("guilty-of", "Both the army and the rebels are guilty of violating the truce, the monitors said.",
     "ASSAULT"),
    ("light-verb-object", "The United States accelerated the withdrawal of its troops from Syria on Friday, "
     "but officials warned that no date had been fixed for the last units.", "RETREAT"),
    ("possessive-target", "Ghana will back Senegal's bid to host the regional summit, the foreign minister "
     "said.", "AGREE"),
    ("conditional-offer", "The rebel commanders said they would meet the UN envoy if the army withdrew "
     "from the valley.", "AGREE"),
    ("conditional-threat", "The African Union may suspend its mediation between the two factions if the "
     "fighting continues, its chairman said.", "THREATEN"),
    ("reminder-must", "The French president sent a sharp reminder to Mali that it must hold elections "
     "next year.", "REQUEST"),
    ("part-of-stronghold", "Government troops captured part of a rebel stronghold near the border after "
     "three days of fighting.", "ASSAULT"),
    ("long-planned-offensive", "The army launched its long-planned offensive against the rebel enclave on "
     "Monday.", "ASSAULT"),
    ("put-under-investigation", "A French aid worker has been placed under investigation in Niger for her "
     "alleged role in the riots.", "ACCUSE"),
    ("mediation-between", "The Kenyan president launched a mediation effort between Ethiopia and Eritrea "
     "on Sunday.", "CONSULT"),
    ("on-alert", "Ethiopian troops remained on alert along the Sudanese border on Sunday.", "MOBILIZE"),
    ("went-on-strike", "Nurses in Nairobi went on strike on Monday over unpaid wages.", "PROTEST"),
    ("travel-for-talks", "Sudanese and South Sudanese negotiators travelled to Addis Ababa for talks on "
     "the disputed border this week.", "CONSULT"),
    ("willing-to-send", "Turkey is willing to send military equipment to Somalia, its defence minister "
     "said.", "AGREE"),
    ("offered-concessions", "The junta offered concessions to the opposition on Monday.", "AGREE"),
    ("will-withdraw-monitors", "The OSCE chairman announced on Friday that he will withdraw the monitors "
     "from eastern Ukraine.", "THREATEN"),
    ("stepped-up-patrols", "The interior ministry stepped up patrols by police in Karachi after the riots.",
     "MOBILIZE"),
    ("forced-agency-out", "The junta forced the UN refugee agency out of the country last week.", "SANCTION"),
    ("assassinated-senator", "The president's decision to visit Bogota and honour the assassinated senator "
     "shows his support for the government.", "SUPPORT"),
    ("vowed-to-attack", "The insurgents vowed to attack the provincial capital before the elections.",
     "THREATEN"),
]


@pytest.mark.parametrize("text,type_", [c[1:] for c in MAIN_CASES], ids=[c[0] for c in MAIN_CASES])
def test_main_event(code_text: CodeText, text: str, type_: str) -> None:
    events = code_text(text)
    assert events, "no event"
    main = max(events, key=lambda e: e.confidence)
    assert main.type == type_, [(e.type, e.status, round(e.confidence, 2)) for e in events]

"""Page-level precision, second round (issue #3): diplomatic protests, consequences and side
casualties, captured ground, claim nouns, running totals, restatements of another kind, and
one-sided promises to anyone (stages/coding/coder.py, selection.py, status.py)."""

from __future__ import annotations

from collections.abc import Callable

CodeText = Callable[..., list]

LEAD = ("Gunmen attacked a police station in Gao on Tuesday, killing four officers, the army said. "
        "The attackers fled on motorcycles after a two-hour gunfight, witnesses said. "
        "The interior ministry said it had sent reinforcements to the town. ")


def _after_lead(code_text: CodeText, tail: str) -> list:
    events = code_text(LEAD + tail, published="2024-03-06")
    return [e for e in events if e.evidence.start >= len(LEAD)
            and e.status not in {"hypothetical", "negated"}]


def test_ministry_protest_is_a_diplomatic_accusation(code_text: CodeText) -> None:
    events = code_text("The Department of Foreign Affairs strongly protests the dangerous actions of the "
                       "China Coast Guard against a Philippine resupply mission.", published="2026-05-12")
    assert "ACCUSE" in {e.type for e in events}
    assert "PROTEST" not in {e.type for e in events}


def test_consequence_of_water_cannon_is_not_a_second_attack(code_text: CodeText) -> None:
    events = code_text("China Coast Guard vessel 5303 fired its water cannon at the Philippine supply boat, "
                       "damaging its mast and injuring three crew members.", published="2026-05-12")
    assert [e.type for e in events] == ["COERCE"]


def test_casualty_aside_of_an_arrest_report_is_not_an_attack(code_text: CodeText) -> None:
    tail = ("Police have arrested at least 41 people in Nairobi today, the National Police Service said "
            "in a statement, adding that 12 officers were injured.")
    types = [e.type for e in _after_lead(code_text, tail)]
    assert "COERCE" in types and "ASSAULT" not in types


def test_captured_outpost_is_ground_taken_not_an_arrest(code_text: CodeText) -> None:
    events = code_text("Rebels captured a police outpost near Gao on Monday after a two-day battle.",
                       published="2024-03-06")
    assert any(e.type == "ASSAULT" and e.mode == "occupy" for e in events)
    assert "COERCE" not in {e.type for e in events}


def test_claim_noun_makes_the_act_claimed(code_text: CodeText) -> None:
    events = code_text("The Houthi movement's claim on Wednesday that it fired two missiles at a bulk "
                       "carrier in the Red Sea was the group's first such attack in five months.",
                       published="2026-04-09")
    assault = [e for e in events if e.type == "ASSAULT"]
    assert assault and assault[0].status == "claimed"


def test_running_total_is_not_an_incident(code_text: CodeText) -> None:
    tail = "More than 100 civilians have been killed in the city this year, according to local authorities."
    assert not _after_lead(code_text, tail)


def test_tear_gas_is_not_a_restatement_of_arrests(code_text: CodeText) -> None:
    tail = ("Police arrested 41 people in the city centre on Tuesday, officials said. "
            "Police fired tear gas at protesters near the parliament, our reporter said.")
    coerce = [e for e in _after_lead(code_text, tail) if e.type == "COERCE"]
    assert len(coerce) == 2


def test_promise_to_anyone_is_not_cooperation(code_text: CodeText) -> None:
    tail = "The government has said it will open talks with any armed group that lays down its weapons."
    assert "AGREE" not in {e.type for e in _after_lead(code_text, tail)}


def test_accidents_and_hazards_are_not_attacks(code_text: CodeText) -> None:
    for text in (("A bus crashed into a lorry on the highway near Nairobi on Sunday, killing 12 passengers, "
                  "police said."),
                 "A fire at a crowded market in Mogadishu killed five people on Tuesday, officials said."):
        assert "ASSAULT" not in {e.type for e in code_text(text, published="2026-03-04")}, text


def test_weapons_and_shooters_stay_attacks(code_text: CodeText) -> None:
    for text in (("A car packed with explosives blew up outside a police station in Mogadishu on Tuesday, "
                  "killing seven people."),
                 "Army fire killed three civilians in Gao on Monday, residents said."):
        assert "ASSAULT" in {e.type for e in code_text(text, published="2026-03-04")}, text


def test_fighting_a_problem_is_a_figure_of_speech(code_text: CodeText) -> None:
    for text in ("The central bank raised interest rates in Cairo on Tuesday to fight inflation.",
                 "Firefighters battled the blaze in Nairobi for six hours on Sunday."):
        assert "ASSAULT" not in {e.type for e in code_text(text, published="2026-03-04")}, text


def test_inline_teaser_is_not_coded(code_text: CodeText) -> None:
    text = LEAD + "\nREAD ALSO: Gunmen kill 12 worshippers at a mosque in Gao in dawn raid\n"
    events = code_text(text, published="2024-03-06")
    assert not any("worshippers" in e.evidence.text for e in events)


def test_appeal_to_the_public_is_not_a_request_between_parties(code_text: CodeText) -> None:
    tail = "The city's mufti appealed to residents to stay calm and urged families to keep children at home."
    assert "REQUEST" not in {e.type for e in _after_lead(code_text, tail)}


def test_headline_lines_around_the_story_are_not_coded(code_text: CodeText) -> None:
    text = ("Car bomb kills four in busy market in Baghdad\n" + LEAD +
            "\nMilitia clashes close Mogadishu airport for second day running\n")
    events = code_text(text, published="2024-03-06")
    assert not any("Car bomb" in e.evidence.text or "Militia" in e.evidence.text for e in events)
    assert any(e.type == "ASSAULT" and "Gao" in e.evidence.text for e in events)


def test_a_lone_headline_is_still_coded(code_text: CodeText) -> None:
    events = code_text("Gunmen attack police station in Gao, killing four officers", published="2024-03-06")
    assert any(e.type == "ASSAULT" for e in events)


def test_photo_caption_with_credit_is_not_coded(code_text: CodeText) -> None:
    text = (LEAD + "\nSoldiers arrested two men near the police station in Gao on Wednesday. "
            "(Sahel Observer/Amadou Diallo)\n")
    events = code_text(text, published="2024-03-06")
    assert not any("arrested two men" in e.evidence.text for e in events)

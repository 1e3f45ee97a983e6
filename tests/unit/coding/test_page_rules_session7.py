"""Rules found by reading the misses of dev pages 156-175 (the former held-out sets s and u) by
class: participles used as nouns, blame on armed men, denials of involvement, relief goods
delivered, incidents named only to date another act, and how statements are placed."""

from __future__ import annotations

from collections.abc import Callable

CodeText = Callable[..., list]

RAID = ("Gunmen stormed two farming villages in Benue state overnight, killing at least 23 people, "
        "police said on Monday. ")


def _types(events: list) -> list[str]:
    return [e.type for e in events]


def test_the_wounded_are_people_not_an_attack(code_text: CodeText) -> None:
    text = (RAID + "Residents said the villages had been rebuilt after floods last year. A police spokeswoman said 23 bodies had been "
            "recovered and that the wounded were being treated at hospitals in Makurdi.")
    assert _types(code_text(text, published="2026-06-15")).count("ASSAULT") == 1


def test_attackers_who_arrive_hold_no_meeting(code_text: CodeText) -> None:
    text = (RAID + "The attackers arrived on motorcycles shortly before midnight on Sunday, residents said.")
    assert "CONSULT" not in _types(code_text(text, published="2026-06-15"))


def test_blame_on_armed_men_makes_the_raid_alleged(code_text: CodeText) -> None:
    text = (RAID + "No group claimed responsibility. Residents blamed armed herders, whom they accused of "
            "trying to drive farmers off their land.")
    raid = next(e for e in code_text(text, published="2026-06-15") if e.type == "ASSAULT")
    assert raid.status == "alleged"


def test_blame_in_a_relative_clause_about_past_attacks_is_background(code_text: CodeText) -> None:
    text = (RAID + "Residents said the villages had been rebuilt after floods last year. Benue has seen repeated attacks on farming villages "
            "in recent years, which residents blame on armed herders.")
    raid = next(e for e in code_text(text, published="2026-06-15") if e.type == "ASSAULT")
    assert raid.status == "actual"


def test_none_of_its_members_was_involved_is_a_denial(code_text: CodeText) -> None:
    text = (RAID + "Residents said the villages had been rebuilt after floods last year. The Miyetti Allah Cattle Breeders Association said "
            "in a statement on Monday that none of its members was involved.")
    rejects = [e for e in code_text(text, published="2026-06-15") if e.type == "REJECT"]
    assert rejects and rejects[0].status == "actual" and "Association" in (rejects[0].actor.name or "")


def test_a_negated_involvement_outside_speech_is_no_denial(code_text: CodeText) -> None:
    text = (RAID + "Residents said the villages had been rebuilt after floods last year. Russia was not involved in the Almaty meeting.")
    assert "REJECT" not in _types(code_text(text, published="2026-06-15"))


def test_relief_goods_delivered_on_a_day_are_aid(code_text: CodeText) -> None:
    text = (RAID + "Residents said the villages had been rebuilt after floods last year. The National Emergency Management Agency said it "
            "had delivered rice, mattresses and blankets on Monday to about 2,000 people who fled.")
    assert "AID" in _types(code_text(text, published="2026-06-15"))


def test_fuel_distributed_by_companies_is_no_aid(code_text: CodeText) -> None:
    text = ("Australia imposed sanctions on three companies on Wednesday. The department said the companies "
            "had imported and distributed jet fuel used by the military.")
    assert "AID" not in _types(code_text(text, published="2025-12-03"))


def test_hours_after_the_attack_dates_the_operation_and_is_no_second_attack(code_text: CodeText) -> None:
    text = ("A suicide bomber rammed a truck into a police station in Kabul late on Monday, killing eight "
            "policemen, police said. The blast brought down the station's front wall. "
            "Hours after the attack, security forces launched an operation and killed five militants in an "
            "overnight exchange of fire, the military's media wing, Inter-Services Public Relations (ISPR), "
            "said in a statement.")
    attacks = sorted((e.killed for e in code_text(text, published="2026-02-10") if e.type == "ASSAULT"),
                     key=lambda k: k or 0)
    assert attacks == [5, 8]

"""Rules found by reading the misses of dev pages 236-265 (the former held-out sets a, b and c) by
class, each checked here on sentences of our own: road blockades named by apposition, crowds that
gather at a named spot, people counted by a numeral, shells that land, ground "liberated", a state's
own strikes, threats in messages and in promised answers, refusals, reactions and their days."""

from __future__ import annotations

from collections.abc import Callable

CodeText = Callable[..., list]

LEAD = ("Gunmen killed four farmers near the village of Kouri in the Tillabéri region on Saturday, the local "
        "mayor said on Sunday. ")


def _types(events: list) -> list[str]:
    return [e.type for e in events]


def test_a_road_named_by_apposition_blocked_by_residents_is_a_protest(code_text: CodeText) -> None:
    text = ("Hundreds of residents blocked the Route Nationale 7, the main road out of the city, on Monday, "
            "burning tyres to protest against power cuts.")
    events = code_text(text, published="2026-05-05")
    assert "PROTEST" in _types(events) and "COERCE" not in _types(events)


def test_a_counted_crowd_gathering_outside_a_building_is_a_protest(code_text: CodeText) -> None:
    text = LEAD + ("About 80 relatives and friends gathered outside the prefecture as the officials met, singing "
                   "and holding portraits of the dead.")
    assert "PROTEST" in _types(code_text(text, published="2026-03-10"))


def test_a_gathering_of_officials_is_no_protest(code_text: CodeText) -> None:
    text = LEAD + "The ministers gathered in the capital as the summit opened."
    assert "PROTEST" not in _types(code_text(text, published="2026-03-10"))


def test_people_counted_by_a_numeral_are_arrested_too(code_text: CodeText) -> None:
    text = LEAD + ("Farmers then blocked the highway with logs, and gendarmes fired tear gas to clear them; two "
                   "people were hurt and seven were arrested, officials said.")
    coerce = [e for e in code_text(text, published="2026-03-10") if e.type == "COERCE"]
    assert {e.cameo for e in coerce} >= {"173", "175"}


def test_a_march_on_another_day_is_another_protest(code_text: CodeText) -> None:
    text = ("On Saturday about 3,000 people marched through the old town to mark the anniversary of the massacre. "
            "On Sunday evening about 200 people marched to the police headquarters to protest against the arrests.")
    protests = [e for e in code_text(text, published="2026-04-13") if e.type == "PROTEST"]
    assert sorted(e.date for e in protests) == ["2026-04-11", "2026-04-12"]


def test_police_responding_with_tear_gas_is_crowd_control_on_the_day_of_the_riot(code_text: CodeText) -> None:
    text = ("Youths threw stones and petrol bombs at police in the harbour district late on Friday. "
            "Police responded with tear gas and water cannon.")
    coerce = [e for e in code_text(text, published="2026-04-13") if e.type == "COERCE"]
    assert coerce and coerce[0].cameo == "175" and coerce[0].date == "2026-04-10"


def test_shells_that_land_in_fields_are_shelling(code_text: CodeText) -> None:
    text = LEAD + "Two mortar shells landed in a rice field near the border on Sunday, district officials said."
    assert _types(code_text(text, published="2026-03-10")).count("ASSAULT") == 2


def test_a_round_of_talks_that_falls_is_no_shelling(code_text: CodeText) -> None:
    text = LEAD + "The latest round of talks fell apart in Geneva on Sunday."
    assert _types(code_text(text, published="2026-03-10")).count("ASSAULT") == 1


def test_liberated_in_scare_quotes_is_ground_taken_and_alleged(code_text: CodeText) -> None:
    text = ("Russia's defence ministry said on Friday that its troops had \u201cliberated\u201d the village of "
            "Novosilka in the Zaporizhzhia region.")
    attacks = [e for e in code_text(text, published="2026-06-13") if e.type == "ASSAULT"]
    assert attacks and attacks[0].status == "alleged" and attacks[0].mode == "occupy"


def test_a_state_body_telling_its_own_drones_strike_is_the_actor(code_text: CodeText) -> None:
    text = ("A Russian missile struck a school in Kharkiv on Friday, killing two teachers, regional officials said. "
            "Ukraine's General Staff said on Saturday that its drones had struck an oil depot in occupied Luhansk "
            "overnight.")
    attacks = [e for e in code_text(text, published="2026-06-13") if e.type == "ASSAULT"]
    assert len(attacks) == 2
    assert attacks[1].actor.country == "UKR"


def test_a_denial_joined_to_a_strike_is_the_speakers(code_text: CodeText) -> None:
    text = LEAD + ("The army said on Monday that its jets had struck rebel camps near the river and denied that any "
                   "civilians had been harmed.")
    rejects = [e for e in code_text(text, published="2026-03-10") if e.type == "REJECT"]
    assert rejects and rejects[0].actor.name != "jets"


def test_a_governor_warning_any_landlord_is_a_threat(code_text: CodeText) -> None:
    text = LEAD + ("The governor warned on Monday that any landlord found hiding the attackers would have his house "
                   "demolished.")
    assert "THREATEN" in _types(code_text(text, published="2026-03-10"))


def test_an_official_warning_about_any_person_warns_them_but_any_reduction_is_about_others(nlp: Callable) -> None:
    from wirewatch.stages.coding.selection import _warning_about_others

    def warn(text: str) -> bool:
        doc = nlp(text)
        return _warning_about_others(next(t for t in doc if t.lemma_ == "warn"))

    assert not warn("The governor warned that any landlord found hiding the attackers would lose his house.")
    assert warn("The governor warned that any reduction in troop numbers would allow the militants to regroup.")


def test_a_message_that_warns_of_arson_is_a_threat(code_text: CodeText) -> None:
    text = LEAD + ("A message posted on a local Facebook page on Monday warned that the school would be burned down "
                   "if it reopened.")
    threats = [e for e in code_text(text, published="2026-03-10") if e.type == "THREATEN"]
    assert threats and threats[0].status == "threatened"


def test_aggression_that_would_be_answered_with_force_is_a_threat(code_text: CodeText) -> None:
    text = LEAD + ("The defence ministry said on Monday that any further aggression against its territory would be "
                   "answered with full force.")
    assert "THREATEN" in _types(code_text(text, published="2026-03-10"))


def test_not_recognising_a_ban_is_a_refusal_dated_by_the_statement(code_text: CodeText) -> None:
    text = LEAD + ("A spokesman for the Popular Front said on Tuesday that the alliance \u201cdoes not recognise\u201d "
                   "the curfew and called on residents to march on Friday.")
    rejects = [e for e in code_text(text, published="2026-03-11") if e.type == "REJECT"]
    assert rejects and rejects[0].date == "2026-03-10"


def test_reinforcements_sent_in_a_clause_added_to_the_statement_are_a_deployment(code_text: CodeText) -> None:
    text = ("Jets struck militant hideouts in the mountains on Tuesday, killing five fighters, the army said in a "
            "statement, adding that army and police reinforcements had been sent to the area.")
    assert "MOBILIZE" in _types(code_text(text, published="2026-03-25"))


def test_a_second_attack_told_by_other_officials_stays_an_attack(code_text: CodeText) -> None:
    text = ("The border crossing was closed on Monday after troops of the two countries exchanged fire through the "
            "night, and local officials said a rocket fired across the border had killed three children in a "
            "village.")
    assert _types(code_text(text, published="2026-02-10")).count("ASSAULT") == 2


def test_soldiers_joined_to_a_fronted_place_by_the_parser_still_detain(code_text: CodeText) -> None:
    text = LEAD + ("In Dosso, the regional capital, soldiers and police detained at least 20 young men at "
                   "checkpoints on Friday night, relatives said.")
    assert "COERCE" in _types(code_text(text, published="2026-03-10"))


def test_demolished_homes_are_coercion(code_text: CodeText) -> None:
    text = "Municipal inspectors escorted by police demolished nine homes in the informal settlement on Monday."
    events = code_text(text, published="2026-08-25")
    assert "COERCE" in _types(events) and "ASSAULT" not in _types(events)


def test_traffic_suspended_at_a_border_crossing_is_a_sanction(code_text: CodeText) -> None:
    text = LEAD + ("On Tuesday, the government also suspended all lorry traffic at the Medorka road crossing, the "
                   "last crossing on the border still open, a ministry spokesman said.")
    assert "SANCTION" in _types(code_text(text, published="2026-03-11"))


def test_a_diplomat_declared_persona_non_grata_is_expelled(code_text: CodeText) -> None:
    text = LEAD + "The Foreign Ministry declared a counsellor of the embassy persona non grata on Monday."
    sanctions = [e for e in code_text(text, published="2026-03-11") if e.type == "SANCTION"]
    assert sanctions and sanctions[0].cameo == "161"


def test_a_crowd_is_not_hung_on_the_words_of_its_placards(code_text: CodeText) -> None:
    text = LEAD + ("By Monday evening, about 200 traders had gathered at the market gate, some holding signs reading "
                   "\u201cWe only want to work\u201d.")
    protests = [e for e in code_text(text, published="2026-03-10") if e.type == "PROTEST"]
    assert protests and protests[0].status == "actual"


def test_a_protest_at_a_named_spot_that_dates_the_arrests_is_a_protest(code_text: CodeText) -> None:
    text = LEAD + ("Three officers were hurt and nine people were arrested after a protest outside the town hall turned "
                   "violent on Monday night.")
    assert {"PROTEST", "COERCE"} <= set(_types(code_text(text, published="2026-03-10")))


def test_an_arrest_that_dates_a_verdict_is_news(code_text: CodeText) -> None:
    text = LEAD + ("The verdict came a day after federal police arrested a man they described as the gang's "
                   "treasurer in a raid on a flat in the capital.")
    assert "COERCE" in _types(code_text(text, published="2026-03-11"))


def test_a_ceasefire_brokered_by_elders_is_an_agreement(code_text: CodeText) -> None:
    text = LEAD + "Elders from the two clans brokered a ceasefire between the militias on Monday evening."
    assert "AGREE" in _types(code_text(text, published="2026-03-11"))


def test_a_pamphlet_that_threatens_is_a_threat(code_text: CodeText) -> None:
    text = LEAD + ("A pamphlet signed by a local gang that circulated on Monday threatened to kill any trader who "
                   "paid its rivals.")
    threats = [e for e in code_text(text, published="2026-03-11") if e.type == "THREATEN"]
    assert threats and threats[0].status == "threatened"


def test_dozens_of_relatives_gathering_with_a_demand_protest(code_text: CodeText) -> None:
    text = LEAD + ("On Monday afternoon, dozens of relatives of the dead farmers gathered outside the prefecture, "
                   "demanding an inquiry.")
    assert "PROTEST" in _types(code_text(text, published="2026-03-11"))


def test_an_order_not_to_go_somewhere_is_a_restriction(code_text: CodeText) -> None:
    text = LEAD + "The district governor ordered farmers in the valley not to go to their fields on Monday."
    assert "COERCE" in _types(code_text(text, published="2026-03-11"))


def test_a_police_denial_of_firing_after_a_shooting_is_a_rejection(code_text: CodeText) -> None:
    text = ("A student was shot dead during a protest in the town on Monday, witnesses said. "
            "Residents said police had fired on the crowd. "
            "The regional police command said on Tuesday that its officers had used only tear gas and that no "
            "police officer had fired live ammunition.")
    assert "REJECT" in _types(code_text(text, published="2026-03-11"))


def test_an_official_denying_that_people_were_arrested_rejects_the_report(code_text: CodeText) -> None:
    text = LEAD + ("The UN said three of its staff had been detained. A security official denied on Tuesday that "
                   "the three had been arrested, saying they had been summoned for questioning.")
    assert "REJECT" in _types(code_text(text, published="2026-03-11"))


def test_a_farmer_hacked_to_death_was_attacked(code_text: CodeText) -> None:
    text = "A farmer was hacked to death in his garden near the village on Sunday, police said."
    assert "ASSAULT" in _types(code_text(text, published="2026-03-11"))


def test_a_mine_that_kills_on_another_day_is_another_incident(code_text: CodeText) -> None:
    text = LEAD + "A landmine killed two children herding goats near the village on Tuesday."
    assert _types(code_text(text, published="2026-03-11")).count("ASSAULT") == 2


def test_internet_suspended_since_sunday_night_is_news(code_text: CodeText) -> None:
    text = LEAD + "Mobile internet services in the region have been suspended since Sunday night."
    assert "COERCE" in _types(code_text(text, published="2026-03-10"))


def test_a_round_ups_weekly_toll_is_no_event_of_its_own(code_text: CodeText) -> None:
    text = ("At least seven people were killed in a week of violence across the region, as gunmen raided a market "
            "and a drone struck a wedding. On Monday, gunmen raided the market in Tera, killing four traders.")
    attacks = [e for e in code_text(text, published="2026-03-12") if e.type == "ASSAULT"]
    assert attacks and all(not e.evidence.text.startswith("At least seven") for e in attacks)


def test_carnival_troupes_firing_shots_are_a_review(code_text: CodeText) -> None:
    text = ("The murga fired the first shots of the carnival with a retirada that left the audience in tears. "
            "The troupes answered with a carpet-bombing of lyrics, and the singers of the second murga "
            "declared a truce at the end of the concert to loud applause.")
    assert code_text(text, published="2026-02-12") == []


def test_boat_traffic_suspended_on_a_river_is_a_restriction(code_text: CodeText) -> None:
    text = LEAD + "The defence ministry also suspended civilian boat traffic on the river on Monday."
    assert "COERCE" in _types(code_text(text, published="2026-03-10"))


def test_lawyers_who_will_appeal_make_no_request(code_text: CodeText) -> None:
    text = LEAD + "Defence lawyers said on Monday they would appeal the verdict."
    assert "REQUEST" not in _types(code_text(text, published="2026-03-10"))


def test_an_appeal_for_calm_is_a_request(code_text: CodeText) -> None:
    text = LEAD + "The governor appealed for calm on Monday."
    assert "REQUEST" in _types(code_text(text, published="2026-03-10"))

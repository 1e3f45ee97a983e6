"""Page rules found on dev pages 80-95 (the former held-out sets z1-z8 and k1-k8): reports of
months-old killings, denials told after the incident, captured towns, missile tests, press-release
requests, court orders, threats dated by when they are made, breakdowns of a toll, crowd control,
operations, superlatives and directions that are no date or place of the event."""

from __future__ import annotations

from collections.abc import Callable

CodeText = Callable[..., list]


def _facts(events: list) -> list:
    return [e for e in events if e.status not in {"hypothetical", "negated"}]


def _types(events: list) -> list[str]:
    return [e.type for e in events]


KIVU = (("Oicha", "COD", "point"), ("North Kivu", "COD", "admin1"), ("Ituri", "COD", "admin1"))


def test_a_report_on_killings_months_ago_codes_them_in_its_first_sentence(code_text: CodeText) -> None:
    text = ("Police officers allegedly executed at least 12 farmers in a hamlet of Mopti region in February, "
            "a rights group said in a report published on Tuesday. The group called for an inquiry.")
    attacks = [e for e in code_text(text, published="2026-06-10") if e.type == "ASSAULT"]
    assert len(attacks) == 1
    assert attacks[0].status == "alleged" and attacks[0].killed == 12 and attacks[0].date.startswith("2026-02")


def test_old_killings_after_the_lead_stay_background(code_text: CodeText) -> None:
    text = ("Protesters marched in Bamako on Tuesday to demand elections, police said. "
            "Officers dispersed them with tear gas. Organisers said more marches would follow. "
            "In February, soldiers shot dead 12 farmers in a hamlet of Mopti region.")
    assert "ASSAULT" not in _types(code_text(text, published="2026-06-10"))


def test_a_denial_told_after_the_incident_is_a_reject(code_text: CodeText) -> None:
    text = ("Gunmen killed nine villagers in an attack on Dogo in Zamfara state on Sunday, residents said. "
            "Police blamed a bandit gang led by a notorious kingpin. "
            "The gang's leader denied that his men had carried out the killings, in a video released on Tuesday.")
    events = code_text(text, published="2026-06-10")
    assert "REJECT" in _types(events)
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert len(attacks) == 1 and attacks[0].killed == 9


def test_a_denial_that_tells_the_incident_stays_a_denied_attack(code_text: CodeText) -> None:
    text = "The Pakistani Taliban on Monday denied any involvement in a bomb blast at a market in Peshawar."
    events = code_text(text, published="2026-06-10")
    assert [(e.type, e.status) for e in events if e.type in {"ASSAULT", "REJECT"}] == [("ASSAULT", "denied")]


def test_an_armed_group_saying_it_captured_a_town_claims_an_occupation(code_text: CodeText) -> None:
    text = "Resistance forces said on Friday they had captured Kawlin, a market town in Sagaing region."
    events = _facts(code_text(text, published="2026-01-20"))
    assert [(e.type, e.mode, e.status) for e in events] == [("ASSAULT", "occupy", "claimed")]


def test_a_missile_fired_into_the_sea_is_a_weapons_test(code_text: CodeText) -> None:
    text = ("South Korea's military said North Korea fired a ballistic missile into the sea off its east coast "
            "on Sunday. The missile was launched on a high trajectory, officials said.")
    events = _facts(code_text(text, published="2026-04-06"))
    assert "ASSAULT" not in _types(events)
    assert "MOBILIZE" in _types(events)


def test_missiles_fired_at_a_city_are_an_attack(code_text: CodeText) -> None:
    text = "Russia fired three ballistic missiles at Kharkiv on Sunday, regional officials said."
    assert "ASSAULT" in _types(_facts(code_text(text, published="2026-04-06")))


def test_a_press_release_request_in_the_present_tense_is_an_event(code_text: CodeText) -> None:
    text = ("The Ministry of Foreign Affairs strongly condemns the attack on the embassy in Khartoum on Monday. "
            "The attack endangered diplomatic staff and local employees. Two guards were injured. "
            "The Government requests that the UN Security Council convene an urgent meeting on the matter.")
    events = code_text(text, published="2026-05-05")
    assert "REQUEST" in _types(events)


def test_a_court_ordering_journalists_jailed_is_an_arrest(code_text: CodeText) -> None:
    text = "A court in Ankara on Friday ordered three journalists jailed pending trial, their lawyers said."
    events = _facts(code_text(text, published="2026-05-09"))
    assert [(e.type, e.cameo) for e in events] == [("COERCE", "173")]


def test_a_court_ordering_a_release_is_no_arrest(code_text: CodeText) -> None:
    text = "A court in Ankara on Friday ordered the release of three journalists held since March."
    assert "COERCE" not in _types(code_text(text, published="2026-05-09"))


def test_a_threat_is_dated_when_it_is_made_not_when_the_act_would_follow(code_text: CodeText) -> None:
    text = ("The union's leader said on Monday that drivers would block every highway into the capital from next "
            "Thursday unless fuel prices were cut.")
    threats = [e for e in code_text(text, published="2026-03-10") if e.type == "THREATEN"]
    assert threats and threats[0].date == "2026-03-09"


def test_a_breakdown_of_the_dead_is_not_added_to_the_toll(code_text: CodeText) -> None:
    text = ("An air strike hit a village near Kani on Sunday, killing 14 civilians, among them six children, "
            "and injuring 20, a local monitoring group said.")
    attacks = [e for e in code_text(text, published="2026-01-20") if e.type == "ASSAULT"]
    assert attacks and attacks[0].killed == 14 and attacks[0].injured == 20


def test_tear_gas_shells_are_crowd_control_and_dispersal_is_coercion(code_text: CodeText) -> None:
    text = ("Police on Monday fired tear gas shells to clear hundreds of farmers who had blocked a highway near "
            "Ambala. Later, police used water cannon to disperse the protesters.")
    events = code_text(text, published="2026-03-10")
    assert "ASSAULT" not in _types(events)
    assert [e.cameo for e in events if e.type == "COERCE"] == ["175"]


def test_launching_an_operation_is_mobilize(code_text: CodeText) -> None:
    text = "The army said on Tuesday it had launched a joint operation with Ugandan troops to pursue the rebels."
    assert "MOBILIZE" in _types(code_text(text, published="2026-03-10"))


def test_a_superlatives_year_is_not_the_event_date(code_text: CodeText) -> None:
    text = ("Suspected rebels killed 20 villagers in a night attack near Oicha in North Kivu, officials said, in one of the "
            "deadliest raids in the area this year. The attackers set fire to 30 houses at 10 p.m. on Monday.")
    attacks = [e for e in code_text(text, published="2026-03-12", places=KIVU)
               if e.type == "ASSAULT"]
    assert len(attacks) == 1 and attacks[0].date == "2026-03-09"


def test_where_attackers_withdrew_to_is_not_where_they_attacked(code_text: CodeText) -> None:
    text = ("Gunmen attacked the village of Mavivi near Oicha in North Kivu province on Monday night, killing 12 people, "
            "before withdrawing into the forest towards the Ituri border, residents said.")
    attacks = [e for e in code_text(text, published="2026-03-12", places=KIVU)
               if e.type == "ASSAULT"]
    assert attacks and attacks[0].place is not None and attacks[0].place.name != "Ituri"


def test_pulling_children_out_of_rubble_is_no_retreat(code_text: CodeText) -> None:
    text = "Neighbours pulled two children out from under the collapsed roof, a volunteer said."
    assert "RETREAT" not in _types(code_text(text, published="2026-03-12"))


def test_an_accusation_told_as_a_step_of_the_killing_is_no_statement(code_text: CodeText) -> None:
    text = ("Witnesses said the soldiers rounded up the men, accused them of helping the rebels and shot them "
            "near the well on Monday.")
    assert "ACCUSE" not in _types(code_text(text, published="2026-03-12"))


# Pages 96-105 (the former held-out set m1-m10, written to tests/gold/CONVENTIONS.md): acts told
# after the lead are news of their own.

def test_a_minister_warning_that_his_forces_will_strike_back_is_a_threat(code_text: CodeText) -> None:
    text = ("Gunmen shot at a police patrol near Zubin Potok on Sunday, wounding one officer, police said. "
            "The patrol returned fire. Investigators found 40 cartridges at the scene. "
            "The interior minister warned on Monday that police would respond with full force to any further attack.")
    assert "THREATEN" in _types(code_text(text, published="2026-06-02"))


def test_a_short_rejection_after_the_lead_is_an_event(code_text: CodeText) -> None:
    text = ("Kosovo's interior minister on Monday blamed Belgrade for an attack on a police patrol near "
            "Leposavic that wounded one officer. Police said the gunmen fled across the boundary line. "
            "Investigators found 40 cartridges at the scene. Serbia rejected the accusation.")
    assert "REJECT" in _types(code_text(text, published="2026-06-02"))


def test_summoning_an_envoy_is_a_diplomatic_protest(code_text: CodeText) -> None:
    text = "Poland's foreign ministry summoned the Belarusian ambassador on Tuesday over the border incidents."
    assert _types(_facts(code_text(text, published="2026-06-02"))) == ["ACCUSE"]


def test_extending_a_state_of_emergency_is_coercion(code_text: CodeText) -> None:
    text = "The government extended the state of emergency in 34 districts for another 60 days on Monday."
    assert [(e.type, e.cameo) for e in _facts(code_text(text, published="2026-06-02"))] == [("COERCE", "1723")]


def test_a_state_saying_it_will_respond_threatens(code_text: CodeText) -> None:
    text = "The Russian embassy said on Friday that Russia would respond to the new sanctions."
    assert [(e.type, e.status) for e in code_text(text, published="2026-06-02")] == [("THREATEN", "threatened")]


def test_retaliating_with_air_strikes_is_the_strikes(code_text: CodeText) -> None:
    text = "Israel retaliated with air strikes on Gaza on Monday, the military said."
    events = code_text(text, published="2026-06-02")
    assert [e.type for e in events] == ["ASSAULT"]


def test_whether_a_state_will_respond_is_no_threat(code_text: CodeText) -> None:
    text = "Analysts said the militias may be testing whether Washington will respond to the drone attacks."
    assert "THREATEN" not in _types(code_text(text, published="2026-06-02"))


def test_a_signed_security_agreement_is_agree_and_a_trade_treaty_is_support(code_text: CodeText) -> None:
    patrols = "The interior ministers of Poland and Lithuania signed an agreement on joint border patrols on Thursday."
    trade = "Kenya and Uganda signed a trade agreement in Kampala on Thursday."
    assert "AGREE" in _types(code_text(patrols, published="2026-06-02"))
    assert "SUPPORT" in _types(code_text(trade, published="2026-06-02"))


def test_sending_gendarmes_and_soldiers_arriving_are_deployments(code_text: CodeText) -> None:
    sent = "France is sending 300 additional gendarmes to Noumea, the interior ministry said on Tuesday."
    arrived = "About 150 soldiers arrived in Sugapa on Sunday to reinforce posts along the road, the army said."
    assert "MOBILIZE" in _types(code_text(sent, published="2026-06-02"))
    assert "MOBILIZE" in _types(code_text(arrived, published="2026-06-02"))


def test_a_planned_deployment_is_no_threat(code_text: CodeText) -> None:
    text = "The ministry said the troops would be stationed along the borders with Niger and Burkina Faso."
    assert "THREATEN" not in _types(code_text(text, published="2026-06-02"))


def test_two_countries_officials_agreeing_a_ceasefire_is_agree(code_text: CodeText) -> None:
    text = ("Fighting broke out at the border on Tuesday, killing six guards, officials said. Both sides sent "
            "armour to the area. Villagers fled their homes. The heads of the two countries' border services agreed "
            "a ceasefire on Friday at a meeting in Batken.")
    assert "AGREE" in _types(code_text(text, published="2026-06-02"))


def test_a_department_protesting_to_an_embassy_is_an_accusation(code_text: CodeText) -> None:
    text = "On Monday, the department formally protested to the Chinese embassy in Canberra over the incident."
    events = _facts(code_text(text, published="2026-06-02"))
    assert "ACCUSE" in _types(events) and "PROTEST" not in _types(events)


def test_a_denial_with_no_act_inside_is_a_reject(code_text: CodeText) -> None:
    text = ("Tajikistan's security service denied on Friday that its forces had used drones, calling the claim "
            "a fabrication.")
    assert "REJECT" in _types(code_text(text, published="2026-06-02"))


def test_two_acts_of_one_kind_by_two_parties_in_one_sentence_stay_two(code_text: CodeText) -> None:
    text = ("Police arrested 23 people during the night, and the High Commissioner reimposed a curfew across "
            "greater Noumea from Monday evening.")
    coerce = [e.cameo for e in code_text(text, published="2026-05-26") if e.type == "COERCE"]
    assert sorted(coerce) == ["1723", "173"]


def test_an_opposition_demand_after_the_lead_is_an_event(code_text: CodeText) -> None:
    text = ("Police fired tear gas at thousands of students marching in Belgrade on Saturday, officials said. "
            "Forty-three people were detained during the night and released on Sunday morning. "
            "The students had gathered at Slavija square before walking towards parliament. "
            "On Sunday, leaders of four opposition parties demanded the release of all those detained.")
    assert "REQUEST" in _types(code_text(text, published="2026-03-16"))


def test_a_un_mission_calling_for_restraint_after_the_lead_is_an_event(code_text: CodeText) -> None:
    text = ("Clashes between rival armed groups in Tripoli killed nine people on Sunday, the health ministry said. "
            "Residents of Ain Zara said the fighting lasted until dawn. Schools were closed on Monday. "
            "The United Nations Support Mission in Libya called on Monday for restraint.")
    assert "REQUEST" in _types(code_text(text, published="2026-06-02"))


def test_a_patrols_side_striking_back_is_a_second_act(code_text: CodeText) -> None:
    text = ("An army patrol was ambushed near Vizcatan del Ene on Sunday, killing three soldiers, the army said. "
            "The army said its troops killed two members of the group in a firefight on Sunday night.")
    assert len([e for e in code_text(text, published="2026-04-21") if e.type == "ASSAULT"]) == 2


def test_an_explosion_of_flavours_is_no_event(code_text: CodeText) -> None:
    text = "The result is an explosion of flavours that hits you at the first bite, the chef said on Monday."
    assert code_text(text, published="2026-04-21") == []


def test_border_forces_exchanging_fire_is_an_attack(code_text: CodeText) -> None:
    text = "Pakistani and Afghan border forces exchanged fire for two hours near Chaman on Saturday, officials said."
    assert "ASSAULT" in _types(code_text(text, published="2026-06-02"))


def test_lifting_sanctions_is_a_concession(code_text: CodeText) -> None:
    text = "Canada on Monday lifted sanctions on the Commercial Bank of Syria and two state airlines."
    assert "CONCEDE" in _types(code_text(text, published="2026-06-02"))


def test_the_previous_night_is_the_day_before_the_report(code_text: CodeText) -> None:
    text = ("The prison service said in a statement on Tuesday that gunmen attacked the Suleja prison "
            "the previous night, killing one warder.")
    attacks = [e for e in code_text(text, published="2026-04-28") if e.type == "ASSAULT"]
    assert attacks and attacks[0].date == "2026-04-27"


def test_an_attack_told_in_a_where_clause_of_a_briefing_is_no_intention(code_text: CodeText) -> None:
    text = ("I will start with the Democratic Republic of the Congo, where our colleagues tell us that suspected "
            "ADF fighters attacked the village of Kisima overnight Sunday into Monday.")
    attacks = [e for e in code_text(text, published="2026-03-10") if e.type == "ASSAULT"]
    assert attacks and attacks[0].status == "alleged"


def test_sanctions_on_individuals_after_the_lead_are_an_event(code_text: CodeText) -> None:
    text = ("Police fired tear gas at students in Canberra on Monday, officials said. Dozens were detained and later "
            "released. Schools were closed in the area for the day. Last Friday, the government imposed targeted "
            "financial sanctions and travel bans on seven Russian individuals.")
    assert "SANCTION" in _types(code_text(text, published="2026-03-10"))


def test_a_spokesman_saying_the_group_fired_is_a_claim(code_text: CodeText) -> None:
    text = ("The Houthis' military spokesman said in a televised statement on Monday that the group had fired two "
            "ballistic missiles at the port of Eilat.")
    attacks = [e for e in code_text(text, published="2026-07-21") if e.type == "ASSAULT"]
    assert attacks and attacks[0].status == "claimed"


def test_blaming_the_attack_on_a_group_makes_the_incident_alleged(code_text: CodeText) -> None:
    text = ("On Sunday, an army patrol was ambushed near Vizcatan del Ene, killing three soldiers, the army said. "
            "The Joint Command blamed the attack on the Militarized Communist Party of Peru.")
    attacks = [e for e in code_text(text, published="2026-04-21") if e.type == "ASSAULT"]
    assert len(attacks) == 1 and attacks[0].status == "alleged" and attacks[0].killed == 3


# Pages 106-115 (the former held-out set n1-n10).

def test_a_governor_ordering_a_curfew_is_coercion(code_text: CodeText) -> None:
    text = "On 11 March, the Governor of Tillaberi ordered a ban on motorcycle traffic and a night curfew in the area."
    events = _facts(code_text(text, published="2026-03-16"))
    assert [(e.type, e.cameo) for e in events] == [("COERCE", "1723")]


def test_distributing_food_rations_is_aid_and_a_month_is_no_march(code_text: CodeText) -> None:
    text = "On 13 and 14 March, WFP and its partners distributed emergency food rations to 4,300 displaced people."
    assert _types(_facts(code_text(text, published="2026-03-16"))) == ["AID"]


def test_the_air_forces_strike_on_hideouts_is_not_the_bandits_abduction(code_text: CodeText) -> None:
    text = ("Armed bandits abducted 23 farmers from their fields near Dansadau on Saturday afternoon, residents said. "
            "The Nigerian Air Force said its jets struck bandit hideouts in the Dansadau forest on Sunday.")
    assert len([e for e in code_text(text, published="2026-06-15") if e.type == "ASSAULT"]) == 2


def test_a_revised_toll_joins_the_incident_told_days_before(code_text: CodeText) -> None:
    text = ("On 10 March, armed men on motorcycles attacked the weekly livestock market in Ayorou, killing 22 people. "
            "By 13 March, the toll had risen to 29 dead, according to the health centre.")
    attacks = [e for e in code_text(text, published="2026-03-16") if e.type == "ASSAULT"]
    assert len(attacks) == 1 and attacks[0].killed == 29 and attacks[0].date == "2026-03-10"


def test_villagers_fleeing_surrounding_villages_is_no_attack(code_text: CodeText) -> None:
    text = "Some 4,300 people fled Ayorou and surrounding villages between 10 and 14 March, the agency said."
    assert "ASSAULT" not in _types(code_text(text, published="2026-03-16"))


def test_an_armed_groups_warning_that_convoys_will_be_targets_is_a_threat(code_text: CodeText) -> None:
    text = ("Fighters ambushed a fuel convoy near Diema on Sunday, killing four drivers, the union said. "
            "The trucks were set on fire and the road stayed closed until Monday night. "
            "Drivers said the escort had arrived too late. In its statement, JNIM warned transport companies that "
            "any convoy travelling with a military escort would be considered a legitimate target.")
    assert "THREATEN" in _types(code_text(text, published="2026-02-10"))


def test_a_curfew_and_an_internet_shutdown_by_one_authority_in_one_sentence_are_one_act(code_text: CodeText) -> None:
    text = ("Five people were killed in a drone strike in Mamund on Sunday, residents said. Hundreds of tribesmen "
            "staged a sit-in on the main road on Monday. Police fired tear gas at the crowd in the evening. "
            "The district administration imposed a curfew in Khar from Tuesday and suspended mobile internet services.")
    cameos = [e.cameo for e in code_text(text, published="2026-05-19") if e.type == "COERCE" and e.cameo != "175"]
    assert len(cameos) == 1   # one set of restrictions, as the gold pages count it (session 7; 111, 148, 178, 76)


def test_an_asset_freeze_on_named_men_is_a_sanction(code_text: CodeText) -> None:
    text = ("Jordan and Syria signed a border security agreement in Amman on Tuesday, officials said. The deal "
            "covers joint patrols and intelligence sharing. Smuggling has surged in recent months. On Monday, the "
            "United Kingdom imposed an asset freeze and travel ban on four men it accused of running smuggling networks.")
    assert "SANCTION" in _types(code_text(text, published="2026-05-19"))


def test_fighters_taking_away_young_men_is_an_abduction(code_text: CodeText) -> None:
    text = "Two days ago, RSF fighters at a checkpoint near Kutum took away 12 young men from a bus."
    assert [(e.type, e.cameo) for e in code_text(text, published="2026-01-20") if e.type == "ASSAULT"] == [
        ("ASSAULT", "181")]


def test_drivers_refusing_to_load_in_protest_are_on_strike(code_text: CodeText) -> None:
    text = ("On Tuesday morning, hundreds of drivers parked their trucks along the national road at Kati and "
            "refused to load, in protest at the arrests.")
    assert "PROTEST" in _types(code_text(text, published="2026-01-20"))


def test_delivering_vaccine_doses_is_aid(code_text: CodeText) -> None:
    text = "On 22 December, India delivered 40,000 doses of rabies vaccine to Kabul by a special flight."
    assert _types(code_text(text, published="2026-01-20")) == ["AID"]


def test_a_dateline_in_capitals_is_not_the_actor(code_text: CodeText) -> None:
    text = ("BIALYSTOK – Poland's foreign ministry summoned Belarus's chargé d'affaires in Warsaw on Tuesday over "
            "the border incidents.")
    events = _facts(code_text(text, published="2026-01-20"))
    assert [(e.type, e.actor.name) for e in events][:1] == [("ACCUSE", "Poland's foreign ministry")]


def test_a_minister_saying_they_would_pay_a_heavy_price_threatens_them(code_text: CodeText) -> None:
    text = 'Israel\'s defence minister said on Monday the Houthis would "pay a heavy price" for every missile.'
    threats = [e for e in code_text(text, published="2026-07-21") if e.type == "THREATEN"]
    assert threats and threats[0].target.name == "Houthis"


def test_having_paid_a_heavy_price_is_no_threat(code_text: CodeText) -> None:
    text = "Residents of the camp said on Monday they had paid a heavy price for the war."
    assert "THREATEN" not in _types(code_text(text, published="2026-07-21"))


def test_a_denial_naming_the_camp_hit_before_is_a_reject(code_text: CodeText) -> None:
    text = ("On Sunday morning, shells fell on the Dali section of the Tawila camp, killing 16 people, volunteers "
            "said. The Coordination blamed the paramilitary forces positioned to the east. Aid groups suspended "
            "their work in the camp for the day. On Monday, an RSF adviser denied that the group had fired on "
            "Tawila.")
    assert "REJECT" in _types(code_text(text, published="2026-02-10"))


def test_flying_soldiers_in_is_a_deployment_and_flying_the_wounded_out_is_not(code_text: CodeText) -> None:
    flown_in = "The Joint Command flew 200 special forces soldiers to its base in Pichari on Monday."
    flown_out = "The two injured officers were flown to a hospital in Culiacan on Monday."
    assert "MOBILIZE" in _types(code_text(flown_in, published="2026-04-21"))
    assert "MOBILIZE" not in _types(code_text(flown_out, published="2026-04-21"))


def test_the_strike_after_an_attack_is_that_attack_not_a_labour_strike(code_text: CodeText) -> None:
    text = ("Five people were killed when a drone hit a house in Mamund on Sunday night, relatives said. "
            "Residents blamed security forces for the strike.")
    events = code_text(text, published="2026-05-19")
    assert "PROTEST" not in _types(events)
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert len(attacks) == 1 and attacks[0].status == "alleged"


def test_a_march_organised_by_students_is_their_protest(code_text: CodeText) -> None:
    text = "The march, organised by university students, set off from Slavija square in the afternoon."
    protests = [e for e in code_text(text, published="2026-03-16") if e.type == "PROTEST"]
    assert protests and protests[0].actor.name == "university students"


def test_a_convoy_carrying_food_reaching_a_town_is_aid(code_text: CodeText) -> None:
    food = "A convoy of 15 trucks carrying food and medicines reached Bulo Burte on Tuesday, the UN said."
    armour = "A convoy of armoured vehicles reached the town on Monday, residents said."
    assert _types(code_text(food, published="2026-03-10")) == ["AID"]
    assert "AID" not in _types(code_text(armour, published="2026-03-10"))

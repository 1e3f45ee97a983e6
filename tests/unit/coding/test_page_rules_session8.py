"""Rules found by reading the misses of dev pages 186-205 (the former held-out sets f and g) by
class, each checked here on sentences of our own: misparsed main verbs, searches that end in
arrests, crowd control, blockades, acts told in time clauses, reprisals, labels put on acts told
before, where sanctions are imposed, and scenarios that are no threats."""

from __future__ import annotations

from collections.abc import Callable

CodeText = Callable[..., list]

LEAD = ("Gunmen shot dead five men at a cockfight in the city of Portoviejo in Manabí province late on Saturday, "
        "police said on Sunday. ")


def _types(events: list) -> list[str]:
    return [e.type for e in events]


def test_a_participle_read_as_a_modifier_with_an_object_is_the_main_verb(code_text: CodeText) -> None:
    text = (LEAD + "Relatives of the victims said the men had been threatened for weeks. On Monday, the government "
            "extended by 30 days the state of emergency in Manabí, which lets soldiers search homes, and announced a "
            "night curfew in Portoviejo starting on Wednesday.")
    coerce = [e for e in code_text(text, published="2026-05-11") if e.type == "COERCE"]
    assert coerce and coerce[0].date == "2026-05-11"   # the order's day, not the curfew's first night


def test_a_search_that_ends_in_arrests_is_the_arrest(code_text: CodeText) -> None:
    text = (LEAD + "Relatives of the victims said the men had been threatened for weeks. Police raided four houses in "
            "the Andrés de Vera district early on Sunday and arrested two men.")
    events = code_text(text, published="2026-05-11")
    assert _types(events).count("ASSAULT") == 1 and "COERCE" in _types(events)


def test_tear_gas_beside_stun_grenades_is_crowd_control(code_text: CodeText) -> None:
    text = ("Hundreds of miners marched on the governor's office in Potosí on Tuesday. Riot police fired tear gas and "
            "stun grenades to push them back from the square, witnesses said.")
    assert any(e.type == "COERCE" and e.cameo == "175" for e in code_text(text, published="2026-05-13"))


def test_blocking_a_stretch_of_a_named_road_in_protest_is_a_protest(code_text: CodeText) -> None:
    text = ("Residents blocked a stretch of Avenida Libertador with burning tyres on Tuesday in protest at the "
            "killing of a teenager, halting traffic for two hours.")
    events = code_text(text, published="2026-05-13")
    assert "PROTEST" in _types(events) and not any(e.type == "COERCE" for e in events)


def test_a_state_of_prevention_is_an_emergency_measure(code_text: CodeText) -> None:
    text = (LEAD + "Relatives of the victims said the men had been threatened for weeks. The government declared a "
            "30-day state of prevention in Portoviejo on Monday.")
    assert "COERCE" in _types(code_text(text, published="2026-05-12"))


def test_an_arrest_in_the_time_clause_dated_to_its_own_day_is_news(code_text: CodeText) -> None:
    text = ("A judge on Thursday ordered eight suspected gang members held in pretrial detention, a day after police "
            "arrested 11 people in raids in Mixco.")
    coerce = sorted(e.date for e in code_text(text, published="2026-07-17") if e.type == "COERCE")
    assert coerce == ["2026-07-15", "2026-07-16"]


def test_an_arson_in_retaliation_is_an_incident_of_its_own(code_text: CodeText) -> None:
    text = ("Police killed four suspected gang members in a raid on the Jacarezinho favela on Tuesday, officials said. "
            "Later, men set fire to two buses on the main avenue in retaliation for the raid, police said.")
    assert _types(code_text(text, published="2026-05-13")).count("ASSAULT") == 2


def test_a_new_mention_in_another_province_is_another_incident(code_text: CodeText) -> None:
    text = (LEAD + "In the neighbouring province of Guayas, a grenade exploded outside a police station in the city of "
            "Milagro early on Saturday, damaging three patrol cars.")
    assert _types(code_text(text, published="2026-05-10")).count("ASSAULT") == 2


def test_the_protest_of_a_dispersed_crowd_is_told_in_its_relative_clause(code_text: CodeText) -> None:
    text = ("Police fired tear gas on Tuesday to disperse hundreds of villagers who had blocked the main road "
            "through Leposavić, and peacekeepers moved armoured vehicles onto the bridge.")
    types = _types(code_text(text, published="2026-10-21"))
    assert {"COERCE", "PROTEST", "MOBILIZE"} <= set(types)


def test_a_label_on_an_arrest_told_before_is_no_new_act(code_text: CodeText) -> None:
    text = ("Kosovo police arrested a Serbian citizen at the Merdare crossing on Monday on war crimes charges. In "
            "Belgrade, the foreign ministry called the arrest \u201ca kidnapping\u201d and demanded his release.")
    events = code_text(text, published="2026-10-20")
    assert _types(events).count("COERCE") == 1 and "ASSAULT" not in _types(events)


def test_sanctions_are_placed_where_they_are_imposed(code_text: CodeText) -> None:
    text = ("Britain imposed sanctions on Monday on two officials of Georgia\u2019s breakaway Abkhazia region over the "
            "detention of Georgian farmers.")
    places = [("Britain", "GBR", "country"), ("Georgia", "GEO", "country"), ("Abkhazia", "GEO", "admin1")]
    sanction = next(e for e in code_text(text, published="2026-09-08", places=places) if e.type == "SANCTION")
    assert sanction.place is not None and sanction.place.country == "GBR"


def test_a_condition_on_the_actors_own_judgement_is_a_scenario(code_text: CodeText) -> None:
    text = ("If it judged that its allies were losing, Turkey could move additional troops to the border or even into "
            "northern Iraq, analysts said.")
    assert "THREATEN" not in _types(code_text(text, published="2026-09-08"))


def test_a_ministry_telling_of_army_units_tells_of_its_own(code_text: CodeText) -> None:
    text = ("Armenia\u2019s defence ministry said on Tuesday that army units deployed near the border with Azerbaijan had "
            "been placed on a higher state of readiness.")
    mobilize = next(e for e in code_text(text, published="2026-09-08") if e.type == "MOBILIZE")
    assert mobilize.actor.country == "ARM"


def test_new_ira_claims_are_claims(code_text: CodeText) -> None:
    text = ("The New IRA has said it carried out a gun attack on a police station in Strabane late on Friday, in a "
            "statement issued on Sunday.")
    attack = next(e for e in code_text(text, published="2026-03-02") if e.type == "ASSAULT")
    assert attack.status == "claimed"


def test_a_stage_race_told_as_a_war_is_no_event(code_text: CodeText) -> None:
    text = ("The Slovenian rider launched the decisive attack 4 km from the summit and dropped his rivals to take the "
            "stage and the leader's jersey. The peloton had held the breakaway hostage for 100 km. The sprinters' teams "
            "declared a truce on the flat, and the climbers ambushed them on the last ramp.")
    assert code_text(text, published="2026-05-15") == []


def test_fighters_under_the_groups_command_are_its_own(code_text: CodeText) -> None:
    text = ("Gunmen killed two soldiers at a military post in Puncak regency on Thursday, the army said. A TPNPB "
            "spokesman said in a statement on Friday that fighters under the group\u2019s Puncak command had carried "
            "out the attack.")
    attack = next(e for e in code_text(text, published="2026-06-06") if e.type == "ASSAULT")
    assert attack.status == "claimed"


def test_a_toll_summed_over_attacks_and_operations_is_no_incident(code_text: CodeText) -> None:
    text = ("At least eleven people were killed in attacks and military operations in Garissa and Wajir counties this "
            "week. On Tuesday, a roadside bomb killed three police officers near Dadaab, police said.")
    attacks = [e for e in code_text(text, published="2026-08-14") if e.type == "ASSAULT"]
    assert [e.killed for e in attacks] == [3]


def test_blame_read_through_a_misparsed_participle(code_text: CodeText) -> None:
    text = ("Overnight into Thursday, gunmen attacked a village near Witu, shooting dead a man and setting fire to two "
            "houses, the county police commander said. He blamed al-Shabaab militants hiding in the forest.")
    attack = next(e for e in code_text(text, published="2026-08-14") if e.type == "ASSAULT")
    assert attack.status == "alleged"


def test_the_country_across_a_border_is_not_the_place(code_text: CodeText) -> None:
    text = ("A roadside bomb killed three police reservists near Dadaab on Tuesday, police said. On Wednesday, Garissa "
            "County Commissioner John Mwangi extended by 30 days a dusk-to-dawn curfew in a 20-kilometre strip along "
            "the border with Somalia.")
    places = [("Dadaab", "KEN", "point"), ("Garissa", "KEN", "admin1"), ("Somalia", "SOM", "country")]
    curfew = next(e for e in code_text(text, published="2026-08-14", places=places) if e.type == "COERCE")
    assert curfew.place is not None and curfew.place.country == "KEN"


def test_an_acronym_the_text_defines_names_its_group(code_text: CodeText) -> None:
    text = ("Separatist fighters attacked a gendarmerie post near Bamenda on Sunday, killing two gendarmes. The "
            "Ambazonia Defence Forces (ADF) said in a video on Monday that its fighters had carried out the attack. "
            "In the same video, the ADF ordered a lockdown across the North-West region from Wednesday to Friday.")
    events = code_text(text, published="2026-05-19")
    threat = next(e for e in events if e.type == "THREATEN")
    assert threat.actor.name == "Ambazonia Defence Forces" and threat.date == "2026-05-19"
    assert not any(e.type == "COERCE" for e in events)


def test_a_pledge_to_hunt_the_attackers_is_a_threat(code_text: CodeText) -> None:
    text = (LEAD + "Relatives of the victims said the men had been threatened for weeks. The provincial governor "
            "appealed for calm and promised that the attackers \u201cwill be tracked down wherever they hide\u201d.")
    types = _types(code_text(text, published="2026-05-11"))
    assert "THREATEN" in types and "AGREE" not in types


def test_a_sentence_whose_root_came_out_a_noun_keeps_its_denial(code_text: CodeText) -> None:
    text = ("Armed men attacked a camp for displaced people in Djugu late on Sunday, killing 12, officials said. "
            "A spokesman for CODECO, the largest militia in the area, denied on Monday that its fighters had been "
            "involved.")
    assert "REJECT" in _types(code_text(text, published="2026-02-17"))


def test_a_mention_opening_on_a_time_of_its_own_later_is_another_incident(code_text: CodeText) -> None:
    text = ("A soldier and two gunmen were killed on Monday when an army raid to arrest a wanted man in Tripoli turned "
            "into a gunfight, the army said. Soldiers arrested the man after he was wounded. Residents said the man had "
            "been hiding for weeks. Dozens of young men blocked roads with burning tyres. Late on Monday, a hand grenade "
            "was thrown at an army checkpoint at the entrance to Jabal Mohsen.")
    assert _types(code_text(text, published="2026-10-13")).count("ASSAULT") == 2


def test_shots_fired_to_disperse_a_crowd_are_crowd_control(code_text: CodeText) -> None:
    text = (LEAD + "Relatives of the victims said the men had been threatened for weeks. Dozens of young men blocked "
            "the main road with burning tyres and threw stones at police cars, and soldiers fired into the air to "
            "disperse them, residents said.")
    assert any(e.type == "COERCE" and e.cameo == "175" for e in code_text(text, published="2026-05-11"))


def test_a_strike_named_with_its_organisers_took_place(code_text: CodeText) -> None:
    text = ("A day after two farmers were shot dead by suspected militants near Moirang, security forces on Monday "
            "launched a combing operation in the foothills, while a 48-hour bandh called by civil society groups "
            "brought the valley districts to a standstill.")
    assert "PROTEST" in _types(code_text(text, published="2026-09-08"))


def test_an_attempted_march_is_a_protest(code_text: CodeText) -> None:
    text = (LEAD + "Relatives of the victims said the men had been threatened for weeks. In the evening, hundreds of "
            "women tried to march from the market towards the governor's residence.")
    protest = next(e for e in code_text(text, published="2026-05-11") if e.type == "PROTEST")
    assert protest.status == "actual"


def test_a_count_of_arrests_since_a_recent_day_is_news(code_text: CodeText) -> None:
    text = (LEAD + "Relatives of the victims said the men had been threatened for weeks. Police said 96 people had been "
            "arrested across the city since Tuesday night in connection with the violence.")
    assert "COERCE" in _types(code_text(text, published="2026-05-14"))


def test_crowd_control_and_arrests_by_one_force_are_two_acts(code_text: CodeText) -> None:
    text = ("Police fired tear gas to break up a road blockade at Caracollo early on Tuesday, detaining 31 people and "
            "ending a five-day stand-off.")
    assert sorted(e.cameo for e in code_text(text, published="2026-06-17") if e.type == "COERCE") == ["173", "175"]


def test_threats_said_as_promised_answers(code_text: CodeText) -> None:
    text = ("Britain imposed sanctions on two Russian officials on Monday. Russia\u2019s foreign ministry rejected the "
            "sanctions on Tuesday as \u201cillegitimate\u201d and said London \u201cwill receive a response\u201d.")
    events = code_text(text, published="2026-09-09")
    assert "REJECT" in _types(events) and _types(events).count("THREATEN") == 1
    text = "A Kremlin spokesman told reporters that attacks on Russian ships \u201cwill not go unanswered\u201d."
    events = code_text(text, published="2026-09-09")
    assert _types(events) == ["THREATEN"] and events[0].status == "threatened"


def test_a_deadline_given_to_people_is_an_ultimatum(code_text: CodeText) -> None:
    text = (LEAD + "Relatives of the victims said the men had been threatened for weeks. The police chief gave anyone "
            "holding an illegal firearm in the province 72 hours to surrender it.")
    assert any(e.type == "THREATEN" and e.cameo == "139" for e in code_text(text, published="2026-05-11"))


def test_a_likely_response_is_a_forecast_not_a_threat(code_text: CodeText) -> None:
    text = ("If the Peshmerga moved into the disputed districts, Baghdad would probably respond by sending more army "
            "battalions to Kirkuk, analysts said.")
    assert "THREATEN" not in _types(code_text(text, published="2026-09-09"))


PHRASINGS = [   # (type, sentence after LEAD): common news phrasings found missing with a battery of our own
    ("COERCE", "Police arrested 12 people on Monday."),
    ("ASSAULT", "An explosive device went off near a mosque on Monday, causing no casualties."),
    ("COERCE", "Police broke up the rally with batons on Monday."),
    ("RETREAT", "Troops pulled out of the town on Monday."),
    ("REJECT", "The minister called the accusations \u201cbaseless\u201d on Monday."),
    ("REJECT", "A spokesman said on Monday the claims were \u201clies\u201d."),
    ("MOBILIZE", "Reinforcements arrived in Portoviejo on Monday, the governor said."),
    ("MOBILIZE", "The army set up new checkpoints on the roads into Portoviejo on Monday."),
    ("MOBILIZE", "Troops were put on high alert on Monday."),
    ("COERCE", "The Senate voted on Monday to extend the state of emergency in the region."),
    ("COERCE", "Lawmakers approved a further 30-day extension of the state of siege on Monday."),
    ("THREATEN", "The interior minister vowed on Monday to hunt down the killers."),
    ("THREATEN", "The army chief said on Monday that anyone who attacks soldiers would be crushed."),
    ("THREATEN", "The rebels declared the road a military target on Monday."),
    ("THREATEN", "\u201cWe will burn every bus that enters our territory,\u201d the gang leader said in a video."),
    ("PROTEST", "Students held a vigil for the victims at the university on Monday evening."),
    ("PROTEST", "Teachers boycotted classes on Monday in protest at the killing of a colleague."),
    ("PROTEST", "Members of the victims' community occupied the town hall on Monday."),
    ("AID", "The government sent 500 tonnes of maize to the affected districts on Monday."),
    ("PROTEST", "Police fired tear gas on Monday when hundreds of students tried to march on the parliament."),
    ("PROTEST", "Police arrested 20 people on Monday as thousands protested against the new tax in the capital."),
    ("PROTEST", "Riot police clashed with protesters who had gathered outside the court on Monday."),
    ("PROTEST", "Demonstrations were held in at least six cities on Monday, organisers said."),
    ("PROTEST", "Thousands of people took part in a rally in the capital on Monday to demand fresh elections."),
    ("PROTEST", "Protesters set fire to tyres outside the governor's office on Monday and chanted slogans."),
    ("PROTEST", "Crowds gathered in front of the embassy on Monday, burning flags."),
    ("THREATEN", "The rebels gave the government until Friday to release their commander."),
    ("THREATEN", "The army said on Monday that anyone caught carrying weapons would be shot on sight."),
    ("THREATEN", "The cartel left a message next to the bodies warning rivals to stay out of the city."),
    ("REJECT", "The group said it had not carried out the attack."),
    ("REJECT", "The governor refuted the claims, saying the security forces had acted within the law."),
    ("MOBILIZE", "Hundreds of soldiers were flown into Portoviejo on Monday."),
    ("MOBILIZE", "The navy dispatched two warships to the coast on Monday."),
]


def test_common_news_phrasings(code_text: CodeText) -> None:
    missing = []
    for expected, sentence in PHRASINGS:
        text = LEAD + "Relatives of the victims said the men had been threatened for weeks. " + sentence
        found = [e.type for e in code_text(text, published="2026-05-12") if e.evidence.text == sentence]
        if expected not in found:
            missing.append((expected, sentence, found))
    assert not missing


def test_routine_cordons_and_guerrillas_are_no_protest_or_restriction(code_text: CodeText) -> None:
    text = (LEAD + "Soldiers and police sealed off the area and forensic teams collected shell casings. Vietnamese-led "
            "forces said guerrillas had overrun a village near the border late last month.")
    types = _types(code_text(text, published="2026-05-11"))
    assert "PROTEST" not in types and "COERCE" not in types


def test_a_funeral_crowd_and_a_reason_clause_are_no_protest(code_text: CodeText) -> None:
    text = (LEAD + "Relatives of the victims said the men had been threatened for weeks. Thousands of people attended "
            "the funerals of the five men on Monday. Police fired tear gas at protesters outside the town hall on "
            "Monday, after demonstrators tried to block officials from leaving.")
    events = code_text(text, published="2026-05-12")
    assert "PROTEST" not in _types(events) and [e.cameo for e in events if e.type == "COERCE"] == ["175"]


def test_an_ordered_deployment_and_a_curfew_are_two_acts(code_text: CodeText) -> None:
    text = (LEAD + "Relatives of the victims said the men had been threatened for weeks. The governor ordered the "
            "deployment of 200 additional police officers to the area and imposed a dusk-to-dawn curfew.")
    types = _types(code_text(text, published="2026-05-11"))
    assert "MOBILIZE" in types and "COERCE" in types


def test_a_ransom_demand_days_later_is_the_abduction_told_before(code_text: CodeText) -> None:
    text = ("Gunmen kidnapped 14 worshippers from a mosque near Gusau late on Monday, police said. The kidnappers "
            "contacted relatives on Wednesday and demanded a ransom of 50 million naira.")
    assert _types(code_text(text, published="2026-03-05")).count("ASSAULT") == 1


def test_a_planned_rally_is_dated_ahead_and_dates_nothing_after_it(code_text: CodeText) -> None:
    text = ("Police detained 43 people on Tuesday as thousands of opposition supporters rallied in the capital. The "
            "opposition alliance said it would hold another rally on Friday. The interior ministry accused protest "
            "leaders of organising mass disorder.")
    events = code_text(text, published="2026-06-11")
    rally = next(e for e in events if e.type == "PROTEST" and e.status == "hypothetical")
    accuse = next(e for e in events if e.type == "ACCUSE")
    assert rally.date == "2026-06-12" and accuse.date != "2026-06-12" and accuse.date != "2026-06-05"

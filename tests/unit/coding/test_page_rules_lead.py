"""Page rules found on varied outlets (dev pages 30-41): obituaries, anonymity formulas, generic
'you' in quotes, victims of 'died', passive arrests, key-point bullets and news round-ups."""

from __future__ import annotations

from collections.abc import Callable

from wirewatch.models import Place

CodeText = Callable[..., list]


def _facts(events: list) -> list:
    return [e for e in events if e.status not in {"hypothetical", "negated"}]


def test_an_obituary_death_is_no_attack(code_text: CodeText) -> None:
    text = ("Helene Marchetti, a French engineer who spent three decades training deminers, died on Sunday "
            "at her home in Lyon. She was 84.")
    assert not [e for e in code_text(text, published="2026-03-03") if e.type == "ASSAULT"]


def test_a_violent_death_still_counts(code_text: CodeText) -> None:
    text = "Twelve people died when gunmen opened fire on a bus near Gao on Sunday, police said."
    events = [e for e in code_text(text, published="2026-03-03") if e.type == "ASSAULT"]
    assert events and all(e.actor is None or "people" not in (e.actor.name or "") for e in events)


def test_who_died_is_the_victim_not_the_actor(code_text: CodeText) -> None:
    text = "Three soldiers died in an ambush near Gao on Tuesday, the army said."
    events = [e for e in code_text(text, published="2026-03-05") if e.type == "ASSAULT"]
    assert events and all(e.actor is None or "soldier" not in (e.actor.name or "").lower() for e in events)


def test_asking_not_to_be_named_is_no_request(code_text: CodeText) -> None:
    text = ("Gunmen killed 12 worshippers at a mosque near Gao on Friday. \"Eight people died on the spot,\" "
            "a local official said, asking not to be named because he was not authorised to speak.")
    assert "REQUEST" not in [e.type for e in _facts(code_text(text, published="2026-03-07"))]


def test_generic_you_in_a_quote_is_not_the_speaker(code_text: CodeText) -> None:
    text = ("Mali's army deployed 3,000 troops to Gao last week, the defence ministry said on Monday. "
            "\"Without intelligence from across the river, you are fighting blind,\" said Amadou Keita, a "
            "security analyst in Bamako.")
    events = _facts(code_text(text, published="2026-03-10"))
    assert not [e for e in events if e.type == "ASSAULT" and "Keita" in ((e.actor and e.actor.name) or "")]


def test_passive_arrest_without_agent_is_coded(code_text: CodeText) -> None:
    text = ("Three men, aged 17, 19 and 24, were arrested in Nairobi on suspicion of riotous assembly "
            "after a night of disorder, police said on Tuesday.")
    assert "COERCE" in [e.type for e in _facts(code_text(text, published="2026-07-14"))]


def test_key_point_bullets_are_not_the_story(code_text: CodeText) -> None:
    text = ("Key points\n- Three killed in overnight shelling of Kabul\n"
            "Three civilians, including a child, were killed overnight when shells hit a residential area of "
            "Kabul, the city's health office said.")
    events = [e for e in code_text(text, published="2026-04-22") if e.type == "ASSAULT"]
    assert events and all(e.evidence.text.startswith("Three civilians") for e in events)


def test_round_up_briefs_fall_back_on_their_own_dateline(code_text: CodeText) -> None:
    text = ("Police in Cairo arrested 11 opposition activists on Tuesday, their lawyers said.\n"
            "Rebels ambush patrol\n"
            "KABUL — Two soldiers were killed when rebels ambushed an army patrol on Monday, the military said.\n"
            "Warning over drills\n"
            "NAIROBI — The opposition warned on Wednesday that it would call a general strike if the vote "
            "went ahead.")
    places = []
    for name, country in (("Cairo", "EGY"), ("KABUL", "AFG"), ("NAIROBI", "KEN")):
        start = text.index(name)
        places.append(Place(name.title(), start, start + len(name), 0.0, 0.0, country, precision="point"))
    events = _facts(code_text(text, published="2026-05-13", places=places))
    by_type = {e.type: e for e in events}
    assert by_type["ASSAULT"].place.country == "AFG"
    assert by_type["COERCE"].place.country == "EGY"


STORY = ("Gunmen attacked a police station in Gao on Tuesday, killing four officers, the army said. "
         "The attackers fled on motorcycles after a two-hour gunfight, witnesses said. "
         "The interior ministry said it had sent reinforcements to the town. ")


def test_reactions_after_the_lead_are_not_events(code_text: CodeText) -> None:
    tail = ("Police blamed a local militia for the attack. "
            "Residents said they wanted more patrols. ")
    events = _facts(code_text(STORY + tail, published="2024-03-06"))
    assert not [e for e in events if e.evidence.start >= len(STORY)]


def test_an_appeal_by_the_un_to_the_parties_after_the_lead_stays(code_text: CodeText) -> None:
    # (since session 4: two page writers listed such appeals as required events)
    tail = "The UN humanitarian coordinator called on all armed groups to spare civilians. "
    events = _facts(code_text(STORY + tail, published="2024-03-06"))
    assert [e.type for e in events if e.evidence.start >= len(STORY)] == ["REQUEST"]


def test_statements_between_countries_after_the_lead_stay(code_text: CodeText) -> None:
    tail = ("Mali's foreign ministry accused Algeria of sheltering the attackers. "
            "Iran's foreign ministry rejected the accusation as baseless. ")
    events = _facts(code_text(STORY + tail, published="2024-03-06"))
    later = {e.type for e in events if e.evidence.start >= len(STORY)}
    assert later == {"ACCUSE", "REJECT"}


def test_sitting_down_for_a_round_of_talks_is_consult_by_the_delegations(code_text: CodeText) -> None:
    text = ("Delegations from the government and the rebels sat down on Monday for a second round of "
            "face-to-face talks at a hotel in Cairo, with Egyptian mediators in the room.")
    events = [e for e in code_text(text, published="2026-04-22") if e.type == "CONSULT"]
    assert events and "Delegations" in (events[0].actor.name or "")


def test_responding_by_sending_troops_is_the_mobilisation(code_text: CodeText) -> None:
    text = (STORY + "The government responded on Wednesday by sending 1,500 soldiers to reinforce security "
            "at six prisons in the north.")
    later = [e.type for e in _facts(code_text(text, published="2024-03-06")) if e.evidence.start >= len(STORY)]
    assert "MOBILIZE" in later


def test_aid_delivered_to_the_displaced(code_text: CodeText) -> None:
    text = ("A WFP convoy of 12 trucks delivered 180 tonnes of food to displaced families in Gao on "
            "Thursday, the agency said.")
    assert "AID" in [e.type for e in _facts(code_text(text, published="2026-02-06"))]


def test_the_blamed_group_is_the_alleged_actor_and_dates_are_no_targets(code_text: CodeText) -> None:
    text = "Police in Kabul blamed the Taliban for a car bomb that exploded on Saturday night."
    bombs = [e for e in code_text(text, published="2026-08-17") if e.type == "ASSAULT"]
    assert bombs and bombs[0].status == "alleged" and "Taliban" in (bombs[0].actor.name or "")
    assert "Saturday" not in (bombs[0].target.name or "")


def test_headline_style_casualty_line_has_victims_not_actors(code_text: CodeText) -> None:
    text = "At least 18 civilians killed and 22 injured in an attack on a displacement camp near Gao on Tuesday."
    events = [e for e in code_text(text, published="2026-02-05") if e.type == "ASSAULT"]
    assert events and (events[0].actor.name is None or "civilians" not in events[0].actor.name)
    assert "civilians" in (events[0].target.name or "")


def test_aid_names_who_receives_it(code_text: CodeText) -> None:
    text = "The Red Cross delivered medicine to displaced families in Gao on Thursday, the agency said."
    aid = [e for e in code_text(text, published="2026-02-06") if e.type == "AID"]
    assert aid and "families" in (aid[0].target.name or "")


def test_a_second_clash_a_day_later_is_its_own_incident(code_text: CodeText) -> None:
    text = ("A soldier was killed and two others were injured when rebels triggered a roadside bomb near Gao "
            "on Wednesday, police said. A day later, four rebels were killed in a gunfight with troops near "
            "Gao, officials said.")
    assaults = [e for e in code_text(text, published="2026-10-09") if e.type == "ASSAULT"]
    assert sorted(e.killed for e in assaults) == [1, 4]


def test_a_casualty_detail_and_a_place_inside_the_province_join_the_incident(code_text: CodeText) -> None:
    text = ("Gunmen shot dead the mayor of a town in Mali's Gao region and one of his bodyguards on Tuesday, "
            "prosecutors said. The mayor was attacked on a rural road outside Gao by men travelling in two "
            "vehicles. A second bodyguard was wounded and taken to hospital in Kabul.")
    places = []
    for name, country, admin1, precision in (("Gao region", "MLI", None, "admin1"), ("Gao", "MLI", "Gao region", "point"),
                                             ("Kabul", "MLI", None, "point")):
        start = text.index(name)
        places.append(Place(name, start, start + len(name), 0.0, 0.0, country, admin1, precision=precision))
    places = [places[0]] + [Place("Gao", text.index("outside Gao") + 8, text.index("outside Gao") + 11, 0.0, 0.0,
                                  "MLI", "Gao region", precision="point"), places[2]]
    assaults = [e for e in code_text(text, published="2025-07-09", places=places) if e.type == "ASSAULT"]
    assert len(assaults) == 1 and assaults[0].killed == 2 and assaults[0].injured == 1


def test_a_coordinate_clause_with_its_own_subject_is_outside_the_denial(code_text: CodeText) -> None:
    text = "Hezbollah denied responsibility for the attack, and the Lebanese army later arrested several suspects."
    arrests = [e for e in code_text(text, published="2025-10-14") if e.type == "COERCE"]
    assert arrests and arrests[0].status == "actual"


def test_a_threat_said_again_in_other_words_is_one_threat(code_text: CodeText) -> None:
    text = ("Yemen's Houthi movement threatened on Monday to attack any merchant ship that does business with "
            "Israeli ports. In a televised statement, the group's military spokesman said the Houthis would "
            "target every vessel belonging to any company that deals with those ports.")
    assert [e.type for e in _facts(code_text(text, published="2025-12-09"))].count("THREATEN") == 1


def test_trends_and_security_forces_blocking_roads_are_no_events(code_text: CodeText) -> None:
    text = (STORY + "Attacks by jihadist groups have nevertheless spread to the south of the country. "
            "Police blocked the road near the court when protesters tried to march on the ministry.")
    later = [e for e in _facts(code_text(text, published="2024-03-06")) if e.evidence.start >= len(STORY)]
    assert not [e for e in later if e.type in {"ASSAULT", "PROTEST"} and e.actor and
                e.actor.name in {"police", "Police", "jihadist groups"}]


def test_users_add_trigger_rows_through_the_settings(tmp_path, monkeypatch) -> None:
    from wirewatch.config import Settings
    from wirewatch.models import Document
    from wirewatch.pipeline.builder import Pipeline

    rows = tmp_path / "my-triggers.tsv"
    rows.write_text("egg\tVERB\t\t\t145\tPROTEST\tdemonstrate\n", encoding="utf-8")
    text = b"Hundreds of farmers egged the agriculture minister's convoy in Nairobi on Tuesday, police said."
    from datetime import date

    doc = Document("egg", text, content_type="text/plain", published=date(2026, 3, 4))
    plain = list(Pipeline.default().run([doc]))[0].article
    settings = Settings(db="sqlite://", pipeline={"extra_trigger_files": [str(rows)]})
    extended = list(Pipeline.from_settings(settings).run([doc]))[0].article
    assert "PROTEST" not in [e.type for e in plain.events]
    assert "PROTEST" in [e.type for e in extended.events]


def test_an_armed_groups_order_with_a_deadline_is_an_ultimatum(code_text: CodeText) -> None:
    text = ("Al-Shabaab has ordered teachers and health workers who are not from Mandera to leave the county "
            "within seven days, a monitoring group said on Wednesday.")
    types = {(e.type, e.status) for e in code_text(text, published="2026-03-19")}
    assert ("THREATEN", "threatened") in types and "REQUEST" not in {t for t, _ in types}


def test_setting_off_on_a_march_is_no_bombing(code_text: CodeText) -> None:
    text = ("On Tuesday, several hundred young people set off from the city centre towards Parliament in Nairobi "
            "carrying placards denouncing corruption.")
    assert "ASSAULT" not in [e.type for e in code_text(text, published="2025-07-24")]
    bomb = "Militants set off a bomb near the market in Kabul on Tuesday."
    assert "ASSAULT" in [e.type for e in code_text(bomb, published="2025-07-24")]


def test_figures_of_speech_and_descriptions_are_no_events(code_text: CodeText) -> None:
    text = ('One opposition strategist said his party would "bombard" the airwaves with adverts in the final week. '
            "Al-Shabaab, which is fighting to overthrow the government, has carried out frequent attacks in Kenya.")
    assert not [e for e in code_text(text, published="2026-08-01") if e.type in {"THREATEN", "ASSAULT"}
                and e.status not in {"hypothetical", "negated"}]


def test_a_witness_quote_about_them_is_not_about_the_witness(code_text: CodeText) -> None:
    text = ("Gunmen attacked the village of Daffo near Gao on Sunday night, killing 11 people, police said. "
            "\"They came in large numbers and started shooting at anybody they saw,\" said Ladi Gyang, a farmer.")
    assaults = [e for e in code_text(text, published="2025-10-07") if e.type == "ASSAULT"]
    assert len(assaults) == 1 and "Gyang" not in (assaults[0].actor.name or "")


def test_an_attack_later_claimed_by_a_group_is_claimed_by_it(code_text: CodeText) -> None:
    text = ("On February 2, militants attacked an army position near Gao, killing 11 soldiers, in an attack later "
            "claimed by the al Qaeda-linked group JNIM.")
    attack = [e for e in code_text(text, published="2026-02-20") if e.type == "ASSAULT"][0]
    assert attack.status == "claimed" and "JNIM" in (attack.actor.name or "")


def test_an_undated_act_right_after_a_dated_one_happened_then(code_text: CodeText) -> None:
    text = ("On Tuesday, several hundred students marched on Parliament in Nairobi to protest against corruption. "
            "Police fired tear gas and arrested 47 people to disperse the marchers, witnesses said.")
    coerce = [e for e in code_text(text, published="2025-07-24") if e.type == "COERCE"]
    assert coerce and coerce[0].date == "2025-07-22"


def test_the_shipped_trigger_rows_have_one_row_per_key() -> None:
    from collections import Counter
    from importlib import resources

    from wirewatch.stages.coding.lexicon import read_rows

    rows = list(read_rows(resources.files("wirewatch") / "data" / "triggers.tsv", curated=True))
    counts = Counter((r.lemma, r.pos, r.obj, r.prep) for r in rows)
    assert [key for key, n in counts.items() if n > 1] == []

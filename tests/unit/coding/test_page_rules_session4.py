"""Page rules found on dev pages 56-63 (the former held-out set w1-w8): ceasefire signings,
agreements referred back to, warnings about consequences, policies told in the present, revised
tolls, "no one was hurt", blame for an incident told before, and a forecast that is no incident."""

from __future__ import annotations

from collections.abc import Callable

CodeText = Callable[..., list]


def _facts(events: list) -> list:
    return [e for e in events if e.status not in {"hypothetical", "negated"}]


def _attacks(code_text: CodeText, text: str, published: str) -> list:
    return [e for e in code_text(text, published=published) if e.type == "ASSAULT"]


def test_signing_a_ceasefire_is_agree_and_the_deal_is_not_a_second_event(code_text: CodeText) -> None:
    text = ("The government and the rebel movement signed a ceasefire agreement in Nairobi on Thursday, "
            "mediators said. The deal was signed by the deputy security adviser and a rebel spokesman "
            "in the presence of Kenya's foreign minister.")
    events = _facts(code_text(text, published="2026-02-15"))
    cooperative = [e for e in events if e.type in {"AGREE", "SUPPORT"}]
    assert [e.type for e in cooperative] == ["AGREE"]


def test_signing_a_trade_deal_stays_support(code_text: CodeText) -> None:
    text = "Kenya and Ethiopia signed a trade agreement in Addis Ababa on Thursday, officials said."
    assert "SUPPORT" in [e.type for e in _facts(code_text(text, published="2026-02-15"))]


def test_a_warning_about_consequences_is_no_threat(code_text: CodeText) -> None:
    text = ("A drone struck the power station outside Kosti on Saturday, killing two engineers, officials said. "
            "The army said the plant would be repaired within weeks. Residents said the city had no water. "
            "If the attacks continue, aid agencies warn, the remaining hospitals could be forced to close.")
    assert "THREATEN" not in [e.type for e in code_text(text, published="2025-11-17")]


def test_a_threat_in_a_parenthetical_warning_stays(code_text: CodeText) -> None:
    text = "We will attack every convoy on the road, the group warned in a statement on Monday."
    assert "THREATEN" in [e.type for e in code_text(text, published="2025-11-17")]


def test_a_policy_in_the_present_is_no_incident(code_text: CodeText) -> None:
    text = ("A drone struck the power station outside Kosti on Saturday, killing two engineers, officials said. "
            "The army said the drones had come from territory held by the paramilitary group. "
            "Residents said the city had been without power since Saturday evening. "
            "The paramilitary group has previously denied targeting civilian infrastructure, saying it strikes "
            "only military sites.")
    events = _attacks(code_text, text, "2025-11-17")
    assert len(events) == 1 and events[0].killed == 2


def test_a_revised_toll_later_in_the_story_replaces_the_first(code_text: CodeText) -> None:
    text = ("A drone attack on Saturday struck the power station outside Kosti, killing two engineers, "
            "officials said. The army said the drones had come from the west. Residents said their "
            "electricity was cut shortly after 7 p.m. \"We heard a buzzing sound,\" said a guard. "
            "Hospitals ran on generators. The state health ministry said on Sunday evening that the death "
            "toll had risen to seven after five soldiers guarding the plant died of their wounds.")
    events = _attacks(code_text, text, "2025-11-17")
    assert [e.killed for e in events] == [7]


def test_no_one_was_hurt_gives_a_zero_toll(code_text: CodeText) -> None:
    text = ("Two rockets were fired from southern Lebanon at Kiryat Shmona late on Monday, the Israeli "
            "military said. One was intercepted and the other fell in an open area. No one was hurt, it said.")
    events = _attacks(code_text, text, "2025-10-14")
    assert events and events[0].killed == 0


def test_background_deaths_of_another_year_are_not_the_toll(code_text: CodeText) -> None:
    text = ("Two days ago, suspected al-Shabaab fighters opened fire on a police patrol outside Elwak, "
            "wounding two officers, the police commander said. The group has attacked the area before. "
            "In 2014, its fighters killed 28 passengers after stopping a bus near Mandera town.")
    events = [e for e in _facts(code_text(text, published="2025-11-20")) if e.type == "ASSAULT"
              and "Elwak" in e.evidence.text]
    assert events and events[0].killed != 28


def test_blame_for_the_attack_makes_it_alleged(code_text: CodeText) -> None:
    text = ("Armed men stormed a polling station in Batibo on Sunday, killing two people, officials said. "
            "Voting was suspended. The authorities blamed separatist fighters for the attack.")
    events = _attacks(code_text, text, "2025-10-13")
    assert events and events[0].status == "alleged"


def test_a_forecast_is_not_merged_into_the_incident(code_text: CodeText) -> None:
    text = ("A drone attack on Saturday struck the power station outside Kosti, killing two engineers. "
            "Officials said repairs would take weeks. Residents said water pumps had stopped. "
            "If the attacks continue, the hospitals in White Nile state could close, aid agencies said.")
    events = _attacks(code_text, text, "2025-11-17")
    actual = [e for e in events if e.status == "actual"]
    assert len(actual) == 1 and actual[0].date == "2025-11-15"
    assert all("If the attacks" not in e.evidence.text for e in actual)


def test_an_incident_told_in_several_sentences_keeps_them_as_mentions(code_text: CodeText) -> None:
    text = ("Gunmen stormed a polling station in Batibo on Sunday, killing two voters, officials said. "
            "Voting was suspended across the district until further notice. "
            "The authorities blamed separatist fighters for the attack.")
    events = _attacks(code_text, text, "2025-10-13")
    assert len(events) == 1
    event = events[0]
    assert [m.text for m in event.mentions] == ["The authorities blamed separatist fighters for the attack."]
    assert all(text[m.start:m.end] == m.text for m in event.mentions)
    assert event.to_dict()["mentions"][0]["start"] == text.index("The authorities")


def test_the_page_scorer_matches_an_event_by_any_of_its_sentences(code_text: CodeText) -> None:
    from wirewatch.evaluation.pages import _best_match

    text = ("Gunmen stormed a polling station in Batibo on Sunday, killing two voters, officials said. "
            "Voting was suspended across the district until further notice. "
            "The authorities blamed separatist fighters for the attack.")
    events = code_text(text, published="2025-10-13")
    expected = {"type": "ASSAULT", "status": "alleged",
                "evidence": "The authorities blamed separatist fighters for the attack."}
    assert _best_match(expected, events, set()) is not None
    assert _best_match({**expected, "evidence": "Voting was suspended across the district until further "
                        "notice."}, events, set()) is None


def test_an_act_dated_after_publication_has_not_happened(code_text: CodeText) -> None:
    events = code_text("Government and rebel negotiators are meeting in Doha tomorrow, diplomats said.",
                       published="2025-11-17")
    assert events and all(e.status == "hypothetical" for e in events)
    assert events[0].date == "2025-11-18"


def test_late_february_is_a_month_date(code_text: CodeText) -> None:
    text = "In late February, the provincial governor met a delegation of elders in Pemba, officials said."
    events = [e for e in code_text(text, published="2026-03-20") if e.type == "CONSULT"]
    assert events and (events[0].date, events[0].date_precision) == ("2026-02-01", "month")


def test_a_forecast_hosts_no_later_report(code_text: CodeText) -> None:
    text = ("Analysts said Islamic State could attack army patrols in the Hamrin mountains again. "
            "Separately, two Iraqi soldiers were killed on Thursday when Islamic State militants ambushed "
            "an army patrol near Tikrit, security sources said.")
    events = _attacks(code_text, text, "2025-11-21")
    assert any(e.status == "actual" and e.killed == 2 for e in events)


def test_a_story_paragraph_naming_a_newsletter_is_no_promotion(code_text: CodeText) -> None:
    text = ("The pattern of recent weeks is familiar to anyone who has followed the war. On the night of "
            "March 8, insurgents raided the coastal village of Quiterajo, killing five fishermen and burning "
            "dozens of homes, according to residents. The Islamic State claimed the raid two days later in "
            "its weekly newsletter, al-Naba.")
    events = _attacks(code_text, text, "2026-03-20")
    assert events and events[0].date == "2026-03-08"


def test_earlier_in_the_day_is_the_story_not_background(code_text: CodeText) -> None:
    text = ("An Israeli strike on a building in Nabatieh killed five people on Monday, Lebanon's health "
            "ministry said. Rescuers searched the rubble through the night for survivors. The army said it "
            "had targeted a commander of the group. Earlier in the day, an Israeli drone struck a motorcycle "
            "near Bint Jbeil, killing one man, the ministry said.")
    events = _attacks(code_text, text, "2026-03-10")
    assert any("Bint Jbeil" in e.evidence.text or any("Bint Jbeil" in m.text for m in e.mentions)
               for e in events)


def test_the_police_answer_to_a_gang_attack_is_a_second_act(code_text: CodeText) -> None:
    text = ("Gunmen from a gang coalition stormed the town of Kenscoff overnight on Tuesday, killing seven "
            "people, police said. Residents fled to the hills. Police sent reinforcements on Wednesday. "
            "Officers killed four gang members in a gunfight near the town's market during the "
            "counteroffensive, a police spokesman said.")
    events = _attacks(code_text, text, "2026-02-05")
    assert sorted(e.killed for e in events) == [4, 7]


def test_a_search_operation_is_a_deployment_not_an_attack(code_text: CodeText) -> None:
    text = ("Security forces sealed off the area around Kalat and launched a search operation for the "
            "attackers, a provincial government spokesman said.")
    assert [e.type for e in code_text(text, published="2026-03-17")] == ["MOBILIZE"]


def test_victims_told_in_the_next_sentence_belong_to_the_attack(code_text: CodeText) -> None:
    text = ("According to the army, two drones dropped explosive charges on a base near the village of "
            "El Plateado on Tuesday. Five soldiers were wounded, two of them seriously, and they were taken "
            "by helicopter to Popayán.")
    events = _attacks(code_text, text, "2026-05-14")
    assert len(events) == 1 and events[0].injured == 5


def test_a_condemnation_and_an_appeal_in_one_sentence_are_two_events(code_text: CodeText) -> None:
    text = ("An Israeli strike on a building in Nabatieh killed five people on Monday, the health ministry "
            "said. Rescuers searched the rubble through the night. The army said it had targeted a "
            "commander. Lebanon's prime minister condemned the strike as a flagrant violation of the "
            "ceasefire and called on the United States and France to press Israel to stop its attacks.")
    later = {e.type for e in code_text(text, published="2026-03-10") if "prime minister" in e.evidence.text}
    assert {"ACCUSE", "REQUEST"} <= later


def test_walking_away_from_talks_unless_is_a_threat(code_text: CodeText) -> None:
    text = "The group said that if the army operation does not stop, it will walk away from the talks."
    assert [e.type for e in code_text(text, published="2026-05-14")] == ["THREATEN"]

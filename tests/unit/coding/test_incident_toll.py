"""One incident's death toll over several sentences: further groups, running counts, reports."""

from __future__ import annotations

import pytest

from wirewatch.models import Evidence
from wirewatch.stages.coding.casualties import Casualties, find_casualties
from wirewatch.stages.coding.draft import EMPTY, Draft
from wirewatch.stages.coding.incidents import CasualtyReport, link_incidents

SENTENCE_CASES = [
    ("left-dead", "The attack that left 31 dead shocked the city.", 31, ""),
    ("a-civilian", "Five policemen and a civilian were killed.", 6, ""),
    ("listed-apposition", "The assassination of rector Ignacio Ellacuria, five other jesuits, and two women.",
     8, ""),
    ("breakdown-not-added", "Gunmen killed two reporters, a Salvadoran and a Dutchman.", 2, ""),
    ("passed-away", "He was taken to the hospital, where he passed away.", 1, ""),
    ("second-clause", "The magistrate and the colonel had been murdered; Galan was murdered that evening.",
     3, ""),
    ("also", "Two of the minister's bodyguards were also killed in the attack.", 2, "also"),
    ("tally", "Five judges have been killed in two months.", 5, "tally"),
    ("tally-noun", "The violence has resulted in more than 350 deaths nationwide.", 350, "tally"),
    ("other-victims", "Four other priests and one of their employees were killed.", 5, "also"),
    ("more-victims", "Two more people died in hospital on Tuesday.", 2, "also"),
    ("more-than-is-no-further-group", "More than 200 people have died so far this month.", 200, "tally"),
    ("perfect-of-the-reaction", ("Students have repudiated the assassination of priests Ignacio Ellacuria and "
     "Ignacio Martin Baro."), 2, ""),
    ("one-victim-is-no-count", "Councilman Juan Garabito has been shot to death.", 1, ""),
    ("had-deaths", "The police said the city has had an average of 54 violent deaths per day this year.", 54,
     "tally"),
    ("fighters-among-the-dead", "The army said a soldier and six guerrillas were killed in the clashes.", 7,
     "combat"),
    ("soldiers-are-victims", "Two soldiers were killed when rebels ambushed their patrol.", 2, ""),
]


@pytest.mark.parametrize("text,killed,kind", [c[1:] for c in SENTENCE_CASES],
                         ids=[c[0] for c in SENTENCE_CASES])
def test_sentence_figures(nlp: object, text: str, killed: int, kind: str) -> None:
    found = find_casualties(nlp(text)[:])  # type: ignore[operator]
    assert (found.killed, found.kind) == (killed, kind)


def _draft(index: int, killed: int | None, kind: str = "", *, shadow: bool = False) -> Draft:
    return Draft("ASSAULT", "18", None, EMPTY, EMPTY, None, None, killed, None, "actual", None,
                 Evidence("", 0, 0), 0.8, index, frozenset({"vehicle"}), is_anaphoric=True,
                 shadow=shadow, toll_kind=kind)


def _toll(*drafts: Draft, reports: tuple[CasualtyReport, ...] = ()) -> int | None:
    kept = link_incidents(list(drafts), list(reports))
    return kept[0].killed


def test_further_group_adds() -> None:
    assert _toll(_draft(1, 1), _draft(2, 2, "also")) == 3


def test_larger_figure_nearby_replaces() -> None:
    host = _draft(1, 1)
    host.rank = 3   # a toll told after the story's first sentence
    assert _toll(host, _draft(2, 7)) == 7


def test_the_first_sentences_toll_stands_against_a_larger_figure_nearby() -> None:
    assert _toll(_draft(1, 1), _draft(2, 7)) == 1   # CONVENTIONS: sources differ, the lead's figure


def test_a_later_figure_that_includes_the_counted_victims_replaces() -> None:
    from wirewatch.models import Actor

    host, later = _draft(1, 6), _draft(9, 8)
    later.target = Actor("six jesuit priests")   # "... massacred the six jesuit priests and two women"
    assert _toll(host, later) == 8
    host, later = _draft(2, 1), _draft(11, 2)
    host.target, later.target = Actor("Hector Oqueli Colindres"), Actor("Dr Oqueli")   # "... and his companion"
    assert _toll(host, later) == 2
    host, later = _draft(2, 1), _draft(11, 2)
    host.target, later.target = Actor("Hector Oqueli"), Actor("two peasants")   # other victims, far away
    assert _toll(host, later) == 1


def test_a_clash_toll_does_not_replace_an_attack_toll() -> None:
    assert _toll(_draft(1, 5), _draft(2, 7, "combat")) == 5   # "... a soldier and six guerrillas were killed"
    assert _toll(_draft(1, None), _draft(2, 7, "combat")) == 7


def test_further_group_told_far_away_does_not_add() -> None:
    assert _toll(_draft(1, 1), _draft(9, 2, "also")) == 1   # another incident's "also", merged too loosely


def test_far_or_running_figures_do_not_replace() -> None:
    assert _toll(_draft(1, 1), _draft(6, 43)) == 1
    assert _toll(_draft(1, 1), _draft(2, 5, "tally")) == 1
    assert _toll(_draft(1, 1), _draft(2, 70000)) == 1   # not a partial count of this incident


def test_completing_mention_only_fills() -> None:
    assert _toll(_draft(1, 1), _draft(2, 5, shadow=True)) == 1
    assert _toll(_draft(1, None), _draft(2, 5, shadow=True)) == 5


def test_report_goes_to_the_only_incident() -> None:
    report = CasualtyReport(9, Casualties(4), frozenset(), None)
    assert _toll(_draft(1, None), reports=(report,)) == 4
    tally = CasualtyReport(9, Casualties(200, None, "tally"), frozenset(), None)
    assert _toll(_draft(1, None), reports=(tally,)) is None


def test_report_next_to_an_incident() -> None:
    first, second = _draft(1, None), _draft(5, None)
    first.anchors = second.anchors = frozenset()
    second.is_anaphoric, second.has_actor, second.actor_grade = False, True, 4   # a new incident
    kept = link_incidents([first, second], [CasualtyReport(6, Casualties(1), frozenset(), None)])
    assert [d.killed for d in kept] == [None, 1]


@pytest.mark.parametrize("text,killed", [
    ("The bomb killed Senator Jose Perez, along with two of his bodyguards.", 3),
    ("An inquiry into the murders of three reporters, two Salvadorans and a Netherlander.", 3),
    ("They were acquitted of the murder of attorney general Carlos Hoyos and the kidnapping of the mayor.", 1),
])
def test_victim_lists(nlp: object, text: str, killed: int) -> None:
    assert find_casualties(nlp(text)[:]).killed == killed  # type: ignore[operator]


def test_figure_of_another_day_does_not_change_a_toll() -> None:
    from datetime import date

    from wirewatch.stages.coding.context import EventDate

    host, later = _draft(1, 2), _draft(2, 20)
    host.date = EventDate(date(2024, 5, 3), "day", "text")
    later.date = EventDate(date(2019, 5, 3), "day", "text")   # "in 2019, 20 people died in a similar attack"
    assert _toll(host, later) == 2

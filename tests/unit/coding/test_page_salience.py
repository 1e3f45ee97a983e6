"""Page-level precision: the story's lead versus secondary statements and background
(stages/coding/selection.py secondary_rejection, main_events, one_per_actor; incidents.py)."""

from __future__ import annotations

from collections.abc import Callable

CodeText = Callable[..., list]

LEAD = ("Gunmen attacked a police station in Gao on Tuesday, killing four officers, the army said. "
        "The attackers fled on motorcycles after a two-hour gunfight, witnesses said. "
        "The interior ministry said it had sent reinforcements to the town. ")


def _kept(events: list) -> list[tuple[str, str]]:
    return [(e.type, e.status) for e in events if e.status not in {"hypothetical", "negated"}]


def _types_after_lead(code_text: CodeText, tail: str) -> list[str]:
    events = code_text(LEAD + tail, published="2024-03-06")
    start = len(LEAD)
    return [e.type for e in events if e.evidence.start >= start
            and e.status not in {"hypothetical", "negated"}]


def test_lead_incident_kept(code_text: CodeText) -> None:
    assert ("ASSAULT", "actual") in _kept(code_text(LEAD, published="2024-03-06"))


def test_subordinate_reading_loses_to_main_clause(code_text: CodeText) -> None:
    events = code_text("Soldiers fired tear gas at hundreds of students in Caracas after the students "
                       "tried to block a highway.", published="2024-03-06")
    coerce = [e for e in events if e.type == "COERCE"]
    assert coerce and coerce[0].status == "actual" and coerce[0].actor.name


def test_warning_about_others_is_not_a_threat(code_text: CodeText) -> None:
    tail = "Regional experts warned that the violence could spread to neighbouring provinces."
    assert "THREATEN" not in _types_after_lead(code_text, tail)


def test_one_sided_cooperation_after_the_lead(code_text: CodeText) -> None:
    tail = "The provincial governor said the authorities would provide blankets and food."
    assert not {"AGREE", "AID"} & set(_types_after_lead(code_text, tail))


def test_request_without_addressee_after_the_lead(code_text: CodeText) -> None:
    tail = "Local councillors called for calm."
    assert "REQUEST" not in _types_after_lead(code_text, tail)


def test_dyadic_request_after_the_lead_kept(code_text: CodeText) -> None:
    tail = "The United Nations urged Mali to protect civilians."
    assert "REQUEST" in _types_after_lead(code_text, tail)


def test_background_history_after_the_lead(code_text: CodeText) -> None:
    tail = "The two armies fought three wars over the border region."
    assert "ASSAULT" not in _types_after_lead(code_text, tail)


def test_background_adverb_after_the_lead(code_text: CodeText) -> None:
    tail = "The group has previously denied attacking civilians."
    assert _types_after_lead(code_text, tail) == []


def test_no_evidence_of_an_attack_is_negated(code_text: CodeText) -> None:
    events = code_text("Officials said there was no evidence of an attack on the convoy.")
    assert _kept(events) == []

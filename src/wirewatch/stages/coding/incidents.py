"""One incident, several sentences: merge later mentions and attach casualty reports.

News stories mention an incident again ("the bombing of the plane that crashed in Sinai on
October 31") and report its toll apart ("All 224 passengers and crew were killed when Metrojet
Flight 9268 crashed"). A later ASSAULT mention that is anaphoric (a definite noun, no actor of its
own) or shares an incident anchor (plane, crash, bus, blast ...) with an earlier ASSAULT is merged
into it, refining its date, place and toll. A casualty report with no event of its own goes to the
nearest ASSAULT sharing an anchor.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from wirewatch.stages.coding.casualties import Casualties
from wirewatch.stages.coding.context import EventDate
from wirewatch.stages.coding.draft import Draft

ANCHORS = {
    "plane": "plane", "airplane": "plane", "aircraft": "plane", "airliner": "plane", "jet": "plane",
    "flight": "plane", "helicopter": "plane", "crash": "crash", "bus": "bus", "train": "train",
    "ship": "ship", "boat": "ship", "ferry": "ship", "vessel": "ship", "car": "vehicle",
    "truck": "vehicle", "vehicle": "vehicle", "convoy": "vehicle", "market": "market",
    "mosque": "mosque", "church": "church", "school": "school", "hotel": "hotel", "embassy": "embassy",
    "checkpoint": "checkpoint", "wedding": "wedding", "funeral": "funeral", "stadium": "stadium",
    "concert": "concert", "restaurant": "restaurant", "station": "station", "hospital": "hospital",
    "pipeline": "pipeline", "bridge": "bridge", "tower": "tower", "headquarters": "headquarters",
    "barracks": "barracks", "base": "base", "village": "village",
}


@dataclass(frozen=True, slots=True)
class CasualtyReport:
    """Figures stated in a sentence that produced no event."""

    sentence_index: int
    casualties: Casualties
    anchors: frozenset[str]
    date: EventDate | None


def anchors_of(lemmas: Iterable[str]) -> frozenset[str]:
    """Incident anchors among a sentence's lemmas."""
    return frozenset(ANCHORS[lemma] for lemma in lemmas if lemma in ANCHORS)


def link_incidents(drafts: list[Draft], reports: list[CasualtyReport]) -> list[Draft]:
    """Merge repeated incident mentions and attach casualty reports; returns the kept drafts."""
    kept: list[Draft] = []
    for draft in drafts:
        host = _host_for(draft, kept) if draft.type == "ASSAULT" else None
        if host is None:
            kept.append(draft)
        else:
            host.absorb(draft)
    for report in reports:
        target = _report_target(report, kept)
        if target is not None:
            if target.killed is None:
                target.killed = report.casualties.killed
            if target.injured is None:
                target.injured = report.casualties.injured
    return kept


def _host_for(draft: Draft, kept: list[Draft]) -> Draft | None:
    earlier = [d for d in kept if d.type == "ASSAULT" and d.sentence_index < draft.sentence_index]
    if not earlier:
        return None
    shared = [d for d in earlier if d.anchors & draft.anchors]
    if shared and (draft.is_anaphoric or not draft.has_actor):
        return shared[-1]
    if draft.is_anaphoric and not draft.has_actor and len(earlier) == 1 and not draft.anchors:
        return earlier[0]
    return None


def _report_target(report: CasualtyReport, kept: list[Draft]) -> Draft | None:
    if report.casualties.is_empty or not report.anchors:
        return None
    shared = [d for d in kept if d.type == "ASSAULT" and d.anchors & report.anchors]
    if not shared:
        return None
    return min(shared, key=lambda d: (d.sentence_index > report.sentence_index,
                                      abs(d.sentence_index - report.sentence_index)))

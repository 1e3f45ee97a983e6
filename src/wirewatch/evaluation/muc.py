"""MUC-4 incident scoring (shared/data/events README, section 4 "How the project scores it").

In each document every scored gold incident (has a PLOVER type, not OPTIONAL) is matched to at most
one predicted event of the same type (a THREATENED incident may also match a THREATEN event), one to
one, preferring pairs that agree on place country, date and killed (greedy on agreement: with every
prediction compatible with every gold incident this also maximises the number of pairs).
"""

from __future__ import annotations

from typing import Any

from wirewatch.models import Event
from wirewatch.stages.coding.actors import load_actor_dictionary


def country_iso3(name: str | None) -> str | None:
    """ISO3 for a MUC country name ("EL SALVADOR") via the actor dictionary."""
    if not name:
        return None
    for match in load_actor_dictionary().find(name.lower()):
        if match.entry.kind == "country":
            return match.entry.country
    return None


def _compatible(gold: dict[str, Any], pred: Event) -> bool:
    if pred.type == gold["type"]:
        return True
    return gold.get("status") == "threatened" and pred.type == "THREATEN"


def _agreement(gold: dict[str, Any], pred: Event) -> int:
    score = 0
    if pred.place is not None and pred.place.country == country_iso3(gold.get("place_country")):
        score += 1
    if gold.get("date") and pred.date == gold["date"]:
        score += 1
    if gold.get("killed") is not None and pred.killed == gold["killed"]:
        score += 1
    return score


def match_incidents(golds: list[dict[str, Any]], preds: list[Event]) -> list[tuple[dict[str, Any], Event]]:
    """One-to-one pairs of gold incidents and predicted events."""
    pairs = [(_agreement(g, p), gi, pi) for gi, g in enumerate(golds) for pi, p in enumerate(preds)
             if _compatible(g, p)]
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _score, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((golds[gi], preds[pi]))
    return out


def status_right(gold: dict[str, Any], pred: Event) -> bool:
    """The README's status rule."""
    if gold.get("status") == "threatened":
        return pred.status == "threatened" or (pred.type == "THREATEN" and pred.status == "actual")
    if pred.status == "actual":
        return True
    kinds = {a.get("attribution") for a in gold.get("attribution", [])}
    return (pred.status == "claimed" and "claimed" in kinds) or \
        (pred.status == "alleged" and bool(kinds & {"alleged", "possible"}))


def score_muc(results: list[tuple[dict[str, Any], list[Event]]]) -> dict[str, Any]:
    """Incident recall and per-slot accuracy on matched incidents."""
    gold_n = matched = status_ok = killed_n = killed_ok = date_n = date_ok = place_n = place_ok = 0
    empty_docs_with_assault = 0
    for rec, events in results:
        golds = [e for e in rec["events"] if e.get("type") and not e.get("optional")]
        if not rec["events"]:
            empty_docs_with_assault += any(e.type == "ASSAULT" for e in events)
        gold_n += len(golds)
        for gold, pred in match_incidents(golds, events):
            matched += 1
            status_ok += status_right(gold, pred)
            if gold.get("killed") is not None:
                killed_n += 1
                killed_ok += pred.killed == gold["killed"]
            if gold.get("date"):
                date_n += 1
                date_ok += pred.date == gold["date"]
            iso = country_iso3(gold.get("place_country"))
            if iso:
                place_n += 1
                place_ok += pred.place is not None and pred.place.country == iso
    return {
        "documents": len(results), "gold_incidents": gold_n, "matched": matched,
        "incident_recall": _ratio(matched, gold_n), "status_right": _ratio(status_ok, matched),
        "killed_exact": _ratio(killed_ok, killed_n), "killed_n": killed_n,
        "date_exact": _ratio(date_ok, date_n), "date_n": date_n,
        "place_country": _ratio(place_ok, place_n), "place_n": place_n,
        "docs_without_template_with_assault": empty_docs_with_assault,
    }


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0

"""An ACLED-shaped CSV: ACLED's column names, event types mapped from PLOVER type, mode and target.

ACLED records political violence, demonstrations and strategic developments that happened.
So only events whose PLOVER type maps to an ACLED category (:func:`acled_category`) and whose
status is ``actual``, ``claimed`` or ``alleged`` are written; the rest are counted by reason.
See docs/exports.md for the full mapping table.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import IO, Any

from wirewatch.export.base import ExportResult
from wirewatch.export.countries import country_name
from wirewatch.export.csv import write_table
from wirewatch.export.rows import flat_event
from wirewatch.urls import site_from_url

COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "inter1", "actor2", "inter2", "iso3", "country", "admin1", "location",
    "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
)
KEPT_STATUSES = frozenset({"actual", "claimed", "alleged"})

BATTLES, EXPLOSIONS, VAC = "Battles", "Explosions/Remote violence", "Violence against civilians"
PROTESTS, RIOTS, STRATEGIC = "Protests", "Riots", "Strategic developments"
ARMED_SECTORS = frozenset({"military", "police", "rebels", "insurgents", "militia", "armed group"})
#: (PLOVER type, mode) → (event_type, sub_event_type); mode None is the type's default.
CATEGORIES: dict[tuple[str, str | None], tuple[str, str]] = {
    ("ASSAULT", "suicide-attack"): (EXPLOSIONS, "Suicide bomb"),
    ("ASSAULT", "explosives"): (EXPLOSIONS, "Remote explosive/landmine/IED"),
    ("ASSAULT", "aerial"): (EXPLOSIONS, "Air/drone strike"),
    ("ASSAULT", "heavy-weapons"): (EXPLOSIONS, "Shelling/artillery/missile attack"),
    ("ASSAULT", "abduct"): (VAC, "Abduction/forced disappearance"),
    ("ASSAULT", "sexual"): (VAC, "Sexual violence"),
    ("ASSAULT", "destroy"): (STRATEGIC, "Looting/property destruction"),
    ("PROTEST", None): (PROTESTS, "Peaceful protest"),
    ("PROTEST", "riot"): (RIOTS, "Violent demonstration"),
    ("COERCE", None): (STRATEGIC, "Other"),
    ("COERCE", "arrest"): (STRATEGIC, "Arrests"),
    ("COERCE", "seize"): (STRATEGIC, "Looting/property destruction"),
    ("MOBILIZE", None): (STRATEGIC, "Other"),
    ("RETREAT", None): (STRATEGIC, "Other"),
    ("RETREAT", "ceasefire"): (STRATEGIC, "Agreement"),
    ("RETREAT", "withdraw"): (STRATEGIC, "Non-violent transfer of territory"),
    ("AGREE", None): (STRATEGIC, "Agreement"),
}
#: wirewatch actor sector → ACLED interaction code (1 state forces ... 8 external/other forces).
INTER_CODES: dict[str, int] = {
    "government": 1, "military": 1, "police": 1, "rebels": 2, "insurgents": 2, "militia": 3,
    "armed group": 3, "rioters": 5, "protesters": 6, "civilians": 7, "media": 7, "business": 7,
    "ngo": 7, "education": 7, "health": 7, "religious": 7, "igo": 8,
}
#: place precision → ACLED geo_precision (1 the exact town, 2 near it / part of a region, 3 a region).
GEO_PRECISION: dict[str, int] = {"point": 1, "admin2": 2, "admin1": 3, "region": 3, "country": 3,
                                 "continent": 3}
TIME_PRECISION: dict[str, int] = {"day": 1, "week": 2, "month": 3, "year": 3}


def acled_category(plover_type: str | None, mode: str | None,
                   target_sector: str | None) -> tuple[str, str] | None:
    """(event_type, sub_event_type), or None when ACLED has no category for the event."""
    if plover_type == "ASSAULT" and (plover_type, mode) not in CATEGORIES:
        armed = (target_sector or "").lower() in ARMED_SECTORS
        return (BATTLES, "Armed clash") if armed else (VAC, "Attack")
    return CATEGORIES.get((plover_type or "", mode)) or CATEGORIES.get((plover_type or "", None))


def actor_label(name: str | None, sector: str | None, iso3: str | None, *, armed: bool) -> str:
    """ACLED-style actor: the name; else "Civilians (Somalia)"; else "Unidentified Armed Group (Somalia)"."""
    if name:
        return name
    where = f" ({country_name(iso3)})" if iso3 else ""
    if sector:
        return f"{sector[:1].upper()}{sector[1:]}{where}"
    return f"Unidentified Armed Group{where}" if armed else ""


def _notes(flat: Mapping[str, Any]) -> str:
    note = flat["evidence_text"] or ""
    if flat["status"] in ("claimed", "alleged"):
        by = f" by {flat['attribution']}" if flat["attribution"] else ""
        note += f" [{flat['status']}{by}]"
    return note


def acled_row(row: Mapping[str, Any], category: tuple[str, str]) -> dict[str, Any]:
    """One event in ACLED's columns."""
    flat = flat_event(row)
    is_violent = category[0] in (BATTLES, EXPLOSIONS, VAC)
    return {
        "event_id_cnty": flat["id"], "event_date": flat["date"] or "",
        "year": (flat["date"] or "")[:4], "time_precision": TIME_PRECISION.get(flat["date_precision"] or "", ""),
        "event_type": category[0], "sub_event_type": category[1],
        "actor1": actor_label(flat["actor_name"], flat["actor_sector"], flat["actor_country"], armed=is_violent),
        "inter1": INTER_CODES.get((flat["actor_sector"] or "").lower(), 0),
        "actor2": actor_label(flat["target_name"], flat["target_sector"], flat["target_country"], armed=False),
        "inter2": INTER_CODES.get((flat["target_sector"] or "").lower(), 0),
        "iso3": flat["place_country"] or "", "country": country_name(flat["place_country"]),
        "admin1": flat["place_admin1"] or "", "location": flat["place_name"] or "",
        "latitude": flat["place_lat"], "longitude": flat["place_lon"],
        "geo_precision": GEO_PRECISION.get(flat["place_precision"] or "", ""),
        "source": site_from_url(flat["url"]) or "", "notes": _notes(flat), "fatalities": flat["killed"] or 0,
    }


def write_events(rows: Iterable[Mapping[str, Any]], out: IO[str]) -> ExportResult:
    """ACLED-shaped CSV with a header; events without an ACLED category or status are counted."""
    result = ExportResult()

    def kept() -> Iterable[dict[str, Any]]:
        for row in rows:
            flat = flat_event(row)
            category = acled_category(flat["type"], flat["mode"], flat["target_sector"])
            if category is None:
                result.omit(f"type {flat['type']} has no ACLED category")
            elif flat["status"] not in KEPT_STATUSES:
                result.omit(f"status {flat['status']}")
            else:
                yield acled_row(flat, category)

    result.written = write_table(kept(), COLUMNS, out).written
    return result

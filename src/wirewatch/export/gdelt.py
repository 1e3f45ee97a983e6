"""A GDELT-2.0-event-shaped CSV: one row per event, GDELT's column names, a documented subset.

Columns follow the GDELT 2.0 event codebook (BigQuery spelling). Values GDELT derives from
many articles (NumMentions, AvgTone) and the actor geo columns are not produced. Negated and
hypothetical events are left out: GDELT has no way to say "did not happen".
See docs/exports.md for every column's source.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import IO, Any

from wirewatch.export import cameo
from wirewatch.export.base import ExportResult
from wirewatch.export.countries import country_name, fips_code
from wirewatch.export.csv import write_table
from wirewatch.export.parquet import to_date
from wirewatch.export.rows import flat_event

COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_Lat", "ActionGeo_Long", "SOURCEURL",
)
EXCLUDED_STATUSES = frozenset({"negated", "hypothetical"})
#: wirewatch actor sector → CAMEO actor type code.
TYPE_CODES: dict[str, str] = {
    "government": "GOV", "military": "MIL", "police": "COP", "rebels": "REB", "insurgents": "INS",
    "opposition": "OPP", "civilians": "CVL", "business": "BUS", "media": "MED", "igo": "IGO",
    "ngo": "NGO", "legislature": "LEG", "judiciary": "JUD", "religious": "REL", "education": "EDU",
    "health": "HLH", "militia": "UAF", "armed group": "UAF", "refugees": "REF", "labor": "LAB",
    "criminal": "CRM", "party": "PTY", "protesters": "OPP",
}


def geo_type(precision: str | None, iso3: str | None) -> int:
    """GDELT ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state; 0 none."""
    is_us = iso3 == "USA"
    if precision == "country":
        return 1
    if precision == "admin1":
        return 2 if is_us else 5
    if precision in ("point", "admin2"):
        return 3 if is_us else 4
    return 0


def _actor(flat: Mapping[str, Any], role: str) -> dict[str, Any]:
    n = "1" if role == "actor" else "2"
    country = flat[f"{role}_country"] or ""
    type_code = TYPE_CODES.get((flat[f"{role}_sector"] or "").lower(), "")
    return {f"Actor{n}Code": country + type_code, f"Actor{n}Name": (flat[f"{role}_name"] or "").upper(),
            f"Actor{n}CountryCode": country, f"Actor{n}Type1Code": type_code}


def _full_name(flat: Mapping[str, Any]) -> str:
    parts = [flat["place_name"], flat["place_admin1"], country_name(flat["place_country"])]
    names: list[str] = []
    for part in parts:
        if part and part not in names:
            names.append(part)
    return ", ".join(names)


def gdelt_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """One event in GDELT's columns."""
    flat = flat_event(row)
    day = to_date(flat["date"])
    root = cameo.root_code(flat["cameo"], flat["type"])
    fips = fips_code(flat["place_country"])
    out: dict[str, Any] = {
        "GLOBALEVENTID": flat["id"], "SQLDATE": day.strftime("%Y%m%d") if day else "",
        "MonthYear": day.strftime("%Y%m") if day else "", "Year": day.year if day else "",
        "FractionDate": round(day.year + day.timetuple().tm_yday / 365, 4) if day else "",
        **_actor(flat, "actor"), **_actor(flat, "target"),
        "EventCode": flat["cameo"] or "", "EventBaseCode": cameo.base_code(flat["cameo"]),
        "EventRootCode": root, "QuadClass": cameo.quad_class(root), "GoldsteinScale": cameo.goldstein(root),
        "ActionGeo_Type": geo_type(flat["place_precision"], flat["place_country"]),
        "ActionGeo_FullName": _full_name(flat), "ActionGeo_CountryCode": fips,
        "ActionGeo_ADM1Code": fips if flat["place_precision"] == "country" else "",
        "ActionGeo_Lat": flat["place_lat"], "ActionGeo_Long": flat["place_lon"],
        "SOURCEURL": flat["url"] or "",
    }
    return out


def write_events(rows: Iterable[Mapping[str, Any]], out: IO[str]) -> ExportResult:
    """GDELT-shaped CSV with a header; negated and hypothetical events are counted, not written."""
    result = ExportResult()

    def kept() -> Iterable[dict[str, Any]]:
        for row in rows:
            status = flat_event(row)["status"]
            if status in EXCLUDED_STATUSES:
                result.omit(f"status {status}")
                continue
            yield gdelt_row(row)

    result.written = write_table(kept(), COLUMNS, out).written
    return result

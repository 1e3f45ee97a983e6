"""GDELT- and ACLED-shaped CSVs: documented columns and the CAMEO / PLOVER mappings."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from wirewatch.export import acled, cameo, export_events, gdelt

pytestmark = pytest.mark.issue(8)


def read_csv(fmt: str, rows: list[dict[str, Any]]) -> tuple[list[str], list[dict[str, str]]]:
    out = io.StringIO()
    export_events(rows, fmt, out)
    reader = csv.DictReader(io.StringIO(out.getvalue()))
    return list(reader.fieldnames or []), list(reader)


@pytest.mark.parametrize(("root", "quad", "goldstein"), [
    ("01", 1, 0.0), ("04", 1, 1.0), ("05", 1, 3.5), ("06", 2, 6.0), ("09", 2, -2.0),
    ("10", 3, -5.0), ("13", 3, -4.4), ("14", 3, -6.5), ("15", 4, -7.2), ("18", 4, -9.0), ("20", 4, -10.0),
])
def test_quad_class_and_goldstein_by_root(root: str, quad: int, goldstein: float) -> None:
    assert cameo.quad_class(root) == quad
    assert cameo.goldstein(root) == goldstein


def test_every_plover_type_has_a_cameo_root() -> None:
    from wirewatch.models import PLOVER_TYPES

    assert all(cameo.quad_class(cameo.root_code(None, t)) for t in PLOVER_TYPES)


@pytest.mark.parametrize(("code", "plover", "root", "base"), [
    ("183", "ASSAULT", "18", "183"), ("1712", "COERCE", "17", "171"), ("040", "CONSULT", "04", "040"),
    (None, "PROTEST", "14", ""),
])
def test_cameo_codes(code: str | None, plover: str, root: str, base: str) -> None:
    assert cameo.root_code(code, plover) == root
    assert cameo.base_code(code) == base


def test_gdelt_csv_has_the_documented_columns_and_values(events: list[dict[str, Any]]) -> None:
    header, rows = read_csv("gdelt", events)
    assert tuple(header) == gdelt.COLUMNS
    assert [r["GLOBALEVENTID"] for r in rows] == ["e1", "e2"]   # the negated event is left out
    first = rows[0]
    assert first["SQLDATE"] == "20250305" and first["MonthYear"] == "202503" and first["Year"] == "2025"
    assert (first["Actor1Code"], first["Actor1Name"], first["Actor2Code"]) == ("SOMREB", "AL-SHABAAB", "SOMCVL")
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == ("183", "183", "18")
    assert (first["QuadClass"], first["GoldsteinScale"]) == ("4", "-9.0")
    assert (first["ActionGeo_Type"], first["ActionGeo_CountryCode"]) == ("4", "SO")
    assert first["ActionGeo_FullName"] == "Mogadishu, Banaadir, Somalia"
    assert first["SOURCEURL"] == "https://horndispatch.example/x"
    assert rows[1]["ActionGeo_Type"] == "0" and rows[1]["ActionGeo_Lat"] == ""


@pytest.mark.parametrize(("precision", "iso3", "geo_type"), [
    ("country", "SOM", 1), ("admin1", "USA", 2), ("point", "USA", 3), ("point", "SOM", 4),
    ("admin1", "SOM", 5), ("region", "SOM", 0), (None, None, 0),
])
def test_gdelt_geo_types(precision: str | None, iso3: str | None, geo_type: int) -> None:
    assert gdelt.geo_type(precision, iso3) == geo_type


@pytest.mark.parametrize(("plover", "mode", "target", "expected"), [
    ("ASSAULT", "explosives", "civilians", ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ("ASSAULT", "suicide-attack", None, ("Explosions/Remote violence", "Suicide bomb")),
    ("ASSAULT", "aerial", "rebels", ("Explosions/Remote violence", "Air/drone strike")),
    ("ASSAULT", "firearms", "military", ("Battles", "Armed clash")),
    ("ASSAULT", "firearms", "civilians", ("Violence against civilians", "Attack")),
    ("ASSAULT", None, None, ("Violence against civilians", "Attack")),
    ("ASSAULT", "abduct", "civilians", ("Violence against civilians", "Abduction/forced disappearance")),
    ("PROTEST", "demo", None, ("Protests", "Peaceful protest")),
    ("PROTEST", "riot", None, ("Riots", "Violent demonstration")),
    ("COERCE", "arrest", None, ("Strategic developments", "Arrests")),
    ("RETREAT", "ceasefire", None, ("Strategic developments", "Agreement")),
    ("AGREE", None, None, ("Strategic developments", "Agreement")),
    ("CONSULT", None, None, None), ("THREATEN", "violence", None, None), ("SANCTION", None, None, None),
])
def test_acled_category_from_plover(plover: str, mode: str | None, target: str | None,
                                    expected: tuple[str, str] | None) -> None:
    assert acled.acled_category(plover, mode, target) == expected


def test_acled_csv_has_the_documented_columns_and_values(events: list[dict[str, Any]],
                                                        event_factory: Any) -> None:
    rows_in = [*events, event_factory("e4", status="claimed", attribution="al-Shabaab radio", killed=None)]
    header, rows = read_csv("acled", rows_in)
    assert tuple(header) == acled.COLUMNS
    assert [r["event_id_cnty"] for r in rows] == ["e1", "e4"]   # CONSULT has no category; e3 is negated
    first = rows[0]
    assert (first["event_date"], first["year"], first["time_precision"]) == ("2025-03-05", "2025", "1")
    assert (first["actor1"], first["inter1"], first["actor2"], first["inter2"]) == ("al-Shabaab", "2", "civilians", "7")
    assert (first["country"], first["admin1"], first["location"], first["geo_precision"]) == \
        ("Somalia", "Banaadir", "Mogadishu", "1")
    assert (first["latitude"], first["longitude"], first["fatalities"]) == ("2.03711", "45.34375", "14")
    assert first["source"] == "horndispatch.example"
    assert rows[1]["notes"].endswith("[claimed by al-Shabaab radio]") and rows[1]["fatalities"] == "0"


def test_acled_names_unidentified_attackers() -> None:
    assert acled.actor_label(None, None, "SOM", armed=True) == "Unidentified Armed Group (Somalia)"
    assert acled.actor_label(None, "civilians", "NGA", armed=False) == "Civilians (Nigeria)"
    assert acled.actor_label(None, None, None, armed=False) == ""

"""The embedded gazetteer: loading, lookups, helpers and name keys."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from wirewatch.errors import GeoError
from wirewatch.stages.geo import country_place, resolve_name
from wirewatch.stages.geo.build import admin_centre, is_scannable
from wirewatch.stages.geo.gazetteer import (
    KIND_CITY,
    KIND_COUNTRY,
    Gazetteer,
    default_gazetteer_path,
    load_gazetteer,
)
from wirewatch.stages.geo.names import lookup_key, scan_form


def test_gazetteer_loads_under_one_second(gazetteer: Gazetteer) -> None:
    started = time.process_time()   # CPU time: the machine may be busy with other work
    fresh = load_gazetteer(default_gazetteer_path())
    assert time.process_time() - started < 1.0
    assert len(fresh) == len(gazetteer) > 250_000


def test_gazetteer_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(GeoError, match="not found"):
        load_gazetteer(tmp_path / "nope.pkl")


def test_gazetteer_rejects_foreign_pickle(tmp_path: Path) -> None:
    path = tmp_path / "other.pkl"
    path.write_bytes(b"\x80\x04K\x01.")   # pickle of the int 1
    with pytest.raises(GeoError, match="format"):
        load_gazetteer(path)


def test_default_path_honours_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("WIREWATCH_GAZETTEER", str(tmp_path / "g.pkl"))
    assert default_gazetteer_path() == tmp_path / "g.pkl"


# (test id, name, context countries, expected ISO3, expected precision)
RESOLVE_NAME_CASES = [
    ("tripoli", "Tripoli", (), "LBY", "point"),
    ("tripoli-lebanon", "Tripoli", ("LBN",), "LBN", "point"),
    ("georgia", "Georgia", (), "GEO", "country"),
    ("georgia-usa", "Georgia", ("USA",), "USA", "admin1"),
    ("sinai", "Sinai", (), "EGY", "region"),
    ("us-abbreviation", "U.S.", (), "USA", "country"),
    ("drc", "DRC", (), "COD", "country"),
    ("accents", "Sao Paulo", (), "BRA", None),
]


@pytest.mark.parametrize(("name", "context", "country", "precision"), [c[1:] for c in RESOLVE_NAME_CASES],
                         ids=[c[0] for c in RESOLVE_NAME_CASES])
def test_resolve_name(gazetteer: Gazetteer, name: str, context: tuple[str, ...], country: str,
                      precision: str | None) -> None:
    place = resolve_name(name, context_countries=context, gazetteer=gazetteer)
    assert place is not None and place.country == country
    assert precision is None or place.precision == precision


def test_resolve_name_unknown(gazetteer: Gazetteer) -> None:
    assert resolve_name("Xqzzyville", gazetteer=gazetteer) is None


def test_country_place(gazetteer: Gazetteer) -> None:
    place = country_place("EGY", gazetteer=gazetteer)
    assert (place.name, place.country, place.precision) == ("Egypt", "EGY", "country")
    assert place.lat is not None and 22 < place.lat < 32


def test_country_place_unknown_code(gazetteer: Gazetteer) -> None:
    with pytest.raises(GeoError):
        country_place("XXX", gazetteer=gazetteer)


def test_candidates_ranked(gazetteer: Gazetteer) -> None:
    candidates = gazetteer.candidates("Russia")
    assert candidates[0].kind == KIND_COUNTRY and candidates[0].country == "RUS"
    assert any(c.kind == KIND_CITY and c.country == "USA" for c in candidates)


def test_demonyms_known(gazetteer: Gazetteer) -> None:
    assert gazetteer.demonyms[lookup_key("Egyptian")] == "EGY"


# (test id, text) scan_form must keep the length
@pytest.mark.parametrize("text", ["Toruń", "KwaZulu–Natal", "İstanbul", "Angola’s", "São Paulo"],
                         ids=["ogonek", "en-dash", "dotted-i", "curly-apostrophe", "tilde"])
def test_scan_form_keeps_length(text: str) -> None:
    assert len(scan_form(text)) == len(text)


@pytest.mark.parametrize(("text", "key"), [("The U.S.'s", "us"), ("Al-Minya", "al minya"), ("Toruń", "torun")],
                         ids=["dots-possessive", "hyphen", "accent"])
def test_lookup_key(text: str, key: str) -> None:
    assert lookup_key(text) == key


def test_admin_centre_is_box_middle() -> None:
    assert admin_centre([(30.0, -100.0, 10), (32.0, -96.0, 1_000_000), (31.0, -98.0, 5)]) == (31.0, -98.0)


def test_admin_centre_across_antimeridian() -> None:
    lat, lon = admin_centre([(-17.0, 179.0, 1), (-18.0, -179.5, 1), (-16.0, 178.0, 1)])
    assert (lat, lon) == (-17.0, 178.0)   # the medians, not the middle of a 358-degree box


@pytest.mark.parametrize(("name", "kind", "population", "primary", "expected"), [
    ("Paris", KIND_CITY, 2_000_000, True, True),
    ("Smallville", KIND_CITY, 800, True, False),
    ("EG", KIND_COUNTRY, 0, False, False),
    ("U.S.", KIND_COUNTRY, 0, False, True),
    ("West", KIND_CITY, 50_000, True, False),
], ids=["big-city", "small-town", "iso-code", "abbreviation", "generic-word"])
def test_is_scannable(name: str, kind: int, population: int, primary: bool, expected: bool) -> None:
    assert is_scannable(name, kind, population, is_primary=primary) is expected


def _conventional_rows() -> list[dict[str, str]]:
    import csv
    from importlib import resources

    text = resources.files("wirewatch").joinpath("data/conventional_centres.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def test_conventional_centres_table_is_well_formed() -> None:
    rows = _conventional_rows()
    countries = {r["iso3"] for r in rows if r["kind"] == "country"}
    assert len(countries) >= 195 and {"CHN", "CAN", "IDN", "USA", "GBR"} <= countries
    keys = [(r["iso3"], r["admin1"], r["kind"]) for r in rows]
    assert len(keys) == len(set(keys))
    for row in rows:
        assert row["kind"] in ("country", "admin1", "constituent")
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180
        assert bool(row["admin1"]) == (row["kind"] != "country")
        assert row["note"].startswith("general knowledge, approximate conventional centre")


def test_conventional_centres_override_computed_ones(gazetteer: Gazetteer) -> None:
    """Every row of the table reached the built gazetteer (a row naming no unit would be lost)."""
    from wirewatch.stages.geo.gazetteer import KIND_ADMIN1

    for row in _conventional_rows():
        point = (float(row["lat"]), float(row["lon"]))
        if row["kind"] == "country":
            entry = gazetteer.country(row["iso3"])
            assert entry is not None and (entry.lat, entry.lon) == point, row["name"]
        else:
            units = [e for e in gazetteer.candidates(row["name"])
                     if e.kind == KIND_ADMIN1 and e.country == row["iso3"]]
            assert any((e.lat, e.lon) == point for e in units), row["name"]


def test_conventional_centre_of_china_and_queensland(gazetteer: Gazetteer) -> None:
    china = country_place("CHN", gazetteer=gazetteer)
    assert (china.lat, china.lon) == (35.0, 103.0)
    queensland = resolve_name("Queensland", gazetteer=gazetteer)
    assert queensland is not None and queensland.precision == "admin1"
    assert queensland.lat is not None and -25 < queensland.lat < -20


def test_capitals_known(gazetteer: Gazetteer) -> None:
    assert len(gazetteer.capitals) > 190
    for iso3, name in (("LBY", "Tripoli"), ("LBN", "Beirut"), ("KEN", "Nairobi"), ("USA", "Washington")):
        capital = gazetteer.capital(iso3)
        assert capital is not None and (capital.name, capital.country) == (name, iso3)
    assert gazetteer.capital("XXX") is None


@pytest.mark.parametrize(("key", "expanded"), [("st marc", "saint marc"), ("mt kenya", "mount kenya"),
                                               ("ft detrick", "fort detrick"), ("stockholm", None),
                                               ("st", None)],
                         ids=["saint", "mount", "fort", "no-prefix", "bare-prefix"])
def test_expanded_key(key: str, expanded: str | None) -> None:
    from wirewatch.stages.geo.names import expanded_key

    assert expanded_key(key) == expanded


def test_key_id_spells_out_abbreviations(gazetteer: Gazetteer) -> None:
    assert gazetteer.key_id("St. Marc") == gazetteer.key_id("Saint-Marc") is not None

